//! The tag system (标签体系): built-in families whose every tag is a rule of the rule language
//! (its thresholds taken from this shop's own quantiles, so the rule shown *is* the
//! definition), and the merchant's rule tags, one or several values each. All tags of all
//! customers are computed together, each rule evaluated once over the customer table.

use super::params::{RuleTag, TagsValidParams};
use crate::analysis::Context;
use crate::customers::profile::{ProfileAnalysis, ProfileParams};
use crate::dataset::Interner;
use crate::error::Error;
use crate::message::Message;
use crate::predict::clv::{ClvAnalysis, ClvParams};
use crate::rules::{self, Rule};
use serde::Serialize;

/// The tag families, in the order the page lists them.
pub const FAMILIES: [&str; 7] = [
    "value",
    "consumption",
    "lifecycle",
    "preference",
    "behaviour",
    "risk",
    "rule",
];

/// One tag: a name, the rule that gives it, and how many customers carry it. Field names are
/// the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct TagStats {
    /// Its family (`FAMILIES`; `rule` for the merchant's own).
    pub family: String,
    /// A built-in tag's code (the page names it per language), or a rule tag's name.
    pub tag: String,
    /// A valued rule tag's value (`"高"`), else null.
    pub value: Option<String>,
    /// The rule (the rule language); a valued tag's last value may be `else`.
    pub rule: String,
    /// Customers carrying it.
    pub customers: u32,
    /// Their share of all customers.
    pub share: f64,
    /// Their share of the net revenue.
    pub revenue_share: f64,
}

/// The tags' output. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct TagsSummary {
    /// Customers tagged.
    pub customers: usize,
    /// Every tag, family by family.
    pub tags: Vec<TagStats>,
}

/// Every customer's tags.
#[derive(Debug, Clone, Default)]
pub struct Tags {
    /// Per customer: its tags as one text (`high_value, new, 等级:高`), into `texts`.
    pub per_customer: Vec<u32>,
    /// The distinct tag texts.
    pub texts: Interner,
    /// Per tag.
    pub stats: Vec<TagStats>,
}

/// A tag and the customers who carry it, while they are being tagged.
struct Tagged {
    family: String,
    tag: String,
    value: Option<String>,
    rule: String,
    who: Vec<bool>,
}

/// The `q`th quantile (0..1) of `v` (sorted here), numpy's linear interpolation.
fn quantile(v: &mut [f64], q: f64) -> Option<f64> {
    v.sort_unstable_by(f64::total_cmp);
    crate::customers::lifecycle::percentile(v, q * 100.0)
}

/// Money in currency units as a rule writes it.
fn units(cents: f64) -> String {
    format!("{:.2}", cents / 100.0)
}

