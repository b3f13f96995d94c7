//! The resumable ingest: a state machine the Web Worker drives with `step(budget)`, so it
//! can post progress and accept a cancel between steps without a second thread.
//!
//! Per file: **decoding** (gzip, encoding, format, header, column mapping: one step) →
//! **parsing** (`budget` records per step: values, rejections, duplicates) → **cleaning**
//! (one step: day/month order of year-last dates, late rejections, per-file totals). After
//! the last file the files are merged and the `QualityReport` is built (**done**).

use super::clean::{
    is_cancelled_order_id, is_return, is_return_status, record_hash, record_hash2, Deduper,
};
use super::columns::{ColumnAssignment, Field};
use super::csv_source::{cut_partial_char, CsvSource};
use super::encoding::{decode_text, gunzip, is_gzip};
use super::error::{IngestError, IngestErrorKind, NoRows};
use super::ids::IdTable;
use super::json_source::read_json;
use super::orders::{OrdersPlan, ORDERS};
use super::report::{
    cut_chars, guess_currency, FieldCount, FileReport, QualityReport, ReadTotals, RejectReason,
    Rejection, Rejections,
};
use super::sniff::{is_xlsx, sniff_text, Format};
use super::source::{RowInfo, Source, TableSource};
use super::split::{ParsedPart, PartIds, SplitPlan};
use super::values::{
    currency_code, format_timestamp, parse_date, parse_money, parse_quantity, resolve_year_last,
    trim, DateFormat, DateOrder, DateShape, DateStyle, DateValue,
};
use super::xlsx_source::read_sheet;
use super::{FileInspection, FileOptions, IngestOptions, Ingested, SourceFile};
use crate::dataset::{DimensionColumn, OrderLines, NONE};
use crate::message::Message;
use csv::ByteRecord;
use serde::{Deserialize, Serialize};

/// What the job was doing in the step just taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Decompressing, decoding, detecting the format and mapping the columns of a file.
    Decoding,
    /// Reading rows.
    Parsing,
    /// Finishing a file: dates, duplicates, totals.
    Cleaning,
    /// Everything is done.
    Done,
}

/// Where the job is, for a progress bar. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Progress {
    /// What the step just taken did.
    pub stage: Stage,
    /// The file being worked on.
    pub file: String,
    /// Its 0-based index.
    pub file_index: usize,
    /// Number of files.
    pub files: usize,
    /// Rows parsed so far, all files.
    pub rows: u64,
    /// Input bytes processed (estimated within the current file).
    pub bytes_done: u64,
    /// Input bytes of all files.
    pub bytes_total: u64,
}

/// The outcome of one `step`: the one name of this concept in the job, the session, the
/// wasm layer and the worker (`{kind: "progress", …}` on the wire). Field names are the JS
/// API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Step {
    /// More to do; step again.
    Progress(Progress),
    /// The head of split file `file_index` is read: supply its tail's part, then step.
    NeedPart {
        /// Which file.
        file_index: usize,
    },
    /// Streamed file `file_index` is read as far as it came: supply bytes, then step.
    NeedBytes {
        /// Which file.
        file_index: usize,
    },
    /// A tail job is done: take its part (`IngestJob::take_part`) for the head.
    Part,
    /// Finished: take the result (`IngestJob::take_result`); later steps say `Done` again.
    Done,
}

/// What a job reads of a file: all of it, or one half of a split file (`split`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Whole,
    /// Bytes `0..split`; the tail is absorbed before the file is finished.
    Head(SplitPlan),
    /// The prefix and bytes `split..`; the result is a `ParsedPart`.
    Tail(SplitPlan),
}

/// An ingest run over several files, advanced by `step`.
#[derive(Debug)]
pub struct IngestJob {
    files: Vec<SourceFile>,
    /// Per file: all of it, or a half of a split file.
    roles: Vec<Role>,
    /// Per file: its bytes so far, the rest to come through `supply_bytes` (split heads).
    streamed: Vec<bool>,
    options: IngestOptions,
    next_file: usize,
    current: Option<Box<FileJob>>,
    done: Vec<FileDone>,
    rows: u64,
    bytes_total: u64,
    bytes_done: u64,
    failed: Option<IngestError>,
    finished: bool,
    /// The finished tail's part, until taken.
    part: Option<ParsedPart>,
    /// The finished ingest, until taken.
    result: Option<Ingested>,
}

impl IngestJob {
    /// A job over `files` (read in order; each must be readable) with `options`.
    pub fn new(files: Vec<SourceFile>, options: IngestOptions) -> IngestJob {
        let bytes_total = files.iter().map(|f| f.bytes.len() as u64).sum();
        IngestJob {
            roles: vec![Role::Whole; files.len()],
            streamed: vec![false; files.len()],
            files,
            options,
            next_file: 0,
            current: None,
            done: Vec::new(),
            rows: 0,
            bytes_total,
            bytes_done: 0,
            failed: None,
            finished: false,
            part: None,
            result: None,
        }
    }

    /// The part of a finished tail job (once).
    pub fn take_part(&mut self) -> Option<ParsedPart> {
        self.part.take()
    }

    /// The result of a finished job (once).
    pub fn take_result(&mut self) -> Option<Ingested> {
        self.result.take()
    }

    /// Marks file `index` as the head of a split file: its bytes are `0..plan.split`, and
    /// the tail's `ParsedPart` is asked for (`Step::NeedPart`) once they are read.
    /// With `streamed`, the file's bytes are only the first chunk of `0..plan.split`; the
    /// job asks for the next ones (`Step::NeedBytes`) and parses while they are read.
    pub fn set_head(&mut self, index: usize, plan: SplitPlan, streamed: bool) {
        if let (Some(role), Some(file)) = (self.roles.get_mut(index), self.files.get(index)) {
            *role = Role::Head(plan);
            self.streamed[index] = streamed;
            self.bytes_total += plan.size.saturating_sub(file.bytes.len() as u64);
        }
    }

    /// The next chunk of the streamed file waiting in `Step::NeedBytes` (`last`: the final
    /// one). A chunk that does not continue the text as UTF-8 fails with `SplitFailed`.
    pub fn supply_bytes(&mut self, chunk: &[u8], last: bool) -> Result<(), IngestError> {
        let result = match self.current.as_mut() {
            Some(job) => job
                .source
                .append(chunk, last)
                .map_err(|why| split_failed(&job.name, &why)),
            None => Err(split_failed("", "no file is waiting for bytes")),
        };
        if let Err(e) = &result {
            self.failed = Some(e.clone());
            self.current = None;
        }
        result
    }

