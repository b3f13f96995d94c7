//! Lifetime-value parameters and their checks.

use super::messages::MESSAGES;
use crate::analysis::{Check, Coded};
use crate::dataset::time;
use crate::message::Message;
use serde::{Deserialize, Serialize};

/// Which model counts the repeat purchases.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Serialize,
    Deserialize,
    ts_rs::TS,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum PurchaseModel {
    /// BG/NBD (Fader, Hardie & Lee 2005): a customer may drop out after each purchase.
    #[default]
    Bgnbd,
    /// Pareto/NBD (Schmittlein, Morrison & Colombo 1987): a customer may drop out at any time.
    Pareto,
}

/// The time unit the models are fitted in (the parameters α, β and v are in it).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Serialize,
    Deserialize,
    ts_rs::TS,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum TimeUnit {
    /// Days (lifetimes' `freq="D"`).
    #[default]
    Day,
    /// Weeks of 7 days (lifetimes' `freq="D", freq_multiplier=7`, as in the CDNOW papers).
    Week,
}

impl TimeUnit {
    /// Days in one unit.
    pub fn days(self) -> f64 {
        match self {
            TimeUnit::Day => 1.0,
            TimeUnit::Week => 7.0,
        }
    }
}

/// Parameters of the lifetime-value models. Defaults: BG/NBD in days, 90 days ahead, 1 % a
/// month discount, the last quarter of the time range held out for validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ClvParams {
    /// The repeat-purchase model: bgnbd or pareto.
    pub model: PurchaseModel,
    /// The time unit of the fit: day or week (the predictions do not depend on it beyond
    /// rounding; the parameters' scale does).
    pub unit: TimeUnit,
    /// The last day of the calibration period (YYYY-MM-DD) for the validation; the days after
    /// it are the holdout. Default: three quarters into the data's time range.
    pub calibration_end: Option<String>,
    /// Days ahead the expected purchases and the lifetime value count (1 to 3650).
    pub horizon_days: u32,
    /// Monthly discount rate of the lifetime value (0 to 0.5; lifetimes' 30-day months).
    pub discount_monthly: f64,
    /// Whether to check the model on a holdout: a second fit on the calibration period,
    /// its predictions for the days after it against what the customers did.
    pub validate: bool,
}

impl Default for ClvParams {
    fn default() -> Self {
        ClvParams {
            model: PurchaseModel::Bgnbd,
            unit: TimeUnit::Day,
            calibration_end: None,
            horizon_days: ClvParams::DEFAULT_HORIZON_DAYS,
            discount_monthly: 0.01,
            validate: true,
        }
    }
}

impl ClvParams {
    /// Ninety days, a quarter: the peer benchmark's horizon.
    pub const DEFAULT_HORIZON_DAYS: u32 = 90;
    /// Ten years.
    pub const MAX_HORIZON_DAYS: u32 = 3650;
    /// 50 % a month.
    pub const MAX_DISCOUNT: f64 = 0.5;
}

/// Checked parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClvValidParams {
    /// The repeat-purchase model.
    pub model: PurchaseModel,
    /// The fitting unit.
    pub unit: TimeUnit,
    /// The calibration end as a day number, if given.
    pub calibration_end: Option<i64>,
    /// Days ahead.
    pub horizon_days: u32,
    /// Monthly discount rate.
    pub discount_monthly: f64,
    /// Whether to validate on a holdout.
    pub validate: bool,
}

/// A broken parameter rule (worded by `super::messages::MESSAGES`).
#[derive(Debug, Clone, PartialEq)]
pub enum ClvParamsError {
    /// `horizon_days` outside 1..=3650.
    Horizon(u32),
    /// `discount_monthly` outside [0, 0.5] or not a number.
    Discount(f64),
    /// `calibration_end` is not a date.
    CalibrationEnd(String),
}

impl std::fmt::Display for ClvParamsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for ClvParamsError {}

impl Coded for ClvParamsError {
    fn message(&self) -> Message {
        let m = match self {
            ClvParamsError::Horizon(got) => Message::new("clv.horizon")
                .with("max", ClvParams::MAX_HORIZON_DAYS)
                .with("got", *got),
            ClvParamsError::Discount(got) => Message::new("clv.discount")
                .with("max", ClvParams::MAX_DISCOUNT)
                .with("got", *got),
            ClvParamsError::CalibrationEnd(v) => {
                Message::new("clv.calibration_end").with("value", v.as_str())
            }
        };
        m.worded_by(MESSAGES)
    }
}

impl Check for ClvParams {
    type Valid = ClvValidParams;
    type Error = ClvParamsError;

    fn check(&self) -> Result<ClvValidParams, ClvParamsError> {
        if !(1..=ClvParams::MAX_HORIZON_DAYS).contains(&self.horizon_days) {
            return Err(ClvParamsError::Horizon(self.horizon_days));
        }
        if !(0.0..=ClvParams::MAX_DISCOUNT).contains(&self.discount_monthly) {
            return Err(ClvParamsError::Discount(self.discount_monthly));
        }
        let calibration_end = match &self.calibration_end {
            None => None,
            Some(text) => Some(
                time::parse_iso_day(text.trim())
                    .ok_or_else(|| ClvParamsError::CalibrationEnd(text.clone()))?,
            ),
        };
        Ok(ClvValidParams {
            model: self.model,
            unit: self.unit,
            calibration_end,
            horizon_days: self.horizon_days,
            discount_monthly: self.discount_monthly,
            validate: self.validate,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_rule_has_its_error() {
        let p = ClvParams {
            horizon_days: 0,
            ..ClvParams::default()
        };
        assert_eq!(p.check(), Err(ClvParamsError::Horizon(0)));
        let p = ClvParams {
            discount_monthly: f64::NAN,
            ..ClvParams::default()
        };
        assert!(matches!(p.check(), Err(ClvParamsError::Discount(_))));
        let p = ClvParams {
            calibration_end: Some("30/09/1997".into()),
            ..ClvParams::default()
        };
        assert_eq!(
            p.check(),
            Err(ClvParamsError::CalibrationEnd("30/09/1997".into()))
        );
        let p = ClvParams {
            calibration_end: Some("1997-09-30".into()),
            ..ClvParams::default()
        };
        assert_eq!(
            p.check().map(|v| v.calibration_end),
            Ok(Some(time::days_from_civil(1997, 9, 30)))
        );
    }
}
