//! The market basket fit: baskets → FP-Growth → rules → the summary; a product's
//! frequently-bought-together list on top of the mined baskets.

use super::baskets::Baskets;
use super::fpgrowth::{self, frequent_itemsets, Capped, Itemset, Limits};
use super::messages::MESSAGES;
use super::output::{
    BasketAudience, BasketSummary, ItemCount, ItemsetRow, LengthCount, Partner, RuleRow, Together,
};
use super::params::BasketValidParams;
use super::rules::{self, Thresholds, TooManyRules};
use crate::analysis::Context;
use crate::dataset::Dataset;
use crate::error::Error;
use crate::message::Message;
use crate::rules as rule_language;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The most rules kept: past it the fit stops with a message asking for stricter thresholds.
pub const MAX_RULES: usize = 200_000;
/// Products listed in `top_items`.
pub const TOP_ITEMS: usize = 50;
/// Shared baskets a frequently-bought-together partner needs: one shared basket is chance.
/// A partner also needs a lift above 1: a best-seller in many of the product's baskets only
/// because it is in many baskets is not bought *with* it.
pub const MIN_TOGETHER: u32 = 2;

/// The mined baskets: what every product's list shares.
pub struct Mined {
    /// The baskets the rules come from.
    pub baskets: Baskets,
    /// Baskets per item.
    pub counts: Vec<u32>,
    /// The summary without a product's list.
    pub summary: BasketSummary,
}

/// The model: the mined baskets and, when a product was asked for, its list.
pub struct Basket {
    /// The mined baskets and rules, shared by every product's list.
    pub mined: Arc<Mined>,
    /// The frequently-bought-together list of the product asked for.
    pub together: Option<Together>,
    /// Names of the list's products (by id), where known.
    pub together_names: BTreeMap<String, String>,
}

impl Basket {
    /// The output.
    pub fn summary(&self) -> BasketSummary {
        let mut s = self.mined.summary.clone();
        s.names.extend(self.together_names.clone());
        s.together = self.together.clone();
        s
    }
}

fn refused(code: &str) -> Message {
    Message::new(code).worded_by(MESSAGES)
}

/// The customers of the audience rule, or `None` for every basket.
fn members(cx: &mut Context<'_>, p: &BasketValidParams) -> Result<Option<Vec<bool>>, Error> {
    if p.rule.is_empty() {
        return Ok(None);
    }
    let rule = rule_language::compile_with(&p.rule, &Context::rule_catalogue(), &p.audiences)
        .map_err(|e| Error::Refused(e.message()))?;
    Ok(Some(cx.matching(&[rule])?.swap_remove(0)))
}

/// Mines the rules of `p` (its product is not looked at).
pub fn mine(cx: &mut Context<'_>, p: &BasketValidParams) -> Result<Mined, Error> {
    let members = members(cx, p)?;
    let data = cx.data;
    let baskets = Baskets::of(data, members.as_deref());
    if baskets.is_empty() {
        return Err(Error::Refused(refused("basket.no_baskets")));
    }
    let n = baskets.len();
    let min_count = fpgrowth::min_count(p.min_support, n);
    let limits = Limits {
        min_count,
        max_len: p.max_len,
        cap: p.max_itemsets,
    };
    let mut itemsets = frequent_itemsets(&baskets, &limits).map_err(|Capped| {
        Error::Refused(
            refused("basket.capped")
                .with("cap", p.max_itemsets)
                .with("support", p.min_support)
                .with("count", min_count)
                .with("max_len", p.max_len),
        )
    })?;
    let thresholds = Thresholds {
        min_confidence: p.min_confidence,
        min_lift: p.min_lift,
        consequents: p.consequents,
        cap: MAX_RULES,
    };
    let rules = rules::rules(&itemsets, n, &thresholds).map_err(|TooManyRules| {
        Error::Refused(
            refused("basket.too_many_rules")
                .with("cap", MAX_RULES)
                .with("confidence", p.min_confidence)
                .with("lift", p.min_lift),
        )
    })?;
    sort_itemsets(&mut itemsets);
    let counts = baskets.item_counts();
    let summary = summarise(
        data, &baskets, &counts, &itemsets, &rules, p, min_count, &members,
    );
    Ok(Mined {
        baskets,
        counts,
        summary,
    })
}

/// Itemsets by length, then most baskets first, then items.
fn sort_itemsets(itemsets: &mut [Itemset]) {
    itemsets.sort_by(|a, b| {
        (a.items.len(), std::cmp::Reverse(a.count), &a.items).cmp(&(
            b.items.len(),
            std::cmp::Reverse(b.count),
            &b.items,
        ))
    });
}

