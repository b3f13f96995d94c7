//! Recommendation parameters and their checks.

use super::messages::MESSAGES;
use crate::analysis::{Check, Coded};
use crate::message::Message;
use crate::rules::AudienceDefinition;
use serde::{Deserialize, Serialize};

/// How the lists are made.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    ts_rs::TS,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "RecommendMethod")]
pub enum Method {
    /// The products most customers bought.
    Popular,
    /// The products most customers bought lately (`trending_days`).
    Trending,
    /// Item-based collaborative filtering: bought by the same customers.
    Itemcf,
    /// Matrix factorisation for implicit feedback (ALS).
    Als,
    /// Content-based: named and described alike (TF-IDF).
    Content,
    /// A weighted blend of item-CF, ALS, content and popularity.
    Hybrid,
}

impl Method {
    /// Every method, in the evaluation table's order.
    pub const ALL: [Method; 6] = [
        Method::Popular,
        Method::Trending,
        Method::Itemcf,
        Method::Als,
        Method::Content,
        Method::Hybrid,
    ];

    /// The wire name.
    pub fn name(self) -> &'static str {
        match self {
            Method::Popular => "popular",
            Method::Trending => "trending",
            Method::Itemcf => "itemcf",
            Method::Als => "als",
            Method::Content => "content",
            Method::Hybrid => "hybrid",
        }
    }
}

/// Parameters of the recommendations. The ALS defaults are stage f(ii) of the peer benchmark
/// (implicit's `AlternatingLeastSquares(factors=64, iterations=15, regularization=0.01,
/// alpha=1.0)`); item-CF with `shrinkage` 0 and `neighbours` 0 is stage f(i).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct RecommendParams {
    /// How the lists are made: popular, trending, itemcf, als, content or hybrid.
    pub method: Method,
    /// Products per customer (1 to 100).
    pub k: u32,
    /// Also compare every method on a time holdout (the last `holdout_days` days).
    pub evaluate: bool,
    /// Days at the end of the data held out for the evaluation (1 to 3650).
    pub holdout_days: u32,
    /// Leave out what the customer already bought.
    pub exclude_bought: bool,
    /// Only products of these categories (empty: every category).
    pub categories: Vec<String>,
    /// Only these products (ids), e.g. those in stock (empty: every product).
    pub in_stock: Vec<String>,
    /// At most this many products of one category in a list (0: no limit; up to 100).
    pub max_per_category: u32,
    /// Item-CF and content: neighbours kept per product (0: every one; up to 100,000).
    pub neighbours: u32,
    /// Item-CF: shrinkage λ of the cosine, x·y / (‖x‖‖y‖ + λ) (0 or more).
    pub shrinkage: f64,
    /// ALS: latent factors (1 to 256).
    pub factors: u32,
    /// ALS: alternations (1 to 100).
    pub iterations: u32,
    /// ALS: regularisation λ (above 0).
    pub regularization: f64,
    /// ALS: confidence α per purchase (above 0).
    pub alpha: f64,
    /// ALS: seed of the starting factors.
    pub seed: u32,
    /// Trending: the last days counted (1 to 3650).
    pub trending_days: u32,
    /// Hybrid: weight of item-CF (0 or more).
    pub weight_itemcf: f64,
    /// Hybrid: weight of ALS (0 or more).
    pub weight_als: f64,
    /// Hybrid: weight of content (0 or more).
    pub weight_content: f64,
    /// Hybrid: weight of popularity (0 or more).
    pub weight_popular: f64,
    /// Only the customers of this rule get lists (empty: every customer), in the rule
    /// language: `rfm.segment == "champions"` or `in_audience("VIP")`.
    #[serde(rename = "where")]
    pub rule: String,
    /// Saved audiences the rule may name with in_audience("NAME").
    pub audiences: Vec<AudienceDefinition>,
    /// One customer (their id) whose list to give, with its explanations.
    pub customer: Option<String>,
}

impl Default for RecommendParams {
    fn default() -> Self {
        RecommendParams {
            method: Method::Itemcf,
            k: 10,
            evaluate: false,
            holdout_days: 30,
            exclude_bought: true,
            categories: Vec::new(),
            in_stock: Vec::new(),
            max_per_category: 0,
            neighbours: 100,
            shrinkage: 0.0,
            factors: 64,
            iterations: 15,
            regularization: 0.01,
            alpha: 1.0,
            seed: 0,
            trending_days: 30,
            weight_itemcf: 1.0,
            weight_als: 1.0,
            weight_content: 0.5,
            weight_popular: 0.1,
            rule: String::new(),
            audiences: Vec::new(),
            customer: None,
        }
    }
}

impl RecommendParams {
    /// The longest list.
    pub const MAX_K: u32 = 100;
    /// The longest holdout or trending window, in days.
    pub const MAX_DAYS: u32 = 3650;
    /// The most neighbours kept per product.
    pub const MAX_NEIGHBOURS: u32 = 100_000;
    /// The most ALS factors.
    pub const MAX_FACTORS: u32 = 256;
    /// The most ALS alternations.
    pub const MAX_ITERATIONS: u32 = 100;
}

