//! The errors that make a whole file unreadable.
//!
//! A bad *row* is never an error (it becomes a `Rejection` in the report); an `IngestError`
//! means the file cannot be read as a table at all. Like rust-csv's `Error`, the type is an
//! opaque box around a `#[non_exhaustive]` kind, and every message names the file and,
//! when it applies, the line and the column, so the user knows where to look.

use super::columns::Field;
use thiserror::Error;

/// An error that stops ingest. Boxed so `Result<_, IngestError>` stays one word wide.
#[derive(Debug, Clone, PartialEq)]
pub struct IngestError(Box<IngestErrorKind>);

/// What went wrong, with everything needed to say where.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum IngestErrorKind {
    /// No input files were given.
    #[error("no input files")]
    NoFiles,
    /// The file has no bytes, or only whitespace.
    #[error("{file}: the file is empty")]
    Empty {
        /// File name.
        file: String,
    },
    /// The bytes are not text (NUL or control bytes), e.g. an image or a program.
    #[error("{file}: this is not a text table but binary data ({what})")]
    Binary {
        /// File name.
        file: String,
        /// What it looks like: "PNG image", "NUL byte at byte 17", …
        what: String,
    },
    /// The text is neither UTF-8, GB18030 nor UTF-16.
    #[error(
        "{file}: line {line}: byte 0x{byte:02X} is not UTF-8, GB18030 or UTF-16 text; \
         save the file as UTF-8 and try again"
    )]
    UnsupportedEncoding {
        /// File name.
        file: String,
        /// 1-based line of the first byte that cannot be decoded.
        line: u64,
        /// That byte.
        byte: u8,
    },
    /// The header does not look like a table header (too long or too many columns).
    #[error("{file}: line {line}: {detail}")]
    NotATable {
        /// File name.
        file: String,
        /// 1-based line.
        line: u64,
        /// What is wrong with it.
        detail: String,
    },
    /// One half of a file read by two workers (`split`) does not fit the other: the split
    /// fell inside a quoted cell, or a half is not plain UTF-8. The caller reads the file
    /// again in one piece; the user never sees this error.
    #[error("{file}: the file cannot be read in two halves ({why}); read it whole")]
    SplitFailed {
        /// File name.
        file: String,
        /// Why the halves do not fit.
        why: String,
    },
    /// Decompressed data would exceed the size the ingest accepts.
    #[error("{file}: more than {limit} bytes after decompression; split the file")]
    TooLarge {
        /// File name.
        file: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// Required data-contract fields have no column.
    #[error(
        "{file}: line 1: no column found for {}; the header has {}",
        describe_missing(.missing),
        describe_headers(.headers)
    )]
    MissingColumns {
        /// File name.
        file: String,
        /// The required fields with no column.
        missing: Vec<Field>,
        /// The header cells, each cut to 40 characters, at most 30 of them.
        headers: Vec<String>,
    },
    /// A user-given mapping points outside the table.
    #[error(
        "{file}: the mapping puts {} in column {column}, but the file has {columns} columns",
        .field.name()
    )]
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
    /// Dates like `3/4/2024` where no value tells whether the day or the month comes first.
    #[error(
        "{file}: column \"{column}\": cannot tell whether dates such as {} are day/month or \
         month/day (no part is above 12 in any row); choose the date order",
        quote_list(.examples)
    )]
    AmbiguousDateOrder {
        /// File name.
        file: String,
        /// Header of the date column.
        column: String,
        /// A few of the values.
        examples: Vec<String>,
    },
    /// The sheet asked for is not in the workbook.
    #[error("{file}: no sheet named \"{sheet}\"; the workbook has {}", quote_list(.sheets))]
    SheetNotFound {
        /// File name.
        file: String,
        /// The sheet asked for.
        sheet: String,
        /// The sheets the workbook has.
        sheets: Vec<String>,
    },
    /// The workbook cannot be read.
    #[error("{file}: cannot read the workbook: {message}")]
    Xlsx {
        /// File name.
        file: String,
        /// The reader's message.
        message: String,
    },
    /// The JSON text is malformed (or not objects).
    #[error("{file}: line {line}, column {column}: {message}")]
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
    #[error("{file}: no usable rows: {summary}")]
    NoUsableRows {
        /// File name.
        file: String,
        /// The most common reason and where it first occurred, in words.
        summary: String,
        /// Line of that first occurrence (none when the file has no data rows).
        line: Option<u64>,
        /// Column of that first occurrence.
        column: Option<String>,
    },
}