    /// A job reading the tail of a split file (`file.bytes` = the prefix, then bytes
    /// `plan.split..`); it ends with `Step::Part`. With `streamed`, `file.bytes` is only the
    /// first chunk of that and the rest comes through `supply_bytes`.
    pub fn new_tail(
        file: SourceFile,
        plan: SplitPlan,
        options: IngestOptions,
        streamed: bool,
    ) -> IngestJob {
        let mut job = IngestJob::new(vec![file], options);
        job.roles[0] = Role::Tail(plan);
        job.streamed[0] = streamed;
        job.bytes_total = plan.prefix_len + plan.size.saturating_sub(plan.split);
        job
    }

    /// Hands the head job waiting in `Step::NeedPart` its tail; `None` when the tail could
    /// not be read (then the file must be read whole: `SplitFailed`).
    pub fn supply_part(&mut self, part: Option<ParsedPart>) -> Result<(), IngestError> {
        let result = match (self.current.as_mut(), part) {
            (Some(job), Some(part)) if job.awaiting_part() => job.absorb(part),
            (Some(job), None) => Err(split_failed(&job.name, "the tail could not be read")),
            _ => Err(IngestError::new(IngestErrorKind::SplitFailed {
                file: String::new(),
                why: "no file is waiting for its tail".to_string(),
            })),
        };
        if let Err(e) = &result {
            self.failed = Some(e.clone());
            self.current = None;
        }
        result
    }

    /// Does a bounded amount of work: opens a file, parses up to `budget_rows` rows, or
    /// finishes a file — then returns where it is. After an error every call returns it.
    pub fn step(&mut self, budget_rows: usize) -> Result<Step, IngestError> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        let result = self.advance(budget_rows.max(1));
        if let Err(e) = &result {
            self.failed = Some(e.clone());
            self.current = None;
        }
        result
    }

    fn advance(&mut self, budget: usize) -> Result<Step, IngestError> {
        if self.finished {
            return Ok(Step::Done);
        }
        if self.files.is_empty() {
            return Err(IngestError::new(IngestErrorKind::NoFiles));
        }
        match self.current.take() {
            None if self.next_file < self.files.len() => {
                let i = self.next_file;
                self.next_file += 1;
                let name = self.files[i].name.clone();
                let bytes = std::mem::take(&mut self.files[i].bytes);
                let options = self.options.for_file(&name);
                let role = self.roles[i];
                let streamed = match role {
                    Role::Head(plan) if self.streamed[i] => Some(plan.split),
                    Role::Tail(plan) if self.streamed[i] => {
                        Some(plan.prefix_len + plan.size.saturating_sub(plan.split))
                    }
                    _ => None,
                };
                let job = FileJob::open(
                    name,
                    bytes,
                    &options,
                    self.options.date_order,
                    role,
                    streamed,
                )?;
                self.current = Some(Box::new(job));
                Ok(Step::Progress(self.progress(Stage::Decoding)))
            }
            None => {
                self.finished = true;
                self.result = Some(self.merge());
                Ok(Step::Done)
            }
            Some(mut job) if !job.parsed_all => {
                let exhausted = job.parse(budget, &mut self.rows)?;
                let waiting = exhausted && job.source.needs_more();
                job.parsed_all = exhausted && !waiting;
                self.current = Some(job);
                if waiting {
                    return Ok(Step::NeedBytes {
                        file_index: self.next_file - 1,
                    });
                }
                Ok(Step::Progress(self.progress(Stage::Parsing)))
            }
            Some(job) if job.awaiting_part() => {
                self.current = Some(job);
                Ok(Step::NeedPart {
                    file_index: self.next_file - 1,
                })
            }
            Some(job) => {
                let size = match job.role {
                    Role::Tail(plan) => {
                        self.finished = true;
                        self.part = Some(job.into_part(plan));
                        return Ok(Step::Part);
                    }
                    Role::Head(plan) => plan.size,
                    Role::Whole => job.size,
                };
                let done = job.finish()?;
                self.bytes_done += size;
                self.done.push(done);
                Ok(Step::Progress(self.progress(Stage::Cleaning)))
            }
        }
    }

    fn progress(&self, stage: Stage) -> Progress {
        let index = self.next_file.saturating_sub(1);
        let current = self
            .current
            .as_ref()
            .map_or(0, |j| (j.size as f64 * j.source.progress()).round() as u64);
        Progress {
            stage,
            file: self
                .files
                .get(index)
                .map_or_else(String::new, |f| f.name.clone()),
            file_index: index,
            files: self.files.len(),
            rows: self.rows,
            bytes_done: (self.bytes_done + current).min(self.bytes_total),
            bytes_total: self.bytes_total,
        }
    }

    /// Merges the files' lines and builds the report.
    fn merge(&mut self) -> Ingested {
        let done = std::mem::take(&mut self.done);
        let mut rejections = Rejections::default();
        let mut read = ReadTotals::default();
        let mut duplicates = 0;
        let mut marks: Vec<(&'static str, u64)> = Vec::new();
        let mut files = Vec::new();
        let mut reports = Vec::new();
        let mut region_header = None;
        let mut chinese_headers = false;
        let mut lines: Option<OrderLines> = None;
        for d in done {
            rejections.extend(d.rejections);
            read.lines += d.report.rows_used + d.duplicates;
            read.value_cents += d.value_cents;
            read.return_lines += d.return_lines;
            read.cancelled_order_lines += d.cancelled_lines;
            duplicates += d.duplicates;
            for (code, n) in d.currency_marks {
                match marks.iter_mut().find(|(c, _)| *c == code) {
                    Some(m) => m.1 += n,
                    None => marks.push((code, n)),
                }
            }
            if region_header.is_none() {
                region_header = d.region_header;
            }
            chinese_headers |= d.chinese_headers;
            match &mut lines {
                None => lines = Some(d.lines),
                Some(all) => all.append(&d.lines),
            }
            files.push(d.inspection);
            reports.push(d.report);
        }
        let mut lines = lines.unwrap_or_default();
        lines.finish();
        read.orders = lines.order_ids.len() as u64;
        read.customers = lines.customer_ids.len() as u64;
        let region = region_header.as_deref().and_then(|h| {
            lines
                .dimensions
                .iter()
                .find(|(d, _)| *d == crate::dataset::Dimension::Region)
                .map(|(_, col)| (h, col))
        });
        let currency = guess_currency(&marks, region, chinese_headers);
        let report = QualityReport {
            rows_read: reports.iter().map(|r| r.rows_read).sum(),
            rows_used: lines.len() as u64,
            rows_rejected: rejections.total(),
            rejected: rejections.into_groups(),
            duplicates_removed: duplicates,
            read,
            return_lines: lines.is_return.iter().filter(|&&r| r).count() as u64,
            missing_customer_lines: lines.customer.iter().filter(|&&c| c == NONE).count() as u64,
            date_min: lines.time.iter().min().map(|&t| format_timestamp(t)),
            date_max: lines.time.iter().max().map(|&t| format_timestamp(t)),
            currency,
            files: reports,
        };
        Ingested {
            lines,
            report,
            files,
        }
    }
}

