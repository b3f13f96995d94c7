//! Customer segmentation. This issue ships RFM; rule-based audiences and clustering
//! will live beside it.

pub mod rfm;
