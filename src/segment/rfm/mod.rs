//! RFM: recency, frequency and monetary scores per customer and the 11 named segments.
//!
//! `params.rs` holds the parameters and their check, `algorithm.rs` the scoring (exactly
//! stage b of the peer benchmark), `analysis.rs` the door: the customer columns it adds, its
//! output and its text.

mod algorithm;
mod analysis;
mod messages;
mod params;

pub use algorithm::{
    bins, quintiles, rfm, GridCell, Rfm, RfmError, RfmSummary, Segment, SegmentStats,
};
pub use analysis::RfmAnalysis;
pub use params::{RfmParams, RfmParamsError, RfmValidParams};
