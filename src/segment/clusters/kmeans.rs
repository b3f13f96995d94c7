//! k-means: scikit-learn's greedy k-means++ seeding and Lloyd's iterations, exactly (the
//! labels and centres of each pass are those of Lloyd in f64), computed four rows at a time.
//!
//! Written here rather than taken from linfa: the seeding must be scikit-learn's (greedy
//! trials, `2 + ln k` of them) for the inertia to be comparable run for run, the stopping
//! rule must be its `tol` scaled by the features' variance, and the data are a few features
//! of many customers, which the loops below walk as SIMD lanes. Randomness is a seeded
//! ChaCha8 stream per restart.
//!
//! The labelling pass measures distances in f32, four rows to a SIMD register, and keeps a
//! label only when the nearest and the second nearest centre differ by more than f32's
//! rounding can account for ([`Lanes::margin`]); the few rows that close to a border are
//! measured again in f64. So the labels are Lloyd's in f64, tie rule included (the lower
//! centre), at the speed of f32 lanes: three times the old Hamerly-bounded loop in the tab.
//! The sums of each cluster are kept in f64 and moved only for rows that change label.

pub use super::matrix::rng;
use super::matrix::Matrix;
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

/// The most features (the hot loops are written for each count up to it).
pub const MAX_DIMS: usize = 8;

/// Rows a block holds: one f32x4 (and two f64x2) SIMD register per coordinate.
const LANES: usize = 4;

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

/// The rows of a matrix laid out for the loops: blocks of [`LANES`] rows stored coordinate
/// by coordinate (`[[_; LANES]; D]`), once in f64 and once in f32. Built once per
/// clustering and shared by its restarts. The last block repeats its last row.
#[derive(Debug, Clone, Default)]
pub struct Lanes {
    wide: Vec<f64>,
    narrow: Vec<f32>,
    rows: usize,
    dims: usize,
    /// The largest squared norm of a row, the scale of f32's rounding error.
    max_norm: f64,
}

impl Lanes {
    /// `x` in blocks.
    pub fn new(x: &Matrix) -> Lanes {
        let (n, d) = (x.rows(), x.dims);
        assert!(
            (1..=MAX_DIMS).contains(&d) || n == 0,
            "k-means takes 1 to {MAX_DIMS} features, not {d}"
        );
        let blocks = n.div_ceil(LANES);
        let mut wide = vec![0.0; blocks * LANES * d];
        for b in 0..blocks {
            for l in 0..LANES {
                let row = x.row((b * LANES + l).min(n - 1));
                for j in 0..d {
                    wide[(b * d + j) * LANES + l] = row[j];
                }
            }
        }
        let max_norm = (0..n)
            .map(|i| x.row(i).iter().map(|v| v * v).sum::<f64>())
            .fold(0.0, f64::max);
        Lanes {
            narrow: wide.iter().map(|&v| v as f32).collect(),
            wide,
            rows: n,
            dims: d,
            max_norm,
        }
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.rows
    }

    fn wide<const D: usize>(&self) -> &[[[f64; LANES]; D]] {
        bytemuck::cast_slice(&self.wide)
    }

    fn narrow<const D: usize>(&self) -> &[[[f32; LANES]; D]] {
        bytemuck::cast_slice(&self.narrow)
    }

    /// How far apart two f32 squared distances must be for their order to be the f64 one.
    ///
    /// Rounding a and b to f32 and forming Σ (a − b)² in f32 errs by at most
    /// (D + 4)·u·Σ (|aⱼ| + |bⱼ|)² ≤ 2 (D + 4)·u·(‖a‖² + ‖b‖²), u = 2⁻²⁴ — below
    /// 2⁻¹⁹ (‖a‖² + ‖b‖²) for D ≤ 8. Two distances, each that far off, and a factor 4 kept
    /// in hand (f64's own rounding is a million times smaller): 2⁻¹⁶ (‖a‖² + ‖b‖²).
    fn margin<const D: usize>(&self, centres: &[[f64; D]]) -> f32 {
        let max_centre = centres
            .iter()
            .map(|c| c.iter().map(|v| v * v).sum::<f64>())
            .fold(0.0, f64::max);
        ((self.max_norm + max_centre) / 65_536.0) as f32
    }
}

/// The best of `restarts` k-means runs (lowest inertia; the first on a tie).
pub fn kmeans(x: &Matrix, k: usize, restarts: u32, seed: u64) -> KMeansFit {
    let tol = tolerance(x);
    let lanes = Lanes::new(x);
    let mut best = kmeans_once(&lanes, k, tol, &mut rng(seed, 0));
    for r in 1..restarts {
        let fit = kmeans_once(&lanes, k, tol, &mut rng(seed, u64::from(r)));
        if fit.inertia < best.inertia {
            best = fit;
        }
    }
    best
}

