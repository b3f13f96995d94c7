//! Market basket analysis: which products are bought together. Baskets are the orders' sets
//! of products (`baskets.rs`, stage d of the peer benchmark); `fpgrowth.rs` finds the frequent
//! itemsets, `rules.rs` splits them into rules with mlxtend's measures; `algorithm.rs` makes the
//! summary and a product's frequently-bought-together list; `analysis.rs` is the door.
//! Checked against mlxtend and arules' published counts (`scripts/basket_reference.py`,
//! `tests/basket_reference.rs`).

mod algorithm;
mod analysis;
pub mod baskets;
pub mod fpgrowth;
mod messages;
mod output;
mod params;
pub mod rules;

pub use algorithm::{mine, together, Basket, Mined, MAX_RULES, MIN_TOGETHER, TOP_ITEMS};
pub use analysis::BasketAnalysis;
pub use output::{
    BasketAudience, BasketSummary, ItemCount, ItemsetRow, LengthCount, Partner, RuleRow, Together,
};
pub use params::{BasketParams, BasketParamsError, BasketValidParams};
pub use rules::Consequents;
