//! One pass over the events log, grouped by customer of the orders.

use crate::dataset::time::day;
use crate::dataset::{Dataset, Interner, NONE};
use crate::ingest::side::{event_kind, EventKind, Tables};
use crate::ingest::Field;
use crate::table::{NULL_DAY, NULL_U32};
use std::collections::HashMap;

/// Every customer's behaviour (customer order of the dataset).
#[derive(Debug, Clone, Default)]
pub struct Behaviour {
    /// Whether an events log was loaded.
    pub has_table: bool,
    /// Events of customers of the orders.
    pub events_matched: u64,
    /// Events in the log.
    pub events: u64,
    /// Customers of the orders with at least one event.
    pub active_customers: usize,
    /// Distinct days with an event.
    pub active_days: Vec<u32>,
    /// Visits per 30 days of the customer's span in the log.
    pub visits_per_30_days: Vec<f64>,
    /// View events.
    pub views: Vec<u32>,
    /// Cart events.
    pub carts: Vec<u32>,
    /// Favourite events.
    pub favourites: Vec<u32>,
    /// Search events.
    pub searches: Vec<u32>,
    /// Purchase events.
    pub purchases: Vec<u32>,
    /// Carts ÷ views; NaN without views.
    pub view_to_cart: Vec<f64>,
    /// Purchases ÷ carts; NaN without carts.
    pub cart_to_purchase: Vec<f64>,
    /// Mean of the duration column over the events that have one, seconds; NaN without.
    pub mean_dwell_seconds: Vec<f64>,
    /// The query searched most often (ties: the first searched); `NONE` without.
    pub top_search_term: Vec<u32>,
    /// The search terms `top_search_term` indexes.
    pub queries: Interner,
    /// Day of the last event; `NULL_DAY` without one.
    pub last_active_day: Vec<i32>,
    /// The log's last day − the last event's; `NULL_U32` without one.
    pub days_since_last_active: Vec<u32>,
}

/// A customer's tallies while the log is read.
#[derive(Default, Clone)]
struct Tally {
    events: u32,
    kinds: [u32; 5],
    days: Vec<i32>,
    sessions: Vec<u32>,
    dwell: (f64, u32),
    /// Per query: (count, first event index).
    queries: HashMap<u32, (u32, u64)>,
    first_day: i32,
    last_day: i32,
}

/// The behaviour of every customer of `data` from `tables.events`.
pub fn behaviour(data: &Dataset, tables: &Tables) -> Behaviour {
    let n = data.n_customers();
    let mut out = Behaviour {
        active_days: vec![NULL_U32; n],
        visits_per_30_days: vec![f64::NAN; n],
        views: vec![NULL_U32; n],
        carts: vec![NULL_U32; n],
        favourites: vec![NULL_U32; n],
        searches: vec![NULL_U32; n],
        purchases: vec![NULL_U32; n],
        view_to_cart: vec![f64::NAN; n],
        cart_to_purchase: vec![f64::NAN; n],
        mean_dwell_seconds: vec![f64::NAN; n],
        top_search_term: vec![NONE; n],
        last_active_day: vec![NULL_DAY; n],
        days_since_last_active: vec![NULL_U32; n],
        ..Behaviour::default()
    };
    let Some(log) = tables.events.as_ref() else {
        return out;
    };
    out.has_table = true;
    out.events = log.rows as u64;
    for v in [
        &mut out.active_days,
        &mut out.views,
        &mut out.carts,
        &mut out.favourites,
        &mut out.searches,
        &mut out.purchases,
    ] {
        v.fill(0);
    }
    let (Some(who), Some(types), Some(times)) = (
        log.text(Field::CustomerId),
        log.text(Field::EventType),
        log.time(Field::EventTime),
    ) else {
        return out;
    };
    // customer of the orders of each distinct id of the log
    let index: HashMap<&str, u32> = data
        .customers
        .iter()
        .enumerate()
        .map(|(c, id)| (&**id, c as u32))
        .collect();
    let customer_of: Vec<u32> = who
        .names
        .names()
        .map(|id| index.get(id).copied().unwrap_or(NONE))
        .collect();
    let kind_of: Vec<Option<EventKind>> = types.names.names().map(event_kind).collect();
    let sessions = log.text(Field::SessionId);
    let queries = log.text(Field::SearchQuery);
    let dwell = log.number(Field::Duration);
    let mut tallies: Vec<Tally> = vec![Tally::default(); n];
    let mut last_log_day = i32::MIN;
    for row in 0..log.rows {
        let d = day(times[row]) as i32;
        last_log_day = last_log_day.max(d);
        let code = who.codes[row];
        let c = if code == NONE {
            NONE
        } else {
            customer_of[code as usize]
        };
        if c == NONE {
            continue;
        }
        out.events_matched += 1;
        let t = &mut tallies[c as usize];
        if t.events == 0 {
            t.first_day = d;
            t.last_day = d;
        }
        t.events += 1;
        t.first_day = t.first_day.min(d);
        t.last_day = t.last_day.max(d);
        t.days.push(d);
        if let Some(s) = sessions.map(|s| s.codes[row]).filter(|&s| s != NONE) {
            t.sessions.push(s);
        }
        if let Some(k) = kind_of[types.codes[row] as usize] {
            t.kinds[k as usize] += 1;
        }
        if let Some(v) = dwell.map(|d| d[row]).filter(|v| v.is_finite()) {
            t.dwell.0 += v;
            t.dwell.1 += 1;
        }
        if let Some(q) = queries.map(|q| q.codes[row]).filter(|&q| q != NONE) {
            let e = t.queries.entry(q).or_insert((0, row as u64));
            e.0 += 1;
        }
    }
    let query_names = queries.map(|q| &q.names);
    for (c, t) in tallies.iter_mut().enumerate() {
        if t.events == 0 {
            continue;
        }
        out.active_customers += 1;
        t.days.sort_unstable();
        t.days.dedup();
        out.active_days[c] = t.days.len() as u32;
        let visits = if sessions.is_some() && !t.sessions.is_empty() {
            t.sessions.sort_unstable();
            t.sessions.dedup();
            t.sessions.len()
        } else {
            t.days.len()
        };
        let span = f64::from(last_log_day - t.first_day + 1);
        out.visits_per_30_days[c] = visits as f64 / span * 30.0;
        let [views, carts, favourites, searches, purchases] = t.kinds;
        out.views[c] = views;
        out.carts[c] = carts;
        out.favourites[c] = favourites;
        out.searches[c] = searches;
        out.purchases[c] = purchases;
        if views > 0 {
            out.view_to_cart[c] = f64::from(carts) / f64::from(views);
        }
        if carts > 0 {
            out.cart_to_purchase[c] = f64::from(purchases) / f64::from(carts);
        }
        if t.dwell.1 > 0 {
            out.mean_dwell_seconds[c] = t.dwell.0 / f64::from(t.dwell.1);
        }
        if let (Some(names), Some((&q, _))) = (
            query_names,
            t.queries
                .iter()
                .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1))),
        ) {
            out.top_search_term[c] = out.queries.intern(names.name(q));
        }
        out.last_active_day[c] = t.last_day;
        out.days_since_last_active[c] = (last_log_day - t.last_day) as u32;
    }
    out
}
