//! The market basket analysis against arules' published counts and mlxtend's values.
//!
//! Reference: `scripts/basket_reference.py` (mlxtend 0.25 `fpgrowth` + `association_rules`)
//! commits tests/fixtures/basket/{groceries_mlxtend, peer_100000_seed42,
//! online_retail_together}.json. Tolerances: rule and itemset counts exact; every support,
//! confidence, lift and the other measures within 1e-12 (both sides compute the same
//! quotients of counts; only the order of floating-point operations differs).

mod common;

use portrait::Session;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::Path;

const TOLERANCE: f64 = 1e-12;

fn session(path: &Path, sha256: &str) -> Session {
    common::session_of(path, Some(sha256))
}

fn fixture(name: &str) -> Value {
    let text = std::fs::read_to_string(common::committed_fixture(&format!("basket/{name}")))
        .expect("committed fixture");
    serde_json::from_str(&text).unwrap()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}

fn close(what: &str, ours: f64, theirs: f64) {
    assert!(
        (ours - theirs).abs() <= TOLERANCE,
        "{what}: ours {ours}, mlxtend {theirs}"
    );
}

fn lengths(out: &Value, key: &str) -> Vec<(u64, u64)> {
    out[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["length"].as_u64().unwrap(), l["count"].as_u64().unwrap()))
        .collect()
}

#[test]
fn groceries_gives_arules_rule_counts_and_mlxtends_values() {
    let Some(data) = common::shared_data() else {
        eprintln!("skipped: ../shared/data is absent (Groceries)");
        return;
    };
    let reference = fixture("groceries_mlxtend.json");
    let mut s = session(
        &data.join("groceries/groceries.csv"),
        reference["input_sha256"].as_str().unwrap(),
    );
    let run = |s: &mut Session, confidence: f64, consequents: &str| {
        s.run_json(
            "basket",
            json!({ "min_support": 0.001, "min_confidence": confidence, "min_lift": 0.0,
                    "consequents": consequents }),
        )
        .expect("basket")
    };
    // arules' published figures (shared/data/README.md, section 2a), one item on the right
    let expected_one = [
        (
            0.5,
            5_668,
            vec![(2, 11), (3, 1461), (4, 3211), (5, 939), (6, 46)],
        ),
        (0.8, 410, vec![(3, 29), (4, 229), (5, 140), (6, 12)]),
        (0.9, 129, vec![(3, 10), (4, 57), (5, 56), (6, 6)]),
    ];
    for (confidence, count, by_length) in expected_one {
        let out = run(&mut s, confidence, "one");
        assert_eq!(out["baskets"], 9_835);
        assert_eq!(out["min_count"], 10);
        assert_eq!(out["itemsets"].as_array().unwrap().len(), 13_492);
        assert_eq!(
            out["rules"].as_array().unwrap().len(),
            count,
            "confidence {confidence}"
        );
        assert_eq!(lengths(&out, "rules_by_length"), by_length);
    }
    for (confidence, count) in [(0.5, 5_829), (0.8, 413), (0.9, 130)] {
        let out = run(&mut s, confidence, "any");
        assert_eq!(
            out["rules"].as_array().unwrap().len(),
            count,
            "any, {confidence}"
        );
        let fixture_count = &reference["counts"][confidence.to_string()];
        assert_eq!(fixture_count["any"], count);
    }
    // every rule's support, confidence and lift against mlxtend's
    let items = strings(&reference["items"]);
    let key = |ids: &[String]| {
        let mut v = ids.to_vec();
        v.sort();
        v
    };
    let mut theirs: HashMap<(Vec<String>, Vec<String>), (f64, f64, f64)> = HashMap::new();
    for r in reference["rules"].as_array().unwrap() {
        let side = |v: &Value| -> Vec<String> {
            let names: Vec<String> = v
                .as_array()
                .unwrap()
                .iter()
                .map(|i| items[i.as_u64().unwrap() as usize].clone())
                .collect();
            key(&names)
        };
        let f = |i: usize| r[i].as_f64().unwrap();
        theirs.insert((side(&r[0]), side(&r[1])), (f(2), f(3), f(4)));
    }
    let out = run(&mut s, 0.5, "any");
    let rules = out["rules"].as_array().unwrap();
    assert_eq!(rules.len(), theirs.len());
    for r in rules {
        let k = (
            key(&strings(&r["antecedents"])),
            key(&strings(&r["consequents"])),
        );
        let (support, confidence, lift) = theirs
            .get(&k)
            .unwrap_or_else(|| panic!("mlxtend has no rule {k:?}"));
        close("support", r["support"].as_f64().unwrap(), *support);
        close("confidence", r["confidence"].as_f64().unwrap(), *confidence);
        close("lift", r["lift"].as_f64().unwrap(), *lift);
    }
}

