//! DBSCAN (Ester et al. 1996) as scikit-learn runs it: a point's neighbourhood is every
//! point within `eps` (itself included), a point with at least `min_samples` neighbours is a
//! core point, clusters grow from core points in row order and a border point joins the
//! first cluster that reaches it; the rest is noise. Neighbours are found through a grid of
//! cells `eps` wide, so each point looks at its own and the adjacent cells only.

use super::matrix::{sq_dist, Matrix};
use foldhash::HashMap;

/// What DBSCAN found.
#[derive(Debug, Clone, PartialEq)]
pub struct Dbscan {
    /// The cluster of each row (0-based), `None` for noise.
    pub labels: Vec<Option<u32>>,
    /// Whether each row is a core point.
    pub core: Vec<bool>,
    /// Clusters found.
    pub clusters: usize,
}

/// Cells of `eps` over the rows of a matrix: the rows of each cell.
struct Grid {
    eps: f64,
    cells: HashMap<Vec<i64>, Vec<u32>>,
    /// Rows in all; with many features the 3^d adjacent cells outnumber the rows, and every
    /// row is looked at instead.
    rows: usize,
    brute: bool,
}

/// Above this many features the grid is not used (3^7 = 2,187 cells a query).
const GRID_MAX_DIMS: usize = 6;

impl Grid {
    fn new(x: &Matrix, eps: f64) -> Grid {
        let brute = x.dims > GRID_MAX_DIMS;
        let mut cells: HashMap<Vec<i64>, Vec<u32>> = HashMap::default();
        if !brute {
            for i in 0..x.rows() {
                cells.entry(cell(x.row(i), eps)).or_default().push(i as u32);
            }
        }
        Grid {
            eps,
            cells,
            rows: x.rows(),
            brute,
        }
    }

    /// Calls `found` with every row of `x` within `eps` of `p` until it says stop.
    fn visit(&self, x: &Matrix, p: &[f64], mut found: impl FnMut(u32) -> bool) {
        let eps2 = self.eps * self.eps;
        if self.brute {
            for r in 0..self.rows as u32 {
                if sq_dist(p, x.row(r as usize)) <= eps2 && !found(r) {
                    return;
                }
            }
            return;
        }
        let home = cell(p, self.eps);
        let d = home.len();
        let mut offset = vec![-1i64; d];
        let mut key = home.clone();
        loop {
            for j in 0..d {
                key[j] = home[j] + offset[j];
            }
            if let Some(rows) = self.cells.get(&key) {
                for &r in rows {
                    if sq_dist(p, x.row(r as usize)) <= eps2 && !found(r) {
                        return;
                    }
                }
            }
            // the next offset in {-1, 0, 1}^d
            let mut j = 0;
            while j < d && offset[j] == 1 {
                offset[j] = -1;
                j += 1;
            }
            if j == d {
                break;
            }
            offset[j] += 1;
        }
    }
}

fn cell(p: &[f64], eps: f64) -> Vec<i64> {
    p.iter().map(|v| (v / eps).floor() as i64).collect()
}

/// DBSCAN of `x` with radius `eps` and `min_samples` (the point itself counted). Neighbour
/// lists are not kept (a dense sample would hold millions of pairs): the core points are
/// counted first, stopping at `min_samples`, and a core point's neighbours are found again
/// when its cluster reaches it.
pub fn dbscan(x: &Matrix, eps: f64, min_samples: usize) -> Dbscan {
    let n = x.rows();
    let grid = Grid::new(x, eps);
    let core: Vec<bool> = (0..n)
        .map(|i| {
            let mut count = 0;
            grid.visit(x, x.row(i), |_| {
                count += 1;
                count < min_samples
            });
            count >= min_samples
        })
        .collect();
    let mut labels: Vec<Option<u32>> = vec![None; n];
    let mut clusters = 0u32;
    let mut stack = Vec::new();
    for start in 0..n {
        if labels[start].is_some() || !core[start] {
            continue;
        }
        stack.push(start);
        while let Some(i) = stack.pop() {
            if labels[i].is_some() {
                continue;
            }
            labels[i] = Some(clusters);
            if core[i] {
                grid.visit(x, x.row(i), |j| {
                    if labels[j as usize].is_none() {
                        stack.push(j as usize);
                    }
                    true
                });
            }
        }
        clusters += 1;
    }
    Dbscan {
        labels,
        core,
        clusters: clusters as usize,
    }
}

