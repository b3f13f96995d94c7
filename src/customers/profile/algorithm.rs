//! Every customer's consumption and preference features in one pass over the dataset.
//!
//! Definitions (the same words as `scripts/profile_reference.py`, the pandas reference):
//! a *purchase line* is a line that is not a return; only lines with a customer make
//! customers; `L`, the data's last day, is the latest day of any line. Days are calendar days
//! of the shop's wall clock. Each feature's definition is its `ColumnSpec::doc`
//! (`analysis.rs`); a feature a customer has no data for is null.
//!
//! A line's category and brand are the order file's columns, or, where it has none, the
//! product catalogue's (`customers::attribute`). Shop-wide figures the features compare with
//! (a category's median unit price, a category's and a brand's share of the shop's spend, a
//! product's first sale) are taken over the lines of identified customers first; the customers are then read one by one, each one's lines a contiguous,
//! time-ordered slice, with a few reused scratch vectors.

use super::params::ProfileValidParams;
use crate::customers::attribute::LineAttribute;
use crate::dataset::time::day;
use crate::dataset::{Dataset, Dimension, DimensionColumn, Interner, NONE};
use crate::ingest::columns::Field;
use crate::ingest::side::Tables;
use crate::table::{NULL_CODE, NULL_DAY, NULL_U32};
use serde::Serialize;
use std::collections::HashMap;

/// A customer's price index below this is the `low` price band.
pub const LOW_PRICE: f64 = 0.8;
/// A customer's price index above this is the `high` price band.
pub const HIGH_PRICE: f64 = 1.25;

/// Weekday names, Monday first (`preferred_weekday`).
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Price bands (`price_band`).
pub const PRICE_BANDS: [&str; 3] = ["low", "mid", "high"];

/// The profile table: one value per customer in each column (customer order of the dataset).
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Distinct orders among purchase lines.
    pub orders: Vec<u32>,
    /// Value of purchase lines (minor units).
    pub purchase_cents: Vec<i64>,
    /// Value of all lines, returns negative.
    pub revenue_cents: Vec<i64>,
    /// Purchase value ÷ orders; NaN without orders.
    pub aov_cents: Vec<f64>,
    /// Units bought ÷ orders; NaN without orders.
    pub items_per_order: Vec<f64>,
    /// Day of the first purchase line; `NULL_DAY` without one.
    pub first_order_day: Vec<i32>,
    /// Day of the last purchase line; `NULL_DAY` without one.
    pub last_order_day: Vec<i32>,
    /// `L` − the last purchase day; `NULL_U32` without one.
    pub days_since_last_order: Vec<u32>,
    /// `L` − the first purchase day; `NULL_U32` without one.
    pub days_since_first_order: Vec<u32>,
    /// Distinct purchase days.
    pub purchase_days: Vec<u32>,
    /// Mean gap between consecutive purchase days; NaN below two.
    pub mean_days_between_orders: Vec<f64>,
    /// Median gap between consecutive purchase days; NaN below two.
    pub median_days_between_orders: Vec<f64>,
    /// Units returned ÷ units bought; NaN when none were bought.
    pub return_rate: Vec<f64>,
    /// Most frequent order hour; `NULL_U32` without orders.
    pub preferred_hour: Vec<u32>,
    /// Most frequent order weekday (`WEEKDAYS`); `NULL_CODE` without orders.
    pub preferred_weekday: Vec<u8>,
    /// Share of purchase value on festival days; NaN without purchase value.
    pub festival_share: Vec<f64>,
    /// Index into `channels`, or `NONE`.
    pub top_channel: Vec<u32>,
    /// The top channel's share of purchase value.
    pub top_channel_share: Vec<f64>,
    /// Index into `categories`, or `NONE`.
    pub top_category: Vec<u32>,
    /// The top category's share of purchase value.
    pub top_category_share: Vec<f64>,
    /// The top category's share ÷ its share of the shop's purchase value.
    pub category_affinity: Vec<f64>,
    /// Up to `TOP_CATEGORIES` categories by purchase value, `", "`-joined: an index into
    /// `category_lists`, or `NONE`.
    pub top_categories: Vec<u32>,
    /// The lists `top_categories` indexes.
    pub category_lists: Interner,
    /// Index into `regions`, or `NONE`.
    pub region: Vec<u32>,
    /// Mean unit price ÷ category median unit price.
    pub price_index: Vec<f64>,
    /// `PRICE_BANDS` code of `price_index`, or `NULL_CODE`.
    pub price_band: Vec<u8>,
    /// Share of purchase lines with a product bought while it was new.
    pub new_product_share: Vec<f64>,
    /// Share of the customer's orders bought with a discount or a coupon (null when the data
    /// has neither column).
    pub discount_share: Vec<f64>,
    /// Per customer, an index into `channel_mixes` (`NONE`: no channel).
    pub channel_mix: Vec<u32>,
    /// The channel mixes `channel_mix` indexes: `app 67%, web 33%`.
    pub channel_mixes: Interner,
    /// Per customer, an index into `brands` (`NONE`: no brand).
    pub top_brand: Vec<u32>,
    /// The top brand's share of the customer's purchase value.
    pub top_brand_share: Vec<f64>,
    /// The top brand's share of the customer's purchase value ÷ its share of the shop's.
    pub brand_affinity: Vec<f64>,
    /// The brands `top_brand` indexes (the orders' or the catalogue's).
    pub brands: Interner,
    /// Whether the data has a discount or a coupon column (`discount_share` is null if not).
    pub has_discount: bool,
    /// The channels `top_channel` indexes (empty without a channel column).
    pub channels: Interner,
    /// The categories `top_category` indexes.
    pub categories: Interner,
    /// The regions `region` indexes.
    pub regions: Interner,
    /// `L`: the data's last day (days since 1970-01-01), if there is any line.
    pub last_day: Option<i64>,
}

