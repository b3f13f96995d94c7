//! Propensity where the data cannot support it, and the time split against leakage: every
//! outcome is a fit or a plain reason, and nothing after the label window can move a model.

mod common;

use portrait::ingest::{IngestOptions, SourceFile};
use portrait::sample::{generate_csv, SampleParams};
use portrait::{Error, Session};
use serde_json::{json, Value};

fn session(csv: &[u8]) -> Session {
    let mut s = Session::new();
    let file = SourceFile {
        name: "orders.csv".into(),
        bytes: csv.to_vec(),
    };
    s.ingest_now(vec![file], IngestOptions::default(), |_, _, _| None)
        .expect("ingests");
    s
}

fn refusal(s: &mut Session, params: Value) -> String {
    match s.run_json("propensity", params) {
        Err(Error::Refused(m)) => format!("{}: {m}", m.code),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// Orders: (customer, day offset from 2024-01-01) of one ¥10 line each.
fn orders(lines: &[(u32, u32)]) -> Vec<u8> {
    let mut csv = String::from("order_id,customer_id,order_date,quantity,unit_price\n");
    for (i, (c, day)) in lines.iter().enumerate() {
        let date = 19_723 + i64::from(*day);
        let (y, m, d) = common::civil(date);
        csv.push_str(&format!("O{i},{c},{y:04}-{m:02}-{d:02} 10:00:00,1,10\n"));
    }
    csv.into_bytes()
}

#[test]
fn nothing_after_the_label_window_changes_the_models_or_their_metrics() {
    let csv = generate_csv(&SampleParams::default()).expect("sample");
    let text = String::from_utf8(csv.clone()).expect("utf-8");
    // the test labels end on 2024-09-29 (cutoff 2024-07-01 + 90 days): drop every later line
    let mut cut = String::new();
    for (i, line) in text.lines().enumerate() {
        let keep = i == 0
            || line
                .split(',')
                .nth(2)
                .is_some_and(|d| &d[..10] <= "2024-09-29");
        if keep {
            cut.push_str(line);
            cut.push('\n');
        }
    }
    assert!(cut.len() < text.len() * 9 / 10, "the cut removes a quarter");
    let params = json!({"cutoff": "2024-07-01"});
    let full = session(&csv)
        .run_json("propensity", params.clone())
        .expect("fits");
    let past = session(cut.as_bytes())
        .run_json("propensity", params)
        .expect("fits");
    for field in ["training", "test", "models", "baseline", "features"] {
        assert_eq!(full[field], past[field], "{field} depends on the future");
    }
    assert_ne!(full["scored_at"], past["scored_at"]);
}

#[test]
fn the_same_seed_gives_the_same_forest_and_another_seed_another() {
    let csv = generate_csv(&SampleParams {
        rows: 30_000,
        ..SampleParams::default()
    })
    .expect("sample");
    let mut s = session(&csv);
    let a = s
        .run_json("propensity", json!({"trees": 20}))
        .expect("fits");
    let b = s
        .run_json("propensity", json!({"trees": 20, "seed": 42}))
        .expect("fits");
    let c = s
        .run_json("propensity", json!({"trees": 20, "seed": 7}))
        .expect("fits");
    assert_eq!(a, b);
    assert_eq!(
        a["models"][0], c["models"][0],
        "the logistic regression draws nothing"
    );
    assert_ne!(
        a["models"][2], c["models"][2],
        "the forest's draws follow the seed"
    );
    // never NaN: every model's metrics are numbers
    for m in a["models"].as_array().expect("models") {
        for k in [
            "roc_auc",
            "roc_auc_se",
            "pr_auc",
            "brier",
            "log_loss",
            "lift_top_tenth",
        ] {
            assert!(m[k].as_f64().is_some_and(f64::is_finite), "{k}: {}", m[k]);
        }
    }
}

#[test]
fn a_shop_too_small_or_too_short_is_refused_with_the_numbers() {
    // 30 customers: too few
    let lines: Vec<(u32, u32)> = (0..30).flat_map(|c| [(c, c), (c, 200 + c)]).collect();
    let mut s = session(&orders(&lines));
    let r = refusal(&mut s, json!({}));
    assert!(
        r.starts_with("propensity.too_few: too few customers to learn from: "),
        "{r}"
    );
    assert!(r.contains("need at least 50"), "{r}");

    // 200 customers who all bought in January and never again: no one to tell apart
    let lines: Vec<(u32, u32)> = (0..200).map(|c| (c, c % 30)).chain([(0, 400)]).collect();
    let mut s = session(&orders(&lines));
    let r = refusal(&mut s, json!({}));
    assert!(
        r.starts_with("propensity.one_class: nothing to tell apart in the 90 days after "),
        "{r}"
    );
    assert!(r.contains("need at least 10 of each"), "{r}");

    // a cutoff that leaves no complete label window
    let r = refusal(&mut s, json!({"cutoff": "2025-01-20"}));
    assert!(
        r.starts_with("propensity.cutoff_outside: the cutoff 2025-01-20 leaves no complete 90-day label window before the last day 2025-02-04"),
        "{r}"
    );
    // no category column
    let r = refusal(
        &mut s,
        json!({"target": "purchase", "target_category": "Shoes"}),
    );
    assert!(r.starts_with("propensity.no_categories"), "{r}");
}

#[test]
fn parameters_and_categories_are_checked_by_name() {
    let csv = generate_csv(&SampleParams {
        rows: 20_000,
        ..SampleParams::default()
    })
    .expect("sample");
    let mut s = session(&csv);
    let r = refusal(
        &mut s,
        json!({"target": "purchase", "target_category": "Shoe"}),
    );
    assert!(
        r.starts_with("propensity.unknown_category: there is no category \"Shoe\" in the orders; the categories include"),
        "{r}"
    );
    let err = s
        .run_json("propensity", json!({"horizon_days": 1000}))
        .expect_err("a broken rule");
    assert_eq!(
        err.to_string(),
        "horizon_days must be between 7 and 730 (got 1000)"
    );
    let err = s
        .run_json("propensity", json!({"target_category": "Shoes"}))
        .expect_err("churn has no category");
    assert!(err
        .to_string()
        .starts_with("a category applies to the purchase target only"));
}

#[test]
fn the_whole_portrait_of_a_shop_too_small_to_predict_leaves_the_predictions_out_with_the_reason() {
    let lines: Vec<(u32, u32)> = (0..30).flat_map(|c| [(c, c), (c, 200 + c)]).collect();
    let mut s = session(&orders(&lines));
    let out = s
        .run_json("customers", json!({}))
        .expect("the rest of the portrait stands");
    let columns: Vec<&str> = out["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|c| c.as_str().expect("id"))
        .collect();
    assert!(columns.contains(&"profile.orders"));
    assert!(
        !columns.iter().any(|c| c.starts_with("propensity.")),
        "{columns:?}"
    );
    let reasons: Vec<&str> = out["left_out"]
        .as_array()
        .expect("left_out")
        .iter()
        .map(|m| m["code"].as_str().expect("code"))
        .collect();
    assert!(reasons.contains(&"propensity.too_few"), "{reasons:?}");
    assert_eq!(out["customers"], 30);
}
