//! Revenue per user compared by ranks: the Mann–Whitney U test, which asks whether a random
//! variant user tends to spend more than a random control user and is not thrown by the few
//! large spenders that move a mean. The normal approximation with the tie correction and the
//! continuity correction, as `scipy.stats.mannwhitneyu(method="asymptotic")` — revenue per
//! user is full of ties (every user who bought nothing), where scipy's exact method does not
//! apply either.

use super::dist::norm_sf;
use libm::sqrt;
use serde::Serialize;

/// The Mann–Whitney U test of the variant's values against the control's.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MannWhitney {
    /// U of the variant: the pairs (variant user, control user) where the variant user's value
    /// is larger, ties counting one half.
    pub u: f64,
    /// Two-sided p-value.
    pub p_value: f64,
    /// U over the number of pairs: P(variant > control) + ½ P(tie).
    pub common_language: f64,
}

/// The test; `None` when a group is empty or every value is the same.
pub fn mann_whitney(control: &[f64], variant: &[f64]) -> Option<MannWhitney> {
    let (n1, n2) = (variant.len() as f64, control.len() as f64);
    if variant.is_empty() || control.is_empty() {
        return None;
    }
    // every value with its group, in order; ties take their average rank
    let mut all: Vec<(f64, bool)> = variant.iter().map(|&v| (v, true)).collect();
    all.extend(control.iter().map(|&v| (v, false)));
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut rank_sum, mut ties) = (0.0, 0.0);
    let mut i = 0;
    while i < all.len() {
        let j = i + all[i..].iter().take_while(|v| v.0 == all[i].0).count();
        let t = (j - i) as f64;
        let rank = (i + j + 1) as f64 / 2.0;
        rank_sum += rank * all[i..j].iter().filter(|v| v.1).count() as f64;
        ties += t * t * t - t;
        i = j;
    }
    let n = n1 + n2;
    let u1 = rank_sum - n1 * (n1 + 1.0) / 2.0;
    let u = u1.max(n1 * n2 - u1);
    let s = sqrt(n1 * n2 / 12.0 * ((n + 1.0) - ties / (n * (n - 1.0))));
    if !(s > 0.0) {
        return None;
    }
    let z = (u - n1 * n2 / 2.0 - 0.5) / s;
    Some(MannWhitney {
        u: u1,
        p_value: (2.0 * norm_sf(z)).clamp(0.0, 1.0),
        common_language: u1 / (n1 * n2),
    })
}
