//! Lifecycle stages (新客 / 活跃 / 忠诚 / 回流 / 沉睡 / 流失) of every customer, at the data's
//! last day and at the end of every month, with the windows derived from the shop's own data.
//!
//! An order is placed on the day of its first purchase line (a line that is not a return).
//! At a snapshot day S, a customer whose latest order day up to S is `last` and whose first is
//! `first` is, in this order of tests:
//!
//! 1. **churned** when `S − last > churn_days`;
//! 2. **dormant** when `S − last > active_days`;
//! 3. **new** when `S − first ≤ new_days`;
//! 4. **returning** when the gap from the order day before `last` to `last` was more than
//!    `active_days` (they had been dormant or churned, and bought again);
//! 5. **loyal** when they have at least `loyal_orders` orders up to S;
//! 6. **active** otherwise.
//!
//! A customer with no order up to S has no stage then. Default windows: `active_days` and
//! `churn_days` are the 80th and 95th percentiles of every gap between a customer's
//! consecutive order days in the shop (numpy's linear interpolation, rounded up to whole
//! days); `new_days` is the active window; `loyal_orders` the 80th percentile of the
//! customers' orders, at least 2. With no repeat purchase at all, 90 and 180 days.

use super::params::LifecycleValidParams;
use crate::dataset::time::{day, days_from_civil, iso_day, month, month_label};
use crate::dataset::Dataset;
use crate::table::NULL_CODE;
use serde::Serialize;

/// The stages, in the order of `Stage` (the `lifecycle.stage` column's names).
pub const STAGES: [&str; 6] = ["new", "active", "loyal", "returning", "dormant", "churned"];

/// A lifecycle stage (an index into `STAGES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Stage {
    /// First order within the new window.
    New,
    /// Bought within the active window.
    Active,
    /// Active, with many orders.
    Loyal,
    /// Active again after a gap longer than the active window.
    Returning,
    /// No order for longer than the active window.
    Dormant,
    /// No order for longer than the churn window.
    Churned,
}

/// Where a window's value came from. Field names are the JS API.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WindowSource {
    /// The parameter gave it.
    Given,
    /// A percentile of the days between a customer's consecutive orders.
    GapPercentile {
        /// Which percentile.
        percentile: u32,
    },
    /// A percentile of the customers' orders.
    OrdersPercentile {
        /// Which percentile.
        percentile: u32,
    },
    /// The active window's value.
    ActiveWindow,
    /// No customer bought twice: a fixed default.
    Fallback,
}

/// One window and where its value came from. Field names are the JS API.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
pub struct Window {
    /// Days (or orders, for `loyal_orders`).
    pub value: u32,
    /// Where it came from.
    pub source: WindowSource,
}

/// The windows the stages were assigned with. Field names are the JS API.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
pub struct Windows {
    /// Days since the last order up to which a customer is active.
    pub active_days: Window,
    /// Days since the last order beyond which a customer has churned.
    pub churn_days: Window,
    /// Days since the first order up to which an active customer is new.
    pub new_days: Window,
    /// Orders from which an active customer is loyal.
    pub loyal_orders: Window,
}

/// Customers and net revenue of one stage. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct StageCount {
    /// The stage's name (`STAGES`).
    pub stage: String,
    /// Customers in it.
    pub customers: u32,
    /// Their share of the customers with a stage.
    pub share: f64,
    /// Their net revenue (all their lines, returns negative), in minor units.
    pub revenue_cents: i64,
}

/// Customers per stage at the end of one month. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct MonthStages {
    /// `YYYY-MM`.
    pub month: String,
    /// The snapshot day (the month's last day, or the data's last day in its last month).
    pub snapshot_date: String,
    /// Customers per stage, in `STAGES` order.
    pub counts: Vec<u32>,
    /// The snapshot is not the month's end: the data stops within the month, so its
    /// counts are not those of a whole month (time charts mark it as partial).
    pub partial: bool,
}

/// Customers who moved from one stage to another between two month ends. Field names are
/// the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Flow {
    /// The month the move ends in (`YYYY-MM`).
    pub month: String,
    /// The stage at the previous month's end; `null`: not a customer yet.
    pub from: Option<String>,
    /// The stage at this month's end.
    pub to: String,
    /// Customers.
    pub customers: u32,
}

/// The lifecycle: every customer's stage at the data's last day, the stage counts month by
/// month and the flows between them.
#[derive(Debug, Clone, Default)]
pub struct Lifecycle {
    /// Per customer: its `Stage` at the last day, or `NULL_CODE` (no order).
    pub stage: Vec<u8>,
    /// The windows used.
    pub windows: Option<Windows>,
    /// The data's last day.
    pub last_day: Option<i64>,
    /// Net revenue per customer (for the stage totals).
    revenue: Vec<i64>,
    /// Stage counts at each month end.
    pub months: Vec<MonthStages>,
    /// The moves between consecutive month ends.
    pub flows: Vec<Flow>,
}

