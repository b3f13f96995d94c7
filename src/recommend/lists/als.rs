//! Matrix factorisation for implicit feedback (Hu, Koren & Volinsky 2008), as implicit's
//! `AlternatingLeastSquares` defines it: a customer's preference for a product is 1 where they
//! bought it, 0 elsewhere, weighed by a confidence c = α · count where bought and 1 elsewhere;
//! customer factors x_u and product factors y_i minimise
//!
//!   Σ_u,i c_ui (p_ui − x_u·y_i)² + λ (Σ ‖x_u‖² + Σ ‖y_i‖²)
//!
//! by alternating least squares: with the products fixed, each customer's factors solve
//! (YᵀY + λI + Σ_{i bought} (c_ui − 1) y_i y_iᵀ) x_u = Σ_{i bought} c_ui y_i, and the same the
//! other way round. Like implicit, each solve is three conjugate-gradient steps started from
//! the previous factors (`cg_steps`), with YᵀY + λI computed once per half-iteration — except
//! that a row with at most three confidences other than 1 (all counts 1 at α = 1: most
//! customers and most products) is solved exactly, through G⁻¹ = (YᵀY + λI)⁻¹ shared by
//! every row and the Woodbury identity for its few corrections: the conjugate gradient's
//! limit, at a fraction of its cost. The products' right-hand sides Σ c x_u are summed in one
//! pass over the customers in order, so the product half reads the large customer table front
//! to back. Factors start uniform in [0, 0.01) from a seeded ChaCha8, as implicit's
//! `random_state`; f32 throughout, as implicit's default, with the exact solves in f64.

use super::interactions::Interactions;
use super::kernels::{add_wide, axpy, dot, madd4_f32, madd4_f64};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// What an ALS fit is given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlsParams {
    /// Latent factors (implicit's `factors`).
    pub factors: usize,
    /// Alternations (`iterations`).
    pub iterations: usize,
    /// λ (`regularization`).
    pub regularization: f32,
    /// α: confidence per purchase (`alpha`).
    pub alpha: f32,
    /// Conjugate-gradient steps per solve (`cg_steps`).
    pub cg_steps: usize,
    /// Seed of the starting factors.
    pub seed: u64,
}

impl Default for AlsParams {
    /// Stage f(ii) of the peer benchmark: implicit's `AlternatingLeastSquares(factors=64,
    /// iterations=15, regularization=0.01, alpha=1.0)`.
    fn default() -> Self {
        AlsParams {
            factors: 64,
            iterations: 15,
            regularization: 0.01,
            alpha: 1.0,
            cg_steps: 3,
            seed: 0,
        }
    }
}

/// Fitted factors, row-major: `user[r * factors..]` for row `r` of the interactions,
/// `item[i * factors..]` for item `i`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Als {
    /// Factors per row.
    pub factors: usize,
    /// Customer factors, a row of the interactions after another.
    #[serde(with = "super::raw")]
    pub user: Vec<f32>,
    /// Product factors, an item after another.
    #[serde(with = "super::raw")]
    pub item: Vec<f32>,
}

/// The items of a fit by the length of their factors, longest first (`Als::by_norm`).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ByNorm {
    #[serde(with = "super::raw")]
    order: Vec<u32>,
    #[serde(with = "super::raw")]
    norm: Vec<f32>,
    /// The items' factors in that order: the scan reads memory front to back.
    #[serde(with = "super::raw")]
    factors: Vec<f32>,
    /// Per item, in item order: y·y, which `closest` divides by for every pair.
    #[serde(with = "super::raw")]
    squared: Vec<f32>,
}

