//! The profile on a shop small enough to compute by hand: one test per feature family,
//! read through the customer table as the page reads it.
//!
//! c1 buys three orders (A1 on 6.18 with two lines, A2 two days later, A3 a month after) and
//! returns one unit; c2 buys one order; c3 only returns. The data's last day is 2024-07-31.
//! Purchase value: c1 100.00 (Beauty 70.00, Baby 30.00), c2 60.00 (Baby): the shop's Beauty
//! share is 70 / 160, its Baby share 90 / 160. Unit prices: Beauty 10, 10, 40 (median 10),
//! Baby 30, 20 (median 25).

use crate::ingest::{ColumnAssignment, Field, FileOptions, IngestOptions, SourceFile};
use crate::session::Session;
use crate::table::{Cell, TableQuery};
use serde_json::json;

const SHOP: &str = "\
order_id,customer_id,order_date,product_id,category,quantity,unit_price,channel,region
A1,c1,2024-06-18 10:00:00,p1,Beauty,2,10.00,app,Shanghai
A1,c1,2024-06-18 10:05:00,p2,Baby,1,30.00,app,Shanghai
A2,c1,2024-06-20 21:00:00,p1,Beauty,1,10.00,web,Hangzhou
A3,c1,2024-07-20 21:30:00,p3,Beauty,1,40.00,app,Shanghai
R1,c1,2024-07-25 09:00:00,p1,Beauty,-1,10.00,app,Shanghai
B1,c2,2024-07-31 08:00:00,p2,Baby,3,20.00,web,Beijing
R9,c3,2024-07-01 12:00:00,p1,Beauty,-1,10.00,app,Shanghai
";

/// Customer `id`'s values of `features`, as the table gives them.
fn values(s: &mut Session, id: &str, features: &[&str]) -> Vec<Cell> {
    let columns: Vec<String> = features.iter().map(|f| format!("profile.{f}")).collect();
    let page = s
        .table(&TableQuery {
            columns,
            search: id.into(),
            limit: 10,
            ..TableQuery::default()
        })
        .expect("a page");
    let row = page
        .rows
        .into_iter()
        .find(|r| r.customer_id == id)
        .expect("the customer");
    row.cells.into_iter().map(|(_, c)| c).collect()
}

fn shop() -> Session {
    let mut s = Session::of_csv(SHOP);
    s.run_json("profile", json!({})).expect("profiles");
    s
}

fn int(v: i64) -> Cell {
    Cell::Int(v)
}

fn num(v: f64) -> Cell {
    Cell::Number(v)
}

fn text(v: &str) -> Cell {
    Cell::Text(v.into())
}

#[test]
fn consumption_counts_orders_value_and_returns() {
    let mut s = shop();
    let features = [
        "orders",
        "purchase_cents",
        "revenue_cents",
        "aov_cents",
        "items_per_order",
        "return_rate",
    ];
    assert_eq!(
        values(&mut s, "c1", &features),
        [
            int(3),
            int(10_000),
            int(9_000),
            num(10_000.0 / 3.0),
            num(5.0 / 3.0),
            num(0.2)
        ]
    );
    assert_eq!(
        values(&mut s, "c2", &features),
        [
            int(1),
            int(6_000),
            int(6_000),
            num(6_000.0),
            num(3.0),
            num(0.0)
        ]
    );
    // only a return: no order, nothing bought, so no average and no return rate
    assert_eq!(
        values(&mut s, "c3", &features),
        [
            int(0),
            int(0),
            int(-1_000),
            Cell::Null,
            Cell::Null,
            Cell::Null
        ]
    );
}