/// One seeded k-means run: k-means++ then Lloyd.
pub fn kmeans_once(x: &Lanes, k: usize, tol: f64, rng: &mut ChaCha8Rng) -> KMeansFit {
    let centres = plus_plus(x, k, rng);
    lloyd(x, centres, k, tol)
}

/// Calls `$f::<D>` for the rows' number of features (1 to `MAX_DIMS`): the hot loops take
/// blocks as `[[_; LANES]; D]`, which the compiler unrolls into SIMD with no bounds checks.
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

/// Squared distances of a block's rows to `c`, lane by lane.
#[inline(always)]
fn block_dist<T, const D: usize>(b: &[[T; LANES]; D], c: &[T; D]) -> [T; LANES]
where
    T: Copy + Default + std::ops::Sub<Output = T> + std::ops::Mul<Output = T> + std::ops::AddAssign,
{
    let mut d = [T::default(); LANES];
    for j in 0..D {
        for l in 0..LANES {
            let t = b[j][l] - c[j];
            d[l] += t * t;
        }
    }
    d
}

/// Row `l` of a block.
#[inline(always)]
fn lane<const D: usize>(b: &[[f64; LANES]; D], l: usize) -> [f64; D] {
    std::array::from_fn(|j| b[j][l])
}

/// Greedy k-means++ (scikit-learn `_kmeans_plusplus`): the first centre a uniform pick, each
/// next one the best of `2 + ⌊ln k⌋` candidates drawn with probability ∝ squared distance.
pub fn plus_plus(x: &Lanes, k: usize, rng: &mut ChaCha8Rng) -> Vec<f64> {
    by_dims!(x.dims, plus_plus_in(x, k, rng))
}

#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
fn plus_plus_in<const D: usize>(x: &Lanes, k: usize, rng: &mut ChaCha8Rng) -> Vec<f64> {
    let (n, blocks) = (x.rows, x.wide::<D>());
    let row = |i: usize| lane(&blocks[i / LANES], i % LANES);
    let mut centres = Vec::with_capacity(k * D);
    // drawn as u32: `usize` is 32 bits in the tab and 64 natively, and rand samples each
    // width differently — the tab and the CLI must pick the same start
    let first = row(rng.gen_range(0..n as u32) as usize);
    centres.extend_from_slice(&first);
    let mut closest: Vec<[f64; LANES]> = blocks.iter().map(|b| block_dist(b, &first)).collect();
    // the last block's repeated rows weigh nothing
    let last = closest.len() - 1;
    closest[last][n - last * LANES..].fill(0.0);
    let trials = 2 + libm::log(k as f64) as usize;
    // the running sum of the blocks' weights (four lanes summed pairwise)
    let mut cumulative = vec![0.0; blocks.len()];
    let mut candidate = vec![[0.0; LANES]; blocks.len()];
    let mut best_dist = vec![[0.0; LANES]; blocks.len()];
    for _ in 1..k {
        let mut acc = 0.0;
        for (c, d) in cumulative.iter_mut().zip(&closest) {
            acc += (d[0] + d[1]) + (d[2] + d[3]);
            *c = acc;
        }
        let potential = acc;
        // the candidate with the lowest potential (the first on a tie), its distances kept
        let mut best = (f64::INFINITY, 0);
        for trial in 0..trials {
            let id = pick(&cumulative, &closest, rng.gen::<f64>() * potential).min(n - 1);
            let centre = row(id);
            let mut pot = [0.0; LANES];
            for ((c, b), near) in candidate.iter_mut().zip(blocks).zip(&closest) {
                let d = block_dist(b, &centre);
                for l in 0..LANES {
                    c[l] = if d[l] < near[l] { d[l] } else { near[l] };
                    pot[l] += c[l];
                }
            }
            let pot = (pot[0] + pot[1]) + (pot[2] + pot[3]);
            if trial == 0 || pot < best.0 {
                best = (pot, id);
                std::mem::swap(&mut best_dist, &mut candidate);
            }
        }
        let id = best.1;
        std::mem::swap(&mut closest, &mut best_dist);
        centres.extend_from_slice(&row(id));
    }
    centres
}

/// The row where the running sum of the weights first reaches `target` (numpy's
/// `searchsorted` on the cumulative sum): the block by its running sum, then the lane.
fn pick(cumulative: &[f64], weights: &[[f64; LANES]], target: f64) -> usize {
    let b = cumulative
        .partition_point(|&c| c < target)
        .min(cumulative.len() - 1);
    let mut acc = if b == 0 { 0.0 } else { cumulative[b - 1] };
    for l in 0..LANES - 1 {
        acc += weights[b][l];
        if acc >= target {
            return b * LANES + l;
        }
    }
    b * LANES + LANES - 1
}

