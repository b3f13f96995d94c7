//! k-means: scikit-learn's greedy k-means++ seeding and Lloyd's iterations, run with
//! Hamerly's bounds so that most points skip most distance computations once the centres
//! settle (the labels and centres are exactly Lloyd's).
//!
//! Written here rather than taken from linfa: the seeding must be scikit-learn's (greedy
//! trials, `2 + ln k` of them) for the inertia to be comparable run for run, the stopping
//! rule must be its `tol` scaled by the features' variance, and the data are a flat
//! row-major `n × d` slice of a few features, which a tight loop walks faster than a
//! general `ndarray` routine. Randomness is a seeded ChaCha8 stream per restart.

pub use super::matrix::rng;
use super::matrix::{sq_dist, Matrix};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// A k-means fit.
#[derive(Debug, Clone, PartialEq)]
pub struct KMeansFit {
    /// `k × d` centres, row-major.
    pub centres: Vec<f64>,
    /// The centre of each point (0-based).
    pub labels: Vec<u32>,
    /// Σ squared distance of each point to its centre.
    pub inertia: f64,
    /// Lloyd iterations of the kept restart.
    pub iterations: u32,
}

/// scikit-learn's defaults: at most 300 iterations, `tol` 1e-4 of the mean feature variance.
pub const MAX_ITER: u32 = 300;
const TOL: f64 = 1e-4;

/// The stopping threshold for `x`: `tol` times the mean of the features' variances
/// (scikit-learn `_tolerance`).
pub fn tolerance(x: &Matrix) -> f64 {
    let (n, d) = (x.rows(), x.dims);
    if n == 0 || d == 0 {
        return 0.0;
    }
    let mut total = 0.0;
    for j in 0..d {
        let mean = (0..n).map(|i| x.row(i)[j]).sum::<f64>() / n as f64;
        total += (0..n)
            .map(|i| (x.row(i)[j] - mean) * (x.row(i)[j] - mean))
            .sum::<f64>()
            / n as f64;
    }
    total / d as f64 * TOL
}

/// The best of `restarts` k-means runs (lowest inertia; the first on a tie).
pub fn kmeans(x: &Matrix, k: usize, restarts: u32, seed: u64) -> KMeansFit {
    let tol = tolerance(x);
    let mut best: Option<KMeansFit> = None;
    for r in 0..restarts.max(1) {
        let fit = kmeans_once(x, k, tol, &mut rng(seed, u64::from(r)));
        if best.as_ref().is_none_or(|b| fit.inertia < b.inertia) {
            best = Some(fit);
        }
    }
    best.expect("at least one restart")
}

/// One seeded k-means run: k-means++ then Lloyd.
pub fn kmeans_once(x: &Matrix, k: usize, tol: f64, rng: &mut ChaCha8Rng) -> KMeansFit {
    let centres = plus_plus(x, k, rng);
    lloyd(x, centres, k, tol)
}

/// Calls `$f::<D>` for the matrix's number of features (1 to `MAX_DIMS`): the hot loops
/// take rows as `[f64; D]`, which the compiler unrolls with no bounds checks.
macro_rules! by_dims {
    ($d:expr, $f:ident($($arg:expr),*)) => {
        match $d {
            1 => $f::<1>($($arg),*),
            2 => $f::<2>($($arg),*),
            3 => $f::<3>($($arg),*),
            4 => $f::<4>($($arg),*),
            5 => $f::<5>($($arg),*),
            6 => $f::<6>($($arg),*),
            7 => $f::<7>($($arg),*),
            8 => $f::<8>($($arg),*),
            d => panic!("k-means takes 1 to {MAX_DIMS} features, not {d}"),
        }
    };
}

/// The most features (the hot loops are written for each count up to it).
pub const MAX_DIMS: usize = 8;

fn rows<const D: usize>(x: &Matrix) -> &[[f64; D]] {
    bytemuck::cast_slice(&x.data)
}

#[inline(always)]
fn dist<const D: usize>(a: &[f64; D], b: &[f64; D]) -> f64 {
    let mut s = 0.0;
    for j in 0..D {
        let t = a[j] - b[j];
        s += t * t;
    }
    s
}

/// Greedy k-means++ (scikit-learn `_kmeans_plusplus`): the first centre a uniform pick, each
/// next one the best of `2 + ⌊ln k⌋` candidates drawn with probability ∝ squared distance.
pub fn plus_plus(x: &Matrix, k: usize, rng: &mut ChaCha8Rng) -> Vec<f64> {
    by_dims!(x.dims, plus_plus_in(rows(x), k, rng))
}