#[test]
fn timing_reads_purchase_days_hours_weekdays_and_festivals() {
    let mut s = shop();
    let features = [
        "first_order_date",
        "last_order_date",
        "days_since_last_order",
        "days_since_first_order",
        "purchase_days",
        "mean_days_between_orders",
        "median_days_between_orders",
        "preferred_hour",
        "preferred_weekday",
        "festival_share",
    ];
    // gaps of 2 and 30 days; orders at 10:00 (Tue), 21:00 (Thu), 21:30 (Sat): 21 h, and the
    // weekdays tie, so the earliest in the week; half the value was bought on 6.18
    assert_eq!(
        values(&mut s, "c1", &features),
        [
            text("2024-06-18"),
            text("2024-07-20"),
            int(11),
            int(43),
            int(3),
            num(16.0),
            num(16.0),
            int(21),
            text("tuesday"),
            num(0.5)
        ]
    );
    assert_eq!(
        values(&mut s, "c2", &features),
        [
            text("2024-07-31"),
            text("2024-07-31"),
            int(0),
            int(0),
            int(1),
            Cell::Null,
            Cell::Null,
            int(8),
            text("wednesday"),
            num(0.0)
        ]
    );
    let c3 = values(&mut s, "c3", &features);
    assert_eq!(c3[4], int(0));
    assert!(
        c3.iter()
            .enumerate()
            .all(|(i, v)| i == 4 || *v == Cell::Null),
        "{c3:?}"
    );
}

#[test]
fn preference_finds_top_values_affinity_price_band_and_new_products() {
    let mut s = shop();
    let features = [
        "top_channel",
        "top_channel_share",
        "top_category",
        "top_category_share",
        "category_affinity",
        "top_categories",
        "region",
        "price_index",
        "price_band",
        "new_product_share",
    ];
    // c1's unit price ratios: 10/10, 30/25, 10/10, 40/10 → mean 1.8; every product was new
    assert_eq!(
        values(&mut s, "c1", &features),
        [
            text("app"),
            num(0.9),
            text("Beauty"),
            num(0.7),
            num(0.7 / (7_000.0 / 16_000.0)),
            text("Beauty, Baby"),
            text("Shanghai"),
            num(1.8),
            text("high"),
            num(1.0)
        ]
    );
    // c2: 20/25 = 0.8 is not below 0.8; p2 first sold 43 days before
    assert_eq!(
        values(&mut s, "c2", &features),
        [
            text("web"),
            num(1.0),
            text("Baby"),
            num(1.0),
            num(1.0 / (9_000.0 / 16_000.0)),
            text("Baby"),
            text("Beijing"),
            num(0.8),
            text("mid"),
            num(0.0)
        ]
    );
    assert!(values(&mut s, "c3", &features)
        .iter()
        .all(|v| *v == Cell::Null));
}

#[test]
fn channel_mix_lists_every_channel_by_its_share_of_spend() {
    let mut s = shop();
    // c1: app 20 + 30 + 40, web 10; c2: web 60; c3 bought nothing
    let mix = |s: &mut Session, id| values(s, id, &["channel_mix"]).remove(0);
    assert_eq!(mix(&mut s, "c1"), text("app 90%, web 10%"));
    assert_eq!(mix(&mut s, "c2"), text("web 100%"));
    assert_eq!(mix(&mut s, "c3"), Cell::Null);
    // the shop has neither a discount nor a coupon column, nor a brand
    let none = values(
        &mut s,
        "c1",
        &["discount_share", "top_brand", "brand_affinity"],
    );
    assert_eq!(none, [Cell::Null, Cell::Null, Cell::Null]);
}

/// Orders with a discount column and a coupon column, beside a product catalogue that gives
/// the brands (the orders have none). Line values: D1 50 − 5 + 20, D2 50, D3 2 × 20; D4 99.
const DISCOUNTS: &str = "\
order_id,customer_id,order_date,product_id,quantity,unit_price,discount,coupon
D1,d1,2024-05-01 10:00:00,p1,1,50.00,5.00,
D1,d1,2024-05-01 10:00:00,p2,1,20.00,0,
D2,d1,2024-05-10 10:00:00,p1,1,50.00,,SPRING
D3,d1,2024-05-20 10:00:00,p2,2,20.00,0.00,
D4,d2,2024-05-21 10:00:00,p3,1,99.00,0,
";