/// YᵀY + λI of the rows of `y` (n × f), as a full f × f matrix. The upper triangle only,
/// four rows at a time (four multiply-adds for each load and store of g), then mirrored.
fn gram(y: &[f32], f: usize, lambda: f32) -> Vec<f32> {
    let mut g = vec![0f32; f * f];
    let mut blocks = y.chunks_exact(4 * f);
    for block in &mut blocks {
        let (r0, rest) = block.split_at(f);
        let (r1, rest) = rest.split_at(f);
        let (r2, r3) = rest.split_at(f);
        for a in 0..f {
            let (c0, c1, c2, c3) = (r0[a], r1[a], r2[a], r3[a]);
            madd4_f32(
                &mut g[a * f + a..(a + 1) * f],
                [c0, c1, c2, c3],
                [&r0[a..], &r1[a..], &r2[a..], &r3[a..]],
            );
        }
    }
    for row in blocks.remainder().chunks_exact(f) {
        for a in 0..f {
            let ra = row[a];
            axpy(ra, &row[a..], &mut g[a * f + a..(a + 1) * f]);
        }
    }
    for a in 0..f {
        g[a * f + a] += lambda;
        for b in a + 1..f {
            g[b * f + a] = g[a * f + b];
        }
    }
    g
}

/// The lower Cholesky factor of the symmetric positive definite `g` (f × f), in f64 for a
/// factor every row's solve reuses; `None` if `g` is not positive definite.
fn cholesky(g: &[f32], f: usize) -> Option<Vec<f64>> {
    let mut l = vec![0f64; f * f];
    for i in 0..f {
        for j in 0..=i {
            let mut s = f64::from(g[i * f + j]);
            for k in 0..j {
                s -= l[i * f + k] * l[j * f + k];
            }
            if i == j {
                if s <= 0.0 {
                    return None;
                }
                l[i * f + i] = s.sqrt();
            } else {
                l[i * f + j] = s / l[j * f + j];
            }
        }
    }
    Some(l)
}

/// Solves L Lᵀ x = b in place.
fn cholesky_solve(l: &[f64], f: usize, b: &mut [f64]) {
    for i in 0..f {
        let mut s = b[i];
        for k in 0..i {
            s -= l[i * f + k] * b[k];
        }
        b[i] = s / l[i * f + i];
    }
    for i in (0..f).rev() {
        let mut s = b[i];
        for k in i + 1..f {
            s -= l[k * f + i] * b[k];
        }
        b[i] = s / l[i * f + i];
    }
}

/// Scratch of one half-iteration.
struct Work {
    r: Vec<f32>,
    p: Vec<f32>,
    ap: Vec<f32>,
    /// z = G⁻¹b of an exact solve, then its answer (f64).
    b: Vec<f64>,
    /// Σ c_i y_i of an exact solve by G⁻¹, then each corrected y_i in turn (f64).
    sum: Vec<f64>,
    /// W = G⁻¹V of an exact solve, a corrected item after another (f64).
    w: Vec<f64>,
}

impl Work {
    fn new(f: usize) -> Work {
        Work {
            r: vec![0.0; f],
            p: vec![0.0; f],
            ap: vec![0.0; f],
            b: vec![0.0; f],
            sum: vec![0.0; f],
            w: vec![0.0; EXACT_UP_TO * f],
        }
    }
}

/// Rows with at most this many confidences other than 1 are solved exactly (Woodbury);
/// above, (m + 1) products with G⁻¹ cost more than implicit's three conjugate-gradient steps.
const EXACT_UP_TO: usize = 3;

/// How the exact solves of a half-iteration reach G⁻¹ y_i, whichever costs fewer products
/// with G⁻¹ (f² multiply-adds each): stored for every row of the other side that an exact row
/// reads — one product a row, then a solve is sums of stored vectors (the customers' half:
/// 20,000 products read by 100,000 customers) — or G⁻¹ applied within each exact row, to the
/// sum of its rows and to each corrected one (the products' half: few products, each read by
/// many customers, so storing G⁻¹ y for every customer would cost more).
enum Inverse {
    Stored(Solved),
    PerRow(Vec<f64>),
}

/// G⁻¹ y_i of the other side's rows that exact solves read, computed once a half-iteration.
struct Solved {
    /// Per row of the other side: its place in `h`, or `u32::MAX` when no exact row reads it.
    slot: Vec<u32>,
    /// G⁻¹ y_i, one row after another: computed in f64, kept in f32 (the precision of the
    /// factors they make) so the rows read at random are half as many bytes.
    h: Vec<f32>,
}

