//! Ingest: bytes of shop exports in, a cleaned `OrderLines` table and a `QualityReport` out.
//!
//! Pipeline per file: `encoding` (gzip, BOM, UTF-8 / GB18030 / UTF-16 detection) →
//! `sniff` (XLSX / JSON / JSON lines / delimited, delimiter) → a record source (`csv_source`,
//! `xlsx_source`, `json_source`, behind `source`) → `columns` (header → data-contract field)
//! → `values` (dates, numbers, money) → `clean` (duplicates, returns, missing ids) →
//! `report`. `job` drives it; `ids` interns the id columns while rows are read.
//!
//! **Never fails per row**: a row that cannot be used is counted in the report with its
//! reason and location (rust-analyzer's `(T, Vec<Error>)`). A whole file fails only when it
//! cannot be read as a table at all (empty, binary, no recognisable required column, dates
//! whose day/month order cannot be decided) — and then the error names file, line, column.
//! Several files are all-or-nothing: one unreadable file fails the run, by name.
//!
//! Rules worth knowing (each has a test in `tests.rs` or beside its code):
//! - A line's value is `quantity × round(100 · unit_price)` in minor units, or
//!   `round(100 · line_amount)` when the file has a line amount — also when it has a unit
//!   price too, because the amount is what was paid. A line amount with a negative quantity
//!   counts negative. With no quantity column, each line counts as quantity 1.
//! - Returns: negative quantity, an order id marking a cancellation (`C` + digit, as in UCI
//!   Online Retail), or a status such as 已取消 / 退款 / refunded.
//! - Exact duplicates (every cell equal to an earlier row of the same file) are dropped
//!   from the lines but stay in the `read` totals.
//! - `3/4/2024`-style dates: day or month first is decided over the whole column; when no
//!   value decides it the file fails (`AmbiguousDateOrder`) unless `date_order` is given.
//! - Times are wall clock: a zone suffix is dropped, not applied.
//!
//! Long inputs are processed by `IngestJob::step(budget)` so the caller (the Web Worker)
//! can report progress and accept a cancel between steps.

mod clean;
pub mod columns;
mod csv_source;
pub mod encoding;
mod error;
mod ids;
mod job;
mod json_source;
pub mod orders;
pub mod report;
pub mod schema;
pub mod sniff;
mod source;
pub mod split;
#[cfg(test)]
mod tests;
pub mod values;
mod xlsx_source;

pub use columns::{ColumnAssignment, Field};
pub use error::{BinaryKind, IngestError, IngestErrorKind, NoRows, TableProblem};
pub use job::{IngestJob, Progress, Stage, Step};
pub use report::{
    CurrencyGuess, FieldCount, FileReport, QualityReport, ReadTotals, RejectReason, Rejection,
    RejectionGroup,
};
pub use schema::{FieldSpec, Requirement, Schema, TableKind, ValueKind};
pub use split::{
    plan_split, ParsedPart, SplitHead, SplitPlan, SplitTail, SPLIT_MIN_BYTES, SPLIT_WINDOW_BYTES,
};
pub use values::{DateFormat, DateOrder};

use crate::dataset::OrderLines;
use serde::{Deserialize, Serialize};

/// One input file: its name (used in every message) and its bytes.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// File name as the user sees it.
    pub name: String,
    /// Raw bytes, any supported format and encoding (gzip allowed).
    pub bytes: Vec<u8>,
}

/// Per-file choices the user can override in the page or on the command line.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[serde(default)]
pub struct FileOptions {
    /// The file these options are for (matched by name).
    pub file: String,
    /// XLSX: the sheet to read (default: the first).
    pub sheet: Option<String>,
    /// Column assignments replacing the automatic mapping (all of them, when given).
    pub mapping: Option<Vec<ColumnAssignment>>,
}

/// Options of one ingest run. Defaults live here, once (Ruffle: TS forwards only what is set).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[serde(default)]
pub struct IngestOptions {
    /// Per-file overrides.
    pub files: Vec<FileOptions>,
    /// Day/month order for slashed dates like `3/4/2024`, when the data cannot decide it.
    pub date_order: Option<DateOrder>,
}

impl IngestOptions {
    /// The options for `file` (defaults when none were given).
    pub fn for_file(&self, file: &str) -> FileOptions {
        self.files
            .iter()
            .find(|f| f.file == file)
            .cloned()
            .unwrap_or_else(|| FileOptions {
                file: file.to_string(),
                ..FileOptions::default()
            })
    }
}

