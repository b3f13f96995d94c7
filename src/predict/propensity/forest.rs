//! A random forest: trees grown on bootstrap samples (each customer drawn n times with
//! replacement, the draws' counts as weights), √d features tried at each split, probabilities
//! averaged over the trees (Breiman 2001; scikit-learn's `RandomForestClassifier`). One
//! seeded ChaCha8 stream draws everything in a fixed order, at fixed widths, so a seed gives
//! the same forest in the tab and the CLI.

use super::tree::{grow, normalised, Binned, Draw, Growth, Tree};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Customers (weights) a leaf of a forest's tree holds at least.
pub const FOREST_MIN_LEAF: u32 = 5;

/// A fitted forest.
#[derive(Debug, Clone, PartialEq)]
pub struct Forest {
    /// Its trees.
    pub trees: Vec<Tree>,
}

struct Seeded(ChaCha8Rng);

impl Draw for Seeded {
    fn below(&mut self, n: u32) -> u32 {
        self.0.gen_range(0..n)
    }
}

impl Forest {
    /// The mean of the trees' probabilities for one row of codes.
    pub fn predict(&self, codes: &[u8]) -> f64 {
        self.trees.iter().map(|t| t.predict(codes)).sum::<f64>() / self.trees.len() as f64
    }

    /// The trees' normalised importances, averaged (scikit-learn's definition).
    pub fn importances(&self) -> Vec<f64> {
        let d = self.trees.first().map_or(0, |t| t.decrease.len());
        let mut sum = vec![0.0; d];
        for t in &self.trees {
            for (s, v) in sum.iter_mut().zip(normalised(&t.decrease)) {
                *s += v;
            }
        }
        normalised(&sum)
    }
}

/// Grows `trees` trees `max_depth` deep on the training codes `x` and labels `y`.
pub fn fit(x: &Binned, y: &[bool], trees: u32, max_depth: u32, seed: u64) -> Forest {
    let n = x.len();
    let d = x.width;
    let mut rng = Seeded(ChaCha8Rng::seed_from_u64(seed));
    let growth = Growth {
        max_depth,
        min_leaf: FOREST_MIN_LEAF,
        // scikit-learn's max_features="sqrt": ⌊√d⌋
        features_tried: ((d as f64).sqrt() as usize).max(1),
    };
    let mut weight = vec![0u32; n];
    let mut out = Vec::with_capacity(trees as usize);
    for _ in 0..trees {
        weight.fill(0);
        for _ in 0..n {
            weight[rng.below(n as u32) as usize] += 1;
        }
        let samples: Vec<u32> = (0..n as u32).filter(|&i| weight[i as usize] > 0).collect();
        out.push(grow(x, y, &weight, samples, growth, &mut rng));
    }
    Forest { trees: out }
}