fn by_length(lengths: impl Iterator<Item = usize>) -> Vec<LengthCount> {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for l in lengths {
        *counts.entry(l).or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(length, count)| LengthCount { length, count })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn summarise(
    data: &Dataset,
    baskets: &Baskets,
    counts: &[u32],
    itemsets: &[Itemset],
    rules: &[rules::Rule],
    p: &BasketValidParams,
    min_count: u32,
    members: &Option<Vec<bool>>,
) -> BasketSummary {
    let n = baskets.len();
    let ids = &data.lines.product_ids;
    let id = |item: u32| ids.name(baskets.product[item as usize]).to_string();
    let ids_of = |items: &[u32]| items.iter().map(|&i| id(i)).collect::<Vec<_>>();
    let mut named: Vec<u32> = Vec::new();
    let mut top: Vec<u32> = (0..counts.len() as u32).collect();
    top.sort_by_key(|&i| (std::cmp::Reverse(counts[i as usize]), i));
    top.truncate(TOP_ITEMS);
    named.extend(&top);
    named.extend(itemsets.iter().flat_map(|s| s.items.iter()));
    named.sort_unstable();
    named.dedup();
    let names = named
        .iter()
        .filter_map(|&i| {
            let product = baskets.product[i as usize];
            let name = data.lines.product_names.get(product as usize)?;
            (!name.is_empty() && **name != *ids.name(product)).then(|| (id(i), name.to_string()))
        })
        .collect();
    let mut notes = Vec::new();
    let single = (0..n).filter(|&b| baskets.basket(b).len() == 1).count();
    if single * 2 > n {
        notes.push(
            refused("basket.mostly_single")
                .with("single", single)
                .with("baskets", n),
        );
    }
    if rules.is_empty() {
        notes.push(refused("basket.no_rules"));
    }
    BasketSummary {
        baskets: n,
        items: baskets.n_items(),
        purchase_lines: baskets.lines,
        mean_items: baskets.items.len() as f64 / n as f64,
        largest: baskets.largest(),
        single_item_baskets: single,
        min_support: p.min_support,
        min_count,
        min_confidence: p.min_confidence,
        min_lift: p.min_lift,
        max_len: p.max_len,
        consequents: p.consequents,
        audience: members.as_ref().map(|m| BasketAudience {
            rule: p.rule.clone(),
            customers: m.iter().filter(|&&x| x).count(),
        }),
        itemsets: itemsets
            .iter()
            .map(|s| ItemsetRow {
                items: ids_of(&s.items),
                baskets: s.count,
                support: f64::from(s.count) / n as f64,
            })
            .collect(),
        itemsets_by_length: by_length(itemsets.iter().map(|s| s.items.len())),
        rules: rules
            .iter()
            .map(|r| {
                let m = &r.measures;
                RuleRow {
                    antecedents: ids_of(&r.antecedent),
                    consequents: ids_of(&r.consequent),
                    baskets: r.count,
                    antecedent_support: m.antecedent_support,
                    consequent_support: m.consequent_support,
                    support: m.support,
                    confidence: m.confidence,
                    lift: m.lift,
                    leverage: m.leverage,
                    conviction: m.conviction.is_finite().then_some(m.conviction),
                    zhang: m.zhang,
                    jaccard: m.jaccard,
                    kulczynski: m.kulczynski,
                    certainty: m.certainty,
                }
            })
            .collect(),
        rules_by_length: by_length(
            rules
                .iter()
                .map(|r| r.antecedent.len() + r.consequent.len()),
        ),
        top_items: top
            .iter()
            .map(|&i| ItemCount {
                product: id(i),
                baskets: counts[i as usize],
                support: f64::from(counts[i as usize]) / n as f64,
            })
            .collect(),
        names,
        together: None,
        notes,
    }
}

/// The product `text` names: its id, else the first product of that exact name.
fn product_of(data: &Dataset, text: &str) -> Option<u32> {
    let ids = &data.lines.product_ids;
    ids.get(text).or_else(|| {
        data.lines
            .product_names
            .iter()
            .position(|n| &**n == text)
            .map(|p| p as u32)
    })
}

/// The frequently-bought-together list of `text` over the mined baskets, at most `k` long.
pub fn together(
    data: &Dataset,
    mined: &Mined,
    text: &str,
    k: usize,
) -> Result<(Together, BTreeMap<String, String>), Error> {
    let unknown = || Error::Refused(refused("basket.unknown_product").with("product", text));
    let product = product_of(data, text).ok_or_else(unknown)?;
    let b = &mined.baskets;
    let item = b.product.binary_search(&product).map_err(|_| {
        Error::Refused(refused("basket.product_not_in_baskets").with("product", text))
    })? as u32;
    let mut shared = vec![0u32; b.n_items()];
    for basket in (0..b.len()).map(|k| b.basket(k)) {
        if basket.binary_search(&item).is_ok() {
            for &other in basket.iter().filter(|&&o| o != item) {
                shared[other as usize] += 1;
            }
        }
    }
    let n = b.len() as f64;
    let own = mined.counts[item as usize];
    let lift = |o: u32| {
        f64::from(shared[o as usize]) / f64::from(own) / (f64::from(mined.counts[o as usize]) / n)
    };
    let mut partners: Vec<u32> = (0..shared.len() as u32)
        .filter(|&o| shared[o as usize] >= MIN_TOGETHER && lift(o) > 1.0)
        .collect();
    partners.sort_by(|&x, &y| {
        shared[y as usize]
            .cmp(&shared[x as usize])
            .then(lift(y).total_cmp(&lift(x)))
            .then(x.cmp(&y))
    });
    partners.truncate(k);
    let ids = &data.lines.product_ids;
    let id = |i: u32| ids.name(b.product[i as usize]).to_string();
    let mut names = BTreeMap::new();
    for &i in partners.iter().chain(std::iter::once(&item)) {
        let p = b.product[i as usize];
        if let Some(name) = data.lines.product_names.get(p as usize) {
            if !name.is_empty() && **name != *ids.name(p) {
                names.insert(id(i), name.to_string());
            }
        }
    }
    let list = Together {
        product: id(item),
        baskets: own,
        support: f64::from(own) / n,
        partners: partners
            .iter()
            .map(|&o| Partner {
                product: id(o),
                baskets: shared[o as usize],
                confidence: f64::from(shared[o as usize]) / f64::from(own),
                lift: lift(o),
            })
            .collect(),
    };
    Ok((list, names))
}
