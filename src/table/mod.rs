//! **The one customer table.** Every analysis contributes per-customer columns
//! (`Analysis::COLUMNS` and `Analysis::columns`); a [`TableQuery`] picks columns from any of
//! them, filters, searches, sorts and pages. The RFM customer list, and later the profile
//! table, an audience, an audience export and the customer card, are all this one query.
//!
//! Columns are named `kind.column` (`rfm.recency`). Rows are customers in the dataset's
//! natural id order; sorting is stable on it, so ties keep customer id ascending.

use crate::dataset::Dataset;
use crate::error::Error;
use crate::message::Message;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Serialize, Serializer};

/// Most rows one page may hold.
pub const MAX_PAGE_ROWS: usize = 1000;

/// What a column holds, for formatting and for the generated TypeScript type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ColumnKind {
    /// A count (orders, lines).
    Count,
    /// A number of days.
    Days,
    /// Money in minor units.
    Money,
    /// A score (1..=bins).
    Score,
    /// One of a fixed list of codes; the value is the code's name.
    Code {
        /// The names, by code.
        #[ts(type = "Array<string>")]
        names: &'static [&'static str],
    },
}

/// A column an analysis adds to the customer table. Field names are the JS API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ColumnSpec {
    /// Name within its analysis (`recency`); the table calls it `kind.name`.
    #[ts(type = "string")]
    pub name: &'static str,
    /// What it holds.
    pub kind: ColumnKind,
    /// What it means, in English (the page words it from its feature's messages).
    #[ts(type = "string")]
    pub doc: &'static str,
}

/// One column's values, one per customer.
#[derive(Debug, Clone, Copy)]
pub enum Values<'a> {
    /// Small integers (scores).
    U8(&'a [u8]),
    /// Counts, days.
    U32(&'a [u32]),
    /// Money in minor units.
    I64(&'a [i64]),
    /// Measured numbers.
    F64(&'a [f64]),
    /// Codes into `ColumnKind::Code::names`.
    Code(&'a [u8], &'static [&'static str]),
}

impl Values<'_> {
    fn len(&self) -> usize {
        match self {
            Values::U8(v) | Values::Code(v, _) => v.len(),
            Values::U32(v) => v.len(),
            Values::I64(v) => v.len(),
            Values::F64(v) => v.len(),
        }
    }

    /// Customer `c`'s value.
    fn cell(&self, c: usize) -> Cell {
        match self {
            Values::U8(v) => Cell::Int(v[c].into()),
            Values::U32(v) => Cell::Int(v[c].into()),
            Values::I64(v) => Cell::Int(v[c]),
            Values::F64(v) => Cell::Number(v[c]),
            Values::Code(v, names) => {
                Cell::Text(names.get(v[c] as usize).copied().unwrap_or("").into())
            }
        }
    }

    /// Customer numbers `0..n` by value (or reversed), ties by customer number ascending.
    /// The keys are copied beside their indices first, so the sort reads no key at random.
    fn order(&self, descending: bool) -> Vec<u32> {
        fn sorted<K: PartialOrd + Copy>(keys: &[K], descending: bool) -> Vec<u32> {
            let mut keyed: Vec<(K, u32)> = keys.iter().copied().zip(0..keys.len() as u32).collect();
            let cmp = |a: &K, b: &K| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal);
            if descending {
                keyed.sort_unstable_by(|a, b| cmp(&b.0, &a.0).then(a.1.cmp(&b.1)));
            } else {
                keyed.sort_unstable_by(|a, b| cmp(&a.0, &b.0).then(a.1.cmp(&b.1)));
            }
            keyed.into_iter().map(|(_, i)| i).collect()
        }
        match self {
            Values::U8(v) | Values::Code(v, _) => sorted(v, descending),
            Values::U32(v) => sorted(v, descending),
            Values::I64(v) => sorted(v, descending),
            Values::F64(v) => sorted(v, descending),
        }
    }
}

/// One value of the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(untagged)]
pub enum Cell {
    /// A whole number.
    Int(i64),
    /// A measured number.
    Number(f64),
    /// Text (a code's name, an id).
    Text(String),
}

/// How a filter compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Equal.
    Eq,
    /// Not equal.
    Ne,
    /// Less than.
    Lt,
    /// At most.
    Le,
    /// More than.
    Gt,
    /// At least.
    Ge,
}

/// One condition of a filter: `column op value`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Condition {
    /// Column id (`rfm.segment`).
    pub column: String,
    /// Comparison.
    pub op: Op,
    /// What to compare with: a number, or a code's name.
    pub value: Cell,
}

/// A request on the customer table: columns, filter, search, sort, then one page.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(default, deny_unknown_fields)]
pub struct TableQuery {
    /// Columns to return, besides the customer id (`rfm.recency`, …).
    pub columns: Vec<String>,
    /// Customers matching every condition.
    pub filter: Vec<Condition>,
    /// Case-insensitive substring of the customer id ("" = all).
    pub search: String,
    /// Sort column (none: customer id).
    pub sort: Option<String>,
    /// Descending instead of ascending.
    pub descending: bool,
    /// First row of the page.
    pub offset: usize,
    /// Rows in the page (1 to `MAX_PAGE_ROWS`).
    pub limit: usize,
}

/// One page of the customer table. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct TablePage {
    /// Customers matching the filter and search.
    pub total: usize,
    /// First row of this page.
    pub offset: usize,
    /// The columns of each row, after `customer_id`.
    pub columns: Vec<String>,
    /// The rows: `customer_id`, then one value per column.
    #[ts(type = "Array<{ customer_id: string } & Record<string, Cell>>")]
    pub rows: Vec<Row>,
}

