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
use portrait::session::{ExportFormat, ExportRequest};
use portrait::Session;
use serde_json::{json, Value};
use std::collections::HashMap;

fn reference(name: &str) -> Value {
    let path = common::committed_fixture(&format!("clv/{name}"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("json")
}

/// The clv customer columns as a map from customer id to (column → value), from the CSV
/// download (money in currency units).
fn columns(s: &mut Session, params: Value) -> HashMap<String, HashMap<String, f64>> {
    let csv = s
        .export(&ExportRequest {
            analysis: Some("clv".into()),
            params,
            format: ExportFormat::Csv,
        })
        .expect("clv csv");
    let (header, rows) = common::read_csv(&csv);
    rows.into_iter()
        .map(|r| {
            let values = header
                .iter()
                .zip(&r)
                .skip(1)
                .filter_map(|(h, v)| {
                    let v = v.parse::<f64>().ok()?;
                    Some(match h.strip_suffix("_cents") {
                        Some(name) => (name.to_string(), v / 100.0),
                        None => (h.clone(), v),
                    })
                })
                .collect();
            (r[0].clone(), values)
        })
        .collect()
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_f64().expect("number"))
        .collect()
}

fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.to_string())
        .collect()
}

/// |ours − theirs| ≤ relative·|theirs| + absolute, customer by customer.
fn per_customer(
    what: &str,
    table: &HashMap<String, HashMap<String, f64>>,
    column: &str,
    ids: &[String],
    theirs: &[f64],
    relative: f64,
    absolute: f64,
) {
    assert_eq!(ids.len(), theirs.len());
    let mut worst = (0.0f64, String::new());
    for (id, t) in ids.iter().zip(theirs) {
        let ours = table[id][column];
        let excess = (ours - t).abs() - (relative * t.abs() + absolute);
        if excess > worst.0 {
            worst = (excess, format!("customer {id}: {ours} vs {t}"));
        }
    }
    assert!(worst.0 <= 0.0, "{what} {column}: {}", worst.1);
}

/// The CDNOW sample (no header, space-aligned: customer, sample id, yyyymmdd, CDs, dollars)
/// as an order file: one line per transaction, quantity 1 at the transaction's dollars, so a
/// line's value is the transaction's value exactly.
fn cdnow_session() -> Option<Session> {
    let Some(dir) = common::shared_data() else {
        eprintln!("skipped: ../shared/data is absent");
        return None;
    };
    let text = std::fs::read_to_string(dir.join("cdnow/CDNOW_sample.txt")).expect("CDNOW sample");
    let csv = common::cdnow_orders_csv(&text, 2, 4);
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
    // the holdout expectation and what the customers did, as lifetimes has them
    let weeks = &reference("cdnow.json")["weeks"];
    let v = &out["validation"];
    assert_eq!(v["holdout_days"], 273);
    assert_eq!(
        v["actual"].as_f64(),
        weeks["summary_sums"]["frequency_holdout"].as_f64()
    );
    close(
        "Σ expected holdout",
        v["predicted"].as_f64().unwrap(),
        weeks["bgnbd"]["expected_holdout_sum"].as_f64().unwrap(),
        1e-6,
    );
}

#[test]
fn pareto_nbd_on_cdnow_matches_lifetimes() {
    let Some(mut s) = cdnow_session() else { return };
    let r = reference("cdnow.json");
    let params = json!({ "model": "pareto", "unit": "week", "calibration_end": "1997-09-30" });
    let out = s.run_json("clv", params.clone()).expect("clv");
    let (cal, theirs) = (&out["validation"], &r["weeks"]["pareto"]);
    for name in ["r", "alpha", "s", "beta"] {
        close(
            name,
            parameter(&cal["fit"], name),
            theirs["params"][name].as_f64().unwrap(),
            0.01,
        );
    }
    close(
        "Σ expected holdout",
        cal["predicted"].as_f64().unwrap(),
        theirs["expected_holdout_sum"].as_f64().unwrap(),
        0.01,
    );
    // the whole period: parameters and every customer's P(alive) and expected purchases
    let full = &r["weeks_full"];
    for name in ["r", "alpha", "s", "beta"] {
        close(
            name,
            parameter(&out["purchases"], name),
            full["pareto"]["params"][name].as_f64().unwrap(),
            0.01,
        );
    }
    let table = columns(&mut s, params);
    let who = ids(&full["customer_id"]);
    per_customer(
        "pareto",
        &table,
        "p_alive",
        &who,
        &floats(&full["pareto_p_alive"]),
        0.01,
        1e-6,
    );
    per_customer(
        "pareto",
        &table,
        "expected_purchases",
        &who,
        &floats(&full["pareto_expected"]),
        0.01,
        1e-6,
    );
}

