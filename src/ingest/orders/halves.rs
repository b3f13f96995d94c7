//! The two halves of a split orders file (`split`): a tail job turns what it read into a
//! `ParsedPart`, and the head absorbs that part as if it had read the rows itself.

use super::file::OrdersFile;
use super::refund::Refund;
use crate::dataset::NONE;
use crate::ingest::clean::record_hash2;
use crate::ingest::error::IngestError;
use crate::ingest::ids::IdTable;
use crate::ingest::rows::{split_failed, Role, Tail};
use crate::ingest::source::Source;
use crate::ingest::split::{ParsedPart, PartIds};
use crate::ingest::values::{currency_code, parse_date, trim, DateShape};
use csv::ByteRecord;

impl OrdersFile {
    /// The tail job's result: lines with the tail's own ids and line numbers.
    pub fn into_part(mut self: Box<Self>, tail: Tail) -> ParsedPart {
        let plan = tail.plan;
        let sink = &mut self.sink;
        let ids = std::mem::take(&mut sink.ids);
        let part_ids = |t: IdTable| {
            let (arena, ends) = t.into_arena();
            PartIds { arena, ends }
        };
        let dimensions = ids
            .dimensions
            .into_iter()
            .zip(std::mem::take(&mut sink.dimensions))
            .map(|(t, col)| (part_ids(t), col.per_line))
            .collect();
        let bom = if self.inspection.encoding == "UTF-8 (BOM)" {
            3
        } else {
            0
        };
        let prefix_lines = match &self.source {
            Source::Csv(csv) => csv.line_breaks_before(plan.prefix_len.saturating_sub(bom)),
            Source::Table(_) | Source::Xlsx(_) | Source::Baskets(_) => 0,
        };
        let sink = &mut self.sink;
        let lines = std::mem::take(&mut sink.lines);
        ParsedPart {
            plan,
            encoding: self.inspection.encoding.clone(),
            headers: self.inspection.headers.clone(),
            prefix_lines,
            rows_read: self.rows_read,
            preview: std::mem::take(&mut self.inspection.preview),
            order_ids: part_ids(ids.order),
            customer_ids: part_ids(ids.customer),
            product_ids: part_ids(ids.product),
            product_names: lines.product_names,
            order: lines.order,
            customer: lines.customer,
            time: lines.time,
            product: lines.product,
            quantity: lines.quantity,
            amount_cents: lines.amount_cents,
            is_return: lines.is_return,
            dimensions,
            fingerprint: tail.fingerprint,
            line: tail.kept_line,
            duplicates: std::mem::take(&mut self.duplicates),
            dates: std::mem::take(&mut sink.dates),
            rejections: std::mem::take(&mut self.rejections),
            left_out: std::mem::take(&mut self.left_out),
            passed: std::mem::take(&mut self.passed),
            refunds: std::mem::take(&mut sink.refunds),
            partly_refunded_unknown: sink.partly_refunded_unknown,
            currency_marks: sink
                .currency_marks
                .iter()
                .map(|&(code, n)| (code.to_string(), n))
                .collect(),
        }
    }

