//! Tag parameters: the merchant's own rule tags, and their checks.

use super::messages::MESSAGES;
use crate::analysis::{Check, Coded};
use crate::message::Message;
use serde::{Deserialize, Serialize};

/// A rule tag the merchant defines: customers matching `rule` carry the tag `name`. A rule
/// may also give several values checked in order, the first that holds winning:
/// `"高" if revenue > 5000, "中" if revenue > 1000, else "低"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
pub struct RuleTag {
    /// The tag's name (unique among the rule tags).
    pub name: String,
    /// Its rule (the rule language, `crate::rules`), or its valued clauses.
    pub rule: String,
}

/// Parameters of the tags: the built-in families always, and these rule tags.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema,
)]
#[serde(default, deny_unknown_fields)]
pub struct TagsParams {
    /// The merchant's rule tags, in order.
    pub rules: Vec<RuleTag>,
}

/// Checked tag parameters (rules are compiled against the data's columns at the fit).
pub type TagsValidParams = TagsParams;

/// A broken tag parameter rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagsParamsError {
    /// A rule tag with no name.
    NoName,
    /// Two rule tags of one name.
    Duplicate(String),
}

impl std::fmt::Display for TagsParamsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for TagsParamsError {}

impl Coded for TagsParamsError {
    fn message(&self) -> Message {
        match self {
            TagsParamsError::NoName => Message::new("tags.no_name"),
            TagsParamsError::Duplicate(n) => {
                Message::new("tags.duplicate").with("name", n.as_str())
            }
        }
        .worded_by(MESSAGES)
    }
}

impl Check for TagsParams {
    type Valid = TagsValidParams;
    type Error = TagsParamsError;

    fn check(&self) -> Result<TagsValidParams, TagsParamsError> {
        for (i, t) in self.rules.iter().enumerate() {
            let name = t.name.trim();
            if name.is_empty() {
                return Err(TagsParamsError::NoName);
            }
            if self.rules[..i].iter().any(|o| o.name.trim() == name) {
                return Err(TagsParamsError::Duplicate(name.to_string()));
            }
        }
        Ok(self.clone())
    }
}
