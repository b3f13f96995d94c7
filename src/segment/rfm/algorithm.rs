//! RFM (recency, frequency, monetary) scores and the 11 named segments.
//!
//! With the default parameters, exactly the definitions of stage b in
//! `shared/bench/peers/README.md`, so the result equals the pandas reference
//! (`pd.qcut(x.rank(method="first"), 5)`) customer for customer:
//! - `recency` = (max_day + 1) − last_day, in days; max_day = day of the latest line of any
//!   identified customer, last_day = day of the customer's latest line (returns included);
//! - `frequency` = distinct order ids of the customer (return orders count);
//! - `monetary` = Σ quantity × round(100 · unit_price) in integer cents (returns negative);
//! - scores: rank r = 1..n by (metric ascending, customer id ascending),
//!   bin(r) = max(1, ⌈5(r − 1)/(n − 1)⌉); F = bin(f rank), M = bin(m rank), R = 6 − bin(r rank);
//! - segment from (R, F), first match wins (see `Segment::from_scores`).
//!
//! `bins` other than 5 score 1..=bins the same way (`pd.qcut(rank, bins)`); the segment is
//! still named from the R and F *quintiles*, because the named map is defined on them.
//! `snapshot_date` moves the day recency counts back from.

use super::messages::MESSAGES;
use super::params::RfmValidParams;
use crate::dataset::time;
use crate::dataset::Dataset;
use crate::message::Message;
use serde::{Deserialize, Serialize};

/// The 11 named RFM segments (the common RF regex map, with R1F1 → Lost).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
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

    /// The code names, in `ALL` order (the `segment` column's values).
    pub const CODES: [&'static str; 11] = [
        "champions",
        "loyal",
        "potential_loyalist",
        "new_customers",
        "promising",
        "need_attention",
        "about_to_sleep",
        "cannot_lose_them",
        "at_risk",
        "hibernating",
        "lost",
    ];

    /// The position in `ALL` (the `segment` column's code).
    pub fn code(self) -> u8 {
        self as u8
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
    /// Score bins.
    pub bins: u8,
    /// Day recency is counted back from (the day after the latest line by default).
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
    /// `segment` as codes (`Segment::code`), the customer table's column.
    pub segment_code: Vec<u8>,
}

/// Why RFM cannot be computed with the given parameters on this data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RfmError {
    /// The snapshot is not after the latest line, so some recency would not be positive.
    SnapshotTooEarly {
        /// The snapshot day, ISO.
        snapshot: String,
        /// The latest line's day, ISO.
        last: String,
    },
}

impl RfmError {
    /// As a message (`rfm.snapshot_too_early`).
    pub fn message(&self) -> Message {
        match self {
            RfmError::SnapshotTooEarly { snapshot, last } => Message::new("rfm.snapshot_too_early")
                .with("snapshot", snapshot.as_str())
                .with("last", last.as_str())
                .worded_by(MESSAGES),
        }
    }
}

/// Computes RFM for every identified customer in one pass over the grouped lines plus
/// three sorts of n customers.
pub fn rfm(data: &Dataset, params: &RfmValidParams) -> Result<Rfm, RfmError> {
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
    let snapshot_day = match params.snapshot_day {
        Some(day) if n > 0 && day <= max_day => {
            return Err(RfmError::SnapshotTooEarly {
                snapshot: time::iso_day(day),
                last: time::iso_day(max_day),
            })
        }
        Some(day) => day,
        None => max_day.saturating_add(1),
    };
    let recency: Vec<u32> = last_day
        .iter()
        .map(|&d| (snapshot_day - d) as u32)
        .collect();
    let b = params.bins;
    // the most recent customers have the smallest recency and the highest R
    let r_score: Vec<u8> = bins(&recency, b).into_iter().map(|x| b + 1 - x).collect();
    let f_score = bins(&frequency, b);
    let m_score = bins(&monetary, b);
    // segments are named from the quintiles, whatever the bins
    let (r5, f5) = if b == 5 {
        (r_score.clone(), f_score.clone())
    } else {
        let r5: Vec<u8> = bins(&recency, 5).into_iter().map(|x| 6 - x).collect();
        (r5, bins(&frequency, 5))
    };
    let segment: Vec<Segment> = r5
        .iter()
        .zip(&f5)
        .map(|(&r, &f)| Segment::from_scores(r, f))
        .collect();
    let segment_code = segment.iter().map(|s| s.code()).collect();
    Ok(Rfm {
        bins: b,
        snapshot_day: if n == 0 { 0 } else { snapshot_day },
        recency_days: recency,
        frequency,
        monetary_cents: monetary,
        r_score,
        f_score,
        m_score,
        segment,
        segment_code,
    })
}

/// Quintile bins 1..=5 of `values` ranked by (value, index) — pandas'
/// `qcut(rank(method="first"), 5)`: bin(r) = max(1, ⌈5(r − 1)/(n − 1)⌉).
pub fn quintiles<T: Ord + Copy>(values: &[T]) -> Vec<u8> {
    bins(values, 5)
}

/// Bins 1..=`b` of `values` ranked by (value, index) — pandas' `qcut(rank(method="first"),
/// b)`: bin(r) = max(1, ⌈b(r − 1)/(n − 1)⌉).
pub fn bins<T: Ord + Copy>(values: &[T], b: u8) -> Vec<u8> {
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
        // ⌈b·rank0/(n−1)⌉ with rank0 = r − 1, in integers
        let bin = (u64::from(b) * rank0 as u64).div_ceil(n as u64 - 1);
        bins[i as usize] = bin.clamp(1, u64::from(b)) as u8;
    }
    bins
}

