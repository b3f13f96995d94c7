//! CUPED (Deng, Xu, Kohavi & Walker 2013): each user's metric less θ times their pre-period
//! value's distance from its mean, θ = cov(metric, pre) / var(pre) over both groups. The
//! adjusted metric has the same difference in means and less variance — the more the
//! pre-period predicts the metric (a customer's spend before the test, from the order file),
//! the narrower the interval for the same users.

use super::means::{welch, Summary, Welch};
use serde::Serialize;

/// A group's users: the metric during the test and the same users' pre-period value.
#[derive(Debug, Clone, Copy)]
pub struct Paired<'a> {
    /// The metric in the test (revenue per user).
    pub metric: &'a [f64],
    /// The pre-period covariate, one per user in the same order.
    pub pre: &'a [f64],
}

/// The adjusted comparison.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Cuped {
    /// θ.
    pub theta: f64,
    /// 1 − var(adjusted) / var(metric) over both groups: the share of variance removed.
    pub variance_reduction: f64,
    /// Welch's test on the adjusted metric.
    pub test: Welch,
}

/// CUPED-adjusted Welch test of `variant` against `control`; `None` when the groups' lengths
/// disagree, the pre-period has no variance, or Welch's test is not defined.
pub fn cuped(control: Paired<'_>, variant: Paired<'_>, alpha: f64) -> Option<Cuped> {
    if control.metric.len() != control.pre.len() || variant.metric.len() != variant.pre.len() {
        return None;
    }
    let metric: Vec<f64> = control
        .metric
        .iter()
        .chain(variant.metric)
        .copied()
        .collect();
    let pre: Vec<f64> = control.pre.iter().chain(variant.pre).copied().collect();
    let n = metric.len() as f64;
    let (my, mx) = (metric.iter().sum::<f64>() / n, pre.iter().sum::<f64>() / n);
    let cov: f64 = metric
        .iter()
        .zip(&pre)
        .map(|(y, x)| (y - my) * (x - mx))
        .sum();
    let var: f64 = pre.iter().map(|x| (x - mx) * (x - mx)).sum();
    if !(var > 0.0) {
        return None;
    }
    let theta = cov / var;
    let adjust = |g: Paired<'_>| -> Vec<f64> {
        g.metric
            .iter()
            .zip(g.pre)
            .map(|(y, x)| y - theta * (x - mx))
            .collect()
    };
    let (c, v) = (adjust(control), adjust(variant));
    let before = Summary::of(&metric).sd;
    let after = Summary::of(&[c.as_slice(), v.as_slice()].concat()).sd;
    Some(Cuped {
        theta,
        variance_reduction: 1.0 - (after * after) / (before * before),
        test: welch(Summary::of(&c), Summary::of(&v), alpha)?,
    })
}
