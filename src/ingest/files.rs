//! What goes into ingest and what comes out of it: the files, the user's options, what is
//! detected of each file, and the ingested lines with their report. Its own module so the
//! job and the split halves can share them without importing `ingest` itself.

use super::columns::{ColumnAssignment, Field};
use super::platforms::PlatformMatch;
use super::proposals::Proposal;
use super::report::{QualityReport, RejectedRow};
use super::schema::TableKind;
use super::side::Tables;
use super::values::DateOrder;
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
    /// The platform export to read the file as (a profile id such as `shopify.orders`), or
    /// `none` for no platform; unset: recognised from the header.
    pub platform: Option<String>,
    /// The table the file holds (orders, customers, events, products); unset: recognised
    /// from the header (`TableKind::of_headers`).
    pub table: Option<TableKind>,
}

/// Options of one ingest run. Defaults live here, once (Ruffle: TS forwards only what is set).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[serde(default)]
pub struct IngestOptions {
    /// Per-file overrides.
    pub files: Vec<FileOptions>,
    /// Day/month order for slashed dates like `3/4/2024`, when the data cannot decide it.
    pub date_order: Option<DateOrder>,
    /// Exchange rates to the main currency, by ISO code (1 SGD = `rates["SGD"]` of the main
    /// one): lines in a second currency are converted with them, else left out.
    #[ts(type = "Record<string, number>")]
    pub rates: std::collections::BTreeMap<String, f64>,
    /// The currency of lines that do not name one, when the user knows better than the
    /// guess (a UK shop whose country column is not mapped is not in yuan).
    pub currency: Option<String>,
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
    /// Up to 5 data rows as text, for the mapping review (emptied in an export: they hold
    /// columns that were not mapped, names and phones among them — `report::to_json`).
    pub preview: Vec<Vec<String>>,
    /// The platform export the file is read as, when one was recognised or chosen.
    pub platform: Option<PlatformMatch>,
    /// Columns whose values look like the required fields the header did not name.
    pub proposals: Vec<Proposal>,
    /// The table the file is read as.
    pub table: TableKind,
}

/// What ingest tells about the files, kept beside the data: the analyses read it (`quality`)
/// and the report starts with it.
#[derive(Debug, Clone)]
pub struct IngestReport {
    /// Per file: format, encoding and the mapping that was used.
    pub files: Vec<FileInspection>,
    /// What was read, used and rejected.
    pub quality: QualityReport,
    /// Every rejected row (up to `report::ROWS_KEPT`), for the downloadable list.
    pub rejected_rows: Vec<RejectedRow>,
    /// The customers, events and products read beside the orders.
    pub tables: Tables,
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
    /// Every rejected row (up to `report::ROWS_KEPT`).
    pub rejected_rows: Vec<RejectedRow>,
    /// The customers, events and products read beside the orders.
    pub tables: Tables,
}
