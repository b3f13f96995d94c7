//! The rule language: every construct on a five-customer table, the null semantics, located
//! errors, Chinese field names, and random input that never panics.

use super::*;
use crate::dataset::Interner;
use crate::table::{ColumnKind, ColumnSpec, Values, NULL_DAY, NULL_U32};

const SEGMENTS: &[&str] = &["champions", "lost"];

const COLUMNS: &[ColumnSpec] = &[
    ColumnSpec {
        name: "orders",
        kind: ColumnKind::Count,
        doc: "",
        zh: "订单数",
    },
    ColumnSpec {
        name: "revenue_cents",
        kind: ColumnKind::Money,
        doc: "",
        zh: "净收入",
    },
    ColumnSpec {
        name: "return_rate",
        kind: ColumnKind::Share,
        doc: "",
        zh: "退货率",
    },
    ColumnSpec {
        name: "last_order_date",
        kind: ColumnKind::Date,
        doc: "",
        zh: "末单日期",
    },
    ColumnSpec {
        name: "top_category",
        kind: ColumnKind::Text,
        doc: "",
        zh: "偏好类目",
    },
];

const RFM: &[ColumnSpec] = &[ColumnSpec {
    name: "segment",
    kind: ColumnKind::Code { names: SEGMENTS },
    doc: "",
    zh: "分群",
}];

fn catalogue() -> Catalogue {
    Catalogue::new([("profile", COLUMNS), ("rfm", RFM)])
}

/// Five customers; the data's last day is day 100.
struct Table {
    orders: Vec<u32>,
    revenue: Vec<i64>,
    return_rate: Vec<f64>,
    last_order: Vec<i32>,
    category: Vec<u32>,
    categories: Interner,
    segment: Vec<u8>,
}

fn table() -> Table {
    let mut categories = Interner::new();
    let beauty = categories.intern("美妆");
    let baby = categories.intern("母婴 Baby");
    Table {
        orders: vec![1, 3, 5, NULL_U32, 0],
        revenue: vec![10_000, 250_000, 900_000, 0, -500],
        return_rate: vec![0.0, 0.5, 0.1, f64::NAN, f64::NAN],
        last_order: vec![99, 5, 60, NULL_DAY, NULL_DAY],
        category: vec![beauty, baby, beauty, crate::dataset::NONE, baby],
        categories,
        segment: vec![0, 1, 0, 1, crate::table::NULL_CODE],
    }
}

/// The customers (0..5) matching `text`.
fn matching(text: &str) -> Vec<usize> {
    let t = table();
    let rule = compile(text, &catalogue()).unwrap_or_else(|e| panic!("{text}: {e}"));
    let values: Vec<Values<'_>> = rule
        .columns
        .iter()
        .map(|id| match id.as_str() {
            "profile.orders" => Values::U32(&t.orders),
            "profile.revenue_cents" => Values::I64(&t.revenue),
            "profile.return_rate" => Values::F64(&t.return_rate),
            "profile.last_order_date" => Values::Day(&t.last_order),
            "profile.top_category" => Values::Text(&t.category, &t.categories),
            "rfm.segment" => Values::Code(&t.segment, SEGMENTS),
            other => panic!("no column {other}"),
        })
        .collect();
    let ids: Vec<Box<str>> = (0..5).map(|i| i.to_string().into()).collect();
    let hits = evaluate(&rule, &values, &ids, Some(100));
    (0..5).filter(|&c| hits[c]).collect()
}

fn error(text: &str) -> String {
    compile(text, &catalogue())
        .expect_err("an error")
        .to_string()
}

#[test]
fn comparisons_of_numbers_money_shares_and_days() {
    assert_eq!(matching("orders >= 3"), [1, 2]);
    assert_eq!(matching("orders == 1 or orders = 0"), [0, 4]);
    assert_eq!(matching("orders < 3"), [0, 4]);
    // money without `_cents` is in currency units, with it in minor units
    assert_eq!(matching("revenue > 2000"), [1, 2]);
    assert_eq!(matching("revenue_cents > 2000"), [0, 1, 2]);
    assert_eq!(matching("return_rate > 30%"), [1]);
    assert_eq!(matching("return_rate <= 0.1"), [0, 2]);
    // days: an offset from the last day (100), or a date
    assert_eq!(matching("last_order_date < -90d"), [1]);
    assert_eq!(matching("last_order_date >= \"1970-03-02\""), [0, 2]);
}

#[test]
fn in_between_contains_and_is_null() {
    assert_eq!(matching("orders in [1, 5]"), [0, 2]);
    assert_eq!(matching("orders not in [1, 5]"), [1, 4]);
    assert_eq!(matching("revenue between 100 and 2500"), [0, 1]);
    assert_eq!(matching("top_category == \"美妆\""), [0, 2]);
    assert_eq!(matching("top_category in ['母婴 Baby', '不存在']"), [1, 4]);
    assert_eq!(matching("top_category contains \"baby\""), [1, 4]);
    assert_eq!(matching("top_category is null"), [3]);
    assert_eq!(matching("return_rate is not null"), [0, 1, 2]);
    assert_eq!(matching("rfm.segment == \"champions\""), [0, 2]);
    assert_eq!(matching("segment != 'lost'"), [0, 2]);
}

