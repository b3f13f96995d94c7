//! Lines left out of the analyses on purpose — a cancelled, closed, unpaid, voided or failed
//! order, a line in a second currency — counted per reason with their distinct orders, their
//! value and the status values that caused them. Unlike a rejection, nothing is wrong with
//! such a row: the platform says it is not a sale, so it is not one, and the report says how
//! much was set aside and why.

use super::report::{cut_chars, LeftOutGroup, LeftOutValue, Rejection};
use super::status::LeftOutReason;
use super::tally::slot;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// The running account of one reason.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Account {
    lines: u64,
    value_cents: i64,
    orders: BTreeSet<String>,
    /// (value, (lines, cents)) in first-seen order.
    values: Vec<(String, (u64, i64))>,
    examples: Vec<Rejection>,
}

/// The lines left out of one file (or of a run), per reason.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct LeftOut {
    accounts: Vec<(LeftOutReason, Account)>,
}

/// One line to set aside.
pub(crate) struct Aside<'a> {
    pub reason: LeftOutReason,
    pub order_id: &'a str,
    pub value: &'a str,
    pub cents: i64,
    pub file: &'a str,
    pub line: u64,
    pub column: &'a str,
}

impl LeftOut {
    /// Sets one line aside.
    pub fn add(&mut self, a: Aside<'_>) {
        let acc = slot(&mut self.accounts, a.reason);
        acc.lines += 1;
        acc.value_cents += a.cents;
        if !acc.orders.contains(a.order_id) {
            acc.orders.insert(a.order_id.to_string());
        }
        let v = slot(&mut acc.values, a.value);
        v.0 += 1;
        v.1 += a.cents;
        if acc.examples.len() < 5 {
            acc.examples.push(Rejection {
                file: a.file.to_string(),
                line: a.line,
                column: a.column.to_string(),
                value: cut_chars(a.value, 80),
                detail: None,
            });
        }
    }

    /// Sets aside `lines` lines of `orders` at once (a second currency), with no examples.
    pub fn add_many(
        &mut self,
        reason: LeftOutReason,
        value: &str,
        lines: u64,
        cents: i64,
        orders: BTreeSet<String>,
    ) {
        let acc = slot(&mut self.accounts, reason);
        acc.lines += lines;
        acc.value_cents += cents;
        acc.orders.extend(orders);
        acc.values.push((value.to_string(), (lines, cents)));
    }

    /// Each order set aside, with the reason (the first, when an order has lines of two).
    pub fn order_reasons(&self) -> HashMap<&str, LeftOutReason> {
        let mut out = HashMap::new();
        for (reason, acc) in &self.accounts {
            for o in &acc.orders {
                out.entry(o.as_str()).or_insert(*reason);
            }
        }
        out
    }

    /// Lines set aside for any reason.
    pub fn lines(&self) -> u64 {
        self.accounts.iter().map(|(_, a)| a.lines).sum()
    }

    /// Adds a later file's (or the tail half's) account.
    pub fn extend(&mut self, later: LeftOut) {
        for (reason, acc) in later.accounts {
            let mine = slot(&mut self.accounts, reason);
            mine.lines += acc.lines;
            mine.value_cents += acc.value_cents;
            mine.orders.extend(acc.orders);
            for (value, (n, cents)) in acc.values {
                let v = slot(&mut mine.values, value);
                v.0 += n;
                v.1 += cents;
            }
            mine.examples.extend(acc.examples);
            mine.examples.sort_by_key(|e| e.line);
            mine.examples.truncate(5);
        }
    }

    /// Moves every example `by` lines down (the tail half counts lines from its own start).
    pub fn offset_lines(&mut self, by: u64) {
        for (_, acc) in &mut self.accounts {
            for e in &mut acc.examples {
                e.line += by;
            }
        }
    }

    /// The groups of the report, in `LeftOutReason::ALL` order.
    pub fn into_groups(mut self) -> Vec<LeftOutGroup> {
        self.accounts.sort_by_key(|(r, _)| *r);
        self.accounts
            .into_iter()
            .map(|(reason, acc)| {
                let mut values: Vec<LeftOutValue> = acc
                    .values
                    .into_iter()
                    .map(|(value, (lines, value_cents))| LeftOutValue {
                        value,
                        lines,
                        value_cents,
                    })
                    .collect();
                values.sort_by_key(|v| std::cmp::Reverse(v.lines));
                LeftOutGroup {
                    reason,
                    lines: acc.lines,
                    orders: acc.orders.len() as u64,
                    value_cents: acc.value_cents,
                    values,
                    examples: acc.examples,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aside<'a>(reason: LeftOutReason, order: &'a str, value: &'a str, line: u64) -> Aside<'a> {
        Aside {
            reason,
            order_id: order,
            value,
            cents: 100,
            file: "a.csv",
            line,
            column: "订单状态",
        }
    }

    #[test]
    fn accounts_count_orders_once_and_merge_in_line_order() {
        let mut head = LeftOut::default();
        head.add(aside(LeftOutReason::Closed, "1", "交易关闭", 2));
        head.add(aside(LeftOutReason::Closed, "1", "交易关闭", 3));
        let mut tail = LeftOut::default();
        tail.add(aside(LeftOutReason::Closed, "2", "交易关闭", 1));
        tail.add(aside(LeftOutReason::Cancelled, "3", "已取消", 2));
        tail.offset_lines(10);
        head.extend(tail);
        assert_eq!(head.lines(), 4);
        let groups = head.into_groups();
        assert_eq!(groups[0].reason, LeftOutReason::Cancelled);
        let closed = &groups[1];
        assert_eq!(
            (closed.lines, closed.orders, closed.value_cents),
            (3, 2, 300)
        );
        let lines: Vec<u64> = closed.examples.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 3, 11]);
    }
}
