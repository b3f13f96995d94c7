//! The lifetime-value models where lifetimes gives up: every outcome is a fit or a plain
//! reason, never NaN, never a negative value, never a panic.
//!
//! Where lifetimes (0.11.3) fails: `conditional_expected_number_of_purchases_up_to_time`
//! returns NaN when a + b < 1 (its issues #302 and #442: the log of a negative hypergeometric
//! term; Portrait continues the series analytically, `bgnbd::tests`); with one-time buyers
//! only, or one customer, there is nothing to learn a dropout from; on a small shop whose
//! dropout is the same for everyone a and b run off to infinity; enormous order values push
//! the Gamma-Gamma scale out of range. Portrait refuses the second with the number of repeat
//! buyers it needs, holds the dropout on the ridge for the third (and says so), and scales
//! the values before fitting the fourth.

mod common;

use portrait::ingest::{IngestOptions, SourceFile};
use portrait::{Error, Session};
use serde_json::{json, Value};

fn session(csv: &str) -> Session {
    let mut s = Session::new();
    let file = SourceFile {
        name: "orders.csv".into(),
        bytes: csv.as_bytes().to_vec(),
    };
    s.ingest_now(vec![file], IngestOptions::default(), |_, _, _| None)
        .expect("ingests");
    s
}

/// Orders: (customer, day offset from 2024-01-01, amount).
fn orders(lines: &[(u32, i64, f64)]) -> String {
    let mut csv = String::from("order_id,customer_id,order_date,quantity,unit_price\n");
    for (i, (c, day, amount)) in lines.iter().enumerate() {
        let (y, m, d) = common::civil(19_723 + day);
        csv.push_str(&format!(
            "O{i},{c},{y:04}-{m:02}-{d:02} 10:00:00,1,{amount}\n"
        ));
    }
    csv
}

