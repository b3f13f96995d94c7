//! Recommendation (个性化推荐): what goes with what, and what each customer is likely to want
//! next — association rules mined by FP-Growth ("frequently bought together").

pub mod basket;
pub mod lists;
