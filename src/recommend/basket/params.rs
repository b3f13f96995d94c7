//! Market basket parameters and their checks.

use super::messages::MESSAGES;
use super::rules::Consequents;
use crate::analysis::{Check, Coded};
use crate::message::Message;
use crate::rules::AudienceDefinition;
use serde::{Deserialize, Serialize};

/// Parameters of the market basket analysis. The defaults are stage d of the peer benchmark:
/// itemsets in at least 0.5 % of the baskets, rules with a lift of at least 1, no minimum
/// confidence; one item on the right-hand side (arules' convention).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct BasketParams {
    /// Smallest share of baskets an itemset must be in (above 0, at most 1).
    pub min_support: f64,
    /// Smallest confidence of a rule, P(consequent | antecedent) (0 to 1).
    pub min_confidence: f64,
    /// Smallest lift of a rule (0 or more; 1 keeps the rules that raise the chance).
    pub min_lift: f64,
    /// Most items in an itemset, both sides of a rule together (2 to 20).
    pub max_len: u32,
    /// Items on a rule's right-hand side: one (arules) or any number (mlxtend).
    pub consequents: Consequents,
    /// The search stops with a message past this many frequent itemsets (1 to 2,000,000):
    /// memory stays bounded however low the support.
    pub max_itemsets: u32,
    /// Only the baskets of the customers of this rule (empty: every basket), in the rule
    /// language: `rfm.segment == "champions"` or `in_audience("VIP")`.
    #[serde(rename = "where")]
    pub rule: String,
    /// Saved audiences the rule may name with in_audience("NAME").
    pub audiences: Vec<AudienceDefinition>,
    /// A product (its id, or its name as in the file) whose frequently-bought-together list
    /// to make.
    pub product: Option<String>,
    /// Length of that list (1 to 100).
    pub together: u32,
}

impl Default for BasketParams {
    fn default() -> Self {
        BasketParams {
            min_support: 0.005,
            min_confidence: 0.0,
            min_lift: 1.0,
            max_len: 10,
            consequents: Consequents::One,
            max_itemsets: BasketParams::DEFAULT_MAX_ITEMSETS,
            rule: String::new(),
            audiences: Vec::new(),
            product: None,
            together: 10,
        }
    }
}

impl BasketParams {
    /// The longest itemset allowed.
    pub const MAX_LEN: u32 = 20;
    /// The default cap on frequent itemsets.
    pub const DEFAULT_MAX_ITEMSETS: u32 = 100_000;
    /// The highest cap allowed.
    pub const MAX_ITEMSETS: u32 = 2_000_000;
    /// The longest frequently-bought-together list.
    pub const MAX_TOGETHER: u32 = 100;
}

/// Checked parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct BasketValidParams {
    /// The smallest share of baskets an itemset is in.
    pub min_support: f64,
    /// The smallest confidence a rule has.
    pub min_confidence: f64,
    /// The smallest lift a rule has.
    pub min_lift: f64,
    /// The most items in an itemset.
    pub max_len: usize,
    /// Items on the right-hand side: one or any number.
    pub consequents: Consequents,
    /// The most frequent itemsets before the search stops.
    pub max_itemsets: usize,
    /// The audience rule, trimmed ("" = every basket).
    pub rule: String,
    /// Saved audiences the rule may name.
    pub audiences: Vec<AudienceDefinition>,
    /// The product of the frequently-bought-together list, trimmed.
    pub product: Option<String>,
    /// The frequently-bought-together list of the product asked for.
    pub together: usize,
    /// The parameters of the rules alone (no product): the mined model every product's
    /// list shares.
    pub mined: BasketParams,
}

/// A broken parameter rule (worded by `super::messages::MESSAGES`).
#[derive(Debug, Clone, PartialEq)]
pub enum BasketParamsError {
    /// `min_support` outside (0, 1].
    Support(f64),
    /// `min_confidence` outside [0, 1].
    Confidence(f64),
    /// `min_lift` negative or not a number.
    Lift(f64),
    /// `max_len` outside 2..=20.
    MaxLen(u32),
    /// `max_itemsets` outside 1..=2,000,000.
    MaxItemsets(u32),
    /// `together` outside 1..=100.
    Together(u32),
}

