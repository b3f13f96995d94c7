//! The profile table (用户画像): every customer's consumption and preference features.
//!
//! `params.rs` holds the parameters and their checks, `festivals.rs` the festival days,
//! `algorithm.rs` the one pass that computes the features, `analysis.rs` the door: the
//! customer columns (each with its definition), the shop medians as output, the CLI's text.

mod algorithm;
mod analysis;
pub mod festivals;
mod messages;
mod params;
#[cfg(test)]
mod tests;

pub use algorithm::{
    profile, FeatureMedian, Profile, ProfileSummary, HIGH_PRICE, LOW_PRICE, PRICE_BANDS, WEEKDAYS,
};
pub use analysis::ProfileAnalysis;
pub use params::{ProfileParams, ProfileParamsError, ProfileValidParams};
