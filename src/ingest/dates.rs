//! The evidence a date column gathers while it is read: how its values are written, and the
//! year-last dates (`3/4/2024`) that wait for the column's day/month decision.
//!
//! A split file's tail gathers its own (`ParsedPart::dates`) and the head absorbs it, so
//! these types are shared by the row loop and `split` — their own module keeps the two
//! from importing each other.

use super::tally::Tally;
use super::values::{
    parse_date, resolve_year_last, DateFormat, DateOrder, DateShape, DateStyle, DateValue,
};
use serde::{Deserialize, Serialize};

/// A year-last date waiting for the column's day/month decision.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(crate) struct Pending {
    /// The kept line it belongs to.
    pub index: u32,
    /// The line it was read from.
    pub line: u64,
    first: u8,
    second: u8,
    sep: u8,
    year: i32,
    secs_of_day: u32,
}

impl Pending {
    /// The value as written (for a rejection).
    pub fn text(&self) -> String {
        let s = self.sep as char;
        format!("{}{s}{}{s}{}", self.first, self.second, self.year)
    }

    /// The time under `order`; `None` when the value is no date under it.
    pub fn resolve(&self, order: DateOrder) -> Option<i64> {
        resolve_year_last(self.first, self.second, self.year, self.secs_of_day, order)
    }
}

/// A date cell as read: its time (0 while `pending`), its written form, and the year-last
/// value still waiting for the column's order.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DateRead {
    pub time: i64,
    pub shape: DateShape,
    pub pending: Option<Pending>,
}

impl DateRead {
    /// The date of a line whose file has none (the lines of another export's orders, which
    /// give it when the two are joined).
    pub fn unknown() -> DateRead {
        DateRead {
            time: 0,
            shape: DateShape {
                date: super::values::DateStyle::Compact,
                time: super::values::TimeStyle::None,
                zone: false,
            },
            pending: None,
        }
    }
}

/// What the date column looked like so far.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct DateColumn {
    /// The user's day/month order, if given.
    order: Option<DateOrder>,
    pending: Vec<Pending>,
    /// Year-last values whose first number is above 12 (so it is the day).
    day_first: u64,
    /// Year-last values whose second number is above 12.
    month_first: u64,
    /// A year-last value with `/` was seen (dots and dashes default to day first).
    slashed: bool,
    /// A few distinct year-last values, for the ambiguity message.
    examples: Vec<String>,
    /// How often each written form occurred.
    shapes: Tally<DateShape>,
}

impl DateColumn {
    /// A column read under the user's day/month `order`, if given.
    pub fn new(order: Option<DateOrder>) -> DateColumn {
        DateColumn {
            order,
            ..DateColumn::default()
        }
    }

    /// The user's day/month order, if given.
    pub fn order(&self) -> Option<DateOrder> {
        self.order
    }

    /// Reads a (trimmed, non-empty) cell of line `line`; `None` when it is no date (or no
    /// date under the user's order). A year-last value under no given order is pending.
    pub fn read(&self, cell: &str, excel_serials: bool, line: u64) -> Option<DateRead> {
        let date = parse_date(cell, excel_serials)?;
        let (time, pending) = match date.value {
            DateValue::Exact(t) => (t, None),
            DateValue::YearLast {
                first,
                second,
                year,
                secs_of_day,
            } => match self.order {
                Some(order) => (
                    resolve_year_last(first, second, year, secs_of_day, order)?,
                    None,
                ),
                None => {
                    let sep = match date.shape.date {
                        DateStyle::YearLast(sep) => sep,
                        _ => b'/',
                    };
                    let p = Pending {
                        index: 0,
                        line,
                        first,
                        second,
                        sep,
                        year,
                        secs_of_day,
                    };
                    (0, Some(p))
                }
            },
        };
        Some(DateRead {
            time,
            shape: date.shape,
            pending,
        })
    }

    /// Counts a kept row's date (`cell`, read as `date`) as line `index` of the file.
    pub fn note(&mut self, date: DateRead, index: u32, cell: &str) {
        self.shapes.add(date.shape, 1);
        if let Some(mut p) = date.pending {
            p.index = index;
            self.count_evidence(&p);
            if self.examples.len() < 3 && !self.examples.iter().any(|e| e == cell) {
                self.examples.push(cell.to_string());
            }
            self.pending.push(p);
        }
    }

    fn count_evidence(&mut self, p: &Pending) {
        self.day_first += u64::from(p.first > 12);
        self.month_first += u64::from(p.second > 12);
        self.slashed |= p.sep == b'/';
    }

    /// True when every pending date points at one of `n` lines.
    pub fn indices_below(&self, n: usize) -> bool {
        self.pending.iter().all(|p| (p.index as usize) < n)
    }