/// The corrections of a row: the places of its confidences other than 1, or `None` when
/// there are more than `EXACT_UP_TO` (the row is left to the conjugate gradient).
fn corrections(cs: &[f32]) -> Option<([usize; EXACT_UP_TO], usize)> {
    let mut corrected = [0usize; EXACT_UP_TO];
    let mut m = 0;
    for (k, &c) in cs.iter().enumerate() {
        if c != 1.0 {
            if m == EXACT_UP_TO {
                return None;
            }
            corrected[m] = k;
            m += 1;
        }
    }
    Some((corrected, m))
}

/// out = G⁻¹ v (G⁻¹ symmetric f × f): a sum of its rows, four at a time — four
/// multiply-adds for each load and store of `out`, and no chain of additions to wait on.
fn apply(inverse: &[f64], v: &[f64], out: &mut [f64]) {
    let f = out.len();
    out.fill(0.0);
    let mut rows = inverse.chunks_exact(4 * f).zip(v.chunks_exact(4));
    for (block, c) in &mut rows {
        let (r0, rest) = block.split_at(f);
        let (r1, rest) = rest.split_at(f);
        let (r2, r3) = rest.split_at(f);
        madd4_f64(out, [c[0], c[1], c[2], c[3]], [r0, r1, r2, r3]);
    }
    let done = f - f % 4;
    for (row, &c) in inverse[done * f..].chunks_exact(f).zip(&v[done..]) {
        for (o, &g) in out.iter_mut().zip(row) {
            *o += c * g;
        }
    }
}

/// `v` as f64, into `out`.
fn widen(v: &[f32], out: &mut [f64]) {
    for (o, &x) in out.iter_mut().zip(v) {
        *o = f64::from(x);
    }
}

/// G⁻¹ from its Cholesky factor (f triangular solves): once a half-iteration, then every
/// product with it runs over contiguous memory.
fn inverted(l: &[f64], f: usize) -> Vec<f64> {
    let mut inverse = vec![0f64; f * f];
    for (a, column) in inverse.chunks_exact_mut(f).enumerate() {
        column[a] = 1.0;
        cholesky_solve(l, f, column);
    }
    inverse
}

impl Inverse {
    /// The cheaper way for the compressed matrix's rows, through the factor `l` of G.
    fn of(
        l: &[f64],
        f: usize,
        y: &[f32],
        indptr: &[u32],
        indices: &[u32],
        conf: &[f32],
    ) -> Inverse {
        let mut slot = vec![u32::MAX; y.len() / f.max(1)];
        let (mut needed, mut per_row) = (0u32, 0usize);
        for row in 0..indptr.len() - 1 {
            let at = indptr[row] as usize..indptr[row + 1] as usize;
            let Some((_, m)) = corrections(&conf[at.clone()]).filter(|_| !at.is_empty()) else {
                continue;
            };
            per_row += 1 + m;
            for &i in &indices[at] {
                if slot[i as usize] == u32::MAX {
                    slot[i as usize] = needed;
                    needed += 1;
                }
            }
        }
        let inverse = inverted(l, f);
        if per_row < needed as usize {
            return Inverse::PerRow(inverse);
        }
        let mut h = vec![0f32; needed as usize * f];
        let (mut yi, mut hi) = (vec![0f64; f], vec![0f64; f]);
        for (i, &at) in slot.iter().enumerate() {
            if at != u32::MAX {
                widen(&y[i * f..(i + 1) * f], &mut yi);
                apply(&inverse, &yi, &mut hi);
                for (o, &v) in h[at as usize * f..(at as usize + 1) * f]
                    .iter_mut()
                    .zip(&hi)
                {
                    *o = v as f32;
                }
            }
        }
        Inverse::Stored(Solved { slot, h })
    }
}

impl Solved {
    fn get(&self, f: usize, i: u32) -> &[f32] {
        let at = self.slot[i as usize] as usize;
        &self.h[at * f..(at + 1) * f]
    }
}

