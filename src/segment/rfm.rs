//! RFM (recency, frequency, monetary) scores and the 11 named segments.
//!
//! Exactly the definitions of stage b in `shared/bench/peers/README.md`, so the result equals
//! the pandas reference (`pd.qcut(x.rank(method="first"), 5)`) customer for customer:
//! - `recency` = (max_day + 1) − last_day, in days; max_day = day of the latest line of any
//!   identified customer, last_day = day of the customer's latest line (returns included);
//! - `frequency` = distinct order ids of the customer (return orders count);
//! - `monetary` = Σ quantity × round(100 · unit_price) in integer cents (returns negative);
//! - scores: rank r = 1..n by (metric ascending, customer id ascending),
//!   bin(r) = max(1, ⌈5(r − 1)/(n − 1)⌉); F = bin(f rank), M = bin(m rank), R = 6 − bin(r rank);
//! - segment from (R, F), first match wins (see `Segment::from_scores`).

use crate::analysis::time;
use crate::dataset::Dataset;
use serde::{Deserialize, Serialize};

/// The 11 named RFM segments (the common RF regex map, with R1F1 → Lost).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    /// R5, F4–5: bought recently and often.
    Champions,
    /// R3–4, F4–5: buy often, a little less recently.
    Loyal,
    /// R4–5, F2–3: recent, a few orders.
    PotentialLoyalist,
    /// R5, F1: first order just now.
    NewCustomers,
    /// R4, F1: recent single order.
    Promising,
    /// R3, F3: average on both.
    NeedAttention,
    /// R3, F1–2: slipping away after few orders.
    AboutToSleep,
    /// R1–2, F5: were among the best, not seen for long.
    CannotLoseThem,
    /// R1–2, F3–4: bought regularly, not seen for long.
    AtRisk,
    /// R1–2, F1–2 (but not R1F1): few old orders.
    Hibernating,
    /// R1, F1: one old order.
    Lost,
}

impl Segment {
    /// Every segment, best first (the order of the page's lists).
    pub const ALL: [Segment; 11] = [
        Segment::Champions,
        Segment::Loyal,
        Segment::PotentialLoyalist,
        Segment::NewCustomers,
        Segment::Promising,
        Segment::NeedAttention,
        Segment::AboutToSleep,
        Segment::CannotLoseThem,
        Segment::AtRisk,
        Segment::Hibernating,
        Segment::Lost,
    ];

    /// The segment of an (R, F) score pair; first matching rule wins, as in `rfm.sql`
    /// (the arms overlap on purpose: order is the rule).
    #[allow(overlapping_range_endpoints)]
    pub fn from_scores(r: u8, f: u8) -> Segment {
        match (r, f) {
            (1, 1) => Segment::Lost,
            (..=2, ..=2) => Segment::Hibernating,
            (..=2, 3..=4) => Segment::AtRisk,
            (..=2, _) => Segment::CannotLoseThem,
            (3, ..=2) => Segment::AboutToSleep,
            (3, 3) => Segment::NeedAttention,
            (..=4, 4..) => Segment::Loyal,
            (4, 1) => Segment::Promising,
            (5, 1) => Segment::NewCustomers,
            (_, ..=3) => Segment::PotentialLoyalist,
            _ => Segment::Champions,
        }
    }

    /// The English name used by the pandas and SQL references ("Cannot Lose Them").
    pub fn label(self) -> &'static str {
        match self {
            Segment::Champions => "Champions",
            Segment::Loyal => "Loyal",
            Segment::PotentialLoyalist => "Potential Loyalist",
            Segment::NewCustomers => "New Customers",
            Segment::Promising => "Promising",
            Segment::NeedAttention => "Need Attention",
            Segment::AboutToSleep => "About To Sleep",
            Segment::CannotLoseThem => "Cannot Lose Them",
            Segment::AtRisk => "At Risk",
            Segment::Hibernating => "Hibernating",
            Segment::Lost => "Lost",
        }
    }
}

