//! The probe through every face of the door.

use crate::analysis::registry;
use crate::session::{ExportRequest, Run, Session};
use crate::table::{Cell, TableQuery};
use serde_json::json;

const SHOP: &str = "order_id,customer_id,order_date,quantity,unit_price\n\
A1,7,2024-01-05 10:00:00,1,5.00\n\
A1,7,2024-01-05 10:00:00,2,3.00\n\
A2,8,2024-02-01 10:00:00,1,9.00\n\
A3,9,2024-03-01 10:00:00,1,1.00\n\
A4,7,2024-03-02 10:00:00,1,2.00\n";

fn session() -> Session {
    Session::of_csv(SHOP)
}

#[test]
fn run_steps_the_fit_and_reports_its_work() {
    let mut s = session();
    let mut run = s.run("probe", &json!({ "per_step": 1 })).expect("starts");
    let mut steps = 0;
    while let Run::Working(work) = run {
        assert!(work.done < 3, "{work:?}");
        steps += 1;
        run = s.step_run(1).expect("steps");
    }
    assert_eq!(steps, 3, "one customer per step");
    let Run::Done(output) = run else {
        unreachable!()
    };
    let v = serde_json::to_value(&*output).expect("json");
    assert_eq!(v, json!({ "customers": 3, "lines": 5 }));
    // fitted once: the same parameters come back from the cache at once
    assert!(matches!(
        s.run("probe", &json!({ "per_step": 1 })).expect("cached"),
        Run::Done(_)
    ));
}

#[test]
fn its_rule_refuses_with_its_own_code_and_wording() {
    let mut s = session();
    let err = s
        .run("probe", &json!({ "times": 0 }))
        .err()
        .expect("refused");
    assert_eq!(err.message().code, "probe.times");
    assert_eq!(err.to_string(), "times must be at least 1, got 0");
}

#[test]
fn its_column_joins_the_customer_table_beside_other_analyses() {
    let mut s = session();
    s.run_json("probe", json!({ "times": 10 })).expect("runs");
    let page = s
        .table(&TableQuery {
            columns: vec!["probe.lines".into(), "rfm.segment".into()],
            sort: Some("probe.lines".into()),
            descending: true,
            limit: 10,
            ..TableQuery::default()
        })
        .expect("page");
    let rows: Vec<(&str, &Cell)> = page
        .rows
        .iter()
        .map(|r| (r.customer_id.as_str(), &r.cells[0].1))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("7", &Cell::Int(30)),
            ("8", &Cell::Int(10)),
            ("9", &Cell::Int(10))
        ]
    );
    assert_eq!(page.rows[0].cells[1].0, "rfm.segment");
}

#[test]
fn the_cli_has_its_subcommand_flags_help_and_json() {
    let mut cmd = crate::cli::command();
    let help = cmd
        .find_subcommand_mut("probe")
        .expect("a subcommand")
        .render_long_help()
        .to_string();
    assert!(help.contains("--times <N>"), "{help}");
    assert!(
        help.contains("Each count is multiplied by this (at least 1). [default: 1]"),
        "{help}"
    );
    let inv = crate::cli::parse(["portrait", "probe", "shop.csv", "--times", "2", "--json"])
        .expect("parses");
    let mut s = session();
    let out = crate::cli::render(&mut s, &inv).expect("renders").out;
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["summary"], json!({ "customers": 3, "lines": 10 }));
    assert_eq!(v["customers"][0], json!({ "customer_id": "7", "lines": 6 }));
    let same = s
        .export(&ExportRequest {
            analysis: Some("probe".into()),
            params: json!({ "times": 2 }),
            ..Default::default()
        })
        .expect("export");
    assert_eq!(out, same + "\n", "--json is the page's export");
    let inv = crate::cli::parse(["portrait", "probe", "shop.csv"]).expect("parses");
    let text = crate::cli::render(&mut s, &inv).expect("renders").out;
    assert_eq!(text, "Probe\n  customers 3\n  lines 5\n");
}

#[test]
fn the_generated_types_hold_its_parameters_output_and_column() {
    let files = crate::typegen::generate(registry::entries());
    let get = |name: &str| &files.iter().find(|(n, _)| n == name).expect(name).1;
    assert!(
        get("types.ts").contains("export type ProbeParams = {"),
        "{}",
        get("types.ts")
    );
    assert!(get("types.ts").contains("export type ProbeOutput = {"));
    let analyses = get("analyses.ts");
    assert!(analyses.contains("  probe: {\n    params: ProbeParams;\n    output: ProbeOutput;\n    columns: { lines: number; };"), "{analyses}");
    assert!(get("messages.ts").contains("\"probe.times\": \"times must be at least 1, got {got}\""));
    assert!(get("defaults.ts").contains("\"probe\": {"));
}

#[test]
fn the_report_leaves_it_out() {
    let mut s = session();
    let report: serde_json::Value =
        serde_json::from_str(&s.report_json().expect("report")).expect("json");
    assert!(report.get("probe").is_none());
    assert!(report.get("rfm").is_some());
}
