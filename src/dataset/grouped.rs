//! `Dataset`: the order lines regrouped per customer (natural id order), each customer's
//! lines one contiguous slice ordered by time.

use super::interner::{Interner, NONE};
use super::lines::{DimensionColumn, OrderLines};
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
    if digits.len() <= 18 {
        // the common case, in 64-bit arithmetic (128-bit is slow in wasm)
        return s.parse::<i64>().ok().map(i128::from);
    }
    s.parse().ok()
}

/// `out[place[i]] = values[i]`; `place` is a permutation of `0..values.len()`.
fn scatter<T: Copy + Default>(values: &[T], place: &[u32]) -> Vec<T> {
    let mut out = vec![T::default(); values.len()];
    for (&v, &p) in values.iter().zip(place) {
        out[p as usize] = v;
    }
    out
}

impl Dataset {
    /// Regroups `lines` by customer (natural id order) and, within a customer, by time
    /// (input order breaks ties). Runs in O(n log n) over the lines of each customer.
    pub fn build(lines: OrderLines) -> Dataset {
        let n_customers = lines.customer_ids.len();
        // natural order of customer ids -> new customer numbers
        // parse each id once (not once per comparison): 100k ids sort in milliseconds
        // sort keys side by side (numeric ids first, by value; then text ids), the id text
        // read only to break a tie
        let mut keys: Vec<(bool, i128, u32)> = (0..n_customers as u32)
            .map(|c| match parse_int_id(lines.customer_ids.name(c)) {
                Some(v) => (false, v, c),
                None => (true, 0, c),
            })
            .collect();
        keys.sort_unstable_by(|a, b| {
            (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| {
                lines
                    .customer_ids
                    .name(a.2)
                    .cmp(lines.customer_ids.name(b.2))
            })
        });
        let by_id: Vec<u32> = keys.into_iter().map(|(_, _, c)| c).collect();
        let mut renumber = vec![0u32; n_customers];
        for (new, &old) in by_id.iter().enumerate() {
            renumber[old as usize] = new as u32;
        }
        // counting sort of lines by new customer number (unidentified last): each input
        // line's place in the grouped table
        let group = |c: u32| {
            if c == NONE {
                n_customers
            } else {
                renumber[c as usize] as usize
            }
        };
        let mut start = vec![0u32; n_customers + 2];
        for &c in &lines.customer {
            start[group(c) + 1] += 1;
        }
        for k in 0..=n_customers {
            start[k + 1] += start[k];
        }
        let mut next = start.clone();
        let place: Vec<u32> = lines
            .customer
            .iter()
            .map(|&c| {
                let k = group(c);
                next[k] += 1;
                next[k] - 1
            })
            .collect();
        // Every column is *scattered* to its place: read in input order, written per customer.
        // (Gathering through a permutation instead reads each column at random, and reads
        // stall where writes do not: this is the costliest loop of ingest's last step.)
        let customers: Vec<Box<str>> = by_id
            .iter()
            .map(|&old| lines.customer_ids.name(old).into())
            .collect();
        let customer_ids = Interner::from_unique(&customers);
        let mut regrouped = OrderLines {
            order: scatter(&lines.order, &place),
            customer: scatter(&lines.customer, &place),
            time: scatter(&lines.time, &place),
            product: scatter(&lines.product, &place),
            quantity: scatter(&lines.quantity, &place),
            amount_cents: scatter(&lines.amount_cents, &place),
            is_return: scatter(&lines.is_return, &place),
            dimensions: lines
                .dimensions
                .iter()
                .map(|(d, col)| {
                    let per_line = scatter(&col.per_line, &place);
                    let values = col.values.clone();
                    (*d, DimensionColumn { values, per_line })
                })
                .collect(),
            order_ids: lines.order_ids,
            customer_ids,
            product_ids: lines.product_ids,
            product_names: lines.product_names,
        };
        for c in regrouped.customer.iter_mut().filter(|c| **c != NONE) {
            *c = renumber[*c as usize];
        }
        // order each customer's lines by time (stable: input order breaks ties); exports
        // are usually time-ordered already, so most slices are left as they are
        for k in 0..n_customers {
            let range = start[k] as usize..start[k + 1] as usize;
            if !regrouped.time[range.clone()].is_sorted() {
                regrouped.sort_range_by_time(range);
            }
        }
        start.truncate(n_customers + 1);
        Dataset {
            lines: regrouped,
            customers,
            customer_start: start,
        }
    }

    /// The latest day of any line (days since 1970-01-01): the day "days since" counts to.
    pub fn last_day(&self) -> Option<i64> {
        self.lines.time.iter().max().map(|&t| super::time::day(t))
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
    use crate::dataset::Dimension;

    #[test]
    fn numeric_ids_sort_numerically_before_text_ids() {
        let mut ids = vec!["10", "9", "b", "a", "100", "-1"];
        ids.sort_by(|a, b| natural_id_cmp(a, b));
        assert_eq!(ids, vec!["-1", "9", "10", "100", "a", "b"]);
    }

    #[test]
    fn equal_times_keep_input_order_and_every_column_moves_with_its_line() {
        let mut t = OrderLines::default();
        for (order, time, channel) in [
            ("a", 20, "web"),
            ("b", 10, "app"),
            ("c", 20, "shop"),
            ("d", 10, ""),
        ] {
            t.push(order, Some("7"), time, None, 1.0, time, false);
            t.set_dimension(Dimension::Channel, channel);
        }
        t.finish();
        let d = Dataset::build(t);
        let orders: Vec<&str> = d
            .lines
            .order
            .iter()
            .map(|&o| d.lines.order_ids.name(o))
            .collect();
        assert_eq!(orders, vec!["b", "d", "a", "c"]);
        assert_eq!(d.lines.amount_cents, vec![10, 10, 20, 20]);
        let col = &d.lines.dimensions[0].1;
        let channels: Vec<&str> = col
            .per_line
            .iter()
            .map(|&v| if v == NONE { "" } else { col.values.name(v) })
            .collect();
        assert_eq!(channels, vec!["app", "", "web", "shop"]);
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
