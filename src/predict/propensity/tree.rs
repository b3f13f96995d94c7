//! Classification trees (CART, Gini impurity) grown on binned features, as LightGBM and
//! scikit-learn's histogram gradient boosting do: each feature's training values are cut into
//! at most `MAX_BINS` bins once, and a node's best split is found from per-bin sums over its
//! own customers — O(customers at the node × features tried) rather than a sort per node.
//!
//! Written by hand rather than with linfa-trees: linfa-trees scans every training row at every
//! node (a row mask per node), which makes a 100-tree forest on 100,000 customers minutes
//! instead of a second, and it has no per-split feature sampling, which is what makes a random
//! forest more than bagging.

use super::features::Features;

/// Bins per feature. Thresholds fall between distinct training values; a feature with more
/// distinct values is cut at equal-count quantiles.
pub const MAX_BINS: usize = 64;
/// Customers (weights) a leaf of the single tree holds at least.
pub const TREE_MIN_LEAF: u32 = 20;

/// Each feature's bin edges, from the training rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Bins {
    /// Per feature, ascending: a value v is in the first bin b with v <= edges[b] (the last
    /// bin, `edges.len()`, holds the rest).
    edges: Vec<Vec<f64>>,
}

/// Features as bin codes, row-major.
#[derive(Debug, Clone, PartialEq)]
pub struct Binned {
    /// `rows × width` codes.
    pub codes: Vec<u8>,
    /// Features per row.
    pub width: usize,
}

impl Binned {
    /// Row `i`'s codes.
    pub fn row(&self, i: usize) -> &[u8] {
        &self.codes[i * self.width..(i + 1) * self.width]
    }

    /// Rows.
    pub fn len(&self) -> usize {
        self.codes.len().checked_div(self.width).unwrap_or(0)
    }

    /// No rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Bins {
    /// Edges from the training rows.
    pub fn of(x: &Features) -> Bins {
        let edges = (0..x.width())
            .map(|j| {
                let mut v: Vec<f64> = (0..x.len()).map(|i| x.row(i)[j]).collect();
                v.sort_by(f64::total_cmp);
                edges(&v)
            })
            .collect();
        Bins { edges }
    }

    /// The rows of `x` as codes.
    pub fn code(&self, x: &Features) -> Binned {
        let mut codes = Vec::with_capacity(x.len() * x.width());
        for i in 0..x.len() {
            for (j, v) in x.row(i).iter().enumerate() {
                codes.push(self.edges[j].partition_point(|e| e < v) as u8);
            }
        }
        Binned {
            codes,
            width: x.width(),
        }
    }

    /// The value a split after bin `bin` of feature `j` divides at.
    pub fn threshold(&self, j: usize, bin: u8) -> f64 {
        self.edges[j][bin as usize]
    }
}

/// Upper edges of at most `MAX_BINS` bins over sorted values: midpoints between neighbouring
/// distinct values, at equal-count quantiles when there are too many.
fn edges(sorted: &[f64]) -> Vec<f64> {
    let mut distinct: Vec<(f64, usize)> = Vec::new();
    for &v in sorted {
        match distinct.last_mut() {
            Some((last, n)) if *last == v => *n += 1,
            _ => distinct.push((v, 1)),
        }
    }
    let mid = |k: usize| distinct[k].0 + (distinct[k + 1].0 - distinct[k].0) / 2.0;
    if distinct.len() <= MAX_BINS {
        return (0..distinct.len().saturating_sub(1)).map(mid).collect();
    }
    let total = sorted.len() as f64;
    let mut out = Vec::with_capacity(MAX_BINS - 1);
    let mut seen = 0usize;
    let mut next = 1;
    for k in 0..distinct.len() - 1 {
        seen += distinct[k].1;
        if seen as f64 >= next as f64 * total / MAX_BINS as f64 {
            out.push(mid(k));
            while next < MAX_BINS && seen as f64 >= next as f64 * total / MAX_BINS as f64 {
                next += 1;
            }
            if out.len() == MAX_BINS - 1 {
                break;
            }
        }
    }
    out
}

/// A node: a leaf when `left` is `LEAF`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Node {
    feature: u16,
    bin: u8,
    left: u32,
    right: u32,
    /// The share of positive weight of the customers reaching it.
    value: f64,
}