/// Per-customer RFM columns; index = customer number of the `Dataset` (natural id order).
#[derive(Debug, Clone, PartialEq)]
pub struct Rfm {
    /// Day after the latest line, ISO date: recency is counted back from it.
    pub snapshot_day: i64,
    /// Days since the customer's last line (≥ 1).
    pub recency_days: Vec<u32>,
    /// Distinct orders.
    pub frequency: Vec<u32>,
    /// Σ line value in minor units.
    pub monetary_cents: Vec<i64>,
    /// R score 1..=5 (5 = most recent).
    pub r_score: Vec<u8>,
    /// F score 1..=5.
    pub f_score: Vec<u8>,
    /// M score 1..=5.
    pub m_score: Vec<u8>,
    /// Named segment.
    pub segment: Vec<Segment>,
}

/// Computes RFM for every identified customer in one pass over the grouped lines plus
/// three sorts of n customers.
pub fn rfm(data: &Dataset) -> Rfm {
    let lines = &data.lines;
    let n = data.n_customers();
    let mut last_day = vec![0i64; n];
    let mut frequency = vec![0u32; n];
    let mut monetary = vec![0i64; n];
    // distinct orders per customer: an order counts when it is first met for this customer
    let mut counted_for = vec![u32::MAX; lines.order_ids.len()];
    let mut max_day = i64::MIN;
    for c in 0..n {
        let range = data.customer_lines(c);
        // lines are time-ordered within a customer: the last one is the latest
        last_day[c] = range.clone().last().map_or(0, |i| time::day(lines.time[i]));
        max_day = max_day.max(last_day[c]);
        let mut distinct = 0;
        for i in range.clone() {
            let o = lines.order[i] as usize;
            if counted_for[o] != c as u32 {
                counted_for[o] = c as u32;
                distinct += 1;
            }
        }
        frequency[c] = distinct;
        monetary[c] = range.map(|i| lines.amount_cents[i]).sum();
    }
    let snapshot_day = max_day.saturating_add(1);
    let recency: Vec<u32> = last_day
        .iter()
        .map(|&d| (snapshot_day - d) as u32)
        .collect();
    let r_score = quintiles(&recency)
        .into_iter()
        .map(|b| 6 - b)
        .collect::<Vec<_>>();
    let f_score = quintiles(&frequency);
    let m_score = quintiles(&monetary);
    let segment = r_score
        .iter()
        .zip(&f_score)
        .map(|(&r, &f)| Segment::from_scores(r, f))
        .collect();
    Rfm {
        snapshot_day: if n == 0 { 0 } else { snapshot_day },
        recency_days: recency,
        frequency,
        monetary_cents: monetary,
        r_score,
        f_score,
        m_score,
        segment,
    }
}

/// Indices of `keys` in key order (or reversed), ties by index ascending. The keys are
/// copied beside their indices first, so the sort reads no key at random.
fn sorted_by<K: Ord + Copy>(keys: &[K], descending: bool) -> Vec<u32> {
    let mut keyed: Vec<(K, u32)> = keys.iter().copied().zip(0..keys.len() as u32).collect();
    if descending {
        keyed.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    } else {
        keyed.sort_unstable();
    }
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// Quintile bins 1..=5 of `values` ranked by (value, index) — pandas'
/// `qcut(rank(method="first"), 5)`: bin(r) = max(1, ⌈5(r − 1)/(n − 1)⌉).
pub fn quintiles<T: Ord + Copy>(values: &[T]) -> Vec<u8> {
    let n = values.len();
    // customer index order is natural id order, so ties break by id ascending; the keys sit
    // side by side, so the sort reads no value at random
    let mut keyed: Vec<(T, u32)> = values.iter().copied().zip(0..n as u32).collect();
    keyed.sort_unstable();
    let order: Vec<u32> = keyed.into_iter().map(|(_, i)| i).collect();
    let mut bins = vec![1u8; n];
    if n < 2 {
        return bins;
    }
    for (rank0, &i) in order.iter().enumerate() {
        // ⌈5·rank0/(n−1)⌉ with rank0 = r − 1, in integers
        let b = (5 * rank0 as u64).div_ceil(n as u64 - 1);
        bins[i as usize] = b.clamp(1, 5) as u8;
    }
    bins
}

/// Per-segment totals for the page and the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentStats {
    /// Segment code.
    pub segment: Segment,
    /// English name (the references' spelling).
    pub label: String,
    /// Customers in the segment.
    pub customers: u64,
    /// Share of all customers, 0..1.
    pub customer_share: f64,
    /// Σ monetary of the segment, minor units.
    pub revenue_cents: i64,
    /// Share of Σ monetary over all customers, 0..1 (0 when that sum is not positive).
    pub revenue_share: f64,
    /// Mean recency in days.
    pub mean_recency_days: f64,
    /// Mean frequency.
    pub mean_frequency: f64,
    /// Mean monetary, minor units.
    pub mean_monetary_cents: f64,
}

