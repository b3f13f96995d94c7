//! The global filter: a date range and, when the data has them, channels, regions and
//! categories, applied to every analysis at once. The session builds the filtered
//! [`Dataset`] once per filter change (`Dataset::filtered`) and every analysis reads it.

use super::grouped::Dataset;
use super::interner::NONE;
use super::lines::{Dimension, DimensionColumn, OrderLines};
use crate::dataset::time;
use crate::message::Message;
use serde::{Deserialize, Serialize};

/// The filter as the page's filter bar and the CLI (`--from`, `--to`, `--channel`, …) give
/// it. Empty fields filter nothing. Field names are the JS API.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema,
)]
#[serde(default, deny_unknown_fields)]
pub struct DataFilter {
    /// First day included, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Last day included, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Only lines of these channels.
    pub channel: Vec<String>,
    /// Only lines of these regions (provinces, countries).
    pub region: Vec<String>,
    /// Only lines of these product categories.
    pub category: Vec<String>,
}

impl DataFilter {
    /// The dimensions the filter can restrict, with their values.
    fn dimensions(&self) -> [(Dimension, &[String]); 3] {
        [
            (Dimension::Channel, &self.channel),
            (Dimension::Region, &self.region),
            (Dimension::Category, &self.category),
        ]
    }
}

/// A checked filter: days as day numbers, dimension values that the data holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Window {
    /// What was asked for.
    pub filter: DataFilter,
    /// First day included.
    pub from_day: Option<i64>,
    /// Last day included.
    pub to_day: Option<i64>,
}

fn day_of(text: &str) -> Result<i64, Message> {
    time::parse_iso_day(text.trim())
        .ok_or_else(|| Message::new("filter.bad_date").with("value", text))
}

impl Window {
    /// Checks `filter` against `data`: dates are `YYYY-MM-DD` with `from` ≤ `to`, and every
    /// value names one the data holds; else the rule it breaks.
    pub fn check(filter: &DataFilter, data: &Dataset) -> Result<Window, Message> {
        let from_day = filter.from.as_deref().map(day_of).transpose()?;
        let to_day = filter.to.as_deref().map(day_of).transpose()?;
        if let (Some(a), Some(b)) = (from_day, to_day) {
            if a > b {
                return Err(Message::new("filter.range")
                    .with("from", filter.from.clone().unwrap_or_default())
                    .with("to", filter.to.clone().unwrap_or_default()));
            }
        }
        for (dim, values) in filter.dimensions() {
            let column = data.lines.dimension(dim);
            for v in values {
                if column.is_none_or(|c| c.values.get(v).is_none()) {
                    return Err(Message::new("filter.unknown_value")
                        .with("dimension", dim.name())
                        .with("value", v.as_str()));
                }
            }
        }
        Ok(Window {
            filter: filter.clone(),
            from_day,
            to_day,
        })
    }

    /// True when the filter keeps every line.
    pub fn is_all(&self) -> bool {
        self.from_day.is_none()
            && self.to_day.is_none()
            && self.filter.dimensions().iter().all(|(_, v)| v.is_empty())
    }

    /// True when a date range is set.
    pub fn has_dates(&self) -> bool {
        self.from_day.is_some() || self.to_day.is_some()
    }

    /// The same dimensions over other days (the previous period of the overview).
    pub fn with_days(&self, from_day: i64, to_day: i64) -> Window {
        let mut filter = self.filter.clone();
        filter.from = Some(time::iso_day(from_day));
        filter.to = Some(time::iso_day(to_day));
        Window {
            filter,
            from_day: Some(from_day),
            to_day: Some(to_day),
        }
    }

    /// The days the analyses look at: the filter's range, bounded by the data's first and
    /// last day (`None` when there is no line).
    pub fn span(&self, data: &Dataset) -> Option<(i64, i64)> {
        let t = &data.lines.time;
        let (lo, hi) = (time::day(*t.iter().min()?), time::day(*t.iter().max()?));
        Some((self.from_day.unwrap_or(lo), self.to_day.unwrap_or(hi)))
    }
}

/// Per dimension filtered: which of its values are kept (by value index).
fn kept_values(lines: &OrderLines, window: &Window) -> Vec<(usize, Vec<bool>)> {
    window
        .filter
        .dimensions()
        .into_iter()
        .filter(|(_, values)| !values.is_empty())
        .filter_map(|(dim, values)| {
            let k = lines.dimensions.iter().position(|(d, _)| *d == dim)?;
            let col = &lines.dimensions[k].1;
            let mut keep = vec![false; col.values.len()];
            for v in values {
                if let Some(i) = col.values.get(v) {
                    keep[i as usize] = true;
                }
            }
            Some((k, keep))
        })
        .collect()
}

