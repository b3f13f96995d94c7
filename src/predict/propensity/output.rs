//! What the propensity analysis answers (its output, the JS API).

use super::params::{ModelKind, Target};
use crate::message::Message;
use serde::Serialize;

/// One period of the time split. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Period {
    /// The day the features are computed as of (YYYY-MM-DD; lines up to it included).
    pub features_at: String,
    /// The first day of the label window.
    pub labels_from: String,
    /// The last day of the label window.
    pub labels_to: String,
    /// Customers with a purchase up to `features_at`.
    pub customers: usize,
    /// Of them, those for whom the target happened.
    pub positives: usize,
}

/// A point of a curve. Field names are the JS API.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
pub struct CurvePoint {
    /// x: false-positive rate (ROC) or recall (precision-recall).
    pub x: f64,
    /// y: true-positive rate (ROC) or precision (precision-recall).
    pub y: f64,
}

/// Precision and recall when customers scoring at least `threshold` are flagged. Field
/// names are the JS API.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
pub struct AtThreshold {
    /// The score threshold.
    pub threshold: f64,
    /// Customers flagged.
    pub flagged: usize,
    /// Share of the flagged for whom the target happened; null when none is flagged.
    pub precision: Option<f64>,
    /// Share of the target's customers flagged.
    pub recall: f64,
}

/// The top share of customers by score and what it captures (the gains and lift chart).
/// Field names are the JS API.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
pub struct Gain {
    /// Share of customers, highest scores first (0.05 … 1).
    pub share: f64,
    /// Share of the target's customers among them (the gains curve).
    pub captured: f64,
    /// captured ÷ share: how many times the average rate (the lift).
    pub lift: f64,
}

/// One bin of the calibration plot (scores cut into tenths). Field names are the JS API.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
pub struct CalibrationBin {
    /// The bin's lower score.
    pub low: f64,
    /// Its upper score.
    pub high: f64,
    /// Customers whose score falls in it.
    pub customers: usize,
    /// Their mean score.
    pub predicted: f64,
    /// The share of them for whom the target happened.
    pub observed: f64,
}

/// A feature's weight in a model. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Importance {
    /// The feature's name (`recency_days` …).
    pub feature: String,
    /// Share of the model's importance (Σ = 1): the trees' mean impurity decrease, the
    /// logistic regression's |coefficient| on standardised features.
    pub importance: f64,
    /// The logistic regression's coefficient (per standard deviation of the logged
    /// feature); null for the trees.
    pub coefficient: Option<f64>,
}

/// One model, evaluated on the held-out period. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ModelReport {
    /// logistic, tree or forest.
    pub model: ModelKind,
    /// Area under the ROC curve (ties counted half).
    pub roc_auc: f64,
    /// Its standard error (Hanley & McNeil 1982).
    pub roc_auc_se: f64,
    /// Area under the precision-recall curve (average precision, scikit-learn's definition).
    pub pr_auc: f64,
    /// Mean squared error of the scores (lower is better).
    pub brier: f64,
    /// Mean log loss (scores clipped to [1e-15, 1 − 1e-15]).
    pub log_loss: f64,
    /// Share classified right at the score 0.5.
    pub accuracy: f64,
    /// The lift of the top tenth.
    pub lift_top_tenth: f64,
    /// Precision and recall at the chosen thresholds.
    pub at_thresholds: Vec<AtThreshold>,
    /// The ROC curve (at most 101 points, from (0, 0) to (1, 1)).
    pub roc: Vec<CurvePoint>,
    /// The precision-recall curve (at most 101 points).
    pub pr: Vec<CurvePoint>,
    /// Gains and lift by top share (every 5 %).
    pub gains: Vec<Gain>,
    /// Mean score against the observed rate, by tenth of the score.
    pub calibration: Vec<CalibrationBin>,
    /// Features by importance, largest first.
    pub importances: Vec<Importance>,
    /// Newton steps to the optimum (logistic).
    pub steps: Option<u32>,
    /// Splits of the tree; the mean splits of a forest's tree.
    pub splits: Option<f64>,
    /// Trees of the forest.
    pub trees: Option<u32>,
}

/// Always predicting the training rate: what a model must beat. Field names are the JS API.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
pub struct Baseline {
    /// The training period's rate of the target (the constant score).
    pub rate: f64,
    /// Its Brier score on the held-out period.
    pub brier: f64,
    /// Its log loss on the held-out period.
    pub log_loss: f64,
    /// The accuracy of always answering the training period's majority class.
    pub accuracy: f64,
}

/// A feature the models read. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct FeatureInfo {
    /// Its name.
    pub name: String,
    /// What it is, in English (the page words it per language).
    pub doc: String,
    /// Whether the models read it (a feature constant over the training customers is left
    /// out: it carries nothing to learn).
    pub used: bool,
}

/// The customers' scores at the latest day, in twentieths. Field names are the JS API.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
pub struct ScoreBin {
    /// The bin's lower score.
    pub low: f64,
    /// Customers in it.
    pub customers: usize,
}

/// The propensity analysis's output. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct PropensitySummary {
    /// churn or purchase.
    pub target: Target,
    /// The category a purchase had to be of (purchase target), if any.
    pub target_category: Option<String>,
    /// Days the target looks ahead.
    pub horizon_days: u32,
    /// The model whose scores the customers have.
    pub model: ModelKind,
    /// The period the models learn from: features one horizon before the cutoff, labels up to it.
    pub training: Period,
    /// The held-out period every metric is measured on: features at the cutoff, labels after it.
    pub test: Period,
    /// The day the customers are scored as of (the data's last day).
    pub scored_at: String,
    /// Customers scored (every customer with a purchase).
    pub scored_customers: usize,
    /// The sum of the scores: the customers the model expects the target of in the next
    /// horizon.
    pub expected: f64,
    /// The lowest score of the top tenth (decile 1).
    pub top_tenth_score: f64,
    /// The scores' distribution.
    pub score_bins: Vec<ScoreBin>,
    /// The features.
    pub features: Vec<FeatureInfo>,
    /// Each model fitted, in the order logistic, tree, forest.
    pub models: Vec<ModelReport>,
    /// The constant-rate baseline.
    pub baseline: Baseline,
    /// Things to know when reading the numbers.
    pub notes: Vec<Message>,
}
