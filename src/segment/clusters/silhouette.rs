//! The silhouette score (Rousseeuw 1987) as scikit-learn's `silhouette_score` computes it:
//! for each point, a = mean distance to the other points of its cluster, b = the lowest mean
//! distance to the points of another cluster, s = (b − a) / max(a, b), and s = 0 for a point
//! alone in its cluster; the score is the mean of s. Quadratic in the points, so the page
//! scores a fixed-seed sample.

use super::matrix::Matrix;

/// Accumulators a row's sums run in (SIMD lanes; the order of the sums is fixed, so the tab
/// and the CLI agree to the bit).
const LANES: usize = 4;

/// The mean silhouette of `x` labelled `labels` (`k` clusters, labels below `k`); `None`
/// with fewer than two clusters present.
///
/// The rows are taken cluster by cluster, coordinates apart, so a row's distances to one
/// cluster are one straight run of SIMD arithmetic: Σ √(Σⱼ (aⱼ − bⱼ)²) over the run.
pub fn silhouette(x: &Matrix, labels: &[u32], k: usize) -> Option<f64> {
    let (n, d) = (x.rows(), x.dims);
    let mut sizes = vec![0usize; k];
    for &l in labels {
        sizes[l as usize] += 1;
    }
    if sizes.iter().filter(|s| **s > 0).count() < 2 {
        return None;
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| labels[i]);
    let mut starts = vec![0usize; k + 1];
    for c in 0..k {
        starts[c + 1] = starts[c] + sizes[c];
    }
    // coordinate j of the sorted rows at columns[j * n ..]
    let mut columns = vec![0.0; n * d];
    for (at, &i) in order.iter().enumerate() {
        for (j, v) in x.row(i).iter().enumerate() {
            columns[j * n + at] = *v;
        }
    }
    let mut total = 0.0;
    let mut sums = vec![0.0f64; k];
    for &i in &order {
        let own = labels[i] as usize;
        if sizes[own] <= 1 {
            continue; // s = 0
        }
        let p = x.row(i);
        for c in 0..k {
            sums[c] = distance_sum(&columns, n, p, starts[c], starts[c + 1]);
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

/// Σ of the distances from `p` to the sorted rows `from..to` (coordinates `columns`, `n`
/// rows to a coordinate).
#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
fn distance_sum(columns: &[f64], n: usize, p: &[f64], from: usize, to: usize) -> f64 {
    let mut acc = [0.0f64; LANES];
    let mut at = from;
    while at + LANES <= to {
        let mut sq = [0.0f64; LANES];
        for (j, v) in p.iter().enumerate() {
            let column = &columns[j * n + at..j * n + at + LANES];
            for l in 0..LANES {
                let t = column[l] - v;
                sq[l] += t * t;
            }
        }
        for l in 0..LANES {
            acc[l] += sq[l].sqrt();
        }
        at += LANES;
    }
    let mut rest = 0.0;
    for r in at..to {
        let sq: f64 = p
            .iter()
            .enumerate()
            .map(|(j, v)| (columns[j * n + r] - v) * (columns[j * n + r] - v))
            .sum();
        rest += sq.sqrt();
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + rest
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