/// Per-segment totals for the page and the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct GridCell {
    /// R score 1..=bins.
    pub r: u8,
    /// F score 1..=bins.
    pub f: u8,
    /// Customers in the cell.
    pub customers: u64,
    /// Σ monetary, minor units.
    pub revenue_cents: i64,
    /// The segment of the cell: with 5 bins the (R, F) pair names it; with other bins, the
    /// segment all its customers share, or none when they are in several (or it is empty).
    pub segment: Option<Segment>,
}

/// What the page shows of RFM besides the customer table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct RfmSummary {
    /// Identified customers scored.
    pub customers: u64,
    /// ISO date recency counts back from.
    pub snapshot_date: Option<String>,
    /// All 11 segments, best first (empty ones included with zero counts).
    pub segments: Vec<SegmentStats>,
    /// Score bins: the grid has `bins × bins` cells.
    pub bins: u8,
    /// The cells, r-major (r = 1..=bins, f = 1..=bins).
    pub grid: Vec<GridCell>,
}

impl Rfm {
    /// Segment totals and the R × F grid.
    pub fn summary(&self) -> RfmSummary {
        let n = self.segment.len();
        let b = self.bins as usize;
        let total_revenue: i64 = self.monetary_cents.iter().sum();
        let mut acc = [(0u64, 0i64, 0u64, 0u64); 11];
        // per cell: customers, revenue, the segment of its customers (NONE: mixed)
        const MIXED: u8 = u8::MAX;
        let mut grid = vec![(0u64, 0i64, None::<u8>); b * b];
        for c in 0..n {
            let s = self.segment_code[c] as usize;
            let a = &mut acc[s];
            a.0 += 1;
            a.1 += self.monetary_cents[c];
            a.2 += self.recency_days[c] as u64;
            a.3 += self.frequency[c] as u64;
            let g = &mut grid[(self.r_score[c] as usize - 1) * b + self.f_score[c] as usize - 1];
            g.0 += 1;
            g.1 += self.monetary_cents[c];
            g.2 = match g.2 {
                None => Some(s as u8),
                Some(t) if t == s as u8 => Some(t),
                Some(_) => Some(MIXED),
            };
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
        let grid = (0..b * b)
            .map(|k| {
                let (r, f) = ((k / b + 1) as u8, (k % b + 1) as u8);
                let segment = if b == 5 {
                    Some(Segment::from_scores(r, f))
                } else {
                    grid[k]
                        .2
                        .and_then(|s| Segment::ALL.get(s as usize).copied())
                };
                GridCell {
                    r,
                    f,
                    customers: grid[k].0,
                    revenue_cents: grid[k].1,
                    segment,
                }
            })
            .collect();
        RfmSummary {
            customers: n as u64,
            snapshot_date: (n > 0).then(|| time::iso_day(self.snapshot_day)),
            segments,
            bins: self.bins,
            grid,
        }
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
        let r = rfm(&d, &RfmValidParams::default()).expect("rfm");
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
    fn other_bins_score_by_the_same_rank_rule_and_name_segments_from_quintiles() {
        // pandas: pd.qcut(pd.Series([5,1,1,3,2,8,8,0,4,6]).rank(method="first"), 3, labels=False)+1
        // -> [2, 1, 1, 2, 1, 3, 3, 1, 2, 3]
        assert_eq!(
            bins(&[5, 1, 1, 3, 2, 8, 8, 0, 4, 6], 3),
            vec![2, 1, 1, 2, 1, 3, 3, 1, 2, 3]
        );
        let d = shop();
        let three = RfmValidParams {
            bins: 3,
            snapshot_day: None,
        };
        let r3 = rfm(&d, &three).expect("rfm");
        let r5 = rfm(&d, &RfmValidParams::default()).expect("rfm");
        assert_eq!(
            (r3.r_score.clone(), r3.f_score.clone()),
            (vec![1, 3], vec![1, 3])
        );
        assert_eq!(r3.segment, r5.segment);
        let s = r3.summary();
        assert_eq!((s.bins, s.grid.len()), (3, 9));
        let occupied: Vec<(u8, u8, Option<Segment>)> = s
            .grid
            .iter()
            .filter(|c| c.customers > 0)
            .map(|c| (c.r, c.f, c.segment))
            .collect();
        assert_eq!(
            occupied,
            vec![(1, 1, Some(r5.segment[0])), (3, 3, Some(r5.segment[1]))]
        );
        assert!(s
            .grid
            .iter()
            .filter(|c| c.customers == 0)
            .all(|c| c.segment.is_none()));
    }

    #[test]
    fn a_snapshot_date_moves_recency_and_must_be_after_the_data() {
        let d = shop(); // the latest identified line is on day 20
        let later = RfmValidParams {
            bins: 5,
            snapshot_day: Some(30),
        };
        assert_eq!(rfm(&d, &later).expect("rfm").recency_days, vec![14, 10]);
        let early = RfmValidParams {
            bins: 5,
            snapshot_day: Some(20),
        };
        assert_eq!(
            rfm(&d, &early).expect_err("too early").message().code,
            "rfm.snapshot_too_early"
        );
    }
}
