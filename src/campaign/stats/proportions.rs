//! Conversion compared between groups: the two-proportion z-test with the Wald interval of
//! the difference, Pearson's chi-square on the groups × converted table, and the
//! sample-ratio-mismatch check of the groups' sizes against the planned split.

use super::dist::{chi2_sf, norm_ppf, norm_sf};
use libm::sqrt;
use serde::Serialize;

/// A group's users and how many of them converted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Conversions {
    /// Users in the group.
    pub users: u64,
    /// Users who converted (≤ `users`).
    pub converted: u64,
}

impl Conversions {
    /// The conversion rate (0 for an empty group).
    pub fn rate(&self) -> f64 {
        if self.users == 0 {
            0.0
        } else {
            self.converted as f64 / self.users as f64
        }
    }
}

/// A variant against the control.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ZTest {
    /// Variant rate minus control rate.
    pub difference: f64,
    /// z of the difference under the pooled rate (`statsmodels.stats.proportion.proportions_ztest`);
    /// `None` when neither group has a conversion or both convert entirely (no variance).
    pub z: Option<f64>,
    /// Its two-sided p-value (`None` with `z`).
    pub p_value: Option<f64>,
    /// The `1 − alpha` Wald interval of the difference, unpooled
    /// (`statsmodels.stats.proportion.confint_proportions_2indep(method="wald")`): defined
    /// even where a group has no conversion.
    pub interval: (f64, f64),
}

/// The two-proportion z-test of `variant` against `control` at level `alpha`.
pub fn z_test(control: Conversions, variant: Conversions, alpha: f64) -> ZTest {
    let (p1, p2) = (control.rate(), variant.rate());
    let (n1, n2) = (control.users as f64, variant.users as f64);
    let difference = p2 - p1;
    let pooled = (control.converted + variant.converted) as f64 / (n1 + n2);
    let se0 = sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2));
    let (z, p_value) = if se0 > 0.0 && se0.is_finite() {
        let z = difference / se0;
        (Some(z), Some(2.0 * norm_sf(z.abs())))
    } else {
        (None, None)
    };
    let se = sqrt(p1 * (1.0 - p1) / n1 + p2 * (1.0 - p2) / n2);
    let half = norm_ppf(1.0 - alpha / 2.0) * se;
    ZTest {
        difference,
        z,
        p_value,
        interval: (difference - half, difference + half),
    }
}

/// Pearson's chi-square test of independence.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ChiSquare {
    /// The statistic (`scipy.stats.chi2_contingency(correction=False)`).
    pub statistic: f64,
    /// Degrees of freedom.
    pub df: u32,
    /// P(X > statistic); `None` where a column of the table is empty.
    pub p_value: Option<f64>,
}

/// Pearson's chi-square on the groups × {converted, not converted} table, without Yates'
/// correction (scipy's `chi2_contingency(table, correction=False)`).
pub fn chi_square(groups: &[Conversions]) -> ChiSquare {
    let total: f64 = groups.iter().map(|g| g.users as f64).sum();
    let converted: f64 = groups.iter().map(|g| g.converted as f64).sum();
    let df = groups.len().saturating_sub(1) as u32;
    let mut statistic = 0.0;
    for g in groups {
        let n = g.users as f64;
        for (observed, column) in [
            (g.converted as f64, converted),
            (
                g.users.saturating_sub(g.converted) as f64,
                total - converted,
            ),
        ] {
            let expected = n * column / total;
            if expected > 0.0 {
                statistic += (observed - expected) * (observed - expected) / expected;
            }
        }
    }
    let defined = df > 0 && converted > 0.0 && converted < total;
    ChiSquare {
        statistic,
        df,
        p_value: defined.then(|| chi2_sf(statistic, f64::from(df))),
    }
}

/// The sample-ratio-mismatch check.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SampleRatio {
    /// Chi-square goodness of fit of the groups' sizes to the planned shares
    /// (`scipy.stats.chisquare(sizes, f_exp)`).
    pub statistic: f64,
    /// Its p-value.
    pub p_value: f64,
    /// True below `SRM_ALPHA`: the split is broken and the test's results are not to be read.
    pub mismatch: bool,
}

/// The p-value under which the groups' sizes are a sample-ratio mismatch, as GrowthBook and
/// Eppo flag it: a strict level, since the check runs on every experiment, every day.
pub const SRM_ALPHA: f64 = 0.001;

/// The groups' sizes against the planned shares (weights; `None`: equal shares). `None` when
/// there are fewer than two groups, no users, or a share is not positive.
pub fn sample_ratio(sizes: &[u64], shares: Option<&[f64]>) -> Option<SampleRatio> {
    let total: f64 = sizes.iter().map(|&n| n as f64).sum();
    if sizes.len() < 2 || total == 0.0 {
        return None;
    }
    let equal = vec![1.0; sizes.len()];
    let shares = shares.unwrap_or(&equal);
    if shares.len() != sizes.len() || shares.iter().any(|&s| s.is_nan() || s <= 0.0) {
        return None;
    }
    let weight: f64 = shares.iter().sum();
    let statistic = sizes
        .iter()
        .zip(shares)
        .map(|(&n, &s)| {
            let expected = total * s / weight;
            (n as f64 - expected) * (n as f64 - expected) / expected
        })
        .sum();
    let p_value = chi2_sf(statistic, (sizes.len() - 1) as f64);
    Some(SampleRatio {
        statistic,
        p_value,
        mismatch: p_value < SRM_ALPHA,
    })
}