/// One cell of the R × F grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridCell {
    /// R score 1..=5.
    pub r: u8,
    /// F score 1..=5.
    pub f: u8,
    /// Customers in the cell.
    pub customers: u64,
    /// Σ monetary, minor units.
    pub revenue_cents: i64,
    /// The segment the cell belongs to.
    pub segment: Segment,
}

/// What the page shows of RFM besides the customer table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RfmSummary {
    /// Identified customers scored.
    pub customers: u64,
    /// ISO date recency counts back from (the day after the latest line).
    pub snapshot_date: Option<String>,
    /// All 11 segments, best first (empty ones included with zero counts).
    pub segments: Vec<SegmentStats>,
    /// 25 cells, r-major (r = 1..5, f = 1..5).
    pub grid: Vec<GridCell>,
}

impl Rfm {
    /// Segment totals and the R × F grid.
    pub fn summary(&self) -> RfmSummary {
        let n = self.segment.len();
        let total_revenue: i64 = self.monetary_cents.iter().sum();
        let mut acc = [(0u64, 0i64, 0u64, 0u64); 11];
        let mut grid = [(0u64, 0i64); 25];
        for c in 0..n {
            let s = Segment::ALL
                .iter()
                .position(|&s| s == self.segment[c])
                .unwrap_or(0);
            let a = &mut acc[s];
            a.0 += 1;
            a.1 += self.monetary_cents[c];
            a.2 += self.recency_days[c] as u64;
            a.3 += self.frequency[c] as u64;
            let g = &mut grid[(self.r_score[c] as usize - 1) * 5 + self.f_score[c] as usize - 1];
            g.0 += 1;
            g.1 += self.monetary_cents[c];
        }
        let mean = |sum: f64, k: u64| if k == 0 { 0.0 } else { sum / k as f64 };
        let segments = Segment::ALL
            .iter()
            .zip(acc)
            .map(|(&segment, (k, revenue, rec, freq))| SegmentStats {
                segment,
                label: segment.label().to_string(),
                customers: k,
                customer_share: mean(k as f64, n as u64),
                revenue_cents: revenue,
                revenue_share: if total_revenue > 0 {
                    revenue as f64 / total_revenue as f64
                } else {
                    0.0
                },
                mean_recency_days: mean(rec as f64, k),
                mean_frequency: mean(freq as f64, k),
                mean_monetary_cents: mean(revenue as f64, k),
            })
            .collect();
        let grid = (0..25)
            .map(|k| {
                let (r, f) = (k / 5 + 1, k % 5 + 1);
                GridCell {
                    r: r as u8,
                    f: f as u8,
                    customers: grid[k].0,
                    revenue_cents: grid[k].1,
                    segment: Segment::from_scores(r as u8, f as u8),
                }
            })
            .collect();
        RfmSummary {
            customers: n as u64,
            snapshot_date: (n > 0).then(|| time::iso_day(self.snapshot_day)),
            segments,
            grid,
        }
    }
}

/// One row of the customer table (and of the JSON report).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RfmRow {
    /// Customer id as in the file.
    pub customer_id: String,
    /// Days since last line.
    pub recency: u32,
    /// Distinct orders.
    pub frequency: u32,
    /// Σ value, minor units.
    pub monetary_cents: i64,
    /// R score.
    pub r_score: u8,
    /// F score.
    pub f_score: u8,
    /// M score.
    pub m_score: u8,
    /// Segment code.
    pub segment: Segment,
}

