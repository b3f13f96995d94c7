//! Customer segmentation: RFM today; rule-based audiences and clustering will live beside it.

pub mod rfm;
