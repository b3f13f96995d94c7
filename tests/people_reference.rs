//! The basic attributes (`demographics`), behaviour features (`behaviour`) and brand
//! preferences (the profile's `top_brand`, `top_brand_share`, `brand_affinity`, from the
//! product catalogue) of every customer equal a pandas reference on the sample shop's four
//! files (orders, customer list, events log, product catalogue), read through the session's
//! CSV export as `portrait demographics FILE... --csv` and the page's download give them.
//!
//! Reference: `scripts/people_reference.py` (pandas; its docstring states every definition)
//! writes tests/fixtures/people/sample_20000_seed42{.json,_demographics.csv,_behaviour.csv,
//! _brands.csv}
//! from the files `portrait sample --rows 20000 --seed 42` writes; this test makes the same
//! files in process and checks their sha256 first. Tolerance: counts, days, dates and texts
//! (masked emails and phones included) are equal; ages, rates and means within 1e-9 relative.

mod common;

use portrait::ingest::{IngestOptions, SourceFile};
use portrait::sample::{generate_files, SampleParams};
use portrait::session::{ExportFormat, ExportRequest, Session};
use sha2::{Digest, Sha256};

const CASE: &str = "sample_20000_seed42";
const NUMERIC: &[&str] = &[
    "age",
    "visits_per_30_days",
    "view_to_cart",
    "cart_to_purchase",
    "mean_dwell_seconds",
    "top_brand_share",
    "brand_affinity",
];
const RELATIVE: f64 = 1e-9;

fn session_of_the_sample() -> Session {
    let files = generate_files(&SampleParams {
        rows: 20_000,
        seed: 42,
    })
    .expect("generates");
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::committed_fixture(&format!("people/{CASE}.json")))
            .expect("the committed reference"),
    )
    .expect("json");
    let inputs = [
        ("orders", files.orders),
        ("customers", files.customers),
        ("events", files.events),
        ("products", files.products),
    ];
    for (name, bytes) in &inputs {
        assert_eq!(
            format!("{:x}", Sha256::digest(bytes)),
            meta["sha256"][name].as_str().unwrap(),
            "{name}.csv is the file the reference read"
        );
    }
    let mut s = Session::new();
    s.ingest_now(
        inputs
            .into_iter()
            .map(|(name, bytes)| SourceFile {
                name: format!("{name}.csv"),
                bytes,
            })
            .collect(),
        IngestOptions::default(),
        |_, _, _| None,
    )
    .expect("ingests");
    s
}

fn export_csv(s: &mut Session, analysis: &str) -> String {
    s.export(&ExportRequest {
        analysis: Some(analysis.into()),
        params: serde_json::Value::Null,
        format: ExportFormat::Csv,
    })
    .expect("the table as CSV")
}

fn reference(name: &str) -> String {
    std::fs::read_to_string(common::committed_fixture(&format!(
        "people/{CASE}_{name}.csv"
    )))
    .expect("the committed reference")
}

fn assert_equal_to_reference(s: &mut Session, analysis: &str) {
    let ours = export_csv(s, analysis);
    common::assert_same_table(
        analysis,
        &ours,
        &reference(analysis),
        |c| NUMERIC.contains(&c),
        RELATIVE,
    );
}

#[test]
fn demographics_and_behaviour_of_the_sample_shop_equal_the_pandas_reference() {
    let mut s = session_of_the_sample();
    assert_equal_to_reference(&mut s, "demographics");
    assert_equal_to_reference(&mut s, "behaviour");
}

#[test]
fn the_brand_preferences_from_the_catalogue_equal_the_pandas_reference() {
    let mut s = session_of_the_sample();
    let (header, rows) = common::read_csv(&export_csv(&mut s, "profile"));
    let wanted = [
        "customer_id",
        "top_brand",
        "top_brand_share",
        "brand_affinity",
    ];
    let at: Vec<usize> = wanted
        .iter()
        .map(|w| {
            header
                .iter()
                .position(|h| h == w)
                .expect("a profile column")
        })
        .collect();
    // the four columns, as CSV (brand names hold no comma or quote)
    let mut ours = wanted.join(",") + "\n";
    for row in &rows {
        let cells: Vec<&str> = at.iter().map(|&i| row[i].as_str()).collect();
        ours.push_str(&cells.join(","));
        ours.push('\n');
    }
    let theirs = reference("brands");
    common::assert_same_table("brands", &ours, &theirs, |c| NUMERIC.contains(&c), RELATIVE);
    assert!(rows
        .iter()
        .all(|r| !r[at[1]].is_empty() || r[at[2]].is_empty()));
    assert!(
        rows.iter().filter(|r| !r[at[1]].is_empty()).count() > rows.len() / 2,
        "most customers have a top brand"
    );
}
