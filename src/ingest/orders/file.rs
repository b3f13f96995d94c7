//! Finishing an orders file — the day/month order of its year-last dates decided, the rows
//! no date fits rejected, its totals counted — and merging the finished files into one
//! `Ingested` with its `QualityReport`.

use super::currencies;
use super::done::{filter_lines, FileDone};
use super::join;
use super::overlap;
use super::refund::Refund;
use super::sink::OrdersSink;
use crate::dataset::{Dimension, OrderLines, NONE};
use crate::ingest::clean::is_cancelled_order_id;
use crate::ingest::columns::Field;
use crate::ingest::dates::Pending;
use crate::ingest::error::{IngestError, IngestErrorKind};
use crate::ingest::files::IngestOptions;
use crate::ingest::files::Ingested;
use crate::ingest::left_out::LeftOut;
use crate::ingest::report::{
    currency_symbol, guess_currency, CurrencyGuess, FileReport, QualityReport, ReadTotals, Refunds,
    RejectReason, Rejections,
};
use crate::ingest::rows::FileRows;
use crate::ingest::tally::Tally;
use crate::ingest::values::{format_timestamp, DateOrder};
use crate::message::Message;
use std::collections::HashMap;

/// An orders file being read.
pub(crate) type OrdersFile = FileRows<OrdersSink>;

impl OrdersFile {
    /// Decides the day/month order, applies late rejections, and totals the file.
    pub fn finish(mut self: Box<Self>) -> Result<FileDone, IngestError> {
        let sink = &mut self.sink;
        let ids = std::mem::take(&mut sink.ids);
        sink.lines.order_ids = ids.order.into_interner();
        sink.lines.customer_ids = ids.customer.into_interner();
        sink.lines.product_ids = ids.product.into_interner();
        let mut dimensions = std::mem::take(&mut sink.dimensions);
        for (col, table) in dimensions.iter_mut().zip(ids.dimensions) {
            col.values = table.into_interner();
        }
        sink.lines.dimensions = sink
            .plan
            .dimensions
            .iter()
            .map(|&(d, _)| d)
            .zip(dimensions)
            .collect();
        let mut order_used = sink.dates.order();
        if sink.dates.has_pending() {
            let Some(order) = sink.dates.decide() else {
                let column = self.header(self.sink.plan.order_date.unwrap_or(0));
                return Err(IngestError::new(IngestErrorKind::AmbiguousDateOrder {
                    file: self.name.clone(),
                    column,
                    examples: self.sink.dates.examples().to_vec(),
                }));
            };
            order_used = Some(order);
            self.resolve_dates(order);
        }
        if self.sink.lines.is_empty() {
            return Err(self.no_usable_rows());
        }
        self.sink.lines.finish();
        let rows_used = self.sink.lines.len() as u64;
        let lines = &self.sink.lines;
        let cancelled: Vec<bool> = lines.order_ids.names().map(is_cancelled_order_id).collect();
        let is_cancelled = |i: usize| cancelled[lines.order[i] as usize];
        let mut value_cents: i64 = lines.amount_cents.iter().sum();
        let mut return_lines = lines.is_return.iter().filter(|&&r| r).count() as u64;
        let mut cancelled_lines = (0..lines.len()).filter(|&i| is_cancelled(i)).count() as u64;
        for &(orig, _) in &self.duplicates {
            let i = orig as usize;
            value_cents += lines.amount_cents[i];
            return_lines += u64::from(lines.is_return[i]);
            cancelled_lines += u64::from(is_cancelled(i));
        }
        let headers = &self.inspection.headers;
        let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let chinese_headers = if self
            .inspection
            .mapping
            .iter()
            .any(|a| headers.get(a.column).is_some_and(|h| cjk(h)))
        {
            Some("currency.chinese_headers")
        } else {
            // English headers over a Chinese shop's data: most product names, or most cities,
            // are written in Chinese
            let mostly = |names: &mut dyn Iterator<Item = &str>| {
                let (mut all, mut zh) = (0usize, 0usize);
                for n in names.filter(|n| !n.is_empty()) {
                    all += 1;
                    zh += usize::from(cjk(n));
                }
                all > 0 && zh * 2 > all
            };
            let lines = &self.sink.lines;
            let products = mostly(&mut lines.product_names.iter().map(|n| n.as_ref()));
            let places = lines
                .dimensions
                .iter()
                .filter(|(d, _)| matches!(d, Dimension::City | Dimension::Region))
                .any(|(_, col)| mostly(&mut col.values.names()));
            (products || places).then_some("currency.chinese_values")
        };
        let region_header = self
            .inspection
            .mapping
            .iter()
            .find(|a| a.field == Field::Region)
            .map(|a| self.header(a.column));
        self.rejections.sort_rows();
        let (refund_lines, refund_cents) =
            add_refund_lines(&mut self.sink.lines, &self.sink.refunds);
        let mut notes = std::mem::take(&mut self.notes);
        notes.extend(self.passed.notes());
        if self.sink.partly_refunded_unknown > 0 {
            notes.push(
                Message::new("note.partly_refunded_unknown")
                    .with("count", self.sink.partly_refunded_unknown),
            );
        }
        let sink = &self.sink;
        // a workbook whose date column holds typed date cells (counted as the sheet was read)
        let excel_date_cells = sink
            .plan
            .order_date
            .and_then(|c| self.source.date_cells().get(c))
            .is_some_and(|&n| n > 0);
        let report = FileReport {
            file: self.name.clone(),
            format: self.inspection.format.clone(),
            encoding: self.inspection.encoding.clone(),
            rows_read: self.rows_read,
            rows_used,
            date_format: sink.dates.format(order_used, excel_date_cells),
            notes,
            platform: self.inspection.platform.clone(),
            rows_left_out: self.left_out.lines(),
        };
        let platform_currency = sink
            .plan
            .profile
            .and_then(|p| p.currency.map(|c| (c, p.platform)));
        let this = *self;
        Ok(FileDone {
            report,
            duplicates: this.duplicates.len() as u64,
            value_cents,
            return_lines,
            cancelled_lines,
            currency_marks: this.sink.currency_marks,
            region_header,
            chinese_headers,
            rejections: this.rejections,
            inspection: this.inspection,
            left_out: this.left_out,
            refund_lines,
            refund_cents,
            partly_refunded_unknown: this.sink.partly_refunded_unknown,
            platform_currency,
            lines: this.sink.lines,
        })
    }

