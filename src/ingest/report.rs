//! The data-quality report: what was read, what was used, and every reason a row was not.
//! Field names are the JS API and the CLI's JSON (renaming one is a breaking change).

use serde::{Deserialize, Serialize};

/// Why a row was not used. Each has a stable code (`snake_case` in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// The row has a different number of fields than the header.
    WrongFieldCount,
    /// The order id cell is empty.
    MissingOrderId,
    /// The order date cell is empty.
    MissingDate,
    /// The order date could not be read as a date.
    InvalidDate,
    /// The quantity is empty or not a number.
    InvalidQuantity,
    /// The unit price / line amount is empty or not a number.
    InvalidPrice,
    /// The row is not valid UTF-8 text after decoding, or not a JSON object.
    Malformed,
}

impl RejectReason {
    /// Every reason, in report order.
    pub const ALL: [RejectReason; 7] = [
        RejectReason::WrongFieldCount,
        RejectReason::MissingOrderId,
        RejectReason::MissingDate,
        RejectReason::InvalidDate,
        RejectReason::InvalidQuantity,
        RejectReason::InvalidPrice,
        RejectReason::Malformed,
    ];

    /// One English sentence for the CLI (the page translates by code).
    pub fn describe(self) -> &'static str {
        match self {
            RejectReason::WrongFieldCount => "row has a different number of fields than the header",
            RejectReason::MissingOrderId => "order id is empty",
            RejectReason::MissingDate => "order date is empty",
            RejectReason::InvalidDate => "order date is not a date",
            RejectReason::InvalidQuantity => "quantity is not a number",
            RejectReason::InvalidPrice => "price or amount is not a number",
            RejectReason::Malformed => "row is malformed",
        }
    }
}

/// Where one rejected row was, and the offending value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rejection {
    /// File name.
    pub file: String,
    /// 1-based line number in the file (XLSX: the sheet row; JSON lines: the line).
    pub line: u64,
    /// Header of the offending column (empty when the whole row is at fault).
    pub column: String,
    /// The offending value, cut to 80 characters.
    pub value: String,
    /// For `wrong_field_count`: "expected 8 fields, found 5"; else empty.
    pub detail: String,
}

/// All rows rejected for one reason: the count and the first five examples.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RejectionGroup {
    /// Reason code.
    pub reason: RejectReason,
    /// English description (for the CLI and as a fallback).
    pub message: String,
    /// Rows rejected for this reason.
    pub count: u64,
    /// The first five, in input order.
    pub examples: Vec<Rejection>,
}

/// Per-file facts shown in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    /// File name.
    pub file: String,
    /// Format ("csv", "tsv", "xlsx", "json", "jsonl", maybe "+gzip").
    pub format: String,
    /// Detected encoding.
    pub encoding: String,
    /// Data rows read (header excluded).
    pub rows_read: u64,
    /// Rows kept after rejection and de-duplication.
    pub rows_used: u64,
    /// How dates were read, e.g. "YYYY-MM-DD hh:mm:ss" or "D/M/YYYY hh:mm (day first)".
    pub date_format: String,
}

/// The currency the amounts are most likely in, and why we think so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurrencyGuess {
    /// ISO 4217 code ("CNY", "GBP", "USD", "EUR", …), or "" when unknown.
    pub code: String,
    /// Symbol to show ("¥", "£", "$", "€"), or "" when unknown.
    pub symbol: String,
    /// Why: "symbol ¥ in 1,204 values", "country column: 91% United Kingdom", "Chinese headers", …
    pub basis: String,
}

/// Totals over the rows as read (every parsed row, before duplicates are removed).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReadTotals {
    /// Parsed rows (= rows read − rows rejected).
    pub lines: u64,
    /// Σ line value (quantity × unit price, or line amount) in minor units.
    pub value_cents: i64,
    /// Lines with a negative quantity or a cancelled order id.
    pub return_lines: u64,
    /// Lines whose order id marks a cancellation (Online Retail's `C` prefix).
    pub cancelled_order_lines: u64,
    /// Distinct order ids.
    pub orders: u64,
    /// Distinct customer ids.
    pub customers: u64,
}

/// The data-quality report of one ingest run (all files together).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QualityReport {
    /// Per file.
    pub files: Vec<FileReport>,
    /// Data rows read over all files.
    pub rows_read: u64,
    /// Rows used by the analyses (after rejections and duplicate removal).
    pub rows_used: u64,
    /// Rows rejected (sum of `rejected[].count`).
    pub rows_rejected: u64,
    /// Rejections by reason, in `RejectReason::ALL` order, only reasons that occurred.
    pub rejected: Vec<RejectionGroup>,
    /// Exact duplicate rows removed (every cell equal to an earlier row of the same file).
    pub duplicates_removed: u64,
    /// Totals of the parsed rows before duplicate removal.
    pub read: ReadTotals,
    /// Used lines that are returns or cancellations.
    pub return_lines: u64,
    /// Used lines with no customer id (in shop totals, not in customer analytics).
    pub missing_customer_lines: u64,
    /// Earliest order time used, ISO `YYYY-MM-DDThh:mm:ss`.
    pub date_min: Option<String>,
    /// Latest order time used.
    pub date_max: Option<String>,
    /// Currency guess.
    pub currency: CurrencyGuess,
}
