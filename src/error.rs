//! The crate-level error and its wire form (what crosses to JavaScript and the CLI's JSON).

use crate::ingest::IngestError;
use crate::sample::SampleParamsError;
use serde::{Deserialize, Serialize};

/// Everything a `Session` call can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read as an orders table.
    #[error(transparent)]
    Ingest(#[from] IngestError),
    /// Sample-shop parameters out of range.
    #[error(transparent)]
    Sample(#[from] SampleParamsError),
    /// An analysis was asked for before any data was loaded.
    #[error("no data loaded yet: drop an orders file or try the sample shop first")]
    NoData,
    /// `step` was called with no ingest running.
    #[error("no ingest is running")]
    NoJob,
    /// A request's arguments could not be read.
    #[error("invalid request: {0}")]
    InvalidRequest(String),
}

/// An error as plain data: a stable `code` the page translates, an English `message`, and
/// the location when the error is about a place in a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireError {
    /// Stable code, e.g. `ingest.missing_columns`, `session.no_data`.
    pub code: String,
    /// Full English message (names file, line and column where there is one).
    pub message: String,
    /// File name.
    pub file: Option<String>,
    /// 1-based line.
    pub line: Option<u64>,
    /// Column header.
    pub column: Option<String>,
}

impl From<&Error> for WireError {
    fn from(e: &Error) -> Self {
        let message = e.to_string();
        match e {
            Error::Ingest(i) => WireError {
                code: i.code().to_string(),
                message,
                file: i.file().map(str::to_string),
                line: i.line(),
                column: i.column().map(str::to_string),
            },
            Error::Sample(_) => plain("sample.invalid_params", message),
            Error::NoData => plain("session.no_data", message),
            Error::NoJob => plain("session.no_job", message),
            Error::InvalidRequest(_) => plain("session.invalid_request", message),
        }
    }
}

fn plain(code: &str, message: String) -> WireError {
    WireError {
        code: code.to_string(),
        message,
        file: None,
        line: None,
        column: None,
    }
}
