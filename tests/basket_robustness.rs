//! Basket files a merchant might really drop, and supports that would take other tools
//! hours: each gives rules or a clear message, never a crash or a silent cut.

use portrait::ingest::{IngestOptions, SourceFile};
use portrait::Session;
use serde_json::json;
use std::fmt::Write;

fn session(name: &str, text: &str) -> Session {
    let mut s = Session::new();
    s.ingest_now(
        vec![SourceFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }],
        IngestOptions::default(),
        |_, _, _| None,
    )
    .expect("ingests");
    s
}

fn refusal(s: &mut Session, params: serde_json::Value) -> String {
    match s.run_json("basket", params) {
        Ok(v) => panic!("expected a refusal, got {} rules", v["rules"]),
        Err(e) => e.to_string(),
    }
}

#[test]
fn empty_lines_repeated_items_and_a_huge_basket_are_read_as_baskets() {
    let mut text = String::from("bread,butter,milk\n\n\nbread,bread,butter\n  \nmilk,bread,\n");
    let huge: Vec<String> = (0..10_000).map(|i| format!("item {i}")).collect();
    text.push_str(&huge.join(","));
    text.push('\n');
    for _ in 0..20 {
        text.push_str("bread,butter\n");
    }
    let mut s = session("baskets.csv", &text);
    let quality = s.run_json("quality", json!({})).unwrap();
    assert_eq!(quality["files"][0]["platform"]["id"], "basket_list");
    let out = s
        .run_json(
            "basket",
            json!({ "min_support": 0.1, "min_confidence": 0.5, "min_lift": 0.0 }),
        )
        .unwrap();
    // 3 small baskets + the huge one + 20 bread-and-butter ones; empty lines are no baskets
    assert_eq!(out["baskets"], 24);
    assert_eq!(out["items"], 10_003);
    assert_eq!(out["largest"], 10_000);
    let rules = out["rules"].as_array().unwrap();
    // bread and butter together in 22 of 24 baskets: both directions
    let pairs: Vec<(String, String)> = rules
        .iter()
        .map(|r| {
            (
                r["antecedents"][0].as_str().unwrap().to_string(),
                r["consequents"][0].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        pairs.contains(&("bread".into(), "butter".into())),
        "{pairs:?}"
    );
    let bread_butter = rules
        .iter()
        .find(|r| r["antecedents"][0] == "bread" && r["consequents"][0] == "butter")
        .unwrap();
    assert_eq!(bread_butter["baskets"], 22);
    // the repeated "bread" of line 4 is one item of its basket, reported as a duplicate row
    assert_eq!(quality["duplicates_removed"], 1);
    assert_eq!(quality["date_min"], serde_json::Value::Null);
}

#[test]
fn dozens_of_long_baskets_finish_or_stop_at_the_cap_with_a_message() {
    // 40 baskets of 60 items drawn from 80: every pair is frequent at a low support, and the
    // itemsets run into the billions — mlxtend takes hours here
    let mut text = String::new();
    let mut state = 7u64;
    for _ in 0..40 {
        let mut row = Vec::new();
        for item in 0..80u32 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            if (state >> 33) % 4 != 0 {
                row.push(format!("p{item}"));
            }
        }
        let _ = writeln!(text, "{}", row.join(","));
    }
    let mut s = session("long.csv", &text);
    let started = std::time::Instant::now();
    let message = refusal(
        &mut s,
        json!({ "min_support": 0.3, "max_itemsets": 50_000 }),
    );
    assert!(
        message.contains("stopped at 50000 frequent itemsets"),
        "{message}"
    );
    assert!(message.contains("raise the minimum support"), "{message}");
    // at a high support it finishes, with rules
    let out = s
        .run_json("basket", json!({ "min_support": 0.6, "max_len": 3 }))
        .unwrap();
    assert!(!out["itemsets"].as_array().unwrap().is_empty());
    assert!(
        started.elapsed().as_secs() < 30,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn a_support_so_low_the_cap_is_hit_is_a_message_and_the_session_goes_on() {
    let Some(data) = portrait_shared_data() else {
        eprintln!("skipped: ../shared/data is absent (Groceries)");
        return;
    };
    let text = std::fs::read_to_string(data.join("groceries/groceries.csv")).unwrap();
    let mut s = session("groceries.csv", &text);
    let message = refusal(
        &mut s,
        json!({ "min_support": 0.0001, "max_itemsets": 100_000 }),
    );
    assert!(
        message.contains("stopped at 100000 frequent itemsets"),
        "{message}"
    );
    // the next request works
    let out = s
        .run_json("basket", json!({ "min_support": 0.01 }))
        .unwrap();
    assert_eq!(out["baskets"], 9_835);
    // an unknown product is named in the message
    let message = refusal(&mut s, json!({ "min_support": 0.01, "product": "caviar" }));
    assert!(message.contains("no product \"caviar\""), "{message}");
}

#[test]
fn orders_without_products_are_refused_with_the_reason() {
    let mut s = session(
        "orders.csv",
        "order_id,customer_id,order_date,quantity,unit_price\nA1,7,2024-03-05,2,9.90\n",
    );
    let message = refusal(&mut s, json!({}));
    assert!(message.contains("needs product ids or names"), "{message}");
}

fn portrait_shared_data() -> Option<std::path::PathBuf> {
    let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    p.is_dir().then_some(p)
}

#[test]
fn rules_of_an_audience_or_a_category_come_from_their_baskets_only() {
    let csv = portrait::sample::generate_csv(&portrait::sample::SampleParams {
        rows: 20_000,
        seed: 42,
    })
    .unwrap();
    let mut s = session("sample.csv", std::str::from_utf8(&csv).unwrap());
    let all = s
        .run_json("basket", json!({ "min_support": 0.002 }))
        .unwrap();
    let vip = s
        .run_json(
            "basket",
            json!({ "min_support": 0.002, "where": "orders >= 3" }),
        )
        .unwrap();
    let audience = &vip["audience"];
    assert_eq!(audience["rule"], "orders >= 3");
    let members = audience["customers"].as_u64().unwrap();
    assert!(
        members > 0 && members < 2_000,
        "{members} customers with 3 orders or more"
    );
    let (a, v) = (
        all["baskets"].as_u64().unwrap(),
        vip["baskets"].as_u64().unwrap(),
    );
    assert!(v > 0 && v < a, "{v} of {a} baskets");
    // a customer with 3 orders or more has at least 3 baskets
    assert!(v >= 3 * members, "{v} baskets of {members} customers");
    // the filter bar's category: only its lines make the baskets
    s.set_filter(&portrait::dataset::DataFilter {
        category: vec!["Shoes".into()],
        ..Default::default()
    })
    .unwrap();
    let shoes = s
        .run_json("basket", json!({ "min_support": 0.002 }))
        .unwrap();
    let b = shoes["baskets"].as_u64().unwrap();
    assert!(b > 0 && b < a, "{b} baskets with shoes of {a}");
}
