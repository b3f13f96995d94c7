//! Acquisition cohorts: customers grouped by the period of their first purchase, and what each
//! cohort did in every period after (`algorithm`). The door (params, the `cohorts` kind, the
//! heatmap view) comes next (issue 12).

pub mod algorithm;

pub use algorithm::{cohorts, Cohort, Cohorts, Period};