    /// Appends the tail of a split file to this head, as if the rows had been read here:
    /// ids re-interned, line numbers moved down, tail rows that repeat a head row dropped as
    /// duplicates (by fingerprint, see `split`), date counts and rejections merged.
    pub fn absorb(&mut self, part: ParsedPart) -> Result<(), IngestError> {
        let Role::Head(head) = &self.role else {
            return Err(split_failed(&self.name, "this file was not split"));
        };
        let Source::Csv(csv) = &self.source else {
            return Err(split_failed(&self.name, "a half is not delimited text"));
        };
        let why = if head.last_cell_newline {
            Some("the cut fell inside a quoted cell")
        } else if part.plan != head.plan || csv.delimiter() != head.plan.delimiter {
            Some("the halves were cut or delimited differently")
        } else if part.headers != self.inspection.headers
            || part.encoding != self.inspection.encoding
            || part.dimensions.len() != self.sink.dimensions.len()
        {
            Some("the halves have different headers or encodings")
        } else {
            None
        };
        if let Some(why) = why {
            return Err(split_failed(&self.name, why));
        }
        // tail line L is line L + offset of the whole file
        let offset = csv.line_breaks_read().saturating_sub(part.prefix_lines);
        if let Role::Head(head) = &mut self.role {
            head.absorbed = true;
        }
        self.rows_read += part.rows_read;
        let room = 5usize.saturating_sub(self.inspection.preview.len());
        self.inspection
            .preview
            .extend(part.preview.iter().take(room).cloned());
        let sink = &mut self.sink;
        let orders_before = sink.ids.order.len();
        let order_map = intern_all(&mut sink.ids.order, &part.order_ids);
        let customer_map = intern_all(&mut sink.ids.customer, &part.customer_ids);
        let product_map = intern_all(&mut sink.ids.product, &part.product_ids);
        for (p, name) in part.product_names.iter().enumerate() {
            let i = product_map[p] as usize;
            match sink.lines.product_names.get_mut(i) {
                None => sink.lines.product_names.push(name.clone()),
                Some(mine) if mine.is_empty() && !name.is_empty() => *mine = name.clone(),
                Some(_) => {}
            }
        }
        let dimension_maps: Vec<Vec<u32>> = part
            .dimensions
            .iter()
            .zip(&mut sink.ids.dimensions)
            .map(|((values, _), table)| intern_all(table, values))
            .collect();
        // the tail's kept lines: appended, or dropped as a duplicate of a head line
        let remap = |map: &[u32], v: u32| if v == NONE { NONE } else { map[v as usize] };
        let head_lines = sink.lines.len() as u32;
        sink.lines.reserve(part.len());
        for col in &mut sink.dimensions {
            col.per_line.reserve(part.len());
        }
        let mut final_index = Vec::with_capacity(part.len());
        let mut dropped_shapes: Vec<DateShape> = Vec::new();
        let mut duplicates = Vec::new();
        let mut scratch = ByteRecord::new();
        for j in 0..part.len() {
            let order = order_map[part.order[j] as usize];
            if (order as usize) < orders_before {
                let [h1, h2] = part.fingerprint[j];
                let source = &self.source;
                let found = self.dedupe.find(h1, order, |id| {
                    source.record_at(id, &mut scratch) && record_hash2(&scratch) == h2
                });
                if let Some(orig) = found {
                    final_index.push(orig);
                    duplicates.push((orig, part.line[j] + offset));
                    // `scratch` holds the matched head row, whose cells are the dropped
                    // row's: its date has the dropped row's shape
                    let cell = sink
                        .plan
                        .order_date
                        .and_then(|c| scratch.get(c))
                        .unwrap_or(&[]);
                    let cell = trim(std::str::from_utf8(cell).unwrap_or(""));
                    if let Some(date) = parse_date(cell, false) {
                        dropped_shapes.push(date.shape);
                    }
                    continue;
                }
            }
            final_index.push(sink.lines.len() as u32);
            sink.lines.push_indices(
                order,
                remap(&customer_map, part.customer[j]),
                part.time[j],
                remap(&product_map, part.product[j]),
                part.quantity[j],
                part.amount_cents[j],
                part.is_return[j],
            );
            for (k, (_, per_line)) in part.dimensions.iter().enumerate() {
                let v = remap(&dimension_maps[k], per_line[j]);
                sink.dimensions[k].per_line.push(v);
            }
        }
        for &(orig, line) in &part.duplicates {
            duplicates.push((final_index[orig as usize], line + offset));
        }
        duplicates.sort_by_key(|&(_, line)| line);
        self.duplicates.extend(duplicates);
        let dates = part.dates;
        let sink = &mut self.sink;
        sink.dates
            .absorb(dates, &final_index, head_lines, offset, &dropped_shapes);
        let mut rejections = part.rejections;
        rejections.offset_lines(offset);
        self.rejections.extend(rejections);
        let mut left_out = part.left_out;
        left_out.offset_lines(offset);
        self.left_out.extend(left_out);
        let mut passed = part.passed;
        for line in &mut passed.totals {
            *line += offset;
        }
        self.passed.extend(passed);
        // a tail line dropped as a duplicate of a head line takes its refund with it
        let sink = &mut self.sink;
        sink.partly_refunded_unknown += part.partly_refunded_unknown;
        for r in part.refunds {
            let at = final_index[r.line as usize];
            if at >= head_lines {
                sink.refunds.push(Refund { line: at, ..r });
            }
        }
        for (code, n) in part.currency_marks.iter() {
            if let Some(code) = currency_code(code) {
                self.sink.currency_marks.add(code, *n);
            }
        }
        Ok(())
    }
}

/// The index in `table` of every string of `ids`, appending the new ones; the table takes
/// no more strings after this (a tail is the last thing a file job reads).
fn intern_all(table: &mut IdTable, ids: &PartIds) -> Vec<u32> {
    table.extend_final(ids.names())
}