/// The profile's summary: what the page shows above the table and the card compares with.
/// Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ProfileSummary {
    /// Customers profiled.
    pub customers: usize,
    /// `L`, the day "days since" counts to (`YYYY-MM-DD`).
    pub last_day: Option<String>,
    /// Per numeric feature: its median over the customers who have it.
    pub medians: Vec<FeatureMedian>,
    /// Whether the data has a channel column (the channel features are null otherwise).
    pub has_channel: bool,
    /// Whether it has a category, from the orders or the product catalogue.
    pub has_category: bool,
    /// Whether it has a region column.
    pub has_region: bool,
    /// Whether the lines have a brand, from the orders or the product catalogue.
    pub has_brand: bool,
    /// Whether it has a discount or a coupon column.
    pub has_discount: bool,
}

/// The shop median of one feature. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct FeatureMedian {
    /// The column name (`aov_cents`).
    pub feature: String,
    /// The median (pandas' definition: the mean of the two middle values of an even count);
    /// null when no customer has the feature.
    pub median: Option<f64>,
    /// Customers who have it.
    pub customers: usize,
}

/// The median of `v` (sorted in place); `None` when empty.
pub(crate) fn median(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// Per line, a dimension's value (`NONE` when absent or without the column).
fn per_line(col: Option<&DimensionColumn>, i: usize) -> u32 {
    col.map_or(NONE, |c| c.per_line[i])
}

/// The value with the largest total (ties: the smallest name) among `(value, amount)` pairs,
/// sorted here; `None` when no total is above zero.
fn top_by_total(pairs: &mut [(u32, i64)], names: &Interner) -> Option<(u32, i64)> {
    ranked_totals(pairs, names).first().copied()
}

/// The values whose total is above zero, largest total first (ties: the smallest name),
/// from `(value, amount)` pairs, sorted here.
fn ranked_totals(pairs: &mut [(u32, i64)], names: &Interner) -> Vec<(u32, i64)> {
    pairs.sort_unstable_by_key(|p| p.0);
    let mut totals: Vec<(u32, i64)> = pairs
        .chunk_by(|a, b| a.0 == b.0)
        .map(|run| (run[0].0, run.iter().map(|p| p.1).sum::<i64>()))
        .filter(|&(_, t)| t > 0)
        .collect();
    totals.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| names.name(a.0).cmp(names.name(b.0)))
    });
    totals
}

/// How many categories `top_categories` lists.
pub const TOP_CATEGORIES: usize = 3;

/// The most frequent value (ties: the smallest name) of `values`, sorted here.
fn most_frequent(values: &mut [u32], names: &Interner) -> Option<u32> {
    values.sort_unstable();
    let mut best: Option<(u32, usize)> = None;
    for run in values.chunk_by(|a, b| a == b) {
        let (v, n) = (run[0], run.len());
        let better = match best {
            None => true,
            Some((b, m)) => n > m || (n == m && names.name(v) < names.name(b)),
        };
        if better {
            best = Some((v, n));
        }
    }
    best.map(|(v, _)| v)
}