/// What the page shows before ingest: detected format, encoding, headers, the proposed
/// column mapping and a preview. Field names are the JS API.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
pub struct FileInspection {
    /// File name.
    pub file: String,
    /// "csv", "tsv", "xlsx", "json" or "jsonl" (plus "+gzip" when it was compressed).
    pub format: String,
    /// Detected text encoding ("UTF-8", "UTF-8 (BOM)", "GB18030", "UTF-16LE", "UTF-16BE"),
    /// or "binary (XLSX)".
    pub encoding: String,
    /// Field delimiter of a delimited file.
    pub delimiter: Option<String>,
    /// XLSX: every sheet name; the one read is `sheet`.
    pub sheets: Vec<String>,
    /// XLSX: the sheet read.
    pub sheet: Option<String>,
    /// Header cells, in column order.
    pub headers: Vec<String>,
    /// The column chosen for each data-contract field (automatic or the user's override).
    pub mapping: Vec<ColumnAssignment>,
    /// Required fields with no column (ingest refuses the file until they are mapped).
    pub missing: Vec<Field>,
    /// Up to 5 data rows as text, for the mapping review.
    pub preview: Vec<Vec<String>>,
}

/// What ingest tells about the files, kept beside the data: the analyses read it (`quality`)
/// and the report starts with it.
#[derive(Debug, Clone, PartialEq)]
pub struct IngestReport {
    /// Per file: format, encoding and the mapping that was used.
    pub files: Vec<FileInspection>,
    /// What was read, used and rejected.
    pub quality: QualityReport,
}

/// Everything ingest produces.
#[derive(Debug, Clone)]
pub struct Ingested {
    /// The cleaned lines of all files, in input order.
    pub lines: OrderLines,
    /// What was read, used and rejected.
    pub report: QualityReport,
    /// Per file: format, encoding and the mapping that was used.
    pub files: Vec<FileInspection>,
}

/// Detects format, encoding, headers and the proposed mapping of one file, reading only
/// what it needs (the header and a few rows; an XLSX file's chosen sheet).
pub fn inspect(file: &SourceFile, options: &FileOptions) -> Result<FileInspection, IngestError> {
    job::inspect(file, options)
}

/// Ingests every file in one go (the CLI and tests); the worker drives `IngestJob` instead.
pub fn ingest_all(files: Vec<SourceFile>, options: IngestOptions) -> Result<Ingested, IngestError> {
    let mut job = IngestJob::new(files, options);
    loop {
        match job.step(usize::MAX)? {
            Step::Done => {
                return job
                    .take_result()
                    .ok_or_else(|| job::split_failed("", "the result was taken"))
            }
            Step::Progress(_) => {}
            // a job over whole files never asks for a part or bytes, nor makes a part
            Step::NeedPart { file_index } | Step::NeedBytes { file_index } => {
                return Err(job::split_failed(
                    &format!("file {file_index}"),
                    "not split",
                ));
            }
            Step::Part => return Err(job::split_failed("", "not split")),
        }
    }
}

/// Where to cut `file` for two workers (`split`), when it is worth it.
pub fn plan_file(file: &SourceFile) -> Option<SplitPlan> {
    let bytes = &file.bytes;
    let size = bytes.len() as u64;
    let start = SplitPlan::window_start(size) as usize;
    let head = &bytes[..bytes.len().min(split::SPLIT_WINDOW_BYTES)];
    let window = &bytes[start.min(bytes.len())..bytes.len().min(start + split::SPLIT_WINDOW_BYTES)];
    plan_split(head, window, start as u64, size)
}

/// Reads the tail of split file `bytes` (the whole file) to its `ParsedPart` (`None` when
/// it cannot be read: the file is then read whole).
pub fn read_tail(
    name: &str,
    bytes: &[u8],
    plan: SplitPlan,
    options: IngestOptions,
) -> Option<ParsedPart> {
    let file = tail_file(name, bytes, plan)?;
    parse_tail(file, plan, options)
}

/// What the tail job of split file `bytes` reads: its prefix, then bytes `plan.split..`.
pub fn tail_file(name: &str, bytes: &[u8], plan: SplitPlan) -> Option<SourceFile> {
    let prefix = bytes.get(..plan.prefix_len as usize)?;
    let tail = bytes.get(plan.split as usize..)?;
    Some(SourceFile {
        name: name.to_string(),
        bytes: split::tail_bytes(prefix, tail),
    })
}

/// Parses a tail job's input (`tail_file`) to its `ParsedPart`.
pub fn parse_tail(file: SourceFile, plan: SplitPlan, options: IngestOptions) -> Option<ParsedPart> {
    let mut job = IngestJob::new_tail(file, plan, options, false);
    loop {
        match job.step(usize::MAX).ok()? {
            Step::Part => return job.take_part(),
            Step::Progress(_) => {}
            Step::NeedPart { .. } | Step::NeedBytes { .. } | Step::Done => return None,
        }
    }
}