/// The hybrid blend's weights.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Weights {
    /// Item-CF.
    pub itemcf: f64,
    /// ALS.
    pub als: f64,
    /// Content.
    pub content: f64,
    /// Popularity.
    pub popular: f64,
}

/// Checked parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct RecommendValidParams {
    /// How the lists are made.
    pub method: Method,
    /// Products per customer.
    pub k: usize,
    /// Whether every method is compared on the holdout.
    pub evaluate: bool,
    /// Days held out.
    pub holdout_days: i64,
    /// Whether what a customer bought is left out.
    pub exclude_bought: bool,
    /// Categories a product must be of (trimmed, empty: any).
    pub categories: Vec<String>,
    /// Products a list may hold (trimmed, empty: any).
    pub in_stock: Vec<String>,
    /// Most products of one category in a list (0: no limit).
    pub max_per_category: usize,
    /// Item-CF and content neighbours per product (0: all).
    pub neighbours: usize,
    /// Item-CF shrinkage.
    pub shrinkage: f64,
    /// The ALS fit.
    pub als: crate::recommend::lists::AlsParams,
    /// Trending's window, in days.
    pub trending_days: i64,
    /// The hybrid's weights.
    pub weights: Weights,
    /// The audience rule, trimmed ("" = every customer).
    pub rule: String,
    /// Saved audiences the rule may name.
    pub audiences: Vec<AudienceDefinition>,
    /// The one customer asked for, trimmed.
    pub customer: Option<String>,
    /// The parameters of every customer's lists (no customer, no evaluation, every
    /// customer): the model a customer's list is read from.
    pub lists: RecommendParams,
}

