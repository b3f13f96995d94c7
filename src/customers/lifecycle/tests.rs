//! Lifecycle stages on a shop with one customer of each stage, with given windows (active
//! 30 days, churned after 90, new 30, loyal from 4 orders) and with the derived ones. The
//! data's last day is 2024-06-30.

use super::*;
use crate::analysis::Check;
use crate::session::Session;
use crate::table::TableQuery;
use serde_json::json;

// (no order id is `C` + a digit: that is a cancellation, as in Online Retail)
const SHOP: &str = "\
order_id,customer_id,order_date,quantity,unit_price
N1,n1,2024-06-25 10:00:00,1,10
A1,a1,2024-05-20 10:00:00,1,10
A2,a1,2024-06-10 10:00:00,1,10
L1,l1,2024-05-15 10:00:00,1,10
L2,l1,2024-05-25 10:00:00,1,10
L3,l1,2024-06-05 10:00:00,1,10
L4,l1,2024-06-15 10:00:00,1,10
R1,r1,2024-01-10 10:00:00,1,10
R2,r1,2024-06-28 10:00:00,1,10
D1,d1,2024-04-15 10:00:00,1,10
K1,c1,2024-02-01 10:00:00,1,10
X1,x1,2024-03-03 10:00:00,-1,10
Z9,n1,2024-06-30 23:00:00,-1,10
";

const GIVEN: &str = r#"{"active_days": 30, "churn_days": 90, "new_days": 30, "loyal_orders": 4}"#;

fn stages(s: &mut Session) -> Vec<(String, String)> {
    let page = s
        .table(&TableQuery {
            columns: vec!["lifecycle.stage".into()],
            limit: 20,
            ..TableQuery::default()
        })
        .expect("a page");
    page.rows
        .into_iter()
        .map(|r| {
            let stage = match &r.cells[0].1 {
                crate::table::Cell::Text(t) => t.clone(),
                _ => "-".into(),
            };
            (r.customer_id, stage)
        })
        .collect()
}