/// Sortable columns of the customer table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RfmColumn {
    /// Customer id (natural order).
    #[default]
    CustomerId,
    /// Recency.
    Recency,
    /// Frequency.
    Frequency,
    /// Monetary.
    Monetary,
    /// Segment (best first).
    Segment,
}

/// A page request on the customer table: filter, sort, then slice.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RfmQuery {
    /// Case-insensitive substring of the customer id ("" = all).
    pub search: String,
    /// Only this segment.
    pub segment: Option<Segment>,
    /// Sort column.
    pub sort: RfmColumn,
    /// Descending instead of ascending.
    pub descending: bool,
    /// First row of the page.
    pub offset: usize,
    /// Rows in the page (capped at 1,000).
    pub limit: usize,
}

/// One page of the customer table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RfmPage {
    /// Rows matching the filter.
    pub total: usize,
    /// First row of this page.
    pub offset: usize,
    /// The page.
    pub rows: Vec<RfmRow>,
}

impl Rfm {
    /// The row of customer `c`.
    pub fn row(&self, data: &Dataset, c: usize) -> RfmRow {
        RfmRow {
            customer_id: data.customers[c].to_string(),
            recency: self.recency_days[c],
            frequency: self.frequency[c],
            monetary_cents: self.monetary_cents[c],
            r_score: self.r_score[c],
            f_score: self.f_score[c],
            m_score: self.m_score[c],
            segment: self.segment[c],
        }
    }

    /// Customer numbers sorted by `column` (ties by customer id, which stays ascending).
    /// The session caches this per (column, direction), so paging never re-sorts.
    pub fn order_by(&self, data: &Dataset, column: RfmColumn, descending: bool) -> Vec<u32> {
        let n = data.n_customers().min(self.segment.len());
        match column {
            // customers are numbered in natural id order already
            RfmColumn::CustomerId if descending => (0..n as u32).rev().collect(),
            RfmColumn::CustomerId => (0..n as u32).collect(),
            RfmColumn::Recency => sorted_by(&self.recency_days, descending),
            RfmColumn::Frequency => sorted_by(&self.frequency, descending),
            RfmColumn::Monetary => sorted_by(&self.monetary_cents, descending),
            RfmColumn::Segment => sorted_by(&self.segment, descending),
        }
    }

    /// Filters `order` (from `order_by`) by segment and id substring, then slices one page.
    pub fn page(&self, data: &Dataset, order: &[u32], q: &RfmQuery) -> RfmPage {
        let needle = q.search.trim().to_lowercase();
        let keep = |c: u32| {
            q.segment.is_none_or(|s| self.segment[c as usize] == s)
                && (needle.is_empty()
                    || data.customers[c as usize].to_lowercase().contains(&needle))
        };
        let limit = q.limit.clamp(1, 1000);
        let (mut total, mut rows) = (0usize, Vec::with_capacity(limit));
        for &c in order {
            if keep(c) {
                if total >= q.offset && rows.len() < limit {
                    rows.push(self.row(data, c as usize));
                }
                total += 1;
            }
        }
        RfmPage {
            total,
            offset: q.offset.min(total),
            rows,
        }
    }

