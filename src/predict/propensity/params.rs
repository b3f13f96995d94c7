//! Propensity parameters and their checks.

use super::messages::MESSAGES;
use crate::analysis::{Check, Coded};
use crate::dataset::time;
use crate::message::Message;
use serde::{Deserialize, Serialize};

/// What the models predict for each customer over the horizon.
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
pub enum Target {
    /// No purchase in the next N days.
    #[default]
    Churn,
    /// A purchase in the next N days (of the category, when one is given).
    Purchase,
}

/// A model that scores customers.
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
pub enum ModelKind {
    /// L2-regularised logistic regression on standardised features (scikit-learn's
    /// `LogisticRegression()` objective, C = 1).
    Logistic,
    /// One classification tree (Gini), `max_depth` deep, at least 20 customers a leaf.
    Tree,
    /// A random forest: `trees` bootstrapped trees, √d features tried at each split, seeded.
    #[default]
    Forest,
}

impl ModelKind {
    /// Every model, in the order the comparison lists them.
    pub const ALL: [ModelKind; 3] = [ModelKind::Logistic, ModelKind::Tree, ModelKind::Forest];

    /// The snake_case name (the same as in JSON).
    pub fn name(self) -> &'static str {
        match self {
            ModelKind::Logistic => "logistic",
            ModelKind::Tree => "tree",
            ModelKind::Forest => "forest",
        }
    }
}

/// Parameters of the propensity models. Defaults: churn (no purchase) in the next 90 days,
/// the forest scores the customers and all three models are compared, cutoff = the last day
/// less the horizon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PropensityParams {
    /// What to predict: churn (no purchase within the horizon) or purchase (one within it).
    pub target: Target,
    /// With target purchase: only a purchase of this product category counts (its exact
    /// name as in the file).
    pub target_category: Option<String>,
    /// The day (YYYY-MM-DD) the held-out test looks forward from: features from the data up
    /// to it, labels from the horizon after it; the models learn one horizon earlier.
    /// Default: the last day less the horizon.
    pub cutoff: Option<String>,
    /// Days ahead the target looks (7 to 730).
    pub horizon_days: u32,
    /// The model whose scores the customers get: logistic, tree or forest.
    pub model: ModelKind,
    /// Whether to fit and compare all three models (otherwise only `model`).
    pub compare: bool,
    /// Score thresholds at which precision and recall are reported (each between 0 and 1,
    /// at most 9).
    pub thresholds: Vec<f64>,
    /// Trees in the forest (1 to 500).
    pub trees: u32,
    /// Deepest split of a tree (1 to 20).
    pub max_depth: u32,
    /// Seed of the forest's bootstrap and feature draws.
    pub seed: u64,
}

impl Default for PropensityParams {
    fn default() -> Self {
        PropensityParams {
            target: Target::Churn,
            target_category: None,
            cutoff: None,
            horizon_days: PropensityParams::DEFAULT_HORIZON_DAYS,
            model: ModelKind::Forest,
            compare: true,
            thresholds: vec![0.3, 0.5, 0.7],
            trees: 100,
            max_depth: 8,
            seed: 42,
        }
    }
}

impl PropensityParams {
    /// Ninety days, a quarter.
    pub const DEFAULT_HORIZON_DAYS: u32 = 90;
    /// The shortest horizon: a week.
    pub const MIN_HORIZON_DAYS: u32 = 7;
    /// The longest horizon: two years.
    pub const MAX_HORIZON_DAYS: u32 = 730;
    /// The largest forest.
    pub const MAX_TREES: u32 = 500;
    /// The deepest tree.
    pub const MAX_DEPTH: u32 = 20;
    /// The most thresholds reported.
    pub const MAX_THRESHOLDS: usize = 9;
}

/// Checked parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct PropensityValidParams {
    /// What to predict.
    pub target: Target,
    /// The category a purchase must be of (purchase target only), trimmed.
    pub target_category: Option<String>,
    /// The test cutoff as a day number, if given.
    pub cutoff: Option<i64>,
    /// Days ahead.
    pub horizon_days: u32,
    /// The scoring model.
    pub model: ModelKind,
    /// Whether all three models are fitted.
    pub compare: bool,
    /// Thresholds, ascending, without repeats.
    pub thresholds: Vec<f64>,
    /// Forest size.
    pub trees: u32,
    /// Tree depth.
    pub max_depth: u32,
    /// Forest seed.
    pub seed: u64,
}

impl PropensityValidParams {
    /// The models to fit: all three, or the scoring one alone.
    pub fn models(&self) -> Vec<ModelKind> {
        if self.compare {
            ModelKind::ALL.to_vec()
        } else {
            vec![self.model]
        }
    }
}

/// A broken parameter rule (worded by `super::messages::MESSAGES`).
#[derive(Debug, Clone, PartialEq)]
pub enum PropensityParamsError {
    /// `horizon_days` outside 7..=730.
    Horizon(u32),
    /// `cutoff` is not a date.
    Cutoff(String),
    /// A threshold outside (0, 1), or too many.
    Thresholds(String),
    /// `trees` outside 1..=500.
    Trees(u32),
    /// `max_depth` outside 1..=20.
    Depth(u32),
    /// A category with the churn target.
    CategoryWithChurn,
}