/// Solves (G + Σ_i d_i y_i y_iᵀ) x = Σ_i c_i y_i exactly, d_i = c_i − 1, by the Woodbury
/// identity over the m items whose d_i is not 0: x = z − W (D⁻¹ + VᵀW)⁻¹ Vᵀz with
/// z = G⁻¹b = Σ c_i G⁻¹y_i, W = G⁻¹V. False (x untouched) when m is above `EXACT_UP_TO`.
fn exact(
    inverse: &Inverse,
    f: usize,
    y: &[f32],
    items: &[u32],
    cs: &[f32],
    b: Option<&[f32]>,
    xu: &mut [f32],
    w: &mut Work,
) -> bool {
    let Some((corrected, m)) = corrections(cs) else {
        return false;
    };
    let yi = |k: usize| &y[items[k] as usize * f..(items[k] as usize + 1) * f];
    match inverse {
        Inverse::Stored(solved) => {
            w.b.fill(0.0);
            for (k, &c) in cs.iter().enumerate() {
                add_wide(f64::from(c), solved.get(f, items[k]), &mut w.b);
            }
            for (a, &k) in corrected[..m].iter().enumerate() {
                widen(solved.get(f, items[k]), &mut w.w[a * f..(a + 1) * f]);
            }
        }
        Inverse::PerRow(inverse) => {
            if let Some(b) = b {
                widen(b, &mut w.sum);
            } else {
                w.sum.fill(0.0);
                for (k, &c) in cs.iter().enumerate() {
                    add_wide(f64::from(c), yi(k), &mut w.sum);
                }
            }
            apply(inverse, &w.sum, &mut w.b);
            for (a, &k) in corrected[..m].iter().enumerate() {
                widen(yi(k), &mut w.sum);
                apply(inverse, &w.sum, &mut w.w[a * f..(a + 1) * f]);
            }
        }
    }
    if m > 0 {
        let wa = |a: usize| &w.w[a * f..(a + 1) * f];
        // M = D⁻¹ + VᵀW (m × m), t = Vᵀz
        let mut mm = [[0f64; EXACT_UP_TO]; EXACT_UP_TO];
        let mut t = [0f64; EXACT_UP_TO];
        for (a, &ka) in corrected[..m].iter().enumerate() {
            let va = yi(ka);
            t[a] = va.iter().zip(&w.b).map(|(&v, &z)| f64::from(v) * z).sum();
            for (bcol, row) in mm[a].iter_mut().enumerate().take(m) {
                *row = va
                    .iter()
                    .zip(wa(bcol))
                    .map(|(&v, &z)| f64::from(v) * z)
                    .sum();
            }
            mm[a][a] += 1.0 / f64::from(cs[ka] - 1.0);
        }
        // s = M⁻¹ t by Gaussian elimination with partial pivoting (m ≤ 3)
        for col in 0..m {
            let pivot = (col..m)
                .max_by(|&a, &b| mm[a][col].abs().total_cmp(&mm[b][col].abs()))
                .unwrap_or(col);
            mm.swap(col, pivot);
            t.swap(col, pivot);
            if mm[col][col] == 0.0 {
                return false;
            }
            for row in col + 1..m {
                let factor = mm[row][col] / mm[col][col];
                for k in col..m {
                    mm[row][k] -= factor * mm[col][k];
                }
                t[row] -= factor * t[col];
            }
        }
        for col in (0..m).rev() {
            let mut v = t[col];
            for k in col + 1..m {
                v -= mm[col][k] * t[k];
            }
            t[col] = v / mm[col][col];
        }
        for (a, &ta) in t.iter().enumerate().take(m) {
            for (bk, &g) in w.b.iter_mut().zip(&w.w[a * f..(a + 1) * f]) {
                *bk -= ta * g;
            }
        }
    }
    for (xk, &bk) in xu.iter_mut().zip(&w.b) {
        *xk = bk as f32;
    }
    true
}

/// g · v into `out` (g symmetric f × f).
fn symv(g: &[f32], f: usize, v: &[f32], out: &mut [f32]) {
    for (a, o) in out.iter_mut().enumerate() {
        *o = dot(&g[a * f..(a + 1) * f], v);
    }
}

