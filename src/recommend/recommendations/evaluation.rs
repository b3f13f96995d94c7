//! The offline evaluation: every method fitted on the purchases before the holdout (the last
//! `holdout_days` days of the data), its lists compared with what each customer bought in the
//! holdout that they had not bought before (`crate::recommend::lists::evaluate` defines the
//! measures).

use super::algorithm::Fitted;
use crate::dataset::{time, Dataset, NONE};
use crate::recommend::lists::interactions::is_purchase;

/// What the customers bought in the holdout.
pub struct Holdout {
    /// The last day of the training purchases.
    pub split_day: i64,
    /// Per customer with a relevant product: their customer number in the data and their
    /// relevant items, ascending (a product never bought before the holdout has a number
    /// past the training items, so it counts as relevant though no list can hold it).
    pub relevant: Vec<(u32, Vec<u32>)>,
}

impl Holdout {
    /// The purchases of `data` after `split_day` that `train`'s customers had not made.
    pub fn of(data: &Dataset, train: &Fitted, split_day: i64) -> Holdout {
        let l = &data.lines;
        let n_items = train.x.n_items() as u32;
        let mut item_of = vec![NONE; l.product_ids.len()];
        for (i, &p) in train.x.items.iter().enumerate() {
            item_of[p as usize] = i as u32;
        }
        let mut relevant = Vec::new();
        for c in 0..data.n_customers() {
            let mut items: Vec<u32> = data
                .customer_lines(c)
                .filter(|&i| is_purchase(l, i) && time::day(l.time[i]) > split_day)
                .map(|i| {
                    let p = l.product[i];
                    match item_of[p as usize] {
                        NONE => n_items + p,
                        item => item,
                    }
                })
                .collect();
            items.sort_unstable();
            items.dedup();
            let before: &[u32] = match train.row_of[c] {
                NONE => &[],
                r => train.x.row(r as usize).0,
            };
            items.retain(|i| before.binary_search(i).is_err());
            if !items.is_empty() {
                relevant.push((c as u32, items));
            }
        }
        Holdout {
            split_day,
            relevant,
        }
    }
}

/// The items' buyers by column, for the cosine of two items (intra-list diversity).
pub struct Columns {
    start: Vec<u32>,
    rows: Vec<u32>,
    counts: Vec<f32>,
    norm: Vec<f64>,
}

impl Columns {
    /// The columns of `f`'s interactions.
    pub fn of(f: &Fitted) -> Columns {
        let (start, rows, counts) = f.x.by_item();
        let norm = (0..f.x.n_items())
            .map(|i| {
                counts[start[i] as usize..start[i + 1] as usize]
                    .iter()
                    .map(|&c| f64::from(c) * f64::from(c))
                    .sum::<f64>()
                    .sqrt()
            })
            .collect();
        Columns {
            start,
            rows,
            counts,
            norm,
        }
    }

    /// The cosine of items `i` and `j`'s buyers.
    pub fn cosine(&self, i: u32, j: u32) -> f64 {
        let at = |i: u32| self.start[i as usize] as usize..self.start[i as usize + 1] as usize;
        let (a, b) = (at(i), at(j));
        let (ra, rb) = (&self.rows[a.clone()], &self.rows[b.clone()]);
        let (ca, cb) = (&self.counts[a], &self.counts[b]);
        let (mut x, mut y, mut dot) = (0, 0, 0.0);
        while x < ra.len() && y < rb.len() {
            match ra[x].cmp(&rb[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    dot += f64::from(ca[x]) * f64::from(cb[y]);
                    x += 1;
                    y += 1;
                }
            }
        }
        let n = self.norm[i as usize] * self.norm[j as usize];
        if n > 0.0 {
            dot / n
        } else {
            0.0
        }
    }
}