fn describe_missing(missing: &[Field]) -> String {
    let names: Vec<String> = missing
        .iter()
        .map(|f| match f {
            Field::UnitPrice => "unit_price (or line_amount)".to_string(),
            other => other.name().to_string(),
        })
        .collect();
    names.join(", ")
}

fn describe_headers(headers: &[String]) -> String {
    if headers.is_empty() {
        "no columns".to_string()
    } else {
        format!("columns {}", quote_list(headers))
    }
}

fn quote_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("\"{s}\"")).collect();
    quoted.join(", ")
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
        match *self.0 {
            IngestErrorKind::NoFiles => "ingest.no_files",
            IngestErrorKind::Empty { .. } => "ingest.empty_file",
            IngestErrorKind::Binary { .. } => "ingest.binary_file",
            IngestErrorKind::UnsupportedEncoding { .. } => "ingest.unsupported_encoding",
            IngestErrorKind::NotATable { .. } => "ingest.not_a_table",
            IngestErrorKind::TooLarge { .. } => "ingest.too_large",
            IngestErrorKind::SplitFailed { .. } => "ingest.split_failed",
            IngestErrorKind::MissingColumns { .. } => "ingest.missing_columns",
            IngestErrorKind::InvalidMapping { .. } => "ingest.invalid_mapping",
            IngestErrorKind::AmbiguousDateOrder { .. } => "ingest.ambiguous_date_order",
            IngestErrorKind::SheetNotFound { .. } => "ingest.sheet_not_found",
            IngestErrorKind::Xlsx { .. } => "ingest.xlsx",
            IngestErrorKind::Json { .. } => "ingest.json",
            IngestErrorKind::NoUsableRows { .. } => "ingest.no_usable_rows",
        }
    }

    /// The file the error is about (none for `NoFiles`).
    pub fn file(&self) -> Option<&str> {
        match &*self.0 {
            IngestErrorKind::NoFiles => None,
            IngestErrorKind::Empty { file }
            | IngestErrorKind::Binary { file, .. }
            | IngestErrorKind::UnsupportedEncoding { file, .. }
            | IngestErrorKind::NotATable { file, .. }
            | IngestErrorKind::TooLarge { file, .. }
            | IngestErrorKind::SplitFailed { file, .. }
            | IngestErrorKind::MissingColumns { file, .. }
            | IngestErrorKind::InvalidMapping { file, .. }
            | IngestErrorKind::AmbiguousDateOrder { file, .. }
            | IngestErrorKind::SheetNotFound { file, .. }
            | IngestErrorKind::Xlsx { file, .. }
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
            IngestErrorKind::NoUsableRows { line, .. } => *line,
            _ => None,
        }
    }

    /// The header of the column the error points at, when there is one.
    pub fn column(&self) -> Option<&str> {
        match &*self.0 {
            IngestErrorKind::AmbiguousDateOrder { column, .. } => Some(column),
            IngestErrorKind::NoUsableRows { column, .. } => column.as_deref(),
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
            summary: "s".into(),
            line: Some(7),
            column: Some("Date".into()),
        });
        assert_eq!(e.file(), Some("o.csv"));
        assert_eq!(e.line(), Some(7));
        assert_eq!(e.column(), Some("Date"));
        assert_eq!(IngestError::new(IngestErrorKind::NoFiles).file(), None);
    }
}
