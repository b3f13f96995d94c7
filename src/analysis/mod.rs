//! Shop-level analyses over a `Dataset` (overview KPIs, monthly series).

pub mod overview;
pub(crate) mod time;
