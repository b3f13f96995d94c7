//! Offline evaluation of recommendation lists against what customers bought next (logarithms
//! are libm's, so the tab and the CLI give the same numbers). Libraries
//! disagree on the names (implicit's "precision@k" divides by min(k, relevant), not k), so
//! each measure is defined here, and on the page, once:
//!
//! For a customer with relevant products R (bought in the holdout, not before) and a list
//! L of at most k products, with hits h = |L ∩ R|:
//! - precision@k = h / k; recall@k = h / |R|; hit rate = 1 if h > 0;
//! - AP@k = Σ over the places i of L holding a hit of (hits in the first i) / i, divided by
//!   min(k, |R|); MAP@k is its mean;
//! - NDCG@k = Σ_{hits at place i} 1/log2(i + 1) ÷ Σ_{i ≤ min(k, |R|)} 1/log2(i + 1);
//!
//! each averaged over the customers with at least one relevant product; and over all lists:
//! - catalogue coverage = distinct products recommended ÷ products that could be;
//! - novelty = mean over recommended products of −log2(share of customers who bought it);
//! - intra-list diversity = mean over the pairs of a list of 1 − cosine similarity of the two
//!   products' buyers, averaged over lists of two or more.

/// The measures of a set of lists. Field names are the JS API.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize, ts_rs::TS)]
pub struct Measures {
    /// Customers measured (with a relevant product).
    pub customers: usize,
    /// Mean of hits ÷ k.
    pub precision: f64,
    /// Mean of hits ÷ relevant products.
    pub recall: f64,
    /// Mean average precision at k.
    pub map: f64,
    /// Mean normalised discounted cumulative gain at k.
    pub ndcg: f64,
    /// Share of customers with at least one hit.
    pub hit_rate: f64,
    /// Distinct products recommended ÷ the catalogue.
    pub coverage: f64,
    /// Mean −log2(share of buyers) of the products recommended.
    pub novelty: f64,
    /// Mean 1 − cosine similarity of a list's pairs.
    pub diversity: f64,
}

/// Adds up the measures list by list.
#[derive(Debug, Clone)]
pub struct Evaluation {
    k: usize,
    sums: [f64; 5],
    customers: usize,
    recommended: Vec<bool>,
    novelty: (f64, usize),
    diversity: (f64, usize),
}

impl Evaluation {
    /// Lists of at most `k` over a catalogue of `n_items` products.
    pub fn new(k: usize, n_items: usize) -> Evaluation {
        Evaluation {
            k,
            sums: [0.0; 5],
            customers: 0,
            recommended: vec![false; n_items],
            novelty: (0.0, 0),
            diversity: (0.0, 0),
        }
    }

    /// One customer's list (best first) against their relevant products (ascending).
    /// `share` gives a product's share of buyers, `similarity` two products' cosine.
    pub fn add(
        &mut self,
        list: &[u32],
        relevant: &[u32],
        share: impl Fn(u32) -> f64,
        mut similarity: impl FnMut(u32, u32) -> f64,
    ) {
        let list = &list[..list.len().min(self.k)];
        for &i in list {
            self.recommended[i as usize] = true;
            let s = share(i);
            if s > 0.0 {
                self.novelty.0 += -libm::log2(s);
                self.novelty.1 += 1;
            }
        }
        if list.len() >= 2 {
            let mut d = 0.0;
            let mut pairs = 0usize;
            for (a, &i) in list.iter().enumerate() {
                for &j in &list[a + 1..] {
                    d += 1.0 - similarity(i, j);
                    pairs += 1;
                }
            }
            self.diversity.0 += d / pairs as f64;
            self.diversity.1 += 1;
        }
        if relevant.is_empty() {
            return;
        }
        let mut hits = 0usize;
        let (mut ap, mut dcg) = (0.0, 0.0);
        for (place, &i) in list.iter().enumerate() {
            if relevant.binary_search(&i).is_ok() {
                hits += 1;
                ap += hits as f64 / (place + 1) as f64;
                dcg += 1.0 / libm::log2((place + 2) as f64);
            }
        }
        let ideal = self.k.min(relevant.len());
        let idcg: f64 = (0..ideal).map(|p| 1.0 / libm::log2((p + 2) as f64)).sum();
        self.sums[0] += hits as f64 / self.k as f64;
        self.sums[1] += hits as f64 / relevant.len() as f64;
        self.sums[2] += ap / ideal as f64;
        self.sums[3] += dcg / idcg;
        self.sums[4] += f64::from(u8::from(hits > 0));
        self.customers += 1;
    }

    /// The measures; coverage over `catalogue` products.
    pub fn measures(&self, catalogue: usize) -> Measures {
        let n = self.customers.max(1) as f64;
        let mean = |(s, c): (f64, usize)| if c == 0 { 0.0 } else { s / c as f64 };
        Measures {
            customers: self.customers,
            precision: self.sums[0] / n,
            recall: self.sums[1] / n,
            map: self.sums[2] / n,
            ndcg: self.sums[3] / n,
            hit_rate: self.sums[4] / n,
            coverage: self.recommended.iter().filter(|&&r| r).count() as f64
                / catalogue.max(1) as f64,
            novelty: mean(self.novelty),
            diversity: mean(self.diversity),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_measure_is_as_defined() {
        let mut e = Evaluation::new(3, 10);
        // relevant {2, 5}; the list 5, 7, 2: hits at places 1 and 3
        e.add(&[5, 7, 2], &[2, 5], |_| 0.25, |_, _| 0.5);
        let m = e.measures(10);
        assert_eq!(m.customers, 1);
        assert!((m.precision - 2.0 / 3.0).abs() < 1e-15);
        assert_eq!(m.recall, 1.0);
        // AP = (1/1 + 2/3) / min(3, 2)
        assert!((m.map - (1.0 + 2.0 / 3.0) / 2.0).abs() < 1e-15);
        let idcg = 1.0 + 1.0 / 3f64.log2();
        assert!((m.ndcg - (1.0 + 1.0 / 4f64.log2()) / idcg).abs() < 1e-15);
        assert_eq!(m.hit_rate, 1.0);
        assert!((m.coverage - 0.3).abs() < 1e-15);
        assert_eq!(m.novelty, 2.0);
        assert_eq!(m.diversity, 0.5);
        // a customer with no relevant product counts in coverage only; a miss lowers the rest
        e.add(&[1], &[], |_| 0.5, |_, _| 0.0);
        e.add(&[8, 9], &[3], |_| 0.5, |_, _| 0.0);
        let m = e.measures(10);
        assert_eq!(m.customers, 2);
        assert_eq!(m.hit_rate, 0.5);
        assert!((m.coverage - 0.6).abs() < 1e-15);
    }
}