fn plus_plus_in<const D: usize>(x: &[[f64; D]], k: usize, rng: &mut ChaCha8Rng) -> Vec<f64> {
    let n = x.len();
    let mut centres = Vec::with_capacity(k * D);
    // drawn as u32: `usize` is 32 bits in the tab and 64 natively, and rand samples each
    // width differently — the tab and the CLI must pick the same start
    let first = rng.gen_range(0..n as u32) as usize;
    centres.extend_from_slice(&x[first]);
    let mut closest: Vec<f64> = x.iter().map(|p| dist(p, &x[first])).collect();
    let mut potential: f64 = closest.iter().sum();
    let trials = 2 + libm::log(k as f64) as usize;
    let mut cumulative = vec![0.0; n];
    let mut candidate = vec![0.0; n];
    let mut best_dist = vec![0.0; n];
    for _ in 1..k {
        let mut acc = 0.0;
        for (c, d) in cumulative.iter_mut().zip(&closest) {
            acc += d;
            *c = acc;
        }
        let mut best: Option<(f64, usize)> = None;
        for _ in 0..trials {
            let target = rng.gen::<f64>() * potential;
            let id = cumulative.partition_point(|&c| c < target).min(n - 1);
            let centre = x[id];
            let mut pot = 0.0;
            for ((c, p), near) in candidate.iter_mut().zip(x).zip(&closest) {
                let d = dist(p, &centre).min(*near);
                *c = d;
                pot += d;
            }
            if best.is_none_or(|(p, _)| pot < p) {
                best = Some((pot, id));
                std::mem::swap(&mut best_dist, &mut candidate);
            }
        }
        let (pot, id) = best.expect("at least two trials");
        potential = pot;
        std::mem::swap(&mut closest, &mut best_dist);
        centres.extend_from_slice(&x[id]);
    }
    centres
}

/// A point's label and Hamerly's bounds on its distances.
#[derive(Clone, Copy, Default)]
struct Bounds {
    /// Upper bound of the distance to its centre.
    upper: f64,
    /// Lower bound of the distance to any other centre.
    lower: f64,
    label: u32,
}

/// Lloyd's iterations from `centres` until the labels stop changing or the centres move
/// less than `tol` in all (Σ squared shifts), at most `MAX_ITER` (scikit-learn
/// `_kmeans_single_lloyd`). Hamerly's upper and lower bounds let a point keep its label
/// without computing its distances when no other centre can be nearer, and the label sums
/// are kept up to date as points move, so a settled point costs a few comparisons.
pub fn lloyd(x: &Matrix, centres: Vec<f64>, k: usize, tol: f64) -> KMeansFit {
    by_dims!(x.dims, lloyd_in(rows(x), centres, k, tol))
}

fn lloyd_in<const D: usize>(x: &[[f64; D]], flat: Vec<f64>, k: usize, tol: f64) -> KMeansFit {
    let mut centres: Vec<[f64; D]> = bytemuck::cast_slice(&flat).to_vec();
    let mut sums = vec![[0.0; D]; k];
    let mut counts = vec![0usize; k];
    let mut bounds: Vec<Bounds> = x
        .iter()
        .map(|p| {
            let (label, upper, lower) = two_nearest(p, &centres);
            counts[label as usize] += 1;
            for j in 0..D {
                sums[label as usize][j] += p[j];
            }
            Bounds {
                upper,
                lower,
                label,
            }
        })
        .collect();
    let mut half_gap = vec![0.0; k];
    let mut moved = vec![0.0; k];
    let mut check = vec![0u32; x.len()];
    let mut iterations = 0;
    // each pass moves the centres to their labels' means, then labels the points by the
    // moved centres: the labels always belong to the centres, as after scikit-learn's
    // final relabelling
    for _ in 0..MAX_ITER {
        iterations += 1;
        let mut shift_total = 0.0;
        for c in 0..k {
            let mut shift = 0.0;
            if counts[c] > 0 {
                for j in 0..D {
                    let new = sums[c][j] / counts[c] as f64;
                    shift += (new - centres[c][j]) * (new - centres[c][j]);
                    centres[c][j] = new;
                }
            }
            moved[c] = shift.sqrt();
            shift_total += shift;
        }
        // the largest move, and the largest of the others (for the centre that moved most)
        let (mut first, mut second, mut first_at) = (0.0f64, 0.0f64, 0usize);
        for (c, &m) in moved.iter().enumerate() {
            if m > first {
                second = first;
                first = m;
                first_at = c;
            } else if m > second {
                second = m;
            }
        }
        for c in 0..k {
            half_gap[c] = (0..k)
                .filter(|o| *o != c)
                .map(|o| dist(&centres[c], &centres[o]))
                .fold(f64::INFINITY, f64::min)
                .sqrt()
                / 2.0;
        }
        // pass 1, branch-free: move every bound and note the points whose bounds no longer
        // prove their label (written always, kept when the test holds)
        let mut todo = 0;
        for (i, b) in bounds.iter_mut().enumerate() {
            let a = b.label as usize;
            b.upper += moved[a];
            b.lower -= if a == first_at { second } else { first };
            check[todo] = i as u32;
            todo += usize::from(b.upper > half_gap[a].max(b.lower));
        }
        // pass 2: tighten their upper bound, and look at every centre only if still needed
        let mut changed = false;
        for &i in &check[..todo] {
            let (b, p) = (&mut bounds[i as usize], &x[i as usize]);
            let a = b.label as usize;
            b.upper = dist(p, &centres[a]).sqrt();
            if b.upper <= half_gap[a].max(b.lower) {
                continue;
            }
            let (label, upper, lower) = two_nearest(p, &centres);
            b.upper = upper;
            b.lower = lower;
            if label != b.label {
                changed = true;
                b.label = label;
                let l = label as usize;
                counts[a] -= 1;
                counts[l] += 1;
                for j in 0..D {
                    sums[a][j] -= p[j];
                    sums[l][j] += p[j];
                }
            }
        }
        if !changed || shift_total <= tol {
            break;
        }
    }
    let labels: Vec<u32> = bounds.iter().map(|b| b.label).collect();
    let inertia = x
        .iter()
        .zip(&labels)
        .map(|(p, &l)| dist(p, &centres[l as usize]))
        .sum();
    KMeansFit {
        centres: centres.iter().flatten().copied().collect(),
        labels,
        inertia,
        iterations,
    }
}

