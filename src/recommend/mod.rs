//! Recommendation (个性化推荐): what goes with what, and what each customer is likely to want
//! next — association rules mined by FP-Growth ("frequently bought together", `basket`), the
//! recommenders on implicit feedback (`lists`), and each customer's list through the door with
//! the offline comparison of every method (`recommendations`).

pub mod basket;
pub mod lists;
pub mod recommendations;
