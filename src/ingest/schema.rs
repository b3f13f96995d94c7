//! Table schemas: which tables of the data contract a file can be, and what each holds.

use serde::{Deserialize, Serialize};

/// A table of the data contract (DESIGN.md). Orders today; customers, events, products and
/// campaigns come with the analyses that read them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// One row per order line.
    Orders,
}