/// The built-in tags of this shop: (family, code, rule).
fn built_in(cx: &mut Context<'_>) -> Result<Vec<(&'static str, &'static str, String)>, Error> {
    let profile = cx.require::<ProfileAnalysis>(&ProfileParams::default())?;
    let mut spend: Vec<f64> = profile
        .purchase_cents
        .iter()
        .zip(&profile.orders)
        .filter(|(_, &o)| o > 0)
        .map(|(&p, _)| p as f64)
        .collect();
    let mut gaps: Vec<f64> = profile
        .mean_days_between_orders
        .iter()
        .copied()
        .filter(|g| !g.is_nan())
        .collect();
    let (p40, p80) = (quantile(&mut spend, 0.4), quantile(&mut spend, 0.8));
    let mut tags = vec![
        (
            "value",
            "high_value",
            r#"rfm.segment in ["champions", "loyal", "cannot_lose_them"]"#.to_string(),
        ),
        (
            "value",
            "medium_value",
            r#"rfm.segment in ["potential_loyalist", "new_customers", "promising", "need_attention", "at_risk"]"#.to_string(),
        ),
        (
            "value",
            "low_value",
            r#"rfm.segment in ["about_to_sleep", "hibernating", "lost"]"#.to_string(),
        ),
    ];
    // the predicted value and the likely lost, where the history supports a prediction (the
    // lifetime-value view says why when it does not)
    let predicted = match cx.require::<ClvAnalysis>(&ClvParams::default()) {
        Ok(clv) => Some(clv),
        Err(Error::Refused(_)) => None,
        Err(e) => return Err(e),
    };
    if let Some(clv) = &predicted {
        let mut values: Vec<f64> = clv
            .customers
            .lifetime_value
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .collect();
        if let Some(p80) = quantile(&mut values, 0.8) {
            tags.push((
                "value",
                "high_predicted_value",
                format!("clv.lifetime_value >= {}", units(p80 * 100.0)),
            ));
        }
    }
    if let (Some(p40), Some(p80)) = (p40, p80) {
        tags.push((
            "consumption",
            "high_spender",
            format!("purchase >= {}", units(p80)),
        ));
        tags.push((
            "consumption",
            "mid_spender",
            format!("purchase >= {} and purchase < {}", units(p40), units(p80)),
        ));
        tags.push((
            "consumption",
            "low_spender",
            format!("orders > 0 and purchase < {}", units(p40)),
        ));
    }
    for stage in crate::customers::lifecycle::STAGES {
        tags.push((
            "lifecycle",
            stage,
            format!("lifecycle.stage == \"{stage}\""),
        ));
    }
    // the category tags only where the data has categories (they would match no one)
    if !profile.categories.is_empty() {
        tags.extend([
            (
                "preference",
                "category_loyal",
                "top_category_share >= 0.6".to_string(),
            ),
            (
                "preference",
                "premium",
                "price_band == \"high\"".to_string(),
            ),
            (
                "preference",
                "bargain_hunter",
                "price_band == \"low\"".to_string(),
            ),
        ]);
    }
    tags.extend([
        (
            "preference",
            "festival_shopper",
            "festival_share >= 0.5".to_string(),
        ),
        (
            "preference",
            "new_product_seeker",
            "new_product_share >= 0.5".to_string(),
        ),
        (
            "behaviour",
            "night_owl",
            "preferred_hour >= 22 or preferred_hour < 6".to_string(),
        ),
        (
            "behaviour",
            "weekend_shopper",
            "preferred_weekday in [\"saturday\", \"sunday\"]".to_string(),
        ),
    ]);
    if let Some(p25) = quantile(&mut gaps, 0.25) {
        tags.push((
            "behaviour",
            "frequent_buyer",
            format!("mean_days_between_orders <= {}", p25.ceil()),
        ));
    }
    tags.extend([
        ("risk", "return_heavy", "return_rate > 0.3".to_string()),
        ("risk", "one_time_buyer", "orders == 1".to_string()),
        (
            "risk",
            "slipping_valuable",
            r#"lifecycle.stage in ["dormant", "churned"] and rfm.segment in ["champions", "loyal", "cannot_lose_them", "at_risk"]"#.to_string(),
        ),
    ]);
    if predicted.is_some() {
        tags.push(("risk", "likely_lost", "clv.p_alive < 0.3".to_string()));
    }
    Ok(tags)
}

