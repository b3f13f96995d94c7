//! The repeat-purchase summary every model fits on: stage e of
//! `shared/bench/peers/README.md`, lifetimes' `summary_data_from_transaction_data(freq="D")`.
//!
//! Purchase lines only (not returns, quantity > 0); a line's value is its amount. Per
//! customer, up to the end day: frequency x = distinct purchase days − 1, recency t_x = last
//! − first purchase day, age T = end − first purchase day (days), monetary value = the mean
//! per-day value over the repeat days (0 when x = 0). A customer whose first purchase is
//! after the end is not in the summary.

use crate::dataset::{time, Dataset};

/// Marks a customer with no purchase up to the end.
pub const ABSENT: u32 = u32::MAX;

/// The summary of every customer of a dataset (index = customer number).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The last day counted (the observation or calibration end).
    pub end_day: i64,
    /// The first purchase day; `i64::MIN` when absent.
    pub first_day: Vec<i64>,
    /// Repeat purchase days; `ABSENT` when the customer has no purchase up to the end.
    pub frequency: Vec<u32>,
    /// Days from the first to the last purchase day.
    pub recency_days: Vec<u32>,
    /// Days from the first purchase day to the end.
    pub age_days: Vec<u32>,
    /// Mean value of a repeat purchase day, in currency units (0 without one).
    pub monetary: Vec<f64>,
    /// Distinct purchase days after the end, up to `holdout_end` (0 without a holdout).
    pub holdout: Vec<u32>,
    /// The last day of the holdout, when there is one.
    pub holdout_end: Option<i64>,
}

impl Summary {
    /// Customers in the summary.
    pub fn customers(&self) -> usize {
        self.frequency.iter().filter(|x| **x != ABSENT).count()
    }

    /// Customers with at least one repeat purchase day.
    pub fn repeat_buyers(&self) -> usize {
        self.frequency
            .iter()
            .filter(|x| **x != ABSENT && **x > 0)
            .count()
    }
}

/// Whether line `i` is a purchase line.
pub fn is_purchase(data: &Dataset, i: usize) -> bool {
    !data.lines.is_return[i] && data.lines.quantity[i] > 0.0
}

/// The summary up to `end_day`, with the purchase days in (end_day, holdout_end] counted when
/// a holdout is given.
pub fn summarise(data: &Dataset, end_day: i64, holdout_end: Option<i64>) -> Summary {
    let n = data.n_customers();
    let mut s = Summary {
        end_day,
        first_day: vec![i64::MIN; n],
        frequency: vec![ABSENT; n],
        recency_days: vec![0; n],
        age_days: vec![0; n],
        monetary: vec![0.0; n],
        holdout: vec![0; n],
        holdout_end,
    };
    let lines = &data.lines;
    for c in 0..n {
        let (mut first, mut last) = (i64::MIN, i64::MIN);
        let mut days = 0u32;
        let mut day_value = 0i64;
        let mut repeat_cents = 0i64;
        let mut held = 0u32;
        let mut last_held = i64::MIN;
        for i in data.customer_lines(c) {
            if !is_purchase(data, i) {
                continue;
            }
            let day = time::day(lines.time[i]);
            if day > end_day {
                if holdout_end.is_some_and(|h| day <= h) && day != last_held {
                    held += 1;
                    last_held = day;
                }
                continue;
            }
            if day != last {
                if days > 1 {
                    repeat_cents += day_value;
                }
                if first == i64::MIN {
                    first = day;
                }
                last = day;
                days += 1;
                day_value = 0;
            }
            day_value += lines.amount_cents[i];
        }
        if days == 0 {
            continue;
        }
        if days > 1 {
            repeat_cents += day_value;
        }
        let x = days - 1;
        s.first_day[c] = first;
        s.frequency[c] = x;
        s.recency_days[c] = (last - first) as u32;
        s.age_days[c] = (end_day - first) as u32;
        s.monetary[c] = if x > 0 {
            repeat_cents as f64 / 100.0 / x as f64
        } else {
            0.0
        };
        s.holdout[c] = held;
    }
    s
}

/// The summary's customers merged on (x, t_x, T): the likelihoods sum over distinct rows with
/// weights, and their terms in x, t_x and T alone are computed once per distinct value.
#[derive(Debug, Clone, PartialEq)]
pub struct Rows {
    /// Distinct frequencies.
    pub xs: Vec<f64>,
    /// Distinct times (recencies and ages) in the fitting unit.
    pub times: Vec<f64>,
    /// One per distinct (x, t_x, T): indices into `xs`, `times`, `times`, and the customers.
    pub rows: Vec<Row>,
    /// Customers in all (Σ weights).
    pub weight: f64,
    /// The row of each customer of the summary; `ABSENT` for those not in it.
    pub row_of: Vec<u32>,
}

/// A distinct (x, t_x, T).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Row {
    /// Index into `Rows::xs`.
    pub x: u32,
    /// Index of t_x into `Rows::times`.
    pub recency: u32,
    /// Index of T into `Rows::times`.
    pub age: u32,
    /// Customers with these values.
    pub weight: f64,
}

impl Rows {
    /// The rows of `summary`'s customers, times divided by `unit_days` (1 or 7).
    pub fn of(summary: &Summary, unit_days: f64) -> Rows {
        let mut keys: Vec<(u32, u32, u32, u32)> = (0..summary.frequency.len())
            .filter(|c| summary.frequency[*c] != ABSENT)
            .map(|c| {
                let key = (
                    summary.frequency[c],
                    summary.recency_days[c],
                    summary.age_days[c],
                );
                (key.0, key.1, key.2, c as u32)
            })
            .collect();
        keys.sort_unstable();
        let mut xs: Vec<u32> = keys.iter().map(|k| k.0).collect();
        xs.dedup();
        let mut days: Vec<u32> = keys.iter().flat_map(|k| [k.1, k.2]).collect();
        days.sort_unstable();
        days.dedup();
        let index = |v: &[u32], key: u32| v.binary_search(&key).unwrap_or(0) as u32;
        let mut rows: Vec<Row> = Vec::new();
        let mut row_of = vec![ABSENT; summary.frequency.len()];
        for (i, k) in keys.iter().enumerate() {
            let same = i > 0 && (keys[i - 1].0, keys[i - 1].1, keys[i - 1].2) == (k.0, k.1, k.2);
            match rows.last_mut() {
                Some(last) if same => last.weight += 1.0,
                _ => rows.push(Row {
                    x: index(&xs, k.0),
                    recency: index(&days, k.1),
                    age: index(&days, k.2),
                    weight: 1.0,
                }),
            }
            row_of[k.3 as usize] = (rows.len() - 1) as u32;
        }
        Rows {
            xs: xs.iter().map(|x| *x as f64).collect(),
            times: days.iter().map(|d| *d as f64 / unit_days).collect(),
            weight: keys.len() as f64,
            rows,
            row_of,
        }
    }

    /// (x, t_x, T) of a row.
    pub fn values(&self, row: &Row) -> (f64, f64, f64) {
        (
            self.xs[row.x as usize],
            self.times[row.recency as usize],
            self.times[row.age as usize],
        )
    }
}
