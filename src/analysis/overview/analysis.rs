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

#[cfg(test)]
mod tests {
    use crate::dataset::DataFilter;
    use crate::session::Session;
    use serde_json::{json, Value};

    /// January, February (one return) and March of a small shop; c2 buys in France.
    fn shop() -> Session {
        let csv = "order_id,customer_id,order_date,quantity,unit_price,country\n\
                   o1,c1,2024-01-10 10:00,1,10.00,UK\n\
                   o2,c2,2024-01-20 10:00,2,5.00,FR\n\
                   o3,c1,2024-02-05 10:00,1,20.00,UK\n\
                   o4,c3,2024-02-15 10:00,1,30.00,UK\n\
                   C5,c3,2024-02-16 10:00,-1,30.00,UK\n\
                   o6,c1,2024-03-01 10:00,1,50.00,UK\n";
        Session::of_csv(csv)
    }

    fn overview(s: &mut Session, from: &str, to: &str, region: &[&str]) -> Value {
        let filter = DataFilter {
            from: Some(from.into()),
            to: Some(to.into()),
            region: region.iter().map(|r| r.to_string()).collect(),
            ..DataFilter::default()
        };
        s.set_filter(&filter).expect("a valid filter");
        s.run_json("overview", json!({})).expect("overview")
    }

    #[test]
    fn a_date_range_is_compared_with_the_days_just_before_it() {
        let mut s = shop();
        // February 2024 has 29 days: the previous period is January 3 to 31
        let o = overview(&mut s, "2024-02-01", "2024-02-29", &[]);
        assert_eq!(
            (&o["customers"], &o["orders"], &o["return_orders"]),
            (&json!(2), &json!(2), &json!(1))
        );
        assert_eq!(
            (
                &o["revenue_cents"],
                &o["gross_sales_cents"],
                &o["returns_cents"]
            ),
            (&json!(2000), &json!(5000), &json!(-3000))
        );
        assert_eq!(
            o["monthly"][0]["partial"], false,
            "the range covers February"
        );
        assert_eq!(
            o["previous"],
            json!({
                "from": "2024-01-03", "to": "2024-01-31", "lines": 2, "customers": 2,
                "orders": 2, "revenue_cents": 2000, "aov_cents": 1000.0,
                "revenue_per_customer_cents": 1000.0, "repeat_rate": 0.0,
                "items_per_order": 1.5
            })
        );
    }

    #[test]
    fn the_previous_period_keeps_the_region_and_marks_partial_months() {
        let mut s = shop();
        let o = overview(&mut s, "2024-02-10", "2024-03-05", &["UK"]);
        assert_eq!(o["lines"], 3, "o4, C5 and o6");
        let partial: Vec<&Value> = o["monthly"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| &m["partial"])
            .collect();
        assert_eq!(
            partial,
            [&json!(true), &json!(true)],
            "February from the 10th, March to the 5th"
        );
        // 25 days before February 10: January 16 to February 9, where only o3 is in the UK
        assert_eq!(o["previous"]["from"], "2024-01-16");
        assert_eq!(o["previous"]["to"], "2024-02-09");
        assert_eq!(o["previous"]["lines"], 1, "o2 is in France");
        assert_eq!(o["previous"]["revenue_cents"], 2000);
    }

    #[test]
    fn without_a_date_range_there_is_no_previous_period() {
        let mut s = shop();
        s.set_filter(&DataFilter::default()).expect("no filter");
        let o = s.run_json("overview", json!({})).expect("overview");
        assert_eq!(o["previous"], Value::Null);
        assert_eq!(o["monthly"].as_array().unwrap().len(), 3);
    }
}
