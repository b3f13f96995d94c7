//! The baselines every recommender must beat: the products most customers bought
//! (popularity), and those most customers bought lately (trending: distinct buyers in the last
//! `days` days of the data read). The same list for everyone, less what each already bought.

use super::interactions::Interactions;
use crate::dataset::{time, Dataset, NONE};

/// Items by a score, best first (equal scores by item number), scores above zero only.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Ranking {
    /// (item, score), best first.
    pub items: Vec<(u32, f64)>,
}

impl Ranking {
    fn of(score: Vec<f64>) -> Ranking {
        let mut items: Vec<(u32, f64)> = score
            .into_iter()
            .enumerate()
            .filter(|&(_, s)| s > 0.0)
            .map(|(i, s)| (i as u32, s))
            .collect();
        items.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Ranking { items }
    }

    /// Popularity: each item's buyers (rows holding it).
    pub fn popular(x: &Interactions) -> Ranking {
        let mut score = vec![0.0; x.n_items()];
        for &i in &x.indices {
            score[i as usize] += 1.0;
        }
        Ranking::of(score)
    }

    /// Trending: each item's distinct buyers among the purchase lines of `data` on the `days`
    /// days up to `until` (the last day when `None`), over the items of `x`.
    pub fn trending(x: &Interactions, data: &Dataset, days: i64, until: Option<i64>) -> Ranking {
        let l = &data.lines;
        let last = until.or_else(|| data.last_day()).unwrap_or(0);
        let mut item_of = vec![NONE; l.product_ids.len()];
        for (i, &p) in x.items.iter().enumerate() {
            item_of[p as usize] = i as u32;
        }
        let mut score = vec![0.0; x.n_items()];
        let mut seen: Vec<u32> = Vec::new();
        for c in 0..data.n_customers() {
            seen.clear();
            for i in data.customer_lines(c) {
                let day = time::day(l.time[i]);
                let recent = day > last - days && day <= last;
                if recent && super::interactions::is_purchase(l, i) {
                    let item = item_of[l.product[i] as usize];
                    if item != NONE {
                        seen.push(item);
                    }
                }
            }
            seen.sort_unstable();
            seen.dedup();
            for &i in &seen {
                score[i as usize] += 1.0;
            }
        }
        Ranking::of(score)
    }

    /// The first `n` items not in `bought` (ascending).
    pub fn top(&self, bought: &[u32], n: usize) -> Vec<(u32, f64)> {
        self.items
            .iter()
            .filter(|(i, _)| bought.binary_search(i).is_err())
            .take(n)
            .copied()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::OrderLines;

    #[test]
    fn popular_counts_buyers_and_trending_only_recent_ones() {
        let day = time::SECONDS_PER_DAY;
        let mut l = OrderLines::default();
        for (o, c, d, p) in [
            ("A", "1", 0, "old"),
            ("B", "2", 1, "old"),
            ("C", "3", 2, "old"),
            ("D", "1", 40, "new"),
            ("E", "2", 41, "new"),
            ("F", "2", 41, "old"),
        ] {
            l.push(o, Some(c), d * day, Some(p), 1.0, 100, false);
        }
        let data = Dataset::build(l);
        let x = Interactions::of(&data, None);
        let old = x
            .items
            .iter()
            .position(|&p| data.lines.product_ids.name(p) == "old")
            .unwrap() as u32;
        let new = 1 - old;
        assert_eq!(Ranking::popular(&x).items, [(old, 3.0), (new, 2.0)]);
        // in the last 30 days: "new" by customers 1 and 2, "old" by customer 2
        assert_eq!(
            Ranking::trending(&x, &data, 30, None).items,
            [(new, 2.0), (old, 1.0)]
        );
        assert_eq!(Ranking::popular(&x).top(&[old], 5), [(new, 2.0)]);
    }
}