/// Lloyd's iterations from `centres` until the labels stop changing or the centres move
/// less than `tol` in all (Σ squared shifts), at most `MAX_ITER` (scikit-learn
/// `_kmeans_single_lloyd`). Each pass moves the centres to their labels' means, then labels
/// the rows by the moved centres: the labels always belong to the centres, as after
/// scikit-learn's final relabelling.
pub fn lloyd(x: &Lanes, centres: Vec<f64>, k: usize, tol: f64) -> KMeansFit {
    by_dims!(x.dims, lloyd_in(x, centres, k, tol))
}

/// The clusters' running sums and sizes, in f64.
struct Sums<const D: usize> {
    sums: Vec<[f64; D]>,
    counts: Vec<usize>,
}

impl<const D: usize> Sums<D> {
    fn moved(&mut self, p: &[f64; D], from: u32, to: u32) {
        if from != UNLABELLED {
            self.counts[from as usize] -= 1;
            for j in 0..D {
                self.sums[from as usize][j] -= p[j];
            }
        }
        self.counts[to as usize] += 1;
        for j in 0..D {
            self.sums[to as usize][j] += p[j];
        }
    }
}

const UNLABELLED: u32 = u32::MAX;

fn lloyd_in<const D: usize>(x: &Lanes, flat: Vec<f64>, k: usize, tol: f64) -> KMeansFit {
    let mut centres: Vec<[f64; D]> = bytemuck::cast_slice(&flat).to_vec();
    let mut sums = Sums::<D> {
        sums: vec![[0.0; D]; k],
        counts: vec![0; k],
    };
    let mut labels = vec![[UNLABELLED; LANES]; x.rows.div_ceil(LANES)];
    label_pass(x, &centres, &mut labels, &mut sums);
    let mut iterations = 0;
    for _ in 0..MAX_ITER {
        iterations += 1;
        let mut shift_total = 0.0;
        for (c, centre) in centres.iter_mut().enumerate() {
            if sums.counts[c] > 0 {
                for j in 0..D {
                    let new = sums.sums[c][j] / sums.counts[c] as f64;
                    shift_total += (new - centre[j]) * (new - centre[j]);
                    centre[j] = new;
                }
            }
        }
        let changed = label_pass(x, &centres, &mut labels, &mut sums);
        if !changed || shift_total <= tol {
            break;
        }
    }
    let labels: Vec<u32> = labels.into_iter().flatten().take(x.rows).collect();
    let blocks = x.wide::<D>();
    let inertia = (0..x.rows)
        .map(|i| {
            let p = lane(&blocks[i / LANES], i % LANES);
            dist(&p, &centres[labels[i] as usize])
        })
        .sum();
    KMeansFit {
        centres: centres.iter().flatten().copied().collect(),
        labels,
        inertia,
        iterations,
    }
}

/// Labels every row by its nearest centre, moving the sums of the rows that change label;
/// whether any did.
#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
fn label_pass<const D: usize>(
    x: &Lanes,
    centres: &[[f64; D]],
    labels: &mut [[u32; LANES]],
    sums: &mut Sums<D>,
) -> bool {
    let narrow: Vec<[f32; D]> = centres.iter().map(|c| c.map(|v| v as f32)).collect();
    let margin = x.margin(centres);
    let (wide, n) = (x.wide::<D>(), x.rows);
    let mut changed = false;
    for (b, (block, known)) in x.narrow::<D>().iter().zip(labels.iter_mut()).enumerate() {
        let (label, first, second) = nearest_block(block, &narrow);
        let mut settled = true;
        for l in 0..LANES {
            settled &= (second[l] - first[l] > margin) & (label[l] == known[l]);
        }
        if settled {
            continue;
        }
        for l in 0..LANES {
            let i = b * LANES + l;
            // a row near a border, or a NaN: measured again in f64
            let sure = second[l] - first[l] > margin;
            let p = lane(&wide[b], l);
            let new = if sure { label[l] } else { nearest(&p, centres) };
            if new != known[l] {
                if i < n {
                    changed = true;
                    sums.moved(&p, known[l], new);
                }
                known[l] = new;
            }
        }
    }
    changed
}

