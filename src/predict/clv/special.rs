//! The special functions the likelihoods need, written once so the tab and the CLI compute
//! them with the same operations: `ln Γ` is `libm`'s, ψ (digamma) and the Gauss
//! hypergeometric series are here.

/// ln Γ(x) for x > 0.
pub fn ln_gamma(x: f64) -> f64 {
    libm::lgamma(x)
}

/// ψ(x) = d ln Γ(x) / dx for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then
/// the asymptotic series to x⁻¹² (the first term left out is below 1e-15 there).
pub fn digamma(mut x: f64) -> f64 {
    let mut shift = 0.0;
    while x < 10.0 {
        shift -= 1.0 / x;
        x += 1.0;
    }
    let inv = 1.0 / x;
    let inv2 = inv * inv;
    let series = inv2
        * (1.0 / 12.0
            - inv2
                * (1.0 / 120.0
                    - inv2
                        * (1.0 / 252.0
                            - inv2
                                * (1.0 / 240.0
                                    - inv2 * (1.0 / 132.0 - inv2 * (691.0 / 32760.0))))));
    shift + libm::log(x) - 0.5 * inv - series
}

/// ln(1 + eˣ) without overflow.
pub fn softplus(x: f64) -> f64 {
    if x > 0.0 {
        x + libm::log1p(libm::exp(-x))
    } else {
        libm::log1p(libm::exp(x))
    }
}

/// softplus(x) and logistic(x) together, from one exponential and one logarithm (the
/// likelihood's hot loop needs both).
pub fn softplus_logistic(x: f64) -> (f64, f64) {
    let e = libm::exp(-x.abs());
    let softplus = x.max(0.0) + libm::log1p(e);
    let logistic = if x >= 0.0 {
        1.0 / (1.0 + e)
    } else {
        e / (1.0 + e)
    };
    (softplus, logistic)
}

/// 1 / (1 + e⁻ˣ) without overflow.
pub fn logistic(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + libm::exp(-x))
    } else {
        let e = libm::exp(x);
        e / (1.0 + e)
    }
}

/// The most terms a hypergeometric series may take before it counts as not converging.
const MAX_TERMS: u32 = 20_000;