/// A broken parameter rule (worded by `super::messages::MESSAGES`).
#[derive(Debug, Clone, PartialEq)]
pub enum RecommendParamsError {
    /// `k` outside 1..=100.
    K(u32),
    /// A window of days outside 1..=3650.
    Days(&'static str, u32),
    /// `max_per_category` above 100.
    PerCategory(u32),
    /// `neighbours` above 100,000.
    Neighbours(u32),
    /// `factors` or `iterations` outside their range.
    Als(&'static str, u32, u32),
    /// A number that must be positive, or not negative, is not.
    Number(&'static str, f64),
    /// Every hybrid weight is 0.
    NoWeight,
}

impl std::fmt::Display for RecommendParamsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for RecommendParamsError {}

impl Coded for RecommendParamsError {
    fn message(&self) -> Message {
        let m = match self {
            RecommendParamsError::K(got) => Message::new("recommend.k")
                .with("max", RecommendParams::MAX_K)
                .with("got", *got),
            RecommendParamsError::Days(name, got) => Message::new("recommend.days")
                .with("name", *name)
                .with("max", RecommendParams::MAX_DAYS)
                .with("got", *got),
            RecommendParamsError::PerCategory(got) => Message::new("recommend.max_per_category")
                .with("max", RecommendParams::MAX_K)
                .with("got", *got),
            RecommendParamsError::Neighbours(got) => Message::new("recommend.neighbours")
                .with("max", RecommendParams::MAX_NEIGHBOURS)
                .with("got", *got),
            RecommendParamsError::Als(name, max, got) => Message::new("recommend.als")
                .with("name", *name)
                .with("max", *max)
                .with("got", *got),
            RecommendParamsError::Number(name, got) => Message::new("recommend.number")
                .with("name", *name)
                .with("got", *got),
            RecommendParamsError::NoWeight => Message::new("recommend.no_weight"),
        };
        m.worded_by(MESSAGES)
    }
}

/// Headers an in-stock file's first line may hold instead of a product (the page and
/// `--in-stock @FILE` pass every first cell; a header is no product).
const STOCK_HEADERS: &[&str] = &[
    "product_id",
    "productid",
    "product id",
    "product",
    "sku",
    "id",
    "stockcode",
    "stock code",
    "商品id",
    "商品编号",
    "商品编码",
    "货号",
];

fn trimmed(values: &[String]) -> Vec<String> {
    let mut v: Vec<String> = values
        .iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    v.sort();
    v.dedup();
    v
}

impl Check for RecommendParams {
    type Valid = RecommendValidParams;
    type Error = RecommendParamsError;

    fn check(&self) -> Result<RecommendValidParams, RecommendParamsError> {
        use RecommendParamsError as E;
        if !(1..=RecommendParams::MAX_K).contains(&self.k) {
            return Err(E::K(self.k));
        }
        for (name, days) in [
            ("holdout_days", self.holdout_days),
            ("trending_days", self.trending_days),
        ] {
            if !(1..=RecommendParams::MAX_DAYS).contains(&days) {
                return Err(E::Days(name, days));
            }
        }
        if self.max_per_category > RecommendParams::MAX_K {
            return Err(E::PerCategory(self.max_per_category));
        }
        if self.neighbours > RecommendParams::MAX_NEIGHBOURS {
            return Err(E::Neighbours(self.neighbours));
        }
        if !(1..=RecommendParams::MAX_FACTORS).contains(&self.factors) {
            return Err(E::Als(
                "factors",
                RecommendParams::MAX_FACTORS,
                self.factors,
            ));
        }
        if !(1..=RecommendParams::MAX_ITERATIONS).contains(&self.iterations) {
            return Err(E::Als(
                "iterations",
                RecommendParams::MAX_ITERATIONS,
                self.iterations,
            ));
        }
        for (name, x) in [
            ("regularization", self.regularization),
            ("alpha", self.alpha),
        ] {
            if !(x > 0.0 && x.is_finite()) {
                return Err(E::Number(name, x));
            }
        }
        let weights = [
            ("shrinkage", self.shrinkage),
            ("weight_itemcf", self.weight_itemcf),
            ("weight_als", self.weight_als),
            ("weight_content", self.weight_content),
            ("weight_popular", self.weight_popular),
        ];
        for (name, x) in weights {
            if !(x >= 0.0 && x.is_finite()) {
                return Err(E::Number(name, x));
            }
        }
        if weights[1..].iter().all(|(_, w)| *w == 0.0) {
            return Err(E::NoWeight);
        }
        let rule = self.rule.trim().to_string();
        let customer = self
            .customer
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string);
        Ok(RecommendValidParams {
            method: self.method,
            k: self.k as usize,
            evaluate: self.evaluate,
            holdout_days: i64::from(self.holdout_days),
            exclude_bought: self.exclude_bought,
            categories: trimmed(&self.categories),
            in_stock: trimmed(&self.in_stock)
                .into_iter()
                .filter(|id| !STOCK_HEADERS.contains(&id.to_lowercase().as_str()))
                .collect(),
            max_per_category: self.max_per_category as usize,
            neighbours: self.neighbours as usize,
            shrinkage: self.shrinkage,
            als: crate::recommend::lists::AlsParams {
                factors: self.factors as usize,
                iterations: self.iterations as usize,
                regularization: self.regularization as f32,
                alpha: self.alpha as f32,
                cg_steps: 3,
                seed: u64::from(self.seed),
            },
            trending_days: i64::from(self.trending_days),
            weights: Weights {
                itemcf: self.weight_itemcf,
                als: self.weight_als,
                content: self.weight_content,
                popular: self.weight_popular,
            },
            rule: rule.clone(),
            audiences: self.audiences.clone(),
            customer: customer.clone(),
            lists: RecommendParams {
                evaluate: false,
                customer: None,
                rule: if customer.is_some() {
                    String::new()
                } else {
                    rule
                },
                audiences: if customer.is_some() {
                    Vec::new()
                } else {
                    self.audiences.clone()
                },
                ..self.clone()
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_checked() {
        let ok = RecommendParams::default().check().unwrap();
        assert_eq!((ok.method, ok.k, ok.als.factors), (Method::Itemcf, 10, 64));
        let d = RecommendParams::default;
        let bad = |p: RecommendParams| p.check().unwrap_err();
        assert_eq!(
            bad(RecommendParams { k: 0, ..d() }),
            RecommendParamsError::K(0)
        );
        assert_eq!(
            bad(RecommendParams {
                holdout_days: 0,
                ..d()
            }),
            RecommendParamsError::Days("holdout_days", 0)
        );
        assert_eq!(
            bad(RecommendParams { factors: 0, ..d() }),
            RecommendParamsError::Als("factors", 256, 0)
        );
        assert!(matches!(
            bad(RecommendParams { alpha: 0.0, ..d() }),
            RecommendParamsError::Number("alpha", _)
        ));
        assert!(matches!(
            bad(RecommendParams {
                shrinkage: -1.0,
                ..d()
            }),
            RecommendParamsError::Number("shrinkage", _)
        ));
        assert_eq!(
            bad(RecommendParams {
                weight_itemcf: 0.0,
                weight_als: 0.0,
                weight_content: 0.0,
                weight_popular: 0.0,
                ..d()
            }),
            RecommendParamsError::NoWeight
        );
        // one customer's list is read from every customer's lists, made without evaluation
        let one = RecommendParams {
            customer: Some(" 17850 ".into()),
            evaluate: true,
            rule: "orders >= 2".into(),
            ..d()
        }
        .check()
        .unwrap();
        assert_eq!(one.customer.as_deref(), Some("17850"));
        assert_eq!(one.lists, d());
        let filters = RecommendParams {
            categories: vec![" b".into(), "a".into(), "b".into(), " ".into()],
            ..d()
        }
        .check()
        .unwrap();
        assert_eq!(filters.categories, ["a", "b"]);
        let stock = RecommendParams {
            in_stock: vec!["Product_ID".into(), "85123A".into(), "商品编号".into()],
            ..d()
        }
        .check()
        .unwrap();
        assert_eq!(stock.in_stock, ["85123A"], "a header is no product");
    }
}