/// `a / b`, or NaN (null) when `b` is not above zero.
fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 {
        a / b
    } else {
        f64::NAN
    }
}

/// Shop-wide figures over the purchase lines of identified customers.
struct Shop {
    /// Per category: the median unit price (value ÷ quantity, lines with quantity > 0).
    category_median: Vec<f64>,
    /// Per category: the share of the shop's purchase spend.
    category_share: Vec<f64>,
    /// Per brand: the share of the shop's purchase spend.
    brand_share: Vec<f64>,
    /// Per product: the day of its first sale.
    launch_day: Vec<i64>,
}

impl Shop {
    fn of(data: &Dataset, category: &LineAttribute<'_>, brand: &LineAttribute<'_>) -> Shop {
        let lines = &data.lines;
        let identified = 0..data.unidentified_lines().start;
        let n_categories = category.names.len();
        let mut units: Vec<Vec<f64>> = vec![Vec::new(); n_categories];
        let mut spend = vec![0i64; n_categories];
        let mut brand_spend = vec![0i64; brand.names.len()];
        let mut total = 0i64;
        let mut launch_day = vec![i64::MAX; lines.product_ids.len()];
        for i in identified {
            if lines.is_return[i] {
                continue;
            }
            let amount = lines.amount_cents[i];
            total += amount;
            let k = category.at(lines, i);
            if k != NONE {
                spend[k as usize] += amount;
                if lines.quantity[i] > 0.0 {
                    units[k as usize].push(amount as f64 / lines.quantity[i]);
                }
            }
            let b = brand.at(lines, i);
            if b != NONE {
                brand_spend[b as usize] += amount;
            }
            let p = lines.product[i];
            if p != NONE {
                let d = day(lines.time[i]);
                let first = &mut launch_day[p as usize];
                *first = (*first).min(d);
            }
        }
        Shop {
            category_median: units
                .iter_mut()
                .map(|u| median(u).unwrap_or(f64::NAN))
                .collect(),
            category_share: spend
                .iter()
                .map(|&s| ratio(s as f64, total as f64))
                .collect(),
            brand_share: brand_spend
                .iter()
                .map(|&s| ratio(s as f64, total as f64))
                .collect(),
            launch_day,
        }
    }
}

/// Scratch space reused from one customer to the next.
#[derive(Default)]
struct Scratch {
    /// (order, time) of purchase lines.
    orders: Vec<(u32, i64)>,
    /// Gaps in days between consecutive purchase days.
    gaps: Vec<f64>,
    channel: Vec<(u32, i64)>,
    category: Vec<(u32, i64)>,
    brand: Vec<(u32, i64)>,
    region: Vec<u32>,
    /// Orders with a discounted line or a coupon.
    discounted: Vec<u32>,
    mixes: Mixes,
}

/// The channel mixes of the customers: `app 67%, web 33%`, each channel's share of the
/// purchase value, largest first, in whole percent. Writing and interning that text for each
/// of 100,000 customers was the profile's dearest step, so a mix of up to four channels
/// among the first 256 is found by a compact key first and written only once.
#[derive(Default)]
struct Mixes {
    by_key: HashMap<u64, u32, foldhash::fast::FixedState>,
    percents: Vec<i64>,
    text: String,
}

impl Mixes {
    /// The mix of the ranked `(channel, value)` totals (`purchase` > 0), interned in `into`.
    fn of(
        &mut self,
        ranked: &[(u32, i64)],
        names: &Interner,
        purchase: i64,
        into: &mut Interner,
    ) -> u32 {
        self.percents.clear();
        self.percents.extend(
            ranked
                .iter()
                .map(|&(_, t)| (100.0 * ratio(t as f64, purchase as f64)).round() as i64),
        );
        // 3 bits of length, then 15 bits a part: an 8-bit channel and a 7-bit percent
        let compact = ranked.len() <= 4
            && ranked.iter().all(|&(k, _)| k < 256)
            && self.percents.iter().all(|p| (0..128).contains(p));
        let key = compact.then(|| {
            let parts = ranked.iter().zip(&self.percents).enumerate();
            parts.fold(ranked.len() as u64, |key, (n, (&(k, _), &p))| {
                key | ((u64::from(k) << 7 | p as u64) << (3 + 15 * n))
            })
        });
        if let Some(&id) = key.and_then(|k| self.by_key.get(&k)) {
            return id;
        }
        use std::fmt::Write;
        self.text.clear();
        for (n, (&(k, _), p)) in ranked.iter().zip(&self.percents).enumerate() {
            let sep = if n == 0 { "" } else { ", " };
            let _ = write!(self.text, "{sep}{} {p}%", names.name(k));
        }
        let id = into.intern(&self.text);
        if let Some(k) = key {
            self.by_key.insert(k, id);
        }
        id
    }
}

