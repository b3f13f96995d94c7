//! The recommenders fitted on one set of purchases (`Fitted`), and one customer's list made
//! from them under the business filters (`list`).
//!
//! Cold start: a customer with no purchase gets the trending products (the popular ones
//! where nothing trends); with one order, ALS's factors say little, so an ALS list is made by
//! item-CF from that order; any list the method leaves short is topped up with popular
//! products. Each product in a list says why it is there (`Source`) and, for the methods
//! that relate products, which purchase it follows from.

use super::params::{Method, Weights};
use crate::customers::attribute::LineAttribute;
use crate::dataset::{Dataset, Dimension, Interner, NONE};
use crate::ingest::columns::Field;
use crate::ingest::side::Tables;
use crate::recommend::lists::content::{self, ItemText};
use crate::recommend::lists::{Als, ByNorm, Interactions, ItemCf, Ranking, Scores};

/// Why a product is in a list. Serialised names are the JS API.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    ts_rs::TS,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "RecommendSource")]
pub enum Source {
    /// One of the products most customers bought.
    Popular,
    /// One of the products most customers bought lately.
    Trending,
    /// Bought by the customers who bought one of this customer's products.
    Itemcf,
    /// Liked by customers whose purchases are like this customer's (ALS factors).
    Als,
    /// Named and described like one of this customer's products.
    Content,
}

impl Source {
    /// The wire name.
    pub fn name(self) -> &'static str {
        match self {
            Source::Popular => "popular",
            Source::Trending => "trending",
            Source::Itemcf => "itemcf",
            Source::Als => "als",
            Source::Content => "content",
        }
    }
}

/// One product of a list: its item number, score, reason and the item it follows from
/// (`NONE` when none).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Rec {
    /// The item (of the interactions the list was made from).
    pub item: u32,
    /// Its score under the method (a blended share of the best for the hybrid).
    pub score: f32,
    /// Why it is there.
    pub source: Source,
    /// The purchase it follows from, or `NONE`.
    pub because: u32,
}

/// What is known of each product of the data (`OrderLines::product_ids` order).
pub struct Products {
    /// Per product: its category's code in `category_names`, or `NONE`.
    pub category: Vec<u32>,
    /// The categories.
    pub category_names: Interner,
    /// Per product: what describes it (name, category, brand, tags).
    pub texts: Vec<ItemText>,
}

impl Products {
    /// The products of `data`: names from the order lines, else the catalogue; category and
    /// brand from the lines, else the catalogue; tags from the catalogue.
    pub fn of(data: &Dataset, tables: &Tables) -> Products {
        let lines = &data.lines;
        let n = lines.product_ids.len();
        let category = LineAttribute::of(lines, tables, Dimension::Category, Field::Category);
        let brand = LineAttribute::of(lines, tables, Dimension::Brand, Field::Brand);
        let mut per_category = vec![NONE; n];
        let mut per_brand = vec![NONE; n];
        for i in 0..lines.product.len() {
            let p = lines.product[i];
            if p == NONE {
                continue;
            }
            if per_category[p as usize] == NONE {
                per_category[p as usize] = category.at(lines, i);
            }
            if per_brand[p as usize] == NONE {
                per_brand[p as usize] = brand.at(lines, i);
            }
        }
        let name_of = |code: u32, names: &Interner| {
            if code == NONE {
                String::new()
            } else {
                names.name(code).to_string()
            }
        };
        let mut texts: Vec<ItemText> = (0..n)
            .map(|p| ItemText {
                name: lines
                    .product_names
                    .get(p)
                    .map_or(String::new(), |s| s.to_string()),
                category: name_of(per_category[p], &category.names),
                brand: name_of(per_brand[p], &brand.names),
                tags: String::new(),
            })
            .collect();
        if let Some(t) = tables.products.as_ref() {
            if let Some(ids) = t.text(Field::ProductId) {
                let names = t.text(Field::ProductName);
                let tags = t.text(Field::ProductTags);
                for row in 0..ids.codes.len() {
                    let Some(p) = ids.get(row).and_then(|id| lines.product_ids.get(id)) else {
                        continue;
                    };
                    let text = &mut texts[p as usize];
                    if let Some(name) = names.and_then(|c| c.get(row)) {
                        if text.name.is_empty() {
                            text.name = name.to_string();
                        }
                    }
                    if let Some(tag) = tags.and_then(|c| c.get(row)) {
                        if text.tags.is_empty() {
                            text.tags = tag.to_string();
                        }
                    }
                }
            }
        }
        Products {
            category: per_category,
            category_names: category.names,
            texts,
        }
    }

