//! The lifecycle through the door: kind `lifecycle`, one customer column (`stage`), the
//! stage counts, windows, months and flows as its output.

use super::algorithm::{lifecycle, Lifecycle, LifecycleSummary, WindowSource, STAGES};
use super::messages::MESSAGES;
use super::params::{LifecycleParams, LifecycleValidParams};
use crate::analysis::text::money;
use crate::analysis::{Analysis, Context, Fit, TableKind};
use crate::error::Error;
use crate::message::Catalogue;
use crate::table::{ColumnKind, ColumnSpec, Values};
use std::fmt::Write;

/// Lifecycle stages of every customer.
pub struct LifecycleAnalysis;

impl Analysis for LifecycleAnalysis {
    const KIND: &'static str = "lifecycle";
    const ABOUT: &'static str =
        "Lifecycle stages (new, active, loyal, returning, dormant, churned) of every customer, month by month.";
    const NEEDS: &'static [TableKind] = &[TableKind::Orders];
    const COLUMNS: &'static [ColumnSpec] = &[ColumnSpec {
        name: "stage",
        kind: ColumnKind::Code { names: &STAGES },
        doc: "The customer's lifecycle stage at the data's last day.",
        zh: "生命周期阶段",
    }];
    const MESSAGES: Catalogue = MESSAGES;

    type Params = LifecycleParams;
    type Model = Lifecycle;
    type Output = LifecycleSummary;

    fn fit(cx: &mut Context<'_>, params: &LifecycleValidParams) -> Result<Fit<Lifecycle>, Error> {
        Ok(Fit::Done(lifecycle(cx.data, params)))
    }

    fn output(m: &Lifecycle, _cx: &Context<'_>) -> LifecycleSummary {
        m.summary()
    }

    fn columns(m: &Lifecycle) -> Vec<Values<'_>> {
        vec![Values::Code(&m.stage, &STAGES)]
    }

    fn text(s: &LifecycleSummary, cx: &Context<'_>) -> String {
        let sym = cx.currency_symbol();
        let mut o = String::new();
        let _ = writeln!(
            o,
            "Lifecycle stages (at {})",
            s.snapshot_date.as_deref().unwrap_or("-")
        );
        if let Some(w) = &s.windows {
            let why = |src: WindowSource| match src {
                WindowSource::Given => "given".to_string(),
                WindowSource::GapPercentile { percentile } => {
                    format!("P{percentile} of the days between orders")
                }
                WindowSource::OrdersPercentile { percentile } => {
                    format!("P{percentile} of the customers' orders, at least 2")
                }
                WindowSource::ActiveWindow => "the active window".to_string(),
                WindowSource::Fallback => "no repeat purchase: a fixed default".to_string(),
            };
            let _ = writeln!(
                o,
                "  active:  last order within {} days ({})",
                w.active_days.value,
                why(w.active_days.source)
            );
            let _ = writeln!(
                o,
                "  churned: no order for more than {} days ({})",
                w.churn_days.value,
                why(w.churn_days.source)
            );
            let _ = writeln!(
                o,
                "  new:     first order within {} days ({})",
                w.new_days.value,
                why(w.new_days.source)
            );
            let _ = writeln!(
                o,
                "  loyal:   at least {} orders ({})",
                w.loyal_orders.value,
                why(w.loyal_orders.source)
            );
        }
        let _ = writeln!(
            o,
            "  {:<10} {:>9} {:>7} {:>16}",
            "stage", "customers", "share", "revenue"
        );
        for st in &s.stages {
            let _ = writeln!(
                o,
                "  {:<10} {:>9} {:>6.1}% {:>16}",
                st.stage,
                st.customers,
                st.share * 100.0,
                money(st.revenue_cents as f64, sym)
            );
        }
        o
    }
}
