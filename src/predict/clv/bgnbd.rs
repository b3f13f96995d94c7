//! The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"):
//! while alive a customer buys at rate λ ~ Gamma(r, α) and after each purchase drops out with
//! probability p ~ Beta(a, b).
//!
//! The log-likelihood of (x, t_x, T), in the stable form of Hardie's notes:
//! ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b) − (r+x) ln(α+T)
//!        + ln(1 + [x>0] · e^D),  D = ln a − ln(b+x−1) + (r+x)(ln(α+T) − ln(α+t_x)),
//! the last term a softplus, so ((α+T)/(α+t_x))^(r+x) never overflows. The gradient is
//! analytic; the terms in x alone and in one time alone are computed once per distinct value.
//! Predictions are lifetimes' (`BetaGeoFitter`): P(alive), the conditional expected
//! purchases, the unconditional E[X(t)].

use super::optimize::Objective;
use super::special::{digamma, hyp2f1, ln_gamma, logistic, softplus, softplus_logistic};
use super::summary::Rows;

/// Fitted BG/NBD parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BgNbd {
    /// Shape of the purchase-rate gamma.
    pub r: f64,
    /// Scale (in the fitting unit) of the purchase-rate gamma.
    pub alpha: f64,
    /// Beta shape a of the dropout probability.
    pub a: f64,
    /// Beta shape b of the dropout probability.
    pub b: f64,
}

impl BgNbd {
    /// From [r, α, a, b].
    pub fn from_slice(p: &[f64]) -> BgNbd {
        BgNbd {
            r: p[0],
            alpha: p[1],
            a: p[2],
            b: p[3],
        }
    }

    /// The exponent D of the dropout term (see the module); only for x > 0.
    fn dropout_exponent(&self, x: f64, t_x: f64, t: f64) -> f64 {
        libm::log(self.a) - libm::log(self.b + x - 1.0)
            + (self.r + x) * (libm::log(self.alpha + t) - libm::log(self.alpha + t_x))
    }

    /// The log-likelihood of one customer.
    pub fn log_likelihood(&self, x: f64, t_x: f64, t: f64) -> f64 {
        let BgNbd { r, alpha, a, b } = *self;
        let base = ln_gamma(r + x) - ln_gamma(r) + r * libm::log(alpha) + ln_gamma(b + x)
            - ln_gamma(b)
            - ln_gamma(a + b + x)
            + ln_gamma(a + b)
            - (r + x) * libm::log(alpha + t);
        if x > 0.0 {
            base + softplus(self.dropout_exponent(x, t_x, t))
        } else {
            base
        }
    }

    /// P(alive at T | x, t_x, T) = 1 / (1 + [x>0] e^D).
    pub fn p_alive(&self, x: f64, t_x: f64, t: f64) -> f64 {
        if x > 0.0 {
            logistic(-self.dropout_exponent(x, t_x, t))
        } else {
            1.0
        }
    }

    /// E[purchases in (T, T+h] | x, t_x, T] (lifetimes'
    /// `conditional_expected_number_of_purchases_up_to_time`): with z = h/(α+T+h),
    /// (a+b+x−1)/(a−1) · [1 − (1−z)^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)] · P(alive). The hypergeometric
    /// factor is taken in Euler's form (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z), whose terms
    /// stay small for any x. At a = 1 the expression is 0/0: it is taken as the mean of its
    /// values at a ± 1e-6 within 1e-7 of 1 (it is smooth in a). `None` when the series does not settle.
    pub fn expected_purchases(&self, h: f64, x: f64, t_x: f64, t: f64) -> Option<f64> {
        if h <= 0.0 {
            return Some(0.0);
        }
        if (self.a - 1.0).abs() < 1e-7 {
            let lo = BgNbd {
                a: 1.0 - 1e-6,
                ..*self
            }
            .expected_purchases(h, x, t_x, t)?;
            let hi = BgNbd {
                a: 1.0 + 1e-6,
                ..*self
            }
            .expected_purchases(h, x, t_x, t)?;
            return Some(0.5 * (lo + hi));
        }
        let BgNbd { r, alpha, a, b } = *self;
        let z = h / (alpha + t + h);
        let c = a + b + x - 1.0;
        let series = hyp2f1(a + b - 1.0 - r, a - 1.0, c, z)?;
        let bracket = 1.0 - libm::pow(1.0 - z, a - 1.0) * series;
        let value = c / (a - 1.0) * bracket * self.p_alive(x, t_x, t);
        (value.is_finite() && value >= 0.0).then_some(value.max(0.0))
    }

