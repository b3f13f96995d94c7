//! The dataset every analysis shares: the cleaned order lines regrouped so that each
//! customer's lines are one contiguous slice, ordered by time.
//!
//! Built once per ingest (`Dataset::build`), then only read. Customers are numbered in
//! *natural id order* (numeric ids numerically, others as text), so "customer_id ascending"
//! tie-breaks in the analyses are plain index comparisons.

mod interner;
mod lines;

pub use interner::{Interner, NONE};
pub use lines::{Dimension, DimensionColumn, OrderLines};

use std::cmp::Ordering;

/// Order lines grouped by customer (CSR layout) plus the lines with no customer id.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// The lines, physically reordered: customer 0's lines, customer 1's, …, then the lines
    /// with no customer id (in input order).
    pub lines: OrderLines,
    /// Customer ids in natural order; index = customer number used in `lines.customer`.
    pub customers: Vec<Box<str>>,
    /// `lines` of customer `c` are `customer_start[c]..customer_start[c + 1]`;
    /// `customer_start[n_customers]..lines.len()` are the lines with no customer id.
    pub customer_start: Vec<u32>,
}

/// Compares customer ids: integers numerically (so `"9" < "10"`, like pandas' int64 ids),
/// integers before other text, other text byte-wise.
pub fn natural_id_cmp(a: &str, b: &str) -> Ordering {
    match (parse_int_id(a), parse_int_id(b)) {
        (Some(x), Some(y)) => x.cmp(&y).then_with(|| a.cmp(b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.cmp(b),
    }
}

fn parse_int_id(s: &str) -> Option<i128> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty() || digits.len() > 30 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl Dataset {
    /// Regroups `lines` by customer (natural id order) and, within a customer, by time
    /// (input order breaks ties). Runs in O(n log n) over the lines of each customer.
    pub fn build(lines: OrderLines) -> Dataset {
        let n_customers = lines.customer_ids.len();
        // natural order of customer ids -> new customer numbers
        // parse each id once (not once per comparison): 100k ids sort in milliseconds
        let numeric: Vec<Option<i128>> = (0..n_customers as u32)
            .map(|c| parse_int_id(lines.customer_ids.name(c)))
            .collect();
        let mut by_id: Vec<u32> = (0..n_customers as u32).collect();
        by_id.sort_unstable_by(|&a, &b| {
            let (na, nb) = (lines.customer_ids.name(a), lines.customer_ids.name(b));
            match (numeric[a as usize], numeric[b as usize]) {
                (Some(x), Some(y)) => x.cmp(&y).then_with(|| na.cmp(nb)),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => na.cmp(nb),
            }
        });
        let mut renumber = vec![0u32; n_customers];
        for (new, &old) in by_id.iter().enumerate() {
            renumber[old as usize] = new as u32;
        }
        // counting sort of lines by new customer number (unidentified last)
        let mut start = vec![0u32; n_customers + 2];
        for &c in &lines.customer {
            let k = if c == NONE {
                n_customers
            } else {
                renumber[c as usize] as usize
            };
            start[k + 1] += 1;
        }
        for k in 0..=n_customers {
            start[k + 1] += start[k];
        }
        let mut next = start.clone();
        let mut perm = vec![0u32; lines.len()];
        for (i, &c) in lines.customer.iter().enumerate() {
            let k = if c == NONE {
                n_customers
            } else {
                renumber[c as usize] as usize
            };
            perm[next[k] as usize] = i as u32;
            next[k] += 1;
        }
        // order each customer's lines by time (stable: input order breaks ties)
        // (exports are usually time-ordered already: check before sorting)
        for k in 0..n_customers {
            let slice = &mut perm[start[k] as usize..start[k + 1] as usize];
            if !slice.is_sorted_by_key(|&i| lines.time[i as usize]) {
                slice.sort_by_key(|&i| lines.time[i as usize]);
            }
        }
        let customers: Vec<Box<str>> = by_id
            .iter()
            .map(|&old| lines.customer_ids.name(old).into())
            .collect();
        let customer_ids = Interner::from_unique(&customers);
        let gather_u32 = |col: &[u32]| perm.iter().map(|&i| col[i as usize]).collect::<Vec<_>>();
        let customer = perm
            .iter()
            .map(|&i| {
                let c = lines.customer[i as usize];
                if c == NONE {
                    NONE
                } else {
                    renumber[c as usize]
                }
            })
            .collect();
        let dimensions = lines
            .dimensions
            .iter()
            .map(|(d, col)| {
                (
                    *d,
                    DimensionColumn {
                        values: col.values.clone(),
                        per_line: gather_u32(&col.per_line),
                    },
                )
            })
            .collect();
        let regrouped = OrderLines {
            order: gather_u32(&lines.order),
            customer,
            time: perm.iter().map(|&i| lines.time[i as usize]).collect(),
            product: gather_u32(&lines.product),
            quantity: perm.iter().map(|&i| lines.quantity[i as usize]).collect(),
            amount_cents: perm
                .iter()
                .map(|&i| lines.amount_cents[i as usize])
                .collect(),
            is_return: perm.iter().map(|&i| lines.is_return[i as usize]).collect(),
            dimensions,
            order_ids: lines.order_ids,
            customer_ids,
            product_ids: lines.product_ids,
            product_names: lines.product_names,
        };
        start.truncate(n_customers + 1);
        Dataset {
            lines: regrouped,
            customers,
            customer_start: start,
        }
    }

    /// Number of identified customers.
    pub fn n_customers(&self) -> usize {
        self.customers.len()
    }

    /// Line index range of customer `c`.
    pub fn customer_lines(&self, c: usize) -> std::ops::Range<usize> {
        self.customer_start[c] as usize..self.customer_start[c + 1] as usize
    }

    /// Line index range of the lines with no customer id.
    pub fn unidentified_lines(&self) -> std::ops::Range<usize> {
        self.customer_start[self.customers.len()] as usize..self.lines.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_ids_sort_numerically_before_text_ids() {
        let mut ids = vec!["10", "9", "b", "a", "100", "-1"];
        ids.sort_by(|a, b| natural_id_cmp(a, b));
        assert_eq!(ids, vec!["-1", "9", "10", "100", "a", "b"]);
    }

    #[test]
    fn build_groups_lines_by_customer_then_time() {
        let mut t = OrderLines::default();
        t.push("o1", Some("20"), 30, None, 1.0, 100, false);
        t.push("o2", None, 5, None, 1.0, 7, false);
        t.push("o3", Some("3"), 50, None, 1.0, 200, false);
        t.push("o4", Some("20"), 10, None, 1.0, 300, false);
        t.set_dimension(Dimension::Channel, "app");
        t.finish();
        let d = Dataset::build(t);
        assert_eq!(
            d.customers.iter().map(|s| &**s).collect::<Vec<_>>(),
            vec!["3", "20"]
        );
        assert_eq!(d.customer_start, vec![0, 1, 3]);
        assert_eq!(d.lines.time, vec![50, 10, 30, 5]);
        assert_eq!(d.lines.amount_cents, vec![200, 300, 100, 7]);
        assert_eq!(d.lines.customer, vec![0, 1, 1, NONE]);
        assert_eq!(d.unidentified_lines(), 3..4);
        let ch = &d.lines.dimensions[0].1;
        assert_eq!(ch.per_line, vec![NONE, 0, NONE, NONE]);
    }
}
