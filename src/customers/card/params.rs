//! Card parameters: which customer.

use super::messages::MESSAGES;
use crate::analysis::{Check, Coded};
use crate::message::Message;
use serde::{Deserialize, Serialize};

/// Parameters of a customer card.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema,
)]
#[serde(default, deny_unknown_fields)]
pub struct CardParams {
    /// The customer id, as in the file.
    pub id: String,
}

/// A broken card parameter rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardParamsError {
    /// No id given.
    NoId,
}

impl std::fmt::Display for CardParamsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for CardParamsError {}

impl Coded for CardParamsError {
    fn message(&self) -> Message {
        match self {
            CardParamsError::NoId => Message::new("customer_card.no_id"),
        }
        .worded_by(MESSAGES)
    }
}

impl Check for CardParams {
    type Valid = CardParams;
    type Error = CardParamsError;

    fn check(&self) -> Result<CardParams, CardParamsError> {
        if self.id.trim().is_empty() {
            return Err(CardParamsError::NoId);
        }
        Ok(CardParams {
            id: self.id.trim().to_string(),
        })
    }
}
