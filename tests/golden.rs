//! The door refactor changed no result: the CLI of this commit, on the inputs of
//! `scripts/golden.sh`, prints the text the CLI printed before it (byte for byte) and a JSON
//! report whose every number, code, id and name equals the golden one.
//!
//! The intended differences, and nothing else, are undone before comparing:
//! - sentences became message codes: each code with its parameters is worded in English
//!   with `portrait::message::english` and must give back the old sentence exactly (quality
//!   reasons, the wrong-field-count detail, file notes, the currency basis, date formats);
//! - `format` went from 1 to 2;
//! - new fields: `overview.monthly[].partial`, `overview.previous`, `rfm.summary.bins`
//!   (their values are checked here too);
//! - platform exports (issue 7): the fields `quality.rows_left_out`, `quality.left_out`,
//!   `quality.refunds`, `quality.currencies`, `quality.files[].platform`,
//!   `quality.files[].rows_left_out` and `files[].platform` are new (none of these inputs is a
//!   platform export, has a status that leaves a row out or a second currency: they are
//!   checked empty), `files[].proposals` is new (empty: every required field is mapped),
//!   and an export's files carry no preview rows (`files[].preview` is compared empty
//!   against nothing).
//!
//! Goldens: `tests/fixtures/golden/` (written by `scripts/golden.sh e5a04cf^`, the commit
//! before the refactor; the two messy files' again at issue 7, whose statuses it fixed). Online Retail is read from `../shared/data` and skipped, with a
//! message, where that folder is absent.

mod common;

use portrait::message::{english, Message};
use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_portrait");

fn golden(name: &str) -> PathBuf {
    common::committed_fixture("golden").join(name)
}

fn read_golden_json(name: &str) -> Value {
    let path = golden(name);
    let mut text = String::new();
    if name.ends_with(".gz") {
        let bytes = std::fs::read(&path).unwrap();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .unwrap();
    } else {
        text = std::fs::read_to_string(&path).unwrap();
    }
    serde_json::from_str(&text).unwrap()
}

