//! Predictions: what each customer is likely to do next — lifetime value from buy-till-you-die
//! models (BG/NBD, Pareto/NBD) with Gamma-Gamma order values, and churn or purchase
//! propensity from classifiers learnt on a time split.

pub mod clv;
pub mod propensity;
