//! Revenue per user compared between two groups from their summaries: Welch's t-test, which
//! does not assume equal variances (revenue per user rarely has them).

use super::dist::{t_ppf, t_sf};
use libm::sqrt;
use serde::Serialize;

/// A group's mean, its sample standard deviation (n − 1) and its size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// The mean.
    pub mean: f64,
    /// The standard deviation with n − 1 in the denominator.
    pub sd: f64,
    /// The number of users.
    pub n: u64,
}

impl Summary {
    /// The summary of values (at least two for a defined deviation).
    pub fn of(values: &[f64]) -> Summary {
        let n = values.len();
        let mean = values.iter().sum::<f64>() / n as f64;
        let squares: f64 = values.iter().map(|x| (x - mean) * (x - mean)).sum();
        Summary {
            mean,
            sd: sqrt(squares / (n as f64 - 1.0)),
            n: n as u64,
        }
    }
}

/// Welch's test of a variant's mean against the control's.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Welch {
    /// Variant mean minus control mean.
    pub difference: f64,
    /// t (`scipy.stats.ttest_ind_from_stats(variant, control, equal_var=False)`).
    pub t: f64,
    /// Welch–Satterthwaite degrees of freedom.
    pub df: f64,
    /// Two-sided p-value.
    pub p_value: f64,
    /// The `1 − alpha` interval of the difference on `df` degrees of freedom.
    pub interval: (f64, f64),
}

/// Welch's t-test; `None` when a group has fewer than two users or both have no variance.
pub fn welch(control: Summary, variant: Summary, alpha: f64) -> Option<Welch> {
    if control.n < 2 || variant.n < 2 {
        return None;
    }
    let v1 = control.sd * control.sd / control.n as f64;
    let v2 = variant.sd * variant.sd / variant.n as f64;
    let se = sqrt(v1 + v2);
    if !(se > 0.0 && se.is_finite()) {
        return None;
    }
    let difference = variant.mean - control.mean;
    let t = difference / se;
    let df = (v1 + v2) * (v1 + v2)
        / (v1 * v1 / (control.n - 1) as f64 + v2 * v2 / (variant.n - 1) as f64);
    let half = t_ppf(1.0 - alpha / 2.0, df) * se;
    Some(Welch {
        difference,
        t,
        df,
        p_value: 2.0 * t_sf(t.abs(), df),
        interval: (difference - half, difference + half),
    })
}
