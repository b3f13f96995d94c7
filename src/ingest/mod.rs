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

pub mod baskets;
mod cells;
mod clean;
pub mod columns;
mod csv_source;
mod dates;
pub mod encoding;
mod error;
mod files;
mod ids;
mod job;
mod json_source;
mod left_out;
mod open;
pub mod orders;
mod passed;
pub mod platforms;
pub mod proposals;
mod record;
pub mod report;
mod rows;
pub mod schema;
pub mod side;
pub mod sniff;
mod source;
pub mod split;
pub mod status;
pub mod tables;
mod tally;
#[cfg(test)]
mod tests;
pub mod values;
mod xlsx_source;

pub use columns::{ColumnAssignment, Field};
pub use error::{BinaryKind, IngestError, IngestErrorKind, NoRows, TableProblem};
pub use files::{FileInspection, FileOptions, IngestOptions, IngestReport, Ingested, SourceFile};
pub use job::{IngestJob, Progress, Stage, Step};
pub use platforms::{Grain, PlatformChoice, PlatformMatch, Profile};
pub use report::{
    CurrencyGuess, FieldCount, FileReport, LeftOutGroup, LeftOutValue, QualityReport, ReadTotals,
    RejectReason, Rejection, RejectionGroup,
};
pub use schema::{FieldSpec, Requirement, Schema, TableKind, ValueKind};
pub use split::{
    plan_split, ParsedPart, SplitHead, SplitPlan, SplitTail, SPLIT_MIN_BYTES, SPLIT_WINDOW_BYTES,
};
pub use status::{LeftOutReason, StatusMeaning};
pub use values::{DateFormat, DateOrder};

/// Detects format, encoding, headers and the proposed mapping of one file, reading only
/// what it needs (the header and a few rows; an XLSX file's chosen sheet).
pub fn inspect(file: &SourceFile, options: &FileOptions) -> Result<FileInspection, IngestError> {
    open::inspect(file, options)
}

/// Ingests every file in one go (the CLI and tests); the worker drives `IngestJob` instead.
pub fn ingest_all(files: Vec<SourceFile>, options: IngestOptions) -> Result<Ingested, IngestError> {
    let mut job = IngestJob::new(files, options);
    loop {
        match job.step(usize::MAX)? {
            Step::Done => {
                return job
                    .take_result()
                    .ok_or_else(|| rows::split_failed("", "the result was taken"))
            }
            Step::Progress(_) => {}
            // a job over whole files never asks for a part or bytes, nor makes a part
            Step::NeedPart { file_index } | Step::NeedBytes { file_index } => {
                return Err(rows::split_failed(
                    &format!("file {file_index}"),
                    "not split",
                ));
            }
            Step::Part => return Err(rows::split_failed("", "not split")),
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
