//! Association rules A → C from frequent itemsets, with mlxtend's measures
//! (`mlxtend.frequent_patterns.association_rules`, no null values):
//!
//! - support s(A∪C), confidence s(A∪C)/s(A), lift confidence/s(C);
//! - leverage s(A∪C) − s(A)s(C); conviction (1 − s(C))/(1 − confidence), infinite when the
//!   confidence is 1;
//! - Zhang's metric leverage / max(s(A∪C)(1 − s(A)), s(A)(s(C) − s(A∪C))), 0 when that is 0;
//! - Jaccard s(A∪C)/(s(A) + s(C) − s(A∪C)); Kulczynski (confidence(A→C) + confidence(C→A))/2;
//!   certainty (confidence − s(C))/(1 − s(C)), 0 when s(C) is 1.
//!
//! Every itemset is split both ways when any consequent is allowed (mlxtend); by default the
//! consequent is one item (arules' convention).

use super::fpgrowth::Itemset;
use std::collections::HashMap;

/// How many items the right-hand side of a rule may hold.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    serde::Serialize,
    serde::Deserialize,
    ts_rs::TS,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Consequents {
    /// One item (arules' convention): {bread, butter} → {milk}.
    #[default]
    One,
    /// Any number (mlxtend's `association_rules`): {bread} → {butter, milk} as well.
    Any,
}

/// A rule's measures, computed from counts of `n` baskets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measures {
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
    /// Infinite when the confidence is 1.
    pub conviction: f64,
    /// Zhang's metric, −1 to 1: leverage / max(s(A∪C)(1 − s(A)), s(A)(s(C) − s(A∪C))).
    pub zhang: f64,
    /// s(A∪C) / (s(A) + s(C) − s(A∪C)).
    pub jaccard: f64,
    /// The mean of confidence(A→C) and confidence(C→A).
    pub kulczynski: f64,
    /// (confidence − s(C)) / (1 − s(C)).
    pub certainty: f64,
}

impl Measures {
    /// The measures of a rule whose antecedent is in `a` baskets, consequent in `c`, both in
    /// `ac`, of `n`.
    pub fn of(ac: u32, a: u32, c: u32, n: usize) -> Measures {
        let n = n as f64;
        let (s_ac, s_a, s_c) = (f64::from(ac) / n, f64::from(a) / n, f64::from(c) / n);
        let confidence = f64::from(ac) / f64::from(a);
        let lift = confidence / s_c;
        let leverage = s_ac - s_a * s_c;
        let conviction = if confidence < 1.0 {
            (1.0 - s_c) / (1.0 - confidence)
        } else {
            f64::INFINITY
        };
        let zhang_denominator = (s_ac * (1.0 - s_a)).max(s_a * (s_c - s_ac));
        let zhang = if zhang_denominator == 0.0 {
            0.0
        } else {
            leverage / zhang_denominator
        };
        let certainty = if 1.0 - s_c == 0.0 {
            0.0
        } else {
            (confidence - s_c) / (1.0 - s_c)
        };
        Measures {
            antecedent_support: s_a,
            consequent_support: s_c,
            support: s_ac,
            confidence,
            lift,
            leverage,
            conviction,
            zhang,
            jaccard: s_ac / (s_a + s_c - s_ac),
            kulczynski: (confidence + f64::from(ac) / f64::from(c)) / 2.0,
            certainty,
        }
    }
}

/// A rule: antecedent and consequent (dense item numbers, ascending), the baskets holding
/// both, and its measures.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Left-hand side, ascending.
    pub antecedent: Box<[u32]>,
    /// Right-hand side, ascending.
    pub consequent: Box<[u32]>,
    /// Baskets holding both sides.
    pub count: u32,
    /// The measures.
    pub measures: Measures,
}

/// The thresholds a rule must reach.
#[derive(Debug, Clone, Copy)]
pub struct Thresholds {
    /// The smallest confidence a rule has.
    pub min_confidence: f64,
    /// The smallest lift a rule has.
    pub min_lift: f64,
    /// Items on the right-hand side: one or any number.
    pub consequents: Consequents,
    /// Most rules kept before giving up.
    pub cap: usize,
}

/// More rules pass the thresholds than the cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyRules;

