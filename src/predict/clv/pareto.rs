//! The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987): while alive a customer buys
//! at rate λ ~ Gamma(r, α) and lives for an exponential time of rate μ ~ Gamma(s, β).
//!
//! The log-likelihood is eq. (18) of Fader & Hardie's 2005 derivation note, as lifetimes'
//! `ParetoNBDFitter` writes it, with its A₀ difference taken as a log-difference-exp of the
//! two hypergeometric terms, each evaluated by `ln_hyp2f1_a_plus_one` (Euler's transform:
//! positive terms, no overflow for large x). The gradient is analytic (the series'
//! derivatives summed beside it), checked against finite differences in the tests.

use super::optimize::Objective;
use super::special::{ln_gamma, ln_hyp2f1_a_plus_one};
use super::summary::Rows;

/// Fitted Pareto/NBD parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParetoNbd {
    /// Shape of the purchase-rate gamma.
    pub r: f64,
    /// Scale of the purchase-rate gamma (fitting unit).
    pub alpha: f64,
    /// Shape of the dropout-rate gamma.
    pub s: f64,
    /// Scale of the dropout-rate gamma (fitting unit).
    pub beta: f64,
}

/// (1 − y^k)/k for y in (0, 1], its limit −ln y at k = 0.
fn one_minus_power_over(y_ln: f64, k: f64) -> f64 {
    if k.abs() < 1e-10 {
        -y_ln
    } else {
        -libm::expm1(k * y_ln) / k
    }
}

impl ParetoNbd {
    /// From [r, α, s, β].
    pub fn from_slice(p: &[f64]) -> ParetoNbd {
        ParetoNbd {
            r: p[0],
            alpha: p[1],
            s: p[2],
            beta: p[3],
        }
    }

    /// ln A₀ (eqs. 19–20 of the note); −∞ when t_x = T.
    fn ln_a0(&self, x: f64, t_x: f64, t: f64) -> Option<f64> {
        let ParetoNbd { r, alpha, s, beta } = *self;
        let (low, high, b) = if alpha < beta {
            (alpha, beta, r + x)
        } else {
            (beta, alpha, s + 1.0)
        };
        let rsx = r + s + x;
        let gap = high - low;
        let p1 = ln_hyp2f1_a_plus_one(rsx, b, gap / (high + t_x))?;
        let p2 = ln_hyp2f1_a_plus_one(rsx, b, gap / (high + t))?;
        let u = p1 - rsx * libm::log(high + t_x);
        let w = p2 - rsx * libm::log(high + t);
        Some(if w >= u {
            f64::NEG_INFINITY
        } else {
            u + libm::log(-libm::expm1(w - u))
        })
    }

    /// The log-likelihood of one customer.
    pub fn log_likelihood(&self, x: f64, t_x: f64, t: f64) -> Option<f64> {
        let ParetoNbd { r, alpha, s, beta } = *self;
        let a1 = ln_gamma(r + x) - ln_gamma(r) + r * libm::log(alpha) + s * libm::log(beta);
        let first = -(r + x) * libm::log(alpha + t) - s * libm::log(beta + t);
        let second = libm::log(s) + self.ln_a0(x, t_x, t)? - libm::log(r + s + x);
        let high = first.max(second);
        let a2 = high + libm::log1p(libm::exp(first.min(second) - high));
        let ll = a1 + a2;
        ll.is_finite().then_some(ll)
    }

    /// P(alive at T | x, t_x, T) (lifetimes' `conditional_probability_alive`).
    pub fn p_alive(&self, x: f64, t_x: f64, t: f64) -> Option<f64> {
        let ParetoNbd { r, alpha, s, beta } = *self;
        let e = libm::log(s) - libm::log(r + s + x)
            + (r + x) * libm::log(alpha + t)
            + s * libm::log(beta + t)
            + self.ln_a0(x, t_x, t)?;
        Some(super::special::logistic(-e))
    }

    /// E[purchases in (T, T+h] | x, t_x, T] (eq. 41 of the note, lifetimes' form).
    pub fn expected_purchases(&self, h: f64, x: f64, t_x: f64, t: f64) -> Option<f64> {
        if h <= 0.0 {
            return Some(0.0);
        }
        let ParetoNbd { r, alpha, s, beta } = *self;
        let ll = self.log_likelihood(x, t_x, t)?;
        let first = ln_gamma(r + x) - ln_gamma(r) + r * libm::log(alpha) + s * libm::log(beta)
            - (r + x) * libm::log(alpha + t)
            - s * libm::log(beta + t);
        let second = libm::log(r + x) + libm::log(beta + t) - libm::log(alpha + t);
        let third = libm::log(one_minus_power_over(
            libm::log(beta + t) - libm::log(beta + t + h),
            s - 1.0,
        ));
        let value = libm::exp(first + second + third - ll);
        (value.is_finite() && value >= 0.0).then_some(value)
    }

