//! Propensity through the door: kind `propensity` (`portrait propensity`), the models'
//! held-out evaluation as output, three customer columns (`propensity.churn_risk`,
//! `propensity.purchase_chance`, `propensity.decile`) that rules, tags and audiences can name
//! (`propensity.decile == 1 and propensity.churn_risk is not null`: the top tenth by churn risk).

use super::algorithm::{propensity, Propensity};
use super::messages::MESSAGES;
use super::output::PropensitySummary;
use super::params::{PropensityParams, PropensityValidParams, Target};
use crate::analysis::{Analysis, Context, Fit, TableKind};
use crate::error::Error;
use crate::message::Catalogue;
use crate::table::{ColumnKind, ColumnSpec, Values};
use std::fmt::Write;

/// Churn and purchase propensity: logistic regression, a tree and a forest on a time split.
pub struct PropensityAnalysis;

impl Analysis for PropensityAnalysis {
    const KIND: &'static str = "propensity";
    const ABOUT: &'static str = "Churn or purchase propensity: logistic regression, a decision tree and a random forest learnt on a time split, measured on a held-out period (ROC AUC, PR AUC, lift, calibration), every customer scored.";
    const NEEDS: &'static [TableKind] = &[TableKind::Orders];
    const COLUMNS: &'static [ColumnSpec] = &[
        ColumnSpec {
            name: "churn_risk",
            kind: ColumnKind::Share,
            doc: "Probability of no purchase within the horizon (target churn; empty otherwise).",
            zh: "流失风险",
        },
        ColumnSpec {
            name: "purchase_chance",
            kind: ColumnKind::Share,
            doc: "Probability of a purchase within the horizon (target purchase; empty otherwise).",
            zh: "购买倾向",
        },
        ColumnSpec {
            name: "decile",
            kind: ColumnKind::Score,
            doc: "The score's tenth among the customers: 1 = the highest tenth.",
            zh: "倾向十分位",
        },
    ];
    const MESSAGES: Catalogue = MESSAGES;
    const LIMITS: &'static [(&'static str, i64, i64)] = &[
        (
            "horizon_days",
            PropensityParams::MIN_HORIZON_DAYS as i64,
            PropensityParams::MAX_HORIZON_DAYS as i64,
        ),
        ("trees", 1, PropensityParams::MAX_TREES as i64),
        ("max_depth", 1, PropensityParams::MAX_DEPTH as i64),
    ];

    type Params = PropensityParams;
    type Model = Propensity;
    type Output = PropensitySummary;

    fn fit(cx: &mut Context<'_>, params: &PropensityValidParams) -> Result<Fit<Propensity>, Error> {
        Ok(Fit::Done(propensity(cx.data, params)?))
    }

    fn output(model: &Propensity, _cx: &Context<'_>) -> PropensitySummary {
        model.summary.clone()
    }

    fn columns(m: &Propensity) -> Vec<Values<'_>> {
        vec![
            Values::F64(&m.churn_risk),
            Values::F64(&m.purchase_chance),
            Values::U8(&m.decile),
        ]
    }

    fn text(s: &PropensitySummary, _cx: &Context<'_>) -> String {
        let mut o = String::new();
        let target = match (s.target, &s.target_category) {
            (Target::Churn, _) => "churn (no purchase)".to_string(),
            (Target::Purchase, None) => "a purchase".to_string(),
            (Target::Purchase, Some(c)) => format!("a purchase of {c}"),
        };
        let _ = writeln!(
            o,
            "Propensity: {target} within {} days, customers scored as of {} by the {} model",
            s.horizon_days,
            s.scored_at,
            s.model.name()
        );
        for (name, p) in [("training", &s.training), ("test", &s.test)] {
            let _ = writeln!(
                o,
                "  {name:<8}  features to {}, labels {} .. {}: {} customers, {} with the target ({:.1}%)",
                p.features_at,
                p.labels_from,
                p.labels_to,
                p.customers,
                p.positives,
                100.0 * p.positives as f64 / p.customers.max(1) as f64
            );
        }
        let _ = writeln!(
            o,
            "  model      ROC AUC          PR AUC  Brier   log loss  lift@10%"
        );
        for m in &s.models {
            let _ = writeln!(
                o,
                "  {:<9}  {:.4} ±{:.4}  {:.4}  {:.4}  {:.4}    {:.2}",
                m.model.name(),
                m.roc_auc,
                m.roc_auc_se,
                m.pr_auc,
                m.brier,
                m.log_loss,
                m.lift_top_tenth
            );
        }
        let b = &s.baseline;
        let _ = writeln!(
            o,
            "  baseline   0.5000          {:.4}  {:.4}  {:.4}    1.00   (always {:.3})",
            s.test.positives as f64 / s.test.customers.max(1) as f64,
            b.brier,
            b.log_loss,
            b.rate
        );
        if let Some(m) = s.models.iter().find(|m| m.model == s.model) {
            for t in &m.at_thresholds {
                let precision = t.precision.map_or("—".to_string(), |p| format!("{:.3}", p));
                let _ = writeln!(
                    o,
                    "  score ≥ {:.2}: {} flagged, precision {precision}, recall {:.3}",
                    t.threshold, t.flagged, t.recall
                );
            }
            let top: Vec<String> = m
                .importances
                .iter()
                .take(5)
                .map(|i| format!("{} {:.3}", i.feature, i.importance))
                .collect();
            let _ = writeln!(o, "  most important: {}", top.join(", "));
        }
        let _ = writeln!(
            o,
            "  scored: {} customers, {:.1} expected; the top tenth scores {:.3} or more",
            s.scored_customers, s.expected, s.top_tenth_score
        );
        for n in &s.notes {
            let _ = writeln!(o, "  note: {n}");
        }
        o
    }
}
