//! Recommendations through the door: kind `recommend` (`portrait recommend`), a summary with
//! the first lists and the evaluation as output, one customer's list (the customer card),
//! and every customer's list as its table to download (`--csv`, the page's CSV and XLSX).

use super::algorithm::{Filter, Products};
use super::job::{Fitting, RecommendJob};
use super::messages::MESSAGES;
use super::output::{AppliedFilters, RecommendAudience, RecommendSummary};
use super::params::{Method, RecommendParams, RecommendValidParams};
use super::summary::Recommendations;
use crate::analysis::{Analysis, Context, Fit, TableKind};
use crate::error::Error;
use crate::message::{Catalogue, Message};
use crate::rules as rule_language;
use crate::table::{Cell, Sheet};
use std::fmt::Write;

/// Top-k product lists per customer, and the comparison of every method.
pub struct RecommendAnalysis;

fn refused(m: Message) -> Error {
    Error::Refused(m.worded_by(MESSAGES))
}

/// The products a list may hold, from the categories and in-stock list of `p`.
fn filter_of(
    data: &crate::dataset::Dataset,
    products: &Products,
    p: &RecommendValidParams,
) -> Result<(Filter, AppliedFilters), Error> {
    let n = data.lines.product_ids.len();
    let mut allowed: Option<Vec<bool>> = None;
    if !p.categories.is_empty() {
        if products.category_names.is_empty() {
            return Err(refused(Message::new("recommend.no_categories")));
        }
        let mut codes = Vec::new();
        for c in &p.categories {
            let Some(code) = products.category_names.get(c) else {
                let known: Vec<String> = products
                    .category_names
                    .names()
                    .take(12)
                    .map(|s| format!("\"{s}\""))
                    .collect();
                return Err(refused(
                    Message::new("recommend.unknown_category")
                        .with("category", c.as_str())
                        .with("known", known.join(", ")),
                ));
            };
            codes.push(code);
        }
        allowed = Some(
            products
                .category
                .iter()
                .map(|c| codes.contains(c))
                .collect(),
        );
    }
    let mut matched = 0;
    if !p.in_stock.is_empty() {
        let mut stock = vec![false; n];
        for id in &p.in_stock {
            if let Some(i) = data.lines.product_ids.get(id) {
                stock[i as usize] = true;
                matched += 1;
            }
        }
        if matched == 0 {
            return Err(refused(
                Message::new("recommend.in_stock_unmatched").with("listed", p.in_stock.len()),
            ));
        }
        allowed = Some(match allowed {
            Some(a) => a.iter().zip(&stock).map(|(a, s)| *a && *s).collect(),
            None => stock,
        });
    }
    Ok((
        Filter {
            exclude_bought: p.exclude_bought,
            allowed,
            max_per_category: p.max_per_category,
        },
        AppliedFilters {
            exclude_bought: p.exclude_bought,
            categories: p.categories.clone(),
            in_stock_listed: p.in_stock.len(),
            in_stock_matched: matched,
            max_per_category: p.max_per_category as u32,
        },
    ))
}

/// The customers who get a list: every one, or the audience's.
fn targets(
    cx: &mut Context<'_>,
    p: &RecommendValidParams,
) -> Result<(Vec<u32>, Option<RecommendAudience>), Error> {
    let n = cx.data.n_customers() as u32;
    if p.rule.is_empty() {
        return Ok(((0..n).collect(), None));
    }
    let rule = rule_language::compile_with(&p.rule, &Context::rule_catalogue(), &p.audiences)
        .map_err(|e| Error::Refused(e.message()))?;
    let members = cx.matching(&[rule])?.swap_remove(0);
    let targets: Vec<u32> = (0..n).filter(|&c| members[c as usize]).collect();
    let audience = RecommendAudience {
        rule: p.rule.clone(),
        customers: targets.len(),
    };
    Ok((targets, Some(audience)))
}

