//! The top of a score list: the `n` highest-scoring items a customer has not bought, score
//! above zero, highest first and equal scores by item number — the same list in the tab and
//! the CLI, whatever order the scores were added up in.

/// Scores being added up for one customer: a dense score per item and the items touched.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    score: Vec<f64>,
    touched: Vec<u32>,
}

impl Scores {
    /// Room for `n_items` items.
    pub fn new(n_items: usize) -> Scores {
        Scores {
            score: vec![0.0; n_items],
            touched: Vec::new(),
        }
    }

    /// Adds `x` to item `i`'s score.
    #[inline]
    pub fn add(&mut self, i: u32, x: f64) {
        let s = &mut self.score[i as usize];
        if *s == 0.0 {
            self.touched.push(i);
        }
        *s += x;
    }

    /// The items whose score was added to since the last `clear`, in the order first touched.
    pub fn touched(&self) -> &[u32] {
        &self.touched
    }

    /// Item `i`'s score so far.
    pub fn get(&self, i: u32) -> f64 {
        self.score[i as usize]
    }

    /// The `n` best items not in `bought` (ascending), emptying the scores for the next
    /// customer.
    pub fn take_top(&mut self, bought: &[u32], n: usize) -> Vec<(u32, f64)> {
        self.take_top_kept(|i| bought.binary_search(&i).is_err(), n)
    }

    /// Empties the scores for the next customer.
    pub fn clear(&mut self) {
        for &i in &self.touched {
            self.score[i as usize] = 0.0;
        }
        self.touched.clear();
    }

    /// The `n` best items that `keep` keeps, emptying the scores for the next customer.
    pub fn take_top_kept(&mut self, keep: impl Fn(u32) -> bool, n: usize) -> Vec<(u32, f64)> {
        let out = self.top_kept(keep, n);
        self.clear();
        out
    }

    /// The `n` best items that `keep` keeps, the scores left as they are.
    pub fn top_kept(&self, keep: impl Fn(u32) -> bool, n: usize) -> Vec<(u32, f64)> {
        let mut out: Vec<(u32, f64)> = self
            .touched
            .iter()
            .map(|&i| (i, self.score[i as usize]))
            .filter(|&(i, s)| s > 0.0 && keep(i))
            .collect();
        let order = |a: &(u32, f64), b: &(u32, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if out.len() > n && n > 0 {
            out.select_nth_unstable_by(n - 1, order);
            out.truncate(n);
        }
        out.sort_by(order);
        out.truncate(n);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_leaves_out_the_bought_and_breaks_ties_by_item() {
        let mut s = Scores::new(6);
        for (i, x) in [(5, 1.0), (1, 2.0), (2, 1.0), (3, 3.0), (4, -1.0), (0, 1.0)] {
            s.add(i, x);
        }
        s.add(1, 0.5);
        assert_eq!(s.take_top(&[3], 3), [(1, 2.5), (0, 1.0), (2, 1.0)]);
        // emptied for the next customer
        assert_eq!(s.get(1), 0.0);
        s.add(4, 1.0);
        assert_eq!(s.take_top(&[], 10), [(4, 1.0)]);
    }
}
