//! A checked rule over the customers: one pass per condition, a customer with no value
//! failing every test on it (see the module documentation for `not`).

use super::compile::{Bound, Pred, Rule};
use super::parser::CmpOp;
use crate::table::Values;

fn day(bound: Bound, last_day: Option<i64>) -> Option<f64> {
    match bound {
        Bound::Fixed(v) => Some(v),
        Bound::FromLastDay(d) => last_day.map(|l| (l + d) as f64),
    }
}

/// Evaluates `pred` for every customer into `out` (`out[c]`: customer `c` matches).
fn eval(
    pred: &Pred,
    values: &[Values<'_>],
    ids: &[Box<str>],
    last_day: Option<i64>,
    out: &mut [bool],
) {
    let n = out.len();
    match pred {
        Pred::And(a, b) => {
            eval(a, values, ids, last_day, out);
            let mut right = vec![false; n];
            eval(b, values, ids, last_day, &mut right);
            out.iter_mut().zip(right).for_each(|(o, r)| *o &= r);
        }
        Pred::Or(a, b) => {
            eval(a, values, ids, last_day, out);
            let mut right = vec![false; n];
            eval(b, values, ids, last_day, &mut right);
            out.iter_mut().zip(right).for_each(|(o, r)| *o |= r);
        }
        Pred::Not(a) => {
            eval(a, values, ids, last_day, out);
            out.iter_mut().for_each(|o| *o = !*o);
        }
        Pred::Cmp { col, op, bound } => {
            let v = &values[*col];
            let Some(b) = day(*bound, last_day) else {
                out.fill(false);
                return;
            };
            for (c, o) in out.iter_mut().enumerate() {
                *o = v.number(c).is_some_and(|x| match op {
                    CmpOp::Eq => x == b,
                    CmpOp::Ne => x != b,
                    CmpOp::Lt => x < b,
                    CmpOp::Le => x <= b,
                    CmpOp::Gt => x > b,
                    CmpOp::Ge => x >= b,
                });
            }
        }
        Pred::Between { col, low, high } => {
            let v = &values[*col];
            let (Some(lo), Some(hi)) = (day(*low, last_day), day(*high, last_day)) else {
                out.fill(false);
                return;
            };
            for (c, o) in out.iter_mut().enumerate() {
                *o = v.number(c).is_some_and(|x| lo <= x && x <= hi);
            }
        }
        Pred::In {
            col,
            bounds,
            negated,
        } => {
            let v = &values[*col];
            let set: Vec<f64> = bounds.iter().filter_map(|b| day(*b, last_day)).collect();
            for (c, o) in out.iter_mut().enumerate() {
                *o = v.number(c).is_some_and(|x| set.contains(&x) != *negated);
            }
        }
        Pred::TextIn {
            col,
            texts,
            negated,
        } => {
            let Values::Text(ids, names) = values[*col] else {
                out.fill(false);
                return;
            };
            // the interned ids of the texts: a text the column never holds matches no one
            let wanted: Vec<u32> = texts.iter().filter_map(|t| names.get(t)).collect();
            for (o, &id) in out.iter_mut().zip(ids) {
                *o = id != crate::dataset::NONE && wanted.contains(&id) != *negated;
            }
        }
        Pred::Contains { col, needle } => {
            let Values::Text(ids, names) = values[*col] else {
                out.fill(false);
                return;
            };
            // each distinct text is looked at once
            let holds: Vec<bool> = names
                .names()
                .map(|name| name.to_lowercase().contains(needle))
                .collect();
            for (o, &id) in out.iter_mut().zip(ids) {
                *o = holds.get(id as usize).copied().unwrap_or(false);
            }
        }
        Pred::Ids(set) => {
            for (o, id) in out.iter_mut().zip(ids) {
                *o = set.contains(id);
            }
        }
        Pred::IsNull { col, negated } => {
            let v = &values[*col];
            for (c, o) in out.iter_mut().enumerate() {
                *o = v.is_null(c) != *negated;
            }
        }
    }
}

/// Which customers (`ids`, in customer order) match `rule`, given the values of
/// `rule.columns` in that order and the data's last day (for `-90d`). Linear in customers
/// for each condition.
pub fn evaluate(
    rule: &Rule,
    values: &[Values<'_>],
    ids: &[Box<str>],
    last_day: Option<i64>,
) -> Vec<bool> {
    let mut out = vec![false; ids.len()];
    eval(&rule.pred, values, ids, last_day, &mut out);
    out
}