/// The one customer's list, read from every customer's lists.
fn one_customer(
    cx: &mut Context<'_>,
    p: &RecommendValidParams,
    id: &str,
) -> Result<Recommendations, Error> {
    let all = cx.require::<RecommendAnalysis>(&p.lists)?;
    let data = cx.data;
    let found = data
        .customers
        .iter()
        .position(|c| &**c == id)
        .and_then(|c| all.lists.find(c as u32));
    let Some(k) = found else {
        return Err(refused(
            Message::new("recommend.unknown_customer").with("id", id),
        ));
    };
    let mut names = all.summary.names.clone();
    let list = all.list(data, k, &mut names);
    Ok(Recommendations {
        summary: RecommendSummary {
            customer: Some(list),
            names,
            ..all.summary.clone()
        },
        lists: all.lists.clone(),
        items: all.items.clone(),
        names: all.names.clone(),
    })
}

fn method_name(m: Method) -> &'static str {
    match m {
        Method::Popular => "popularity",
        Method::Trending => "trending",
        Method::Itemcf => "item-based CF",
        Method::Als => "ALS",
        Method::Content => "content-based",
        Method::Hybrid => "hybrid",
    }
}

impl Analysis for RecommendAnalysis {
    const KIND: &'static str = "recommend";
    const ABOUT: &'static str = "Personal recommendations: each customer's top products by popularity, trending, item-based CF, ALS, content (TF-IDF) or a hybrid, with business filters, cold-start fallbacks and a reason per product; --evaluate compares every method on a time holdout (precision, recall, MAP, NDCG, hit rate, coverage, novelty, diversity); --csv writes every list.";
    const NEEDS: &'static [TableKind] = &[TableKind::Orders];
    const MESSAGES: Catalogue = MESSAGES;
    const LIMITS: &'static [(&'static str, i64, i64)] = &[
        ("k", 1, RecommendParams::MAX_K as i64),
        ("holdout_days", 1, RecommendParams::MAX_DAYS as i64),
        ("trending_days", 1, RecommendParams::MAX_DAYS as i64),
        ("max_per_category", 0, RecommendParams::MAX_K as i64),
        ("neighbours", 0, RecommendParams::MAX_NEIGHBOURS as i64),
        ("factors", 1, RecommendParams::MAX_FACTORS as i64),
        ("iterations", 1, RecommendParams::MAX_ITERATIONS as i64),
    ];

    type Params = RecommendParams;
    type Model = Recommendations;
    type Output = RecommendSummary;

    fn fit(cx: &mut Context<'_>, p: &RecommendValidParams) -> Result<Fit<Recommendations>, Error> {
        if let Some(id) = &p.customer {
            return one_customer(cx, p, id).map(Fit::Done);
        }
        let products = Products::of(cx.data, &cx.ingest.tables);
        let (filter, applied) = filter_of(cx.data, &products, p)?;
        let (targets, audience) = targets(cx, p)?;
        let fitting = Fitting::new(p.clone(), products, filter, applied, audience, targets);
        Ok(Fit::Job(Box::new(RecommendJob(Some(fitting)))))
    }

    fn output(model: &Recommendations, _cx: &Context<'_>) -> RecommendSummary {
        model.summary.clone()
    }

    fn answer(question: &[u8]) -> Result<Vec<u8>, Error> {
        super::help::answer(question)
    }

    fn text(s: &RecommendSummary, _cx: &Context<'_>) -> String {
        let mut o = String::new();
        let shown = |id: &str| match s.names.get(id) {
            Some(n) => format!("{n} ({id})"),
            None => id.to_string(),
        };
        let _ = writeln!(
            o,
            "Recommendations: {} products each by {} for {} customers ({} products bought, {} customer-product purchases)",
            s.k,
            method_name(s.method),
            s.customers,
            s.items,
            s.purchases
        );
        let _ = writeln!(
            o,
            "  cold start: {} customers without a purchase get trending products; {} with one order",
            s.no_purchase, s.one_order
        );
        if let Some(a) = &s.audience {
            let _ = writeln!(o, "  audience: {} ({} customers)", a.rule, a.customers);
        }
        let f = &s.filters;
        let mut filters = vec![if f.exclude_bought {
            "already bought left out".to_string()
        } else {
            "already bought kept".to_string()
        }];
        if !f.categories.is_empty() {
            filters.push(format!("categories {}", f.categories.join(", ")));
        }
        if f.in_stock_listed > 0 {
            filters.push(format!(
                "in stock: {} of {} listed products",
                f.in_stock_matched, f.in_stock_listed
            ));
        }
        if f.max_per_category > 0 {
            filters.push(format!("at most {} per category", f.max_per_category));
        }
        let _ = writeln!(o, "  filters: {}", filters.join("; "));
        if let Some(e) = &s.evaluation {
            let _ = writeln!(
                o,
                "  evaluation: trained up to {}, the {} days after held out; {} customers measured ({} new, {:.2} relevant products each), catalogue {}",
                e.split_date, e.holdout_days, e.customers, e.cold_start, e.mean_relevant, e.catalogue
            );
            let _ = writeln!(
                o,
                "    {:<14} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
                "method",
                format!("prec@{}", s.k),
                format!("rec@{}", s.k),
                format!("MAP@{}", s.k),
                format!("NDCG@{}", s.k),
                "hit rate",
                "coverage",
                "novelty",
                "diversity"
            );
            for m in &e.methods {
                let x = &m.measures;
                let mark = if e.best.ndcg == m.method { " *" } else { "" };
                let _ = writeln!(
                    o,
                    "    {:<14} {:>9.4} {:>9.4} {:>9.4} {:>9.4} {:>9.4} {:>9.4} {:>9.2} {:>9.4}{mark}",
                    method_name(m.method),
                    x.precision,
                    x.recall,
                    x.map,
                    x.ndcg,
                    x.hit_rate,
                    x.coverage,
                    x.novelty,
                    x.diversity
                );
            }
            let _ = writeln!(o, "    * best by NDCG@{}", s.k);
        }
        let lists = s.customer.iter().chain(s.preview.iter().take(5));
        for l in lists {
            let _ = writeln!(o, "  customer {} ({} orders):", l.customer_id, l.orders);
            for (rank, r) in l.items.iter().enumerate() {
                let because = r
                    .because
                    .as_deref()
                    .map(|b| format!(", because of {}", shown(b)))
                    .unwrap_or_default();
                let _ = writeln!(
                    o,
                    "    {:>2}. {}  {} {:.4}{because}",
                    rank + 1,
                    shown(&r.product),
                    r.source.name(),
                    r.score
                );
            }
        }
        if s.customer.is_none() && s.customers > 5 {
            let _ = writeln!(
                o,
                "  … {} more lists (--csv lists.csv)",
                s.customers.saturating_sub(5)
            );
        }
        for n in &s.notes {
            let _ = writeln!(o, "  note: {}", crate::analysis::registry::english(n));
        }
        o
    }

    /// Every customer's list, one product a row.
    fn sheet(m: &Recommendations, cx: &Context<'_>, sheet: &mut dyn Sheet) -> bool {
        sheet.header(&[
            "customer_id",
            "rank",
            "product_id",
            "product_name",
            "score",
            "reason",
            "because_product_id",
            "because_product_name",
        ]);
        let data = cx.data;
        let name = |i: u32| m.names[m.items[i as usize] as usize].clone();
        for k in 0..m.lists.len() {
            let customer = data.customers[m.lists.customers[k] as usize].to_string();
            for (rank, r) in m.lists.get(k).iter().enumerate() {
                let because = r.because != crate::dataset::NONE;
                sheet.row(&[
                    Cell::Text(customer.clone()),
                    Cell::Int(rank as i64 + 1),
                    Cell::Text(m.product_id(data, r.item).to_string()),
                    Cell::Text(name(r.item)),
                    Cell::Number(f64::from(r.score)),
                    Cell::Text(r.source.name().into()),
                    Cell::Text(if because {
                        m.product_id(data, r.because).to_string()
                    } else {
                        String::new()
                    }),
                    Cell::Text(if because {
                        name(r.because)
                    } else {
                        String::new()
                    }),
                ]);
            }
        }
        true
    }
}