/// Computes the profile of every customer of `data`; `tables` gives the product catalogue a
/// line's category and brand come from when the orders have no such column.
pub fn profile(data: &Dataset, tables: &Tables, params: &ProfileValidParams) -> Profile {
    let lines = &data.lines;
    let n = data.n_customers();
    let channel = lines.dimension(Dimension::Channel);
    let category = LineAttribute::of(lines, tables, Dimension::Category, Field::Category);
    let brand = LineAttribute::of(lines, tables, Dimension::Brand, Field::Brand);
    let region = lines.dimension(Dimension::Region);
    let discount = lines.dimension(Dimension::Discount);
    let coupon = lines.dimension(Dimension::Campaign);
    let has_discount = discount.is_some() || coupon.is_some();
    let last_day = data.last_day();
    let shop = Shop::of(data, &category, &brand);
    let new_days = i64::from(params.new_product_days);
    let mut p = Profile {
        channels: channel.map(|c| c.values.clone()).unwrap_or_default(),
        categories: category.names.clone(),
        brands: brand.names.clone(),
        regions: region.map(|c| c.values.clone()).unwrap_or_default(),
        last_day,
        has_discount,
        ..Profile::default()
    };
    let mut s = Scratch::default();
    for c in 0..n {
        s.orders.clear();
        s.gaps.clear();
        s.channel.clear();
        s.category.clear();
        s.brand.clear();
        s.region.clear();
        s.discounted.clear();
        let (mut purchase, mut revenue, mut festival) = (0i64, 0i64, 0i64);
        let (mut bought_units, mut returned_units) = (0f64, 0f64);
        let (mut first_day, mut prev_day) = (None::<i64>, None::<i64>);
        let mut purchase_days = 0u32;
        let (mut price_sum, mut priced) = (0f64, 0u32);
        let (mut with_product, mut new_lines) = (0u32, 0u32);
        for i in data.customer_lines(c) {
            let amount = lines.amount_cents[i];
            revenue += amount;
            if lines.is_return[i] {
                returned_units -= lines.quantity[i];
                continue;
            }
            purchase += amount;
            bought_units += lines.quantity[i];
            let t = lines.time[i];
            let d = day(t);
            s.orders.push((lines.order[i], t));
            // the lines are in time order: a new day is a later one
            if prev_day != Some(d) {
                if let Some(prev) = prev_day {
                    s.gaps.push((d - prev) as f64);
                }
                prev_day = Some(d);
                first_day.get_or_insert(d);
                purchase_days += 1;
            }
            if params.festivals.contains(d) {
                festival += amount;
            }
            let ch = per_line(channel, i);
            if ch != NONE {
                s.channel.push((ch, amount));
            }
            if per_line(discount, i) != NONE || per_line(coupon, i) != NONE {
                s.discounted.push(lines.order[i]);
            }
            let b = brand.at(lines, i);
            if b != NONE {
                s.brand.push((b, amount));
            }
            let k = category.at(lines, i);
            if k != NONE {
                s.category.push((k, amount));
                let m = shop.category_median[k as usize];
                if lines.quantity[i] > 0.0 && m > 0.0 {
                    price_sum += amount as f64 / lines.quantity[i] / m;
                    priced += 1;
                }
            }
            let r = per_line(region, i);
            if r != NONE {
                s.region.push(r);
            }
            let prod = lines.product[i];
            if prod != NONE {
                with_product += 1;
                if d - shop.launch_day[prod as usize] < new_days {
                    new_lines += 1;
                }
            }
        }
        // orders: distinct order ids, each at its earliest line
        s.orders.sort_unstable();
        s.orders.dedup_by_key(|o| o.0);
        let orders = s.orders.len() as u32;
        let (mut hours, mut weekdays) = ([0u32; 24], [0u32; 7]);
        for &(_, t) in &s.orders {
            hours[(t.rem_euclid(86_400) / 3600) as usize] += 1;
            // 1970-01-01 was a Thursday (3, counting from Monday)
            weekdays[(day(t) + 3).rem_euclid(7) as usize] += 1;
        }
        // the first of the most frequent: the smallest hour, the earliest weekday
        let mode = |counts: &[u32]| {
            let max = *counts.iter().max().unwrap_or(&0);
            (max > 0).then(|| counts.iter().position(|&n| n == max).unwrap_or(0))
        };
        let of_orders = |x: f64| {
            if orders > 0 {
                x / f64::from(orders)
            } else {
                f64::NAN
            }
        };
        p.orders.push(orders);
        p.purchase_cents.push(purchase);
        p.revenue_cents.push(revenue);
        p.aov_cents.push(of_orders(purchase as f64));
        p.items_per_order.push(of_orders(bought_units));
        let since = |d: Option<i64>| match (d, last_day) {
            (Some(d), Some(l)) => u32::try_from(l - d).unwrap_or(NULL_U32),
            _ => NULL_U32,
        };
        let as_day = |d: Option<i64>| d.map_or(NULL_DAY, |d| d as i32);
        p.first_order_day.push(as_day(first_day));
        p.last_order_day.push(as_day(prev_day));
        p.days_since_last_order.push(since(prev_day));
        p.days_since_first_order.push(since(first_day));
        p.purchase_days.push(purchase_days);
        match (first_day, prev_day) {
            (Some(first), Some(last)) if purchase_days >= 2 => {
                p.mean_days_between_orders
                    .push((last - first) as f64 / f64::from(purchase_days - 1));
                p.median_days_between_orders
                    .push(median(&mut s.gaps).unwrap_or(f64::NAN));
            }
            _ => {
                p.mean_days_between_orders.push(f64::NAN);
                p.median_days_between_orders.push(f64::NAN);
            }
        }
        p.return_rate.push(ratio(returned_units, bought_units));
        p.preferred_hour
            .push(mode(&hours).map_or(NULL_U32, |h| h as u32));
        p.preferred_weekday
            .push(mode(&weekdays).map_or(NULL_CODE, |w| w as u8));
        p.festival_share
            .push(ratio(festival as f64, purchase as f64));
        p.discount_share.push(if has_discount {
            s.discounted.sort_unstable();
            s.discounted.dedup();
            of_orders(s.discounted.len() as f64)
        } else {
            f64::NAN
        });
        let channels = ranked_totals(&mut s.channel, &p.channels);
        let top_channel = channels.first().copied();
        p.channel_mix.push(if channels.is_empty() || purchase <= 0 {
            NONE
        } else {
            s.mixes
                .of(&channels, &p.channels, purchase, &mut p.channel_mixes)
        });
        let top_brand = top_by_total(&mut s.brand, &p.brands);
        p.top_brand.push(top_brand.map_or(NONE, |t| t.0));
        let brand_share = top_brand.map_or(f64::NAN, |(_, t)| ratio(t as f64, purchase as f64));
        p.top_brand_share.push(brand_share);
        p.brand_affinity.push(match top_brand {
            Some((b, _)) if !brand_share.is_nan() => {
                ratio(brand_share, shop.brand_share[b as usize])
            }
            _ => f64::NAN,
        });
        p.top_channel.push(top_channel.map_or(NONE, |t| t.0));
        p.top_channel_share
            .push(top_channel.map_or(f64::NAN, |(_, t)| ratio(t as f64, purchase as f64)));
        let ranked = ranked_totals(&mut s.category, &p.categories);
        let top_category = ranked.first().copied();
        p.top_categories.push(if ranked.is_empty() {
            NONE
        } else {
            let list: Vec<&str> = ranked
                .iter()
                .take(TOP_CATEGORIES)
                .map(|&(k, _)| p.categories.name(k))
                .collect();
            p.category_lists.intern(&list.join(", "))
        });
        p.top_category.push(top_category.map_or(NONE, |t| t.0));
        let share = top_category.map_or(f64::NAN, |(_, t)| ratio(t as f64, purchase as f64));
        p.top_category_share.push(share);
        p.category_affinity.push(match top_category {
            Some((k, _)) if !share.is_nan() => ratio(share, shop.category_share[k as usize]),
            _ => f64::NAN,
        });
        p.region
            .push(most_frequent(&mut s.region, &p.regions).unwrap_or(NONE));
        let index = if priced > 0 {
            price_sum / f64::from(priced)
        } else {
            f64::NAN
        };
        p.price_index.push(index);
        p.price_band.push(if index.is_nan() {
            NULL_CODE
        } else if index < LOW_PRICE {
            0
        } else if index > HIGH_PRICE {
            2
        } else {
            1
        });
        p.new_product_share.push(if with_product > 0 {
            f64::from(new_lines) / f64::from(with_product)
        } else {
            f64::NAN
        });
    }
    p
}
