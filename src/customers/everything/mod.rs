//! The whole portrait of every customer in one table (kind `customers`, `portrait customers`):
//! every customer column of every analysis in the registry — profile, basic attributes,
//! behaviour, lifecycle stage, RFM, tags — with the merchant's rule tags (`--rule
//! 'NAME=EXPR'`) among the tags, for all customers or one (`--id`). The page's profile
//! table downloads the same CSV and exports the same JSON.
//!
//! It has no customer column of its own (it shows the others'), and reaches the other
//! analyses through the registry: a new analysis with customer columns is in it at once.

mod analysis;

pub use analysis::{
    CustomersAnalysis, CustomersParams, CustomersParamsError, CustomersTable, PortraitRows,
};