/// A rule tag's clauses: `(value, rule)`, the rule `None` for `else`; a plain rule is one
/// clause with no value. `None` when the text starts like valued clauses but is not.
fn clauses(text: &str) -> Option<Vec<(Option<String>, Option<String>)>> {
    let t = text.trim();
    if !t.starts_with(['"', '“', '\'']) && !t.to_lowercase().starts_with("else") {
        return Some(vec![(None, Some(t.to_string()))]);
    }
    // split at the commas outside quotes, brackets and parentheses
    let (mut parts, mut depth, mut quote, mut start) = (Vec::new(), 0i32, None::<char>, 0);
    for (i, c) in t.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q || (q == '“' && c == '”') => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '“') => quote = Some(c),
            (None, '(' | '[') => depth += 1,
            (None, ')' | ']') => depth -= 1,
            (None, ',' | '，') if depth == 0 => {
                parts.push(&t[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&t[start..]);
    let mut out = Vec::new();
    for (k, part) in parts.iter().enumerate() {
        let p = part.trim();
        let last = k + 1 == parts.len();
        let (value, rest) = match p.strip_prefix("else").or_else(|| p.strip_prefix("ELSE")) {
            Some(rest) if last => (rest.trim(), None),
            _ => {
                let close = p[1..].find(['"', '”', '\''])? + 1;
                let rest = p[close + 1..].trim_start();
                let rule = rest
                    .strip_prefix("if ")
                    .or_else(|| rest.strip_prefix("IF "))?;
                (&p[..=close], Some(rule.trim().to_string()))
            }
        };
        let value = value.trim().trim_matches(['"', '“', '”', '\'']).to_string();
        if value.is_empty() {
            return None;
        }
        out.push((Some(value), rest));
    }
    Some(out)
}

/// Tags every customer of `cx.data`.
pub fn tags(cx: &mut Context<'_>, params: &TagsValidParams) -> Result<Tags, Error> {
    let n = cx.data.n_customers();
    let catalogue = Context::rule_catalogue();
    let compile = |text: &str, tag: &str| -> Result<Rule, Error> {
        rules::compile(text, &catalogue).map_err(|e| Error::Refused(e.message().with("tag", tag)))
    };
    let profile = cx.require::<ProfileAnalysis>(&ProfileParams::default())?;
    let revenue: Vec<i64> = profile.revenue_cents.clone();
    let total_revenue: i64 = revenue.iter().sum();
    // every tag and its rule first (`None`: a valued tag's `else`), then all rules at once
    let mut all: Vec<Tagged> = Vec::new();
    let mut compiled: Vec<Option<Rule>> = Vec::new();
    for (family, code, rule) in built_in(cx)? {
        compiled.push(Some(compile(&rule, code)?));
        all.push(Tagged {
            family: family.into(),
            tag: code.into(),
            value: None,
            rule,
            who: Vec::new(),
        });
    }
    // the rule tags' clauses: (first clause, last clause + 1) in `all`
    let mut valued = Vec::new();
    for RuleTag { name, rule } in &params.rules {
        let name = name.trim();
        let parts = clauses(rule).ok_or_else(|| {
            Error::Refused(
                Message::new("tags.bad_values")
                    .with("name", name)
                    .worded_by(super::messages::MESSAGES),
            )
        })?;
        let first = all.len();
        for (value, clause) in parts {
            compiled.push(
                clause
                    .as_deref()
                    .map(|text| compile(text, name))
                    .transpose()?,
            );
            all.push(Tagged {
                family: "rule".into(),
                tag: name.into(),
                value,
                rule: clause.unwrap_or_else(|| "else".into()),
                who: Vec::new(),
            });
        }
        valued.push(first..all.len());
    }
    let rules: Vec<Rule> = compiled.iter().flatten().cloned().collect();
    let mut matched = cx.matching(&rules)?.into_iter();
    for (tag, rule) in all.iter_mut().zip(&compiled) {
        tag.who = match rule {
            Some(_) => matched.next().unwrap_or_default(),
            None => vec![true; n],
        };
    }
    // a rule tag's clauses: the first that holds wins
    for range in valued {
        let mut taken = vec![false; n];
        for tag in &mut all[range] {
            for (w, t) in tag.who.iter_mut().zip(taken.iter_mut()) {
                *w &= !*t;
                *t |= *w;
            }
        }
    }
    let mut texts = Interner::new();
    let mut per_customer = Vec::with_capacity(n);
    let mut line = String::new();
    for c in 0..n {
        line.clear();
        for Tagged {
            tag, value, who, ..
        } in &all
        {
            if who[c] {
                if !line.is_empty() {
                    line.push_str(", ");
                }
                line.push_str(tag);
                if let Some(v) = value {
                    line.push(':');
                    line.push_str(v);
                }
            }
        }
        per_customer.push(if line.is_empty() {
            crate::dataset::NONE
        } else {
            texts.intern(&line)
        });
    }
    let stats = all
        .into_iter()
        .map(
            |Tagged {
                 family,
                 tag,
                 value,
                 rule,
                 who,
             }| {
                let customers = who.iter().filter(|&&w| w).count() as u32;
                let revenue: i64 = who
                    .iter()
                    .zip(&revenue)
                    .filter(|(w, _)| **w)
                    .map(|(_, r)| r)
                    .sum();
                TagStats {
                    family,
                    tag,
                    value,
                    rule,
                    customers,
                    share: if n > 0 {
                        f64::from(customers) / n as f64
                    } else {
                        0.0
                    },
                    revenue_share: if total_revenue > 0 {
                        revenue as f64 / total_revenue as f64
                    } else {
                        0.0
                    },
                }
            },
        )
        .collect();
    Ok(Tags {
        per_customer,
        texts,
        stats,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valued_clauses_split_outside_quotes_and_brackets() {
        assert_eq!(
            clauses(r#""高" if revenue > 5000, "中" if region in ["上海", "杭州"], else "低""#),
            Some(vec![
                (Some("高".into()), Some("revenue > 5000".into())),
                (
                    Some("中".into()),
                    Some(r#"region in ["上海", "杭州"]"#.into())
                ),
                (Some("低".into()), None),
            ])
        );
        assert_eq!(
            clauses("orders >= 3"),
            Some(vec![(None, Some("orders >= 3".into()))])
        );
        assert_eq!(clauses(r#""高" revenue > 5"#), None);
    }
}