/// The nearest centre of `p` and the distances to it and to the second nearest (ties: the
/// lower centre number, as an argmin).
#[inline(always)]
fn two_nearest<const D: usize>(p: &[f64; D], centres: &[[f64; D]]) -> (u32, f64, f64) {
    let (mut best, mut first, mut second) = (0u32, f64::INFINITY, f64::INFINITY);
    for (c, centre) in centres.iter().enumerate() {
        let d = dist(p, centre);
        if d < first {
            second = first;
            first = d;
            best = c as u32;
        } else if d < second {
            second = d;
        }
    }
    (best, first.sqrt(), second.sqrt())
}

/// Σ squared distance of each point to its centre.
pub fn inertia(x: &Matrix, centres: &[f64], labels: &[u32]) -> f64 {
    let d = x.dims;
    (0..x.rows())
        .map(|i| {
            let c = labels[i] as usize;
            sq_dist(x.row(i), &centres[c * d..(c + 1) * d])
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two tight groups far apart: any seed finds them.
    #[test]
    fn two_groups_are_found_with_their_means() {
        let x = Matrix::new(vec![0.0, 0.0, 0.0, 1.0, 10.0, 10.0, 10.0, 11.0], 2);
        let fit = kmeans(&x, 2, 3, 7);
        assert_eq!(fit.labels[0], fit.labels[1]);
        assert_eq!(fit.labels[2], fit.labels[3]);
        assert_ne!(fit.labels[0], fit.labels[2]);
        assert!((fit.inertia - 1.0).abs() < 1e-12, "{}", fit.inertia);
    }

    /// Hamerly's bounds change nothing: the labels equal a plain Lloyd's.
    #[test]
    fn bounded_lloyd_equals_plain_lloyd() {
        let mut r = rng(1, 0);
        let data: Vec<f64> = (0..3000).map(|_| r.gen::<f64>()).collect();
        let x = Matrix::new(data, 3);
        let start = plus_plus(&x, 6, &mut rng(2, 0));
        let fit = lloyd(&x, start.clone(), 6, 0.0);
        // plain Lloyd
        let (n, d, k) = (x.rows(), 3, 6);
        let mut centres = start;
        let mut labels = vec![0u32; n];
        for _ in 0..MAX_ITER {
            let new: Vec<u32> = (0..n)
                .map(|i| {
                    (0..k)
                        .map(|c| sq_dist(x.row(i), &centres[c * d..(c + 1) * d]))
                        .enumerate()
                        .min_by(|a, b| a.1.total_cmp(&b.1))
                        .map_or(0, |(c, _)| c as u32)
                })
                .collect();
            if new == labels {
                break;
            }
            labels = new;
            let mut sums = vec![0.0; k * d];
            let mut counts = vec![0usize; k];
            for i in 0..n {
                let c = labels[i] as usize;
                counts[c] += 1;
                for j in 0..d {
                    sums[c * d + j] += x.row(i)[j];
                }
            }
            for c in 0..k {
                for j in 0..d {
                    centres[c * d + j] = sums[c * d + j] / counts[c] as f64;
                }
            }
        }
        assert_eq!(fit.labels, labels);
    }
}
