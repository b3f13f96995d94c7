//! Item-based collaborative filtering: products are alike when the same customers buy them.
//! The similarity of items i and j is the cosine of their columns of counts, shrunk towards
//! zero for pairs that few customers share:
//!
//!   s(i, j) = x_i · x_j / (‖x_i‖ ‖x_j‖ + λ)
//!
//! each item keeps its `k` most similar (every one when `k` is 0), and a customer's score of
//! an item is Σ over the items they bought of count × similarity. With λ = 0 and every
//! neighbour this is stage f(i) of the peer benchmark (`sklearn.metrics.pairwise.
//! cosine_similarity(X.T)`, scores x_u·S). Similarities are kept as f32, as scikit-learn's
//! dense float32 matrix; the sums are f64.

use super::interactions::Interactions;
use super::top::Scores;

/// Each item's neighbours, by item number, with their similarity.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct ItemCf {
    #[serde(with = "super::raw")]
    start: Vec<u32>,
    #[serde(with = "super::raw")]
    neighbour: Vec<u32>,
    #[serde(with = "super::raw")]
    similarity: Vec<f32>,
}

impl ItemCf {
    /// The similarities of the items of `x`.
    pub fn fit(x: &Interactions, shrinkage: f64, neighbours: usize) -> ItemCf {
        ItemCf::fit_items(x, shrinkage, neighbours, 0..x.n_items())
    }

    /// The neighbours of the items `items` only, as `fit` finds them: each item's row is
    /// computed on its own, so the parts of two workers `append` to `fit`'s result.
    pub fn fit_items(
        x: &Interactions,
        shrinkage: f64,
        neighbours: usize,
        items: std::ops::Range<usize>,
    ) -> ItemCf {
        let n = x.n_items();
        let (cstart, crows, ccounts) = x.by_item();
        let norm: Vec<f64> = (0..n)
            .map(|i| {
                let at = cstart[i] as usize..cstart[i + 1] as usize;
                ccounts[at]
                    .iter()
                    .map(|&c| f64::from(c) * f64::from(c))
                    .sum::<f64>()
                    .sqrt()
            })
            .collect();
        let mut dot = Scores::new(n);
        let mut out = ItemCf::empty();
        let mut row: Vec<(u32, f64)> = Vec::new();
        for i in items {
            for k in cstart[i] as usize..cstart[i + 1] as usize {
                let xi = f64::from(ccounts[k]);
                let (items, counts) = x.row(crows[k] as usize);
                for (&j, &xj) in items.iter().zip(counts) {
                    if j as usize != i {
                        dot.add(j, xi * f64::from(xj));
                    }
                }
            }
            // every co-bought item (a positive dot product), with its similarity
            row.clear();
            row.extend(
                dot.touched()
                    .iter()
                    .map(|&j| (j, dot.get(j)))
                    .filter(|&(_, d)| d > 0.0)
                    .map(|(j, d)| (j, d / (norm[i] * norm[j as usize] + shrinkage))),
            );
            dot.clear();
            out.push(&mut row, neighbours);
        }
        out
    }

    /// Adds the neighbours of the items after these (`fit_items` of the next range).
    pub fn append(&mut self, later: ItemCf) {
        let base = self.neighbour.len() as u32;
        self.start.extend(later.start[1..].iter().map(|s| s + base));
        self.neighbour.extend(later.neighbour);
        self.similarity.extend(later.similarity);
    }

    /// No item has a neighbour yet.
    pub(crate) fn empty() -> ItemCf {
        ItemCf {
            start: vec![0],
            ..ItemCf::default()
        }
    }

    /// The next item's neighbours: the `neighbours` most similar of `row` (every one when 0).
    pub(crate) fn push(&mut self, row: &mut Vec<(u32, f64)>, neighbours: usize) {
        if neighbours > 0 && row.len() > neighbours {
            // the most similar, equal similarities by item number: a total order, so the
            // partition keeps the same set as a full sort would
            row.select_nth_unstable_by(neighbours - 1, |a, b| {
                b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
            });
            row.truncate(neighbours);
        }
        row.sort_unstable_by_key(|&(j, _)| j);
        for &(j, s) in row.iter() {
            self.neighbour.push(j);
            self.similarity.push(s as f32);
        }
        self.start.push(self.neighbour.len() as u32);
    }

