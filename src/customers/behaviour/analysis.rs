//! Behaviour through the door: kind `behaviour`, the features as customer columns and the
//! log's totals as output.

use super::algorithm::{behaviour, Behaviour};
use crate::analysis::{Analysis, Context, Fit, NoParams, TableKind};
use crate::error::Error;
use crate::table::{ColumnKind, ColumnSpec, Values};
use serde::Serialize;
use std::fmt::Write;

/// Every customer's behaviour from the events log.
pub struct BehaviourAnalysis;

/// What the page shows above the columns. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct BehaviourSummary {
    /// Whether an events file was loaded.
    pub has_table: bool,
    /// Events in the log.
    pub events: u64,
    /// Of them, those of customers of the orders.
    pub events_matched: u64,
    /// Customers of the orders.
    pub customers: usize,
    /// Of them, those with an event.
    pub active_customers: usize,
}

const fn col(
    name: &'static str,
    zh: &'static str,
    kind: ColumnKind,
    doc: &'static str,
) -> ColumnSpec {
    ColumnSpec {
        name,
        kind,
        doc,
        zh,
    }
}

impl Analysis for BehaviourAnalysis {
    const KIND: &'static str = "behaviour";
    const ABOUT: &'static str =
        "Every customer's behaviour from the events log: visits, views, carts, searches, conversion.";
    const NEEDS: &'static [TableKind] = &[TableKind::Orders, TableKind::Events];
    const COLUMNS: &'static [ColumnSpec] = &[
        col("active_days", "活跃天数", ColumnKind::Count, "Distinct days with an event."),
        col("visits_per_30_days", "每30天访问次数", ColumnKind::Number, "Visits (distinct sessions, else days with an event) ÷ the days from the first event to the log's last day × 30."),
        col("views", "浏览次数", ColumnKind::Count, "View events (pv, view, 浏览)."),
        col("carts", "加购次数", ColumnKind::Count, "Add-to-cart events (cart, addtocart, 加购)."),
        col("favourites", "收藏次数", ColumnKind::Count, "Favourite events (fav, 收藏)."),
        col("searches", "搜索次数", ColumnKind::Count, "Search events (search, 搜索)."),
        col("purchase_events", "购买行为次数", ColumnKind::Count, "Purchase events in the log (buy, transaction, 购买)."),
        col("view_to_cart", "浏览加购率", ColumnKind::Share, "Carts ÷ views (null without views)."),
        col("cart_to_purchase", "加购购买率", ColumnKind::Number, "Purchase events ÷ carts (null without carts; above 1 when items are bought without a cart)."),
        col("mean_dwell_seconds", "平均停留秒数", ColumnKind::Number, "Mean of the duration column over the events that have one, in seconds."),
        col("top_search_term", "常用搜索词", ColumnKind::Text, "The query searched most often (ties: the first searched)."),
        col("last_active_date", "最近活跃日期", ColumnKind::Date, "Day of the last event."),
        col("days_since_last_active", "距最近活跃天数", ColumnKind::Days, "Days from the last event to the log's last day."),
    ];

    type Params = NoParams;
    type Model = Behaviour;
    type Output = BehaviourSummary;

    fn fit(cx: &mut Context<'_>, _params: &NoParams) -> Result<Fit<Behaviour>, Error> {
        Ok(Fit::Done(behaviour(cx.data, &cx.ingest.tables)))
    }

    fn output(m: &Behaviour, cx: &Context<'_>) -> BehaviourSummary {
        BehaviourSummary {
            has_table: m.has_table,
            events: m.events,
            events_matched: m.events_matched,
            customers: cx.data.n_customers(),
            active_customers: m.active_customers,
        }
    }

    fn columns(m: &Behaviour) -> Vec<Values<'_>> {
        vec![
            Values::U32(&m.active_days),
            Values::F64(&m.visits_per_30_days),
            Values::U32(&m.views),
            Values::U32(&m.carts),
            Values::U32(&m.favourites),
            Values::U32(&m.searches),
            Values::U32(&m.purchases),
            Values::F64(&m.view_to_cart),
            Values::F64(&m.cart_to_purchase),
            Values::F64(&m.mean_dwell_seconds),
            Values::Text(&m.top_search_term, &m.queries),
            Values::Day(&m.last_active_day),
            Values::U32(&m.days_since_last_active),
        ]
    }

    fn text(s: &BehaviourSummary, _cx: &Context<'_>) -> String {
        let mut o = String::new();
        if !s.has_table {
            let _ = writeln!(
                o,
                "Behaviour: no events file was given (add the site's events log)."
            );
            return o;
        }
        let _ = writeln!(
            o,
            "Behaviour: {} events, {} of them by customers of the orders; {} of {} customers have events",
            s.events, s.events_matched, s.active_customers, s.customers
        );
        let _ = writeln!(
            o,
            "  Every customer's behaviour: `portrait behaviour FILE... --csv` or `--json`."
        );
        o
    }
}