#[test]
fn bgnbd_predictions_on_cdnow_match_lifetimes_customer_by_customer() {
    let Some(mut s) = cdnow_session() else { return };
    let full = &reference("cdnow.json")["weeks_full"];
    let table = columns(&mut s, json!({ "unit": "week" }));
    let who = ids(&full["customer_id"]);
    per_customer(
        "bgnbd",
        &table,
        "p_alive",
        &who,
        &floats(&full["bgnbd_p_alive"]),
        1e-4,
        1e-6,
    );
    per_customer(
        "bgnbd",
        &table,
        "expected_purchases",
        &who,
        &floats(&full["bgnbd_expected"]),
        1e-4,
        1e-9,
    );
}

#[test]
fn gamma_gamma_and_clv_on_cdnow_match_lifetimes() {
    let Some(mut s) = cdnow_session() else { return };
    let days = &reference("cdnow.json")["days"];
    let out = s.run_json("clv", json!({})).expect("clv");
    for name in ["r", "alpha", "a", "b"] {
        close(
            name,
            parameter(&out["purchases"], name),
            days["bgnbd"]["params"][name].as_f64().unwrap(),
            0.001,
        );
    }
    for name in ["p", "q", "v"] {
        close(
            name,
            parameter(&out["value"], name),
            days["gammagamma"]["params"][name].as_f64().unwrap(),
            0.01,
        );
    }
    assert_eq!(out["value"]["customers"], days["repeat_customers"]);
    close(
        "Σ expected 90 days",
        out["expected_purchases"]["value"].as_f64().unwrap(),
        days["expected_purchases_90d_sum"].as_f64().unwrap(),
        0.01,
    );
    let table = columns(&mut s, json!({}));
    let who = ids(&days["repeat_customer_id"]);
    // money columns are whole cents: half a cent of rounding besides the 1 %
    per_customer(
        "gamma-gamma",
        &table,
        "expected_order_value",
        &who,
        &floats(&days["repeat_expected_value"]),
        0.01,
        0.005,
    );
    per_customer(
        "clv",
        &table,
        "lifetime_value",
        &who,
        &floats(&days["repeat_clv_90d"]),
        0.01,
        0.005,
    );
    let ours: f64 = who.iter().map(|id| table[id]["lifetime_value"]).sum();
    close(
        "Σ CLV of the repeat buyers",
        ours,
        days["clv_90d_sum"].as_f64().unwrap(),
        0.01,
    );
}

/// Stage e on a peer file: the BG/NBD and Gamma-Gamma parameters, Σ expected purchases in 90
/// days and Σ CLV of the repeat buyers within 1 % of lifetimes'.
fn stage_e(rows: usize) {
    let r = reference(&format!("stage_e_peer_{rows}.json"));
    let path = common::generated_fixture(&format!("peer_orders_{rows}_seed42.csv"));
    let bytes = std::fs::read(&path).expect("peer file");
    let mut s = Session::new();
    let file = SourceFile {
        name: "orders.csv".into(),
        bytes,
    };
    s.ingest_now(vec![file], IngestOptions::default(), |_, _, _| None)
        .expect("ingests");
    let out = s.run_json("clv", json!({})).expect("clv");
    assert_eq!(out["customers"], r["customers"]);
    assert_eq!(out["value"]["customers"], r["repeat_customers"]);
    for name in ["r", "alpha", "a", "b"] {
        close(
            name,
            parameter(&out["purchases"], name),
            r["bgnbd"]["params"][name].as_f64().unwrap(),
            0.01,
        );
    }
    for name in ["p", "q", "v"] {
        close(
            name,
            parameter(&out["value"], name),
            r["gammagamma"]["params"][name].as_f64().unwrap(),
            0.01,
        );
    }
    close(
        "Σ expected 90 days",
        out["expected_purchases"]["value"].as_f64().unwrap(),
        r["expected_purchases_90d"]["sum"].as_f64().unwrap(),
        0.01,
    );
    let table = columns(&mut s, json!({}));
    let repeat: f64 = table
        .values()
        .filter(|c| c.get("repeat_days").is_some_and(|x| *x > 0.0))
        .map(|c| c["lifetime_value"])
        .sum();
    close(
        "Σ CLV of the repeat buyers",
        repeat,
        r["clv_90d"]["sum"].as_f64().unwrap(),
        0.01,
    );
}

#[test]
fn stage_e_on_the_100k_peer_file_matches_lifetimes() {
    stage_e(100_000);
}

#[test]
fn stage_e_on_the_1m_peer_file_matches_lifetimes() {
    stage_e(1_000_000);
}