    /// Fills in the pending year-last dates under `order`; rows (and their duplicates) that
    /// give no valid date under it are rejected and removed.
    fn resolve_dates(&mut self, order: DateOrder) {
        let pending = self.sink.dates.take_pending();
        let col = self.sink.plan.order_date.unwrap_or(0);
        let mut dropped: Vec<Option<Pending>> = Vec::new();
        for p in &pending {
            match p.resolve(order) {
                Some(t) => self.sink.lines.time[p.index as usize] = t,
                None => {
                    if dropped.is_empty() {
                        dropped = vec![None; self.sink.lines.len()];
                    }
                    dropped[p.index as usize] = Some(*p);
                    self.reject(RejectReason::InvalidDate, p.line, Some(col), &p.text());
                }
            }
        }
        if dropped.is_empty() {
            return;
        }
        let keep: Vec<bool> = dropped.iter().map(Option::is_none).collect();
        let (lines, new_index) = filter_lines(&self.sink.lines, &keep);
        self.sink.lines = lines;
        let refunds = std::mem::take(&mut self.sink.refunds);
        self.sink.refunds = refunds
            .into_iter()
            .filter(|r| keep[r.line as usize])
            .map(|r| Refund {
                line: new_index[r.line as usize],
                ..r
            })
            .collect();
        let duplicates = std::mem::take(&mut self.duplicates);
        for (orig, line) in duplicates {
            match dropped[orig as usize] {
                None => self.duplicates.push((new_index[orig as usize], line)),
                Some(p) => self.reject(RejectReason::InvalidDate, line, Some(col), &p.text()),
            }
        }
    }
}