    /// E[X(t)] for a customer just acquired: (rβ/α)·(1 − (β/(β+t))^(s−1))/(s−1).
    pub fn expected_from_start(&self, t: f64) -> Option<f64> {
        let ParetoNbd { r, alpha, s, beta } = *self;
        let v =
            r * beta / alpha * one_minus_power_over(libm::log(beta) - libm::log(beta + t), s - 1.0);
        v.is_finite().then_some(v)
    }
}

/// The mean negative log-likelihood over merged rows, for the optimiser.
pub struct Likelihood<'a> {
    /// The customers.
    pub rows: &'a Rows,
}

impl ParetoNbd {
    /// ln L of one customer and its gradient in (r, α, s, β), analytically: the hypergeometric
    /// terms' derivatives come from `hyp2f1_one_with_derivatives`, the rest by the chain rule
    /// through ρ = r+s+x, the series' b, the larger of α and β, and their gap.
    pub fn log_likelihood_gradient(&self, x: f64, t_x: f64, t: f64) -> Option<(f64, [f64; 4])> {
        let ParetoNbd { r, alpha, s, beta } = *self;
        let alpha_low = alpha < beta;
        let (high, b) = if alpha_low {
            (beta, r + x)
        } else {
            (alpha, s + 1.0)
        };
        let gap = (alpha - beta).abs();
        let rho = r + s + x;
        // (∂/∂r, ∂/∂α, ∂/∂s, ∂/∂β) of ρ, b, the larger, the gap
        let d_rho = [1.0, 0.0, 1.0, 0.0];
        let d_b = if alpha_low {
            [1.0, 0.0, 0.0, 0.0]
        } else {
            [0.0, 0.0, 1.0, 0.0]
        };
        let d_high = if alpha_low {
            [0.0, 0.0, 0.0, 1.0]
        } else {
            [0.0, 1.0, 0.0, 0.0]
        };
        let d_gap = if alpha_low {
            [0.0, -1.0, 0.0, 1.0]
        } else {
            [0.0, 1.0, 0.0, -1.0]
        };
        // L = ln ₂F₁(ρ, b; ρ+1; z) − ρ ln(high + τ) at τ = t_x and τ = T, with its gradient
        let part = |tau: f64| -> Option<(f64, [f64; 4])> {
            let z = gap / (high + tau);
            let [series, s_b, s_c, s_z] =
                super::special::hyp2f1_one_with_derivatives(rho + 1.0 - b, rho + 1.0, z)?;
            let ln_one_minus = libm::log1p(-z);
            let value = (1.0 - b) * ln_one_minus + libm::log(series) - rho * libm::log(high + tau);
            let (d_lnb, d_lnc, d_lnz) = (s_b / series, s_c / series, s_z / series);
            // ∂L/∂b, ∂L/∂ρ, ∂L/∂z, then z's own partials in high and the gap
            let l_b = -ln_one_minus - d_lnb;
            let l_rho = d_lnb + d_lnc - libm::log(high + tau);
            let l_z = -(1.0 - b) / (1.0 - z) + d_lnz;
            let (z_high, z_gap) = (-gap / ((high + tau) * (high + tau)), 1.0 / (high + tau));
            let l_high = l_z * z_high - rho / (high + tau);
            let l_gap = l_z * z_gap;
            let mut g = [0.0; 4];
            for i in 0..4 {
                g[i] = l_b * d_b[i] + l_rho * d_rho[i] + l_high * d_high[i] + l_gap * d_gap[i];
            }
            Some((value, g))
        };
        let (u, du) = part(t_x)?;
        let (w, dw) = part(t)?;
        let a1 = ln_gamma(r + x) - ln_gamma(r) + r * libm::log(alpha) + s * libm::log(beta);
        let d_a1 = [
            super::special::digamma(r + x) - super::special::digamma(r) + libm::log(alpha),
            r / alpha,
            libm::log(beta),
            s / beta,
        ];
        let first = -(r + x) * libm::log(alpha + t) - s * libm::log(beta + t);
        let d_first = [
            -libm::log(alpha + t),
            -(r + x) / (alpha + t),
            -libm::log(beta + t),
            -s / (beta + t),
        ];
        // the A₀ term: ln s + ln A₀ − ln ρ with ln A₀ = u + ln(1 − e^(w−u))
        let (second, d_second) = if w >= u {
            (f64::NEG_INFINITY, [0.0; 4])
        } else {
            let q = libm::exp(w - u);
            let ln_a0 = u + libm::log(-libm::expm1(w - u));
            let mut d = [0.0; 4];
            for i in 0..4 {
                d[i] = (du[i] - q * dw[i]) / (1.0 - q) - d_rho[i] / rho;
            }
            d[2] += 1.0 / s;
            (libm::log(s) + ln_a0 - libm::log(rho), d)
        };
        let high_term = first.max(second);
        let a2 = high_term + libm::log1p(libm::exp(first.min(second) - high_term));
        let (w_first, w_second) = (libm::exp(first - a2), libm::exp(second - a2));
        let mut g = [0.0; 4];
        for i in 0..4 {
            g[i] = d_a1[i] + w_first * d_first[i] + w_second * d_second[i];
        }
        let ll = a1 + a2;
        (ll.is_finite() && g.iter().all(|v| v.is_finite())).then_some((ll, g))
    }
}

