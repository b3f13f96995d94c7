//! What the session answers, as plain serde data (the JS API and the CLI's JSON).

use crate::analysis::cache::Model;
use crate::analysis::{Context, Entry, Work};
use crate::dataset::DataFacts;
use crate::error::Error;
use crate::ingest::{CurrencyGuess, FileInspection, RejectReason};
use crate::table::{CsvSheet, XlsxSheet};
use serde::{Deserialize, Serialize};

/// What a finished ingest reports back: enough for the page's first screen.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct IngestSummary {
    /// Per file: format, encoding, mapping used.
    pub files: Vec<FileInspection>,
    /// Rows read, used and rejected (the quality view has the details).
    pub rows: RowCounts,
    /// The currency the amounts are most likely in (every view formats money with it).
    pub currency: CurrencyGuess,
    /// The loaded data in numbers, and the values the global filter can choose from.
    pub facts: DataFacts,
}

/// Row counts of an ingest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RowCounts {
    /// Data rows read.
    pub read: u64,
    /// Rows used.
    pub used: u64,
    /// Rows rejected.
    pub rejected: u64,
    /// The reason most rows were rejected for, when any were.
    pub top_rejection: Option<RejectReason>,
    /// Rows left out on purpose (a status that is not a sale).
    pub left_out: u64,
}

/// One step of `run`: still fitting, or the output. On the wire
/// `{state: "working", done, total, waiting}` or `{state: "done", output}`.
pub enum Run {
    /// A stepped fit is under way: `step_run` again.
    Working(Work),
    /// The analysis's output.
    Done(Box<dyn erased_serde::Serialize>),
}

impl Serialize for Run {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        match self {
            Run::Working(work) => {
                map.serialize_entry("state", "working")?;
                map.serialize_entry("done", &work.done)?;
                map.serialize_entry("total", &work.total)?;
                map.serialize_entry("waiting", &work.waiting)?;
            }
            Run::Done(output) => {
                map.serialize_entry("state", "done")?;
                map.serialize_entry("output", output)?;
            }
        }
        map.end()
    }
}

/// What to export (the page's "Export JSON" buttons, the CLI's `--json`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default, deny_unknown_fields)]
pub struct ExportRequest {
    /// One analysis (its section of the report), or none for the whole report.
    pub analysis: Option<String>,
    /// Its parameters (missing fields take their defaults).
    #[ts(type = "Record<string, unknown> | null")]
    pub params: serde_json::Value,
    /// `json` (the default: the report, or the analysis's section) or `csv` (the analysis's
    /// table, where it has one: `Analysis::csv`).
    pub format: ExportFormat,
}

/// What an export is written as.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Pretty JSON.
    #[default]
    Json,
    /// A CSV table (cells that a spreadsheet would run as a formula are quoted as text).
    Csv,
    /// The same table as an XLSX workbook (numbers as numbers): bytes, so `export_file`.
    Xlsx,
}

/// What an export produced: text (JSON, CSV) or a workbook's bytes.
pub(crate) enum Exported {
    Text(String),
    Bytes(Vec<u8>),
}

impl Exported {
    pub(crate) fn into_bytes(self) -> Vec<u8> {
        match self {
            Exported::Text(t) => t.into_bytes(),
            Exported::Bytes(b) => b,
        }
    }
}

/// The table of `entry`'s `model` as `format` (CSV or XLSX; the sheet is named after the
/// analysis).
pub(crate) fn table_export(
    format: ExportFormat,
    entry: &dyn Entry,
    model: &Model,
    cx: &Context<'_>,
) -> Result<Exported, Error> {
    let none = || Error::invalid("export", format!("{} has no table", entry.kind()));
    match format {
        ExportFormat::Json => Err(Error::invalid("export", "JSON is not a table")),
        ExportFormat::Csv => {
            let mut sheet = CsvSheet::default();
            if !entry.sheet(model, cx, &mut sheet)? {
                return Err(none());
            }
            Ok(Exported::Text(sheet.finish()))
        }
        ExportFormat::Xlsx => {
            let mut sheet = XlsxSheet::new(entry.kind());
            if !entry.sheet(model, cx, &mut sheet)? {
                return Err(none());
            }
            sheet.finish().map(Exported::Bytes)
        }
    }
}
