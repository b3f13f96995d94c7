//! **The time split.** Features are computed as of a day from the lines up to it, labels from
//! the horizon after it — and the types make the other way impossible to write: a feature
//! sees customers only through `Before`, which holds each customer's lines up to its day and
//! nothing else; a label sees only `Ahead`, which answers one question about the window after
//! it. (Each customer's lines are one time-ordered slice, `Dataset::build`, so "up to the day"
//! is a prefix of the slice.)

use crate::dataset::{time, Dataset, Dimension, NONE};

/// One order line as a feature may read it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    /// Its day (days since 1970-01-01).
    pub day: i64,
    /// Its order (interned id).
    pub order: u32,
    /// Its product (interned id; `NONE` without one).
    pub product: u32,
    /// Its category (interned; `NONE` without one).
    pub category: u32,
    /// Its value in cents.
    pub amount_cents: i64,
    /// A purchase line: not a return, quantity above zero.
    pub purchase: bool,
    /// A return line.
    pub is_return: bool,
}

/// Every customer's lines up to and including one day: all a feature can see.
pub struct Before<'a> {
    data: &'a Dataset,
    day: i64,
    /// Per customer, one past its last line on or before `day`.
    ends: Vec<u32>,
}

impl<'a> Before<'a> {
    /// The lines up to `day`.
    pub fn new(data: &'a Dataset, day: i64) -> Before<'a> {
        let next_midnight = (day + 1) * time::SECONDS_PER_DAY;
        let ends = (0..data.n_customers())
            .map(|c| {
                let r = data.customer_lines(c);
                let visible = data.lines.time[r.clone()].partition_point(|&t| t < next_midnight);
                (r.start + visible) as u32
            })
            .collect();
        Before { data, day, ends }
    }

    /// The day the features are computed as of.
    pub fn day(&self) -> i64 {
        self.day
    }

    /// Customers (all of the dataset's; those with no line up to the day have none).
    pub fn customers(&self) -> usize {
        self.ends.len()
    }

    /// Customer `c`'s lines up to the day, oldest first.
    pub fn lines(&self, c: usize) -> impl Iterator<Item = Line> + '_ {
        let start = self.data.customer_start[c] as usize;
        let lines = &self.data.lines;
        let category = lines.dimension(Dimension::Category);
        (start..self.ends[c] as usize).map(move |i| Line {
            day: time::day(lines.time[i]),
            order: lines.order[i],
            product: lines.product[i],
            category: category.map_or(NONE, |d| d.per_line[i]),
            amount_cents: lines.amount_cents[i],
            purchase: !lines.is_return[i] && lines.quantity[i] > 0.0,
            is_return: lines.is_return[i],
        })
    }

    /// Whether the data has product categories at all.
    pub fn has_categories(&self) -> bool {
        self.data
            .lines
            .dimension(Dimension::Category)
            .is_some_and(|d| !d.values.is_empty())
    }
}

/// The label window: the days after `after`, through `through`.
pub struct Ahead<'a> {
    data: &'a Dataset,
    after: i64,
    through: i64,
    /// Only purchases of this category count (interned), when set.
    category: Option<u32>,
}

impl<'a> Ahead<'a> {
    /// The window (after, through], counting purchases of `category` only when given.
    pub fn new(data: &'a Dataset, after: i64, through: i64, category: Option<u32>) -> Ahead<'a> {
        Ahead {
            data,
            after,
            through,
            category,
        }
    }

    /// Whether customer `c` made a (counting) purchase within the window.
    pub fn bought(&self, c: usize) -> bool {
        let lines = &self.data.lines;
        let r = self.data.customer_lines(c);
        let from = (self.after + 1) * time::SECONDS_PER_DAY;
        let to = (self.through + 1) * time::SECONDS_PER_DAY;
        let first = r.start + lines.time[r.clone()].partition_point(|&t| t < from);
        let category = lines.dimension(Dimension::Category);
        (first..r.end).take_while(|&i| lines.time[i] < to).any(|i| {
            !lines.is_return[i]
                && lines.quantity[i] > 0.0
                && self
                    .category
                    .is_none_or(|k| category.is_some_and(|d| d.per_line[i] == k))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::OrderLines;
    use crate::predict::propensity::features::features;

    const DAY: i64 = time::SECONDS_PER_DAY;

    /// 60 customers buying every few days over 200 days from day 20,000, with returns.
    fn history(lines: &mut OrderLines) {
        for c in 0..60u32 {
            for k in 0..(c % 7 + 1) {
                let day = 20_000 + i64::from((c * 13 + k * 29) % 200);
                let order = format!("o{c}-{k}");
                let id = c.to_string();
                lines.push(
                    &order,
                    Some(&id),
                    day * DAY + 3600,
                    Some("p1"),
                    1.0,
                    1000,
                    false,
                );
                if k == 2 {
                    lines.push(
                        &order,
                        Some(&id),
                        day * DAY + 7200,
                        Some("p1"),
                        -1.0,
                        -1000,
                        true,
                    );
                }
            }
        }
    }

    #[test]
    fn no_line_after_the_day_can_change_a_feature() {
        let d = 20_120;
        let mut past = OrderLines::default();
        history(&mut past);
        let mut with_future = past.clone();
        // the future: big purchases and returns of known customers from the next midnight on,
        // and customers (ids sorting after the numeric ones) who first buy after the day
        for c in 0..60u32 {
            let id = c.to_string();
            let t = (d + 1) * DAY + i64::from(c);
            with_future.push("f", Some(&id), t, Some("p9"), 5.0, 99_999, false);
            with_future.push("g", Some(&id), t + DAY * 30, Some("p1"), -1.0, -1000, true);
        }
        with_future.push("n", Some("new"), (d + 2) * DAY, Some("p2"), 1.0, 500, false);
        let (a, b) = (Dataset::build(past), Dataset::build(with_future));
        let (fa, fb) = (
            features(&Before::new(&a, d), None),
            features(&Before::new(&b, d), None),
        );
        assert!(!fa.is_empty());
        assert_eq!(fa, fb, "features as of the day read only lines up to it");
        // the last second of the day is still the day
        let mut edge = OrderLines::default();
        history(&mut edge);
        edge.push(
            "e",
            Some("0"),
            (d + 1) * DAY - 1,
            Some("p1"),
            1.0,
            1000,
            false,
        );
        let e = Dataset::build(edge);
        let fe = features(&Before::new(&e, d), None);
        assert_eq!(fe.row(0)[0], 0.0, "customer 0 bought on the day: recency 0");
    }

    #[test]
    fn labels_count_the_window_after_the_day_and_nothing_else() {
        let mut lines = OrderLines::default();
        // customer 1 buys on the day, 2 the day after, 3 on the last day of the window, 4 the
        // day after the window, 5 only returns within it
        for (id, day, qty) in [
            ("1", 100, 1.0),
            ("2", 101, 1.0),
            ("3", 130, 1.0),
            ("4", 131, 1.0),
            ("5", 110, -1.0),
        ] {
            let t = (20_000 + day) * DAY + 60;
            lines.push("o", Some(id), t, None, qty, 100, qty < 0.0);
        }
        let data = Dataset::build(lines);
        let ahead = Ahead::new(&data, 20_100, 20_130, None);
        let bought: Vec<bool> = (0..5).map(|c| ahead.bought(c)).collect();
        assert_eq!(bought, vec![false, true, true, false, false]);
    }
}
