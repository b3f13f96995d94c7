//! Recommendation lists from implicit feedback (what customers bought): the customers ×
//! products counts (`interactions.rs`), item-based collaborative filtering (`itemcf.rs`),
//! implicit-feedback matrix factorisation (`als.rs`, its inner loops in `kernels.rs`), the
//! popularity and trending baselines (`popular.rs`), the top of a customer's scores
//! (`top.rs`), vectors as bytes for the second worker (`raw.rs`), and the offline evaluation
//! of lists against what customers bought next (`evaluate.rs`). Checked against scikit-learn on stage f(i) of the
//! peer benchmark (`scripts/recs_reference.py`, `tests/recs_reference.rs`).

pub mod als;
pub mod content;
pub mod evaluate;
pub mod interactions;
pub mod itemcf;
pub mod kernels;
pub mod popular;
pub mod raw;
pub mod top;

pub use als::{Als, AlsFitting, AlsParams, ByNorm};
pub use evaluate::{Evaluation, Measures};
pub use interactions::Interactions;
pub use itemcf::ItemCf;
pub use popular::Ranking;
pub use top::Scores;
