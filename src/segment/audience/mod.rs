//! Audiences: the customers a rule of the rule language keeps — built from RFM segments,
//! lifecycle stages, tags, clusters, features and other saved audiences
//! (`in_audience("VIP") and not in_audience("已发券")`) — with their share of customers and
//! revenue, the overlap of saved audiences, and a download (CSV safe against formula
//! injection, or XLSX) of the columns the merchant picks.
//!
//! `params.rs` the parameters, `algorithm.rs` the members, the summary and the download,
//! `analysis.rs` the door. The definitions of saved audiences travel in the parameters: the
//! session keeps no audience of its own, and the page keeps only definitions.

mod algorithm;
mod analysis;
mod messages;
mod params;

pub use algorithm::{Audience, AudienceSummary, OverlapCell};
pub use analysis::AudienceAnalysis;
pub use params::{AudienceParams, AudienceParamsError, AudienceValidParams};
