//! Churn and purchase propensity: will a customer buy (or not) within the next N days?
//! Logistic regression, a decision tree and a random forest learn from one period and are
//! measured on the next, so the page shows how well they foresee *this* shop's customers.
//!
//! `split.rs` the time split (`Before` and `Ahead`: no feature can read past its day);
//! `features.rs` the features; `logistic.rs`, `tree.rs`, `forest.rs` the models;
//! `metrics.rs` the evaluation; `algorithm.rs` the periods, the fits and the scores;
//! `output.rs` the output; `analysis.rs` the door. Checked against scikit-learn
//! (`scripts/propensity_reference.py`, `tests/propensity_reference.rs`).

mod algorithm;
mod analysis;
pub mod features;
pub mod forest;
pub mod logistic;
mod messages;
pub mod metrics;
mod output;
mod params;
pub mod split;
pub mod tree;

pub use algorithm::{Propensity, MIN_CLASS, MIN_CUSTOMERS};
pub use analysis::PropensityAnalysis;
pub use output::{
    AtThreshold, Baseline, CalibrationBin, CurvePoint, FeatureInfo, Gain, Importance, ModelReport,
    Period, PropensitySummary, ScoreBin,
};
pub use params::{
    ModelKind, PropensityParams, PropensityParamsError, PropensityValidParams, Target,
};
