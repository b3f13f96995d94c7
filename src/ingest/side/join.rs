//! The join report: the side tables are joined to the orders on `customer_id` and
//! `product_id`, and for each pair the report counts the ids of one table that the other
//! lacks, with the first few as examples (in the table's own order), so a merchant sees at
//! once when two exports do not describe the same shop.

use super::{SideTable, Tables};
use crate::dataset::{Interner, OrderLines};
use crate::ingest::columns::Field;
use crate::ingest::schema::TableKind;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Examples kept per side of a join.
pub const JOIN_EXAMPLES: usize = 5;

/// One direction of one join: the distinct ids of `table` (by `key`) and those of them
/// `other` does not have.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct JoinSide {
    /// The table whose ids are counted.
    pub table: TableKind,
    /// The table they are looked for in.
    pub other: TableKind,
    /// The id joined on (`customer_id` or `product_id`).
    pub key: Field,
    /// Distinct ids in `table`.
    pub ids: u64,
    /// Of those, not in `other`.
    pub unmatched: u64,
    /// The first unmatched ids.
    pub examples: Vec<String>,
}

/// Every join of the loaded tables. Field names are the JS API.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct JoinReport {
    /// Per pair of joined tables, both directions.
    pub sides: Vec<JoinSide>,
}

/// The distinct ids of a key: the orders' interner, or a side table's column.
fn side_ids(table: &SideTable, key: Field) -> Option<&Interner> {
    table.text(key).map(|c| &c.names)
}

fn side(
    table: TableKind,
    other: TableKind,
    key: Field,
    mine: &Interner,
    theirs: &Interner,
) -> JoinSide {
    let theirs: HashSet<&str> = theirs.names().collect();
    let mut unmatched = 0;
    let mut examples = Vec::new();
    for id in mine.names() {
        if !theirs.contains(id) {
            unmatched += 1;
            if examples.len() < JOIN_EXAMPLES {
                examples.push(id.to_string());
            }
        }
    }
    JoinSide {
        table,
        other,
        key,
        ids: mine.len() as u64,
        unmatched,
        examples,
    }
}

impl JoinReport {
    /// Joins `tables` to `lines`: customers and events to the orders' customers, the
    /// catalogue and the events' products to the orders' products, and events to the
    /// customer list when both are there.
    pub fn build(lines: &OrderLines, tables: &Tables) -> JoinReport {
        use TableKind::{Customers, Events, Orders, Products};
        let mut sides = Vec::new();
        let mut both = |a: TableKind, b: TableKind, key: Field, x: &Interner, y: &Interner| {
            sides.push(side(a, b, key, x, y));
            sides.push(side(b, a, key, y, x));
        };
        let customers = tables
            .customers
            .as_ref()
            .and_then(|t| side_ids(t, Field::CustomerId));
        let events = tables
            .events
            .as_ref()
            .and_then(|t| side_ids(t, Field::CustomerId));
        let products = tables
            .products
            .as_ref()
            .and_then(|t| side_ids(t, Field::ProductId));
        let event_products = tables
            .events
            .as_ref()
            .and_then(|t| side_ids(t, Field::ProductId));
        if let Some(c) = customers {
            both(Customers, Orders, Field::CustomerId, c, &lines.customer_ids);
        }
        if let Some(e) = events {
            both(Events, Orders, Field::CustomerId, e, &lines.customer_ids);
        }
        if let (Some(e), Some(c)) = (events, customers) {
            both(Events, Customers, Field::CustomerId, e, c);
        }
        if let Some(p) = products.filter(|_| !lines.product_ids.is_empty()) {
            both(Products, Orders, Field::ProductId, p, &lines.product_ids);
        }
        if let (Some(e), Some(p)) = (event_products, products) {
            both(Events, Products, Field::ProductId, e, p);
        }
        JoinReport { sides }
    }
}
