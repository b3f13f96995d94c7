//! What the market basket analysis answers (its output, the JS API).

use super::rules::Consequents;
use crate::message::Message;
use serde::Serialize;
use std::collections::BTreeMap;

/// How many of something have a given length. Field names are the JS API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct LengthCount {
    /// Items in the itemset (both sides of a rule together).
    pub length: usize,
    /// How many.
    pub count: usize,
}

/// A frequent itemset. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ItemsetRow {
    /// Product ids, in the file's order of products.
    pub items: Vec<String>,
    /// Baskets holding all of them.
    pub baskets: u32,
    /// baskets ÷ all baskets.
    pub support: f64,
}

/// An association rule antecedents → consequents and mlxtend's measures of it (defined in
/// `rules.rs` and on the page). Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct RuleRow {
    /// Product ids of the left-hand side.
    pub antecedents: Vec<String>,
    /// Product ids of the right-hand side.
    pub consequents: Vec<String>,
    /// Baskets holding both sides.
    pub baskets: u32,
    /// Share of baskets holding the left-hand side, s(A).
    pub antecedent_support: f64,
    /// Share of baskets holding the right-hand side, s(C).
    pub consequent_support: f64,
    /// Share of baskets holding both sides, s(A∪C).
    pub support: f64,
    /// P(C | A) = s(A∪C) / s(A).
    pub confidence: f64,
    /// confidence / s(C): how many times likelier C is with A than in any basket.
    pub lift: f64,
    /// s(A∪C) − s(A)·s(C): the share of baskets above independence.
    pub leverage: f64,
    /// Null when infinite (a confidence of 1).
    pub conviction: Option<f64>,
    /// Zhang's metric, −1 to 1: leverage / max(s(A∪C)(1 − s(A)), s(A)(s(C) − s(A∪C))).
    pub zhang: f64,
    /// s(A∪C) / (s(A) + s(C) − s(A∪C)).
    pub jaccard: f64,
    /// The mean of confidence(A→C) and confidence(C→A).
    pub kulczynski: f64,
    /// (confidence − s(C)) / (1 − s(C)).
    pub certainty: f64,
}

/// A product and how many baskets hold it. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ItemCount {
    /// Product id.
    pub product: String,
    /// Baskets holding it.
    pub baskets: u32,
    /// baskets ÷ all baskets.
    pub support: f64,
}

/// A product bought together with the chosen one. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Partner {
    /// Product id.
    pub product: String,
    /// Baskets holding both.
    pub baskets: u32,
    /// Of the baskets with the chosen product, the share that also hold this one.
    pub confidence: f64,
    /// confidence ÷ this product's support: how many times likelier than in any basket.
    pub lift: f64,
}

/// "Frequently bought together" for one product: the products most often in its baskets
/// (at least two shared baskets, a lift above 1), most shared baskets first. Field names are
/// the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Together {
    /// The product asked for (its id).
    pub product: String,
    /// Baskets holding it.
    pub baskets: u32,
    /// baskets ÷ all baskets.
    pub support: f64,
    /// Its partners.
    pub partners: Vec<Partner>,
}

/// The audience the baskets were restricted to. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct BasketAudience {
    /// Its rule.
    pub rule: String,
    /// Customers in it.
    pub customers: usize,
}

/// The market basket analysis's output. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct BasketSummary {
    /// Baskets: orders with at least one purchase line with a product.
    pub baskets: usize,
    /// Distinct products in them.
    pub items: usize,
    /// Purchase lines read (a product twice in one order is one basket item).
    pub purchase_lines: u64,
    /// Mean items in a basket.
    pub mean_items: f64,
    /// Most items in a basket.
    pub largest: usize,
    /// Baskets of one item (no rule can come from them).
    pub single_item_baskets: usize,
    /// The parameters the rules were mined with.
    pub min_support: f64,
    /// The fewest baskets a frequent itemset is in (the support as a count).
    pub min_count: u32,
    /// The smallest confidence a rule has.
    pub min_confidence: f64,
    /// The smallest lift a rule has.
    pub min_lift: f64,
    /// The most items in an itemset.
    pub max_len: usize,
    /// Items on the right-hand side: one or any number.
    pub consequents: Consequents,
    /// The audience, when the baskets were restricted to one.
    pub audience: Option<BasketAudience>,
    /// Frequent itemsets: by length, then most baskets first.
    pub itemsets: Vec<ItemsetRow>,
    /// How many itemsets of each length.
    pub itemsets_by_length: Vec<LengthCount>,
    /// Rules: strongest first (lift, then confidence, then support).
    pub rules: Vec<RuleRow>,
    /// How many rules of each length (both sides together).
    pub rules_by_length: Vec<LengthCount>,
    /// The most frequent products (at most 50), most baskets first.
    pub top_items: Vec<ItemCount>,
    /// Product names by id, for every product named in this output whose name is known.
    pub names: BTreeMap<String, String>,
    /// Frequently bought together, when a product was asked for.
    pub together: Option<Together>,
    /// What the merchant should know about these numbers.
    pub notes: Vec<Message>,
}
