//! Lines in several currencies — a cross-border seller's Shopee Singapore and Shopee
//! Malaysia exports, a Shopify shop selling in USD and EUR — are never summed as if they
//! were one: the currency with most lines is the main one, every other is converted at the
//! rate the user gives or, without one, set aside and reported with its own totals.
//!
//! A line's currency is its currency cell (`Field::Currency`), else its file's (the
//! platform's, or the guess from its money cells and region column).

use super::done::filter_lines;
use crate::dataset::{Dimension, OrderLines, NONE};
use crate::ingest::files::IngestOptions;
use crate::ingest::left_out::LeftOut;
use crate::ingest::report::{currency_symbol, CurrencyGuess, CurrencyLines};
use crate::ingest::status::LeftOutReason;
use crate::ingest::values::currency_code;
use crate::message::Message;
use std::collections::BTreeSet;

/// The ISO code a currency cell names (`usd`, `RMB`, `SGD`), or the cell upper-cased when
/// it is a three-letter code we do not know; `None` for an empty cell.
fn code_of_cell(cell: &str) -> Option<String> {
    let t = cell.trim();
    if t.is_empty() {
        return None;
    }
    match currency_code(t) {
        Some(c) => Some(c.to_string()),
        None if t.len() == 3 && t.chars().all(|c| c.is_ascii_alphabetic()) => {
            Some(t.to_ascii_uppercase())
        }
        None => Some(t.to_string()),
    }
}

/// Settles the currencies of `lines` (whose files, in order, have `files` = (currency of
/// lines that name none, line count)): converts or sets aside every currency but the main
/// one. Returns the currencies (empty when there is only one) and, when a currency column
/// decided it, the main currency as the report shows it.
pub(super) fn settle(
    lines: &mut OrderLines,
    files: &[(Option<CurrencyGuess>, usize)],
    options: &IngestOptions,
    left_out: &mut LeftOut,
) -> (Vec<CurrencyLines>, Option<CurrencyGuess>) {
    let column = lines
        .dimensions
        .iter()
        .find(|(d, _)| *d == Dimension::Currency)
        .map(|(_, c)| c);
    // every distinct code gets an index once; a line's currency is then an index lookup
    let mut codes: Vec<String> = Vec::new();
    let mut index_of = |code: String| match codes.iter().position(|c| *c == code) {
        Some(k) => k,
        None => {
            codes.push(code);
            codes.len() - 1
        }
    };
    let cell_k: Vec<Option<usize>> = match column {
        Some(col) => col
            .values
            .names()
            .map(|name| code_of_cell(name).map(&mut index_of))
            .collect(),
        None => Vec::new(),
    };
    let file_k: Vec<(usize, usize)> = files
        .iter()
        .map(|(g, n)| {
            (
                index_of(g.as_ref().map(|g| g.code.clone()).unwrap_or_default()),
                *n,
            )
        })
        .collect();
    if column.is_none() && file_k.iter().all(|(k, _)| *k == file_k[0].0) {
        // one currency (or none known) and no currency column: nothing to settle
        return (Vec::new(), None);
    }
    let mut per_code: Vec<(u64, i64)> = vec![(0, 0); codes.len()];
    let mut of_line: Vec<u32> = Vec::with_capacity(lines.len());
    let mut from_column = 0u64;
    let mut file_of = file_k.iter().flat_map(|&(k, n)| std::iter::repeat_n(k, n));
    for i in 0..lines.len() {
        let file_code = file_of.next().unwrap_or(0);
        let cell = column
            .and_then(|c| c.per_line.get(i).copied())
            .filter(|&v| v != NONE)
            .and_then(|v| cell_k[v as usize]);
        from_column += u64::from(cell.is_some());
        let k = cell.unwrap_or(file_code);
        per_code[k].0 += 1;
        per_code[k].1 += lines.amount_cents[i];
        of_line.push(k as u32);
    }
    let known: Vec<usize> = (0..codes.len()).filter(|&k| !codes[k].is_empty()).collect();
    let Some(&main) = known
        .iter()
        .max_by_key(|&&k| (per_code[k].0, std::cmp::Reverse(k)))
    else {
        return (Vec::new(), None);
    };
    let main_guess = CurrencyGuess {
        code: codes[main].clone(),
        symbol: currency_symbol(&codes[main]).to_string(),
        basis: Message::new("currency.column")
            .with("count", from_column)
            .with("code", codes[main].as_str()),
    };
    if known.len() < 2 {
        return (Vec::new(), (from_column > 0).then_some(main_guess));
    }
    let mut report = Vec::new();
    let mut keep = vec![true; lines.len()];
    for &k in &known {
        let rate = (k != main)
            .then(|| options.rates.get(&codes[k]).copied())
            .flatten()
            .filter(|r| r.is_finite() && *r > 0.0);
        report.push(CurrencyLines {
            code: codes[k].clone(),
            lines: per_code[k].0,
            value_cents: per_code[k].1,
            main: k == main,
            rate,
        });
        if k == main {
            continue;
        }
        let mut orders = BTreeSet::new();
        for i in (0..lines.len()).filter(|&i| of_line[i] as usize == k) {
            match rate {
                Some(r) => {
                    lines.amount_cents[i] = (lines.amount_cents[i] as f64 * r).round() as i64
                }
                None => {
                    keep[i] = false;
                    orders.insert(lines.order_ids.name(lines.order[i]).to_string());
                }
            }
        }
        if rate.is_none() {
            left_out.add_many(
                LeftOutReason::OtherCurrency,
                &codes[k],
                per_code[k].0,
                per_code[k].1,
                orders,
            );
        }
    }
    if keep.iter().any(|k| !k) {
        let (kept, _) = filter_lines(lines, &keep);
        *lines = kept;
        lines.finish();
    }
    (report, Some(main_guess))
}
