//! The implicit feedback the recommenders learn from: customers × products, a customer's
//! count of a product the number of their orders that hold it (stage f of
//! `shared/bench/peers/README.md`: purchase lines only, customers and products that have one,
//! both in ascending order of their index in the data).

use crate::dataset::{time, Dataset, OrderLines, NONE};

/// Whether line `i` is a purchase of a product: a product, a positive quantity, not a
/// return — what every recommender learns from (stage f).
pub fn is_purchase(l: &OrderLines, i: usize) -> bool {
    l.product[i] != NONE && !l.is_return[i] && l.quantity[i] > 0.0
}

/// Customers × products in compressed rows. Row `r` (customer `users[r]` of the dataset)
/// holds columns `indices[indptr[r]..indptr[r + 1]]` (ascending item numbers) with counts in
/// `counts`; item `i` is product `items[i]` of the order lines.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Interactions {
    /// Per row: the dataset's customer number.
    #[serde(with = "super::raw")]
    pub users: Vec<u32>,
    /// Per item: the product index in `OrderLines::product_ids`.
    #[serde(with = "super::raw")]
    pub items: Vec<u32>,
    /// Row starts, one more than there are rows.
    #[serde(with = "super::raw")]
    pub indptr: Vec<u32>,
    /// Item numbers, row by row.
    #[serde(with = "super::raw")]
    pub indices: Vec<u32>,
    /// Orders of the row's customer holding the item.
    #[serde(with = "super::raw")]
    pub counts: Vec<f32>,
    /// Per row: the customer's distinct orders with a purchase (1: the cold start of
    /// factor models).
    #[serde(with = "super::raw")]
    pub orders: Vec<u32>,
}

impl Interactions {
    /// The purchases of `data` on days up to `until` (every day when `None`).
    pub fn of(data: &Dataset, until: Option<i64>) -> Interactions {
        let l = &data.lines;
        let bought =
            |i: usize| is_purchase(l, i) && until.is_none_or(|d| time::day(l.time[i]) <= d);
        // which products are bought at all: their dense numbers, in product order
        let mut dense = vec![NONE; l.product_ids.len()];
        for i in 0..data.customer_start[data.n_customers()] as usize {
            if bought(i) {
                dense[l.product[i] as usize] = 0;
            }
        }
        let mut items = Vec::new();
        for (p, d) in dense.iter_mut().enumerate() {
            if *d == 0 {
                *d = items.len() as u32;
                items.push(p as u32);
            }
        }
        let mut out = Interactions {
            items,
            indptr: vec![0],
            ..Interactions::default()
        };
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let mut orders: Vec<u32> = Vec::new();
        for c in 0..data.n_customers() {
            pairs.clear();
            pairs.extend(
                data.customer_lines(c)
                    .filter(|&i| bought(i))
                    .map(|i| (dense[l.product[i] as usize], l.order[i])),
            );
            if pairs.is_empty() {
                continue;
            }
            pairs.sort_unstable();
            pairs.dedup();
            orders.clear();
            orders.extend(pairs.iter().map(|&(_, o)| o));
            orders.sort_unstable();
            orders.dedup();
            out.orders.push(orders.len() as u32);
            let mut k = 0;
            while k < pairs.len() {
                let item = pairs[k].0;
                let mut n = 0;
                while k < pairs.len() && pairs[k].0 == item {
                    n += 1;
                    k += 1;
                }
                out.indices.push(item);
                out.counts.push(n as f32);
            }
            out.users.push(c as u32);
            out.indptr.push(out.indices.len() as u32);
        }
        out
    }

    /// Rows (customers with a purchase).
    pub fn n_users(&self) -> usize {
        self.users.len()
    }

    /// Columns (products bought).
    pub fn n_items(&self) -> usize {
        self.items.len()
    }

    /// Row `r`: its items and counts.
    pub fn row(&self, r: usize) -> (&[u32], &[f32]) {
        let at = self.indptr[r] as usize..self.indptr[r + 1] as usize;
        (&self.indices[at.clone()], &self.counts[at])
    }

    /// The same entries by column: per item, its rows and counts (compressed columns).
    pub fn by_item(&self) -> (Vec<u32>, Vec<u32>, Vec<f32>) {
        let n = self.n_items();
        let mut start = vec![0u32; n + 1];
        for &i in &self.indices {
            start[i as usize + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut next = start.clone();
        let mut rows = vec![0u32; self.indices.len()];
        let mut counts = vec![0f32; self.indices.len()];
        for r in 0..self.n_users() {
            let (items, c) = self.row(r);
            for (&i, &x) in items.iter().zip(c) {
                let at = next[i as usize] as usize;
                rows[at] = r as u32;
                counts[at] = x;
                next[i as usize] += 1;
            }
        }
        (start, rows, counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::OrderLines;

    #[test]
    fn a_count_is_the_orders_holding_the_product() {
        let day = time::SECONDS_PER_DAY;
        let mut l = OrderLines::default();
        l.push("A", Some("2"), 0, Some("p1"), 1.0, 100, false);
        l.push("A", Some("2"), 0, Some("p1"), 1.0, 100, false);
        l.push("B", Some("2"), 3 * day, Some("p1"), 2.0, 100, false);
        l.push("B", Some("2"), 3 * day, Some("p2"), 1.0, 100, false);
        l.push("C", Some("1"), 5 * day, Some("p3"), -1.0, -100, true);
        l.push("D", Some("1"), 9 * day, Some("p3"), 1.0, 100, false);
        let data = Dataset::build(l);
        let x = Interactions::of(&data, None);
        // customers in natural order: "1" then "2"; products p1 p2 p3
        assert_eq!(x.users, [0, 1]);
        assert_eq!(x.items, [0, 1, 2]);
        assert_eq!(x.row(0), (&[2][..], &[1.0][..]));
        assert_eq!(x.row(1), (&[0, 1][..], &[2.0, 1.0][..]));
        assert_eq!(x.orders, [1, 2], "customer \"2\" bought in orders A and B");
        let (start, rows, counts) = x.by_item();
        assert_eq!(start, [0, 1, 2, 3]);
        assert_eq!((rows, counts), (vec![1, 1, 0], vec![2.0, 1.0, 1.0]));
        // up to day 4: customer "1" has bought nothing yet, p3 is not an item
        let early = Interactions::of(&data, Some(4));
        assert_eq!((early.users, early.items), (vec![1], vec![0, 1]));
    }
}