/// Every rule of `itemsets` (of `n` baskets) reaching `t`, strongest first: by lift, then
/// confidence, then support, then the items.
pub fn rules(itemsets: &[Itemset], n: usize, t: &Thresholds) -> Result<Vec<Rule>, TooManyRules> {
    let count_of: HashMap<&[u32], u32, foldhash::fast::FixedState> =
        itemsets.iter().map(|s| (&*s.items, s.count)).collect();
    let mut out = Vec::new();
    let mut a = Vec::new();
    let mut c = Vec::new();
    for set in itemsets.iter().filter(|s| s.items.len() >= 2) {
        let k = set.items.len();
        let consider = |a: &[u32], c: &[u32], out: &mut Vec<Rule>| -> Result<(), TooManyRules> {
            // every subset of a frequent itemset is frequent, so both are in the table
            let (Some(&na), Some(&nc)) = (count_of.get(a), count_of.get(c)) else {
                return Ok(());
            };
            let m = Measures::of(set.count, na, nc, n);
            if m.confidence >= t.min_confidence && m.lift >= t.min_lift {
                if out.len() >= t.cap {
                    return Err(TooManyRules);
                }
                out.push(Rule {
                    antecedent: a.into(),
                    consequent: c.into(),
                    count: set.count,
                    measures: m,
                });
            }
            Ok(())
        };
        match t.consequents {
            Consequents::One => {
                for drop in 0..k {
                    a.clear();
                    a.extend(
                        set.items
                            .iter()
                            .enumerate()
                            .filter(|&(i, _)| i != drop)
                            .map(|(_, &x)| x),
                    );
                    consider(&a, &set.items[drop..=drop], &mut out)?;
                }
            }
            Consequents::Any => {
                // k ≤ max_len ≤ 20 items: masks fit a u32
                for mask in 1u32..(1u32 << k) - 1 {
                    a.clear();
                    c.clear();
                    for (i, &x) in set.items.iter().enumerate() {
                        if mask >> i & 1 == 1 {
                            a.push(x);
                        } else {
                            c.push(x);
                        }
                    }
                    consider(&a, &c, &mut out)?;
                }
            }
        }
    }
    out.sort_by(|x, y| {
        let (p, q) = (&x.measures, &y.measures);
        q.lift
            .total_cmp(&p.lift)
            .then(q.confidence.total_cmp(&p.confidence))
            .then(q.support.total_cmp(&p.support))
            .then_with(|| x.antecedent.cmp(&y.antecedent))
            .then_with(|| x.consequent.cmp(&y.consequent))
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_measures_are_mlxtends() {
        // 10 baskets: A in 4, C in 5, both in 3
        let m = Measures::of(3, 4, 5, 10);
        assert_eq!(m.support, 0.3);
        assert_eq!(m.confidence, 0.75);
        assert!((m.lift - 1.5).abs() < 1e-15);
        assert!((m.leverage - 0.1).abs() < 1e-15);
        assert!((m.conviction - 2.0).abs() < 1e-15);
        // max(0.3 · 0.6, 0.4 · 0.2) = 0.18
        assert!((m.zhang - 0.1 / 0.18).abs() < 1e-15);
        assert!((m.jaccard - 0.5).abs() < 1e-15);
        assert!((m.kulczynski - (0.75 + 0.6) / 2.0).abs() < 1e-15);
        assert!((m.certainty - 0.5).abs() < 1e-15);
        assert_eq!(Measures::of(2, 2, 5, 10).conviction, f64::INFINITY);
        assert_eq!(Measures::of(2, 2, 10, 10).certainty, 0.0);
    }

    fn set(items: &[u32], count: u32) -> Itemset {
        Itemset {
            items: items.into(),
            count,
        }
    }

    #[test]
    fn an_itemset_splits_into_one_item_consequents_or_any() {
        let sets = [
            set(&[0], 6),
            set(&[1], 5),
            set(&[2], 4),
            set(&[0, 1], 4),
            set(&[0, 2], 3),
            set(&[1, 2], 3),
            set(&[0, 1, 2], 3),
        ];
        let mut t = Thresholds {
            min_confidence: 0.0,
            min_lift: 0.0,
            consequents: Consequents::One,
            cap: 100,
        };
        assert_eq!(rules(&sets, 10, &t).unwrap().len(), 2 * 3 + 3);
        t.consequents = Consequents::Any;
        assert_eq!(rules(&sets, 10, &t).unwrap().len(), 2 * 3 + 6);
        t.min_confidence = 0.75;
        let strong = rules(&sets, 10, &t).unwrap();
        assert!(strong.iter().all(|r| r.measures.confidence >= 0.75));
        // {0, 2} → {1} has confidence 1 and lift 2, the strongest
        assert_eq!(
            (&*strong[0].antecedent, &*strong[0].consequent),
            (&[0, 2][..], &[1][..])
        );
        t.cap = 2;
        assert_eq!(rules(&sets, 10, &t), Err(TooManyRules));
    }
}