    /// Filters, sorts (ties by customer id) and pages the customer table in one call.
    pub fn query(&self, data: &Dataset, q: &RfmQuery) -> RfmPage {
        self.page(data, &self.order_by(data, q.sort, q.descending), q)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::OrderLines;

    #[test]
    fn quintiles_match_pandas_qcut_of_first_rank() {
        // pandas: pd.qcut(pd.Series([5,1,1,3,2,8,8,0,4,6]).rank(method="first"), 5, labels=False)+1
        // -> [4, 1, 2, 3, 2, 5, 5, 1, 3, 4]
        assert_eq!(
            quintiles(&[5, 1, 1, 3, 2, 8, 8, 0, 4, 6]),
            vec![4, 1, 2, 3, 2, 5, 5, 1, 3, 4]
        );
    }

    #[test]
    fn one_customer_gets_score_one() {
        assert_eq!(quintiles(&[42]), vec![1]);
        assert_eq!(quintiles::<i32>(&[]), Vec::<u8>::new());
    }

    #[test]
    fn segments_follow_the_first_matching_rule() {
        use Segment::*;
        let expect = [
            ((1, 1), Lost),
            ((2, 1), Hibernating),
            ((1, 2), Hibernating),
            ((2, 4), AtRisk),
            ((1, 5), CannotLoseThem),
            ((3, 2), AboutToSleep),
            ((3, 3), NeedAttention),
            ((3, 5), Loyal),
            ((4, 4), Loyal),
            ((4, 1), Promising),
            ((5, 1), NewCustomers),
            ((4, 3), PotentialLoyalist),
            ((5, 2), PotentialLoyalist),
            ((5, 4), Champions),
            ((5, 5), Champions),
        ];
        for ((r, f), s) in expect {
            assert_eq!(Segment::from_scores(r, f), s, "R{r}F{f}");
        }
    }

    fn shop() -> Dataset {
        const DAY: i64 = 86_400;
        let mut t = OrderLines::default();
        t.push("o1", Some("10"), 10 * DAY + 5, None, 1.0, 500, false);
        t.push("o2", Some("10"), 20 * DAY, None, 2.0, 1000, false);
        t.push("o2", Some("10"), 20 * DAY, None, 1.0, 300, false);
        t.push("o3", Some("9"), 15 * DAY + 100, None, 1.0, 700, false);
        t.push("c4", Some("9"), 16 * DAY, None, -1.0, -700, true);
        t.push("o5", None, 30 * DAY, None, 1.0, 900, false);
        t.finish();
        Dataset::build(t)
    }

    #[test]
    fn recency_frequency_monetary_follow_the_reference_definitions() {
        let d = shop();
        let r = rfm(&d);
        // customers in natural order: "9", "10"; max day of identified lines = day 20
        assert_eq!(r.snapshot_day, 21);
        assert_eq!(r.recency_days, vec![5, 1]);
        assert_eq!(r.frequency, vec![2, 2]);
        assert_eq!(r.monetary_cents, vec![0, 1800]);
        assert_eq!(r.r_score, vec![1, 5]);
        assert_eq!(r.f_score, vec![1, 5]);
        let s = r.summary();
        assert_eq!(s.snapshot_date.as_deref(), Some("1970-01-22"));
        assert_eq!(s.segments.iter().map(|x| x.customers).sum::<u64>(), 2);
        assert_eq!(s.grid.len(), 25);
    }

    #[test]
    fn table_orders_follow_natural_ids_and_break_ties_by_id() {
        const DAY: i64 = 86_400;
        let mut t = OrderLines::default();
        for (order, id, cents) in [
            ("a", "b", 100),
            ("b", "10", 300),
            ("c", "9", 100),
            ("d", "a", 300),
        ] {
            t.push(order, Some(id), DAY, None, 1.0, cents, false);
        }
        t.finish();
        let d = Dataset::build(t);
        let r = rfm(&d);
        let ids = |order: Vec<u32>| -> Vec<&str> {
            order.iter().map(|&c| &*d.customers[c as usize]).collect()
        };
        let mut natural: Vec<&str> = vec!["b", "10", "9", "a"];
        natural.sort_by(|a, b| crate::dataset::natural_id_cmp(a, b));
        assert_eq!(ids(r.order_by(&d, RfmColumn::CustomerId, false)), natural);
        natural.reverse();
        assert_eq!(ids(r.order_by(&d, RfmColumn::CustomerId, true)), natural);
        assert_eq!(
            ids(r.order_by(&d, RfmColumn::Monetary, true)),
            vec!["10", "a", "9", "b"]
        );
        assert_eq!(
            ids(r.order_by(&d, RfmColumn::Monetary, false)),
            vec!["9", "b", "10", "a"]
        );
    }

    #[test]
    fn query_filters_sorts_and_pages() {
        let d = shop();
        let r = rfm(&d);
        let q = RfmQuery {
            sort: RfmColumn::Monetary,
            descending: true,
            limit: 1,
            ..Default::default()
        };
        let page = r.query(&d, &q);
        assert_eq!(page.total, 2);
        assert_eq!(page.rows[0].customer_id, "10");
        let q = RfmQuery {
            search: "9".into(),
            limit: 10,
            ..Default::default()
        };
        assert_eq!(r.query(&d, &q).rows.len(), 1);
    }
}
