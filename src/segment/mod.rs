//! Customer segmentation: RFM scores and segments, and clusters found in the customers'
//! features.

pub mod clusters;
pub mod rfm;
