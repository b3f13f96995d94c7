//! The sample-size calculator for a conversion test: Cohen's effect size h between the
//! baseline rate and the rate to detect, the power of the two-sided z-test for n users per
//! group, and n or the minimum detectable effect solved from it — statsmodels'
//! `proportion_effectsize` and `NormalIndPower` (`zt_ind_solve_power`), whose power counts
//! both tails.

use super::dist::{bisect, norm_cdf, norm_ppf, norm_sf};
use libm::{asin, sin, sqrt};

/// Cohen's h of rate `p2` against `p1`: 2·asin √p2 − 2·asin √p1
/// (`statsmodels.stats.proportion.proportion_effectsize(p2, p1)`).
pub fn effect_size(p2: f64, p1: f64) -> f64 {
    2.0 * asin(sqrt(p2)) - 2.0 * asin(sqrt(p1))
}

/// The rate whose effect size against `p1` is `h` (the inverse of `effect_size`).
pub fn rate_of_effect(p1: f64, h: f64) -> f64 {
    let s = sin(asin(sqrt(p1)) + h / 2.0);
    s * s
}

/// The power of the two-sided z-test at level `alpha` for effect size `h`, `n1` users in
/// the control and `ratio · n1` in the variant (`NormalIndPower().power`).
pub fn power(h: f64, n1: f64, alpha: f64, ratio: f64) -> f64 {
    let n = 1.0 / (1.0 / n1 + 1.0 / (n1 * ratio));
    let crit = norm_ppf(1.0 - alpha / 2.0);
    let shift = h * sqrt(n);
    norm_sf(crit - shift) + norm_cdf(-crit - shift)
}

/// The control's users (fractional; round up) for which the test has `target` power
/// (`NormalIndPower().solve_power(nobs1=None)`); `None` for no effect or a power not between
/// `alpha` and 1.
pub fn users_needed(h: f64, alpha: f64, target: f64, ratio: f64) -> Option<f64> {
    if h == 0.0 || !h.is_finite() || !(target > alpha && target < 1.0) || ratio <= 0.0 {
        return None;
    }
    let mut hi = 1.0;
    while power(h, hi, alpha, ratio) < target {
        hi *= 2.0;
        if hi > 1e15 {
            return None;
        }
    }
    Some(bisect(|n| power(h, n, alpha, ratio) < target, 0.0, hi))
}

/// The smallest effect size the test detects with `target` power on `n1` control users
/// (`NormalIndPower().solve_power(effect_size=None)`), as a positive h.
pub fn detectable_effect(n1: f64, alpha: f64, target: f64, ratio: f64) -> Option<f64> {
    if !(n1 > 0.0 && target > alpha && target < 1.0 && ratio > 0.0) {
        return None;
    }
    // h is at most π (from rate 0 to rate 1)
    let most = std::f64::consts::PI;
    if power(most, n1, alpha, ratio) < target {
        return None;
    }
    Some(bisect(|h| power(h, n1, alpha, ratio) < target, 0.0, most))
}