impl Objective for Likelihood<'_> {
    const DIM: usize = 4;

    /// Dropout so rare that under 1 % of the customers would drop out over the longest
    /// history: the fit is heading for the NBD without dropout, where β/α grows without bound
    /// and the hypergeometric series need tens of thousands of terms a customer.
    fn at_edge(&self, p: &[f64]) -> bool {
        let longest = self.rows.times.last().copied().unwrap_or(0.0);
        p[2] / p[3] * longest < 1e-2
    }

    fn value_gradient(&self, theta: &[f64], g: &mut [f64]) -> f64 {
        let p: Vec<f64> = theta.iter().map(|t| libm::exp(*t)).collect();
        let model = ParetoNbd::from_slice(&p);
        let rows = self.rows;
        let mut f = 0.0;
        let mut total = [0.0; 4];
        for row in &rows.rows {
            let x = rows.xs[row.x as usize];
            let (t_x, t) = (
                rows.times[row.recency as usize],
                rows.times[row.age as usize],
            );
            let Some((ll, d)) = model.log_likelihood_gradient(x, t_x, t) else {
                return f64::INFINITY;
            };
            f += row.weight * ll;
            for i in 0..4 {
                total[i] += row.weight * d[i];
            }
        }
        let n = rows.weight;
        for i in 0..4 {
            g[i] = -total[i] * p[i] / n;
        }
        -f / n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_customer_without_repeats_has_the_closed_form_likelihood() {
        // x = 0, t_x = 0: L = (α/(α+T))^r (β/(β+T))^s + the A₀ part; check against a
        // direct numerical integral over the lifetime: ∫ μ e^{-μτ} P(no buy before τ) dτ …
        // here simply: the value is a probability below 1 and decreases with T
        let m = ParetoNbd {
            r: 0.55,
            alpha: 10.58,
            s: 0.61,
            beta: 11.67,
        };
        let a = m.log_likelihood(0.0, 0.0, 10.0).unwrap();
        let b = m.log_likelihood(0.0, 0.0, 30.0).unwrap();
        assert!(a < 0.0 && b < a, "{a} {b}");
    }

    #[test]
    fn the_gradient_is_the_derivative_of_the_likelihood() {
        for m in [
            ParetoNbd {
                r: 0.55,
                alpha: 10.58,
                s: 0.61,
                beta: 11.67,
            },
            ParetoNbd {
                r: 0.7,
                alpha: 30.0,
                s: 1.3,
                beta: 9.0,
            },
        ] {
            for (x, t_x, t) in [
                (0.0, 0.0, 38.0),
                (2.0, 30.4, 38.9),
                (12.0, 5.0, 70.0),
                (1.0, 20.0, 20.0),
            ] {
                let (ll, g) = m.log_likelihood_gradient(x, t_x, t).unwrap();
                assert!((ll - m.log_likelihood(x, t_x, t).unwrap()).abs() < 1e-10 * ll.abs());
                let p = [m.r, m.alpha, m.s, m.beta];
                for i in 0..4 {
                    let h = 1e-6 * p[i];
                    let (mut up, mut down) = (p, p);
                    up[i] += h;
                    down[i] -= h;
                    let f =
                        |q: [f64; 4]| ParetoNbd::from_slice(&q).log_likelihood(x, t_x, t).unwrap();
                    let numeric = (f(up) - f(down)) / (2.0 * h);
                    assert!(
                        (g[i] - numeric).abs() < 1e-5 * (1.0 + numeric.abs()),
                        "{x} {t_x} {t} #{i}: {} vs {numeric}",
                        g[i]
                    );
                }
            }
        }
    }

    #[test]
    fn the_expected_purchases_of_a_new_customer_agree_both_ways() {
        let m = ParetoNbd {
            r: 0.55,
            alpha: 10.58,
            s: 0.61,
            beta: 11.67,
        };
        let from_start = m.expected_from_start(39.0).unwrap();
        let conditional = m.expected_purchases(39.0, 0.0, 0.0, 0.0).unwrap();
        assert!(
            (from_start - conditional).abs() < 1e-9 * from_start,
            "{from_start} {conditional}"
        );
    }
}
