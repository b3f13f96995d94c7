//! Lifetime value through the door: kind `clv` (`portrait clv`), the fitted models and their
//! validation as output, nine customer columns (the repeat purchase days, P(alive), expected purchases, the chance of
//! a purchase within the horizon, expected order value, lifetime value, the next purchase
//! day with its interval) that rules, tags and audiences can name (`clv.p_alive < 0.3`).

use super::algorithm::{clv, Clv};
use super::messages::MESSAGES;
use super::output::{ClvSummary, FittedModel};
use super::params::{ClvParams, ClvValidParams, TimeUnit};
use crate::analysis::text::money;
use crate::analysis::{Analysis, Context, Fit, TableKind};
use crate::error::Error;
use crate::message::Catalogue;
use crate::table::{ColumnKind, ColumnSpec, Values};
use std::fmt::Write;

/// BG/NBD or Pareto/NBD with Gamma-Gamma: every customer's predicted value.
pub struct ClvAnalysis;

impl Analysis for ClvAnalysis {
    const KIND: &'static str = "clv";
    const ABOUT: &'static str = "Customer lifetime value: BG/NBD or Pareto/NBD repeat purchases with Gamma-Gamma order values, probability alive, next purchase, validated on a holdout.";
    const NEEDS: &'static [TableKind] = &[TableKind::Orders];
    const COLUMNS: &'static [ColumnSpec] = &[
        ColumnSpec {
            name: "repeat_days",
            kind: ColumnKind::Count,
            doc: "Purchase days after the first (the models' frequency x).",
            zh: "重复购买天数",
        },
        ColumnSpec {
            name: "p_alive",
            kind: ColumnKind::Share,
            doc: "Probability that the customer is still a customer at the data's last day.",
            zh: "存活概率",
        },
        ColumnSpec {
            name: "expected_purchases",
            kind: ColumnKind::Number,
            doc: "Expected purchase days over the horizon.",
            zh: "预测购买次数",
        },
        ColumnSpec {
            name: "purchase_probability",
            kind: ColumnKind::Share,
            doc: "Probability of at least one purchase within the horizon (BG/NBD).",
            zh: "预测复购概率",
        },
        ColumnSpec {
            name: "expected_order_value_cents",
            kind: ColumnKind::Money,
            doc: "Expected value of a purchase day (Gamma-Gamma).",
            zh: "预测客单价",
        },
        ColumnSpec {
            name: "lifetime_value_cents",
            kind: ColumnKind::Money,
            doc: "Lifetime value over the horizon, discounted monthly.",
            zh: "预测生命周期价值",
        },
        ColumnSpec {
            name: "next_purchase",
            kind: ColumnKind::Date,
            doc: "Median day of the next purchase if the customer is still a customer (BG/NBD); empty beyond ten years.",
            zh: "预计下次购买日",
        },
        ColumnSpec {
            name: "next_purchase_early",
            kind: ColumnKind::Date,
            doc: "The early end (10 %) of the next purchase's 80 % interval.",
            zh: "下次购买最早",
        },
        ColumnSpec {
            name: "next_purchase_late",
            kind: ColumnKind::Date,
            doc: "The late end (90 %) of the next purchase's 80 % interval; empty beyond ten years.",
            zh: "下次购买最晚",
        },
    ];
    const MESSAGES: Catalogue = MESSAGES;
    const LIMITS: &'static [(&'static str, i64, i64)] =
        &[("horizon_days", 1, ClvParams::MAX_HORIZON_DAYS as i64)];

    type Params = ClvParams;
    type Model = Clv;
    type Output = ClvSummary;

    fn fit(cx: &mut Context<'_>, params: &ClvValidParams) -> Result<Fit<Clv>, Error> {
        Ok(Fit::Done(clv(cx.data, params)?))
    }

    fn output(model: &Clv, _cx: &Context<'_>) -> ClvSummary {
        model.summary.clone()
    }

    fn columns(m: &Clv) -> Vec<Values<'_>> {
        let c = &m.customers;
        vec![
            Values::U32(&c.repeat_days),
            Values::F64(&c.p_alive),
            Values::F64(&c.expected_purchases),
            Values::F64(&c.purchase_probability),
            Values::I64(&c.expected_value_cents),
            Values::I64(&c.lifetime_value_cents),
            Values::Day(&c.next_purchase),
            Values::Day(&c.next_purchase_early),
            Values::Day(&c.next_purchase_late),
        ]
    }

    fn text(s: &ClvSummary, cx: &Context<'_>) -> String {
        let sym = cx.currency_symbol();
        let unit = match s.unit {
            TimeUnit::Day => "day",
            TimeUnit::Week => "week",
        };
        let mut o = String::new();
        let _ = writeln!(
            o,
            "Lifetime value (at {}, {} days ahead, {:.1}% a month discount)",
            s.observation_end,
            s.horizon_days,
            s.discount_monthly * 100.0
        );
        let _ = writeln!(
            o,
            "  customers: {}   repeat buyers: {}   likely alive: {} (mean P(alive) {:.3})",
            s.customers, s.repeat_buyers, s.likely_alive, s.mean_p_alive
        );
        write_model(&mut o, &s.purchases, unit);
        match (&s.value, &s.value_problem) {
            (Some(v), _) => write_model(&mut o, v, unit),
            (None, Some(m)) => {
                let _ = writeln!(o, "  order value: {m}");
            }
            (None, None) => {}
        }
        let interval =
            |e: &super::output::Estimate, f: &dyn Fn(f64) -> String| match (e.low, e.high) {
                (Some(l), Some(h)) => format!("{} (95% {} to {})", f(e.value), f(l), f(h)),
                _ => f(e.value),
            };
        let _ = writeln!(
            o,
            "  expected purchases: {}",
            interval(&s.expected_purchases, &|v| format!("{v:.1}"))
        );
        if let Some(l) = &s.lifetime_value {
            let _ = writeln!(
                o,
                "  lifetime value:     {}",
                interval(l, &|v| money(v * 100.0, sym))
            );
        }
        match (&s.validation, &s.validation_problem) {
            (Some(v), _) => {
                let _ = writeln!(
                    o,
                    "  validation: calibration to {}, {} days held out: {:.1} purchases predicted, {:.1} made (MAE {:.3} a customer)",
                    v.calibration_end, v.holdout_days, v.predicted, v.actual, v.mean_absolute_error
                );
                for b in &v.by_frequency {
                    let _ = writeln!(
                        o,
                        "    {:>2}{} repeat: {:>7} customers  actual {:>7.3}  predicted {:>7.3}",
                        b.frequency,
                        if b.or_more { "+" } else { " " },
                        b.customers,
                        b.actual,
                        b.predicted
                    );
                }
            }
            (None, Some(m)) => {
                let _ = writeln!(o, "  {m}");
            }
            (None, None) => {}
        }
        for n in &s.notes {
            let _ = writeln!(o, "  note: {n}");
        }
        o
    }
}

fn write_model(o: &mut String, m: &FittedModel, unit: &str) {
    let params: Vec<String> = m
        .parameters
        .iter()
        .map(|p| match p.standard_error {
            Some(se) => format!("{} {:.4} (±{:.4})", p.name, p.value, se),
            None => format!("{} {:.4}", p.name, p.value),
        })
        .collect();
    let _ = writeln!(
        o,
        "  {} ({} customers, per {unit}): {}; log-likelihood {:.2}",
        m.model,
        m.customers,
        params.join(", "),
        m.log_likelihood
    );
}