/// New factors `x` (rows × f) of the rows of a compressed matrix (`indptr`, `indices`,
/// confidences `conf`) from the other side's factors `y`.
#[allow(clippy::too_many_arguments)]
#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
fn solve(
    indptr: &[u32],
    indices: &[u32],
    conf: &[f32],
    x: &mut [f32],
    y: &[f32],
    rhs: Option<&[f32]>,
    f: usize,
    lambda: f32,
    cg_steps: usize,
) {
    let g = gram(y, f, lambda);
    let inverse = cholesky(&g, f).map(|l| Inverse::of(&l, f, y, indptr, indices, conf));
    let mut w = Work::new(f);
    for (row, xu) in x.chunks_exact_mut(f).enumerate() {
        let at = indptr[row] as usize..indptr[row + 1] as usize;
        if at.is_empty() {
            xu.fill(0.0);
            continue;
        }
        let (items, cs) = (&indices[at.clone()], &conf[at]);
        let b = rhs.map(|b| &b[row * f..(row + 1) * f]);
        if let Some(inverse) = &inverse {
            if exact(inverse, f, y, items, cs, b, xu, &mut w) {
                continue;
            }
        }
        // implicit's conjugate gradient: r = Yᵀ C p − A x
        symv(&g, f, xu, &mut w.r);
        match b {
            // Σ c_i y_i given: only the corrected confidences read their rows
            Some(b) => {
                for (v, &bk) in w.r.iter_mut().zip(b) {
                    *v = bk - *v;
                }
                for (&i, &c) in items.iter().zip(cs) {
                    if c != 1.0 {
                        let yi = &y[i as usize * f..(i as usize + 1) * f];
                        axpy(-(c - 1.0) * dot(yi, xu), yi, &mut w.r);
                    }
                }
            }
            None => {
                for v in w.r.iter_mut() {
                    *v = -*v;
                }
                for (&i, &c) in items.iter().zip(cs) {
                    let yi = &y[i as usize * f..(i as usize + 1) * f];
                    // c = 1 (one purchase at α = 1, most entries): no correction, t = 1
                    let t = if c == 1.0 {
                        1.0
                    } else {
                        c - (c - 1.0) * dot(yi, xu)
                    };
                    axpy(t, yi, &mut w.r);
                }
            }
        }
        w.p.copy_from_slice(&w.r);
        let mut rsold = dot(&w.r, &w.r);
        if rsold < 1e-20 {
            continue;
        }
        for _ in 0..cg_steps {
            symv(&g, f, &w.p, &mut w.ap);
            // only the corrected confidences add to A p (c − 1 = 0 elsewhere)
            for (&i, &c) in items.iter().zip(cs) {
                if c != 1.0 {
                    let yi = &y[i as usize * f..(i as usize + 1) * f];
                    axpy((c - 1.0) * dot(yi, &w.p), yi, &mut w.ap);
                }
            }
            let alpha = rsold / dot(&w.p, &w.ap);
            axpy(alpha, &w.p, xu);
            axpy(-alpha, &w.ap, &mut w.r);
            let rsnew = dot(&w.r, &w.r);
            if rsnew < 1e-20 {
                break;
            }
            let beta = rsnew / rsold;
            for (pk, &rk) in w.p.iter_mut().zip(&w.r) {
                *pk = rk + beta * *pk;
            }
            rsold = rsnew;
        }
    }
}

/// Σ_r c_ri x_r for every column i of the compressed rows (`indptr`, `indices`, `conf`) of
/// the factors `x`, into `len` values (columns × f).
fn right_hand_sides(
    indptr: &[u32],
    indices: &[u32],
    conf: &[f32],
    x: &[f32],
    len: usize,
    f: usize,
) -> Vec<f32> {
    let mut b = vec![0f32; len];
    for (row, xr) in x.chunks_exact(f).enumerate() {
        let at = indptr[row] as usize..indptr[row + 1] as usize;
        for (&i, &c) in indices[at.clone()].iter().zip(&conf[at]) {
            axpy(c, xr, &mut b[i as usize * f..(i as usize + 1) * f]);
        }
    }
    b
}

