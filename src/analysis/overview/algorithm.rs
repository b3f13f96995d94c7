//! Overview KPIs: customers, orders, revenue net of returns, AOV (客单价), repeat-purchase
//! rate, items per order, date range and the monthly revenue series.
//!
//! Definitions (each KPI's doc is what the page shows as its definition):
//! - *purchase line*: a line that is not a return; *purchase order*: an order id with at
//!   least one purchase line; *return line*: negative quantity or cancelled order.
//! - Shop totals (revenue, orders, AOV, items, monthly) use **every** used line, including
//!   lines without a customer id; customer KPIs (customers, repeat rate) use identified lines.
//! - A month is *partial* when the days looked at (the global filter's range, or the data's
//!   first to last day) do not cover it whole: a chart must not read it as a full month.

use crate::dataset::time;
use crate::dataset::Dataset;
use serde::{Deserialize, Serialize};

/// One calendar month of the revenue series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct MonthPoint {
    /// `YYYY-MM`.
    pub month: String,
    /// Net revenue: Σ value of all lines dated this month (returns negative), minor units.
    pub revenue_cents: i64,
    /// Σ value of purchase lines.
    pub gross_sales_cents: i64,
    /// Σ value of return lines (≤ 0).
    pub returns_cents: i64,
    /// Purchase orders whose first purchase line is in this month.
    pub orders: u64,
    /// Identified customers with any line this month.
    pub active_customers: u64,
    /// Identified customers whose first line is in this month.
    pub new_customers: u64,
    /// The days looked at cover only part of the month (the first or the last one).
    pub partial: bool,
}

/// The KPIs of the period just before the filter's date range, of the same length, with the
/// same channel, region and category filters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct PreviousPeriod {
    /// First day, ISO `YYYY-MM-DD`.
    pub from: String,
    /// Last day.
    pub to: String,
    /// Lines in it.
    pub lines: u64,
    /// See `Overview::customers`.
    pub customers: u64,
    /// See `Overview::orders`.
    pub orders: u64,
    /// See `Overview::revenue_cents`.
    pub revenue_cents: i64,
    /// See `Overview::aov_cents`.
    pub aov_cents: f64,
    /// See `Overview::revenue_per_customer_cents`.
    pub revenue_per_customer_cents: f64,
    /// See `Overview::repeat_rate`.
    pub repeat_rate: f64,
    /// See `Overview::items_per_order`.
    pub items_per_order: f64,
}

impl PreviousPeriod {
    /// The comparison KPIs of `o`, the overview of days `from..=to`.
    pub fn of(o: &Overview, from: i64, to: i64) -> PreviousPeriod {
        PreviousPeriod {
            from: time::iso_day(from),
            to: time::iso_day(to),
            lines: o.lines,
            customers: o.customers,
            orders: o.orders,
            revenue_cents: o.revenue_cents,
            aov_cents: o.aov_cents,
            revenue_per_customer_cents: o.revenue_per_customer_cents,
            repeat_rate: o.repeat_rate,
            items_per_order: o.items_per_order,
        }
    }
}

/// Shop overview KPIs. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Overview {
    /// Distinct identified customers.
    pub customers: u64,
    /// Purchase orders (order ids with at least one purchase line).
    pub orders: u64,
    /// Order ids made only of return lines (cancellations, refunds).
    pub return_orders: u64,
    /// Revenue net of returns: Σ value of all lines, minor units.
    pub revenue_cents: i64,
    /// Σ value of purchase lines.
    pub gross_sales_cents: i64,
    /// Σ value of return lines (≤ 0).
    pub returns_cents: i64,
    /// Average order value 客单价 = gross sales / purchase orders, minor units.
    pub aov_cents: f64,
    /// Net revenue per identified customer = Σ value of identified lines / customers.
    pub revenue_per_customer_cents: f64,
    /// Repeat-purchase rate = customers with ≥ 2 purchase orders / customers with ≥ 1.
    pub repeat_rate: f64,
    /// Items per order = Σ quantity of purchase lines / purchase orders.
    pub items_per_order: f64,
    /// Lines used.
    pub lines: u64,
    /// Distinct products; none when no line names a product (unknown, not zero).
    pub products: Option<u64>,
    /// Earliest line, ISO.
    pub date_min: Option<String>,
    /// Latest line, ISO.
    pub date_max: Option<String>,
    /// Calendar months from the first to the last line (months with no line included, zero).
    pub monthly: Vec<MonthPoint>,
    /// With a date filter: the same KPIs over the period of the same length just before it.
    pub previous: Option<PreviousPeriod>,
}