/// Labels rows outside the fitted sample: the cluster of the nearest core point within
/// `eps`, or noise.
pub struct Assigner {
    cores: Matrix,
    labels: Vec<Option<u32>>,
    grid: Grid,
}

impl Assigner {
    /// The assigner of `fit`, fitted on `x` with `eps`.
    pub fn new(fit: &Dbscan, x: &Matrix, eps: f64) -> Assigner {
        let ids: Vec<usize> = (0..x.rows()).filter(|&i| fit.core[i]).collect();
        let cores = x.pick(&ids);
        let grid = Grid::new(&cores, eps);
        let labels = ids.iter().map(|&i| fit.labels[i]).collect();
        Assigner {
            cores,
            labels,
            grid,
        }
    }

    /// The cluster of `p`, `None` for noise.
    pub fn label(&self, p: &[f64]) -> Option<u32> {
        let mut best: Option<(f64, u32)> = None;
        self.grid.visit(&self.cores, p, |c| {
            let dist = sq_dist(p, self.cores.row(c as usize));
            if best.is_none_or(|(b, bc)| dist < b || (dist == b && c < bc)) {
                best = Some((dist, c));
            }
            true
        });
        best.and_then(|(_, c)| self.labels[c as usize])
    }
}

/// For each row of `probe`, the distance to its `k`-th nearest row of `x` (the row itself
/// first when it is in `x`), sorted from far to near: the k-distance plot whose knee
/// suggests `eps`.
pub fn k_distances(probe: &Matrix, x: &Matrix, k: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(probe.rows());
    let mut nearest: Vec<f64> = Vec::with_capacity(k + 1);
    for i in 0..probe.rows() {
        nearest.clear();
        let p = probe.row(i);
        for j in 0..x.rows() {
            let dist = sq_dist(p, x.row(j));
            if nearest.len() < k {
                let at = nearest.partition_point(|v| *v <= dist);
                nearest.insert(at, dist);
            } else if dist < nearest[k - 1] {
                nearest.pop();
                let at = nearest.partition_point(|v| *v <= dist);
                nearest.insert(at, dist);
            }
        }
        out.push(nearest.last().copied().unwrap_or(0.0).sqrt());
    }
    out.sort_by(|a, b| b.total_cmp(a));
    out
}

/// The knee of a falling curve: the point farthest from the chord between its ends (the
/// "kneedle" idea); the suggested `eps` of a k-distance plot.
pub fn knee(curve: &[f64]) -> Option<f64> {
    let n = curve.len();
    if n < 3 {
        return curve.first().copied();
    }
    let (x0, y0, x1, y1) = (0.0, curve[0], (n - 1) as f64, curve[n - 1]);
    let (dx, dy) = (x1 - x0, y1 - y0);
    let norm = (dx * dx + dy * dy).sqrt();
    (0..n)
        .map(|i| {
            (
                (dy * i as f64 - dx * (curve[i] - y0)).abs() / norm,
                curve[i],
            )
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two dense runs of points and one stray point.
    #[test]
    fn two_runs_and_a_stray_point() {
        let mut data = Vec::new();
        for i in 0..5 {
            data.extend([i as f64 * 0.1, 0.0]);
        }
        for i in 0..5 {
            data.extend([5.0 + i as f64 * 0.1, 0.0]);
        }
        data.extend([20.0, 20.0]);
        let x = Matrix::new(data, 2);
        let fit = dbscan(&x, 0.25, 3);
        assert_eq!(fit.clusters, 2);
        assert_eq!(fit.labels[0], Some(0));
        assert_eq!(fit.labels[9], Some(1));
        assert_eq!(fit.labels[10], None);
        let assign = Assigner::new(&fit, &x, 0.25);
        assert_eq!(assign.label(&[5.05, 0.1]), Some(1));
        assert_eq!(assign.label(&[10.0, 0.0]), None);
    }
}