/// A file opened for reading: its source of records and what was detected.
struct Opened {
    format: String,
    encoding: String,
    delimiter: Option<String>,
    sheets: Vec<String>,
    sheet: Option<String>,
    source: Source,
    /// Workbook: plain numbers in the date column are Excel serial days.
    excel: bool,
    /// Workbook: typed date cells per column.
    date_cells: Vec<u64>,
    /// Some bytes were replaced by U+FFFD while decoding.
    lossy: bool,
}

impl Opened {
    /// What the page shows of this file, with the given header, mapping and preview rows.
    fn inspection(
        &self,
        file: &str,
        headers: Vec<String>,
        mapping: Vec<ColumnAssignment>,
        missing: Vec<Field>,
        preview: Vec<Vec<String>>,
    ) -> FileInspection {
        FileInspection {
            file: file.to_string(),
            format: self.format.clone(),
            encoding: self.encoding.clone(),
            delimiter: self.delimiter.clone(),
            sheets: self.sheets.clone(),
            sheet: self.sheet.clone(),
            headers,
            mapping,
            missing,
            preview,
        }
    }
}

/// Opens a file; `delimiter` overrides the sniffed format (the tail of a split file).
fn open(
    name: &str,
    bytes: Vec<u8>,
    options: &FileOptions,
    preview_only: bool,
    delimiter: Option<u8>,
) -> Result<Opened, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::new(IngestErrorKind::Empty {
            file: name.to_string(),
        }));
    }
    let (bytes, suffix) = if is_gzip(&bytes) {
        (gunzip(name, &bytes)?, "+gzip")
    } else {
        (bytes, "")
    };
    if is_xlsx(&bytes) {
        let sheet = read_sheet(
            name,
            &bytes,
            options.sheet.as_deref(),
            preview_only.then_some(5),
        )?;
        return Ok(Opened {
            format: format!("xlsx{suffix}"),
            encoding: "binary (XLSX)".to_string(),
            delimiter: None,
            sheets: sheet.sheets,
            sheet: Some(sheet.sheet),
            source: Source::Table(TableSource::new(sheet.table)),
            excel: true,
            date_cells: sheet.date_cells,
            lossy: false,
        });
    }
    let decoded = decode_text(name, bytes)?;
    let encoding = decoded.encoding.name().to_string();
    let format = delimiter.map_or_else(|| sniff_text(&decoded.text), Format::Delimited);
    let (source, delimiter) = match format {
        Format::Delimited(d) => (
            Source::Csv(CsvSource::new(name, decoded.text, d)?),
            Some((d as char).to_string()),
        ),
        Format::Json | Format::JsonLines | Format::Xlsx => {
            let table = read_json(name, &decoded.text, format)?;
            if table.headers.is_empty() && table.len() == 0 {
                return Err(IngestError::new(IngestErrorKind::Empty {
                    file: name.to_string(),
                }));
            }
            (Source::Table(TableSource::new(table)), None)
        }
    };
    Ok(Opened {
        format: format!("{}{suffix}", format.name()),
        encoding,
        delimiter,
        sheets: Vec::new(),
        sheet: None,
        source,
        excel: false,
        date_cells: Vec::new(),
        lossy: decoded.lossy,
    })
}

/// The mapping to use (the user's, checked, or the automatic one) and the missing fields.
fn resolve_mapping(
    name: &str,
    headers: &[String],
    options: &FileOptions,
) -> Result<(Vec<ColumnAssignment>, Vec<Field>), IngestError> {
    let mapping = match &options.mapping {
        Some(m) => {
            if let Some(bad) = m.iter().find(|a| a.column >= headers.len()) {
                return Err(IngestError::new(IngestErrorKind::InvalidMapping {
                    file: name.to_string(),
                    field: bad.field,
                    column: bad.column,
                    columns: headers.len(),
                }));
            }
            m.clone()
        }
        None => ORDERS.map_columns(headers),
    };
    let missing = ORDERS.missing(&mapping);
    Ok((mapping, missing))
}

/// The cells of a record as text, its UTF-8 checked once for the whole record.
struct Cells<'a> {
    rec: &'a ByteRecord,
    text: &'a str,
}

impl<'a> Cells<'a> {
    /// `None` when the record is not UTF-8 — which cannot happen: every source fills its
    /// records from decoded text (`String` / `&str`), so validating each record again would
    /// only repeat the whole-file validation of `encoding::decode_text` (≈6 % of parsing).
    fn new(rec: &'a ByteRecord) -> Option<Cells<'a>> {
        let bytes = rec.as_slice();
        debug_assert!(std::str::from_utf8(bytes).is_ok());
        // SAFETY: records are cut from valid UTF-8 text. csv-core splits fields only at
        // ASCII bytes (delimiter, quote, CR, LF) and unescaping only drops ASCII quotes;
        // no byte of a multi-byte UTF-8 sequence is ASCII, so every field — and the
        // concatenation of the fields, `as_slice()` — is valid UTF-8. The XLSX and JSON
        // sources push `&str` cells.
        let text = unsafe { std::str::from_utf8_unchecked(bytes) };
        Some(Cells { rec, text })
    }

    /// Cell `i` ("" when absent).
    fn get(&self, i: usize) -> &'a str {
        self.rec
            .range(i)
            .and_then(|r| self.text.get(r))
            .unwrap_or("")
    }
}

/// An id cell: trimmed, and without Excel's `="…"` text guard (`="2024031512345"`), which
/// Chinese platforms write so long order numbers survive Excel.
fn id_cell(s: &str) -> &str {
    let t = trim(s);
    t.strip_prefix("=\"")
        .and_then(|r| r.strip_suffix('"'))
        .map_or(t, trim)
}