/// An ALS fit in progress, one alternation at a time (so a worker can post progress and take
/// a cancel between two).
#[derive(Debug, Clone)]
pub struct AlsFitting {
    p: AlsParams,
    user: Vec<f32>,
    item: Vec<f32>,
    conf: Vec<f32>,
    cstart: Vec<u32>,
    crows: Vec<u32>,
    cconf: Vec<f32>,
    done: usize,
}

impl AlsFitting {
    /// The starting factors of `x`.
    pub fn new(x: &Interactions, p: &AlsParams) -> AlsFitting {
        let f = p.factors;
        let mut rng = ChaCha8Rng::seed_from_u64(p.seed);
        let mut start =
            |n: usize| -> Vec<f32> { (0..n * f).map(|_| rng.gen::<f32>() * 0.01).collect() };
        let user = start(x.n_users());
        let item = start(x.n_items());
        let conf: Vec<f32> = x.counts.iter().map(|&c| p.alpha * c).collect();
        let (cstart, crows, ccounts) = x.by_item();
        let cconf: Vec<f32> = ccounts.iter().map(|&c| p.alpha * c).collect();
        AlsFitting {
            p: *p,
            user,
            item,
            conf,
            cstart,
            crows,
            cconf,
            done: 0,
        }
    }

    /// One alternation of the fit of `x` (the interactions it was started with): the
    /// customers' factors, then the products'.
    pub fn iterate(&mut self, x: &Interactions) {
        let (f, p) = (self.p.factors, &self.p);
        solve(
            &x.indptr,
            &x.indices,
            &self.conf,
            &mut self.user,
            &self.item,
            None,
            f,
            p.regularization,
            p.cg_steps,
        );
        // the products' right-hand sides Σ_u c_ui x_u in one pass over the customers in
        // order: their factors read front to back, added into the (five times smaller)
        // products' rows, instead of every product reading its customers' rows scattered
        // over the whole customer table
        let rhs = right_hand_sides(
            &x.indptr,
            &x.indices,
            &self.conf,
            &self.user,
            self.item.len(),
            f,
        );
        solve(
            &self.cstart,
            &self.crows,
            &self.cconf,
            &mut self.item,
            &self.user,
            Some(&rhs),
            f,
            p.regularization,
            p.cg_steps,
        );
        self.done += 1;
    }

    /// Alternations done.
    pub fn done(&self) -> usize {
        self.done
    }

    /// True once every alternation of the parameters is done.
    pub fn is_done(&self) -> bool {
        self.done >= self.p.iterations
    }

    /// The factors as they are.
    pub fn finish(self) -> Als {
        Als {
            factors: self.p.factors,
            user: self.user,
            item: self.item,
        }
    }
}

impl Als {
    /// Fits the factors of `x`.
    pub fn fit(x: &Interactions, p: &AlsParams) -> Als {
        let mut fitting = AlsFitting::new(x, p);
        while !fitting.is_done() {
            fitting.iterate(x);
        }
        fitting.finish()
    }

    /// Of `items`, the one whose factors point most nearly the way item `j`'s do (the
    /// largest cosine): the purchase a factor-model recommendation is most like. The
    /// squared lengths come from `index`, so a pair costs one dot product, not three.
    pub fn closest(&self, index: &ByNorm, items: &[u32], j: u32) -> Option<u32> {
        let f = self.factors;
        let y = |i: u32| &self.item[i as usize * f..(i as usize + 1) * f];
        let yj = y(j);
        let jj = index.squared[j as usize];
        let mut best: Option<(u32, f32)> = None;
        for &i in items.iter().filter(|&&i| i != j) {
            let n = (index.squared[i as usize] * jj).sqrt();
            let c = if n > 0.0 { dot(y(i), yj) / n } else { 0.0 };
            if best.is_none_or(|(_, b)| c > b) {
                best = Some((i, c));
            }
        }
        best.map(|(i, _)| i)
    }

