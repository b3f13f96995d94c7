//! The tag system (标签体系): built-in families — value, consumption ability, lifecycle,
//! preference, behaviour, risk — each tag a rule of the rule language with this shop's own
//! thresholds, and the merchant's rule tags (one value, or several checked in order).
//!
//! `params.rs` the rule tags and their checks, `algorithm.rs` the built-in rules, the valued
//! clauses and the evaluation, `analysis.rs` the door.

mod algorithm;
mod analysis;
mod messages;
mod params;
#[cfg(test)]
mod tests;

pub use algorithm::{tags, TagStats, Tags, TagsSummary, FAMILIES};
pub use analysis::TagsAnalysis;
pub use params::{RuleTag, TagsParams, TagsParamsError, TagsValidParams};
