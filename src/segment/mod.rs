//! Customer segmentation: RFM scores and segments, clusters found in the customers'
//! features, and audiences built from rules.

pub mod audience;
pub mod clusters;
pub mod rfm;
