//! Two reports of one platform for the same orders: Taobao's 订单报表 (one row per order:
//! buyer, date, status, what was paid) and 宝贝报表 (one row per line: product, price,
//! quantity — no buyer, no date). Dropped together they are joined on the order id: each
//! line takes its order's buyer and date, a line of an order the order report leaves out
//! (closed, unpaid …) is left out with it, and the order report's own rows stop counting as
//! lines — only its refunds stay, as the returns of its orders. Line detail comes from the
//! second report, and no order is counted twice.

use super::done::{filter_lines, FileDone};
use crate::dataset::NONE;
use crate::ingest::error::{IngestError, IngestErrorKind};
use crate::ingest::platforms;
use crate::ingest::status::LeftOutReason;
use crate::message::Message;
use std::collections::{BTreeSet, HashMap};

/// Joins every lines export in `done` with its order export (`Profile::lines_of`).
pub(super) fn join(done: &mut [FileDone]) -> Result<(), IngestError> {
    for i in 0..done.len() {
        let Some(profile) = done[i].profile() else {
            continue;
        };
        let Some(orders_id) = profile.lines_of else {
            continue;
        };
        let Some(j) =
            (0..done.len()).find(|&j| done[j].profile().is_some_and(|p| p.id == orders_id))
        else {
            let companion = platforms::by_id(orders_id).map_or(orders_id, |p| p.export);
            return Err(IngestError::new(IngestErrorKind::MissingCompanion {
                file: done[i].file().to_string(),
                export: profile.export.to_string(),
                companion: companion.to_string(),
            }));
        };
        let (items, orders) = if i < j {
            let (a, b) = done.split_at_mut(j);
            (&mut a[i], &mut b[0])
        } else {
            let (a, b) = done.split_at_mut(i);
            (&mut b[0], &mut a[j])
        };
        join_pair(items, orders);
    }
    Ok(())
}

/// Gives `items`' lines their orders' buyer and date from `orders`, and keeps of `orders`
/// only its return lines.
fn join_pair(items: &mut FileDone, orders: &mut FileDone) {
    let o = &orders.lines;
    let mut of_order: HashMap<&str, (Option<&str>, i64)> = HashMap::new();
    for k in 0..o.len() {
        if o.is_return[k] {
            continue;
        }
        let customer = (o.customer[k] != NONE).then(|| o.customer_ids.name(o.customer[k]));
        of_order
            .entry(o.order_ids.name(o.order[k]))
            .or_insert((customer, o.time[k]));
    }
    let left = orders.left_out.order_reasons();
    let lines = &mut items.lines;
    let mut keep = vec![true; lines.len()];
    let mut aside: HashMap<LeftOutReason, (u64, i64, BTreeSet<String>)> = HashMap::new();
    for (k, kept) in keep.iter_mut().enumerate() {
        let order = lines.order_ids.name(lines.order[k]).to_string();
        match of_order.get(order.as_str()) {
            Some(&(customer, time)) => {
                lines.customer[k] = customer.map_or(NONE, |c| lines.customer_ids.intern(c));
                lines.time[k] = time;
            }
            None => {
                *kept = false;
                let reason = left
                    .get(order.as_str())
                    .copied()
                    .unwrap_or(LeftOutReason::NoOrder);
                let e = aside.entry(reason).or_default();
                e.0 += 1;
                e.1 += lines.amount_cents[k];
                e.2.insert(order);
            }
        }
    }
    let mut reasons: Vec<_> = aside.into_iter().collect();
    reasons.sort_by_key(|(r, _)| *r);
    for (reason, (n, cents, orders_set)) in reasons {
        let shown: Vec<&str> = orders_set.iter().take(5).map(String::as_str).collect();
        let value = shown.join(", ");
        items
            .left_out
            .add_many(reason, &value, n, cents, orders_set.clone());
    }
    if keep.iter().any(|k| !k) {
        let (kept, _) = filter_lines(lines, &keep);
        *lines = kept;
    }
    lines.finish();
    // the order report's rows are the orders of these lines: only its refunds stay
    let returns: Vec<bool> = orders.lines.is_return.clone();
    let (kept, _) = filter_lines(&orders.lines, &returns);
    orders.lines = kept;
    orders.lines.finish();
    let note = Message::new("rule.joined_orders").with("file", items.file());
    orders.note(note);
}
