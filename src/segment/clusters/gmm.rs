//! A Gaussian mixture with full covariances, fitted by expectation–maximisation as
//! scikit-learn's `GaussianMixture` does: `reg_covar` added to each covariance's diagonal,
//! `10·ε` added to each component's weight sum, stopped when the mean log-likelihood gains
//! less than `tol`. It starts from hard labels (the k-means clusters): their weights, means
//! and covariances — scikit-learn's `weights_init`, `means_init` and `precisions_init`.
//!
//! Written here rather than taken from linfa, whose mixture cannot be started from given
//! labels or means; the features are a handful, so a d × d Cholesky factor is a few lines.
//! Logarithms and exponentials are `libm`'s, so the tab and the CLI compute the same bits.

use super::matrix::Matrix;

/// scikit-learn's defaults.
pub const REG_COVAR: f64 = 1e-6;
/// The gain in mean log-likelihood below which EM stops (scikit-learn's `tol`).
pub const TOL: f64 = 1e-3;
/// The most features a mixture takes (the per-point work buffer).
pub const MAX_DIMS: usize = super::kmeans::MAX_DIMS;
/// At most this many EM iterations.
pub const MAX_ITER: u32 = 100;

/// A fitted mixture.
#[derive(Debug, Clone, PartialEq)]
pub struct Gmm {
    /// Components.
    pub k: usize,
    /// Features.
    pub d: usize,
    /// Mixing weights.
    pub weights: Vec<f64>,
    /// `k × d` means.
    pub means: Vec<f64>,
    /// `k × d × d` lower Cholesky factors of the covariances.
    chol: Vec<f64>,
    /// The mean log-likelihood of the data at the last E step.
    pub mean_log_likelihood: f64,
    /// EM iterations run.
    pub iterations: u32,
    /// Whether the gain fell below `tol`.
    pub converged: bool,
}

/// The start of EM from hard `labels` (each below `k`): weights, means and covariances of
/// the labelled groups.
pub fn from_labels(x: &Matrix, labels: &[u32], k: usize) -> Result<Gmm, GmmError> {
    let (n, d) = (x.rows(), x.dims);
    let mut resp = vec![0.0; n * k];
    for (i, &l) in labels.iter().enumerate() {
        resp[i * k + l as usize] = 1.0;
    }
    let mut g = Gmm {
        k,
        d,
        weights: vec![0.0; k],
        means: vec![0.0; k * d],
        chol: vec![0.0; k * d * d],
        mean_log_likelihood: f64::NEG_INFINITY,
        iterations: 0,
        converged: false,
    };
    g.m_step(x, &resp, REG_COVAR)?;
    Ok(g)
}

/// Why a mixture cannot be fitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GmmError {
    /// A covariance is not positive definite even with `reg_covar` (a component collapsed
    /// onto identical points).
    Singular,
}

/// EM from `start` until the mean log-likelihood gains less than `tol`, at most `max_iter`
/// iterations (scikit-learn's loop: E step, M step, compare).
pub fn fit(x: &Matrix, mut g: Gmm, tol: f64, max_iter: u32) -> Result<Gmm, GmmError> {
    let n = x.rows();
    let k = g.k;
    let mut resp = vec![0.0; n * k];
    let mut bound = f64::NEG_INFINITY;
    for it in 1..=max_iter {
        let previous = bound;
        bound = g.e_step(x, &mut resp);
        g.m_step(x, &resp, REG_COVAR)?;
        g.iterations = it;
        if (bound - previous).abs() < tol {
            g.converged = true;
            break;
        }
    }
    g.mean_log_likelihood = g.score(x);
    Ok(g)
}

impl Gmm {
    /// Free parameters: k·d(d+1)/2 covariances, k·d means, k − 1 weights.
    pub fn parameters(&self) -> usize {
        let (k, d) = (self.k, self.d);
        k * d * (d + 1) / 2 + k * d + k - 1
    }

    /// Bayesian information criterion of `x`: −2·log-likelihood + parameters·ln n.
    pub fn bic(&self, x: &Matrix) -> f64 {
        let n = x.rows() as f64;
        -2.0 * self.score(x) * n + self.parameters() as f64 * libm::log(n)
    }

    /// The mean log-likelihood of `x`.
    pub fn score(&self, x: &Matrix) -> f64 {
        let mut logp = vec![0.0; self.k];
        let n = x.rows();
        (0..n)
            .map(|i| {
                self.log_weighted(x.row(i), &mut logp);
                log_sum_exp(&logp)
            })
            .sum::<f64>()
            / n as f64
    }

    /// The most likely component of each row.
    pub fn predict(&self, x: &Matrix) -> Vec<u32> {
        let mut logp = vec![0.0; self.k];
        (0..x.rows())
            .map(|i| {
                self.log_weighted(x.row(i), &mut logp);
                let mut best = 0;
                for c in 1..self.k {
                    if logp[c] > logp[best] {
                        best = c;
                    }
                }
                best as u32
            })
            .collect()
    }

