//! The dataset every analysis shares: the cleaned order lines regrouped so that each
//! customer's lines are one contiguous slice, ordered by time.
//!
//! Built once per ingest (`Dataset::build`), then only read. Customers are numbered in
//! *natural id order* (numeric ids numerically, others as text), so "customer_id ascending"
//! tie-breaks in the analyses are plain index comparisons.

mod facts;
mod filter;
mod grouped;
mod interner;
mod lines;
pub mod time;

pub use facts::{DataFacts, DimensionFacts, ValueCount};
pub use filter::{DataFilter, Window};
pub use grouped::{natural_id_cmp, Dataset};
pub use interner::{Interner, NONE};
pub use lines::{Dimension, DimensionColumn, OrderLines, DISCOUNTED};
