//! The baskets: one per order with at least one purchase line, the set of its products
//! (stage d of `shared/bench/peers/README.md`): return lines and return orders are left out,
//! a product bought twice in one order is in its basket once.

use crate::dataset::{Dataset, NONE};

/// Baskets in compressed rows: basket `b` holds items `items[start[b]..start[b + 1]]`,
/// ascending. Items are dense numbers of the products that are in some basket; `product`
/// maps them back to the product index of the order lines.
#[derive(Debug, Clone, Default)]
pub struct Baskets {
    /// Row starts, one more than there are baskets.
    pub start: Vec<u32>,
    /// Item numbers of every basket, back to back.
    pub items: Vec<u32>,
    /// Per item: its product index in `OrderLines::product_ids`.
    pub product: Vec<u32>,
    /// Purchase lines read (before repeated products were merged).
    pub lines: u64,
}

impl Baskets {
    /// The baskets of `data`'s orders; with `members`, only the orders of the customers it
    /// marks (lines with no customer then count as no one's).
    pub fn of(data: &Dataset, members: Option<&[bool]>) -> Baskets {
        let l = &data.lines;
        let mut pairs: Vec<u64> = Vec::with_capacity(l.len());
        let mut take = |range: std::ops::Range<usize>| {
            for i in range {
                let product = l.product[i];
                // a purchase line: a product, not a return, a quantity above zero (NaN is not)
                let bought = l.quantity[i] > 0.0;
                if product == NONE || l.is_return[i] || !bought {
                    continue;
                }
                pairs.push(u64::from(l.order[i]) << 32 | u64::from(product));
            }
        };
        match members {
            None => take(0..l.len()),
            Some(m) => {
                for (c, _) in m.iter().enumerate().filter(|(_, &yes)| yes) {
                    let at = data.customer_start[c] as usize..data.customer_start[c + 1] as usize;
                    take(at);
                }
            }
        }
        let lines = pairs.len() as u64;
        pairs.sort_unstable();
        pairs.dedup();
        // dense item numbers in product order, so that the numbering does not depend on
        // which order happened to come first
        let mut dense = vec![NONE; l.product_ids.len()];
        for &p in &pairs {
            dense[(p & 0xffff_ffff) as usize] = 0;
        }
        let mut product = Vec::new();
        for (p, d) in dense.iter_mut().enumerate() {
            if *d == 0 {
                *d = product.len() as u32;
                product.push(p as u32);
            }
        }
        let mut start = Vec::new();
        let mut items = Vec::with_capacity(pairs.len());
        let mut last_order = u64::MAX;
        for &p in &pairs {
            let order = p >> 32;
            if order != last_order {
                start.push(items.len() as u32);
                last_order = order;
            }
            items.push(dense[(p & 0xffff_ffff) as usize]);
        }
        start.push(items.len() as u32);
        // within a basket the items follow the product order, which the dense numbers keep
        Baskets {
            start,
            items,
            product,
            lines,
        }
    }

    /// Number of baskets.
    pub fn len(&self) -> usize {
        self.start.len().saturating_sub(1)
    }

    /// True when there is no basket.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of distinct items.
    pub fn n_items(&self) -> usize {
        self.product.len()
    }

    /// The items of basket `b`.
    pub fn basket(&self, b: usize) -> &[u32] {
        &self.items[self.start[b] as usize..self.start[b + 1] as usize]
    }

    /// Baskets holding each item.
    pub fn item_counts(&self) -> Vec<u32> {
        let mut counts = vec![0u32; self.n_items()];
        for &i in &self.items {
            counts[i as usize] += 1;
        }
        counts
    }

    /// The most items in one basket.
    pub fn largest(&self) -> usize {
        (0..self.len())
            .map(|b| self.basket(b).len())
            .max()
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::OrderLines;

    #[test]
    fn a_basket_is_an_orders_set_of_purchased_products() {
        let mut l = OrderLines::default();
        // order A: p1 twice and p2; order B: a return of p1 only; order C: p2, and p3 returned
        l.push("A", Some("7"), 0, Some("p1"), 1.0, 100, false);
        l.push("A", Some("7"), 0, Some("p2"), 2.0, 100, false);
        l.push("A", Some("7"), 0, Some("p1"), 1.0, 100, false);
        l.push("B", Some("7"), 5, Some("p1"), -1.0, -100, true);
        l.push("C", Some("8"), 9, Some("p2"), 1.0, 100, false);
        l.push("C", Some("8"), 9, Some("p3"), -1.0, -100, true);
        let data = Dataset::build(l);
        let b = Baskets::of(&data, None);
        assert_eq!(b.len(), 2);
        assert_eq!(b.lines, 4);
        let names = |basket: &[u32]| -> Vec<&str> {
            basket
                .iter()
                .map(|&i| data.lines.product_ids.name(b.product[i as usize]))
                .collect()
        };
        assert_eq!(names(b.basket(0)), ["p1", "p2"]);
        assert_eq!(names(b.basket(1)), ["p2"]);
        assert_eq!(b.item_counts(), [1, 2]);
        let only_8 = Baskets::of(&data, Some(&[false, true]));
        assert_eq!(only_8.len(), 1);
        assert_eq!(only_8.n_items(), 1);
    }
}