fn record_text(rec: &ByteRecord) -> String {
    let fields: Vec<String> = rec
        .iter()
        .map(|f| String::from_utf8_lossy(f).into_owned())
        .collect();
    fields.join(",")
}

/// Reads up to 5 records as text.
fn preview(source: &mut Source) -> Result<Vec<Vec<String>>, IngestError> {
    let mut rec = ByteRecord::new();
    let mut rows = Vec::new();
    while rows.len() < 5 {
        if source.next_record(&mut rec)?.is_none() {
            break;
        }
        rows.push(
            rec.iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect(),
        );
    }
    Ok(rows)
}

/// See `super::inspect`.
pub(crate) fn inspect(
    file: &SourceFile,
    options: &FileOptions,
) -> Result<FileInspection, IngestError> {
    let mut opened = open(&file.name, file.bytes.clone(), options, true, None)?;
    let headers = opened.source.headers().to_vec();
    let (mapping, missing) = resolve_mapping(&file.name, &headers, options)?;
    let rows = preview(&mut opened.source)?;
    Ok(opened.inspection(&file.name, headers, mapping, missing, rows))
}

/// A year-last date waiting for the column's day/month decision.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Pending {
    index: u32,
    line: u64,
    first: u8,
    second: u8,
    sep: u8,
    year: i32,
    secs_of_day: u32,
}

impl Pending {
    fn text(&self) -> String {
        let s = self.sep as char;
        format!("{}{s}{}{s}{}", self.first, self.second, self.year)
    }
}

/// What the date column looked like so far.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct DateColumn {
    /// The user's day/month order, if given.
    order: Option<DateOrder>,
    pending: Vec<Pending>,
    /// Year-last values whose first number is above 12 (so it is the day).
    day_first: u64,
    /// Year-last values whose second number is above 12.
    month_first: u64,
    /// A year-last value with `/` was seen (dots and dashes default to day first).
    slashed: bool,
    /// A few distinct year-last values, for the ambiguity message.
    examples: Vec<String>,
    /// How often each written form occurred.
    shapes: Vec<(DateShape, u64)>,
}

impl DateColumn {
    /// True when every pending date points at one of `n` lines.
    pub(crate) fn indices_below(&self, n: usize) -> bool {
        self.pending.iter().all(|p| (p.index as usize) < n)
    }

    fn note_shape(&mut self, shape: DateShape) {
        match self.shapes.iter_mut().find(|(s, _)| *s == shape) {
            Some(entry) => entry.1 += 1,
            None => self.shapes.push((shape, 1)),
        }
    }

    /// The day/month order of the year-last dates; `None` when they cannot decide it.
    fn decide(&self) -> Option<DateOrder> {
        if let Some(order) = self.order {
            return Some(order);
        }
        match (self.day_first, self.month_first) {
            (d, m) if d > m => Some(DateOrder::DayFirst),
            (d, m) if m > d => Some(DateOrder::MonthFirst),
            (0, 0) if !self.slashed => Some(DateOrder::DayFirst),
            _ => None,
        }
    }

    fn format(&self, order: Option<DateOrder>, excel_cells: bool) -> Option<DateFormat> {
        let top = self.shapes.iter().max_by_key(|(_, n)| *n).map(|(s, _)| *s);
        match top {
            Some(shape) if excel_cells && matches!(shape.date, DateStyle::YearFirst(b'-')) => {
                let cell = DateShape {
                    date: DateStyle::ExcelCell,
                    ..shape
                };
                Some(cell.format(None))
            }
            Some(shape) => Some(shape.format(order)),
            None => None,
        }
    }
}