#[test]
fn stage_d_on_the_peer_100k_file_equals_mlxtend() {
    let reference = fixture("peer_100000_seed42.json");
    let input = common::generated_fixture("peer_orders_100000_seed42.csv");
    let mut s = session(&input, reference["input_sha256"].as_str().unwrap());
    // stage d: support 0.005, every split with lift ≥ 1 (any consequent, as mlxtend)
    let out = s
        .run_json(
            "basket",
            json!({ "min_support": 0.005, "min_lift": 1.0, "consequents": "any" }),
        )
        .expect("basket");
    assert_eq!(out["baskets"], reference["baskets"]);
    let ids = |v: &Value| -> Vec<u64> {
        let mut v: Vec<u64> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|x| match x {
                Value::String(s) => s.parse().unwrap(),
                other => other.as_u64().unwrap(),
            })
            .collect();
        v.sort();
        v
    };
    let mut ours: Vec<(Vec<u64>, f64)> = out["itemsets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (ids(&i["items"]), i["support"].as_f64().unwrap()))
        .collect();
    ours.sort_by(|a, b| a.0.cmp(&b.0));
    let theirs = reference["itemsets"].as_array().unwrap();
    assert_eq!(ours.len(), theirs.len());
    for ((items, support), t) in ours.iter().zip(theirs) {
        assert_eq!(*items, ids(&t[0]));
        close("itemset support", *support, t[1].as_f64().unwrap());
    }
    let fields = [
        "support",
        "confidence",
        "lift",
        "leverage",
        "conviction",
        "zhang",
        "jaccard",
        "certainty",
        "kulczynski",
    ];
    let mut rules: Vec<&Value> = out["rules"].as_array().unwrap().iter().collect();
    rules.sort_by_key(|r| (ids(&r["antecedents"]), ids(&r["consequents"])));
    let theirs = reference["rules"].as_array().unwrap();
    assert_eq!(rules.len(), theirs.len());
    assert_eq!(
        rules.len(),
        22,
        "the peer run's count (shared/bench/peers/README.md)"
    );
    for (r, t) in rules.iter().zip(theirs) {
        assert_eq!(ids(&r["antecedents"]), ids(&t[0]));
        assert_eq!(ids(&r["consequents"]), ids(&t[1]));
        for (k, field) in fields.iter().enumerate() {
            match (&r[*field], &t[k + 2]) {
                (Value::Null, Value::Null) => {}
                (a, b) => close(field, a.as_f64().unwrap(), b.as_f64().unwrap()),
            }
        }
    }
}

#[test]
fn online_retail_frequently_bought_together_equals_the_reference() {
    let Some(data) = common::shared_data() else {
        eprintln!("skipped: ../shared/data is absent (Online Retail)");
        return;
    };
    let reference = fixture("online_retail_together.json");
    let mut s = session(
        &data.join("online_retail/online_retail.csv.gz"),
        reference["input_sha256"].as_str().unwrap(),
    );
    for (product, list) in reference["lists"].as_object().unwrap() {
        let out = s
            .run_json("basket", json!({ "min_support": 0.02, "product": product }))
            .expect("basket");
        assert_eq!(out["baskets"], reference["baskets"]);
        let t = &out["together"];
        assert_eq!(t["product"], product.as_str());
        assert_eq!(t["baskets"], list["baskets"], "{product}");
        let ours = t["partners"].as_array().unwrap();
        let theirs = list["partners"].as_array().unwrap();
        assert_eq!(ours.len(), theirs.len(), "{product}");
        for (o, r) in ours.iter().zip(theirs) {
            assert_eq!(o["product"], r[0], "{product}");
            assert_eq!(o["baskets"], r[1], "{product}");
            close(
                "confidence",
                o["confidence"].as_f64().unwrap(),
                r[2].as_f64().unwrap(),
            );
            close("lift", o["lift"].as_f64().unwrap(), r[3].as_f64().unwrap());
        }
    }
}