/// Adds a return line for each refund (its order's refunds together capped at what the
/// order's purchase lines are worth: a refund of shipping or tax is not merchandise);
/// returns how many lines were added and their value (≤ 0).
fn add_refund_lines(lines: &mut OrderLines, refunds: &[Refund]) -> (u64, i64) {
    if refunds.is_empty() {
        return (0, 0);
    }
    let mut room: HashMap<u32, i64> = refunds
        .iter()
        .map(|r| (lines.order[r.line as usize], 0))
        .collect();
    for i in 0..lines.len() {
        if let Some(r) = room.get_mut(&lines.order[i]) {
            if !lines.is_return[i] {
                *r += lines.amount_cents[i].max(0);
            }
        }
    }
    let (mut added, mut value) = (0u64, 0i64);
    for r in refunds {
        let i = r.line as usize;
        let Some(left) = room.get_mut(&lines.order[i]) else {
            continue;
        };
        let cents = r.cents.min(*left);
        if cents <= 0 {
            continue;
        }
        *left -= cents;
        let quantity = if r.whole { -lines.quantity[i] } else { 0.0 };
        let (order, customer, time, product) = (
            lines.order[i],
            lines.customer[i],
            lines.time[i],
            lines.product[i],
        );
        lines.push_indices(order, customer, time, product, quantity, -cents, true);
        for (_, col) in &mut lines.dimensions {
            let v = col.per_line.get(i).copied().unwrap_or(NONE);
            col.per_line.push(v);
        }
        added += 1;
        value -= cents;
    }
    (added, value)
}