#[test]
fn each_customer_is_in_the_stage_its_orders_put_it() {
    let mut s = Session::of_csv(SHOP);
    let params: serde_json::Value = serde_json::from_str(GIVEN).unwrap();
    let out = s.run_json("lifecycle", params).expect("stages");
    let got = stages(&mut s);
    let want: Vec<(String, String)> = [
        ("a1", "active"),
        ("c1", "churned"),
        ("d1", "dormant"),
        ("l1", "loyal"),
        ("n1", "new"),
        ("r1", "returning"),
        ("x1", "-"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(got, want);
    assert_eq!(out["snapshot_date"], "2024-06-30");
    assert_eq!(
        out["stages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["customers"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        [1, 1, 1, 1, 1, 1]
    );
    // n1 returned one unit on the last day: net 0.00
    assert_eq!(out["stages"][0]["revenue_cents"], 0);
    assert_eq!(out["windows"]["active_days"]["source"]["kind"], "given");
}

#[test]
fn month_ends_count_stages_and_the_moves_between_them() {
    let mut s = Session::of_csv(SHOP);
    let out = s
        .run_json("lifecycle", serde_json::from_str(GIVEN).unwrap())
        .expect("stages");
    let months: Vec<(String, Vec<u64>)> = out["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["month"].as_str().unwrap().to_string(),
                m["counts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_u64().unwrap())
                    .collect(),
            )
        })
        .collect();
    // new, active, loyal, returning, dormant, churned
    assert_eq!(
        months,
        [
            ("2024-01".to_string(), vec![1, 0, 0, 0, 0, 0]),
            ("2024-02".to_string(), vec![1, 0, 0, 0, 1, 0]),
            ("2024-03".to_string(), vec![0, 0, 0, 0, 2, 0]),
            ("2024-04".to_string(), vec![1, 0, 0, 0, 1, 1]),
            ("2024-05".to_string(), vec![2, 0, 0, 0, 1, 2]),
            ("2024-06".to_string(), vec![1, 1, 1, 1, 1, 1]),
        ]
    );
    assert_eq!(out["months"][1]["snapshot_date"], "2024-02-29");
    // the data ends on a month's last day: no month is partial
    assert!(out["months"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["partial"] == false));
    let june: Vec<(Option<&str>, &str, u64)> = out["flows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["month"] == "2024-06")
        .map(|f| {
            (
                f["from"].as_str(),
                f["to"].as_str().unwrap(),
                f["customers"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        june,
        [
            (Some("new"), "active", 1),
            (Some("new"), "loyal", 1),
            (Some("churned"), "returning", 1),
            (None, "new", 1),
        ]
    );
}

#[test]
fn default_windows_come_from_the_shops_own_gaps_and_orders() {
    let mut s = Session::of_csv(SHOP);
    let out = s.run_json("lifecycle", json!({})).expect("stages");
    // gaps 10, 10, 10, 21, 170: P80 = 50.8 → 51 days, P95 = 140.2 → 141; orders 1, 1, 1,
    // 2, 2, 4: P80 = 2
    let w = &out["windows"];
    assert_eq!(w["active_days"]["value"], 51);
    assert_eq!(
        w["active_days"]["source"],
        json!({"kind": "gap_percentile", "percentile": 80})
    );
    assert_eq!(w["churn_days"]["value"], 141);
    assert_eq!(w["new_days"]["value"], 51);
    assert_eq!(w["new_days"]["source"]["kind"], "active_window");
    assert_eq!(w["loyal_orders"]["value"], 2);
    let got: Vec<String> = stages(&mut s).into_iter().map(|(_, st)| st).collect();
    assert_eq!(
        got,
        ["new", "churned", "dormant", "new", "new", "returning", "-"]
    );
}

#[test]
fn a_shop_where_no_one_bought_twice_falls_back_to_90_and_180_days() {
    let mut s = Session::of_csv(
        "order_id,customer_id,order_date,quantity,unit_price\nA,a,2024-01-01,1,1\nB,b,2024-03-01,1,1\n",
    );
    let out = s.run_json("lifecycle", json!({})).expect("stages");
    assert_eq!(
        out["windows"]["active_days"],
        json!({"value": 90, "source": {"kind": "fallback"}})
    );
    assert_eq!(out["windows"]["churn_days"]["value"], 180);
}

#[test]
fn windows_must_be_positive_and_churn_after_active() {
    let p = LifecycleParams {
        active_days: Some(60),
        churn_days: Some(60),
        ..LifecycleParams::default()
    };
    assert_eq!(
        p.check().expect_err("refused").to_string(),
        "churn_days (60) must be more than active_days (60)"
    );
    let zero = LifecycleParams {
        loyal_orders: Some(0),
        ..LifecycleParams::default()
    };
    assert_eq!(
        zero.check().expect_err("refused").to_string(),
        "loyal_orders must be at least 1"
    );
}

#[test]
fn a_rule_can_name_the_stage() {
    let mut s = Session::of_csv(SHOP);
    s.run_json("lifecycle", serde_json::from_str(GIVEN).unwrap())
        .expect("stages");
    let page = s
        .table(&TableQuery {
            rule: "stage in [\"dormant\", \"churned\"] or 生命周期阶段 == \"new\"".into(),
            limit: 10,
            ..TableQuery::default()
        })
        .expect("a page");
    let ids: Vec<&str> = page.rows.iter().map(|r| r.customer_id.as_str()).collect();
    assert_eq!(ids, ["c1", "d1", "n1"]);
}

#[test]
fn a_last_month_the_data_covers_in_part_is_marked_partial() {
    // the same shop without its last day's line: the data now ends on 2024-06-28
    let shop: String = SHOP
        .lines()
        .filter(|l| !l.starts_with("Z9"))
        .map(|l| format!("{l}\n"))
        .collect();
    let mut s = Session::of_csv(&shop);
    let params: serde_json::Value = serde_json::from_str(GIVEN).unwrap();
    let out = s.run_json("lifecycle", params).expect("stages");
    let months = out["months"].as_array().unwrap();
    let last = months.last().unwrap();
    assert_eq!(
        (last["month"].as_str(), last["snapshot_date"].as_str()),
        (Some("2024-06"), Some("2024-06-28"))
    );
    assert_eq!(last["partial"], true);
    assert!(months[..months.len() - 1]
        .iter()
        .all(|m| m["partial"] == false));
}
