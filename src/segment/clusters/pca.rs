//! Principal components of the standardised features, for the 2-D map: the eigenvectors of
//! the covariance matrix by cyclic Jacobi rotations (d is a handful of features, where
//! Jacobi is exact to rounding and needs no linear-algebra crate). Signs follow
//! scikit-learn's `svd_flip`: each component's largest entry in absolute value is positive.

use super::matrix::Matrix;

/// Principal axes, largest variance first.
#[derive(Debug, Clone, PartialEq)]
pub struct Pca {
    /// The feature means.
    pub mean: Vec<f64>,
    /// `d × d`, one component a row.
    pub components: Vec<f64>,
    /// The variance along each component (denominator n − 1).
    pub variance: Vec<f64>,
    /// Each component's share of the total variance.
    pub ratio: Vec<f64>,
}

/// The principal components of `x` (at least two rows).
pub fn pca(x: &Matrix) -> Pca {
    let (n, d) = (x.rows(), x.dims);
    let mut mean = vec![0.0; d];
    for i in 0..n {
        for (m, v) in mean.iter_mut().zip(x.row(i)) {
            *m += v;
        }
    }
    mean.iter_mut().for_each(|m| *m /= n as f64);
    let mut cov = vec![0.0; d * d];
    for i in 0..n {
        let r = x.row(i);
        for a in 0..d {
            let da = r[a] - mean[a];
            for b in a..d {
                cov[a * d + b] += da * (r[b] - mean[b]);
            }
        }
    }
    let denom = (n.max(2) - 1) as f64;
    for a in 0..d {
        for b in a..d {
            cov[a * d + b] /= denom;
            cov[b * d + a] = cov[a * d + b];
        }
    }
    let (values, vectors) = jacobi(cov, d);
    let mut order: Vec<usize> = (0..d).collect();
    order.sort_by(|a, b| values[*b].total_cmp(&values[*a]));
    let total: f64 = values.iter().map(|v| v.max(0.0)).sum();
    let mut components = Vec::with_capacity(d * d);
    for &c in &order {
        let mut v: Vec<f64> = (0..d).map(|r| vectors[r * d + c]).collect();
        let big = v
            .iter()
            .cloned()
            .max_by(|a, b| a.abs().total_cmp(&b.abs()))
            .unwrap_or(0.0);
        if big < 0.0 {
            v.iter_mut().for_each(|x| *x = -*x);
        }
        components.extend(v);
    }
    let variance: Vec<f64> = order.iter().map(|&c| values[c].max(0.0)).collect();
    let ratio = variance
        .iter()
        .map(|v| if total > 0.0 { v / total } else { 0.0 })
        .collect();
    Pca {
        mean,
        components,
        variance,
        ratio,
    }
}

impl Pca {
    /// Row `p` on the first two components.
    pub fn project(&self, p: &[f64]) -> (f64, f64) {
        let d = self.mean.len();
        let on = |c: usize| -> f64 {
            (0..d)
                .map(|j| (p[j] - self.mean[j]) * self.components.get(c * d + j).unwrap_or(&0.0))
                .sum()
        };
        (on(0), if d > 1 { on(1) } else { 0.0 })
    }
}

/// Eigenvalues and eigenvectors (columns of the `d × d` result) of the symmetric `a`.
fn jacobi(mut a: Vec<f64>, d: usize) -> (Vec<f64>, Vec<f64>) {
    let mut v = vec![0.0; d * d];
    for i in 0..d {
        v[i * d + i] = 1.0;
    }
    for _sweep in 0..100 {
        let off: f64 = (0..d)
            .flat_map(|p| (0..d).filter(move |q| *q != p).map(move |q| (p, q)))
            .map(|(p, q)| a[p * d + q] * a[p * d + q])
            .sum();
        if off < 1e-30 {
            break;
        }
        for p in 0..d {
            for q in p + 1..d {
                let apq = a[p * d + q];
                if apq.abs() < 1e-300 {
                    continue;
                }
                let theta = (a[q * d + q] - a[p * d + p]) / (2.0 * apq);
                let sign = if theta >= 0.0 { 1.0 } else { -1.0 };
                let t = sign / (theta.abs() + (theta * theta + 1.0).sqrt());
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for r in 0..d {
                    let (arp, arq) = (a[r * d + p], a[r * d + q]);
                    a[r * d + p] = c * arp - s * arq;
                    a[r * d + q] = s * arp + c * arq;
                }
                for r in 0..d {
                    let (apr, aqr) = (a[p * d + r], a[q * d + r]);
                    a[p * d + r] = c * apr - s * aqr;
                    a[q * d + r] = s * apr + c * aqr;
                }
                for r in 0..d {
                    let (vrp, vrq) = (v[r * d + p], v[r * d + q]);
                    v[r * d + p] = c * vrp - s * vrq;
                    v[r * d + q] = s * vrp + c * vrq;
                }
            }
        }
    }
    ((0..d).map(|i| a[i * d + i]).collect(), v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Points on the line y = 2x carry all their variance on one axis, (1, 2)/√5.
    #[test]
    fn a_line_has_one_component() {
        let x = Matrix::new(vec![0.0, 0.0, 1.0, 2.0, 2.0, 4.0, 3.0, 6.0], 2);
        let p = pca(&x);
        assert!((p.ratio[0] - 1.0).abs() < 1e-12, "{:?}", p.ratio);
        let s5 = 5f64.sqrt();
        assert!((p.components[0] - 1.0 / s5).abs() < 1e-12);
        assert!((p.components[1] - 2.0 / s5).abs() < 1e-12);
    }
}