    /// Row `r`'s score of item `i`.
    pub fn score(&self, r: usize, i: usize) -> f32 {
        let f = self.factors;
        dot(
            &self.user[r * f..(r + 1) * f],
            &self.item[i * f..(i + 1) * f],
        )
    }

    /// The items by the length of their factors, longest first: what `top` scans.
    pub fn by_norm(&self) -> ByNorm {
        let f = self.factors.max(1);
        let squared: Vec<f32> = self.item.chunks_exact(f).map(|y| dot(y, y)).collect();
        let norms: Vec<f32> = squared.iter().map(|s| s.sqrt()).collect();
        let mut order: Vec<u32> = (0..norms.len() as u32).collect();
        order.sort_by(|&a, &b| {
            norms[b as usize]
                .total_cmp(&norms[a as usize])
                .then(a.cmp(&b))
        });
        let norm = order.iter().map(|&i| norms[i as usize]).collect();
        let factors = order
            .iter()
            .flat_map(|&i| &self.item[i as usize * f..(i as usize + 1) * f])
            .copied()
            .collect();
        ByNorm {
            order,
            norm,
            factors,
            squared,
        }
    }

    /// Row `r`'s `n` best items not in `bought` (ascending), best first, equal scores by item
    /// number — the same list as scoring every item, but the scan stops once no item left can
    /// reach the n-th score: x·y ≤ ‖x‖‖y‖ (Cauchy–Schwarz), with the items longest first.
    pub fn top_fast(&self, index: &ByNorm, r: usize, bought: &[u32], n: usize) -> Vec<(u32, f32)> {
        self.top_kept(index, r, n, |i| bought.binary_search(&i).is_err())
    }

    /// Row `r`'s `n` best items that `keep` keeps, as `top_fast`.
    #[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
    pub fn top_kept(
        &self,
        index: &ByNorm,
        r: usize,
        n: usize,
        keep: impl Fn(u32) -> bool,
    ) -> Vec<(u32, f32)> {
        if n == 0 {
            return Vec::new();
        }
        let f = self.factors;
        let xu = &self.user[r * f..(r + 1) * f];
        // a hair above the bound: f32 rounding of a dot product never passes it
        let xn = dot(xu, xu).sqrt() * (1.0 + 1e-4);
        let better = |a: &(u32, f32), b: &(u32, f32)| a.1 > b.1 || (a.1 == b.1 && a.0 < b.0);
        let mut best: Vec<(u32, f32)> = Vec::with_capacity(n + 1);
        for ((&i, &yn), y) in index
            .order
            .iter()
            .zip(&index.norm)
            .zip(index.factors.chunks_exact(f))
        {
            if best.len() == n && xn * yn < best[n - 1].1 {
                break;
            }
            // the score first: most items cannot enter a full list, and then whether the
            // filter keeps them (a search of what the customer bought) is never asked
            let c = (i, dot(xu, y));
            if (best.len() < n || better(&c, &best[n - 1])) && keep(i) {
                let at = best
                    .iter()
                    .position(|b| better(&c, b))
                    .unwrap_or(best.len());
                best.insert(at, c);
                best.truncate(n);
            }
        }
        best
    }

