//! The errors that make a whole file unreadable.
//!
//! A bad *row* is never an error (it becomes a `Rejection` in the report); an `IngestError`
//! means the file cannot be read as a table at all. Like rust-csv's `Error`, the type is an
//! opaque box around a `#[non_exhaustive]` kind, and every message names the file and,
//! when it applies, the line and the column, so the user knows where to look.

use super::columns::Field;
use super::report::{RejectReason, Rejection};
use crate::message::{english, Message};

/// An error that stops ingest. Boxed so `Result<_, IngestError>` stays one word wide.
#[derive(Debug, Clone, PartialEq)]
pub struct IngestError(Box<IngestErrorKind>);

/// What binary data looks like (`IngestErrorKind::Binary`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BinaryKind {
    /// A known file type, by the message code that names it (`binary.png`, …).
    Known(&'static str),
    /// A NUL byte at this byte offset.
    Nul(usize),
    /// Mostly control bytes.
    Controls,
    /// A gzip stream that cannot be decompressed (the decoder's words).
    DamagedGzip(String),
}

/// Why a header is not a table header (`IngestErrorKind::NotATable`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableProblem {
    /// The first line has no line break within `max` bytes.
    LongHeader {
        /// Its length in bytes.
        bytes: usize,
        /// The longest header line accepted.
        max: usize,
    },
    /// More columns than a table may have.
    TooManyColumns {
        /// Columns in the header.
        columns: usize,
        /// The most accepted.
        max: usize,
    },
    /// The CSV reader failed (its own words).
    Parser(String),
}

/// Why a file has no usable rows (`IngestErrorKind::NoUsableRows`).
#[derive(Debug, Clone, PartialEq)]
pub enum NoRows {
    /// Nothing below the header on line `header_line`.
    None {
        /// The header's line.
        header_line: u64,
    },
    /// Every data row was rejected; the most common reason and its first example.
    AllRejected {
        /// Data rows read.
        rows: u64,
        /// Rows of the most common reason.
        count: u64,
        /// That reason.
        reason: RejectReason,
        /// Its first example.
        first: Option<Rejection>,
    },
}

/// What went wrong, with everything needed to say where.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum IngestErrorKind {
    /// No input files were given.
    NoFiles,
    /// Every file is a customers, events or products table: there are no orders to join
    /// them to.
    NoOrders {
        /// The files, each with the table it was read as (`customers.csv (customers)`).
        files: Vec<String>,
    },
    /// The file has no bytes, or only whitespace.
    Empty {
        /// File name.
        file: String,
    },
    /// The bytes are not text (NUL or control bytes), e.g. an image or a program.
    Binary {
        /// File name.
        file: String,
        /// What it looks like.
        what: BinaryKind,
    },
    /// The text is neither UTF-8, GB18030 nor UTF-16.
    UnsupportedEncoding {
        /// File name.
        file: String,
        /// 1-based line of the first byte that cannot be decoded.
        line: u64,
        /// That byte.
        byte: u8,
    },
    /// The header does not look like a table header (too long or too many columns).
    NotATable {
        /// File name.
        file: String,
        /// 1-based line.
        line: u64,
        /// What is wrong with it.
        problem: TableProblem,
    },
    /// One half of a file read by two workers (`split`) does not fit the other: the split
    /// fell inside a quoted cell, or a half is not plain UTF-8. The caller reads the file
    /// again in one piece; the user never sees this error.
    SplitFailed {
        /// File name.
        file: String,
        /// Why the halves do not fit (for logs; never shown).
        why: String,
    },
    /// Decompressed data would exceed the size the ingest accepts.
    TooLarge {
        /// File name.
        file: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// Required data-contract fields have no column.
    MissingColumns {
        /// File name.
        file: String,
        /// The required fields with no column.
        missing: Vec<Field>,
        /// The header cells, each cut to 40 characters, at most 30 of them.
        headers: Vec<String>,
        /// Columns whose values look like the missing fields (`proposals::propose`).
        proposals: Vec<crate::ingest::proposals::Proposal>,
    },
    /// A user-given mapping points outside the table.
    InvalidMapping {
        /// File name.
        file: String,
        /// The field.
        field: Field,
        /// The 0-based column index given.
        column: usize,
        /// Number of columns in the header.
        columns: usize,
    },
    /// The user chose a platform export that Portrait does not know.
    UnknownPlatform {
        /// File name.
        file: String,
        /// The id given.
        platform: String,
        /// The ids Portrait knows.
        platforms: Vec<String>,
    },
    /// Dates like `3/4/2024` where no value tells whether the day or the month comes first.
    AmbiguousDateOrder {
        /// File name.
        file: String,
        /// Header of the date column.
        column: String,
        /// A few of the values.
        examples: Vec<String>,
    },
    /// The sheet asked for is not in the workbook.
    SheetNotFound {
        /// File name.
        file: String,
        /// The sheet asked for.
        sheet: String,
        /// The sheets the workbook has.
        sheets: Vec<String>,
    },
    /// The workbook cannot be read.
    Xlsx {
        /// File name.
        file: String,
        /// The reader's message.
        message: String,
    },
    /// The lines of an order export were dropped without that export.
    MissingCompanion {
        /// File name.
        file: String,
        /// Its export's name.
        export: String,
        /// The export it needs.
        companion: String,
    },
    /// A workbook that cannot be read for a reason a merchant can act on.
    XlsxUnreadable {
        /// File name.
        file: String,
        /// Why, as a message code (`xlsx.not_workbook`, `xlsx.truncated`, `xlsx.encrypted`).
        why: &'static str,
    },
    /// The JSON text is malformed (or not objects).
    Json {
        /// File name.
        file: String,
        /// 1-based line.
        line: u64,
        /// 1-based column (character position in the line).
        column: u64,
        /// What the parser expected.
        message: String,
    },
    /// Every row of the file was rejected (or it has no data rows).
    NoUsableRows {
        /// File name.
        file: String,
        /// Why.
        why: NoRows,
    },
}