/// One customer's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Customer id as in the file.
    pub customer_id: String,
    /// (column id, value), in the query's column order.
    pub cells: Vec<(String, Cell)>,
}

impl Serialize for Row {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.cells.len() + 1))?;
        map.serialize_entry("customer_id", &self.customer_id)?;
        for (name, cell) in &self.cells {
            map.serialize_entry(name, cell)?;
        }
        map.end()
    }
}

/// A column resolved for a query: its id, spec and values.
#[derive(Debug, Clone)]
pub struct Resolved<'a> {
    /// `kind.name`.
    pub id: String,
    /// What it holds.
    pub spec: ColumnSpec,
    /// One value per customer.
    pub values: Values<'a>,
}

impl Resolved<'_> {
    /// Customer numbers in this column's order (the session keeps it per column).
    pub fn order(&self, descending: bool) -> Vec<u32> {
        self.values.order(descending)
    }
}

/// Customer numbers by id: natural order, or reversed.
pub fn id_order(n: usize, descending: bool) -> Vec<u32> {
    if descending {
        (0..n as u32).rev().collect()
    } else {
        (0..n as u32).collect()
    }
}

/// A condition with its value resolved against its column.
struct Test<'a> {
    values: Values<'a>,
    op: Op,
    value: f64,
}

impl Test<'_> {
    fn holds(&self, c: usize) -> bool {
        let v = match self.values {
            Values::U8(v) | Values::Code(v, _) => v[c] as f64,
            Values::U32(v) => v[c] as f64,
            Values::I64(v) => v[c] as f64,
            Values::F64(v) => v[c],
        };
        match self.op {
            Op::Eq => v == self.value,
            Op::Ne => v != self.value,
            Op::Lt => v < self.value,
            Op::Le => v <= self.value,
            Op::Gt => v > self.value,
            Op::Ge => v >= self.value,
        }
    }
}

fn test<'a>(column: &Resolved<'a>, condition: &Condition) -> Result<Test<'a>, Error> {
    let refuse = || {
        let shown = match &condition.value {
            Cell::Int(v) => v.to_string(),
            Cell::Number(v) => v.to_string(),
            Cell::Text(s) => format!("\"{s}\""),
        };
        Error::Refused(
            Message::new("table.bad_value")
                .with("column", column.id.as_str())
                .with("value", shown),
        )
    };
    let value = match (&column.values, &condition.value) {
        (Values::Code(_, names), Cell::Text(name)) => {
            names.iter().position(|n| n == name).ok_or_else(refuse)? as f64
        }
        (Values::Code(..), _) | (_, Cell::Text(_)) => return Err(refuse()),
        (_, Cell::Int(v)) => *v as f64,
        (_, Cell::Number(v)) => *v,
    };
    Ok(Test {
        values: column.values,
        op: condition.op,
        value,
    })
}