const LEAF: u32 = u32::MAX;

/// A fitted tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    nodes: Vec<Node>,
    /// The weighted Gini decrease of each feature's splits (not normalised).
    pub decrease: Vec<f64>,
}

impl Tree {
    /// The probability of the target for one row of codes.
    pub fn predict(&self, codes: &[u8]) -> f64 {
        let mut k = 0usize;
        loop {
            let n = &self.nodes[k];
            if n.left == LEAF {
                return n.value;
            }
            k = if codes[n.feature as usize] <= n.bin {
                n.left
            } else {
                n.right
            } as usize;
        }
    }

    /// Splits in the tree.
    pub fn splits(&self) -> usize {
        self.nodes.iter().filter(|n| n.left != LEAF).count()
    }

    /// Leaves in the tree.
    pub fn leaves(&self) -> usize {
        self.nodes.len() - self.splits()
    }
}

/// How a tree is grown.
#[derive(Debug, Clone, Copy)]
pub struct Growth {
    /// The deepest split.
    pub max_depth: u32,
    /// The least weight a leaf may hold.
    pub min_leaf: u32,
    /// Features tried at each split (all of them for a single tree).
    pub features_tried: usize,
}

/// Draws a uniform integer below `n` (the forest's seeded generator, at a fixed width so
/// that the tab's 32-bit `usize` draws the same numbers).
pub trait Draw {
    /// A number in 0..n.
    fn below(&mut self, n: u32) -> u32;
}

/// The single tree's draw: it tries every feature, so nothing is drawn.
pub struct AllFeatures;

impl Draw for AllFeatures {
    fn below(&mut self, _: u32) -> u32 {
        0
    }
}

/// Grows a tree on the customers `samples` (indices into `x`), each weighted by `weight[i]`
/// (bootstrap counts; 1 for a plain tree).
pub fn grow(
    x: &Binned,
    y: &[bool],
    weight: &[u32],
    mut samples: Vec<u32>,
    growth: Growth,
    draw: &mut dyn Draw,
) -> Tree {
    let d = x.width;
    let mut nodes = vec![];
    let mut decrease = vec![0.0; d];
    let mut order: Vec<usize> = (0..d).collect();
    // (range in samples, depth, node index)
    let mut stack = vec![(0usize, samples.len(), 0u32, 0usize)];
    nodes.push(Node {
        feature: 0,
        bin: 0,
        left: LEAF,
        right: LEAF,
        value: 0.0,
    });
    let mut hist = vec![[0.0f64; 2]; d.min(growth.features_tried.max(1)) * MAX_BINS];
    while let Some((lo, hi, depth, at)) = stack.pop() {
        let (mut w, mut p) = (0.0, 0.0);
        for &s in &samples[lo..hi] {
            let ws = weight[s as usize] as f64;
            w += ws;
            if y[s as usize] {
                p += ws;
            }
        }
        nodes[at].value = if w > 0.0 { p / w } else { 0.0 };
        let min_leaf = growth.min_leaf.max(1) as f64;
        if depth >= growth.max_depth || w < 2.0 * min_leaf || p == 0.0 || p == w {
            continue;
        }
        // the features tried here: the first `tried` of a partial shuffle
        let tried = growth.features_tried.clamp(1, d);
        if tried < d {
            for t in 0..tried {
                let r = t + draw.below((d - t) as u32) as usize;
                order.swap(t, r);
            }
        }
        let chosen = &order[..tried];
        hist[..tried * MAX_BINS].fill([0.0, 0.0]);
        for &s in &samples[lo..hi] {
            let row = x.row(s as usize);
            let ws = weight[s as usize] as f64;
            let pos = if y[s as usize] { ws } else { 0.0 };
            for (t, &j) in chosen.iter().enumerate() {
                let h = &mut hist[t * MAX_BINS + row[j] as usize];
                h[0] += ws;
                h[1] += pos;
            }
        }
        let parent = gini_mass(w, p);
        let mut best: Option<(f64, usize, u8)> = None;
        for (t, &j) in chosen.iter().enumerate() {
            let (mut wl, mut pl) = (0.0, 0.0);
            for b in 0..MAX_BINS - 1 {
                let h = hist[t * MAX_BINS + b];
                wl += h[0];
                pl += h[1];
                let wr = w - wl;
                if wl < min_leaf {
                    continue;
                }
                if wr < min_leaf {
                    break;
                }
                let gain = parent - gini_mass(wl, pl) - gini_mass(wr, p - pl);
                if best.is_none_or(|(g, _, _)| gain > g) {
                    best = Some((gain, j, b as u8));
                }
            }
        }
        let Some((gain, j, bin)) = best else { continue };
        if !(gain > 1e-12 * w) {
            continue;
        }
        decrease[j] += gain;
        // partition: codes <= bin first
        let slice = &mut samples[lo..hi];
        let mut split = 0;
        for k in 0..slice.len() {
            if x.row(slice[k] as usize)[j] <= bin {
                slice.swap(split, k);
                split += 1;
            }
        }
        let left = nodes.len() as u32;
        let leaf = Node {
            feature: 0,
            bin: 0,
            left: LEAF,
            right: LEAF,
            value: 0.0,
        };
        nodes.push(leaf);
        nodes.push(leaf);
        nodes[at].feature = j as u16;
        nodes[at].bin = bin;
        nodes[at].left = left;
        nodes[at].right = left + 1;
        // the right child is popped after the left: depth first, left to right
        stack.push((lo + split, hi, depth + 1, left as usize + 1));
        stack.push((lo, lo + split, depth + 1, left as usize));
    }
    Tree { nodes, decrease }
}