impl IngestErrorKind {
    /// The error as a code with parameters (worded by `message::CATALOGUE` and the page).
    pub fn message(&self) -> Message {
        use IngestErrorKind::*;
        let m = Message::new(self.code());
        match self {
            NoFiles => m,
            NoOrders { files } => m.with("files", files.join(", ")),
            Empty { file } => m.with("file", file.as_str()),
            Binary { file, what } => {
                let m = m.with("file", file.as_str());
                match what {
                    BinaryKind::Known(code) => m.with("what", *code),
                    BinaryKind::Nul(at) => m.with("what", "binary.nul").with("at", *at),
                    BinaryKind::Controls => m.with("what", "binary.controls"),
                    BinaryKind::DamagedGzip(detail) => m
                        .with("what", "binary.gzip")
                        .with("detail", detail.as_str()),
                }
            }
            UnsupportedEncoding { file, line, byte } => m
                .with("file", file.as_str())
                .with("line", *line)
                .with("byte", *byte),
            NotATable {
                file,
                line,
                problem,
            } => {
                let m = m.with("file", file.as_str()).with("line", *line);
                match problem {
                    TableProblem::LongHeader { bytes, max } => m
                        .with("problem", "table.long_header")
                        .with("bytes", *bytes)
                        .with("max", *max),
                    TableProblem::TooManyColumns { columns, max } => m
                        .with("problem", "table.too_many_columns")
                        .with("columns", *columns)
                        .with("max", *max),
                    TableProblem::Parser(detail) => m
                        .with("problem", "table.parser")
                        .with("detail", detail.as_str()),
                }
            }
            SplitFailed { file, why } => m.with("file", file.as_str()).with("why", why.as_str()),
            TooLarge { file, limit } => m.with("file", file.as_str()).with("limit", *limit),
            MissingColumns {
                file,
                missing,
                headers,
                proposals,
            } => m
                .with("file", file.as_str())
                .with("missing", field_names(missing))
                .with("headers", headers.clone())
                .with(
                    "proposed_columns",
                    proposals
                        .iter()
                        .map(|p| format!("{} ({})", p.header, p.samples.join(", ")))
                        .collect::<Vec<_>>(),
                )
                .with(
                    "proposed_fields",
                    proposals
                        .iter()
                        .map(|p| p.field.name().to_string())
                        .collect::<Vec<_>>(),
                ),
            InvalidMapping {
                file,
                field,
                column,
                columns,
            } => m
                .with("file", file.as_str())
                .with("field", field.name())
                .with("column", *column)
                .with("columns", *columns),
            UnknownPlatform {
                file,
                platform,
                platforms,
            } => m
                .with("file", file.as_str())
                .with("platform", platform.as_str())
                .with("platforms", platforms.clone()),
            AmbiguousDateOrder {
                file,
                column,
                examples,
            } => m
                .with("file", file.as_str())
                .with("column", column.as_str())
                .with("examples", examples.clone()),
            SheetNotFound {
                file,
                sheet,
                sheets,
            } => m
                .with("file", file.as_str())
                .with("sheet", sheet.as_str())
                .with("sheets", sheets.clone()),
            Xlsx { file, message } => m
                .with("file", file.as_str())
                .with("detail", message.as_str()),
            XlsxUnreadable { file, why } => m.with("file", file.as_str()).with("why", *why),
            MissingCompanion {
                file,
                export,
                companion,
            } => m
                .with("file", file.as_str())
                .with("export", export.as_str())
                .with("companion", companion.as_str()),
            Json {
                file,
                line,
                column,
                message,
            } => m
                .with("file", file.as_str())
                .with("line", *line)
                .with("column", *column)
                .with("detail", message.as_str()),
            NoUsableRows { file, why } => {
                let m = m.with("file", file.as_str());
                match why {
                    NoRows::None { header_line } => m
                        .with("summary", "rows.none")
                        .with("header_line", *header_line),
                    NoRows::AllRejected {
                        rows,
                        count,
                        reason,
                        first,
                    } => {
                        let m = m
                            .with("summary", "rows.all_rejected")
                            .with("rows", *rows)
                            .with("count", *count)
                            .with("reason", reason.code());
                        match first {
                            None => m,
                            Some(e) => {
                                let m = m
                                    .with("line", e.line)
                                    .with("column", e.column.as_str())
                                    .with("value", e.value.as_str());
                                match e.detail {
                                    Some(d) => {
                                        m.with("expected", d.expected).with("found", d.found)
                                    }
                                    None => m,
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// A stable code for the page and the wire protocol, e.g. `"ingest.empty_file"`.
    pub fn code(&self) -> &'static str {
        match self {
            IngestErrorKind::NoFiles => "ingest.no_files",
            IngestErrorKind::NoOrders { .. } => "ingest.no_orders",
            IngestErrorKind::Empty { .. } => "ingest.empty_file",
            IngestErrorKind::Binary { .. } => "ingest.binary_file",
            IngestErrorKind::UnsupportedEncoding { .. } => "ingest.unsupported_encoding",
            IngestErrorKind::NotATable { .. } => "ingest.not_a_table",
            IngestErrorKind::TooLarge { .. } => "ingest.too_large",
            IngestErrorKind::SplitFailed { .. } => "ingest.split_failed",
            IngestErrorKind::MissingColumns { .. } => "ingest.missing_columns",
            IngestErrorKind::InvalidMapping { .. } => "ingest.invalid_mapping",
            IngestErrorKind::UnknownPlatform { .. } => "ingest.unknown_platform",
            IngestErrorKind::AmbiguousDateOrder { .. } => "ingest.ambiguous_date_order",
            IngestErrorKind::SheetNotFound { .. } => "ingest.sheet_not_found",
            IngestErrorKind::Xlsx { .. } => "ingest.xlsx",
            IngestErrorKind::XlsxUnreadable { .. } => "ingest.xlsx_unreadable",
            IngestErrorKind::MissingCompanion { .. } => "ingest.missing_companion",
            IngestErrorKind::Json { .. } => "ingest.json",
            IngestErrorKind::NoUsableRows { .. } => "ingest.no_usable_rows",
        }
    }
}

impl std::fmt::Display for IngestErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&english(&self.message()))
    }
}

impl std::error::Error for IngestErrorKind {}

fn field_names(fields: &[Field]) -> Vec<String> {
    fields.iter().map(|f| f.name().to_string()).collect()
}

impl IngestError {
    /// Wraps a kind.
    pub fn new(kind: IngestErrorKind) -> IngestError {
        IngestError(Box::new(kind))
    }

    /// What went wrong.
    pub fn kind(&self) -> &IngestErrorKind {
        &self.0
    }

    /// Unwraps the kind.
    pub fn into_kind(self) -> IngestErrorKind {
        *self.0
    }

    /// A stable code for the page and the wire protocol, e.g. `"ingest.empty_file"`.
    pub fn code(&self) -> &'static str {
        self.0.code()
    }

    /// The error as a code with parameters.
    pub fn message(&self) -> Message {
        self.0.message()
    }

    /// The file the error is about (none for `NoFiles`).
    pub fn file(&self) -> Option<&str> {
        match &*self.0 {
            IngestErrorKind::NoFiles | IngestErrorKind::NoOrders { .. } => None,
            IngestErrorKind::Empty { file }
            | IngestErrorKind::Binary { file, .. }
            | IngestErrorKind::UnsupportedEncoding { file, .. }
            | IngestErrorKind::NotATable { file, .. }
            | IngestErrorKind::TooLarge { file, .. }
            | IngestErrorKind::SplitFailed { file, .. }
            | IngestErrorKind::MissingColumns { file, .. }
            | IngestErrorKind::InvalidMapping { file, .. }
            | IngestErrorKind::UnknownPlatform { file, .. }
            | IngestErrorKind::AmbiguousDateOrder { file, .. }
            | IngestErrorKind::SheetNotFound { file, .. }
            | IngestErrorKind::Xlsx { file, .. }
            | IngestErrorKind::XlsxUnreadable { file, .. }
            | IngestErrorKind::MissingCompanion { file, .. }
            | IngestErrorKind::Json { file, .. }
            | IngestErrorKind::NoUsableRows { file, .. } => Some(file),
        }
    }

    /// The 1-based line the error points at, when there is one.
    pub fn line(&self) -> Option<u64> {
        match &*self.0 {
            IngestErrorKind::UnsupportedEncoding { line, .. }
            | IngestErrorKind::NotATable { line, .. }
            | IngestErrorKind::Json { line, .. } => Some(*line),
            IngestErrorKind::MissingColumns { .. } => Some(1),
            IngestErrorKind::NoUsableRows {
                why: NoRows::AllRejected { first, .. },
                ..
            } => first.as_ref().map(|e| e.line),
            _ => None,
        }
    }

    /// The header of the column the error points at, when there is one.
    pub fn column(&self) -> Option<&str> {
        match &*self.0 {
            IngestErrorKind::AmbiguousDateOrder { column, .. } => Some(column),
            IngestErrorKind::NoUsableRows {
                why: NoRows::AllRejected { first, .. },
                ..
            } => first
                .as_ref()
                .map(|e| e.column.as_str())
                .filter(|c| !c.is_empty()),
            _ => None,
        }
    }
}

impl From<IngestErrorKind> for IngestError {
    fn from(kind: IngestErrorKind) -> IngestError {
        IngestError::new(kind)
    }
}

impl std::fmt::Display for IngestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for IngestError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(kind: IngestErrorKind, code: &str, message: &str) {
        let e = IngestError::new(kind);
        assert_eq!(e.code(), code);
        assert_eq!(e.to_string(), message);
    }

    #[test]
    fn messages_name_file_line_and_column() {
        check(
            IngestErrorKind::Empty {
                file: "a.csv".into(),
            },
            "ingest.empty_file",
            "a.csv: the file is empty",
        );
        check(
            IngestErrorKind::UnsupportedEncoding {
                file: "a.csv".into(),
                line: 3,
                byte: 0xe9,
            },
            "ingest.unsupported_encoding",
            "a.csv: line 3: byte 0xE9 is not UTF-8, GB18030 or UTF-16 text; save the file as \
             UTF-8 and try again",
        );
        check(
            IngestErrorKind::MissingColumns {
                file: "a.csv".into(),
                missing: vec![Field::CustomerId, Field::UnitPrice],
                headers: vec!["x".into(), "y".into()],
                proposals: Vec::new(),
            },
            "ingest.missing_columns",
            "a.csv: line 1: no column found for customer_id, unit_price (or line_amount); the \
             header has columns \"x\", \"y\"",
        );
        check(
            IngestErrorKind::AmbiguousDateOrder {
                file: "a.csv".into(),
                column: "date".into(),
                examples: vec!["3/4/2024".into()],
            },
            "ingest.ambiguous_date_order",
            "a.csv: column \"date\": cannot tell whether dates such as \"3/4/2024\" are \
             day/month or month/day (no part is above 12 in any row); choose the date order",
        );
    }

    #[test]
    fn accessors_return_the_location() {
        let e = IngestError::new(IngestErrorKind::NoUsableRows {
            file: "o.csv".into(),
            why: NoRows::AllRejected {
                rows: 9,
                count: 9,
                reason: RejectReason::InvalidDate,
                first: Some(Rejection {
                    file: "o.csv".into(),
                    line: 7,
                    column: "Date".into(),
                    value: "soon".into(),
                    detail: None,
                }),
            },
        });
        assert_eq!(
            e.to_string(),
            "o.csv: no usable rows: all 9 data rows were rejected; 9 because order date is not \
             a date, first at line 7, column \"Date\": \"soon\""
        );
        assert_eq!(e.file(), Some("o.csv"));
        assert_eq!(e.line(), Some(7));
        assert_eq!(e.column(), Some("Date"));
        assert_eq!(IngestError::new(IngestErrorKind::NoFiles).file(), None);
    }
}
