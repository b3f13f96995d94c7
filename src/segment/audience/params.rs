//! Audience parameters and their checks.

use super::messages::MESSAGES;
use crate::analysis::{Check, Coded};
use crate::message::Message;
use crate::rules::AudienceDefinition;
use serde::{Deserialize, Serialize};

/// Parameters of an audience: its rule, the saved audiences it may name, the columns of its
/// download, and up to four saved audiences to compare.
#[derive(
    Debug, Clone, PartialEq, Default, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema,
)]
#[serde(default, deny_unknown_fields)]
pub struct AudienceParams {
    /// The audience's rule, in the rule language of rule tags (empty: every customer):
    /// `rfm.segment == "champions" and lifecycle.stage == "active" and tags contains "VIP"`.
    #[serde(rename = "where")]
    pub rule: String,
    /// Saved audiences the rule may name with in_audience("NAME"): a name with a rule, or
    /// with a frozen list of customer ids (JSON objects `{"name": …, "rule": …}`).
    pub audiences: Vec<AudienceDefinition>,
    /// Customer-table columns of the download, by any name a rule takes, comma-separated or
    /// one per item (default: RFM, the segment and the lifecycle stage).
    pub columns: Vec<String>,
    /// Two to four saved audiences whose overlap to count.
    pub compare: Vec<String>,
}

impl AudienceParams {
    /// The download's columns when none are named.
    pub const DEFAULT_COLUMNS: [&'static str; 5] = [
        "rfm.recency",
        "rfm.frequency",
        "rfm.monetary_cents",
        "rfm.segment",
        "lifecycle.stage",
    ];
    /// The most audiences compared (an UpSet chart of 2^4 − 1 intersections).
    pub const MAX_COMPARED: usize = 4;
}

/// Checked parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct AudienceValidParams {
    /// The rule ("" = everyone).
    pub rule: String,
    /// Saved audiences.
    pub audiences: Vec<AudienceDefinition>,
    /// Download columns, as named.
    pub columns: Vec<String>,
    /// Compared audiences.
    pub compare: Vec<String>,
}

/// A broken audience parameter rule.
#[derive(Debug, Clone, PartialEq)]
pub enum AudienceParamsError {
    /// A saved audience without a name.
    Unnamed,
    /// Two saved audiences of one name.
    NameTwice(String),
    /// One audience to compare, or more than four.
    Compare(usize),
}

impl Coded for AudienceParamsError {
    fn message(&self) -> Message {
        match self {
            AudienceParamsError::Unnamed => Message::new("audience.unnamed"),
            AudienceParamsError::NameTwice(n) => {
                Message::new("audience.name_twice").with("name", n.as_str())
            }
            AudienceParamsError::Compare(n) => Message::new("audience.compare")
                .with("max", AudienceParams::MAX_COMPARED)
                .with("got", *n),
        }
        .worded_by(MESSAGES)
    }
}

impl Check for AudienceParams {
    type Valid = AudienceValidParams;
    type Error = AudienceParamsError;

    fn check(&self) -> Result<AudienceValidParams, AudienceParamsError> {
        for (i, a) in self.audiences.iter().enumerate() {
            if a.name.trim().is_empty() {
                return Err(AudienceParamsError::Unnamed);
            }
            if self.audiences[..i]
                .iter()
                .any(|b| b.name.trim() == a.name.trim())
            {
                return Err(AudienceParamsError::NameTwice(a.name.clone()));
            }
        }
        let n = self.compare.len();
        if n == 1 || n > AudienceParams::MAX_COMPARED {
            return Err(AudienceParamsError::Compare(n));
        }
        let mut columns: Vec<String> = self
            .columns
            .iter()
            .flat_map(|c| c.split(','))
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        if columns.is_empty() {
            columns = AudienceParams::DEFAULT_COLUMNS
                .iter()
                .map(|c| c.to_string())
                .collect();
        }
        Ok(AudienceValidParams {
            rule: self.rule.trim().to_string(),
            audiences: self.audiences.clone(),
            columns,
            compare: self.compare.clone(),
        })
    }
}