/// The lifecycle's output. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct LifecycleSummary {
    /// The day the stages are at (`YYYY-MM-DD`).
    pub snapshot_date: Option<String>,
    /// The windows, and where each came from.
    pub windows: Option<Windows>,
    /// Customers per stage, in `STAGES` order.
    pub stages: Vec<StageCount>,
    /// Customers per stage at each month end.
    pub months: Vec<MonthStages>,
    /// Customers who changed stage (or became customers) from one month end to the next.
    pub flows: Vec<Flow>,
}

/// The `p`th percentile of sorted `v` with linear interpolation (numpy's default).
pub(crate) fn percentile(v: &[f64], p: f64) -> Option<f64> {
    let n = v.len();
    if n == 0 {
        return None;
    }
    let h = (n - 1) as f64 * p / 100.0;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(n - 1);
    Some(v[lo] + (h - lo as f64) * (v[hi] - v[lo]))
}

/// One customer's order days (distinct, ascending) and orders up to each of them.
#[derive(Default)]
struct Orders {
    days: Vec<i64>,
    cumulative: Vec<u32>,
}

/// The order days of customer `c`: each order on the day of its first purchase line.
fn orders_of(data: &Dataset, c: usize, scratch: &mut Vec<(u32, i64)>, out: &mut Orders) {
    let lines = &data.lines;
    scratch.clear();
    for i in data.customer_lines(c) {
        if !lines.is_return[i] {
            scratch.push((lines.order[i], lines.time[i]));
        }
    }
    scratch.sort_unstable();
    scratch.dedup_by_key(|o| o.0);
    let mut days: Vec<i64> = scratch.iter().map(|&(_, t)| day(t)).collect();
    days.sort_unstable();
    out.days.clear();
    out.cumulative.clear();
    for (k, d) in days.iter().enumerate() {
        if out.days.last() == Some(d) {
            *out.cumulative.last_mut().expect("a day") = k as u32 + 1;
        } else {
            out.days.push(*d);
            out.cumulative.push(k as u32 + 1);
        }
    }
}

/// The stage at snapshot `s` of a customer whose order days up to `s` are `days[..=j]`.
fn stage_at(o: &Orders, j: usize, s: i64, w: &Windows) -> Stage {
    let (last, first) = (o.days[j], o.days[0]);
    let since = s - last;
    if since > i64::from(w.churn_days.value) {
        Stage::Churned
    } else if since > i64::from(w.active_days.value) {
        Stage::Dormant
    } else if s - first <= i64::from(w.new_days.value) {
        Stage::New
    } else if j >= 1 && last - o.days[j - 1] > i64::from(w.active_days.value) {
        Stage::Returning
    } else if o.cumulative[j] >= w.loyal_orders.value {
        Stage::Loyal
    } else {
        Stage::Active
    }
}

/// The windows: those given, the others from the shop's gaps and order counts.
fn windows(params: &LifecycleValidParams, gaps: &mut [f64], orders: &mut [f64]) -> Windows {
    gaps.sort_unstable_by(f64::total_cmp);
    orders.sort_unstable_by(f64::total_cmp);
    let days = |given: Option<u32>, p: u32, fallback: u32| match given {
        Some(v) => Window {
            value: v,
            source: WindowSource::Given,
        },
        None => match percentile(gaps, f64::from(p)) {
            Some(x) => Window {
                value: (x.ceil() as u32).max(1),
                source: WindowSource::GapPercentile { percentile: p },
            },
            None => Window {
                value: fallback,
                source: WindowSource::Fallback,
            },
        },
    };
    let active = days(params.active_days, 80, 90);
    let mut churn = days(params.churn_days, 95, 180);
    if churn.value <= active.value {
        // the 95th percentile equals the 80th (or the given active window is long):
        // churned starts the day after dormant would
        churn.value = active.value + 1;
    }
    let new = match params.new_days {
        Some(v) => Window {
            value: v,
            source: WindowSource::Given,
        },
        None => Window {
            value: active.value,
            source: WindowSource::ActiveWindow,
        },
    };
    let loyal = match params.loyal_orders {
        Some(v) => Window {
            value: v,
            source: WindowSource::Given,
        },
        None => Window {
            value: percentile(orders, 80.0).map_or(2, |x| (x.ceil() as u32).max(2)),
            source: WindowSource::OrdersPercentile { percentile: 80 },
        },
    };
    Windows {
        active_days: active,
        churn_days: churn,
        new_days: new,
        loyal_orders: loyal,
    }
}