    /// The similarity of items `i` and `j`, 0 when `j` is not among `i`'s neighbours.
    pub fn similarity(&self, i: u32, j: u32) -> f32 {
        let (js, ss) = self.neighbours(i);
        js.binary_search(&j).map_or(0.0, |k| ss[k])
    }

    /// Item `i`'s neighbours and similarities.
    pub fn neighbours(&self, i: u32) -> (&[u32], &[f32]) {
        let at = self.start[i as usize] as usize..self.start[i as usize + 1] as usize;
        (&self.neighbour[at.clone()], &self.similarity[at])
    }

    /// Pairs kept.
    pub fn len(&self) -> usize {
        self.neighbour.len()
    }

    /// True when no pair of items is ever bought by one customer.
    pub fn is_empty(&self) -> bool {
        self.neighbour.is_empty()
    }

    /// Adds row `r`'s scores into `scores`.
    pub fn score(&self, x: &Interactions, r: usize, scores: &mut Scores) {
        let (items, counts) = x.row(r);
        for (&i, &c) in items.iter().zip(counts) {
            let (js, ss) = self.neighbours(i);
            for (&j, &s) in js.iter().zip(ss) {
                scores.add(j, f64::from(c) * f64::from(s));
            }
        }
    }

    /// Of row `r`'s items, the one adding most to item `j`'s score ("because you bought").
    pub fn because(&self, x: &Interactions, r: usize, j: u32) -> Option<u32> {
        let (items, counts) = x.row(r);
        let mut best: Option<(u32, f64)> = None;
        for (&i, &c) in items.iter().zip(counts) {
            let (js, ss) = self.neighbours(i);
            if let Ok(k) = js.binary_search(&j) {
                let part = f64::from(c) * f64::from(ss[k]);
                if best.is_none_or(|(_, b)| part > b) {
                    best = Some((i, part));
                }
            }
        }
        best.map(|(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(rows: &[&[(u32, f32)]], n_items: usize) -> Interactions {
        let mut x = Interactions {
            items: (0..n_items as u32).collect(),
            indptr: vec![0],
            ..Interactions::default()
        };
        for (r, row) in rows.iter().enumerate() {
            for &(i, c) in *row {
                x.indices.push(i);
                x.counts.push(c);
            }
            x.users.push(r as u32);
            x.indptr.push(x.indices.len() as u32);
        }
        x
    }

    #[test]
    fn cosine_similarities_score_what_similar_customers_bought() {
        // items 0 and 1 bought together twice, 1 and 2 once
        let x = matrix(
            &[
                &[(0, 1.0), (1, 1.0)],
                &[(0, 2.0), (1, 1.0)],
                &[(1, 1.0), (2, 1.0)],
                &[(0, 1.0)],
            ],
            3,
        );
        let cf = ItemCf::fit(&x, 0.0, 0);
        // ‖x0‖ = √6, ‖x1‖ = √3, ‖x2‖ = 1: s01 = 3/√18, s12 = 1/√3, s02 = 0 (never together)
        let (js, ss) = cf.neighbours(0);
        assert_eq!(js, [1]);
        assert!((f64::from(ss[0]) - 3.0 / 18f64.sqrt()).abs() < 1e-7);
        assert_eq!(cf.neighbours(1).0, [0, 2]);
        // customer 3 bought item 0: item 1 scores s01, item 2 nothing
        let mut scores = Scores::new(3);
        cf.score(&x, 3, &mut scores);
        let top = scores.take_top(x.row(3).0, 10);
        assert_eq!(top.len(), 1);
        assert_eq!(top[0].0, 1);
        assert_eq!(cf.because(&x, 3, 1), Some(0));
        // shrinkage lowers every similarity; one neighbour keeps the closest
        let shrunk = ItemCf::fit(&x, 10.0, 1);
        assert_eq!(
            shrunk.neighbours(1).0,
            [0],
            "s10 = 3/(√18 + 10) > s12 = 1/(√3 + 10)"
        );
        assert!((f64::from(shrunk.neighbours(1).1[0]) - 3.0 / (18f64.sqrt() + 10.0)).abs() < 1e-7);
        // two workers' parts make the whole
        let mut parts = ItemCf::fit_items(&x, 0.0, 0, 0..1);
        parts.append(ItemCf::fit_items(&x, 0.0, 0, 1..3));
        let whole = ItemCf::fit(&x, 0.0, 0);
        for i in 0..3 {
            assert_eq!(parts.neighbours(i), whole.neighbours(i));
        }
    }
}
