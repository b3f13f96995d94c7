//! Always-valid intervals for a team that reads the test every day: the normal-mixture
//! confidence sequence of the mixture sequential probability ratio test (Robbins 1970;
//! Johari, Pekelis & Walsh, "Always valid inference", 2017, as Optimizely and Eppo use it).
//! For an estimate with variance V and a normal mixing distribution of variance τ² the
//! interval holds the true difference at every look at once with probability 1 − α:
//!
//!   estimate ± √( V (V + τ²) / τ² · (2 ln(1/α) + ln((V + τ²) / V)) ).
//!
//! τ² is the variance the estimate will have at the planned sample size, which makes the
//! interval narrowest about there; before it the interval is wider than the fixed one, by
//! design — that is the price of peeking.

use libm::{log, sqrt};

/// The half-width of the always-valid interval at level `alpha` for an estimate of variance
/// `variance`, mixing variance `tau2`. `None` for a variance or mixing variance not positive.
pub fn half_width(variance: f64, tau2: f64, alpha: f64) -> Option<f64> {
    if !(variance > 0.0 && tau2 > 0.0 && alpha > 0.0 && alpha < 1.0) {
        return None;
    }
    let v = variance;
    Some(sqrt(
        v * (v + tau2) / tau2 * (2.0 * log(1.0 / alpha) + log((v + tau2) / v)),
    ))
}

/// The variance of a difference of two rates at `p` with `n` users in each group: the mixing
/// variance for a test planned at `n` per group around a baseline `p`.
pub fn planned_variance(p: f64, n: f64) -> f64 {
    2.0 * p * (1.0 - p) / n
}