impl std::fmt::Display for BasketParamsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for BasketParamsError {}

impl Coded for BasketParamsError {
    fn message(&self) -> Message {
        let m = match self {
            BasketParamsError::Support(got) => Message::new("basket.min_support").with("got", *got),
            BasketParamsError::Confidence(got) => {
                Message::new("basket.min_confidence").with("got", *got)
            }
            BasketParamsError::Lift(got) => Message::new("basket.min_lift").with("got", *got),
            BasketParamsError::MaxLen(got) => Message::new("basket.max_len")
                .with("max", BasketParams::MAX_LEN)
                .with("got", *got),
            BasketParamsError::MaxItemsets(got) => Message::new("basket.max_itemsets")
                .with("max", BasketParams::MAX_ITEMSETS)
                .with("got", *got),
            BasketParamsError::Together(got) => Message::new("basket.together")
                .with("max", BasketParams::MAX_TOGETHER)
                .with("got", *got),
        };
        m.worded_by(MESSAGES)
    }
}

impl Check for BasketParams {
    type Valid = BasketValidParams;
    type Error = BasketParamsError;

    fn check(&self) -> Result<BasketValidParams, BasketParamsError> {
        if !(self.min_support > 0.0 && self.min_support <= 1.0) {
            return Err(BasketParamsError::Support(self.min_support));
        }
        if !(0.0..=1.0).contains(&self.min_confidence) {
            return Err(BasketParamsError::Confidence(self.min_confidence));
        }
        if !(self.min_lift >= 0.0 && self.min_lift.is_finite()) {
            return Err(BasketParamsError::Lift(self.min_lift));
        }
        if !(2..=BasketParams::MAX_LEN).contains(&self.max_len) {
            return Err(BasketParamsError::MaxLen(self.max_len));
        }
        if !(1..=BasketParams::MAX_ITEMSETS).contains(&self.max_itemsets) {
            return Err(BasketParamsError::MaxItemsets(self.max_itemsets));
        }
        if !(1..=BasketParams::MAX_TOGETHER).contains(&self.together) {
            return Err(BasketParamsError::Together(self.together));
        }
        let product = self
            .product
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string);
        let rule = self.rule.trim().to_string();
        Ok(BasketValidParams {
            min_support: self.min_support,
            min_confidence: self.min_confidence,
            min_lift: self.min_lift,
            max_len: self.max_len as usize,
            consequents: self.consequents,
            max_itemsets: self.max_itemsets as usize,
            rule: rule.clone(),
            audiences: self.audiences.clone(),
            product,
            together: self.together as usize,
            mined: BasketParams {
                rule,
                product: None,
                together: BasketParams::default().together,
                ..self.clone()
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_checked() {
        let ok = BasketParams::default().check().unwrap();
        assert_eq!((ok.min_support, ok.max_len, ok.product), (0.005, 10, None));
        let bad = |p: BasketParams| p.check().unwrap_err();
        let d = BasketParams::default;
        assert_eq!(
            bad(BasketParams {
                min_support: 0.0,
                ..d()
            }),
            BasketParamsError::Support(0.0)
        );
        assert!(matches!(
            bad(BasketParams {
                min_confidence: 1.5,
                ..d()
            }),
            BasketParamsError::Confidence(_)
        ));
        assert!(matches!(
            bad(BasketParams {
                min_lift: f64::NAN,
                ..d()
            }),
            BasketParamsError::Lift(_)
        ));
        assert_eq!(
            bad(BasketParams { max_len: 1, ..d() }),
            BasketParamsError::MaxLen(1)
        );
        assert_eq!(
            bad(BasketParams {
                max_itemsets: 0,
                ..d()
            }),
            BasketParamsError::MaxItemsets(0)
        );
        assert_eq!(
            bad(BasketParams {
                together: 101,
                ..d()
            }),
            BasketParamsError::Together(101)
        );
        let with_product = BasketParams {
            product: Some("  whole milk ".into()),
            together: 5,
            ..d()
        }
        .check()
        .unwrap();
        assert_eq!(with_product.product.as_deref(), Some("whole milk"));
        assert_eq!(
            with_product.mined,
            d(),
            "the list's product is not part of the rules"
        );
    }
}
