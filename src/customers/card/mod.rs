//! One customer's card: the orders of one customer id, newest first, and where their money
//! went (categories, channels). The card's other facts — features, stage, tags, RFM — are
//! that customer's row of the customer table; this analysis adds what a row cannot hold.

mod algorithm;
mod analysis;
mod messages;
mod params;

pub use algorithm::{card, CardOrder, CustomerCard, Spend};
pub use analysis::CardAnalysis;
pub use params::{CardParams, CardParamsError};