/// Runs `query` over `columns` (those it names, and those its filter and sort name) given the
/// order of its sort column (`order`, from `Resolved::order` or `id_order`).
pub fn page(
    data: &Dataset,
    columns: &[Resolved<'_>],
    order: &[u32],
    query: &TableQuery,
) -> Result<TablePage, Error> {
    let find = |id: &str| {
        columns
            .iter()
            .find(|c| c.id == id)
            .ok_or_else(|| unknown(id, columns))
    };
    let tests = query
        .filter
        .iter()
        .map(|cond| test(find(&cond.column)?, cond))
        .collect::<Result<Vec<_>, Error>>()?;
    let shown = query
        .columns
        .iter()
        .map(|id| find(id))
        .collect::<Result<Vec<_>, Error>>()?;
    let n = data.n_customers();
    if let Some(bad) = columns.iter().find(|c| c.values.len() != n) {
        return Err(Error::InvalidRequest(format!(
            "column {} has {} values for {n} customers",
            bad.id,
            bad.values.len()
        )));
    }
    let needle = query.search.trim().to_lowercase();
    let keep = |c: usize| {
        tests.iter().all(|t| t.holds(c))
            && (needle.is_empty() || data.customers[c].to_lowercase().contains(&needle))
    };
    let limit = query.limit.clamp(1, MAX_PAGE_ROWS);
    let (mut total, mut rows) = (0usize, Vec::with_capacity(limit));
    for &c in order {
        let c = c as usize;
        if keep(c) {
            if total >= query.offset && rows.len() < limit {
                rows.push(Row {
                    customer_id: data.customers[c].to_string(),
                    cells: shown
                        .iter()
                        .map(|col| (col.id.clone(), col.values.cell(c)))
                        .collect(),
                });
            }
            total += 1;
        }
    }
    Ok(TablePage {
        total,
        offset: query.offset.min(total),
        columns: query.columns.clone(),
        rows,
    })
}

/// The error for a column id no analysis provides.
pub fn unknown(id: &str, columns: &[Resolved<'_>]) -> Error {
    let known: Vec<String> = columns.iter().map(|c| c.id.clone()).collect();
    Error::Refused(
        Message::new("table.unknown_column")
            .with("column", id)
            .with("columns", known),
    )
}

/// Every customer with the values of `columns`, in customer order, each row an object
/// `{customer_id, <column name>: value, …}` (short names: the section of one analysis).
/// Written straight to the serializer, with no row built in memory.
pub struct AllRows<'a> {
    /// The data the values belong to.
    pub data: &'a Dataset,
    /// (short name, values).
    pub columns: Vec<(&'static str, Values<'a>)>,
}

impl Serialize for AllRows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct One<'r>(&'r AllRows<'r>, usize);
        impl Serialize for One<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let (rows, c) = (self.0, self.1);
                let mut map = s.serialize_map(Some(rows.columns.len() + 1))?;
                map.serialize_entry("customer_id", &*rows.data.customers[c])?;
                for (name, values) in &rows.columns {
                    match values {
                        Values::U8(v) => map.serialize_entry(name, &v[c])?,
                        Values::U32(v) => map.serialize_entry(name, &v[c])?,
                        Values::I64(v) => map.serialize_entry(name, &v[c])?,
                        Values::F64(v) => map.serialize_entry(name, &v[c])?,
                        Values::Code(v, names) => {
                            map.serialize_entry(name, names.get(v[c] as usize).unwrap_or(&""))?
                        }
                    }
                }
                map.end()
            }
        }
        let n = self.data.n_customers();
        let mut seq = s.serialize_seq(Some(n))?;
        for c in 0..n {
            seq.serialize_element(&One(self, c))?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::OrderLines;

    const SEGMENTS: &[&str] = &["gold", "silver"];

    fn data() -> Dataset {
        let mut t = OrderLines::default();
        for (i, id) in ["9", "10", "a", "b"].iter().enumerate() {
            t.push(&format!("o{i}"), Some(id), 86_400, None, 1.0, 100, false);
        }
        t.finish();
        Dataset::build(t)
    }

    fn columns<'a>(days: &'a [u32], codes: &'a [u8]) -> Vec<Resolved<'a>> {
        let spec = |name, kind| ColumnSpec {
            name,
            kind,
            doc: "",
        };
        vec![
            Resolved {
                id: "t.days".into(),
                spec: spec("days", ColumnKind::Days),
                values: Values::U32(days),
            },
            Resolved {
                id: "t.tier".into(),
                spec: spec("tier", ColumnKind::Code { names: SEGMENTS }),
                values: Values::Code(codes, SEGMENTS),
            },
        ]
    }

    #[test]
    fn pages_filter_by_code_name_sort_by_value_and_keep_id_order_on_ties() {
        let d = data(); // customers in natural order: 9, 10, a, b
        let (days, codes) = ([5, 3, 5, 1], [0, 1, 0, 0]);
        let cols = columns(&days, &codes);
        let q = TableQuery {
            columns: vec!["t.days".into(), "t.tier".into()],
            filter: vec![Condition {
                column: "t.tier".into(),
                op: Op::Eq,
                value: Cell::Text("gold".into()),
            }],
            sort: Some("t.days".into()),
            descending: true,
            limit: 10,
            ..TableQuery::default()
        };
        let p = page(&d, &cols, &cols[0].order(true), &q).expect("page");
        let ids: Vec<&str> = p.rows.iter().map(|r| r.customer_id.as_str()).collect();
        assert_eq!(ids, vec!["9", "a", "b"]);
        assert_eq!(p.total, 3);
        assert_eq!(
            p.rows[0].cells[1],
            ("t.tier".into(), Cell::Text("gold".into()))
        );
        let json = serde_json::to_string(&p.rows[2]).expect("json");
        assert_eq!(json, r#"{"customer_id":"b","t.days":1,"t.tier":"gold"}"#);
    }

    #[test]
    fn search_offset_and_limit_slice_the_matches() {
        let d = data();
        let (days, codes) = ([5, 3, 5, 1], [0, 1, 0, 0]);
        let cols = columns(&days, &codes);
        let q = TableQuery {
            search: "A".into(),
            limit: 5,
            ..TableQuery::default()
        };
        let p = page(&d, &cols, &id_order(4, false), &q).expect("page");
        assert_eq!((p.total, p.rows.len()), (1, 1));
        let q = TableQuery {
            offset: 3,
            limit: 0,
            ..TableQuery::default()
        };
        let p = page(&d, &cols, &id_order(4, true), &q).expect("page");
        assert_eq!(
            (p.total, p.offset, p.rows[0].customer_id.as_str()),
            (4, 3, "9")
        );
    }

    #[test]
    fn a_filter_must_name_a_column_and_a_value_it_can_hold() {
        let d = data();
        let (days, codes) = ([5, 3, 5, 1], [0, 1, 0, 0]);
        let cols = columns(&days, &codes);
        let bad = |column: &str, value: Cell| TableQuery {
            filter: vec![Condition {
                column: column.into(),
                op: Op::Eq,
                value,
            }],
            ..TableQuery::default()
        };
        let err = page(&d, &cols, &id_order(4, false), &bad("t.nope", Cell::Int(1)))
            .expect_err("unknown column");
        assert_eq!(err.message().code, "table.unknown_column");
        let err = page(
            &d,
            &cols,
            &id_order(4, false),
            &bad("t.tier", Cell::Text("bronze".into())),
        )
        .expect_err("unknown code");
        assert_eq!(err.message().code, "table.bad_value");
        let err = page(
            &d,
            &cols,
            &id_order(4, false),
            &bad("t.days", Cell::Text("x".into())),
        )
        .expect_err("text against a number");
        assert_eq!(err.message().code, "table.bad_value");
    }

    #[test]
    fn all_rows_serialise_each_customer_with_short_column_names() {
        let d = data();
        let days = [5, 3, 5, 1];
        let rows = AllRows {
            data: &d,
            columns: vec![("days", Values::U32(&days))],
        };
        let json = serde_json::to_string(&rows).expect("json");
        assert!(
            json.starts_with(r#"[{"customer_id":"9","days":5},{"customer_id":"10","days":3}"#),
            "{json}"
        );
    }
}
