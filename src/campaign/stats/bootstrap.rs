//! A seeded bootstrap interval of the difference in means (variant − control): each
//! resample draws every group's users with replacement (ChaCha8, the seed given), and the
//! interval is the resampled differences' percentiles — no assumption on the shape of
//! revenue per user. The same seed gives the same interval in the tab and the CLI.

use super::means::Summary;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

/// The bootstrap interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bootstrap {
    /// The observed difference in means.
    pub difference: f64,
    /// The `1 − alpha` percentile interval.
    pub interval: (f64, f64),
    /// The resampled differences' standard deviation: the difference's standard error.
    pub standard_error: f64,
    /// Resamples drawn.
    pub resamples: usize,
}

/// The mean of a resample of `v` (with replacement).
fn resampled_mean(v: &[f64], rng: &mut ChaCha8Rng) -> f64 {
    let n = v.len() as u64;
    let mut sum = 0.0;
    for _ in 0..v.len() {
        // a u64 range, not usize: the same draws in wasm32 and natively
        sum += v[rng.gen_range(0..n) as usize];
    }
    sum / v.len() as f64
}

/// The `q` quantile of sorted values, linearly interpolated (numpy's default).
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let at = q * (sorted.len() - 1) as f64;
    let (lo, hi) = (at.floor() as usize, at.ceil() as usize);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo as f64)
}

/// The interval from `resamples` resamples; `None` when a group is empty or there are fewer
/// than two resamples.
pub fn difference_in_means(
    control: &[f64],
    variant: &[f64],
    alpha: f64,
    resamples: usize,
    seed: u64,
) -> Option<Bootstrap> {
    if control.is_empty() || variant.is_empty() || resamples < 2 {
        return None;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut differences: Vec<f64> = (0..resamples)
        .map(|_| {
            let c = resampled_mean(control, &mut rng);
            resampled_mean(variant, &mut rng) - c
        })
        .collect();
    differences.sort_by(f64::total_cmp);
    Some(Bootstrap {
        difference: Summary::of(variant).mean - Summary::of(control).mean,
        interval: (
            quantile(&differences, alpha / 2.0),
            quantile(&differences, 1.0 - alpha / 2.0),
        ),
        standard_error: Summary::of(&differences).sd,
        resamples,
    })
}