fn cli(args: &[&Path], json: bool) -> String {
    let mut cmd = Command::new(BIN);
    cmd.arg("analyze").args(args);
    if json {
        cmd.arg("--json");
    }
    let out = cmd.output().expect("the CLI runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn message(v: &Value) -> String {
    english(&serde_json::from_value::<Message>(v.clone()).expect("a message"))
}

/// The old English of a `DateFormat` object.
fn date_format(v: &Value) -> String {
    if v.is_null() {
        return String::new();
    }
    let written = v["written"].as_str().unwrap();
    let mut s = if written.starts_with("date.") {
        english(&Message::new(written))
    } else {
        written.to_string()
    };
    match v["order"].as_str() {
        Some("day_first") => s.push_str(" (day first)"),
        Some("month_first") => s.push_str(" (month first)"),
        _ => {}
    }
    if v["zone_dropped"].as_bool().unwrap() {
        s.push_str(" (time zone dropped, wall clock kept)");
    }
    s
}

/// The new report with the intended changes undone: what the old CLI printed.
fn legacy(mut new: Value) -> Value {
    new["format"] = 1.into();
    for f in new["files"].as_array_mut().unwrap() {
        assert_eq!(
            f["preview"],
            Value::Array(Vec::new()),
            "an export has no preview rows"
        );
        assert_eq!(f["platform"], Value::Null);
        assert_eq!(f["proposals"], Value::Array(Vec::new()));
        let f = f.as_object_mut().unwrap();
        f.remove("preview");
        f.remove("platform");
        f.remove("proposals");
    }
    let q = &mut new["quality"];
    assert_eq!(q["rows_left_out"], 0);
    assert_eq!(q["left_out"], Value::Array(Vec::new()));
    assert_eq!(q["currencies"], Value::Array(Vec::new()));
    assert_eq!(q["refunds"]["lines"], 0);
    for key in ["rows_left_out", "left_out", "currencies", "refunds"] {
        q.as_object_mut().unwrap().remove(key);
    }
    for f in q["files"].as_array_mut().unwrap() {
        assert_eq!(f["platform"], Value::Null);
        assert_eq!(f["rows_left_out"], 0);
        f.as_object_mut().unwrap().remove("platform");
        f.as_object_mut().unwrap().remove("rows_left_out");
        f["date_format"] = date_format(&f["date_format"]).into();
        let notes: Vec<Value> = f["notes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| message(n).into())
            .collect();
        f["notes"] = notes.into();
    }
    for g in q["rejected"].as_array_mut().unwrap() {
        let reason = format!("reason.{}", g["reason"].as_str().unwrap());
        g["message"] = english(&Message::new(&reason)).into();
        for e in g["examples"].as_array_mut().unwrap() {
            e["detail"] = match &e["detail"] {
                Value::Null => "".into(),
                d => format!("expected {} fields, found {}", d["expected"], d["found"]).into(),
            };
        }
    }
    q["currency"]["basis"] = message(&q["currency"]["basis"]).into();
    let o = new["overview"].as_object_mut().unwrap();
    o.remove("previous");
    for m in o["monthly"].as_array_mut().unwrap() {
        m.as_object_mut().unwrap().remove("partial");
    }
    new["rfm"]["summary"]
        .as_object_mut()
        .unwrap()
        .remove("bins");
    new
}

/// Whether a golden report was written before the door (its sentences, format 1 and missing
/// fields are undone by `legacy`), or by the commit that last changed its numbers on purpose.
#[derive(Clone, Copy, PartialEq)]
enum Written {
    BeforeTheDoor,
    AsItIs,
}

/// `report` without what an orders-only input leaves empty since the side tables came (the
/// goldens were written before): each file's table (`orders`), the side tables' reports and
/// the join report. They are checked to be empty, then removed.
fn without_empty_side_tables(mut report: Value) -> Value {
    for f in report["files"].as_array_mut().unwrap() {
        let f = f.as_object_mut().unwrap();
        assert_eq!(f.remove("table"), Some(Value::from("orders")));
    }
    let q = report["quality"].as_object_mut().unwrap();
    assert_eq!(q.remove("tables"), Some(Value::Array(Vec::new())));
    assert_eq!(q.remove("join"), Some(serde_json::json!({ "sides": [] })));
    report
}

fn check(name: &str, files: &[&Path], golden_json: &str, partial: &[bool], written: Written) {
    let text = cli(files, false);
    let want = std::fs::read_to_string(golden(&format!("{name}.report.txt"))).unwrap();
    assert_eq!(text, want, "{name}: the CLI's text changed");
    let new: Value = without_empty_side_tables(serde_json::from_str(&cli(files, true)).unwrap());
    if written == Written::AsItIs {
        let old = read_golden_json(golden_json);
        assert!(new == old, "{name}: a number, code, id or name changed");
        return;
    }
    assert_eq!(new["format"], 2);
    assert_eq!(
        new["overview"]["previous"],
        Value::Null,
        "no filter, no previous period"
    );
    assert_eq!(new["rfm"]["summary"]["bins"], 5);
    let flags: Vec<bool> = new["overview"]["monthly"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["partial"].as_bool().unwrap())
        .collect();
    assert_eq!(flags, partial, "{name}: partial months");
    let mut old = read_golden_json(golden_json);
    for f in old["files"].as_array_mut().unwrap() {
        f.as_object_mut().unwrap().remove("preview");
    }
    assert!(
        legacy(new) == old,
        "{name}: a number, code, id or name changed"
    );
}

#[test]
fn two_messy_files_give_the_golden_text_and_report() {
    let files = [golden("messy-orders.csv"), golden("订单明细.csv")];
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    // 13 Jan – 12 Mar 2024: January and March are cut
    // rewritten at issue 7 (see `messy_statuses_mean_what_they_say`)
    check(
        "messy",
        &paths,
        "messy.report.json",
        &[true, false, true],
        Written::AsItIs,
    );
}

/// The messy goldens were written again at issue 7, by this commit's CLI: `订单明细.csv`'s
/// 交易关闭 order and `messy-orders.csv`'s `refunded` line used to count as returns of a
/// positive value (net revenue ¥1,423.20 above gross sales, returns +¥1,057.50). Now the
/// closed order is left out and the refunded line is a sale and a return.
#[test]
fn messy_statuses_mean_what_they_say() {
    let files = [golden("messy-orders.csv"), golden("订单明细.csv")];
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let r: Value = serde_json::from_str(&cli(&paths, true)).unwrap();
    let o = &r["overview"];
    // purchases 24.80 + 9.90 + 7.50 + 10.00 + 120.00 + 89.50 + 22.00 + 89.50 = 373.20
    assert_eq!(o["gross_sales_cents"], 37320);
    // C109's −9.90 and A102's refund −7.50
    assert_eq!(o["returns_cents"], -1740);
    assert_eq!(o["revenue_cents"], 35580);
    assert_eq!(o["orders"], 8);
    let q = &r["quality"];
    assert_eq!(q["rows_left_out"], 1);
    assert_eq!(q["left_out"][0]["reason"], "closed");
    assert_eq!(q["left_out"][0]["value_cents"], 105990);
    assert_eq!(q["refunds"]["lines"], 1);
    assert_eq!(q["refunds"]["value_cents"], -750);
}

#[test]
fn the_sample_shop_gives_the_golden_text_and_report() {
    let dir = std::env::temp_dir().join(format!("portrait-golden-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("sample-shop.csv");
    let status = Command::new(BIN)
        .args(["sample", "--rows", "100000", "--seed", "42", "--out"])
        .arg(&csv)
        .status()
        .unwrap();
    assert!(status.success());
    // 2023-01-01 .. 2024-12-31: every month whole
    check(
        "sample-shop",
        &[&csv],
        "sample-shop.report.json.gz",
        &[false; 24],
        Written::BeforeTheDoor,
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn online_retail_gives_the_golden_text_and_report() {
    let Some(data) = common::shared_data() else {
        eprintln!("skipped: ../shared/data is absent (UCI Online Retail)");
        return;
    };
    let dir = std::env::temp_dir().join(format!("portrait-golden-or-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("online_retail.csv");
    let gz = std::fs::read(data.join("online_retail/online_retail.csv.gz")).unwrap();
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_end(&mut bytes)
        .unwrap();
    std::fs::write(&csv, bytes).unwrap();
    // 1 Dec 2010 – 9 Dec 2011: only the last December is cut
    let mut partial = [false; 13];
    partial[12] = true;
    check(
        "online-retail",
        &[&csv],
        "online-retail.report.json.gz",
        &partial,
        Written::BeforeTheDoor,
    );
    std::fs::remove_dir_all(&dir).ok();
}