/// ₂F₁(a, b; c; z) by its power series, for 0 ≤ z < 1 and any c but 0, −1, −2, … (where the
/// function has poles; a negative c is where lifetimes takes the log of a negative number and
/// returns NaN, its issues #302 and #442). The callers pick the form whose terms are small (an
/// Euler transform where the plain series' terms would overflow), so the sum stays near 1.
/// `None` near a pole, when it does not settle within `MAX_TERMS` terms or is not finite.
pub fn hyp2f1(a: f64, b: f64, c: f64, z: f64) -> Option<f64> {
    let near_pole = c <= 0.0 && (c - libm::round(c)).abs() < 1e-9;
    if !(0.0..1.0).contains(&z) || near_pole {
        return None;
    }
    let mut term = 1.0f64;
    let mut sum = 1.0f64;
    for n in 0..MAX_TERMS {
        let n = n as f64;
        let ratio = (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
        term *= ratio;
        sum += term;
        if !sum.is_finite() {
            return None;
        }
        // once the terms shrink by `ratio` each, the rest sums to at most term·ratio/(1 − ratio)
        let shrinking = ratio.abs() < 1.0;
        if term == 0.0
            || shrinking && term.abs() * ratio.abs() <= 1e-16 * sum.abs() * (1.0 - ratio.abs())
        {
            return Some(sum);
        }
    }
    None
}

/// ln ₂F₁(a, b; a + 1; z) for 0 ≤ z < 1 and a, b > 0 — the Pareto/NBD's terms. By Euler's
/// transform it is (1 − b)·ln(1 − z) + ln ₂F₁(1, a + 1 − b; a + 1; z), a series of positive
/// terms below (1 − z)⁻¹, so neither a large `b` nor a `z` near 1 overflows.
pub fn ln_hyp2f1_a_plus_one(a: f64, b: f64, z: f64) -> Option<f64> {
    if z == 0.0 {
        return Some(0.0);
    }
    let series = hyp2f1(1.0, a + 1.0 - b, a + 1.0, z)?;
    Some((1.0 - b) * libm::log1p(-z) + libm::log(series))
}

/// S = ₂F₁(1, b; c; z) for 0 ≤ z < 1, c > 0, b > 0 (positive terms), with ∂S/∂b, ∂S/∂c and
/// ∂S/∂z summed in the same loop: the n-th term tₙ = tₙ₋₁·(b+n−1)/(c+n−1)·z has
/// ∂tₙ/∂b = tₙ·Σₖ<ₙ 1/(b+k), ∂tₙ/∂c = −tₙ·Σₖ<ₙ 1/(c+k), ∂tₙ/∂z = n·tₙ/z. The Pareto/NBD's
/// analytic gradient.
pub fn hyp2f1_one_with_derivatives(b: f64, c: f64, z: f64) -> Option<[f64; 4]> {
    if !(0.0..1.0).contains(&z) || c <= 0.0 || b <= 0.0 {
        return None;
    }
    if z == 0.0 {
        return Some([1.0, 0.0, 0.0, b / c]);
    }
    let (mut term, mut sum) = (1.0f64, 1.0f64);
    let (mut sum_b, mut sum_c) = (0.0f64, 0.0f64);
    let (mut d_b, mut d_c, mut d_z) = (0.0f64, 0.0f64, 0.0f64);
    for n in 0..MAX_TERMS {
        let n = n as f64;
        let ratio = (b + n) / (c + n) * z;
        sum_b += 1.0 / (b + n);
        sum_c += 1.0 / (c + n);
        term *= ratio;
        sum += term;
        d_b += term * sum_b;
        d_c -= term * sum_c;
        d_z += (n + 1.0) * term;
        if !(sum.is_finite() && d_z.is_finite()) {
            return None;
        }
        // the derivative series' terms carry a factor n (or a log): stop once those are small
        let weight = (n + 1.0).max(sum_b).max(sum_c);
        if ratio < 1.0
            && term * weight * ratio <= 1e-16 * sum.min(d_z.max(1e-300)).max(1e-300) * (1.0 - ratio)
        {
            return Some([sum, d_b, d_c, d_z / z]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn softplus_and_logistic_together_equal_each_alone() {
        for x in [-800.0, -30.0, -1.5, 0.0, 0.7, 40.0, 800.0] {
            let (s, l) = softplus_logistic(x);
            assert!((s - softplus(x)).abs() <= 1e-15 * (1.0 + s.abs()), "{x}");
            assert!((l - logistic(x)).abs() <= 1e-16, "{x}");
        }
    }

    #[test]
    fn the_series_derivatives_are_its_finite_differences() {
        for (b, c, z) in [(2.3, 4.1, 0.3), (0.7, 12.0, 0.85), (15.0, 15.5, 0.6)] {
            let [s, db, dc, dz] = hyp2f1_one_with_derivatives(b, c, z).unwrap();
            assert!((s - hyp2f1(1.0, b, c, z).unwrap()).abs() < 1e-13 * s);
            let h = 1e-6;
            let f = |b: f64, c: f64, z: f64| hyp2f1(1.0, b, c, z).unwrap();
            let numeric = [
                (f(b + h, c, z) - f(b - h, c, z)) / (2.0 * h),
                (f(b, c + h, z) - f(b, c - h, z)) / (2.0 * h),
                (f(b, c, z + h) - f(b, c, z - h)) / (2.0 * h),
            ];
            for (ours, theirs) in [db, dc, dz].iter().zip(numeric) {
                assert!(
                    (ours - theirs).abs() < 1e-6 * (1.0 + theirs.abs()),
                    "{b} {c} {z}: {ours} vs {theirs}"
                );
            }
        }
    }

    #[test]
    fn digamma_matches_known_values() {
        // ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2, ψ(10) from tables
        let euler = 0.577_215_664_901_532_9;
        assert!((digamma(1.0) + euler).abs() < 1e-14);
        assert!((digamma(0.5) + euler + 2.0 * std::f64::consts::LN_2).abs() < 1e-14);
        assert!((digamma(10.0) - 2.251_752_589_066_721).abs() < 1e-14);
        assert!((digamma(1e-3) - (-1000.5755719318103)).abs() < 1e-9);
    }

    #[test]
    fn digamma_is_the_derivative_of_ln_gamma() {
        for x in [0.05, 0.3, 1.7, 4.2, 25.0, 300.0] {
            let h = 1e-6 * x;
            let numeric = (ln_gamma(x + h) - ln_gamma(x - h)) / (2.0 * h);
            assert!(
                (digamma(x) - numeric).abs() < 1e-6 * (1.0 + numeric.abs()),
                "{x}"
            );
        }
    }

    #[test]
    fn hyp2f1_matches_closed_forms() {
        // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z; ₂F₁(a, b; b; z) = (1 − z)^−a
        for z in [0.01, 0.3, 0.9, 0.99] {
            let f = hyp2f1(1.0, 1.0, 2.0, z).unwrap();
            assert!((f - (-(1.0f64 - z).ln() / z)).abs() < 1e-12 * f, "{z}");
            let g = hyp2f1(0.7, 2.5, 2.5, z).unwrap();
            assert!((g - (1.0f64 - z).powf(-0.7)).abs() < 1e-12 * g, "{z}");
        }
        assert_eq!(hyp2f1(1.0, 1.0, 2.0, 1.0), None);
    }

    #[test]
    fn the_euler_form_equals_the_plain_series_and_stays_finite() {
        for (a, b, z) in [(2.3, 1.6, 0.4), (40.0, 0.8, 0.7), (3.0, 12.0, 0.2)] {
            let plain = hyp2f1(a, b, a + 1.0, z).unwrap().ln();
            let euler = ln_hyp2f1_a_plus_one(a, b, z).unwrap();
            assert!(
                (plain - euler).abs() < 1e-12 * (1.0 + plain.abs()),
                "{a} {b} {z}"
            );
        }
        // the plain series overflows here; the Euler form does not
        let big = ln_hyp2f1_a_plus_one(2000.0, 1500.0, 0.9).unwrap();
        assert!(big.is_finite() && big > 3000.0);
    }
}
