//! The English wording of the clustering's message codes (the page words them per language
//! in `www/features/clusters/messages.ts`).

use crate::message::Catalogue;

pub const MESSAGES: Catalogue = &[
    ("clusters.k", "k must be \"auto\" or between {min} and {max}, got {got}"),
    (
        "clusters.k_range",
        "automatic k tries from k-min to k-max, both between {min} and {max} (got {low} to {high})",
    ),
    ("clusters.no_features", "name at least one feature to cluster on"),
    (
        "clusters.too_many_features",
        "at most {max} features can be clustered on, got {got}",
    ),
    ("clusters.feature_twice", "the feature \"{feature}\" is named twice"),
    ("clusters.restarts", "restarts must be between 1 and {max}, got {got}"),
    (
        "clusters.sample",
        "{name} must be between {min} and {max} customers, got {got}",
    ),
    ("clusters.eps", "eps must be a positive number, got {got}"),
    ("clusters.min_samples", "min-samples must be at least 2, got {got}"),
    (
        "clusters.too_few",
        "{customers} customers have every feature: clustering into {k} groups needs at least {need}",
    ),
    (
        "clusters.singular",
        "the mixture with {k} components collapsed (a component holds identical customers); try fewer components or other features",
    ),
    (
        "clusters.trait.recency.low",
        "recently active",
    ),
    ("clusters.trait.recency.high", "long inactive"),
    ("clusters.trait.frequency.high", "high frequency"),
    ("clusters.trait.frequency.low", "low frequency"),
    ("clusters.trait.monetary.high", "high spend"),
    ("clusters.trait.monetary.low", "low spend"),
    ("clusters.trait.high", "high {feature}"),
    ("clusters.trait.low", "low {feature}"),
    ("clusters.trait.typical", "typical on every feature"),
    ("clusters.noise", "noise (in no dense region)"),
];
