//! The top of a score list: the `n` highest-scoring items a customer has not bought, score
//! above zero, highest first and equal scores by item number — the same list in the tab and
//! the CLI, whatever order the scores were added up in.

/// Scores being added up for one customer: a dense score per item and the items touched.
/// Every addition is positive (counts × similarities), so a score once above 0 stays there.
#[derive(Debug, Clone)]
pub struct Scores {
    score: Vec<f64>,
    /// Room for every item once (and one spare slot); the first `count` are the touched.
    touched: Vec<u32>,
    count: usize,
}

impl Scores {
    /// Room for `n_items` items.
    pub fn new(n_items: usize) -> Scores {
        Scores {
            score: vec![0.0; n_items],
            touched: vec![0; n_items + 1],
            count: 0,
        }
    }

    /// Adds `x` to item `i`'s score.
    #[inline]
    pub fn add(&mut self, i: u32, x: f64) {
        // without a branch on "first time": which items a customer's neighbours reach is
        // random, so the branch would be mispredicted about every other time. The item is
        // written to the next slot always and the count moves when the score was 0. A zero
        // added leaves the score 0, so it is no touch (else the item would be listed twice).
        if x == 0.0 {
            return;
        }
        let s = &mut self.score[i as usize];
        let fresh = usize::from(*s == 0.0);
        *s += x;
        let slot = self.count.min(self.touched.len() - 1);
        self.touched[slot] = i;
        self.count += fresh;
    }

    /// The items whose score was added to since the last `clear`, in the order first touched.
    pub fn touched(&self) -> &[u32] {
        &self.touched[..self.count]
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
        for &i in &self.touched[..self.count] {
            self.score[i as usize] = 0.0;
        }
        self.count = 0;
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
            .touched()
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