    /// True when some product has a name, category, brand or tag to compare.
    pub fn described(&self) -> bool {
        self.texts.iter().any(|t| !t.is_empty())
    }
}

/// What a list may hold: products allowed (categories, stock) per product, the most of one
/// category, and whether a customer's own purchases are left out.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Filter {
    /// Leave out what the customer bought.
    pub exclude_bought: bool,
    /// Per product: allowed (`None`: every product).
    pub allowed: Option<Vec<bool>>,
    /// At most this many of one category (0: no limit).
    pub max_per_category: usize,
}

/// The recommenders fitted on the purchases of `data` up to a day.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub struct Fitted {
    /// Customers × products.
    pub x: Interactions,
    /// Per customer of the data: their row of `x`, or `NONE` without a purchase.
    #[serde(with = "crate::recommend::lists::raw")]
    pub row_of: Vec<u32>,
    /// Per item: customers who bought it.
    #[serde(with = "crate::recommend::lists::raw")]
    pub buyers: Vec<u32>,
    /// The popularity baseline.
    pub popular: Ranking,
    /// The trending baseline.
    pub trending: Ranking,
    /// Item-based CF, once fitted.
    pub itemcf: Option<ItemCf>,
    /// Content neighbours, once fitted (when products are described).
    pub content: Option<ItemCf>,
    /// ALS factors and their items by length, once fitted.
    pub als: Option<(Als, ByNorm)>,
    /// Per item: allowed by the filter.
    allowed: Vec<bool>,
    /// Per item: its category, or `NONE`.
    #[serde(with = "crate::recommend::lists::raw")]
    category: Vec<u32>,
}

impl Fitted {
    /// The baselines over the purchases of `data` on days up to `until` (every day when
    /// `None`); trending counts the last `trending_days` of them.
    pub fn new(
        data: &Dataset,
        until: Option<i64>,
        trending_days: i64,
        products: &Products,
        filter: &Filter,
    ) -> Fitted {
        let x = Interactions::of(data, until);
        let mut row_of = vec![NONE; data.n_customers()];
        for (r, &c) in x.users.iter().enumerate() {
            row_of[c as usize] = r as u32;
        }
        let mut buyers = vec![0u32; x.n_items()];
        for &i in &x.indices {
            buyers[i as usize] += 1;
        }
        let allowed = x
            .items
            .iter()
            .map(|&p| filter.allowed.as_ref().is_none_or(|a| a[p as usize]))
            .collect();
        let category = x
            .items
            .iter()
            .map(|&p| products.category[p as usize])
            .collect();
        Fitted {
            popular: Ranking::popular(&x),
            trending: Ranking::trending(&x, data, trending_days, until),
            x,
            row_of,
            buyers,
            itemcf: None,
            content: None,
            als: None,
            allowed,
            category,
        }
    }

    /// Fits the content neighbours of the items.
    pub fn fit_content(&mut self, products: &Products, neighbours: usize) {
        let texts: Vec<ItemText> = self
            .x
            .items
            .iter()
            .map(|&p| products.texts[p as usize].clone())
            .collect();
        self.content = Some(content::fit(&texts, neighbours));
    }
}

/// Scratch reused from one customer to the next.
pub struct Scratch {
    a: Scores,
    b: Scores,
}

impl Scratch {
    /// Room for the items of `f`.
    pub fn new(f: &Fitted) -> Scratch {
        Scratch {
            a: Scores::new(f.x.n_items()),
            b: Scores::new(f.x.n_items()),
        }
    }
}

