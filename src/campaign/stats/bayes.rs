//! The Bayesian reading of a conversion test: each group's rate under a uniform prior,
//! Beta(1 + converted, 1 + not converted); the probability that the variant's rate beats the
//! control's and the expected loss of choosing either, both in closed form (Evan Miller's
//! sum for P(X > Y) with X, Y beta; the loss from size-biased betas, as Chris Stucchio
//! writes it), so no sampling and no seed.

use super::dist::ln_beta;
use super::proportions::Conversions;
use libm::{exp, log};
use serde::Serialize;

/// The posterior's parameters (α, β) for a group under the uniform prior.
fn posterior(g: Conversions) -> (f64, f64) {
    (
        1.0 + g.converted as f64,
        1.0 + g.users.saturating_sub(g.converted) as f64,
    )
}

/// P(X > Y) for X ~ Beta(a, b), Y ~ Beta(c, d), `a` a whole number: Σ_{i<a} B(c+i, b+d) /
/// ((b+i) B(1+i, b) B(c, d)), summed from the smallest terms up.
fn beats(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let whole = a as u64;
    let base = ln_beta(c, d);
    let mut sum = 0.0;
    for i in (0..whole).rev() {
        let i = i as f64;
        sum += exp(ln_beta(c + i, b + d) - log(b + i) - ln_beta(1.0 + i, b) - base);
    }
    sum.clamp(0.0, 1.0)
}

/// A variant against the control, in posterior terms.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bayes {
    /// P(variant's rate > control's rate).
    pub chance_to_beat: f64,
    /// E[max(control − variant, 0)]: the conversion rate given up by choosing the variant.
    pub loss_choosing_variant: f64,
    /// E[max(variant − control, 0)]: given up by keeping the control.
    pub loss_keeping_control: f64,
}

/// The posterior comparison of `variant` with `control`.
pub fn compare(control: Conversions, variant: Conversions) -> Bayes {
    let (a1, b1) = posterior(control);
    let (a2, b2) = posterior(variant);
    let chance_to_beat = beats(a2, b2, a1, b1);
    // E[max(X − Y, 0)] = E[X]·P(X' > Y) − E[Y]·P(X > Y'), X' and Y' size-biased (α + 1)
    let loss = |a: f64, b: f64, c: f64, d: f64| {
        let value = a / (a + b) * beats(a + 1.0, b, c, d) - c / (c + d) * beats(a, b, c + 1.0, d);
        value.max(0.0)
    };
    Bayes {
        chance_to_beat,
        loss_choosing_variant: loss(a1, b1, a2, b2),
        loss_keeping_control: loss(a2, b2, a1, b1),
    }
}
