//! **The one customer table.** Every analysis contributes per-customer columns
//! (`Analysis::COLUMNS` and `Analysis::columns`); a [`TableQuery`] picks columns from any of
//! them, filters, searches, sorts and pages. The RFM customer list, and later the profile
//! table, an audience, an audience export and the customer card, are all this one query.
//!
//! Columns are named `kind.column` (`rfm.recency`). Rows are customers in the dataset's
//! natural id order; sorting is stable on it, so ties keep customer id ascending.
//!
//! A value may be missing (a customer with one purchase day has no days between orders):
//! each value type has its null (`NULL_U32`, `NULL_I64`, `NULL_DAY`, `NULL_CODE`, NaN, `NONE` text). A
//! null is shown as `null`, sorts last in either direction, and fails every filter
//! condition — `!=` included, so "not equal to X" never picks customers with no value.

use crate::dataset::time::{iso_day, parse_iso_day};
use crate::dataset::{Dataset, Interner, NONE};
use crate::error::Error;
use crate::message::Message;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Serialize, Serializer};

mod sheet;
pub use sheet::{CsvSheet, Sheet, XlsxSheet, XLSX_MAX_ROWS};

/// Most rows one page may hold.
pub const MAX_PAGE_ROWS: usize = 1000;

/// Rows per page of the page's customer tables (the DOM never holds more).
pub const VIEW_PAGE_ROWS: usize = 25;

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
    /// A measured number (a ratio, a mean).
    Number,
    /// A share between 0 and 1.
    Share,
    /// A day, `YYYY-MM-DD`.
    Date,
    /// An hour of the day, 0 to 23.
    Hour,
    /// Text from the data (a category, a channel).
    Text,
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
    /// Its Chinese label: a rule may name it so (`订单数 >= 3`); unique among all columns.
    #[ts(type = "string")]
    pub zh: &'static str,
}

/// The null of `Values::U32`.
pub const NULL_U32: u32 = u32::MAX;
/// The null of `Values::I64`.
pub const NULL_I64: i64 = i64::MIN;
/// The null of `Values::Day`.
pub const NULL_DAY: i32 = i32::MIN;
/// The null of `Values::Code` and `Values::U8`.
pub const NULL_CODE: u8 = u8::MAX;

