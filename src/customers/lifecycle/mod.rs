//! Lifecycle stages: new (新客), active (活跃), loyal (忠诚), returning (回流), dormant (沉睡)
//! and churned (流失), at the data's last day and at every month end, with windows derived
//! from the shop's own days between orders.
//!
//! `params.rs` the windows (each optional) and their checks, `algorithm.rs` the stages, the
//! derived windows, the month ends and the flows, `analysis.rs` the door.

mod algorithm;
mod analysis;
mod messages;
mod params;
#[cfg(test)]
mod tests;

pub(crate) use algorithm::percentile;
pub use algorithm::{
    lifecycle, Flow, Lifecycle, LifecycleSummary, MonthStages, Stage, StageCount, Window,
    WindowSource, Windows, STAGES,
};
pub use analysis::LifecycleAnalysis;
pub use params::{LifecycleParams, LifecycleParamsError, LifecycleValidParams};
