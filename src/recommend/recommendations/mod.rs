//! Personal recommendations (个性化推荐) through the door: kind `recommend`
//! (`portrait recommend`). Every customer's top-k list by a method of `crate::recommend::
//! lists` under the business filters, with cold-start fallbacks and a reason per product, and
//! the offline comparison of every method on a time holdout.

mod algorithm;
mod analysis;
mod evaluation;
mod help;
mod job;
mod messages;
mod output;
mod params;
mod summary;

pub use algorithm::Source;
pub use analysis::RecommendAnalysis;
pub use output::{
    AppliedFilters, BestMethods, CustomerList, EvaluationSummary, MethodMeasures, Ranked,
    RecommendAudience, RecommendSummary, Recommended,
};
pub use params::{Method, RecommendParams};
pub use summary::Recommendations;