/// Computes the overview in two passes over the lines. `span`: the first and last day
/// looked at (the filter's range), which marks partial months; `None`: the data's own days.
pub fn overview(data: &Dataset, span: Option<(i64, i64)>) -> Overview {
    let lines = &data.lines;
    let n = lines.len();
    let (t_min, t_max) = match (lines.time.iter().min(), lines.time.iter().max()) {
        (Some(&a), Some(&b)) => (a, b),
        _ => return empty(),
    };
    let (first_day, last_day) = span.unwrap_or((time::day(t_min), time::day(t_max)));
    let m0 = time::month(t_min);
    let n_months = (time::month(t_max) - m0 + 1) as usize;
    let month_of = time::MonthIndex::new(t_min, t_max);
    let monthly: Vec<MonthPoint> = (0..n_months)
        .map(|k| {
            let (start, end) = time::month_days(m0 + k as i32);
            MonthPoint {
                month: time::month_label(m0 + k as i32),
                revenue_cents: 0,
                gross_sales_cents: 0,
                returns_cents: 0,
                orders: 0,
                active_customers: 0,
                new_customers: 0,
                partial: start < first_day || end > last_day,
            }
        })
        .collect();

    // Shop totals: every line; customer KPIs: each customer's contiguous, time-ordered slice.
    let mut shop = ShopTally {
        monthly,
        month_of: &month_of,
        order_seen: vec![false; lines.order_ids.len()],
        order_has_line: vec![false; lines.order_ids.len()],
        gross: 0,
        returns: 0,
        items: 0.0,
        orders: 0,
        buyers: 0,
        repeaters: 0,
        identified_value: 0,
    };
    for start in (0..n).step_by(BLOCK) {
        shop.add_lines(lines, start..n.min(start + BLOCK));
    }
    let per_block = (BLOCK / 8).max(1);
    for start in (0..data.n_customers()).step_by(per_block) {
        shop.add_customers(data, start..data.n_customers().min(start + per_block));
    }
    let ShopTally {
        monthly,
        order_seen,
        order_has_line,
        gross,
        returns,
        items,
        orders,
        buyers,
        repeaters,
        identified_value,
        ..
    } = shop;
    let return_orders = order_has_line
        .iter()
        .zip(&order_seen)
        .filter(|(has, purchase)| **has && !**purchase)
        .count();
    let customers = data.n_customers() as u64;
    // distinct products of these lines (a filtered dataset shares the whole id table)
    let mut seen = vec![false; lines.product_ids.len()];
    let mut products = 0u64;
    for &p in lines.product.iter().filter(|&&p| p != crate::dataset::NONE) {
        if !std::mem::replace(&mut seen[p as usize], true) {
            products += 1;
        }
    }
    Overview {
        customers,
        orders,
        return_orders: return_orders as u64,
        revenue_cents: gross + returns,
        gross_sales_cents: gross,
        returns_cents: returns,
        aov_cents: ratio(gross as f64, orders as f64),
        revenue_per_customer_cents: ratio(identified_value as f64, customers as f64),
        repeat_rate: ratio(repeaters as f64, buyers as f64),
        items_per_order: ratio(items, orders as f64),
        lines: n as u64,
        products: (products > 0).then_some(products),
        date_min: Some(time::iso(t_min)),
        date_max: Some(time::iso(t_max)),
        monthly,
        previous: None,
    }
}

/// Lines per call of `ShopTally::add_lines`. A browser compiles a wasm function with its
/// optimising tier only for the calls after it became hot, so one call over a million lines
/// would run in the baseline tier throughout — about twice as slow. Blocks let the
/// optimised code take over after the first few.
const BLOCK: usize = 1 << 15;

/// The running totals of `overview`'s two passes.
struct ShopTally<'a> {
    monthly: Vec<MonthPoint>,
    month_of: &'a time::MonthIndex,
    order_seen: Vec<bool>,
    order_has_line: Vec<bool>,
    gross: i64,
    returns: i64,
    items: f64,
    orders: u64,
    buyers: u64,
    repeaters: u64,
    identified_value: i64,
}

impl ShopTally<'_> {
    /// Shop totals over lines `range`.
    #[inline(never)]
    fn add_lines(&mut self, lines: &crate::dataset::OrderLines, range: std::ops::Range<usize>) {
        let month_of = self.month_of;
        for i in range {
            let m = month_of.of(lines.time[i]);
            let v = lines.amount_cents[i];
            let point = &mut self.monthly[m];
            point.revenue_cents += v;
            let o = lines.order[i] as usize;
            self.order_has_line[o] = true;
            if lines.is_return[i] {
                self.returns += v;
                point.returns_cents += v;
            } else {
                self.gross += v;
                self.items += lines.quantity[i];
                point.gross_sales_cents += v;
                if !self.order_seen[o] {
                    self.order_seen[o] = true;
                    self.orders += 1;
                    point.orders += 1;
                }
            }
        }
    }

    /// Customer KPIs over customers `range`.
    #[inline(never)]
    fn add_customers(&mut self, data: &Dataset, range: std::ops::Range<usize>) {
        let month_of = self.month_of;
        let lines = &data.lines;
        for c in range {
            // a buyer has a purchase line; a repeater one of another order than the first
            let (mut first_order, mut repeat) = (None, false);
            let mut last_month = usize::MAX;
            for i in data.customer_lines(c) {
                self.identified_value += lines.amount_cents[i];
                if !lines.is_return[i] {
                    let o = lines.order[i];
                    match first_order {
                        None => first_order = Some(o),
                        Some(f) => repeat |= f != o,
                    }
                }
                let m = month_of.of(lines.time[i]);
                if m != last_month {
                    self.monthly[m].active_customers += 1;
                    if last_month == usize::MAX {
                        self.monthly[m].new_customers += 1;
                    }
                    last_month = m;
                }
            }
            self.buyers += u64::from(first_order.is_some());
            self.repeaters += u64::from(repeat);
        }
    }
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 {
        a / b
    } else {
        0.0
    }
}