    /// E[X(t)] for a customer just acquired (the unconditional expectation, lifetimes'
    /// `expected_number_of_purchases_up_to_time`): the conditional one at x = t_x = T = 0.
    pub fn expected_from_start(&self, t: f64) -> Option<f64> {
        self.expected_purchases(t, 0.0, 0.0, 0.0)
    }

    /// The wait to the next purchase if the customer is alive: λ | x, T ~ Gamma(r+x, α+T), so
    /// the wait is Lomax with shape r+x and scale α+T; its q quantile, in the fitting unit,
    /// from ln(1 − q): (α+T)·(e^(−ln(1−q)/(r+x)) − 1).
    pub fn wait_quantile_ln(&self, ln_one_minus_q: f64, x: f64, t: f64) -> f64 {
        (self.alpha + t) * libm::expm1(-ln_one_minus_q / (self.r + x))
    }
}

/// The mean negative log-likelihood over merged rows, for the optimiser.
pub struct Likelihood<'a> {
    /// The customers.
    pub rows: &'a Rows,
}

/// Terms of one distinct x at the current parameters.
#[derive(Clone, Copy, Default)]
struct XTerms {
    base: f64,
    d_r: f64,
    d_a: f64,
    d_b: f64,
    ln_dropout: f64,
}

impl Objective for Likelihood<'_> {
    const DIM: usize = 4;

    fn value_gradient(&self, theta: &[f64], g: &mut [f64]) -> f64 {
        let [r, alpha, a, b] = [theta[0], theta[1], theta[2], theta[3]].map(libm::exp);
        let rows = self.rows;
        let (ln_alpha, psi_r, psi_b, psi_ab) =
            (libm::log(alpha), digamma(r), digamma(b), digamma(a + b));
        let (lg_r, lg_b, lg_ab) = (ln_gamma(r), ln_gamma(b), ln_gamma(a + b));
        let ln_a = libm::log(a);
        let xs: Vec<XTerms> = rows
            .xs
            .iter()
            .map(|&x| XTerms {
                base: ln_gamma(r + x) - lg_r + r * ln_alpha + ln_gamma(b + x)
                    - lg_b
                    - ln_gamma(a + b + x)
                    + lg_ab,
                d_r: digamma(r + x) - psi_r + ln_alpha,
                d_a: psi_ab - digamma(a + b + x),
                d_b: digamma(b + x) - psi_b - digamma(a + b + x) + psi_ab,
                ln_dropout: if x > 0.0 {
                    ln_a - libm::log(b + x - 1.0)
                } else {
                    0.0
                },
            })
            .collect();
        let ln_t: Vec<f64> = rows.times.iter().map(|t| libm::log(alpha + t)).collect();
        let inv_t: Vec<f64> = rows.times.iter().map(|t| 1.0 / (alpha + t)).collect();
        let (mut f, mut gr, mut ga, mut gaa, mut gb) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for row in &rows.rows {
            let x = rows.xs[row.x as usize];
            let k = xs[row.x as usize];
            let (ln_big, inv_big) = (ln_t[row.age as usize], inv_t[row.age as usize]);
            let w = row.weight;
            let mut ll = k.base - (r + x) * ln_big;
            let mut d_r = k.d_r - ln_big;
            let mut d_alpha = r / alpha - (r + x) * inv_big;
            let mut d_a = k.d_a;
            let mut d_b = k.d_b;
            if x > 0.0 {
                let (ln_small, inv_small) =
                    (ln_t[row.recency as usize], inv_t[row.recency as usize]);
                let d = k.ln_dropout + (r + x) * (ln_big - ln_small);
                let (plus, s) = softplus_logistic(d);
                ll += plus;
                d_r += s * (ln_big - ln_small);
                d_alpha += s * (r + x) * (inv_big - inv_small);
                d_a += s / a;
                d_b -= s / (b + x - 1.0);
            }
            f += w * ll;
            gr += w * d_r;
            ga += w * d_alpha;
            gaa += w * d_a;
            gb += w * d_b;
        }
        let n = rows.weight;
        // ∂/∂ln p = p ∂/∂p; minimise the mean negative log-likelihood
        g[0] = -gr * r / n;
        g[1] = -ga * alpha / n;
        g[2] = -gaa * a / n;
        g[3] = -gb * b / n;
        let value = -f / n;
        if value.is_finite() {
            value
        } else {
            f64::INFINITY
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The FHL 2005 CDNOW parameters (weeks).
    const PAPER: BgNbd = BgNbd {
        r: 0.2426,
        alpha: 4.4135,
        a: 0.7929,
        b: 2.4258,
    };

    #[test]
    fn the_likelihood_of_one_customer_is_the_papers_formula() {
        // eq. (6) of FHL 2005 written out directly
        let (x, t_x, t) = (2.0f64, 30.43, 38.86);
        let BgNbd { r, alpha, a, b } = PAPER;
        let beta = |p: f64, q: f64| ln_gamma(p) + ln_gamma(q) - ln_gamma(p + q);
        let common = ln_gamma(r + x) - ln_gamma(r) + r * alpha.ln();
        let l1 = (beta(a, b + x) - beta(a, b) - (r + x) * (alpha + t).ln()).exp();
        let l2 = (beta(a + 1.0, b + x - 1.0) - beta(a, b) - (r + x) * (alpha + t_x).ln()).exp();
        let direct = common + (l1 + l2).ln();
        assert!((PAPER.log_likelihood(x, t_x, t) - direct).abs() < 1e-12);
    }

    #[test]
    fn the_gradient_is_the_derivative_of_the_likelihood() {
        let summary = crate::predict::clv::summary::Rows {
            xs: vec![0.0, 1.0, 4.0],
            times: vec![0.0, 3.5, 20.0, 38.0],
            rows: vec![
                crate::predict::clv::summary::Row {
                    x: 0,
                    recency: 0,
                    age: 3,
                    weight: 5.0,
                },
                crate::predict::clv::summary::Row {
                    x: 1,
                    recency: 1,
                    age: 2,
                    weight: 2.0,
                },
                crate::predict::clv::summary::Row {
                    x: 2,
                    recency: 2,
                    age: 3,
                    weight: 1.0,
                },
            ],
            weight: 8.0,
            row_of: Vec::new(),
        };
        let l = Likelihood { rows: &summary };
        let theta = [0.3f64.ln(), 4.0f64.ln(), 0.8f64.ln(), 2.4f64.ln()];
        let worst = crate::predict::clv::optimize::gradient_error(&l, &theta);
        assert!(worst < 1e-7, "analytic vs numeric gradient: {worst}");
    }

    /// E[X(t) | x = 0, T] by integrating (1/p)(1 − ((α+T)/(α+T+pt))^r) over p ~ Beta(a, b),
    /// each end of [0, 1] substituted (p = u^(1/a), 1 − p = v^(1/b)) so the midpoint rule
    /// meets no singularity.
    fn integrated(m: &BgNbd, t: f64, big_t: f64) -> f64 {
        let f = |p: f64| (1.0 - ((m.alpha + big_t) / (m.alpha + big_t + p * t)).powf(m.r)) / p;
        let beta = (ln_gamma(m.a) + ln_gamma(m.b) - ln_gamma(m.a + m.b)).exp();
        let n = 400_000;
        let (mut low, mut high) = (0.0, 0.0);
        let (u_max, v_max) = (0.5f64.powf(m.a), 0.5f64.powf(m.b));
        for i in 0..n {
            let u = (i as f64 + 0.5) / n as f64 * u_max;
            let p = u.powf(1.0 / m.a);
            low += (1.0 - p).powf(m.b - 1.0) * f(p) / m.a * u_max / n as f64;
            let v = (i as f64 + 0.5) / n as f64 * v_max;
            let q = v.powf(1.0 / m.b);
            high += (1.0 - q).powf(m.a - 1.0) * f(1.0 - q) / m.b * v_max / n as f64;
        }
        (low + high) / beta
    }

    #[test]
    fn a_plus_b_below_one_gives_the_integral_not_nan() {
        // lifetimes issue #302's parameters: its hypergeometric term is negative there, the log
        // NaN; the series continues analytically through c = a + b − 1 < 0
        let m = BgNbd {
            r: 0.11,
            alpha: 2.24,
            a: 0.31,
            b: 0.50,
        };
        let ours = m.expected_purchases(30.0, 0.0, 0.0, 1.0).unwrap();
        let direct = integrated(&m, 30.0, 1.0);
        assert!((ours - direct).abs() < 1e-4 * direct, "{ours} vs {direct}");
        let paper = integrated(&PAPER, 39.0, 10.0);
        let ours = PAPER.expected_purchases(39.0, 0.0, 0.0, 10.0).unwrap();
        assert!((ours - paper).abs() < 1e-4 * paper, "{ours} vs {paper}");
    }

    #[test]
    fn expectations_are_smooth_through_a_equal_to_one() {
        let near = |a: f64| {
            BgNbd { a, ..PAPER }
                .expected_purchases(39.0, 2.0, 30.0, 38.0)
                .unwrap()
        };
        let at = near(1.0);
        assert!((at - near(1.001)).abs() < 1e-2 * at && (at - near(0.999)).abs() < 1e-2 * at);
    }
}
