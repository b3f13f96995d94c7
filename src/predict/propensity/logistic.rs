//! L2-regularised logistic regression, fitted by Newton's method.
//!
//! The objective is scikit-learn's `LogisticRegression(C=1)` on standardised features:
//! Σᵢ [ln(1 + e^{zᵢ}) − yᵢ zᵢ] + ‖w‖² / (2C), with zᵢ = b + w·xᵢ and the intercept b not
//! penalised. It is strictly convex, so Newton's method (with step halving) reaches the one
//! optimum to machine precision in a few steps — tighter than scikit-learn's lbfgs stops, and
//! the same optimum. Written by hand rather than with linfa-logistic: the exponentials and
//! logarithms are `libm`'s so that the tab and the CLI agree to the last bit (the platform's
//! `exp` differs between wasm32 and x86-64), and a (d+1)² Newton system needs no solver crate.

use super::features::Features;
use crate::predict::clv::optimize::inverse_spd;
use crate::predict::clv::special::{logistic, softplus};

/// scikit-learn's default inverse regularisation strength.
pub const C: f64 = 1.0;
/// Newton steps before giving up (a strictly convex objective converges long before).
const MAX_ITERATIONS: u32 = 100;

/// A fitted logistic regression.
#[derive(Debug, Clone, PartialEq)]
pub struct Logistic {
    /// The training mean of each feature.
    pub mean: Vec<f64>,
    /// The training standard deviation (population, as `StandardScaler`; 1 when constant).
    pub scale: Vec<f64>,
    /// Coefficients on the standardised features.
    pub coefficients: Vec<f64>,
    /// The intercept.
    pub intercept: f64,
    /// Newton steps taken.
    pub iterations: u32,
}

impl Logistic {
    /// The probability of the target for one feature row.
    pub fn predict(&self, row: &[f64]) -> f64 {
        logistic(self.linear(row))
    }

    fn linear(&self, row: &[f64]) -> f64 {
        let mut z = self.intercept;
        for j in 0..row.len() {
            z += self.coefficients[j] * (row[j] - self.mean[j]) / self.scale[j];
        }
        z
    }
}

/// The standardised design: one row per customer, the features centred and scaled.
fn standardise(x: &Features) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let (n, d) = (x.len(), x.width());
    let mut mean = vec![0.0; d];
    for i in 0..n {
        for (m, v) in mean.iter_mut().zip(x.row(i)) {
            *m += v;
        }
    }
    mean.iter_mut().for_each(|m| *m /= n as f64);
    let mut var = vec![0.0; d];
    for i in 0..n {
        for j in 0..d {
            let e = x.row(i)[j] - mean[j];
            var[j] += e * e;
        }
    }
    let scale: Vec<f64> = var
        .iter()
        .map(|v| {
            let s = (v / n as f64).sqrt();
            if s > 0.0 {
                s
            } else {
                1.0
            }
        })
        .collect();
    let mut z = Vec::with_capacity(n * d);
    for i in 0..n {
        z.extend((0..d).map(|j| (x.row(i)[j] - mean[j]) / scale[j]));
    }
    (z, mean, scale)
}

/// The objective at (w, b).
fn objective(z: &[f64], y: &[bool], d: usize, w: &[f64], b: f64) -> f64 {
    let mut f = w.iter().map(|v| v * v).sum::<f64>() / (2.0 * C);
    for (i, &yi) in y.iter().enumerate() {
        let s = b + dot(&z[i * d..(i + 1) * d], w);
        f += softplus(s) - if yi { s } else { 0.0 };
    }
    f
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Fits the model on `x` with labels `y` (true = the target happened).
pub fn fit(x: &Features, y: &[bool]) -> Logistic {
    let (z, mean, scale) = standardise(x);
    let (n, d) = (x.len(), x.width());
    let k = d + 1; // the intercept is the last unknown
    let mut w = vec![0.0; d];
    let mut b = 0.0;
    let mut f = objective(&z, y, d, &w, b);
    let mut iterations = 0;
    while iterations < MAX_ITERATIONS {
        iterations += 1;
        let mut g = vec![0.0; k];
        let mut h = vec![0.0; k * k];
        for i in 0..n {
            let row = &z[i * d..(i + 1) * d];
            let p = logistic(b + dot(row, &w));
            let r = p - if y[i] { 1.0 } else { 0.0 };
            let s = p * (1.0 - p);
            for a in 0..d {
                g[a] += r * row[a];
                let sa = s * row[a];
                for c in 0..=a {
                    h[a * k + c] += sa * row[c];
                }
                h[d * k + a] += sa;
            }
            g[d] += r;
            h[d * k + d] += s;
        }
        for a in 0..d {
            g[a] += w[a] / C;
            h[a * k + a] += 1.0 / C;
        }
        for a in 0..k {
            for c in 0..a {
                h[c * k + a] = h[a * k + c];
            }
        }
        let Some(inv) = inverse_spd(&h) else { break };
        let step: Vec<f64> = (0..k)
            .map(|a| -(0..k).map(|c| inv[a * k + c] * g[c]).sum::<f64>())
            .collect();
        // the Newton decrement: how far the objective still is from its minimum
        let decrement = -dot(&step, &g);
        if !(decrement > 1e-20 * (1.0 + f.abs())) {
            break;
        }
        let mut t = 1.0;
        loop {
            let w2: Vec<f64> = (0..d).map(|a| w[a] + t * step[a]).collect();
            let b2 = b + t * step[d];
            let f2 = objective(&z, y, d, &w2, b2);
            if f2 <= f || t < 1e-10 {
                w = w2;
                b = b2;
                f = f2.min(f);
                break;
            }
            t *= 0.5;
        }
        if decrement < 1e-14 * (1.0 + f.abs()) {
            break;
        }
    }
    Logistic {
        mean,
        scale,
        coefficients: w,
        intercept: b,
        iterations,
    }
}