const CATALOGUE: &str = "\
商品编码,商品名称,类目,品牌,价格
p1,精华液,Beauty,极光,50.00
p2,面霜,Beauty,云朵,20.00
p3,乳液,Skincare,极光,99.00
";

#[test]
fn discounts_coupons_and_the_catalogues_brands_and_categories() {
    let mut s = Session::new();
    let file = |name: &str, text: &str| SourceFile {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    };
    // a discount column is never mapped by its name alone (an amount may be before or after
    // it): the merchant maps it, as in the mapping panel
    let column = |field, column| ColumnAssignment { field, column };
    let options = IngestOptions {
        files: vec![FileOptions {
            file: "orders.csv".into(),
            mapping: Some(vec![
                column(Field::OrderId, 0),
                column(Field::CustomerId, 1),
                column(Field::OrderDate, 2),
                column(Field::ProductId, 3),
                column(Field::Quantity, 4),
                column(Field::UnitPrice, 5),
                column(Field::Discount, 6),
                column(Field::Campaign, 7),
            ]),
            ..FileOptions::default()
        }],
        ..IngestOptions::default()
    };
    s.ingest_now(
        vec![
            file("orders.csv", DISCOUNTS),
            file("products.csv", CATALOGUE),
        ],
        options,
        |_, _, _| None,
    )
    .expect("ingests");
    s.run_json("profile", json!({})).expect("profiles");
    let features = [
        "purchase_cents",
        "discount_share",
        "top_brand",
        "top_brand_share",
        "brand_affinity",
        "top_category",
    ];
    // d1: D1 has a discounted line, D2 a coupon, D3 neither. Brands: 极光 45 + 50, 云朵 60 of
    // 155; the shop: 极光 95 + 99 = 194 of 254
    assert_eq!(
        values(&mut s, "d1", &features),
        [
            int(15_500),
            num(2.0 / 3.0),
            text("极光"),
            num(9_500.0 / 15_500.0),
            num((9_500.0 / 15_500.0) / (19_400.0 / 25_400.0)),
            text("Beauty"),
        ]
    );
    assert_eq!(
        values(&mut s, "d2", &features),
        [
            int(9_900),
            num(0.0),
            text("极光"),
            num(1.0),
            num(1.0 / (19_400.0 / 25_400.0)),
            text("Skincare"),
        ]
    );
    let summary = s.run_json("profile", json!({})).expect("profiles");
    assert_eq!(
        (
            summary["has_brand"].as_bool(),
            summary["has_discount"].as_bool()
        ),
        (Some(true), Some(true))
    );
}

#[test]
fn the_table_sorts_nulls_last_and_no_condition_holds_for_a_null() {
    let mut s = shop();
    let ids = |s: &mut Session, query: TableQuery| -> Vec<String> {
        s.table(&TableQuery { limit: 10, ..query })
            .expect("a page")
            .rows
            .into_iter()
            .map(|r| r.customer_id)
            .collect()
    };
    for descending in [false, true] {
        let by_aov = TableQuery {
            sort: Some("profile.aov_cents".into()),
            descending,
            ..TableQuery::default()
        };
        assert_eq!(ids(&mut s, by_aov).last().map(String::as_str), Some("c3"));
    }
    // `!=` keeps no customer without a value (unlike Shopify's segment editor)
    let not_app = TableQuery {
        filter: vec![crate::table::Condition {
            column: "profile.top_channel".into(),
            op: crate::table::Op::Ne,
            value: text("app"),
        }],
        ..TableQuery::default()
    };
    assert_eq!(ids(&mut s, not_app), ["c2"]);
    let not_mars = TableQuery {
        filter: vec![crate::table::Condition {
            column: "profile.region".into(),
            op: crate::table::Op::Ne,
            value: text("Mars"),
        }],
        ..TableQuery::default()
    };
    assert_eq!(ids(&mut s, not_mars), ["c1", "c2"]);
    let before_july = TableQuery {
        filter: vec![crate::table::Condition {
            column: "profile.last_order_date".into(),
            op: crate::table::Op::Lt,
            value: text("2024-07-31"),
        }],
        ..TableQuery::default()
    };
    assert_eq!(ids(&mut s, before_july), ["c1"]);
}

