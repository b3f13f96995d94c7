//! The statistics of an experiment, on summaries (counts, means, deviations): the
//! distributions they read (`dist`), conversion tests and the sample-ratio check
//! (`proportions`), Welch's test of means (`means`), Mann–Whitney U (`ranks`), a seeded
//! bootstrap interval (`bootstrap`), CUPED's variance reduction (`cuped`), the Bayesian chance to beat and expected
//! loss (`bayes`), always-valid intervals under daily peeking (`sequential`), corrections for
//! several comparisons (`corrections`) and the sample-size calculator (`power`).
//!
//! Written by hand rather than with `statrs`: every logarithm, exponential, erfc and ln Γ here
//! is `libm`'s, so the tab and the CLI give the same bits (ARCHITECTURE.md, "results are
//! deterministic"); `statrs` calls the platform's. Each function names the scipy or
//! statsmodels call it equals (`scripts/abtest_reference.py`, `tests/abtest_reference.rs`).

pub mod bayes;
pub mod bootstrap;
pub mod corrections;
pub mod cuped;
pub mod dist;
pub mod means;
pub mod power;
pub mod proportions;
pub mod ranks;
pub mod sequential;
