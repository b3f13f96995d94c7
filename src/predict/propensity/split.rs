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
