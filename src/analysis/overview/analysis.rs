//! Kind `overview`: the KPIs of the filtered data and, when the filter has a date range,
//! of the period of the same length just before it (same channel, region and category).

use super::algorithm::{overview, Overview, PreviousPeriod};
use crate::analysis::text::money;
use crate::analysis::{Analysis, Context, Fit, NoParams, TableKind};
use crate::error::Error;
use std::fmt::Write;

/// Shop KPIs and the monthly series.
pub struct OverviewAnalysis;

impl Analysis for OverviewAnalysis {
    const KIND: &'static str = "overview";
    const ABOUT: &'static str =
        "Shop KPIs (customers, orders, revenue, AOV, repeat rate) and the monthly series.";
    const NEEDS: &'static [TableKind] = &[TableKind::Orders];
    const IN_REPORT: bool = true;

    type Params = NoParams;
    type Model = Overview;
    type Output = Overview;

    fn fit(cx: &mut Context<'_>, _: &NoParams) -> Result<Fit<Overview>, Error> {
        let span = cx
            .window
            .has_dates()
            .then(|| cx.window.span(cx.all))
            .flatten();
        let mut o = overview(cx.data, span);
        if let Some((from, to)) = span {
            let len = to - from + 1;
            let (p_from, p_to) = (from - len, from - 1);
            let before = cx.all.filtered(&cx.window.with_days(p_from, p_to));
            let kpis = overview(&before, Some((p_from, p_to)));
            o.previous = Some(PreviousPeriod::of(&kpis, p_from, p_to));
        }
        Ok(Fit::Done(o))
    }

    fn output(model: &Overview, _cx: &Context<'_>) -> Overview {
        model.clone()
    }

    fn text(v: &Overview, cx: &Context<'_>) -> String {
        let sym = cx.currency_symbol();
        let mut o = String::new();
        let _ = writeln!(o, "Overview");
        let _ = writeln!(o, "  customers        {:>12}", v.customers);
        let _ = writeln!(o, "  orders           {:>12}", v.orders);
        let _ = writeln!(
            o,
            "  revenue (net)    {:>12}",
            money(v.revenue_cents as f64, sym)
        );
        let _ = writeln!(
            o,
            "  returns          {:>12}",
            money(v.returns_cents as f64, sym)
        );
        let _ = writeln!(o, "  AOV              {:>12}", money(v.aov_cents, sym));
        let _ = writeln!(o, "  repeat rate      {:>11.1}%", v.repeat_rate * 100.0);
        let _ = writeln!(o, "  items per order  {:>12.2}", v.items_per_order);
        if let Some(p) = &v.previous {
            let _ = writeln!(o, "  previous period  {} .. {}", p.from, p.to);
            let _ = writeln!(o, "    customers      {:>12}", p.customers);
            let _ = writeln!(o, "    orders         {:>12}", p.orders);
            let _ = writeln!(
                o,
                "    revenue (net)  {:>12}",
                money(p.revenue_cents as f64, sym)
            );
            let _ = writeln!(o, "    AOV            {:>12}", money(p.aov_cents, sym));
            let _ = writeln!(o, "    repeat rate    {:>11.1}%", p.repeat_rate * 100.0);
        }
        o
    }
}