#[test]
fn the_csv_download_has_every_feature_and_neutralises_formulas() {
    let csv = format!("{SHOP}Z1,=HYPERLINK(\"x\"),2024-07-02 12:00:00,p1,@SUM,1,10.00,+app,-1\n");
    let mut s = Session::of_csv(&csv);
    let out = s
        .export(&crate::session::ExportRequest {
            analysis: Some("profile".into()),
            params: serde_json::Value::Null,
            format: crate::session::ExportFormat::Csv,
        })
        .expect("a CSV");
    let mut lines = out.lines();
    let header = lines.next().expect("a header");
    assert!(header.starts_with("customer_id,orders,purchase_cents,revenue_cents,aov_cents"));
    assert_eq!(header.split(',').count(), 32);
    let c3 = out.lines().find(|l| l.starts_with("c3,")).expect("c3");
    assert!(
        c3.starts_with("c3,0,0,-1000,,"),
        "a negative amount stays a number: {c3}"
    );
    let z = out
        .lines()
        .find(|l| l.contains("HYPERLINK"))
        .expect("the odd customer");
    assert!(z.starts_with("\"'=HYPERLINK"), "{z}");
    for cell in ["'@SUM", "'+app", "'-1"] {
        assert!(z.contains(cell), "{cell} in {z}");
    }
}

#[test]
fn a_bad_festival_is_refused_with_its_rule() {
    let mut s = Session::of_csv(SHOP);
    let err = s
        .run_json("profile", json!({ "festivals": ["11-11", "black friday"] }))
        .expect_err("refused");
    assert_eq!(
        err.to_string(),
        "the festival \"black friday\" is neither a MM-DD day nor spring_festival"
    );
}

#[test]
fn the_table_keeps_the_customers_a_rule_picks() {
    let mut s = shop();
    let ids = |s: &mut Session, rule: &str| -> Result<Vec<String>, crate::error::Error> {
        Ok(s.table(&TableQuery {
            rule: rule.into(),
            limit: 10,
            ..TableQuery::default()
        })?
        .rows
        .into_iter()
        .map(|r| r.customer_id)
        .collect())
    };
    assert_eq!(
        ids(&mut s, "orders >= 2 and top_category == 'Beauty'").unwrap(),
        ["c1"]
    );
    assert_eq!(
        ids(&mut s, "revenue < 0 or aov > 50").unwrap(),
        ["c2", "c3"]
    );
    // the list rule: c1's top categories are "Beauty, Baby", c2's "Baby"
    assert_eq!(
        ids(&mut s, "top_categories contains \"Baby\"").unwrap(),
        ["c1", "c2"]
    );
    assert_eq!(
        ids(&mut s, "偏好类目前三 contains \"beauty\"").unwrap(),
        ["c1"]
    );
    assert_eq!(ids(&mut s, "last_order_date >= -10d").unwrap(), ["c2"]);
    assert_eq!(ids(&mut s, "偏好类目 == \"Baby\"").unwrap(), ["c2"]);
    // a rule may name another analysis's columns; it is fitted for it
    assert_eq!(
        ids(&mut s, "rfm.frequency >= 3 and not (region is null)").unwrap(),
        ["c1"]
    );
    let err = ids(&mut s, "ordrs > 1").expect_err("a typo");
    assert_eq!(err.message().code, "rule.unknown_field_suggest");
    assert_eq!(
        err.to_string(),
        "column 1: unknown field \"ordrs\" — did you mean \"orders\"?"
    );
}
