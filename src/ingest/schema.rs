//! Table schemas: what each table of the data contract (DESIGN.md) holds, as data. A schema
//! lists its fields — with their English and Chinese header synonyms and what kind of value
//! they hold — and its required sets; mapping a header, checking what is missing and the
//! page's mapping panel (through the generated `contract.ts`) all read it. The orders table
//! is `orders::ORDERS`, the others are in `side::schemas`, and `tables` says which schema
//! each table kind has and which kind a file's header is.

use super::columns::{normalize_header, ColumnAssignment, Field};
use serde::{Deserialize, Serialize};

/// A table of the data contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// One row per order line.
    Orders,
    /// One row per customer: who they are (the customer list a shop exports).
    Customers,
    /// One row per behaviour event: a view, a cart, a search (a site's events log).
    Events,
    /// One row per product: the catalogue.
    Products,
}

/// What a field holds, so the row loop knows how to read its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    /// An identifier (trimmed; Excel's `="…"` text guard removed).
    Id,
    /// A date or date-time.
    Date,
    /// A number of units.
    Quantity,
    /// An amount of money.
    Money,
    /// Free text (a name, a category).
    Text,
    /// An order status (cancelled / refunded marks a return).
    Status,
}

/// One field of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// The field.
    pub field: Field,
    /// Header synonyms, best first, already normalised (`columns::normalize_header`). When
    /// two headers match one field, the earlier synonym wins (下单时间 over 付款时间).
    pub synonyms: &'static [&'static str],
    /// What it holds.
    pub value: ValueKind,
}

/// A rule of what a table must map: one of `any_of`; when none is mapped, `reported` is
/// the field named as missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Requirement {
    /// Any of these fields satisfies it.
    #[ts(type = "Array<Field>")]
    pub any_of: &'static [Field],
    /// The field named as missing.
    pub reported: Field,
}

/// A table's schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schema {
    /// Which table.
    pub table: TableKind,
    /// Its fields, in contract order.
    pub fields: &'static [FieldSpec],
    /// What a file of this table must map.
    pub required: &'static [Requirement],
    /// Required fields the table can do without when no column's values look like them:
    /// orders without an order id column (many transaction exports) make each customer
    /// and time one order.
    pub stand_in: &'static [Field],
    /// Synonyms of a field that can also name a figure of a whole order (normalised):
    /// `(field, headers, unless)` — such a header is mapped to `field` only when the
    /// fields `unless` are not all mapped. Shopify's `Total` is the order's total, written
    /// on its first line; with `Lineitem price` and `Lineitem quantity` beside it, it is
    /// never a line's amount.
    pub whole_order: &'static [(Field, &'static [&'static str], &'static [Field])],
}

impl Schema {
    /// The spec of `field`, when the table has it.
    pub fn spec(&self, field: Field) -> Option<&FieldSpec> {
        self.fields.iter().find(|s| s.field == field)
    }

    /// Which field `header` names, and how good a match it is (lower is better).
    fn match_header(&self, header: &str) -> Option<(Field, usize)> {
        let lookup = |h: &str| {
            let norm = normalize_header(h);
            self.fields.iter().find_map(|s| {
                s.synonyms
                    .iter()
                    .position(|syn| *syn == norm)
                    .map(|rank| (s.field, rank))
            })
        };
        lookup(header).or_else(|| strip_unit(header).and_then(lookup))
    }

    /// The automatic mapping: for each field, the column whose header is its best synonym
    /// (the first such column on a tie), in contract order.
    pub fn map_columns(&self, headers: &[String]) -> Vec<ColumnAssignment> {
        let first = self.best_columns(headers, |_, _| true);
        let mapped = |f: &Field| first.iter().any(|a| a.field == *f);
        let whole: Vec<(Field, &[&str])> = self
            .whole_order
            .iter()
            .filter(|(_, _, unless)| unless.iter().all(mapped))
            .map(|&(field, names, _)| (field, names))
            .collect();
        if whole.is_empty() {
            return first;
        }
        self.best_columns(headers, |field, header| {
            let norm = normalize_header(header);
            !whole
                .iter()
                .any(|(f, names)| *f == field && names.contains(&norm.as_str()))
        })
    }

    /// For each field, the column whose header is its best synonym among those `allowed`
    /// takes for it (the first such column on a tie), in contract order.
    fn best_columns(
        &self,
        headers: &[String],
        allowed: impl Fn(Field, &str) -> bool,
    ) -> Vec<ColumnAssignment> {
        let mut best: Vec<Option<(usize, usize)>> = vec![None; self.fields.len()];
        for (column, header) in headers.iter().enumerate() {
            if let Some((field, rank)) = self
                .match_header(header)
                .filter(|&(field, _)| allowed(field, header))
            {
                let k = self
                    .fields
                    .iter()
                    .position(|s| s.field == field)
                    .unwrap_or(0);
                if best[k].is_none_or(|(r, _)| rank < r) {
                    best[k] = Some((rank, column));
                }
            }
        }
        self.fields
            .iter()
            .zip(best)
            .filter_map(|(s, b)| {
                b.map(|(_, column)| ColumnAssignment {
                    field: s.field,
                    column,
                })
            })
            .collect()
    }

    /// The required fields `mapping` lacks, as the requirements name them.
    pub fn missing(&self, mapping: &[ColumnAssignment]) -> Vec<Field> {
        let has = |f: &Field| mapping.iter().any(|a| a.field == *f);
        self.required
            .iter()
            .filter(|r| !r.any_of.iter().any(has))
            .map(|r| r.reported)
            .collect()
    }
}

/// The header without a bracketed suffix: `实付金额(元)` → `实付金额`, `Price [GBP]` → `Price`.
fn strip_unit(header: &str) -> Option<&str> {
    let cut = header.find(['(', '（', '['])?;
    let head = header[..cut].trim();
    (!head.is_empty()).then_some(head)
}