    /// Row `r`'s `n` best items not in `bought` (ascending), best first, equal scores by item
    /// number (implicit's `recommend` with `filter_already_liked_items`), every item scored.
    pub fn top(&self, r: usize, bought: &[u32], n: usize) -> Vec<(u32, f32)> {
        let items = self.item.len() / self.factors.max(1);
        let mut all: Vec<(u32, f32)> = (0..items as u32)
            .filter(|i| bought.binary_search(i).is_err())
            .map(|i| (i, self.score(r, i as usize)))
            .collect();
        let order = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if all.len() > n && n > 0 {
            all.select_nth_unstable_by(n - 1, order);
        }
        all.truncate(n);
        all.sort_by(order);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_exact_solve_and_the_conjugate_gradient_agree_on_one_system() {
        // a 3 × 3 system solved by Cholesky, and by enough CG steps from zero
        let y = [
            1.0f32, 0.5, 0.0, 0.2, 1.0, 0.3, 0.0, 0.4, 1.0, 0.7, 0.1, 0.2,
        ];
        let f = 3;
        let g = gram(&y, f, 0.1);
        let l = cholesky(&g, f).unwrap();
        let mut b = vec![1.0f64, 2.0, 3.0];
        cholesky_solve(&l, f, &mut b);
        let mut out = [0f32; 3];
        let xb: Vec<f32> = b.iter().map(|&v| v as f32).collect();
        symv(&g, f, &xb, &mut out);
        for (o, want) in out.iter().zip([1.0, 2.0, 3.0]) {
            assert!((o - want).abs() < 1e-5, "{out:?}");
        }
    }

    #[test]
    fn the_woodbury_solve_equals_the_conjugate_gradients_limit() {
        // a row with two corrected confidences: exact, and CG run to convergence, agree
        let f = 3;
        let y = [
            1.0f32, 0.5, 0.0, 0.2, 1.0, 0.3, 0.0, 0.4, 1.0, 0.7, 0.1, 0.2,
        ];
        let g = gram(&y, f, 0.1);
        let l = cholesky(&g, f).unwrap();
        let items = [0u32, 1, 3];
        let cs = [1.0f32, 3.0, 2.0];
        let mut w = Work::new(f);
        // the stored way (one row reading every item), and G⁻¹ applied within the row
        let stored = Inverse::of(&l, f, &y, &[0, 3], &items, &cs);
        assert!(matches!(stored, Inverse::Stored(_)));
        let per_row = Inverse::PerRow(inverted(&l, f));
        let [x_stored, exact_x] = [&stored, &per_row].map(|inverse| {
            let mut x = [0f32; 3];
            assert!(exact(inverse, f, &y, &items, &cs, None, &mut x, &mut w));
            x
        });
        for (a, b) in x_stored.iter().zip(&exact_x) {
            assert!((a - b).abs() < 1e-6, "{x_stored:?} vs {exact_x:?}");
        }
        // A x = b checked directly
        let row = |i: u32| &y[i as usize * 3..i as usize * 3 + 3];
        let mut ax = [0f32; 3];
        symv(&g, f, &exact_x, &mut ax);
        let mut b = [0f32; 3];
        for (&i, &c) in items.iter().zip(&cs) {
            axpy((c - 1.0) * dot(row(i), &exact_x), row(i), &mut ax);
            axpy(c, row(i), &mut b);
        }
        for (a, bb) in ax.iter().zip(b) {
            assert!((a - bb).abs() < 1e-4, "{ax:?} vs {b:?}");
        }
    }

    #[test]
    fn factors_fit_what_was_bought() {
        // two groups of customers buying two groups of products
        let mut x = Interactions {
            items: (0..6).collect(),
            indptr: vec![0],
            ..Interactions::default()
        };
        for r in 0..20u32 {
            let group: [u32; 3] = if r % 2 == 0 { [0, 1, 2] } else { [3, 4, 5] };
            for &i in group.iter().filter(|&&i| i != r % 3 + 3 * (r % 2)) {
                x.indices.push(i);
                x.counts.push(if r == 4 { 2.0 } else { 1.0 });
            }
            x.users.push(r);
            x.indptr.push(x.indices.len() as u32);
        }
        // two factors for two groups: too few to fit each customer's gaps, enough for the groups
        let p = AlsParams {
            factors: 2,
            ..AlsParams::default()
        };
        let als = Als::fit(&x, &p);
        // customer 0 (group one, did not buy item 0) scores item 0 above every other group's
        let own = als.score(0, 0);
        for other in 3..6 {
            assert!(
                own > als.score(0, other),
                "{own} vs {}",
                als.score(0, other)
            );
        }
        assert_eq!(als, Als::fit(&x, &p), "seeded: the same factors every time");
        let index = als.by_norm();
        for r in 0..20 {
            let bought = x.row(r).0;
            assert_eq!(
                als.top_fast(&index, r, bought, 2),
                als.top(r, bought, 2),
                "row {r}"
            );
        }
    }
}