/// Weight × Gini impurity of a node with weight `w` of which `p` positive: w · 2q(1 − q).
fn gini_mass(w: f64, p: f64) -> f64 {
    if w <= 0.0 {
        return 0.0;
    }
    let q = p / w;
    2.0 * w * q * (1.0 - q)
}

/// Feature importances from the impurity decreases, normalised to sum 1 (scikit-learn's
/// `feature_importances_`); all zero for a tree with no split.
pub fn normalised(decrease: &[f64]) -> Vec<f64> {
    let total: f64 = decrease.iter().sum();
    decrease
        .iter()
        .map(|v| if total > 0.0 { v / total } else { 0.0 })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::predict::propensity::features::{FeatureSpec, Features};

    fn table(rows: &[[f64; 2]]) -> Features {
        const S: FeatureSpec = FeatureSpec { name: "x", doc: "" };
        Features {
            specs: vec![S, S],
            rows: rows.iter().flatten().copied().collect(),
            customers: (0..rows.len() as u32).collect(),
        }
    }

    #[test]
    fn few_distinct_values_are_cut_between_them_and_many_at_quantiles() {
        assert_eq!(edges(&[1.0, 1.0, 2.0, 4.0]), vec![1.5, 3.0]);
        let many: Vec<f64> = (0..1000).map(|i| i as f64).collect();
        let e = edges(&many);
        assert_eq!(e.len(), MAX_BINS - 1);
        assert!(e.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(e[0], 15.5, "the first 1/64 of 1000 values ends after 15");
    }

    #[test]
    fn a_tree_finds_the_one_informative_feature() {
        // y = x0 > 5; x1 is noise that repeats
        let rows: Vec<[f64; 2]> = (0..200)
            .map(|i| [(i % 11) as f64, (i % 3) as f64])
            .collect();
        let y: Vec<bool> = rows.iter().map(|r| r[0] > 5.0).collect();
        let x = table(&rows);
        let bins = Bins::of(&x);
        let codes = bins.code(&x);
        let growth = Growth {
            max_depth: 3,
            min_leaf: 1,
            features_tried: 2,
        };
        let tree = grow(
            &codes,
            &y,
            &vec![1; 200],
            (0..200).collect(),
            growth,
            &mut AllFeatures,
        );
        assert_eq!(tree.splits(), 1, "one split separates the classes");
        assert_eq!(normalised(&tree.decrease), vec![1.0, 0.0]);
        assert_eq!(bins.threshold(0, tree.nodes[0].bin), 5.5);
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(
                tree.predict(codes.row(i)),
                if r[0] > 5.0 { 1.0 } else { 0.0 }
            );
        }
    }
}