/// Per-file tallies of money cells that named a currency.
fn add_mark(marks: &mut Vec<(&'static str, u64)>, code: &'static str) {
    match marks.iter_mut().find(|(c, _)| *c == code) {
        Some(m) => m.1 += 1,
        None => marks.push((code, 1)),
    }
}

/// One file being read.
#[derive(Debug)]
struct FileJob {
    name: String,
    size: u64,
    inspection: FileInspection,
    source: Source,
    plan: OrdersPlan,
    width: usize,
    fixed_width: bool,
    lossy: bool,
    excel: bool,
    excel_date_cells: bool,
    lines: OrderLines,
    /// Per mapped dimension: the line values (their strings are in `ids.dimensions`).
    dimensions: Vec<DimensionColumn>,
    ids: Ids,
    dedupe: Deduper,
    /// Per removed duplicate: the line index of the row it repeats, and its own line.
    duplicates: Vec<(u32, u64)>,
    dates: DateColumn,
    rejections: Rejections,
    rows_read: u64,
    currency_marks: Vec<(&'static str, u64)>,
    notes: Vec<Message>,
    rec: ByteRecord,
    parsed_all: bool,
    role: Role,
    /// Head: the tail has been absorbed.
    absorbed: bool,
    /// Head: the last record's last cell ended in a line break — the cut fell inside a
    /// quoted cell, and the tail did not start at a record.
    last_cell_newline: bool,
    /// Tail: per kept line, its fingerprint and line (`ParsedPart`).
    fingerprint: Vec<[u64; 2]>,
    kept_line: Vec<u64>,
}

pub(crate) fn split_failed(file: &str, why: &str) -> IngestError {
    IngestError::new(IngestErrorKind::SplitFailed {
        file: file.to_string(),
        why: why.to_string(),
    })
}

/// The id columns of a file while it is read (moved into `OrderLines` when it is done).
#[derive(Debug, Default)]
struct Ids {
    order: IdTable,
    customer: IdTable,
    product: IdTable,
    /// One per mapped dimension, in `OrdersPlan::dimensions` order.
    dimensions: Vec<IdTable>,
}

/// A finished file.
#[derive(Debug)]
struct FileDone {
    lines: OrderLines,
    report: FileReport,
    inspection: FileInspection,
    rejections: Rejections,
    duplicates: u64,
    /// Σ value, return lines and cancelled lines over used rows and duplicates.
    value_cents: i64,
    return_lines: u64,
    cancelled_lines: u64,
    currency_marks: Vec<(&'static str, u64)>,
    region_header: Option<String>,
    chinese_headers: bool,
}

impl FileJob {
    fn open(
        name: String,
        bytes: Vec<u8>,
        options: &FileOptions,
        date_order: Option<DateOrder>,
        role: Role,
        streamed: Option<u64>,
    ) -> Result<FileJob, IngestError> {
        let size = streamed.unwrap_or(bytes.len() as u64);
        let delimiter = match role {
            Role::Tail(plan) => Some(plan.delimiter),
            _ => None,
        };
        if let (Role::Head(plan) | Role::Tail(plan), Some(_)) = (role, streamed) {
            if (bytes.len() as u64) <= plan.prefix_len {
                return Err(split_failed(&name, "the first chunk must hold the header"));
            }
        }
        let mut bytes = bytes;
        let carry = streamed.map(|_| cut_partial_char(&mut bytes));
        let mut opened = open(&name, bytes, options, false, delimiter)?;
        if let (Some(total), Some(carry), Source::Csv(csv)) = (streamed, carry, &mut opened.source)
        {
            csv.expect_more(carry, total);
        }
        if role != Role::Whole {
            let utf8 = matches!(opened.encoding.as_str(), "UTF-8" | "UTF-8 (BOM)");
            if !utf8 || opened.lossy || !matches!(opened.source, Source::Csv(_)) {
                return Err(split_failed(
                    &name,
                    "a half is not plain UTF-8 delimited text",
                ));
            }
        }
        let headers = opened.source.headers().to_vec();
        let (mapping, missing) = resolve_mapping(&name, &headers, options)?;
        let plan = match OrdersPlan::new(&mapping) {
            Some(plan) if missing.is_empty() => plan,
            _ => {
                return Err(IngestError::new(IngestErrorKind::MissingColumns {
                    file: name,
                    missing,
                    headers: headers.iter().take(30).map(|h| cut_chars(h, 40)).collect(),
                }))
            }
        };
        let mut notes = Vec::new();
        if plan.quantity.is_none() {
            notes.push(Message::new("note.no_quantity"));
        }
        if plan.unit_price.is_some() && plan.line_amount.is_some() {
            notes.push(Message::new("note.amount_and_price"));
        }
        if opened.lossy {
            notes.push(Message::new("note.lossy_text"));
        }
        let excel_date_cells = opened
            .date_cells
            .get(plan.order_date)
            .is_some_and(|&n| n > 0);
        let inspection = opened.inspection(&name, headers, mapping, missing, Vec::new());
        let rows = opened.source.estimated_rows();
        let mut lines = OrderLines::default();
        lines.reserve(rows);
        let dimensions = plan
            .dimensions
            .iter()
            .map(|_| DimensionColumn {
                per_line: Vec::with_capacity(rows),
                ..Default::default()
            })
            .collect();
        let ids = Ids {
            dimensions: vec![IdTable::default(); plan.dimensions.len()],
            ..Ids::default()
        };
        Ok(FileJob {
            dedupe: Deduper::with_capacity(rows),
            lines,
            dimensions,
            ids,
            name,
            size,
            width: inspection.headers.len(),
            fixed_width: opened.source.fixed_width(),
            inspection,
            source: opened.source,
            plan,
            lossy: opened.lossy,
            excel: opened.excel,
            excel_date_cells,
            duplicates: Vec::new(),
            dates: DateColumn {
                order: date_order,
                ..DateColumn::default()
            },
            rejections: Rejections::default(),
            rows_read: 0,
            currency_marks: Vec::new(),
            notes,
            rec: ByteRecord::new(),
            parsed_all: false,
            role,
            absorbed: false,
            last_cell_newline: false,
            fingerprint: Vec::new(),
            kept_line: Vec::new(),
        })
    }

    fn awaiting_part(&self) -> bool {
        self.parsed_all && matches!(self.role, Role::Head(_)) && !self.absorbed
    }

    fn header(&self, col: usize) -> String {
        self.inspection
            .headers
            .get(col)
            .cloned()
            .unwrap_or_default()
    }

    fn reject(&mut self, reason: RejectReason, line: u64, col: Option<usize>, value: &str) {
        let file = &self.name;
        let headers = &self.inspection.headers;
        self.rejections.add(reason, line, || Rejection {
            file: file.clone(),
            line,
            column: col
                .and_then(|c| headers.get(c))
                .cloned()
                .unwrap_or_default(),
            value: cut_chars(value, 80),
            detail: None,
        });
    }

    /// Parses up to `budget` records; true when the file is exhausted.
    fn parse(&mut self, budget: usize, rows_total: &mut u64) -> Result<bool, IngestError> {
        for _ in 0..budget {
            let Some(info) = self.source.next_record(&mut self.rec)? else {
                return Ok(true);
            };
            self.rows_read += 1;
            *rows_total += 1;
            if let Role::Head(_) = self.role {
                let last = self.rec.len().checked_sub(1).and_then(|i| self.rec.get(i));
                self.last_cell_newline = last.is_some_and(|c| c.last() == Some(&b'\n'));
            }
            if self.inspection.preview.len() < 5 {
                let row = self
                    .rec
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).into_owned());
                self.inspection.preview.push(row.collect());
            }
            self.row(info);
        }
        Ok(false)
    }

    /// Reads one record: rejects it with its reason, drops it as a duplicate, or keeps it.
    fn row(&mut self, info: RowInfo) {
        let line = info.line;
        let rec = &self.rec;
        let cells = match Cells::new(rec) {
            Some(c) if !(info.malformed || self.lossy && c.text.contains('\u{fffd}')) => c,
            _ => {
                let text = record_text(rec);
                self.reject(RejectReason::Malformed, line, None, &text);
                return;
            }
        };
        if !self.fixed_width && rec.len() != self.width {
            let extra_empty = rec.len() > self.width
                && rec
                    .iter()
                    .skip(self.width)
                    .all(|f| f.trim_ascii().is_empty());
            if !extra_empty {
                let (found, expected) = (rec.len(), self.width);
                let file = &self.name;
                self.rejections
                    .add(RejectReason::WrongFieldCount, line, || Rejection {
                        file: file.clone(),
                        line,
                        column: String::new(),
                        value: cut_chars(&record_text(rec), 80),
                        detail: Some(FieldCount {
                            expected: expected as u64,
                            found: found as u64,
                        }),
                    });
                return;
            }
        }
        let plan = &self.plan;
        let order_id = id_cell(cells.get(plan.order_id));
        if order_id.is_empty() {
            self.reject(RejectReason::MissingOrderId, line, Some(plan.order_id), "");
            return;
        }
        let date_cell = trim(cells.get(plan.order_date));
        if date_cell.is_empty() {
            self.reject(RejectReason::MissingDate, line, Some(plan.order_date), "");
            return;
        }
        let Some(date) = parse_date(date_cell, self.excel) else {
            let (col, v) = (plan.order_date, date_cell.to_string());
            self.reject(RejectReason::InvalidDate, line, Some(col), &v);
            return;
        };
        let mut pending = None;
        let time = match date.value {
            DateValue::Exact(t) => t,
            DateValue::YearLast {
                first,
                second,
                year,
                secs_of_day,
            } => {
                if let Some(order) = self.dates.order {
                    match resolve_year_last(first, second, year, secs_of_day, order) {
                        Some(t) => t,
                        None => {
                            let (col, v) = (plan.order_date, date_cell.to_string());
                            self.reject(RejectReason::InvalidDate, line, Some(col), &v);
                            return;
                        }
                    }
                } else {
                    let sep = match date.shape.date {
                        DateStyle::YearLast(sep) => sep,
                        _ => b'/',
                    };
                    pending = Some(Pending {
                        index: 0,
                        line,
                        first,
                        second,
                        sep,
                        year,
                        secs_of_day,
                    });
                    0
                }
            }
        };
        let quantity = match plan.quantity {
            Some(c) => match parse_quantity(cells.get(c)) {
                Some(q) => q,
                None => {
                    let v = cells.get(c).to_string();
                    self.reject(RejectReason::InvalidQuantity, line, Some(c), &v);
                    return;
                }
            },
            None => 1.0,
        };
        let money_col = plan.line_amount.or(plan.unit_price).unwrap_or(0);
        let Some(money) = parse_money(cells.get(money_col)) else {
            let v = cells.get(money_col).to_string();
            self.reject(RejectReason::InvalidPrice, line, Some(money_col), &v);
            return;
        };
        let amount = if plan.line_amount.is_some() {
            // a line amount is what was paid; on a return line it counts against revenue
            if quantity < 0.0 && money.cents > 0 {
                -money.cents
            } else {
                money.cents
            }
        } else if quantity.fract() == 0.0 && quantity.abs() < 9.0e15 {
            match (quantity as i64).checked_mul(money.cents) {
                Some(a) => a,
                None => {
                    let v = cells.get(money_col).to_string();
                    self.reject(RejectReason::InvalidPrice, line, Some(money_col), &v);
                    return;
                }
            }
        } else {
            (quantity * money.cents as f64).round() as i64
        };
        if let Some(code) = money.currency {
            add_mark(&mut self.currency_marks, code);
        }
        // the row is usable; drop it if it repeats an earlier one
        let index = self.lines.len() as u32;
        let order = self.ids.order.intern(order_id);
        let hash = record_hash(rec);
        if let Some(orig) = self
            .dedupe
            .check(&self.source, rec, info.id, hash, order, index)
        {
            self.duplicates.push((orig, line));
            return;
        }
        if let Role::Tail(_) = self.role {
            self.fingerprint.push([hash, record_hash2(rec)]);
            self.kept_line.push(line);
        }
        self.dates.note_shape(date.shape);
        if let Some(mut p) = pending {
            p.index = index;
            if p.first > 12 {
                self.dates.day_first += 1;
            }
            if p.second > 12 {
                self.dates.month_first += 1;
            }
            self.dates.slashed |= p.sep == b'/';
            if self.dates.examples.len() < 3 {
                let text = date_cell.to_string();
                if !self.dates.examples.contains(&text) {
                    self.dates.examples.push(text);
                }
            }
            self.dates.pending.push(p);
        }
        let customer = Some(id_cell(cells.get(plan.customer_id))).filter(|c| !c.is_empty());
        let product_name = plan.product_name.map(|c| trim(cells.get(c))).unwrap_or("");
        let product = match plan.product_id {
            Some(c) => Some(id_cell(cells.get(c))).filter(|p| !p.is_empty()),
            None => Some(product_name).filter(|p| !p.is_empty()),
        };
        let status_return = plan.status.is_some_and(|c| is_return_status(cells.get(c)));
        let returned = is_return(quantity, is_cancelled_order_id(order_id), status_return);
        let lines = &mut self.lines;
        let ids = &mut self.ids;
        let customer = customer.map_or(NONE, |c| ids.customer.intern(c));
        let product = product.map_or(NONE, |p| {
            let i = ids.product.intern(p);
            match lines.product_names.get_mut(i as usize) {
                None => lines.product_names.push(product_name.into()),
                Some(name) if name.is_empty() && !product_name.is_empty() => {
                    *name = product_name.into()
                }
                Some(_) => {}
            }
            i
        });
        lines.push_indices(order, customer, time, product, quantity, amount, returned);
        for (k, &(_, c)) in plan.dimensions.iter().enumerate() {
            let value = trim(cells.get(c));
            let v = if value.is_empty() {
                NONE
            } else {
                ids.dimensions[k].intern(value)
            };
            self.dimensions[k].per_line.push(v);
        }
    }

    /// Decides the day/month order, applies late rejections, and totals the file.
    fn finish(mut self: Box<Self>) -> Result<FileDone, IngestError> {
        let ids = std::mem::take(&mut self.ids);
        self.lines.order_ids = ids.order.into_interner();
        self.lines.customer_ids = ids.customer.into_interner();
        self.lines.product_ids = ids.product.into_interner();
        let mut dimensions = std::mem::take(&mut self.dimensions);
        for (col, table) in dimensions.iter_mut().zip(ids.dimensions) {
            col.values = table.into_interner();
        }
        self.lines.dimensions = self
            .plan
            .dimensions
            .iter()
            .map(|&(d, _)| d)
            .zip(dimensions)
            .collect();
        let mut order_used = self.dates.order;
        if !self.dates.pending.is_empty() {
            let Some(order) = self.dates.decide() else {
                return Err(IngestError::new(IngestErrorKind::AmbiguousDateOrder {
                    file: self.name.clone(),
                    column: self.header(self.plan.order_date),
                    examples: self.dates.examples.clone(),
                }));
            };
            order_used = Some(order);
            self.resolve_dates(order);
        }
        if self.lines.is_empty() {
            return Err(self.no_usable_rows());
        }
        self.lines.finish();
        let lines = &self.lines;
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
        let chinese_headers = self.inspection.mapping.iter().any(|a| {
            headers
                .get(a.column)
                .is_some_and(|h| h.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
        });
        let region_header = self
            .inspection
            .mapping
            .iter()
            .find(|a| a.field == Field::Region)
            .map(|a| self.header(a.column));
        let report = FileReport {
            file: self.name.clone(),
            format: self.inspection.format.clone(),
            encoding: self.inspection.encoding.clone(),
            rows_read: self.rows_read,
            rows_used: self.lines.len() as u64,
            date_format: self.dates.format(order_used, self.excel_date_cells),
            notes: std::mem::take(&mut self.notes),
        };
        let this = *self;
        Ok(FileDone {
            report,
            duplicates: this.duplicates.len() as u64,
            value_cents,
            return_lines,
            cancelled_lines,
            currency_marks: this.currency_marks,
            region_header,
            chinese_headers,
            rejections: this.rejections,
            inspection: this.inspection,
            lines: this.lines,
        })
    }

    /// The tail job's result (`split`): lines with the tail's own ids and line numbers.
    fn into_part(mut self: Box<Self>, plan: SplitPlan) -> ParsedPart {
        let ids = std::mem::take(&mut self.ids);
        let part_ids = |t: IdTable| {
            let (arena, ends) = t.into_arena();
            PartIds { arena, ends }
        };
        let dimensions = ids
            .dimensions
            .into_iter()
            .zip(std::mem::take(&mut self.dimensions))
            .map(|(t, col)| (part_ids(t), col.per_line))
            .collect();
        let bom = if self.inspection.encoding == "UTF-8 (BOM)" {
            3
        } else {
            0
        };
        let prefix_lines = match &self.source {
            Source::Csv(csv) => csv.line_breaks_before(plan.prefix_len.saturating_sub(bom)),
            Source::Table(_) => 0,
        };
        let lines = std::mem::take(&mut self.lines);
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
            fingerprint: std::mem::take(&mut self.fingerprint),
            line: std::mem::take(&mut self.kept_line),
            duplicates: std::mem::take(&mut self.duplicates),
            dates: std::mem::take(&mut self.dates),
            rejections: std::mem::take(&mut self.rejections),
            currency_marks: self
                .currency_marks
                .iter()
                .map(|&(code, n)| (code.to_string(), n))
                .collect(),
        }
    }

    /// Appends the tail of a split file to this head, as if the rows had been read here:
    /// ids re-interned, line numbers moved down, tail rows that repeat a head row dropped as
    /// duplicates (by fingerprint, see `split`), date counts and rejections merged.
    fn absorb(&mut self, part: ParsedPart) -> Result<(), IngestError> {
        let Role::Head(plan) = self.role else {
            return Err(split_failed(&self.name, "this file was not split"));
        };
        let Source::Csv(csv) = &self.source else {
            return Err(split_failed(&self.name, "a half is not delimited text"));
        };
        let why = if self.last_cell_newline {
            Some("the cut fell inside a quoted cell")
        } else if part.plan != plan || csv.delimiter() != plan.delimiter {
            Some("the halves were cut or delimited differently")
        } else if part.headers != self.inspection.headers
            || part.encoding != self.inspection.encoding
            || part.dimensions.len() != self.dimensions.len()
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
        self.absorbed = true;
        self.rows_read += part.rows_read;
        let room = 5usize.saturating_sub(self.inspection.preview.len());
        self.inspection
            .preview
            .extend(part.preview.iter().take(room).cloned());
        let orders_before = self.ids.order.len();
        let order_map = intern_all(&mut self.ids.order, &part.order_ids);
        let customer_map = intern_all(&mut self.ids.customer, &part.customer_ids);
        let product_map = intern_all(&mut self.ids.product, &part.product_ids);
        for (p, name) in part.product_names.iter().enumerate() {
            let i = product_map[p] as usize;
            match self.lines.product_names.get_mut(i) {
                None => self.lines.product_names.push(name.clone()),
                Some(mine) if mine.is_empty() && !name.is_empty() => *mine = name.clone(),
                Some(_) => {}
            }
        }
        let dimension_maps: Vec<Vec<u32>> = part
            .dimensions
            .iter()
            .zip(&mut self.ids.dimensions)
            .map(|((values, _), table)| intern_all(table, values))
            .collect();
        // the tail's kept lines: appended, or dropped as a duplicate of a head line
        let remap = |map: &[u32], v: u32| if v == NONE { NONE } else { map[v as usize] };
        let head_lines = self.lines.len() as u32;
        self.lines.reserve(part.len());
        for col in &mut self.dimensions {
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
                    let cell = scratch.get(self.plan.order_date).unwrap_or(&[]);
                    let cell = trim(std::str::from_utf8(cell).unwrap_or(""));
                    if let Some(date) = parse_date(cell, false) {
                        dropped_shapes.push(date.shape);
                    }
                    continue;
                }
            }
            final_index.push(self.lines.len() as u32);
            self.lines.push_indices(
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
                self.dimensions[k].per_line.push(v);
            }
        }
        for &(orig, line) in &part.duplicates {
            duplicates.push((final_index[orig as usize], line + offset));
        }
        duplicates.sort_by_key(|&(_, line)| line);
        self.duplicates.extend(duplicates);
        self.absorb_dates(
            part.dates,
            &final_index,
            head_lines,
            offset,
            &dropped_shapes,
        );
        let mut rejections = part.rejections;
        rejections.offset_lines(offset);
        self.rejections.extend(rejections);
        for (code, n) in &part.currency_marks {
            if let Some(code) = currency_code(code) {
                match self.currency_marks.iter_mut().find(|(c, _)| *c == code) {
                    Some(m) => m.1 += n,
                    None => self.currency_marks.push((code, *n)),
                }
            }
        }
        Ok(())
    }

    /// Merges the tail's date column: its pending year-last dates (those of lines kept
    /// here) and their day/month evidence, its examples and its written forms, less the
    /// forms of the rows dropped as duplicates of head rows.
    fn absorb_dates(
        &mut self,
        tail: DateColumn,
        final_index: &[u32],
        head_lines: u32,
        offset: u64,
        dropped_shapes: &[DateShape],
    ) {
        let dates = &mut self.dates;
        for mut p in tail.pending {
            let index = final_index[p.index as usize];
            if index < head_lines {
                continue; // the row was a duplicate of a head row
            }
            p.index = index;
            p.line += offset;
            dates.day_first += u64::from(p.first > 12);
            dates.month_first += u64::from(p.second > 12);
            dates.slashed |= p.sep == b'/';
            dates.pending.push(p);
        }
        for text in tail.examples {
            if dates.examples.len() < 3 && !dates.examples.contains(&text) {
                dates.examples.push(text);
            }
        }
        for (shape, n) in tail.shapes {
            match dates.shapes.iter_mut().find(|(s, _)| *s == shape) {
                Some(entry) => entry.1 += n,
                None => dates.shapes.push((shape, n)),
            }
        }
        for shape in dropped_shapes {
            if let Some(entry) = dates.shapes.iter_mut().find(|(s, _)| s == shape) {
                entry.1 = entry.1.saturating_sub(1);
            }
        }
        dates.shapes.retain(|&(_, n)| n > 0);
    }

    /// Fills in the pending year-last dates under `order`; rows (and their duplicates) that
    /// give no valid date under it are rejected and removed.
    fn resolve_dates(&mut self, order: DateOrder) {
        let pending = std::mem::take(&mut self.dates.pending);
        let mut dropped: Vec<Option<Pending>> = Vec::new();
        for p in &pending {
            match resolve_year_last(p.first, p.second, p.year, p.secs_of_day, order) {
                Some(t) => self.lines.time[p.index as usize] = t,
                None => {
                    if dropped.is_empty() {
                        dropped = vec![None; self.lines.len()];
                    }
                    dropped[p.index as usize] = Some(*p);
                    let col = self.plan.order_date;
                    self.reject(RejectReason::InvalidDate, p.line, Some(col), &p.text());
                }
            }
        }
        if dropped.is_empty() {
            return;
        }
        let keep: Vec<bool> = dropped.iter().map(Option::is_none).collect();
        let (lines, new_index) = filter_lines(&self.lines, &keep);
        self.lines = lines;
        let duplicates = std::mem::take(&mut self.duplicates);
        for (orig, line) in duplicates {
            match dropped[orig as usize] {
                None => self.duplicates.push((new_index[orig as usize], line)),
                Some(p) => {
                    let col = self.plan.order_date;
                    self.reject(RejectReason::InvalidDate, line, Some(col), &p.text());
                }
            }
        }
    }

    fn no_usable_rows(&self) -> IngestError {
        let why = match self.rejections.top() {
            None => NoRows::None {
                header_line: self.source.header_line(),
            },
            Some((reason, count, first)) => NoRows::AllRejected {
                rows: self.rows_read,
                count,
                reason,
                first: first.cloned(),
            },
        };
        IngestError::new(IngestErrorKind::NoUsableRows {
            file: self.name.clone(),
            why,
        })
    }
}