fn refused_code(s: &mut Session) -> String {
    match s.run_json("clv", json!({})) {
        Err(Error::Refused(m)) => m.code.to_string(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// No NaN, no infinity and no negative money anywhere in a JSON value.
fn assert_sane(v: &Value, path: &str) {
    match v {
        Value::Number(n) => {
            let x = n.as_f64().expect("a number");
            assert!(x.is_finite(), "{path} = {x}");
        }
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| assert_sane(x, &format!("{path}[{i}]"))),
        Value::Object(o) => o.iter().for_each(|(k, x)| {
            if [
                "value",
                "low",
                "high",
                "actual",
                "predicted",
                "mean_p_alive",
            ]
            .contains(&k.as_str())
            {
                if let Some(x) = x.as_f64() {
                    assert!(x >= 0.0, "{path}.{k} = {x}");
                }
            }
            assert_sane(x, &format!("{path}.{k}"));
        }),
        _ => {}
    }
}

#[test]
fn one_time_buyers_only_are_refused_with_the_count_needed() {
    let lines: Vec<_> = (0..300).map(|c| (c, i64::from(c % 200), 20.0)).collect();
    let mut s = session(&orders(&lines));
    assert_eq!(refused_code(&mut s), "clv.not_enough_repeat_buyers");
    let Err(Error::Refused(m)) = s.run_json("clv", json!({})) else {
        unreachable!()
    };
    assert_eq!(m.params["found"], portrait::message::Param::Int(0));
    assert_eq!(m.params["need"], portrait::message::Param::Int(20));
}

#[test]
fn one_customer_and_one_day_are_refused() {
    let mut one = session(&orders(&[(1, 0, 10.0), (1, 30, 12.0), (1, 90, 9.0)]));
    assert_eq!(refused_code(&mut one), "clv.not_enough_repeat_buyers");
    let same_day: Vec<_> = (0..200)
        .flat_map(|c| [(c, 5, 10.0), (c, 5, 11.0)])
        .collect();
    let mut day = session(&orders(&same_day));
    assert_eq!(refused_code(&mut day), "clv.not_enough_repeat_buyers");
}

#[test]
fn a_small_shop_on_the_dropout_ridge_is_fitted_and_says_so() {
    let bytes = std::fs::read(common::committed_fixture("web/shop_small.csv")).expect("fixture");
    let mut s = session(std::str::from_utf8(&bytes).expect("utf-8"));
    let out = s.run_json("clv", json!({})).expect("a fit");
    assert_sane(&out, "clv");
    let codes: Vec<&str> = out["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"clv.dropout_held"), "{codes:?}");
    assert!(codes.contains(&"clv.small_shop"), "{codes:?}");
    let a = &out["purchases"]["parameters"][2];
    assert_eq!(
        a["standard_error"],
        Value::Null,
        "a held parameter has no standard error"
    );
    // the interval is wide but finite, and the validation stands
    let e = &out["expected_purchases"];
    assert!(e["low"].as_f64().unwrap() < e["value"].as_f64().unwrap());
    assert!(out["validation"].is_object());
    // Pareto/NBD on the same shop
    let pareto = s
        .run_json("clv", json!({ "model": "pareto" }))
        .expect("a Pareto/NBD fit");
    assert_sane(&pareto, "pareto");
}

#[test]
fn enormous_order_values_are_fitted_without_overflow() {
    // 400 customers, a third of them repeat buyers, amounts around a billion
    let mut lines = Vec::new();
    for c in 0..400u32 {
        let base = 1e9 * (1.0 + f64::from(c % 7));
        lines.push((c, i64::from(c % 300), base));
        if c % 3 == 0 {
            lines.push((c, i64::from(c % 300) + 17, base * 1.3));
            lines.push((c, i64::from(c % 300) + 49 + i64::from(c % 11), base * 0.8));
        }
    }
    let mut s = session(&orders(&lines));
    let out = s
        .run_json("clv", json!({ "horizon_days": 365 }))
        .expect("a fit");
    assert_sane(&out, "clv");
    let v = out["value"]["parameters"][2]["value"].as_f64().unwrap();
    assert!(v > 1e6, "v in currency units: {v}");
    assert!(out["lifetime_value"]["value"].as_f64().unwrap() > 1e9);
}

#[test]
fn parameter_errors_name_the_rule() {
    let bytes = std::fs::read(common::committed_fixture("web/shop_small.csv")).expect("fixture");
    let mut s = session(std::str::from_utf8(&bytes).expect("utf-8"));
    for (params, code) in [
        (json!({ "horizon_days": 0 }), "clv.horizon"),
        (json!({ "discount_monthly": 2.0 }), "clv.discount"),
        (
            json!({ "calibration_end": "yesterday" }),
            "clv.calibration_end",
        ),
    ] {
        match s.run_json("clv", params) {
            Err(Error::Refused(m)) => assert_eq!(m.code, code),
            other => panic!("{code}: {other:?}"),
        }
    }
    // a calibration end outside the data: predictions, and the reason there is no validation
    let out = s
        .run_json("clv", json!({ "calibration_end": "2030-01-01" }))
        .expect("clv");
    assert_eq!(out["validation"], Value::Null);
    assert_eq!(out["validation_problem"]["code"], "clv.validation_outside");
}

#[test]
fn online_retail_without_dropout_is_fitted_by_both_models_and_says_so() {
    let Some(dir) = common::shared_data() else {
        eprintln!("skipped: ../shared/data is absent");
        return;
    };
    let bytes =
        std::fs::read(dir.join("online_retail/online_retail.csv.gz")).expect("Online Retail");
    let mut s = Session::new();
    let file = SourceFile {
        name: "online_retail.csv.gz".into(),
        bytes,
    };
    s.ingest_now(vec![file], IngestOptions::default(), |_, _, _| None)
        .expect("ingests");
    // wholesale buyers who keep buying: the BG/NBD's a runs towards 0 (no dropout), and the
    // fit says what that means for P(alive)
    let out = s.run_json("clv", json!({})).expect("BG/NBD");
    assert_sane(&out, "bgnbd");
    assert_eq!(out["customers"], 4339);
    let codes: Vec<&str> = out["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"clv.no_dropout"), "{codes:?}");
    // the Christmas quarter is the holdout: the model misses it, and says so
    assert!(codes.contains(&"clv.holdout_off"), "{codes:?}");
    // the Pareto/NBD's dropout rate runs to zero, where it becomes the NBD: refused at once,
    // pointing to the BG/NBD
    let t0 = std::time::Instant::now();
    match s.run_json("clv", json!({ "model": "pareto" })) {
        Err(Error::Refused(m)) => assert_eq!(m.code, "clv.pareto_no_dropout"),
        other => panic!("{other:?}"),
    }
    assert!(
        t0.elapsed().as_secs() < 30,
        "refused without chasing the edge"
    );
}