/// Each lane's nearest centre in f32, and its squared distances to it and to the second
/// nearest (ties: the lower centre).
#[inline(always)]
fn nearest_block<const D: usize>(
    b: &[[f32; LANES]; D],
    centres: &[[f32; D]],
) -> ([u32; LANES], [f32; LANES], [f32; LANES]) {
    let mut first = [f32::INFINITY; LANES];
    let mut second = [f32::INFINITY; LANES];
    let mut label = [0u32; LANES];
    for (c, centre) in centres.iter().enumerate() {
        let d = block_dist(b, centre);
        // selects, not branches: they become SIMD compares and blends
        for l in 0..LANES {
            let nearer = d[l] < first[l];
            let runner_up = if d[l] < second[l] { d[l] } else { second[l] };
            second[l] = if nearer { first[l] } else { runner_up };
            label[l] = if nearer { c as u32 } else { label[l] };
            first[l] = if nearer { d[l] } else { first[l] };
        }
    }
    (label, first, second)
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

/// The nearest centre of `p` in f64 (ties: the lower centre number, as an argmin).
fn nearest<const D: usize>(p: &[f64; D], centres: &[[f64; D]]) -> u32 {
    let (mut best, mut first) = (0u32, f64::INFINITY);
    for (c, centre) in centres.iter().enumerate() {
        let d = dist(p, centre);
        if d < first {
            first = d;
            best = c as u32;
        }
    }
    best
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

    /// Lloyd written plainly in f64 (argmin: the lower centre on a tie), from `start`.
    fn plain_lloyd(x: &Matrix, start: Vec<f64>, k: usize) -> Vec<u32> {
        let (n, d) = (x.rows(), x.dims);
        let sq =
            |a: &[f64], b: &[f64]| -> f64 { a.iter().zip(b).map(|(p, q)| (p - q) * (p - q)).sum() };
        let label = |centres: &[f64]| -> Vec<u32> {
            (0..n)
                .map(|i| {
                    let mut best = (0u32, f64::INFINITY);
                    for c in 0..k {
                        let dist = sq(x.row(i), &centres[c * d..(c + 1) * d]);
                        if dist < best.1 {
                            best = (c as u32, dist);
                        }
                    }
                    best.0
                })
                .collect()
        };
        let mut centres = start;
        let mut labels = label(&centres);
        for _ in 0..MAX_ITER {
            let mut sums = vec![0.0; k * d];
            let mut counts = vec![0usize; k];
            for i in 0..n {
                let c = labels[i] as usize;
                counts[c] += 1;
                for j in 0..d {
                    sums[c * d + j] += x.row(i)[j];
                }
            }
            for c in (0..k).filter(|&c| counts[c] > 0) {
                for j in 0..d {
                    centres[c * d + j] = sums[c * d + j] / counts[c] as f64;
                }
            }
            let new = label(&centres);
            if new == labels {
                break;
            }
            labels = new;
        }
        labels
    }

    fn uniform(n: usize, d: usize, seed: u64, scale: f64, offset: f64) -> Matrix {
        let mut r = rng(seed, 0);
        Matrix::new(
            (0..n * d)
                .map(|_| offset + scale * r.gen::<f64>())
                .collect(),
            d,
        )
    }

    /// The f32 lanes change nothing: the labels equal plain f64 Lloyd's, for every number of
    /// features and a row count that leaves the last block part-filled.
    #[test]
    fn f32_lanes_equal_plain_lloyd() {
        for d in 1..=MAX_DIMS {
            let x = uniform(3001, d, d as u64, 1.0, 0.0);
            let lanes = Lanes::new(&x);
            let start = plus_plus(&lanes, 6, &mut rng(2, 0));
            let fit = lloyd(&lanes, start.clone(), 6, 0.0);
            assert_eq!(fit.labels, plain_lloyd(&x, start, 6), "{d} features");
        }
    }

    /// Rows far from the origin, where f32 cannot tell many distances apart: those rows
    /// take the f64 path and the labels still equal f64 Lloyd's.
    #[test]
    fn rows_f32_cannot_separate_are_measured_in_f64() {
        let x = uniform(2000, 3, 5, 1e-3, 1e4);
        let lanes = Lanes::new(&x);
        let start = plus_plus(&lanes, 4, &mut rng(3, 0));
        let fit = lloyd(&lanes, start.clone(), 4, 0.0);
        assert_eq!(fit.labels, plain_lloyd(&x, start, 4));
    }

    /// Exact ties (integer points halfway between centres) go to the lower centre.
    #[test]
    fn ties_go_to_the_lower_centre() {
        let x = Matrix::new(vec![-1.0, 0.0, 1.0, -1.0, 0.0, 1.0, 0.0], 1);
        let lanes = Lanes::new(&x);
        let fit = lloyd(&lanes, vec![-1.0, 1.0], 2, 0.0);
        assert_eq!(fit.labels, plain_lloyd(&x, vec![-1.0, 1.0], 2));
        assert_eq!(fit.labels[1], 0, "the middle point joins centre 0");
    }
}