#[test]
fn and_binds_tighter_than_or_and_not_negates_what_it_wraps() {
    assert_eq!(
        matching("orders >= 3 and return_rate < 0.2 or orders == 0"),
        [2, 4]
    );
    assert_eq!(
        matching("orders >= 3 and (return_rate < 0.2 or orders == 0)"),
        [2]
    );
    assert_eq!(matching("NOT orders >= 3"), [0, 3, 4]);
    assert_eq!(
        matching("not (orders >= 3) and not (top_category is null)"),
        [0, 4]
    );
}

#[test]
fn a_customer_without_a_value_fails_every_comparison_but_not_its_negation() {
    // customer 3 has no orders value, 3 and 4 no return rate
    assert_eq!(matching("orders != 1"), [1, 2, 4]);
    assert_eq!(matching("return_rate != 0.5"), [0, 2]);
    assert_eq!(matching("top_category != \"美妆\""), [1, 4]);
    assert_eq!(matching("top_category not in [\"美妆\"]"), [1, 4]);
    assert_eq!(matching("not (return_rate > 0.3)"), [0, 2, 3, 4]);
    assert_eq!(matching("return_rate <= 0.3"), [0, 2]);
}

#[test]
fn chinese_labels_give_the_same_customers() {
    assert_eq!(
        matching("订单数 >= 3 and 净收入 > 2000"),
        matching("orders >= 3 and revenue > 2000")
    );
    assert_eq!(matching("偏好类目 == “美妆”"), [0, 2]);
    assert_eq!(matching("末单日期 < -90d"), [1]);
    assert_eq!(matching("ORDERS >= 3"), [1, 2]);
}

#[test]
fn errors_say_what_is_wrong_and_where() {
    assert_eq!(
        error("orders >= 3 and ordres > 1"),
        "column 17: unknown field \"ordres\" — did you mean \"orders\"?"
    );
    assert_eq!(error("xyzzy > 1"), "column 1: unknown field \"xyzzy\"");
    assert_eq!(
        error("top_category > 3"),
        "column 1: top_category is a text: compare it with ==, !=, in, not in or contains, not >"
    );
    assert_eq!(
        error("orders == \"many\""),
        "column 11: orders is a number: compare it with a number, not \"many\""
    );
    assert_eq!(
        error("city == \"上海\""),
        "column 1: unknown field \"city\""
    );
    assert_eq!(
        error("top_category == \"上海"),
        "column 17: this text has no closing quote"
    );
    assert_eq!(
        error("orders >= 3 and"),
        "column 16: the rule ends after \"and\": a field name should follow"
    );
    assert_eq!(
        error("orders >="),
        "column 10: the rule ends after \">=\": a value should follow"
    );
    assert_eq!(
        error("(orders > 1 or orders < 0"),
        "column 26: the rule ends before the \")\" that closes the \"(\" of column 1"
    );
    assert_eq!(
        error("orders > 1 orders"),
        "column 12: the rule should end here, not go on with \"orders\""
    );
    assert_eq!(
        error("segment == 'champion'"),
        "column 12: segment has no value \"champion\"; its values are \"champions\", \"lost\""
    );
    assert_eq!(
        error("last_order_date < \"2024-13-01\""),
        "column 19: \"2024-13-01\" is not a YYYY-MM-DD date"
    );
    assert_eq!(error("   "), "the rule is empty");
    assert_eq!(
        error("orders # 3"),
        "column 8: \"#\" cannot start a field, a value or an operator"
    );
}

#[test]
fn located_errors_span_the_token() {
    let e = compile("orders >= 3 and ordres > 1", &catalogue()).expect_err("unknown");
    assert_eq!(compile::at(e.span().expect("a span")), (16, 22));
    let m = e.message();
    assert_eq!(
        m.params.get("column"),
        Some(&crate::message::Param::Int(17))
    );
    assert_eq!(m.params.get("end"), Some(&crate::message::Param::Int(23)));
}

#[test]
fn random_input_never_panics() {
    // a fixed pseudo-random sequence (xorshift): bytes, and fragments of real rules
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let pieces = [
        "orders",
        "revenue",
        ">=",
        "==",
        "!=",
        "<",
        "(",
        ")",
        "[",
        "]",
        ",",
        "and",
        "or",
        "not",
        "in",
        "between",
        "contains",
        "is",
        "null",
        "3",
        "-90d",
        "30%",
        "\"美妆\"",
        "'x",
        "订单数",
        "“",
        "rfm.segment",
        ".",
        "-",
        "1e9",
        "\\",
        "\u{0}",
        "\u{ffff}",
    ];
    let c = catalogue();
    for _ in 0..20_000 {
        let len = next() % 12;
        let text: String = if next() % 2 == 0 {
            (0..len)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            let bytes: Vec<u8> = (0..len * 3).map(|_| next() as u8).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        };
        if let Err(e) = compile(&text, &c) {
            let _ = e.to_string();
        }
    }
}
