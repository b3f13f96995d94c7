//! Tags on a seven-customer shop: orders n1 1, a1 2, l1 4, r1 2, d1 1, c1 1, x1 0 (only a
//! return), every purchase 10.00.

use crate::session::Session;
use crate::table::{Cell, TableQuery};
use serde_json::{json, Value};

const SHOP: &str = "\
order_id,customer_id,order_date,quantity,unit_price
N1,n1,2024-06-25 10:00:00,1,10
A1,a1,2024-05-20 22:30:00,1,10
A2,a1,2024-06-10 23:00:00,1,10
L1,l1,2024-05-15 10:00:00,1,10
L2,l1,2024-05-25 10:00:00,1,10
L3,l1,2024-06-05 10:00:00,1,10
L4,l1,2024-06-15 10:00:00,1,10
R1,r1,2024-01-10 10:00:00,1,10
R2,r1,2024-06-28 10:00:00,1,10
D1,d1,2024-04-15 10:00:00,1,10
K1,c1,2024-02-01 10:00:00,1,10
X1,x1,2024-03-03 10:00:00,-1,10
";

fn tag<'a>(out: &'a Value, name: &str, value: Option<&str>) -> &'a Value {
    out["tags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["tag"] == name && t["value"].as_str() == value)
        .unwrap_or_else(|| panic!("no tag {name} {value:?}"))
}

fn carried(s: &mut Session, id: &str) -> String {
    let page = s
        .table(&TableQuery {
            columns: vec!["tags.tags".into()],
            search: id.into(),
            limit: 10,
            ..TableQuery::default()
        })
        .expect("a page");
    let row = page
        .rows
        .into_iter()
        .find(|r| r.customer_id == id)
        .expect("a row");
    match &row.cells[0].1 {
        Cell::Text(t) => t.clone(),
        _ => String::new(),
    }
}

#[test]
fn built_in_tags_are_rules_with_the_shops_own_thresholds() {
    let mut s = Session::of_csv(SHOP);
    let out = s.run_json("tags", json!({})).expect("tags");
    let one_time = tag(&out, "one_time_buyer", None);
    assert_eq!(
        (one_time["family"].as_str(), one_time["rule"].as_str()),
        (Some("risk"), Some("orders == 1"))
    );
    assert_eq!(one_time["customers"], 3);
    // purchases per customer with an order: 10, 20, 40, 20, 10, 10 → P40 = 10, P80 = 20
    assert_eq!(tag(&out, "high_spender", None)["rule"], "purchase >= 20.00");
    assert_eq!(tag(&out, "high_spender", None)["customers"], 3);
    assert_eq!(
        tag(&out, "low_spender", None)["rule"],
        "orders > 0 and purchase < 10.00"
    );
    // the lifecycle tags count what the lifecycle analysis says
    let stages = s.run_json("lifecycle", json!({})).expect("stages");
    for st in stages["stages"].as_array().unwrap() {
        let name = st["stage"].as_str().unwrap();
        assert_eq!(
            tag(&out, name, None)["customers"],
            st["customers"],
            "{name}"
        );
        assert_eq!(tag(&out, name, None)["family"], "lifecycle");
    }
    assert_eq!(
        tag(&out, "night_owl", None)["customers"],
        1,
        "a1 orders at 22:30 and 23:00"
    );
}

#[test]
fn rule_tags_have_one_value_or_the_first_of_several_that_holds() {
    let mut s = Session::of_csv(SHOP);
    let out = s
        .run_json(
            "tags",
            json!({ "rules": [
                { "name": "VIP", "rule": "orders >= 3" },
                { "name": "等级", "rule": "\"高\" if orders >= 4, \"中\" if 订单数 >= 2, else \"低\"" },
            ]}),
        )
        .expect("tags");
    assert_eq!(tag(&out, "VIP", None)["customers"], 1);
    assert_eq!(tag(&out, "VIP", None)["family"], "rule");
    let counts: Vec<u64> = ["高", "中", "低"]
        .iter()
        .map(|v| tag(&out, "等级", Some(v))["customers"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [1, 2, 4], "l1 is 高 only; everyone has one value");
    assert_eq!(tag(&out, "等级", Some("低"))["rule"], "else");
    assert!(
        carried(&mut s, "l1").ends_with("VIP, 等级:高"),
        "{}",
        carried(&mut s, "l1")
    );
    // a rule can name the tags column
    let page = s
        .table(&TableQuery {
            rule: "tags.tags contains \"等级:中\"".into(),
            limit: 10,
            ..TableQuery::default()
        })
        .expect("a page");
    let ids: Vec<&str> = page.rows.iter().map(|r| r.customer_id.as_str()).collect();
    assert_eq!(ids, ["a1", "r1"]);
    // the CLI's text names built-in tags in English and rule tags as the merchant named them
    let params = json!({ "rules": [{ "name": "high_value", "rule": "orders >= 3" }] });
    let text = s.text("tags", &params).expect("text");
    assert!(text.contains("    High value "), "{text}");
    assert!(text.contains("    One-time buyer "), "{text}");
    assert!(!text.contains("    one_time_buyer "), "{text}");
    let rules = text.split("  rule\n").nth(1).expect("the rule tags");
    assert!(rules.starts_with("    high_value "), "{text}");
}

#[test]
fn a_rule_tag_with_a_typo_is_refused_with_its_place_and_name() {
    let mut s = Session::of_csv(SHOP);
    let err = s
        .run_json(
            "tags",
            json!({ "rules": [{ "name": "VIP", "rule": "ordres >= 3" }] }),
        )
        .expect_err("a typo");
    let m = err.message();
    assert_eq!(m.code, "rule.unknown_field_suggest");
    assert_eq!(
        m.params.get("tag"),
        Some(&crate::message::Param::Text("VIP".into()))
    );
    let dup = s
        .run_json(
            "tags",
            json!({ "rules": [{ "name": "A", "rule": "orders > 1" }, { "name": "A", "rule": "orders > 2" }] }),
        )
        .expect_err("two of one name");
    assert_eq!(dup.to_string(), "two rule tags are named \"A\"");
    let bad = s
        .run_json(
            "tags",
            json!({ "rules": [{ "name": "B", "rule": "\"x\" orders > 1" }] }),
        )
        .expect_err("clauses without if");
    assert_eq!(bad.message().code, "tags.bad_values");
}

#[test]
fn a_shop_without_categories_gets_no_category_tags() {
    let mut s = Session::of_csv(SHOP);
    let out = s.run_json("tags", json!({})).expect("tags");
    let codes: Vec<&str> = out["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["tag"].as_str().unwrap())
        .collect();
    for code in ["category_loyal", "premium", "bargain_hunter"] {
        assert!(!codes.contains(&code), "{code} needs a category column");
    }
    assert!(codes.contains(&"festival_shopper"));
}
