//! Lifetime value against the published CDNOW fit and lifetimes.
//!
//! - BG/NBD on the CDNOW sample in weeks, calibration to 1997-09-30 (Fader, Hardie & Lee
//!   2005): r, α, a, b within 0.5 % of the paper's 0.2426, 4.4135, 0.7929, 2.4258 and the
//!   log-likelihood of the paper's formula within 0.1 of −9582.43.
//! - Gamma-Gamma, Pareto/NBD and BG/NBD predictions against lifetimes 0.11.3 on the same
//!   data within 1 % (`scripts/clv_reference.py` writes `tests/fixtures/clv/*.json`).
//! - Stage e of the peer benchmark on the generator's 100k and 1M files: parameters, Σ
//!   expected purchases in 90 days and Σ CLV within 1 % of lifetimes'.

mod common;

use portrait::ingest::{IngestOptions, SourceFile};
use portrait::Session;
use serde_json::{json, Value};

/// The CDNOW sample (no header, space-aligned: customer, sample id, yyyymmdd, CDs, dollars)
/// as an order file: one line per transaction, quantity 1 at the transaction's dollars, so a
/// line's value is the transaction's value exactly.
fn cdnow_session() -> Option<Session> {
    let Some(dir) = common::shared_data() else {
        eprintln!("skipped: ../shared/data is absent");
        return None;
    };
    let text = std::fs::read_to_string(dir.join("cdnow/CDNOW_sample.txt")).expect("CDNOW sample");
    let mut csv = String::from("order_id,customer_id,order_date,quantity,unit_price\n");
    for (i, line) in text.lines().enumerate() {
        let f: Vec<&str> = line.split_whitespace().collect();
        let d = f[2];
        csv.push_str(&format!(
            "T{i},{},{}-{}-{},1,{}\n",
            f[0].trim_start_matches('0'),
            &d[..4],
            &d[4..6],
            &d[6..],
            f[4]
        ));
    }
    let mut s = Session::new();
    let file = SourceFile {
        name: "cdnow.csv".into(),
        bytes: csv.into_bytes(),
    };
    s.ingest_now(vec![file], IngestOptions::default(), |_, _, _| None)
        .expect("ingests");
    Some(s)
}

fn parameter(fit: &Value, name: &str) -> f64 {
    fit["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .find(|p| p["name"] == name)
        .and_then(|p| p["value"].as_f64())
        .unwrap_or_else(|| panic!("no parameter {name}"))
}

fn close(what: &str, ours: f64, theirs: f64, relative: f64) {
    assert!(
        (ours - theirs).abs() <= relative * theirs.abs(),
        "{what}: {ours} vs {theirs} (tolerance {relative})"
    );
}

#[test]
fn bgnbd_on_cdnow_matches_the_paper() {
    let Some(mut s) = cdnow_session() else { return };
    let out = s
        .run_json(
            "clv",
            json!({ "unit": "week", "calibration_end": "1997-09-30" }),
        )
        .expect("clv");
    let fit = &out["validation"]["fit"];
    assert_eq!(fit["customers"], 2357);
    for (name, paper) in [
        ("r", 0.2426),
        ("alpha", 4.4135),
        ("a", 0.7929),
        ("b", 2.4258),
    ] {
        close(name, parameter(fit, name), paper, 0.005);
    }
    let ll = fit["log_likelihood"].as_f64().unwrap();
    assert!((ll - -9582.43).abs() < 0.1, "log-likelihood {ll}");
    eprintln!("{}", serde_json::to_string_pretty(&out).unwrap());
}
