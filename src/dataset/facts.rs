//! What the page needs to know about the loaded data before any analysis runs: its size,
//! its days, and the values of the dimensions the global filter can restrict.

use super::grouped::Dataset;
use super::interner::NONE;
use super::lines::Dimension;
use crate::dataset::time;
use serde::Serialize;

/// Most values listed per dimension (the filter bar's lists).
pub const MAX_LISTED_VALUES: usize = 200;

/// One value of a dimension and how many lines hold it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ValueCount {
    /// The value as in the file.
    pub value: String,
    /// Lines holding it.
    pub lines: u64,
}

/// The values of one dimension, most lines first (ties by value).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct DimensionFacts {
    /// Which dimension.
    pub dimension: Dimension,
    /// Distinct values in all.
    pub distinct: u64,
    /// The first `MAX_LISTED_VALUES` of them.
    pub values: Vec<ValueCount>,
}

/// The loaded data in numbers. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct DataFacts {
    /// Lines used.
    pub lines: u64,
    /// Identified customers.
    pub customers: u64,
    /// First day with a line, `YYYY-MM-DD`.
    pub first_day: Option<String>,
    /// Last day with a line.
    pub last_day: Option<String>,
    /// The dimensions the global filter can restrict (channel, region, category), when the
    /// data has them.
    pub dimensions: Vec<DimensionFacts>,
}

impl DataFacts {
    /// The facts of `data`.
    pub fn of(data: &Dataset) -> DataFacts {
        let t = &data.lines.time;
        let day = |v: Option<&i64>| v.map(|&t| time::iso_day(time::day(t)));
        let dimensions = [Dimension::Channel, Dimension::Region, Dimension::Category]
            .into_iter()
            .filter_map(|dim| {
                let col = data.lines.dimension(dim)?;
                let mut counts = vec![0u64; col.values.len()];
                for &v in col.per_line.iter().filter(|&&v| v != NONE) {
                    counts[v as usize] += 1;
                }
                let mut values: Vec<ValueCount> = col
                    .values
                    .names()
                    .zip(counts)
                    .filter(|(_, n)| *n > 0)
                    .map(|(value, lines)| ValueCount {
                        value: value.to_string(),
                        lines,
                    })
                    .collect();
                values.sort_by(|a, b| b.lines.cmp(&a.lines).then_with(|| a.value.cmp(&b.value)));
                let distinct = values.len() as u64;
                values.truncate(MAX_LISTED_VALUES);
                Some(DimensionFacts {
                    dimension: dim,
                    distinct,
                    values,
                })
            })
            .collect();
        DataFacts {
            lines: data.lines.len() as u64,
            customers: data.n_customers() as u64,
            first_day: day(t.iter().min()),
            last_day: day(t.iter().max()),
            dimensions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::OrderLines;

    #[test]
    fn facts_list_dimension_values_most_lines_first() {
        let mut t = OrderLines::default();
        for (i, ch) in ["web", "app", "web", "", "app", "web"].iter().enumerate() {
            t.push(
                &format!("o{i}"),
                Some("c"),
                86_400 * (i as i64 + 1),
                None,
                1.0,
                1,
                false,
            );
            t.set_dimension(Dimension::Channel, ch);
        }
        t.finish();
        let f = DataFacts::of(&Dataset::build(t));
        assert_eq!((f.lines, f.customers), (6, 1));
        assert_eq!(f.first_day.as_deref(), Some("1970-01-02"));
        assert_eq!(f.last_day.as_deref(), Some("1970-01-07"));
        let ch = &f.dimensions[0];
        assert_eq!(ch.dimension, Dimension::Channel);
        let listed: Vec<(&str, u64)> = ch
            .values
            .iter()
            .map(|v| (v.value.as_str(), v.lines))
            .collect();
        assert_eq!(listed, vec![("web", 3), ("app", 2)]);
    }
}