impl Dataset {
    /// The lines `window` keeps, grouped as before: customers keep their natural order
    /// (those left with no line are dropped), each customer's lines their time order, and
    /// the lines without a customer stay last. Id tables are shared by copy.
    pub fn filtered(&self, window: &Window) -> Dataset {
        let lines = &self.lines;
        let dims = kept_values(lines, window);
        // A dimension the data lacks keeps nothing when values were asked for.
        let missing_dim = window
            .filter
            .dimensions()
            .iter()
            .any(|(d, v)| !v.is_empty() && lines.dimension(*d).is_none());
        let (lo, hi) = (
            window.from_day.unwrap_or(i64::MIN),
            window.to_day.unwrap_or(i64::MAX),
        );
        let keep = |i: usize| {
            let day = time::day(lines.time[i]);
            !missing_dim
                && day >= lo
                && day <= hi
                && dims.iter().all(|(k, kept)| {
                    let v = lines.dimensions[*k].1.per_line[i];
                    v != NONE && kept[v as usize]
                })
        };
        let mut out = OrderLines {
            order_ids: lines.order_ids.clone(),
            product_ids: lines.product_ids.clone(),
            product_names: lines.product_names.clone(),
            dimensions: lines
                .dimensions
                .iter()
                .map(|(d, col)| {
                    let values = col.values.clone();
                    (
                        *d,
                        DimensionColumn {
                            values,
                            per_line: Vec::new(),
                        },
                    )
                })
                .collect(),
            ..OrderLines::default()
        };
        let mut customers = Vec::new();
        let mut start = vec![0u32];
        let copy = |out: &mut OrderLines, i: usize, customer: u32| {
            out.push_indices(
                lines.order[i],
                customer,
                lines.time[i],
                lines.product[i],
                lines.quantity[i],
                lines.amount_cents[i],
                lines.is_return[i],
            );
            for (k, (_, col)) in lines.dimensions.iter().enumerate() {
                out.dimensions[k].1.per_line.push(col.per_line[i]);
            }
        };
        for c in 0..self.n_customers() {
            let new = customers.len() as u32;
            let before = out.len();
            for i in self.customer_lines(c).filter(|&i| keep(i)) {
                copy(&mut out, i, new);
            }
            if out.len() > before {
                customers.push(self.customers[c].clone());
                start.push(out.len() as u32);
            }
        }
        for i in self.unidentified_lines().filter(|&i| keep(i)) {
            copy(&mut out, i, NONE);
        }
        out.customer_ids = super::Interner::from_unique(&customers);
        Dataset {
            lines: out,
            customers,
            customer_start: start,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400;

    fn shop() -> Dataset {
        let mut t = OrderLines::default();
        for (order, customer, day, channel) in [
            ("o1", Some("2"), 10, "web"),
            ("o2", Some("2"), 20, "app"),
            ("o3", Some("1"), 15, "web"),
            ("o4", None, 12, "web"),
            ("o5", Some("3"), 30, "app"),
        ] {
            t.push(order, customer, day * DAY + 60, None, 1.0, day, false);
            t.set_dimension(Dimension::Channel, channel);
        }
        t.finish();
        Dataset::build(t)
    }

    fn window(data: &Dataset, filter: DataFilter) -> Window {
        Window::check(&filter, data).expect("valid filter")
    }

    #[test]
    fn a_date_range_keeps_whole_days_and_drops_customers_left_with_no_line() {
        let d = shop();
        let w = window(
            &d,
            DataFilter {
                from: Some(time::iso_day(12)),
                to: Some(time::iso_day(20)),
                ..DataFilter::default()
            },
        );
        let f = d.filtered(&w);
        let ids: Vec<&str> = f.customers.iter().map(|c| &**c).collect();
        assert_eq!(ids, vec!["1", "2"]);
        assert_eq!(f.lines.amount_cents, vec![15, 20, 12]);
        assert_eq!(f.customer_start, vec![0, 1, 2]);
        assert_eq!(f.unidentified_lines(), 2..3);
        assert_eq!(f.lines.customer, vec![0, 1, NONE]);
    }

    #[test]
    fn dimension_values_keep_only_their_lines() {
        let d = shop();
        let w = window(
            &d,
            DataFilter {
                channel: vec!["app".into()],
                ..DataFilter::default()
            },
        );
        let f = d.filtered(&w);
        assert_eq!(f.lines.amount_cents, vec![20, 30]);
        assert_eq!(f.n_customers(), 2);
        assert!(!w.is_all());
        assert!(window(&d, DataFilter::default()).is_all());
    }

    #[test]
    fn a_reversed_range_a_bad_date_and_an_unknown_value_are_refused() {
        let d = shop();
        let code = |filter: DataFilter| Window::check(&filter, &d).expect_err("refused").code;
        let range = DataFilter {
            from: Some("2024-03-02".into()),
            to: Some("2024-03-01".into()),
            ..DataFilter::default()
        };
        assert_eq!(code(range), "filter.range");
        let bad = DataFilter {
            from: Some("3/2/2024".into()),
            ..DataFilter::default()
        };
        assert_eq!(code(bad), "filter.bad_date");
        let unknown = DataFilter {
            region: vec!["Mars".into()],
            ..DataFilter::default()
        };
        assert_eq!(code(unknown), "filter.unknown_value");
    }
}
