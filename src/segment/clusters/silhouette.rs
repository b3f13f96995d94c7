//! The silhouette score (Rousseeuw 1987) as scikit-learn's `silhouette_score` computes it:
//! for each point, a = mean distance to the other points of its cluster, b = the lowest mean
//! distance to the points of another cluster, s = (b − a) / max(a, b), and s = 0 for a point
//! alone in its cluster; the score is the mean of s. Quadratic in the points, so the page
//! scores a fixed-seed sample.

use super::matrix::{sq_dist, Matrix};

/// The mean silhouette of `x` labelled `labels` (`k` clusters, labels below `k`); `None`
/// with fewer than two clusters present.
pub fn silhouette(x: &Matrix, labels: &[u32], k: usize) -> Option<f64> {
    let n = x.rows();
    let mut sizes = vec![0usize; k];
    for &l in labels {
        sizes[l as usize] += 1;
    }
    if sizes.iter().filter(|s| **s > 0).count() < 2 {
        return None;
    }
    let mut sums = vec![0.0f64; k];
    let mut total = 0.0;
    for i in 0..n {
        sums.fill(0.0);
        let p = x.row(i);
        for j in 0..n {
            sums[labels[j] as usize] += sq_dist(p, x.row(j)).sqrt();
        }
        let own = labels[i] as usize;
        if sizes[own] <= 1 {
            continue; // s = 0
        }
        let a = sums[own] / (sizes[own] - 1) as f64;
        let b = (0..k)
            .filter(|c| *c != own && sizes[*c] > 0)
            .map(|c| sums[c] / sizes[c] as f64)
            .fold(f64::INFINITY, f64::min);
        let s = (b - a) / a.max(b);
        if s.is_finite() {
            total += s;
        }
    }
    Some(total / n as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Worked by hand: points 0, 1 (cluster 0) and 4 (cluster 1) on a line.
    #[test]
    fn a_worked_example() {
        let x = Matrix::new(vec![0.0, 1.0, 4.0], 1);
        // point 0: a = 1, b = 4 → 0.75; point 1: a = 1, b = 3 → 2/3; point 4: alone → 0
        let s = silhouette(&x, &[0, 0, 1], 2).unwrap();
        assert!((s - (0.75 + 2.0 / 3.0) / 3.0).abs() < 1e-15, "{s}");
        assert_eq!(silhouette(&x, &[0, 0, 0], 2), None);
    }
}
