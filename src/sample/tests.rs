//! Tests of the generated file as a reader sees it: parsed back with the `csv` crate.

use super::shop::HEADER;
use super::{generate_csv, SampleParams, SampleParamsError};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// One parsed row.
#[derive(Debug, Clone)]
struct Row {
    order_id: u64,
    customer: u64,
    date: String,
    product: u64,
    name: String,
    quantity: i64,
    cents: i64,
}

fn generate(rows: usize, seed: u64) -> Vec<u8> {
    generate_csv(&SampleParams { rows, seed }).expect("valid params")
}

fn parse(bytes: &[u8]) -> Vec<Row> {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    reader
        .records()
        .map(|r| {
            let r = r.expect("well-formed CSV");
            let int = |i: usize| r[i].parse::<i64>().expect("integer field");
            Row {
                order_id: int(0) as u64,
                customer: int(1) as u64,
                date: r[2].to_string(),
                product: int(3) as u64,
                name: r[4].to_string(),
                quantity: int(6),
                cents: r[7].replace('.', "").parse().expect("price"),
            }
        })
        .collect()
}

const SHOP_ROWS: usize = 60_000;

/// The shop most tests look at: 60,000 rows, seed 42, generated and parsed once.
fn shop() -> &'static [Row] {
    static SHOP: OnceLock<Vec<Row>> = OnceLock::new();
    SHOP.get_or_init(|| parse(&generate(SHOP_ROWS, 42)))
}

fn orders_of(rows: &[Row]) -> BTreeMap<u64, Vec<&Row>> {
    let mut orders: BTreeMap<u64, Vec<&Row>> = BTreeMap::new();
    for r in rows {
        orders.entry(r.order_id).or_default().push(r);
    }
    orders
}

#[test]
fn rows_below_1000_are_rejected_by_generate() {
    assert_eq!(
        generate_csv(&SampleParams {
            rows: 999,
            seed: 42
        }),
        Err(SampleParamsError::TooFewRows(999))
    );
}

#[test]
fn same_seed_gives_identical_bytes() {
    assert!(generate(20_000, 5) == generate(20_000, 5));
}

#[test]
fn different_seeds_differ() {
    assert!(generate(20_000, 5) != generate(20_000, 6));
}

#[test]
fn row_count_is_exact() {
    for rows in [1000, 1001, 1049, 20_000, 33_333] {
        assert_eq!(parse(&generate(rows, 3)).len(), rows, "rows = {rows}");
    }
    assert_eq!(shop().len(), SHOP_ROWS);
}

#[test]
fn two_percent_of_rows_are_returns() {
    let returns = shop().iter().filter(|r| r.quantity < 0).count();
    assert_eq!(returns, SHOP_ROWS / 50);
    assert_eq!(
        parse(&generate(1049, 3))
            .iter()
            .filter(|r| r.quantity < 0)
            .count(),
        21
    );
}

#[test]
fn returns_are_own_orders_dated_after_a_purchase() {
    let rows = shop();
    let orders = orders_of(rows);
    for lines in orders.values() {
        let negative = lines.iter().filter(|r| r.quantity < 0).count();
        assert!(
            negative == 0 || negative == lines.len(),
            "order {} mixes returns and purchases",
            lines[0].order_id
        );
    }
    // every return line undoes an earlier purchase of the same customer and product:
    // at least one day earlier, at the same price, with at least the returned quantity
    let mut purchases: BTreeMap<(u64, u64), Vec<&Row>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.quantity > 0) {
        purchases
            .entry((r.customer, r.product))
            .or_default()
            .push(r);
    }
    for ret in rows.iter().filter(|r| r.quantity < 0) {
        let found = purchases
            .get(&(ret.customer, ret.product))
            .into_iter()
            .flatten()
            .any(|p| {
                p.cents == ret.cents
                    && p.quantity >= -ret.quantity
                    && days_between(&p.date, &ret.date) >= 1.0
            });
        assert!(
            found,
            "return {:?} has no purchase a day or more before it",
            ret
        );
    }
}

/// Days from `a` to `b` (`YYYY-MM-DD HH:MM:SS`), counting 2023-01-01 as day 0.
fn days_between(a: &str, b: &str) -> f64 {
    seconds(b) as f64 / 86_400.0 - seconds(a) as f64 / 86_400.0
}

