//! What the lifetime-value analysis answers (its output, the JS API).

use super::params::{PurchaseModel, TimeUnit};
use crate::message::Message;
use serde::Serialize;

/// One fitted parameter. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Parameter {
    /// Its name (`r`, `alpha`, `a`, `b`; `s`, `beta`; `p`, `q`, `v`).
    pub name: String,
    /// The maximum-likelihood estimate.
    pub value: f64,
    /// Its standard error from the Hessian; null when the Hessian is not positive definite.
    pub standard_error: Option<f64>,
}

/// A fitted model. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct FittedModel {
    /// `bgnbd`, `pareto` or `gamma_gamma`.
    pub model: String,
    /// The parameters in the fitting unit (α, β per unit; v in currency units).
    pub parameters: Vec<Parameter>,
    /// The log-likelihood Σ ln Lᵢ of the papers' formula, in the fitting unit.
    pub log_likelihood: f64,
    /// Customers it was fitted on.
    pub customers: usize,
    /// Optimiser iterations of the best start.
    pub iterations: u32,
}

/// A shop total with its interval. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Estimate {
    /// The value at the fitted parameters.
    pub value: f64,
    /// A 95 % interval from the parameters' uncertainty (delta method); null without one.
    pub low: Option<f64>,
    /// Its upper end.
    pub high: Option<f64>,
}

/// Mean holdout purchases of the customers with one calibration frequency. Field names are
/// the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct FrequencyBucket {
    /// Repeat purchases in the calibration period; the last bucket holds this many or more.
    pub frequency: u32,
    /// Whether this is the open last bucket (`7+`).
    pub or_more: bool,
    /// Customers in it.
    pub customers: usize,
    /// Their mean purchases in the holdout.
    pub actual: f64,
    /// The calibration model's mean prediction for them.
    pub predicted: f64,
}

/// Cumulative repeat purchases at a day. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct CumulativePoint {
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// Repeat purchase days of the calibration customers up to it.
    pub actual: f64,
    /// The calibration model's expectation.
    pub predicted: f64,
}

/// The calibration / holdout check. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Validation {
    /// The calibration period's last day.
    pub calibration_end: String,
    /// Days held out (after the calibration end, up to the last day).
    pub holdout_days: u32,
    /// The purchase model fitted on the calibration period.
    pub fit: FittedModel,
    /// Holdout purchases of the calibration customers.
    pub actual: f64,
    /// What the calibration model expected of them.
    pub predicted: f64,
    /// Mean absolute error per customer of the holdout purchases.
    pub mean_absolute_error: f64,
    /// Predicted vs actual by calibration frequency (0 to 7+).
    pub by_frequency: Vec<FrequencyBucket>,
    /// Predicted vs actual cumulative repeat purchases, a point a week.
    pub cumulative: Vec<CumulativePoint>,
}

/// A bar of a distribution. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Bar {
    /// Lower edge.
    pub from: f64,
    /// Upper edge.
    pub to: f64,
    /// Customers in it.
    pub customers: usize,
}

/// The lifetime-value analysis. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ClvSummary {
    /// The repeat-purchase model used for the predictions.
    pub model: PurchaseModel,
    /// The fitting unit.
    pub unit: TimeUnit,
    /// Days ahead the predictions count.
    pub horizon_days: u32,
    /// Monthly discount rate.
    pub discount_monthly: f64,
    /// The observation end: the data's last day.
    pub observation_end: String,
    /// Customers with a purchase.
    pub customers: usize,
    /// Of them, customers with a repeat purchase day.
    pub repeat_buyers: usize,
    /// The fewest repeat buyers the models are fitted on (the smallest shop they serve).
    pub min_repeat_buyers: usize,
    /// The repeat-purchase model fitted on all the data.
    pub purchases: FittedModel,
    /// The Gamma-Gamma order-value model; null when it could not be fitted (`value_problem`).
    pub value: Option<FittedModel>,
    /// Why there is no order-value model.
    pub value_problem: Option<Message>,
    /// Pearson correlation of repeat buyers' frequency and mean order value (Gamma-Gamma
    /// assumes none).
    pub frequency_value_correlation: Option<f64>,
    /// Σ expected purchases over the horizon.
    pub expected_purchases: Estimate,
    /// Σ lifetime value over the horizon, currency units; null without an order-value model.
    pub lifetime_value: Option<Estimate>,
    /// Mean probability alive.
    pub mean_p_alive: f64,
    /// Customers more likely alive than not.
    pub likely_alive: usize,
    /// P(alive) in ten bars of 0.1.
    pub p_alive_bars: Vec<Bar>,
    /// The calibration / holdout check; null when it was not asked for or cannot be made
    /// (`validation_problem`).
    pub validation: Option<Validation>,
    /// Why there is no validation.
    pub validation_problem: Option<Message>,
    /// What to keep in mind reading the numbers (a small shop, correlated value).
    pub notes: Vec<Message>,
}
