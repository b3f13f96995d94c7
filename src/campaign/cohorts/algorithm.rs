//! The cohort matrix. Definitions (the same as `scripts/cohorts_reference.py`):
//!
//! - a purchase line is a line that is not a return; only identified customers count;
//! - a customer's cohort is the period (calendar month, or week from Monday) of their first
//!   purchase line; a customer with returns only is in no cohort;
//! - period k of a cohort is its start plus k periods, k = 0 the acquisition period;
//! - `customers[k]`: the cohort's customers with a purchase line in period k (retention is it
//!   over the cohort's size);
//! - `revenue_cents[k]`: the sum of the cohort's lines in period k, returns negative (a line
//!   before the customer's first purchase counts nowhere);
//! - every cohort's row runs to the latest period of any line, so later cohorts have shorter
//!   rows.

use crate::dataset::time::{self, iso_day, month_label};
use crate::dataset::Dataset;
use serde::{Deserialize, Serialize};

/// The length of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// Calendar months.
    #[default]
    Month,
    /// Weeks from Monday to Sunday (pandas' `W-SUN` periods).
    Week,
}

/// 1970-01-05, the first Monday of the day numbers.
const FIRST_MONDAY: i64 = 4;

impl Period {
    /// The number of the period a wall-clock time falls in.
    fn of(self, t: i64) -> i64 {
        match self {
            Period::Month => i64::from(time::month(t)),
            Period::Week => (time::day(t) - FIRST_MONDAY).div_euclid(7),
        }
    }

    /// The period's name: `YYYY-MM`, or the ISO date of the week's Monday.
    fn label(self, number: i64) -> String {
        match self {
            Period::Month => month_label(number as i32),
            Period::Week => iso_day(number * 7 + FIRST_MONDAY),
        }
    }
}

/// One cohort's row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cohort {
    /// The acquisition period's name.
    pub start: String,
    /// Customers acquired in it.
    pub size: u64,
    /// Per period from the start: customers with a purchase.
    pub customers: Vec<u64>,
    /// Per period from the start: the net value of the cohort's lines, in cents.
    pub revenue_cents: Vec<i64>,
}

/// Every cohort, earliest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cohorts {
    /// The period length.
    pub period: Period,
    /// The cohorts.
    pub cohorts: Vec<Cohort>,
}

/// The cohort matrix of `data`.
pub fn cohorts(data: &Dataset, period: Period) -> Cohorts {
    let lines = &data.lines;
    let Some(last) = lines.time.iter().map(|&t| period.of(t)).max() else {
        return Cohorts {
            period,
            cohorts: Vec::new(),
        };
    };
    // by start period: (size, customers per k, revenue per k)
    let mut rows: std::collections::BTreeMap<i64, (u64, Vec<u64>, Vec<i64>)> = Default::default();
    // the customer's lines' periods, each computed once, and those of their purchases
    let (mut periods, mut bought): (Vec<i64>, Vec<i64>) = Default::default();
    for c in 0..data.n_customers() {
        let range = data.customer_lines(c);
        periods.clear();
        periods.extend(range.clone().map(|i| period.of(lines.time[i])));
        bought.clear();
        bought.extend(
            range
                .clone()
                .zip(&periods)
                .filter(|&(i, _)| !lines.is_return[i])
                .map(|(_, &p)| p),
        );
        let Some(&start) = bought.iter().min() else {
            continue;
        };
        let width = (last - start + 1) as usize;
        let row = rows
            .entry(start)
            .or_insert_with(|| (0, vec![0; width], vec![0; width]));
        row.0 += 1;
        bought.sort_unstable();
        bought.dedup();
        for &p in &bought {
            row.1[(p - start) as usize] += 1;
        }
        for (i, &p) in range.zip(&periods) {
            let k = p - start;
            if k >= 0 {
                row.2[k as usize] += lines.amount_cents[i];
            }
        }
    }
    Cohorts {
        period,
        cohorts: rows
            .into_iter()
            .map(|(start, (size, customers, revenue_cents))| Cohort {
                start: period.label(start),
                size,
                customers,
                revenue_cents,
            })
            .collect(),
    }
}
