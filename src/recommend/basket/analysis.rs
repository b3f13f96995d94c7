//! Market basket analysis through the door: kind `basket` (`portrait basket`), the rules as
//! output and as its own table to download, and a product's frequently-bought-together list.

use super::algorithm::{mine, together, Basket};
use super::messages::MESSAGES;
use super::output::{BasketSummary, RuleRow};
use super::params::{BasketParams, BasketValidParams};
use super::rules::Consequents;
use crate::analysis::{Analysis, Context, Fit, TableKind};
use crate::error::Error;
use crate::message::Catalogue;
use crate::table::{Cell, Sheet};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Arc;

/// Association rules by FP-Growth and frequently-bought-together lists.
pub struct BasketAnalysis;

/// "id (name)" or the id alone.
fn shown(id: &str, names: &BTreeMap<String, String>) -> String {
    match names.get(id) {
        Some(name) => format!("{name} ({id})"),
        None => id.to_string(),
    }
}

fn side(ids: &[String], names: &BTreeMap<String, String>) -> String {
    let v: Vec<String> = ids.iter().map(|i| shown(i, names)).collect();
    format!("{{{}}}", v.join(", "))
}

fn names_of(ids: &[String], names: &BTreeMap<String, String>) -> String {
    let v: Vec<&str> = ids
        .iter()
        .map(|i| names.get(i).map_or(i.as_str(), String::as_str))
        .collect();
    v.join(" + ")
}

impl Analysis for BasketAnalysis {
    const KIND: &'static str = "basket";
    const ABOUT: &'static str = "Market basket analysis: frequent itemsets by FP-Growth, association rules with support, confidence, lift, leverage, conviction, Zhang's metric, Jaccard, Kulczynski and certainty, and frequently-bought-together lists.";
    const NEEDS: &'static [TableKind] = &[TableKind::Orders];
    const MESSAGES: Catalogue = MESSAGES;
    const LIMITS: &'static [(&'static str, i64, i64)] = &[
        ("max_len", 2, BasketParams::MAX_LEN as i64),
        ("max_itemsets", 1, BasketParams::MAX_ITEMSETS as i64),
        ("together", 1, BasketParams::MAX_TOGETHER as i64),
    ];

    type Params = BasketParams;
    type Model = Basket;
    type Output = BasketSummary;

    fn fit(cx: &mut Context<'_>, p: &BasketValidParams) -> Result<Fit<Basket>, Error> {
        let mined = match &p.product {
            None => Arc::new(mine(cx, p)?),
            // every product's list shares the rules mined without one
            Some(_) => cx.require::<BasketAnalysis>(&p.mined)?.mined.clone(),
        };
        let (list, together_names) = match &p.product {
            Some(product) => {
                let (list, names) = together(cx.data, &mined, product, p.together)?;
                (Some(list), names)
            }
            None => (None, BTreeMap::new()),
        };
        Ok(Fit::Done(Basket {
            mined,
            together: list,
            together_names,
        }))
    }

    fn output(model: &Basket, _cx: &Context<'_>) -> BasketSummary {
        model.summary()
    }

    fn text(s: &BasketSummary, _cx: &Context<'_>) -> String {
        let mut o = String::new();
        let _ = writeln!(
            o,
            "Market basket: {} baskets of {} products ({:.2} a basket on average, at most {}; {} of one product)",
            s.baskets, s.items, s.mean_items, s.largest, s.single_item_baskets
        );
        if let Some(a) = &s.audience {
            let _ = writeln!(o, "  audience: {} ({} customers)", a.rule, a.customers);
        }
        let lengths = |v: &[super::output::LengthCount]| {
            let parts: Vec<String> = v
                .iter()
                .map(|l| format!("{}:{}", l.length, l.count))
                .collect();
            parts.join(" ")
        };
        let _ = writeln!(
            o,
            "  {} frequent itemsets at support ≥ {} (in {} baskets or more, up to {} items): {}",
            s.itemsets.len(),
            s.min_support,
            s.min_count,
            s.max_len,
            lengths(&s.itemsets_by_length)
        );
        let rhs = match s.consequents {
            Consequents::One => "one item on the right",
            Consequents::Any => "any number of items on the right",
        };
        let _ = writeln!(
            o,
            "  {} rules at confidence ≥ {} and lift ≥ {}, {rhs}: {}",
            s.rules.len(),
            s.min_confidence,
            s.min_lift,
            lengths(&s.rules_by_length)
        );
        let _ = writeln!(o, "  strongest rules (lift, confidence, support):");
        for r in s.rules.iter().take(20) {
            let _ = writeln!(
                o,
                "    {} → {}  lift {:.3}  confidence {:.3}  support {:.4}",
                side(&r.antecedents, &s.names),
                side(&r.consequents, &s.names),
                r.lift,
                r.confidence,
                r.support
            );
        }
        if s.rules.len() > 20 {
            let _ = writeln!(
                o,
                "    … {} more (--json or --out rules.csv)",
                s.rules.len() - 20
            );
        }
        if let Some(t) = &s.together {
            let _ = writeln!(
                o,
                "  bought together with {} ({} baskets):",
                shown(&t.product, &s.names),
                t.baskets
            );
            for p in &t.partners {
                let _ = writeln!(
                    o,
                    "    {}  {} baskets, {:.1}% of its baskets, lift {:.2}",
                    shown(&p.product, &s.names),
                    p.baskets,
                    100.0 * p.confidence,
                    p.lift
                );
            }
            if t.partners.is_empty() {
                let _ = writeln!(
                    o,
                    "    nothing was bought with it in two baskets or more, more often than in any basket"
                );
            }
        }
        for n in &s.notes {
            let _ = writeln!(o, "  note: {n}");
        }
        o
    }

    /// The rules, one a row, with every measure.
    fn sheet(model: &Basket, _cx: &Context<'_>, sheet: &mut dyn Sheet) -> bool {
        let s = &model.mined.summary;
        sheet.header(&[
            "antecedents",
            "consequents",
            "antecedent_names",
            "consequent_names",
            "baskets",
            "antecedent_support",
            "consequent_support",
            "support",
            "confidence",
            "lift",
            "leverage",
            "conviction",
            "zhang",
            "jaccard",
            "kulczynski",
            "certainty",
        ]);
        let ids = |v: &[String]| Cell::Text(v.join(" + "));
        for r in &s.rules {
            let RuleRow {
                antecedents,
                consequents,
                ..
            } = r;
            sheet.row(&[
                ids(antecedents),
                ids(consequents),
                Cell::Text(names_of(antecedents, &s.names)),
                Cell::Text(names_of(consequents, &s.names)),
                Cell::Int(i64::from(r.baskets)),
                Cell::Number(r.antecedent_support),
                Cell::Number(r.consequent_support),
                Cell::Number(r.support),
                Cell::Number(r.confidence),
                Cell::Number(r.lift),
                Cell::Number(r.leverage),
                r.conviction.map_or(Cell::Text("inf".into()), Cell::Number),
                Cell::Number(r.zhang),
                Cell::Number(r.jaccard),
                Cell::Number(r.kulczynski),
                Cell::Number(r.certainty),
            ]);
        }
        true
    }
}