    /// ln(w_c · N(p | μ_c, Σ_c)) for each component c.
    fn log_weighted(&self, p: &[f64], out: &mut [f64]) {
        let d = self.d;
        let ln_2pi = libm::log(2.0 * std::f64::consts::PI);
        let mut z = [0.0f64; MAX_DIMS];
        for c in 0..self.k {
            let l = &self.chol[c * d * d..(c + 1) * d * d];
            let mu = &self.means[c * d..(c + 1) * d];
            // solve L z = p − μ; |z|² is the Mahalanobis distance
            let mut log_det = 0.0;
            let mut maha = 0.0;
            for r in 0..d {
                let mut v = p[r] - mu[r];
                for s in 0..r {
                    v -= l[r * d + s] * z[s];
                }
                v /= l[r * d + r];
                z[r] = v;
                maha += v * v;
                log_det += libm::log(l[r * d + r]);
            }
            out[c] = libm::log(self.weights[c]) - 0.5 * (d as f64 * ln_2pi + maha) - log_det;
        }
    }

    /// Responsibilities into `resp` (n × k); the mean log-likelihood.
    fn e_step(&self, x: &Matrix, resp: &mut [f64]) -> f64 {
        let k = self.k;
        let mut total = 0.0;
        for i in 0..x.rows() {
            let row = &mut resp[i * k..(i + 1) * k];
            self.log_weighted(x.row(i), row);
            let norm = log_sum_exp(row);
            total += norm;
            row.iter_mut().for_each(|r| *r = libm::exp(*r - norm));
        }
        total / x.rows() as f64
    }

    /// Weights, means and covariances (+ `reg` on the diagonal) from responsibilities.
    fn m_step(&mut self, x: &Matrix, resp: &[f64], reg: f64) -> Result<(), GmmError> {
        let (n, d, k) = (x.rows(), self.d, self.k);
        let mut nk = vec![10.0 * f64::EPSILON; k];
        let mut sums = vec![0.0; k * d];
        for i in 0..n {
            let p = x.row(i);
            for c in 0..k {
                let r = resp[i * k + c];
                nk[c] += r;
                for j in 0..d {
                    sums[c * d + j] += r * p[j];
                }
            }
        }
        for c in 0..k {
            for j in 0..d {
                self.means[c * d + j] = sums[c * d + j] / nk[c];
            }
        }
        let mut cov = vec![0.0; k * d * d];
        for i in 0..n {
            let p = x.row(i);
            for c in 0..k {
                let r = resp[i * k + c];
                if r == 0.0 {
                    continue;
                }
                let mu = &self.means[c * d..(c + 1) * d];
                let block = &mut cov[c * d * d..(c + 1) * d * d];
                for a in 0..d {
                    let da = r * (p[a] - mu[a]);
                    for b in 0..=a {
                        block[a * d + b] += da * (p[b] - mu[b]);
                    }
                }
            }
        }
        for c in 0..k {
            let block = &mut cov[c * d * d..(c + 1) * d * d];
            for a in 0..d {
                for b in 0..=a {
                    block[a * d + b] /= nk[c];
                    block[b * d + a] = block[a * d + b];
                }
                block[a * d + a] += reg;
            }
            cholesky(block, d).ok_or(GmmError::Singular)?;
            self.chol[c * d * d..(c + 1) * d * d].copy_from_slice(block);
            self.weights[c] = nk[c] / n as f64;
        }
        Ok(())
    }
}

/// In place: the lower Cholesky factor of the symmetric `a` (upper triangle zeroed), or
/// `None` when it is not positive definite.
fn cholesky(a: &mut [f64], d: usize) -> Option<()> {
    for j in 0..d {
        let mut s = a[j * d + j];
        for t in 0..j {
            s -= a[j * d + t] * a[j * d + t];
        }
        if s <= 0.0 || !s.is_finite() {
            return None;
        }
        let diag = s.sqrt();
        a[j * d + j] = diag;
        for i in j + 1..d {
            let mut v = a[i * d + j];
            for t in 0..j {
                v -= a[i * d + t] * a[j * d + t];
            }
            a[i * d + j] = v / diag;
        }
        for i in 0..j {
            a[i * d + j] = 0.0;
        }
    }
    Some(())
}

fn log_sum_exp(v: &[f64]) -> f64 {
    let max = v.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    if !max.is_finite() {
        return max;
    }
    max + libm::log(v.iter().map(|x| libm::exp(x - max)).sum::<f64>())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One component on a standard normal sample: the likelihood is the Gaussian's.
    #[test]
    fn one_component_is_the_sample_gaussian() {
        let x = Matrix::new(vec![-1.0, 0.0, 1.0, 2.0], 1);
        let g = fit(&x, from_labels(&x, &[0, 0, 0, 0], 1).unwrap(), 1e-9, 10).unwrap();
        let var = 1.25; // population variance of -1, 0, 1, 2 (mean 0.5)
        let expected = [-1.5f64, -0.5, 0.5, 1.5]
            .iter()
            .map(|z| -0.5 * (2.0 * std::f64::consts::PI * var).ln() - z * z / (2.0 * var))
            .sum::<f64>()
            / 4.0;
        assert!(
            (g.mean_log_likelihood - expected).abs() < 1e-6,
            "{}",
            g.mean_log_likelihood
        );
        assert_eq!(g.parameters(), 2);
    }
}