/// A list being filled: no product twice, at most so many of one category.
struct Picker<'a> {
    k: usize,
    cap: usize,
    category: &'a [u32],
    per_category: Vec<(u32, usize)>,
    out: Vec<Rec>,
}

impl<'a> Picker<'a> {
    fn full(&self) -> bool {
        self.out.len() >= self.k
    }

    /// Takes `rec` unless the list is full, holds it, or its category is at the cap.
    fn push(&mut self, rec: Rec) -> bool {
        if self.full() || self.out.iter().any(|r| r.item == rec.item) {
            return false;
        }
        if self.cap > 0 {
            let c = self.category[rec.item as usize];
            if c != NONE {
                match self.per_category.iter_mut().find(|(k, _)| *k == c) {
                    Some((_, n)) if *n >= self.cap => return false,
                    Some((_, n)) => *n += 1,
                    None => self.per_category.push((c, 1)),
                }
            }
        }
        self.out.push(rec);
        true
    }
}

fn rec(item: u32, score: f64, source: Source) -> Rec {
    Rec {
        item,
        score: score as f32,
        source,
        because: NONE,
    }
}

/// The list of `row` (`None`: a customer without a purchase) by `method`, at most `k` long.
pub fn list(
    f: &Fitted,
    method: Method,
    weights: &Weights,
    row: Option<usize>,
    k: usize,
    filter: &Filter,
    s: &mut Scratch,
) -> Vec<Rec> {
    let bought: &[u32] = match row {
        Some(r) if filter.exclude_bought => f.x.row(r).0,
        _ => &[],
    };
    let keep = |i: u32| f.allowed[i as usize] && bought.binary_search(&i).is_err();
    let capped = filter.max_per_category > 0;
    let mut p = Picker {
        k,
        cap: filter.max_per_category,
        category: &f.category,
        per_category: Vec::new(),
        out: Vec::with_capacity(k),
    };
    let ranked = |p: &mut Picker<'_>, ranking: &Ranking, source: Source| {
        for &(i, score) in &ranking.items {
            if p.full() {
                break;
            }
            if keep(i) {
                p.push(rec(i, score, source));
            }
        }
    };
    let neighbours =
        |p: &mut Picker<'_>, cf: &ItemCf, r: usize, source: Source, sc: &mut Scores| {
            cf.score(&f.x, r, sc);
            for (i, score) in sc.take_top_kept(keep, if capped { usize::MAX } else { k }) {
                if p.push(rec(i, score, source)) {
                    if let Some(b) = cf.because(&f.x, r, i) {
                        p.out.last_mut().expect("pushed").because = b;
                    }
                }
            }
        };
    match (row, method) {
        (None, _) | (Some(_), Method::Trending) => ranked(&mut p, &f.trending, Source::Trending),
        (Some(_), Method::Popular) => {}
        (Some(r), Method::Itemcf) => {
            if let Some(cf) = &f.itemcf {
                neighbours(&mut p, cf, r, Source::Itemcf, &mut s.a);
            }
        }
        (Some(r), Method::Content) => {
            if let Some(cf) = &f.content {
                neighbours(&mut p, cf, r, Source::Content, &mut s.a);
            }
        }
        (Some(r), Method::Als) => match (&f.als, &f.itemcf) {
            // one order: too little for factors; item-CF from that order
            (_, Some(cf)) if f.x.orders[r] <= 1 => {
                neighbours(&mut p, cf, r, Source::Itemcf, &mut s.a);
            }
            (Some((als, index)), _) => {
                let items = f.x.n_items();
                let mut n = if capped { 4 * k } else { k };
                loop {
                    let top = als.top_kept(index, r, n, keep);
                    let got = top.len();
                    for (i, score) in top {
                        if p.push(rec(i, f64::from(score), Source::Als)) {
                            if let Some(b) = als.closest(index, f.x.row(r).0, i) {
                                p.out.last_mut().expect("pushed").because = b;
                            }
                        }
                    }
                    if p.full() || got < n || n >= items {
                        break;
                    }
                    n = (n * 4).min(items);
                }
            }
            (None, _) => {}
        },
        (Some(r), Method::Hybrid) => hybrid(f, weights, r, k, &keep, &mut p, s),
    }
    if !p.full() {
        ranked(&mut p, &f.popular, Source::Popular);
    }
    p.out
}

