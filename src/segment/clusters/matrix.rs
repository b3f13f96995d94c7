//! The feature matrix: `n × d` numbers, row-major, one row per clustered customer, and the
//! seeded streams its samples and the k-means restarts draw from.

use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// A row-major matrix of `dims` columns.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Matrix {
    /// The values, row after row.
    pub data: Vec<f64>,
    /// Numbers per row.
    pub dims: usize,
}

impl Matrix {
    /// `data` cut into rows of `dims`.
    pub fn new(data: Vec<f64>, dims: usize) -> Matrix {
        debug_assert!(dims > 0 && data.len() % dims == 0);
        Matrix { data, dims }
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        if self.dims == 0 {
            0
        } else {
            self.data.len() / self.dims
        }
    }

    /// Row `i`.
    #[inline]
    pub fn row(&self, i: usize) -> &[f64] {
        &self.data[i * self.dims..(i + 1) * self.dims]
    }

    /// The rows `ids`, in that order.
    pub fn pick(&self, ids: &[usize]) -> Matrix {
        let mut data = Vec::with_capacity(ids.len() * self.dims);
        for &i in ids {
            data.extend_from_slice(self.row(i));
        }
        Matrix::new(data, self.dims)
    }
}

/// Squared Euclidean distance.
#[inline]
pub fn sq_dist(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
}

/// The ChaCha8 stream `stream` under `seed`: a k-means restart's, or a sample's.
pub fn rng(seed: u64, stream: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    rng
}

/// `count` distinct row numbers below `n`, ascending, drawn with a seeded ChaCha8 stream
/// (all of them when `count ≥ n`): the fixed-seed samples of the silhouette, the map and
/// DBSCAN.
pub fn sample_rows(n: usize, count: usize, seed: u64, stream: u64) -> Vec<usize> {
    if count >= n {
        return (0..n).collect();
    }
    let mut rng = rng(seed, stream);
    let mut picked = rand::seq::index::sample(&mut rng, n, count).into_vec();
    picked.sort_unstable();
    picked
}