/// One column's values, one per customer.
#[derive(Debug, Clone, Copy)]
pub enum Values<'a> {
    /// Small integers (scores); `NULL_CODE` is null.
    U8(&'a [u8]),
    /// Counts, days, hours; `NULL_U32` is null.
    U32(&'a [u32]),
    /// Money in minor units; `NULL_I64` is null.
    I64(&'a [i64]),
    /// Measured numbers; NaN is null.
    F64(&'a [f64]),
    /// Codes into `ColumnKind::Code::names`; `NULL_CODE` is null.
    Code(&'a [u8], &'static [&'static str]),
    /// Days since 1970-01-01; `NULL_DAY` is null.
    Day(&'a [i32]),
    /// Indices into an interner of the data's text; `NONE` is null.
    Text(&'a [u32], &'a Interner),
}

/// A value as a sort key: numbers, or the rank of a text among the column's texts.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
struct Key(f64);

impl Values<'_> {
    fn len(&self) -> usize {
        match self {
            Values::U8(v) | Values::Code(v, _) => v.len(),
            Values::U32(v) | Values::Text(v, _) => v.len(),
            Values::I64(v) => v.len(),
            Values::F64(v) => v.len(),
            Values::Day(v) => v.len(),
        }
    }

    /// Whether customer `c` has no value.
    pub fn is_null(&self, c: usize) -> bool {
        match self {
            Values::U8(v) | Values::Code(v, _) => v[c] == NULL_CODE,
            Values::U32(v) => v[c] == NULL_U32,
            Values::I64(v) => v[c] == NULL_I64,
            Values::F64(v) => v[c].is_nan(),
            Values::Day(v) => v[c] == NULL_DAY,
            Values::Text(v, _) => v[c] == NONE,
        }
    }

    /// Customer `c`'s value.
    pub fn cell(&self, c: usize) -> Cell {
        if self.is_null(c) {
            return Cell::Null;
        }
        match self {
            Values::U8(v) => Cell::Int(v[c].into()),
            Values::U32(v) => Cell::Int(v[c].into()),
            Values::I64(v) => Cell::Int(v[c]),
            Values::F64(v) => Cell::Number(v[c]),
            Values::Code(v, names) => {
                Cell::Text(names.get(v[c] as usize).copied().unwrap_or("").into())
            }
            Values::Day(v) => Cell::Text(iso_day(i64::from(v[c]))),
            Values::Text(v, names) => Cell::Text(names.name(v[c]).into()),
        }
    }

    /// Customer `c`'s value as a number to compare (a text: its index in the interner);
    /// `None` when null.
    pub fn number(&self, c: usize) -> Option<f64> {
        if self.is_null(c) {
            return None;
        }
        Some(match self {
            Values::U8(v) | Values::Code(v, _) => f64::from(v[c]),
            Values::U32(v) | Values::Text(v, _) => f64::from(v[c]),
            Values::I64(v) => v[c] as f64,
            Values::F64(v) => v[c],
            Values::Day(v) => f64::from(v[c]),
        })
    }

    /// Customer numbers `0..n` by value (or reversed), ties by customer number ascending,
    /// nulls last either way. The keys are copied beside their indices first, so the sort
    /// reads no key at random.
    fn order(&self, descending: bool) -> Vec<u32> {
        let n = self.len();
        // texts sort by their names: each interned text's rank among them
        let rank: Vec<u32> = match self {
            Values::Text(_, names) => {
                let mut by_name: Vec<u32> = (0..names.len() as u32).collect();
                by_name.sort_unstable_by(|&a, &b| names.name(a).cmp(names.name(b)));
                let mut rank = vec![0u32; names.len()];
                for (r, &i) in by_name.iter().enumerate() {
                    rank[i as usize] = r as u32;
                }
                rank
            }
            _ => Vec::new(),
        };
        let key = |c: usize| match self {
            Values::Text(v, _) => f64::from(rank[v[c] as usize]),
            _ => self.number(c).unwrap_or(0.0),
        };
        let mut keyed: Vec<(Key, u32)> = Vec::with_capacity(n);
        let mut nulls: Vec<u32> = Vec::new();
        for c in 0..n {
            if self.is_null(c) {
                nulls.push(c as u32);
            } else {
                keyed.push((Key(key(c)), c as u32));
            }
        }
        let cmp = |a: &Key, b: &Key| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal);
        if descending {
            keyed.sort_unstable_by(|a, b| cmp(&b.0, &a.0).then(a.1.cmp(&b.1)));
        } else {
            keyed.sort_unstable_by(|a, b| cmp(&a.0, &b.0).then(a.1.cmp(&b.1)));
        }
        let mut order: Vec<u32> = keyed.into_iter().map(|(_, i)| i).collect();
        order.extend(nulls);
        order
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
    /// Text (a code's name, an id, a day).
    Text(String),
    /// No value.
    Null,
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
    /// Customers matching this rule too (`crate::rules`; "" = all): `orders >= 3 and
    /// top_category == "美妆"`.
    pub rule: String,
    /// Saved audiences the rule may name (`in_audience("VIP")`).
    pub audiences: Vec<crate::rules::AudienceDefinition>,
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
    /// What to compare with; `None`: a text the column never holds.
    value: Option<f64>,
}

impl Test<'_> {
    fn holds(&self, c: usize) -> bool {
        let Some(v) = self.values.number(c) else {
            return false; // a null fails every condition
        };
        let Some(value) = self.value else {
            return self.op == Op::Ne;
        };
        match self.op {
            Op::Eq => v == value,
            Op::Ne => v != value,
            Op::Lt => v < value,
            Op::Le => v <= value,
            Op::Gt => v > value,
            Op::Ge => v >= value,
        }
    }
}

fn test<'a>(column: &Resolved<'a>, condition: &Condition) -> Result<Test<'a>, Error> {
    let refuse = || {
        let shown = match &condition.value {
            Cell::Int(v) => v.to_string(),
            Cell::Number(v) => v.to_string(),
            Cell::Text(s) => format!("\"{s}\""),
            Cell::Null => "null".to_string(),
        };
        Error::Refused(
            Message::new("table.bad_value")
                .with("column", column.id.as_str())
                .with("value", shown),
        )
    };
    let value = match (&column.values, &condition.value) {
        (_, Cell::Null) => return Err(refuse()),
        (Values::Code(_, names), Cell::Text(name)) => {
            Some(names.iter().position(|n| n == name).ok_or_else(refuse)? as f64)
        }
        (Values::Day(_), Cell::Text(day)) => {
            Some(parse_iso_day(day.trim()).ok_or_else(refuse)? as f64)
        }
        (Values::Text(_, names), Cell::Text(name)) => {
            if !matches!(condition.op, Op::Eq | Op::Ne) {
                return Err(refuse());
            }
            names.get(name).map(f64::from)
        }
        (Values::Code(..) | Values::Text(..), _) | (_, Cell::Text(_)) => return Err(refuse()),
        (_, Cell::Int(v)) => Some(*v as f64),
        (_, Cell::Number(v)) => Some(*v),
    };
    Ok(Test {
        values: column.values,
        op: condition.op,
        value,
    })
}

/// Runs `query` over `columns` (those it names, and those its filter and sort name) given the
/// order of its sort column (`order`, from `Resolved::order` or `id_order`) and, for a query
/// with a rule, which customers match it.
pub fn page(
    data: &Dataset,
    columns: &[Resolved<'_>],
    order: &[u32],
    query: &TableQuery,
    matching: Option<&[bool]>,
    searched: &[String],
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
    let identities: Vec<&Resolved<'_>> = columns
        .iter()
        .filter(|c| searched.contains(&c.id))
        .collect();
    let found = |c: usize| {
        data.customers[c].to_lowercase().contains(&needle)
            || identities.iter().any(|col| match col.values {
                Values::Text(codes, names) => {
                    codes[c] != NONE && names.name(codes[c]).to_lowercase().contains(&needle)
                }
                _ => false,
            })
    };
    let keep = |c: usize| {
        matching.is_none_or(|m| m[c])
            && tests.iter().all(|t| t.holds(c))
            && (needle.is_empty() || found(c))
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

/// Customer `.1`'s row of `.0`, as an object `{customer_id, <column name>: value, …}`.
pub struct OneRow<'r>(&'r AllRows<'r>, usize);

impl Serialize for OneRow<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (rows, c) = (self.0, self.1);
        let mut map = s.serialize_map(Some(rows.columns.len() + 1))?;
        map.serialize_entry("customer_id", &*rows.data.customers[c])?;
        for (name, values) in &rows.columns {
            map.serialize_entry(name, &values.cell(c))?;
        }
        map.end()
    }
}

impl Serialize for AllRows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let n = self.data.n_customers();
        let mut seq = s.serialize_seq(Some(n))?;
        for c in 0..n {
            seq.serialize_element(&OneRow(self, c))?;
        }
        seq.end()
    }
}

/// A cell as a spreadsheet shows it, never runs it: a text that starts like a formula (`=`,
/// `+`, `-`, `@`, a tab or a line break) gets a leading `'` (OWASP's CSV injection advice).
/// Numbers the table writes itself are left alone: a negative amount stays a number.
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\n') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

impl<'a> AllRows<'a> {
    /// Customer `c`'s row alone.
    pub fn row(&'a self, c: usize) -> OneRow<'a> {
        OneRow(self, c)
    }

    /// The rows into `sheet`: `customer_id` and the short column names, customers
    /// `customers` (in that order), one a row.
    pub fn write(&self, customers: impl IntoIterator<Item = usize>, sheet: &mut dyn Sheet) {
        let header: Vec<&str> = std::iter::once("customer_id")
            .chain(self.columns.iter().map(|(n, _)| *n))
            .collect();
        sheet.header(&header);
        let mut cells = Vec::with_capacity(header.len());
        for c in customers {
            cells.clear();
            cells.push(Cell::Text(self.data.customers[c].to_string()));
            cells.extend(self.columns.iter().map(|(_, values)| values.cell(c)));
            sheet.row(&cells);
        }
    }

    /// Every customer's row into `sheet`, in customer order.
    pub fn write_all(&self, sheet: &mut dyn Sheet) {
        self.write(0..self.data.n_customers(), sheet);
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
            zh: "",
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
        let p = page(&d, &cols, &cols[0].order(true), &q, None, &[]).expect("page");
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
        let p = page(&d, &cols, &id_order(4, false), &q, None, &[]).expect("page");
        assert_eq!((p.total, p.rows.len()), (1, 1));
        let q = TableQuery {
            offset: 3,
            limit: 0,
            ..TableQuery::default()
        };
        let p = page(&d, &cols, &id_order(4, true), &q, None, &[]).expect("page");
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
        let err = page(
            &d,
            &cols,
            &id_order(4, false),
            &bad("t.nope", Cell::Int(1)),
            None,
            &[],
        )
        .expect_err("unknown column");
        assert_eq!(err.message().code, "table.unknown_column");
        let err = page(
            &d,
            &cols,
            &id_order(4, false),
            &bad("t.tier", Cell::Text("bronze".into())),
            None,
            &[],
        )
        .expect_err("unknown code");
        assert_eq!(err.message().code, "table.bad_value");
        let err = page(
            &d,
            &cols,
            &id_order(4, false),
            &bad("t.days", Cell::Text("x".into())),
            None,
            &[],
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