    /// True while some year-last date waits for the decision.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// The waiting year-last dates (the column keeps none after this).
    pub fn take_pending(&mut self) -> Vec<Pending> {
        std::mem::take(&mut self.pending)
    }

    /// A few distinct year-last values, for the ambiguity message.
    pub fn examples(&self) -> &[String] {
        &self.examples
    }

    /// Merges a split file's tail column: its pending dates of lines kept here (`final_index`
    /// maps a tail line to its line here; below `head_lines` it was a duplicate of a head
    /// line), moved down by `offset` lines, and their evidence; its examples and written
    /// forms, less the forms of the tail rows dropped as duplicates (`dropped_shapes`).
    pub fn absorb(
        &mut self,
        tail: DateColumn,
        final_index: &[u32],
        head_lines: u32,
        offset: u64,
        dropped_shapes: &[DateShape],
    ) {
        for mut p in tail.pending {
            let index = final_index[p.index as usize];
            if index < head_lines {
                continue; // the row was a duplicate of a head row
            }
            p.index = index;
            p.line += offset;
            self.count_evidence(&p);
            self.pending.push(p);
        }
        for text in tail.examples {
            if self.examples.len() < 3 && !self.examples.contains(&text) {
                self.examples.push(text);
            }
        }
        self.shapes.merge(tail.shapes);
        for shape in dropped_shapes {
            self.shapes.remove_one(shape);
        }
    }

    /// The day/month order of the year-last dates; `None` when they cannot decide it.
    pub fn decide(&self) -> Option<DateOrder> {
        if let Some(order) = self.order {
            return Some(order);
        }
        match (self.day_first, self.month_first) {
            (d, m) if d > m => Some(DateOrder::DayFirst),
            (d, m) if m > d => Some(DateOrder::MonthFirst),
            (0, 0) if !self.slashed => Some(DateOrder::DayFirst),
            _ => None,
        }
    }

    /// How the column is written (its most frequent form), read under `order`;
    /// `excel_cells`: the workbook typed them as dates.
    pub fn format(&self, order: Option<DateOrder>, excel_cells: bool) -> Option<DateFormat> {
        let top = self.shapes.iter().max_by_key(|(_, n)| *n).map(|(s, _)| *s);
        match top {
            Some(shape) if excel_cells && matches!(shape.date, DateStyle::YearFirst(b'-')) => {
                let cell = DateShape {
                    date: DateStyle::ExcelCell,
                    ..shape
                };
                Some(cell.format(None))
            }
            Some(shape) => Some(shape.format(order)),
            None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noted(cells: &[&str]) -> DateColumn {
        let mut col = DateColumn::new(None);
        for (i, cell) in cells.iter().enumerate() {
            let date = col.read(cell, false, i as u64 + 2).expect("a date");
            col.note(date, i as u32, cell);
        }
        col
    }

    #[test]
    fn a_day_above_twelve_decides_the_order() {
        let col = noted(&["3/4/2024", "25/4/2024"]);
        assert!(col.has_pending());
        assert_eq!(col.decide(), Some(DateOrder::DayFirst));
        assert_eq!(col.examples(), ["3/4/2024", "25/4/2024"]);
    }

    #[test]
    fn slashed_dates_that_fit_both_orders_are_undecided() {
        assert_eq!(noted(&["3/4/2024", "5/6/2024"]).decide(), None);
        assert_eq!(noted(&["3.4.2024"]).decide(), Some(DateOrder::DayFirst));
    }

    #[test]
    fn a_given_order_resolves_at_once() {
        let col = DateColumn::new(Some(DateOrder::MonthFirst));
        let date = col.read("3/4/2024", false, 2).expect("a date");
        assert!(date.pending.is_none());
        assert!(col.read("13/13/2024", false, 2).is_none());
    }

    #[test]
    fn absorbing_a_tail_moves_its_lines_and_drops_duplicates() {
        let mut head = noted(&["2024-01-02"]);
        let tail = noted(&["3/4/2024", "25/4/2024"]);
        // tail line 0 repeated head line 0; tail line 1 became line 1 here
        let repeated = parse_date("3/4/2024", false).expect("a date").shape;
        head.absorb(tail, &[0, 1], 1, 100, &[repeated]);
        let pending = head.take_pending();
        assert_eq!(pending.len(), 1);
        assert_eq!((pending[0].index, pending[0].line), (1, 103));
        assert_eq!(head.decide(), Some(DateOrder::DayFirst));
        let forms: Vec<u64> = head.shapes.iter().map(|&(_, n)| n).collect();
        assert_eq!(
            forms,
            vec![1, 1],
            "one ISO date and one kept year-last date"
        );
    }
}