/// The hybrid blend: the candidates of each method with a weight (its top 3k), each
/// method's score divided by its best among them, summed with the weights; the reason is
/// the method adding most.
fn hybrid(
    f: &Fitted,
    w: &Weights,
    r: usize,
    k: usize,
    keep: &impl Fn(u32) -> bool,
    p: &mut Picker<'_>,
    s: &mut Scratch,
) {
    let want = (3 * k).max(30);
    let mut candidates: Vec<u32> = Vec::new();
    let cf = f.itemcf.as_ref().filter(|_| w.itemcf > 0.0);
    let ct = f.content.as_ref().filter(|_| w.content > 0.0);
    let als = f.als.as_ref().filter(|_| w.als > 0.0);
    if let Some(cf) = cf {
        cf.score(&f.x, r, &mut s.a);
        candidates.extend(s.a.top_kept(keep, want).into_iter().map(|(i, _)| i));
    }
    if let Some(ct) = ct {
        ct.score(&f.x, r, &mut s.b);
        candidates.extend(s.b.top_kept(keep, want).into_iter().map(|(i, _)| i));
    }
    if let Some((als, index)) = als {
        candidates.extend(
            als.top_kept(index, r, want, keep)
                .into_iter()
                .map(|(i, _)| i),
        );
    }
    if w.popular > 0.0 {
        candidates.extend(
            f.popular
                .items
                .iter()
                .filter(|(i, _)| keep(*i))
                .take(want)
                .map(|&(i, _)| i),
        );
    }
    candidates.sort_unstable();
    candidates.dedup();
    let parts = |i: u32| -> [f64; 4] {
        [
            if cf.is_some() { s.a.get(i) } else { 0.0 },
            als.map_or(0.0, |(a, _)| f64::from(a.score(r, i as usize)).max(0.0)),
            if ct.is_some() { s.b.get(i) } else { 0.0 },
            f64::from(f.buyers[i as usize]),
        ]
    };
    let mut best = [0f64; 4];
    let all: Vec<(u32, [f64; 4])> = candidates.iter().map(|&i| (i, parts(i))).collect();
    for (_, v) in &all {
        for (b, x) in best.iter_mut().zip(v) {
            *b = b.max(*x);
        }
    }
    let weight = [w.itemcf, w.als, w.content, w.popular];
    let sources = [
        Source::Itemcf,
        Source::Als,
        Source::Content,
        Source::Popular,
    ];
    let mut blended: Vec<(u32, f64, usize)> = all
        .iter()
        .map(|(i, v)| {
            let mut total = 0.0;
            let mut top = (0usize, -1.0f64);
            for m in 0..4 {
                let part = if best[m] > 0.0 {
                    weight[m] * v[m] / best[m]
                } else {
                    0.0
                };
                total += part;
                if part > top.1 {
                    top = (m, part);
                }
            }
            (*i, total, top.0)
        })
        .filter(|&(_, total, _)| total > 0.0)
        .collect();
    blended.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let bought = f.x.row(r).0;
    for (i, score, m) in blended {
        if p.full() {
            break;
        }
        let source = sources[m];
        let mut one = rec(i, score, source);
        one.because = match source {
            Source::Itemcf => cf.and_then(|c| c.because(&f.x, r, i)),
            Source::Content => ct.and_then(|c| c.because(&f.x, r, i)),
            Source::Als => als.and_then(|(a, index)| a.closest(index, bought, i)),
            _ => None,
        }
        .unwrap_or(NONE);
        p.push(one);
    }
    s.a.clear();
    s.b.clear();
}
