//! Lifecycle parameters: the windows, each optional (a missing one is derived from the
//! shop's own data), and their checks.

use super::messages::MESSAGES;
use crate::analysis::{Check, Coded};
use crate::message::Message;
use serde::{Deserialize, Serialize};

/// Parameters of the lifecycle stages. Every window left out is derived from the shop's own
/// distribution (see `Windows`); give one to set it.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema,
)]
#[serde(default, deny_unknown_fields)]
pub struct LifecycleParams {
    /// Days since the last purchase up to which a customer is active (default: the 80th
    /// percentile of the shop's days between purchases).
    pub active_days: Option<u32>,
    /// Days since the last purchase beyond which a customer has churned (default: the 95th
    /// percentile of the days between purchases); between the two: dormant.
    pub churn_days: Option<u32>,
    /// Days since the first purchase up to which an active customer is new (default: the
    /// active window).
    pub new_days: Option<u32>,
    /// Orders from which an active customer is loyal (default: the 80th percentile of the
    /// customers' orders, at least 2).
    pub loyal_orders: Option<u32>,
}

/// Checked lifecycle parameters (the windows still to derive are `None`).
pub type LifecycleValidParams = LifecycleParams;

/// A broken lifecycle parameter rule (worded by `super::messages::MESSAGES`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LifecycleParamsError {
    /// A window of 0 days or 0 orders.
    Zero(&'static str),
    /// The churn window does not end after the active one.
    ChurnBeforeActive {
        /// The active window.
        active: u32,
        /// The churn window.
        churn: u32,
    },
}

impl std::fmt::Display for LifecycleParamsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for LifecycleParamsError {}

impl Coded for LifecycleParamsError {
    fn message(&self) -> Message {
        let m = match self {
            LifecycleParamsError::Zero(name) => Message::new("lifecycle.zero").with("name", *name),
            LifecycleParamsError::ChurnBeforeActive { active, churn } => {
                Message::new("lifecycle.churn_before_active")
                    .with("active", *active)
                    .with("churn", *churn)
            }
        };
        m.worded_by(MESSAGES)
    }
}

impl Check for LifecycleParams {
    type Valid = LifecycleValidParams;
    type Error = LifecycleParamsError;

    fn check(&self) -> Result<LifecycleValidParams, LifecycleParamsError> {
        for (name, v) in [
            ("active_days", self.active_days),
            ("churn_days", self.churn_days),
            ("new_days", self.new_days),
            ("loyal_orders", self.loyal_orders),
        ] {
            if v == Some(0) {
                return Err(LifecycleParamsError::Zero(name));
            }
        }
        if let (Some(active), Some(churn)) = (self.active_days, self.churn_days) {
            if churn <= active {
                return Err(LifecycleParamsError::ChurnBeforeActive { active, churn });
            }
        }
        Ok(self.clone())
    }
}
