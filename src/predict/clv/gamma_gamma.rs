//! The Gamma-Gamma model of order value (Fader, Hardie & Lee 2005, "RFM and CLV"; Hardie's
//! note 025): a customer's transactions have values ~ Gamma(p, ν), ν ~ Gamma(q, γ). Fitted on
//! the repeat buyers' (x, m̄) as lifetimes' `GammaGammaFitter`, whose scale it calls `v`:
//! ln L = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m̄ + px ln x − (px+q) ln(x m̄ + v).
//! The values are divided by their mean before fitting (v scales with them, p and q do not),
//! so enormous amounts cannot push v out of range.

use super::optimize::Objective;
use super::special::{digamma, ln_gamma};

/// Fitted Gamma-Gamma parameters (`v` in currency units).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GammaGamma {
    /// Shape of a transaction's value.
    pub p: f64,
    /// Shape of the customers' ν.
    pub q: f64,
    /// Scale of the customers' ν (lifetimes' `v`).
    pub v: f64,
}

impl GammaGamma {
    /// The population's mean order value, v·p/(q−1) (finite only for q > 1).
    pub fn population_mean(&self) -> f64 {
        self.v * self.p / (self.q - 1.0)
    }

    /// E[order value | x, m̄] (lifetimes' `conditional_expected_average_profit`): the weighted
    /// mean of the population's mean and the customer's own, weight px/(px+q−1).
    pub fn expected_value(&self, x: f64, mean_value: f64) -> f64 {
        let w = self.p * x / (self.p * x + self.q - 1.0);
        (1.0 - w) * self.population_mean() + w * mean_value
    }
}

/// The repeat buyers' (x, m̄), grouped by x, values divided by their mean.
pub struct Likelihood {
    /// Distinct x.
    xs: Vec<f64>,
    /// (index into `xs`, m̄ / scale, ln(m̄ / scale)).
    rows: Vec<(u32, f64, f64)>,
    /// Σ over rows of (p·x − 1)·ln m + p·x·ln x's parts that do not change with the
    /// parameters: x·ln m + x·ln x and ln m.
    fixed: (f64, f64),
    /// The mean value the amounts were divided by.
    pub scale: f64,
}

impl Likelihood {
    /// From the repeat buyers' frequencies and mean values (both > 0).
    pub fn new(pairs: &[(u32, f64)]) -> Likelihood {
        let scale = pairs.iter().map(|p| p.1).sum::<f64>() / pairs.len().max(1) as f64;
        let mut sorted = pairs.to_vec();
        sorted.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut xs: Vec<u32> = sorted.iter().map(|p| p.0).collect();
        xs.dedup();
        let rows = sorted
            .iter()
            .map(|&(x, m)| {
                let m = m / scale;
                (xs.binary_search(&x).unwrap_or(0) as u32, m, libm::log(m))
            })
            .collect::<Vec<_>>();
        let xs: Vec<f64> = xs.iter().map(|x| *x as f64).collect();
        let fixed = rows.iter().fold((0.0, 0.0), |acc, &(xi, _, ln_m)| {
            let x = xs[xi as usize];
            (acc.0 + x * (ln_m + libm::log(x)), acc.1 + ln_m)
        });
        Likelihood {
            xs,
            rows,
            fixed,
            scale,
        }
    }

    /// Customers fitted on.
    pub fn weight(&self) -> f64 {
        self.rows.len() as f64
    }

    /// The parameters in currency units from those fitted on the scaled values.
    pub fn unscale(&self, p: &[f64]) -> GammaGamma {
        GammaGamma {
            p: p[0],
            q: p[1],
            v: p[2] * self.scale,
        }
    }

    /// The mean log-likelihood in currency units (lifetimes' number), from the scaled one:
    /// each customer's density gains −ln(scale) with m̄ in currency units.
    pub fn unscaled_mean_log_likelihood(&self, scaled_mean_negative: f64) -> f64 {
        -scaled_mean_negative - libm::log(self.scale)
    }
}

impl Objective for Likelihood {
    const DIM: usize = 3;

    fn value_gradient(&self, theta: &[f64], g: &mut [f64]) -> f64 {
        let [p, q, v] = [theta[0], theta[1], theta[2]].map(libm::exp);
        let terms: Vec<(f64, f64, f64)> = self
            .xs
            .iter()
            .map(|&x| {
                let (px, pxq) = (p * x, p * x + q);
                (ln_gamma(pxq) - ln_gamma(px), digamma(pxq), digamma(px))
            })
            .collect();
        let (lg_q, psi_q, ln_v) = (ln_gamma(q), digamma(q), libm::log(v));
        let (mut f, mut gp, mut gq, mut gv) = (0.0, 0.0, 0.0, 0.0);
        for &(xi, m, _) in &self.rows {
            let x = self.xs[xi as usize];
            let (lg, psi_pxq, psi_px) = terms[xi as usize];
            let pxq = p * x + q;
            let ln_xmv = libm::log(x * m + v);
            f += lg - lg_q + q * ln_v - pxq * ln_xmv;
            gp += x * (psi_pxq - psi_px - ln_xmv);
            gq += psi_pxq - psi_q + ln_v - ln_xmv;
            gv += q / v - pxq / (x * m + v);
        }
        // the parts linear in p: p·Σ x(ln m + ln x) − Σ ln m
        f += p * self.fixed.0 - self.fixed.1;
        gp += self.fixed.0;
        let n = self.weight();
        g[0] = -gp * p / n;
        g[1] = -gq * q / n;
        g[2] = -gv * v / n;
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

    #[test]
    fn the_gradient_is_the_derivative_of_the_likelihood() {
        let l = Likelihood::new(&[(1, 20.0), (3, 35.5), (3, 12.0), (7, 80.0)]);
        let theta = [2.0f64.ln(), 3.5f64.ln(), 0.7f64.ln()];
        let worst = crate::predict::clv::optimize::gradient_error(&l, &theta);
        assert!(worst < 1e-7, "analytic vs numeric gradient: {worst}");
    }

    #[test]
    fn the_expected_value_moves_from_the_population_towards_the_customer() {
        let gg = GammaGamma {
            p: 6.25,
            q: 3.74,
            v: 15.44,
        };
        let pop = gg.population_mean();
        assert!((gg.expected_value(0.0, 100.0) - pop).abs() < 1e-12);
        let many = gg.expected_value(50.0, 100.0);
        assert!(many > 95.0 && many < 100.0);
    }
}
