//! The fitted model (every customer's list) and the output made from it.

use super::algorithm::{Fitted, Products, Rec};
use super::output::{
    AppliedFilters, BestMethods, CustomerList, EvaluationSummary, MethodMeasures, Ranked,
    RecommendAudience, RecommendSummary, Recommended,
};
use super::params::{Method, RecommendValidParams};
use crate::analysis::Context;
use crate::dataset::{time, Dataset, NONE};
use crate::message::Message;
use crate::recommend::lists::{Measures, Ranking};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Lists the output previews.
pub const PREVIEW: usize = 20;
/// Products of each baseline the output gives.
const BASELINE: usize = 20;

/// Every customer's list, in customer order.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Lists {
    /// Per list: the customer number in the data.
    #[serde(with = "crate::recommend::lists::raw")]
    pub customers: Vec<u32>,
    /// Per list: the customer's orders with a purchase.
    #[serde(with = "crate::recommend::lists::raw")]
    pub orders: Vec<u32>,
    /// Per list: where its products end in `recs`.
    #[serde(with = "crate::recommend::lists::raw")]
    ends: Vec<u32>,
    /// The products, list after list.
    recs: Vec<Rec>,
}

impl Lists {
    /// Adds customer `c`'s list.
    pub fn push(&mut self, c: u32, orders: u32, recs: &[Rec]) {
        self.customers.push(c);
        self.orders.push(orders);
        self.recs.extend_from_slice(recs);
        self.ends.push(self.recs.len() as u32);
    }

    /// Adds the lists of `later`, whose customers all come after these.
    pub fn append(&mut self, later: Lists) {
        let base = self.recs.len() as u32;
        self.customers.extend(later.customers);
        self.orders.extend(later.orders);
        self.ends.extend(later.ends.iter().map(|e| e + base));
        self.recs.extend(later.recs);
    }

    /// Lists held.
    pub fn len(&self) -> usize {
        self.customers.len()
    }

    /// True when no customer has a list.
    pub fn is_empty(&self) -> bool {
        self.customers.is_empty()
    }

    /// List `k`'s products.
    pub fn get(&self, k: usize) -> &[Rec] {
        let from = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        &self.recs[from..self.ends[k] as usize]
    }

    /// The list of customer `c`, if they have one.
    pub fn find(&self, c: u32) -> Option<usize> {
        self.customers.binary_search(&c).ok()
    }
}

/// The evaluation's results before they are worded.
pub struct Evaluated {
    /// Customers with a purchase before the holdout.
    pub train_customers: usize,
    /// Products bought before it.
    pub catalogue: usize,
    /// Customers measured.
    pub customers: usize,
    /// Of them, without a purchase before.
    pub cold_start: usize,
    /// Mean relevant products.
    pub mean_relevant: f64,
    /// The last training day.
    pub split_day: i64,
    /// Each method's measures.
    pub measures: Vec<(Method, Measures)>,
}

/// The model: every customer's list, and the output.
pub struct Recommendations {
    /// The output.
    pub summary: RecommendSummary,
    /// Every list.
    pub lists: Arc<Lists>,
    /// Per item of the lists: its product in the data.
    pub items: Arc<Vec<u32>>,
    /// Per product of the data: its name ("" when none).
    pub names: Arc<Vec<String>>,
}

impl Recommendations {
    /// The product id of item `i`.
    pub fn product_id<'d>(&self, data: &'d Dataset, i: u32) -> &'d str {
        data.lines.product_ids.name(self.items[i as usize])
    }

    /// List `k` as the output gives it; the names of its products into `names`.
    pub fn list(
        &self,
        data: &Dataset,
        k: usize,
        names: &mut BTreeMap<String, String>,
    ) -> CustomerList {
        let mut name = |i: u32| {
            let id = self.product_id(data, i).to_string();
            let n = &self.names[self.items[i as usize] as usize];
            if !n.is_empty() {
                names.insert(id.clone(), n.clone());
            }
            id
        };
        let items = self
            .lists
            .get(k)
            .iter()
            .map(|r| Recommended {
                product: name(r.item),
                score: f64::from(r.score),
                source: r.source,
                because: (r.because != NONE).then(|| name(r.because)),
            })
            .collect();
        CustomerList {
            customer_id: data.customers[self.lists.customers[k] as usize].to_string(),
            orders: self.lists.orders[k],
            items,
        }
    }
}