/// Merges the files' lines (in input order) and builds the report: a second currency's
/// lines are converted at the user's rate or set aside (`currencies`).
pub(crate) fn merge(
    mut done: Vec<FileDone>,
    options: &IngestOptions,
) -> Result<Ingested, IngestError> {
    join::join(&mut done)?;
    let mut rejections = Rejections::default();
    let mut left_out = LeftOut::default();
    let mut read = ReadTotals::default();
    let mut refunds = Refunds::default();
    let mut duplicates = 0;
    let mut marks = Tally::default();
    let mut files = Vec::new();
    let mut reports = Vec::new();
    let mut region_header = None;
    let mut chinese_headers: Option<&'static str> = None;
    let mut lines: Option<OrderLines> = None;
    let mut file_currencies = Vec::new();
    for d in done {
        let guess = file_currency(&d);
        rejections.extend(d.rejections);
        left_out.extend(d.left_out);
        read.lines += d.report.rows_used + d.duplicates;
        read.value_cents += d.value_cents;
        read.return_lines += d.return_lines;
        read.cancelled_order_lines += d.cancelled_lines;
        refunds.lines += d.refund_lines;
        refunds.value_cents += d.refund_cents;
        refunds.partly_refunded_unknown += d.partly_refunded_unknown;
        duplicates += d.duplicates;
        file_currencies.push((guess, d.lines.len()));
        marks.merge(d.currency_marks);
        if region_header.is_none() {
            region_header = d.region_header;
        }
        chinese_headers = chinese_headers.or(d.chinese_headers);
        match &mut lines {
            None => lines = Some(d.lines),
            Some(all) => all.append(&d.lines),
        }
        files.push(d.inspection);
        reports.push(d.report);
    }
    let mut lines = lines.unwrap_or_default();
    lines.finish();
    let file_lens: Vec<(usize, &str)> = file_currencies
        .iter()
        .zip(&files)
        .map(|((_, n), f)| (*n, f.platform.as_ref().map_or("", |p| p.id.as_str())))
        .collect();
    let (overlap, kept) = overlap::settle(&mut lines, &file_lens, &mut left_out);
    for ((_, n), k) in file_currencies.iter_mut().zip(kept) {
        *n = k;
    }
    duplicates += overlap.duplicate_lines;
    if overlap.duplicate_lines > 0 {
        if let Some(last) = reports.last_mut() {
            last.notes.push(
                Message::new("note.cross_file_duplicates").with("count", overlap.duplicate_lines),
            );
        }
    }
    let region = region_header.as_deref().and_then(|h| {
        lines
            .dimensions
            .iter()
            .find(|(d, _)| *d == Dimension::Region)
            .map(|(_, col)| (h, col))
    });
    let mut currency = guess_currency(&marks, region, chinese_headers);
    if let Some(code) = options.currency.as_deref().map(str::to_ascii_uppercase) {
        let chosen = CurrencyGuess {
            symbol: currency_symbol(&code).to_string(),
            basis: Message::new("currency.chosen"),
            code,
        };
        currency = chosen.clone();
        for (guess, _) in &mut file_currencies {
            *guess = Some(chosen.clone());
        }
    }
    let (currencies, kept) =
        currencies::settle(&mut lines, &file_currencies, options, &mut left_out);
    if let Some(main) = kept.filter(|_| options.currency.is_none() || currencies.len() > 1) {
        currency = main;
    } else if options.currency.is_some() {
    } else if let Some((guess, _)) = file_currencies.iter().find(|(g, _)| g.is_some()) {
        if currency.code.is_empty()
            || guess
                .as_ref()
                .is_some_and(|g| g.basis.code == "currency.platform")
        {
            currency = guess.clone().unwrap_or(currency);
        }
    }
    read.orders = lines.order_ids.len() as u64;
    read.customers = lines.customer_ids.len() as u64;
    let rows_used = lines.len() as u64 - refunds.lines;
    // a basket list's lines have no time: no date range to speak of
    let dated = !files
        .iter()
        .all(|f| f.platform.as_ref().is_some_and(|p| p.undated));
    let rows_rejected = rejections.total();
    let (rejected, rejected_rows) = rejections.into_parts();
    let report = QualityReport {
        rows_read: reports.iter().map(|r| r.rows_read).sum(),
        rows_used,
        rows_rejected,
        rejected,
        rows_left_out: left_out.lines(),
        left_out: left_out.into_groups(),
        duplicates_removed: duplicates,
        read,
        return_lines: lines.is_return.iter().filter(|&&r| r).count() as u64,
        refunds,
        missing_customer_lines: lines.customer.iter().filter(|&&c| c == NONE).count() as u64,
        date_min: lines
            .time
            .iter()
            .filter(|_| dated)
            .min()
            .map(|&t| format_timestamp(t)),
        date_max: lines
            .time
            .iter()
            .filter(|_| dated)
            .max()
            .map(|&t| format_timestamp(t)),
        currency,
        currencies,
        files: reports,
        tables: Vec::new(),
        join: Default::default(),
    };
    Ok(Ingested {
        lines,
        report,
        files,
        rejected_rows,
        tables: Default::default(),
    })
}

/// The currency of a file's lines that do not name one: its platform's, or what its money
/// cells and region column say.
fn file_currency(d: &FileDone) -> Option<CurrencyGuess> {
    if let Some((code, platform)) = d.platform_currency {
        return Some(CurrencyGuess {
            code: code.to_string(),
            symbol: currency_symbol(code).to_string(),
            basis: Message::new("currency.platform").with("platform", platform),
        });
    }
    let region = d.region_header.as_deref().and_then(|h| {
        d.lines
            .dimensions
            .iter()
            .find(|(dim, _)| *dim == Dimension::Region)
            .map(|(_, col)| (h, col))
    });
    let guess = guess_currency(&d.currency_marks, region, d.chinese_headers);
    (!guess.code.is_empty()).then_some(guess)
}