fn empty() -> Overview {
    Overview {
        customers: 0,
        orders: 0,
        return_orders: 0,
        revenue_cents: 0,
        gross_sales_cents: 0,
        returns_cents: 0,
        aov_cents: 0.0,
        revenue_per_customer_cents: 0.0,
        repeat_rate: 0.0,
        items_per_order: 0.0,
        lines: 0,
        products: None,
        date_min: None,
        date_max: None,
        monthly: Vec::new(),
        previous: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::OrderLines;

    const DAY: i64 = 86_400;
    const JAN_2024: i64 = 1_704_067_200;

    fn shop() -> Dataset {
        let mut t = OrderLines::default();
        // customer 1: two orders in January, one return order in February
        t.push("A1", Some("1"), JAN_2024, Some("p1"), 2.0, 2000, false);
        t.push("A1", Some("1"), JAN_2024, Some("p2"), 1.0, 500, false);
        t.push(
            "A2",
            Some("1"),
            JAN_2024 + 3 * DAY,
            Some("p1"),
            1.0,
            1000,
            false,
        );
        t.push(
            "C3",
            Some("1"),
            JAN_2024 + 40 * DAY,
            Some("p1"),
            -1.0,
            -1000,
            true,
        );
        // customer 2: one order in February
        t.push(
            "A4",
            Some("2"),
            JAN_2024 + 35 * DAY,
            Some("p2"),
            3.0,
            1500,
            false,
        );
        // no customer: one order in January
        t.push("A5", None, JAN_2024 + DAY, Some("p2"), 1.0, 500, false);
        t.finish();
        Dataset::build(t)
    }

    #[test]
    fn revenue_is_net_of_returns_and_includes_unidentified_lines() {
        let o = overview(&shop(), None);
        assert_eq!(o.gross_sales_cents, 5500);
        assert_eq!(o.returns_cents, -1000);
        assert_eq!(o.revenue_cents, 4500);
    }

    #[test]
    fn orders_count_purchase_orders_and_aov_divides_gross_sales_by_them() {
        let o = overview(&shop(), None);
        assert_eq!(o.orders, 4);
        assert_eq!(o.return_orders, 1);
        assert_eq!(o.aov_cents, 1375.0);
        assert_eq!(o.items_per_order, 2.0);
    }

    #[test]
    fn repeat_rate_counts_customers_with_two_purchase_orders() {
        let o = overview(&shop(), None);
        assert_eq!(o.customers, 2);
        assert_eq!(o.repeat_rate, 0.5);
        assert_eq!(o.revenue_per_customer_cents, 2000.0);
    }

    #[test]
    fn monthly_series_splits_revenue_orders_and_customers_by_month() {
        let o = overview(&shop(), None);
        assert_eq!(o.monthly.len(), 2);
        let (jan, feb) = (&o.monthly[0], &o.monthly[1]);
        assert_eq!(
            (jan.month.as_str(), jan.revenue_cents, jan.orders),
            ("2024-01", 4000, 3)
        );
        assert_eq!(
            (feb.month.as_str(), feb.revenue_cents, feb.returns_cents),
            ("2024-02", 500, -1000)
        );
        assert_eq!((jan.active_customers, jan.new_customers), (1, 1));
        assert_eq!((feb.active_customers, feb.new_customers), (2, 1));
        // the data runs from 1 January to 10 February: February is partial
        assert_eq!((jan.partial, feb.partial), (false, true));
    }

    #[test]
    fn months_cut_by_the_days_looked_at_are_partial() {
        let jan1 = time::day(JAN_2024);
        let o = overview(&shop(), Some((jan1 + 2, jan1 + 59)));
        let flags: Vec<bool> = o.monthly.iter().map(|m| m.partial).collect();
        assert_eq!(flags, vec![true, false]);
        let o = overview(&shop(), Some((jan1, jan1 + 59)));
        assert!(!o.monthly[0].partial);
        assert_eq!(o.products, Some(2));
    }

    #[test]
    fn empty_dataset_gives_zero_kpis() {
        let o = overview(&Dataset::build(OrderLines::default()), None);
        assert_eq!((o.customers, o.orders, o.revenue_cents), (0, 0, 0));
        assert!(o.monthly.is_empty());
    }
}