/// The first day of month number `m` (`time::month`).
fn month_start(m: i32) -> i64 {
    days_from_civil(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1)
}

/// Assigns every customer of `data` its stage, and counts stages month by month.
pub fn lifecycle(data: &Dataset, params: &LifecycleValidParams) -> Lifecycle {
    let n = data.n_customers();
    let lines = &data.lines;
    let mut scratch = Vec::new();
    let mut all: Vec<Orders> = Vec::with_capacity(n);
    let (mut gaps, mut order_counts) = (Vec::new(), Vec::new());
    for c in 0..n {
        let mut o = Orders::default();
        orders_of(data, c, &mut scratch, &mut o);
        gaps.extend(o.days.windows(2).map(|w| (w[1] - w[0]) as f64));
        if let Some(&k) = o.cumulative.last() {
            order_counts.push(f64::from(k));
        }
        all.push(o);
    }
    let revenue = (0..n)
        .map(|c| {
            data.customer_lines(c)
                .map(|i| lines.amount_cents[i])
                .sum::<i64>()
        })
        .collect();
    let last_day = data.last_day();
    let first_time = lines.time.iter().min().copied();
    let (Some(last), Some(first_time)) = (last_day, first_time) else {
        return Lifecycle {
            stage: vec![NULL_CODE; n],
            revenue,
            ..Lifecycle::default()
        };
    };
    let w = windows(params, &mut gaps, &mut order_counts);
    // the month ends: each month's last day, the data's last day in its last month
    let (m0, m1) = (month(first_time), month(last * 86_400));
    let snapshots: Vec<(i32, i64)> = (m0..=m1)
        .map(|m| (m, (month_start(m + 1) - 1).min(last)))
        .collect();
    let mut counts = vec![[0u32; 6]; snapshots.len()];
    // moves[k][from][to]: `from` 6 = not a customer yet
    let mut moves = vec![[[0u32; 6]; 7]; snapshots.len()];
    let mut stage = vec![NULL_CODE; n];
    for (c, o) in all.iter().enumerate() {
        let mut j: Option<usize> = None;
        let mut before: Option<Stage> = None;
        for (k, &(_, s)) in snapshots.iter().enumerate() {
            while o.days.get(j.map_or(0, |j| j + 1)).is_some_and(|&d| d <= s) {
                j = Some(j.map_or(0, |j| j + 1));
            }
            let Some(j) = j else { continue };
            let now = stage_at(o, j, s, &w);
            counts[k][now as usize] += 1;
            if k > 0 && before != Some(now) {
                moves[k][before.map_or(6, |b| b as usize)][now as usize] += 1;
            }
            before = Some(now);
        }
        stage[c] = before.map_or(NULL_CODE, |s| s as u8);
    }
    let months = snapshots
        .iter()
        .zip(&counts)
        .map(|(&(m, s), counts)| MonthStages {
            month: month_label(m),
            snapshot_date: iso_day(s),
            counts: counts.to_vec(),
            partial: s < month_start(m + 1) - 1,
        })
        .collect();
    let mut flows = Vec::new();
    for (k, table) in moves.iter().enumerate().skip(1) {
        for (from, row) in table.iter().enumerate() {
            for (to, &customers) in row.iter().enumerate() {
                if customers > 0 {
                    flows.push(Flow {
                        month: month_label(snapshots[k].0),
                        from: STAGES.get(from).map(|s| s.to_string()),
                        to: STAGES[to].to_string(),
                        customers,
                    });
                }
            }
        }
    }
    Lifecycle {
        stage,
        windows: Some(w),
        last_day,
        revenue,
        months,
        flows,
    }
}

impl Lifecycle {
    /// The summary the page and `--json` show.
    pub fn summary(&self) -> LifecycleSummary {
        let mut customers = [0u32; 6];
        let mut revenue = [0i64; 6];
        for (c, &s) in self.stage.iter().enumerate() {
            if let Some(k) = (s != NULL_CODE).then_some(s as usize) {
                customers[k] += 1;
                revenue[k] += self.revenue[c];
            }
        }
        let staged: u32 = customers.iter().sum();
        LifecycleSummary {
            snapshot_date: self.last_day.map(iso_day),
            windows: self.windows,
            stages: STAGES
                .iter()
                .enumerate()
                .map(|(k, name)| StageCount {
                    stage: name.to_string(),
                    customers: customers[k],
                    share: if staged > 0 {
                        f64::from(customers[k]) / f64::from(staged)
                    } else {
                        0.0
                    },
                    revenue_cents: revenue[k],
                })
                .collect(),
            months: self.months.clone(),
            flows: self.flows.clone(),
        }
    }
}
