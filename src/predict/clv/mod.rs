//! Customer lifetime value: repeat purchases by BG/NBD or Pareto/NBD, order values by
//! Gamma-Gamma, each fitted by maximum likelihood on the merchant's own data and checked on a
//! holdout.
//!
//! `summary.rs` the repeat-purchase summary (stage e of `shared/bench/peers/README.md`) and
//! its merged rows; `special.rs` ln Γ, ψ and the hypergeometric series; `optimize.rs` BFGS,
//! Newton and the Hessian's standard errors; `bgnbd.rs`, `pareto.rs`, `gamma_gamma.rs` the
//! models (likelihoods and lifetimes' predictions); `fit.rs` the fits and the likelihood's edges;
//! `algorithm.rs` the predictions and the intervals; `validation.rs` the holdout check; `output.rs` the output; `analysis.rs` the door. Checked
//! against the published CDNOW fit and lifetimes (`scripts/clv_reference.py`,
//! `tests/clv_reference.rs`).

mod algorithm;
mod analysis;
pub mod bgnbd;
mod fit;
pub mod gamma_gamma;
mod messages;
pub mod optimize;
mod output;
mod params;
pub mod pareto;
pub mod special;
pub mod summary;
mod validation;

pub use algorithm::{Clv, Predictions};
pub use analysis::ClvAnalysis;
pub use fit::{Purchases, MIN_REPEAT_BUYERS};
pub use output::{
    Bar, ClvSummary, CumulativePoint, Estimate, FittedModel, FrequencyBucket, Parameter, Validation,
};
pub use params::{ClvParams, ClvParamsError, ClvValidParams, PurchaseModel, TimeUnit};