/// The index in `table` of every string of `ids`, appending the new ones; the table takes
/// no more strings after this (a tail is the last thing a file job reads).
fn intern_all(table: &mut IdTable, ids: &PartIds) -> Vec<u32> {
    table.extend_final(ids.names())
}

/// The lines where `keep` is true, re-interned, and each old index's new index.
fn filter_lines(lines: &OrderLines, keep: &[bool]) -> (OrderLines, Vec<u32>) {
    let mut out = OrderLines::default();
    let mut new_index = vec![NONE; lines.len()];
    for i in (0..lines.len()).filter(|&i| keep[i]) {
        new_index[i] = out.len() as u32;
        out.push_line_of(lines, i);
    }
    (out, new_index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> SourceFile {
        SourceFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn steps_report_each_stage_and_bounded_progress() {
        let mut text = String::from("order_id,customer_id,order_date,quantity,unit_price\n");
        for i in 0..25 {
            text.push_str(&format!(
                "A{i},c{},2024-01-{:02} 10:00:00,1,2.50\n",
                i % 3,
                i + 1
            ));
        }
        let mut job = IngestJob::new(vec![file("o.csv", &text)], IngestOptions::default());
        let mut stages = Vec::new();
        let done = loop {
            match job.step(10).expect("steps") {
                Step::Progress(p) => {
                    assert!(p.bytes_done <= p.bytes_total);
                    stages.push((p.stage, p.rows));
                }
                Step::Done => break job.take_result().expect("a result"),
                other => panic!("a whole file needs no part: {other:?}"),
            }
        };
        assert_eq!(
            stages,
            vec![
                (Stage::Decoding, 0),
                (Stage::Parsing, 10),
                (Stage::Parsing, 20),
                (Stage::Parsing, 25),
                (Stage::Cleaning, 25),
            ]
        );
        assert_eq!(done.report.rows_used, 25);
        assert_eq!(done.files[0].preview.len(), 5);
        assert_eq!(job.step(10).expect("after done"), Step::Done);
        assert!(job.take_result().is_none(), "the result is taken once");
    }

    #[test]
    fn no_files_is_an_error() {
        let mut job = IngestJob::new(Vec::new(), IngestOptions::default());
        assert_eq!(job.step(10).expect_err("fails").code(), "ingest.no_files");
    }

    #[test]
    fn progress_serialises_with_snake_case_stage() {
        let p = Progress {
            stage: Stage::Parsing,
            file: "a.csv".into(),
            file_index: 0,
            files: 1,
            rows: 5,
            bytes_done: 10,
            bytes_total: 20,
        };
        let json = serde_json::to_string(&p).expect("serialises");
        assert!(json.contains(r#""stage":"parsing""#), "{json}");
    }

    #[test]
    fn id_cells_lose_the_excel_text_guard() {
        assert_eq!(id_cell(" =\"2024031512345\" "), "2024031512345");
        assert_eq!(id_cell(" 17850 "), "17850");
    }

    #[test]
    fn filtering_lines_reinterns_the_kept_ones() {
        let mut t = OrderLines::default();
        t.push("o1", Some("c1"), 1, Some("p1"), 1.0, 100, false);
        t.set_product_name(0, "Tea");
        t.set_dimension(crate::dataset::Dimension::Channel, "app");
        t.push("o2", Some("c2"), 2, None, 1.0, 200, false);
        t.push("o3", Some("c1"), 3, Some("p1"), 1.0, 300, false);
        t.finish();
        let (f, idx) = filter_lines(&t, &[true, false, true]);
        assert_eq!(idx, vec![0, NONE, 1]);
        assert_eq!(f.order_ids.len(), 2);
        assert_eq!(f.customer_ids.len(), 1);
        assert_eq!(f.product_names[0].as_ref(), "Tea");
        assert_eq!(f.amount_cents, vec![100, 300]);
    }
}
