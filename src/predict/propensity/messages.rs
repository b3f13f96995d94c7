//! The English wording of the propensity analysis's own message codes (the page words them
//! per language in `www/features/propensity/messages.ts`).

use crate::message::Catalogue;

pub const MESSAGES: Catalogue = &[
    (
        "propensity.horizon",
        "horizon_days must be between {min} and {max} (got {got})",
    ),
    (
        "propensity.cutoff",
        "cutoff \"{value}\" is not a date (YYYY-MM-DD)",
    ),
    (
        "propensity.thresholds",
        "thresholds must lie strictly between 0 and 1, at most {max} of them (got {got})",
    ),
    ("propensity.trees", "trees must be between 1 and {max} (got {got})"),
    (
        "propensity.max_depth",
        "max_depth must be between 1 and {max} (got {got})",
    ),
    (
        "propensity.category_with_churn",
        "a category applies to the purchase target only (churn is no purchase of anything)",
    ),
    ("propensity.no_purchases", "there are no purchase lines to learn from"),
    (
        "propensity.cutoff_outside",
        "the cutoff {cutoff} leaves no complete {days}-day label window before the last day {last}: choose a cutoff on or before {latest}",
    ),
    (
        "propensity.too_few",
        "too few customers to learn from: {found} had a purchase by {day}, need at least {need}; choose a later cutoff or a shorter horizon",
    ),
    (
        "propensity.one_class",
        "nothing to tell apart in the {days} days after {day}: of {customers} customers {positives} had the target and {negatives} did not, need at least {need} of each; try another horizon or cutoff",
    ),
    (
        "propensity.no_categories",
        "the orders have no category column, so a purchase of one category cannot be counted",
    ),
    (
        "propensity.unknown_category",
        "there is no category \"{category}\" in the orders; the categories include {categories}",
    ),
    (
        "propensity.uncertain",
        "the test period has {positives} customers with the target and {negatives} without: the metrics are uncertain (ROC AUC ± {se})",
    ),
    (
        "propensity.weak",
        "the {model} model ranks barely better than chance (ROC AUC {auc}): the features do not foresee the target in this data; do not act on its scores",
    ),
    (
        "propensity.uncalibrated",
        "the {model} model's Brier score {brier} is no better than always predicting the rate ({baseline}): rank customers by its scores, but do not read them as probabilities",
    ),
    (
        "propensity.drift",
        "the target's rate moved from {training} in the training period to {test} in the test period (a season, a campaign or a trend): scores are calibrated to the earlier period",
    ),
    (
        "propensity.constant_features",
        "left out, constant over the training customers: {features}",
    ),
];