fn best(measures: &[(Method, Measures)], by: impl Fn(&Measures) -> f64) -> Method {
    let mut top = (Method::Popular, f64::NEG_INFINITY);
    for (m, x) in measures {
        if by(x) > top.1 {
            top = (*m, by(x));
        }
    }
    top.0
}

fn evaluation(p: &RecommendValidParams, e: Evaluated) -> EvaluationSummary {
    let m = &e.measures;
    EvaluationSummary {
        holdout_days: p.holdout_days as u32,
        split_date: time::iso_day(e.split_day),
        train_customers: e.train_customers,
        catalogue: e.catalogue,
        customers: e.customers,
        cold_start: e.cold_start,
        mean_relevant: e.mean_relevant,
        best: BestMethods {
            precision: best(m, |x| x.precision),
            recall: best(m, |x| x.recall),
            map: best(m, |x| x.map),
            ndcg: best(m, |x| x.ndcg),
            hit_rate: best(m, |x| x.hit_rate),
            coverage: best(m, |x| x.coverage),
            novelty: best(m, |x| x.novelty),
            diversity: best(m, |x| x.diversity),
        },
        methods: e
            .measures
            .into_iter()
            .map(|(method, measures)| MethodMeasures { method, measures })
            .collect(),
    }
}

/// The model and output of a finished fit.
#[allow(clippy::too_many_arguments)]
pub fn summarise(
    cx: &Context<'_>,
    p: &RecommendValidParams,
    all: Fitted,
    lists: Lists,
    evaluated: Option<Evaluated>,
    audience: Option<RecommendAudience>,
    filters: AppliedFilters,
    notes: Vec<Message>,
    products: &Products,
) -> Recommendations {
    let data = cx.data;
    let names: Vec<String> = products.texts.iter().map(|t| t.name.clone()).collect();
    let model = Recommendations {
        summary: RecommendSummary {
            method: p.method,
            k: p.k as u32,
            customers: lists.len(),
            no_purchase: lists.orders.iter().filter(|&&o| o == 0).count(),
            one_order: lists.orders.iter().filter(|&&o| o == 1).count(),
            items: all.x.n_items(),
            purchases: all.x.indices.len(),
            described: products.described(),
            audience,
            filters,
            popular: Vec::new(),
            trending: Vec::new(),
            preview: Vec::new(),
            customer: None,
            evaluation: evaluated.map(|e| evaluation(p, e)),
            names: BTreeMap::new(),
            notes,
        },
        lists: Arc::new(lists),
        items: Arc::new(all.x.items.clone()),
        names: Arc::new(names),
    };
    let mut out_names = BTreeMap::new();
    let ranked = |r: &Ranking, names: &mut BTreeMap<String, String>| -> Vec<Ranked> {
        r.items
            .iter()
            .take(BASELINE)
            .map(|&(i, buyers)| {
                let id = model.product_id(data, i).to_string();
                let n = &model.names[model.items[i as usize] as usize];
                if !n.is_empty() {
                    names.insert(id.clone(), n.clone());
                }
                Ranked {
                    product: id,
                    buyers: buyers as u32,
                }
            })
            .collect()
    };
    let popular = ranked(&all.popular, &mut out_names);
    let trending = ranked(&all.trending, &mut out_names);
    let preview = (0..model.lists.len().min(PREVIEW))
        .map(|k| model.list(data, k, &mut out_names))
        .collect();
    let mut model = model;
    model.summary.popular = popular;
    model.summary.trending = trending;
    model.summary.preview = preview;
    model.summary.names = out_names;
    model
}