impl std::fmt::Display for PropensityParamsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for PropensityParamsError {}

impl Coded for PropensityParamsError {
    fn message(&self) -> Message {
        let m = match self {
            PropensityParamsError::Horizon(got) => Message::new("propensity.horizon")
                .with("min", PropensityParams::MIN_HORIZON_DAYS)
                .with("max", PropensityParams::MAX_HORIZON_DAYS)
                .with("got", *got),
            PropensityParamsError::Cutoff(v) => {
                Message::new("propensity.cutoff").with("value", v.as_str())
            }
            PropensityParamsError::Thresholds(got) => Message::new("propensity.thresholds")
                .with("max", PropensityParams::MAX_THRESHOLDS)
                .with("got", got.as_str()),
            PropensityParamsError::Trees(got) => Message::new("propensity.trees")
                .with("max", PropensityParams::MAX_TREES)
                .with("got", *got),
            PropensityParamsError::Depth(got) => Message::new("propensity.max_depth")
                .with("max", PropensityParams::MAX_DEPTH)
                .with("got", *got),
            PropensityParamsError::CategoryWithChurn => {
                Message::new("propensity.category_with_churn")
            }
        };
        m.worded_by(MESSAGES)
    }
}

impl Check for PropensityParams {
    type Valid = PropensityValidParams;
    type Error = PropensityParamsError;

    fn check(&self) -> Result<PropensityValidParams, PropensityParamsError> {
        let p = PropensityParams::MIN_HORIZON_DAYS..=PropensityParams::MAX_HORIZON_DAYS;
        if !p.contains(&self.horizon_days) {
            return Err(PropensityParamsError::Horizon(self.horizon_days));
        }
        if !(1..=PropensityParams::MAX_TREES).contains(&self.trees) {
            return Err(PropensityParamsError::Trees(self.trees));
        }
        if !(1..=PropensityParams::MAX_DEPTH).contains(&self.max_depth) {
            return Err(PropensityParamsError::Depth(self.max_depth));
        }
        let listed = || {
            let v: Vec<String> = self.thresholds.iter().map(|t| t.to_string()).collect();
            v.join(", ")
        };
        if self.thresholds.len() > PropensityParams::MAX_THRESHOLDS
            || self.thresholds.iter().any(|t| !(*t > 0.0 && *t < 1.0))
        {
            return Err(PropensityParamsError::Thresholds(listed()));
        }
        let mut thresholds = self.thresholds.clone();
        thresholds.sort_by(f64::total_cmp);
        thresholds.dedup();
        let target_category = self
            .target_category
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string);
        if target_category.is_some() && self.target == Target::Churn {
            return Err(PropensityParamsError::CategoryWithChurn);
        }
        let cutoff = match &self.cutoff {
            None => None,
            Some(text) => Some(
                time::parse_iso_day(text.trim())
                    .ok_or_else(|| PropensityParamsError::Cutoff(text.clone()))?,
            ),
        };
        Ok(PropensityValidParams {
            target: self.target,
            target_category,
            cutoff,
            horizon_days: self.horizon_days,
            model: self.model,
            compare: self.compare,
            thresholds,
            trees: self.trees,
            max_depth: self.max_depth,
            seed: self.seed,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_rule_has_its_error() {
        let bad = |p: PropensityParams| p.check().expect_err("a broken rule");
        let d = PropensityParams::default;
        assert_eq!(
            bad(PropensityParams {
                horizon_days: 3,
                ..d()
            }),
            PropensityParamsError::Horizon(3)
        );
        assert_eq!(
            bad(PropensityParams { trees: 0, ..d() }),
            PropensityParamsError::Trees(0)
        );
        assert_eq!(
            bad(PropensityParams {
                max_depth: 21,
                ..d()
            }),
            PropensityParamsError::Depth(21)
        );
        assert_eq!(
            bad(PropensityParams {
                thresholds: vec![0.5, 1.0],
                ..d()
            }),
            PropensityParamsError::Thresholds("0.5, 1".into())
        );
        assert_eq!(
            bad(PropensityParams {
                target_category: Some("Shoes".into()),
                ..d()
            }),
            PropensityParamsError::CategoryWithChurn
        );
        assert_eq!(
            bad(PropensityParams {
                cutoff: Some("2024/10/01".into()),
                ..d()
            }),
            PropensityParamsError::Cutoff("2024/10/01".into())
        );
        assert_eq!(
            bad(PropensityParams { trees: 0, ..d() }).to_string(),
            "trees must be between 1 and 500 (got 0)"
        );
    }

    #[test]
    fn thresholds_are_sorted_and_a_blank_category_is_none() {
        let p = PropensityParams {
            target: Target::Purchase,
            target_category: Some("  ".into()),
            thresholds: vec![0.7, 0.2, 0.7],
            cutoff: Some("2024-10-02".into()),
            ..PropensityParams::default()
        }
        .check()
        .expect("valid");
        assert_eq!(p.thresholds, vec![0.2, 0.7]);
        assert_eq!(p.target_category, None);
        assert_eq!(p.cutoff, Some(time::days_from_civil(2024, 10, 2)));
        assert_eq!(p.models(), ModelKind::ALL.to_vec());
    }
}