fn seconds(date: &str) -> i64 {
    let n = |r: std::ops::Range<usize>| date[r].parse::<i64>().expect("date digits");
    let (y, m, d) = (n(0..4), n(5..7), n(8..10));
    let lengths = [
        31,
        if y == 2024 { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let day = (y - 2023) * 365 + lengths[..(m - 1) as usize].iter().sum::<i64>() + d - 1;
    day * 86_400 + n(11..13) * 3600 + n(14..16) * 60 + n(17..19)
}

#[test]
fn customers_are_about_a_tenth_of_rows() {
    let customers: BTreeSet<u64> = shop().iter().map(|r| r.customer).collect();
    // every customer's first order is kept, so all rows/10 customers appear
    assert_eq!(customers.len(), SHOP_ROWS / 10);
}

#[test]
fn orders_hold_about_two_lines_each_and_a_third_of_customers_buy_once() {
    let rows = shop();
    let purchase_orders: BTreeSet<u64> = rows
        .iter()
        .filter(|r| r.quantity > 0)
        .map(|r| r.order_id)
        .collect();
    let all_orders: BTreeSet<u64> = rows.iter().map(|r| r.order_id).collect();
    // gen_orders.py: 100k rows → 48,520 orders, i.e. 2.06 rows per order
    let rows_per_order = SHOP_ROWS as f64 / all_orders.len() as f64;
    assert!(
        (1.9..2.25).contains(&rows_per_order),
        "rows per order {rows_per_order}"
    );
    let mut orders_per_customer: BTreeMap<u64, BTreeSet<u64>> = BTreeMap::new();
    for r in rows
        .iter()
        .filter(|r| purchase_orders.contains(&r.order_id))
    {
        orders_per_customer
            .entry(r.customer)
            .or_default()
            .insert(r.order_id);
    }
    let once = orders_per_customer
        .values()
        .filter(|o| o.len() == 1)
        .count() as f64;
    let share = once / orders_per_customer.len() as f64;
    // gen_orders.py: ~38 %
    assert!((0.30..0.46).contains(&share), "one-order share {share}");
}

#[test]
fn top_fifth_of_customers_has_most_revenue() {
    let mut revenue: BTreeMap<u64, i64> = BTreeMap::new();
    for r in shop() {
        *revenue.entry(r.customer).or_default() += r.quantity * r.cents;
    }
    let mut values: Vec<i64> = revenue.into_values().collect();
    values.sort_unstable_by(|a, b| b.cmp(a));
    let total: i64 = values.iter().sum();
    let top: i64 = values[..values.len() / 5].iter().sum();
    let share = top as f64 / total as f64;
    // gen_orders.py: 71 % at 100k rows, 74 % at 1M
    assert!(
        (0.62..0.80).contains(&share),
        "top-20 % revenue share {share}"
    );
}

#[test]
fn festival_days_have_more_orders_than_ordinary_days() {
    let mut per_day: BTreeMap<&str, BTreeSet<u64>> = BTreeMap::new();
    for r in shop().iter().filter(|r| r.quantity > 0) {
        per_day.entry(&r.date[..10]).or_default().insert(r.order_id);
    }
    let mut counts: Vec<usize> = per_day.values().map(BTreeSet::len).collect();
    counts.sort_unstable();
    let median = counts[counts.len() / 2] as f64;
    for day in ["2023-11-11", "2024-11-11"] {
        let n = per_day.get(day).map_or(0, BTreeSet::len) as f64;
        // the intensity is 4.5× on 11.11; allow for noise and the season
        assert!(n > 2.5 * median, "{day}: {n} orders vs median day {median}");
    }
    // and the Chinese New Year dip is below the median
    let cny = per_day.get("2024-02-10").map_or(0, BTreeSet::len) as f64;
    assert!(
        cny < 0.8 * median,
        "2024-02-10: {cny} orders vs median day {median}"
    );
}

#[test]
fn names_mix_chinese_and_english() {
    let names: BTreeSet<&str> = shop().iter().map(|r| r.name.as_str()).collect();
    let n = names.len() as f64;
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let chinese = names
        .iter()
        .filter(|s| han(s) && !s.contains(" / "))
        .count() as f64
        / n;
    let english = names.iter().filter(|s| s.is_ascii()).count() as f64 / n;
    let bilingual = names.iter().filter(|s| han(s) && s.contains(" / ")).count() as f64 / n;
    // drawn 45 / 30 / 25 %
    assert!((0.35..0.55).contains(&chinese), "Chinese {chinese}");
    assert!((0.20..0.40).contains(&english), "English {english}");
    assert!((0.15..0.35).contains(&bilingual), "bilingual {bilingual}");
    assert!(
        names.iter().any(|s| s.contains(',')),
        "some names need quoting for commas"
    );
    assert!(
        names.iter().any(|s| s.contains('"')),
        "some names need quoting for quotes"
    );
}

#[test]
fn product_ids_are_distinct_within_an_order() {
    for (id, lines) in orders_of(shop()) {
        let products: BTreeSet<u64> = lines.iter().map(|r| r.product).collect();
        assert_eq!(products.len(), lines.len(), "order {id}");
    }
}

#[test]
fn csv_parses_with_the_csv_crate_and_has_the_header() {
    let bytes = generate(20_000, 11);
    assert!(!bytes.contains(&b'\r'), "LF line ends");
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(&bytes[..]);
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(header, HEADER);
    assert_eq!(
        bytes.split(|&b| b == b'\n').next(),
        Some(&b"order_id,customer_id,order_date,product_id,product_name,category,quantity,unit_price,channel,region"[..])
    );
    let mut last = String::new();
    let mut count = 0;
    for record in reader.records() {
        let r = record.expect("every record parses");
        assert_eq!(r.len(), 10);
        let date = &r[2];
        assert_eq!(date.len(), 19);
        assert!(
            ("2023-01-01 00:00:00"..="2024-12-31 23:59:59").contains(&date),
            "{date}"
        );
        assert!(date >= last.as_str(), "rows are in order-date order");
        last = date.to_string();
        let price = &r[7];
        assert_eq!(
            price.len() - price.find('.').expect("decimal point"),
            3,
            "{price}"
        );
        assert!(["web", "app", "mini-program", "store"].contains(&&r[8]));
        count += 1;
    }
    assert_eq!(count, 20_000);
    // order ids are numbered in date order
    let rows = parse(&bytes);
    assert!(rows.windows(2).all(|w| w[0].order_id <= w[1].order_id));
}
