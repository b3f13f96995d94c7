//! What the recommendations give the page and `--json`. Field names are the JS API.

use super::algorithm::Source;
use super::params::Method;
use crate::message::Message;
use crate::recommend::lists::Measures;
use serde::Serialize;
use std::collections::BTreeMap;

/// One product of a customer's list.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Recommended {
    /// The product id.
    pub product: String,
    /// Its score under the method (for the hybrid: the weighted sum of each method's score
    /// divided by its best for the customer).
    pub score: f64,
    /// Why it is there.
    pub source: Source,
    /// The customer's purchase it follows from ("because you bought"), where the method
    /// relates products.
    pub because: Option<String>,
}

/// One customer's list.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct CustomerList {
    /// The customer id.
    pub customer_id: String,
    /// Their orders with a purchase (0: the list is the cold-start one).
    pub orders: u32,
    /// The products, best first.
    pub items: Vec<Recommended>,
}

/// A product of a baseline ranking.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Ranked {
    /// The product id.
    pub product: String,
    /// Customers who bought it (in the window, for trending).
    pub buyers: u32,
}

/// The audience the lists were made for.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct RecommendAudience {
    /// The rule.
    pub rule: String,
    /// Its customers.
    pub customers: usize,
}

/// The business filters as applied.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct AppliedFilters {
    /// What a customer bought is left out.
    pub exclude_bought: bool,
    /// Only these categories (empty: every one).
    pub categories: Vec<String>,
    /// Products in the in-stock list (0: no list).
    pub in_stock_listed: usize,
    /// Of them, products of the data.
    pub in_stock_matched: usize,
    /// At most this many of one category (0: no limit).
    pub max_per_category: u32,
}

/// One method's measures on the holdout.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct MethodMeasures {
    /// The method.
    pub method: Method,
    /// Its measures.
    pub measures: Measures,
}

/// The best method by each measure (the first in table order on a tie).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct BestMethods {
    /// By precision@k.
    pub precision: Method,
    /// By recall@k.
    pub recall: Method,
    /// By MAP@k.
    pub map: Method,
    /// By NDCG@k.
    pub ndcg: Method,
    /// By hit rate.
    pub hit_rate: Method,
    /// By catalogue coverage.
    pub coverage: Method,
    /// By novelty.
    pub novelty: Method,
    /// By intra-list diversity.
    pub diversity: Method,
}

/// The offline evaluation on a time holdout.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct EvaluationSummary {
    /// Days held out.
    pub holdout_days: u32,
    /// The last day trained on (`YYYY-MM-DD`); the holdout is the days after it.
    pub split_date: String,
    /// Customers with a purchase before the holdout.
    pub train_customers: usize,
    /// Products bought before the holdout: the catalogue a list can hold.
    pub catalogue: usize,
    /// Customers measured: those who bought in the holdout something they had not bought
    /// before (with a purchase before it or not).
    pub customers: usize,
    /// Of them, customers without a purchase before the holdout (cold start).
    pub cold_start: usize,
    /// Mean relevant products per customer measured.
    pub mean_relevant: f64,
    /// Every method, in table order.
    pub methods: Vec<MethodMeasures>,
    /// The best by each measure.
    pub best: BestMethods,
}

/// The recommendations' output.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct RecommendSummary {
    /// The method of the lists.
    pub method: Method,
    /// Products per list.
    pub k: u32,
    /// Customers given a list.
    pub customers: usize,
    /// Of them, customers without a purchase (given trending or popular products).
    pub no_purchase: usize,
    /// Of them, customers with one order.
    pub one_order: usize,
    /// Products bought at least once: what a list can hold.
    pub items: usize,
    /// Customer–product pairs bought.
    pub purchases: usize,
    /// Whether products have names, categories, brands or tags for the content method.
    pub described: bool,
    /// The audience, when the lists were made for one.
    pub audience: Option<RecommendAudience>,
    /// The business filters.
    pub filters: AppliedFilters,
    /// The most bought products (at most 20).
    pub popular: Vec<Ranked>,
    /// The most bought lately (at most 20), over the last `trending_days` days.
    pub trending: Vec<Ranked>,
    /// The lists of the first customers (at most 20), in customer order; every list is in
    /// the download (`--csv`).
    pub preview: Vec<CustomerList>,
    /// The list of the customer asked for.
    pub customer: Option<CustomerList>,
    /// The comparison of every method, when asked for.
    pub evaluation: Option<EvaluationSummary>,
    /// Product names by id, of every product above.
    pub names: BTreeMap<String, String>,
    /// What the merchant should know of the result.
    pub notes: Vec<Message>,
}
