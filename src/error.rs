//! The crate-level error and its wire form (what crosses to JavaScript and the CLI's JSON).
//!
//! Every error is a [`Message`] (a code with parameters) plus, for file errors, where: the
//! page words it in the user's language, the CLI in English (`Display`).

use crate::ingest::IngestError;
use crate::message::{english, Catalogue, Message, Params};
use crate::sample::SampleParamsError;
use serde::{Deserialize, Serialize};

/// Everything a `Session` call can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read as a table.
    #[error(transparent)]
    Ingest(#[from] IngestError),
    /// Sample-shop parameters out of range.
    #[error(transparent)]
    Sample(#[from] SampleParamsError),
    /// An analysis was asked for before any data was loaded.
    #[error("{}", english(&Message::new("session.no_data")))]
    NoData,
    /// `step` was called with no ingest running.
    #[error("{}", english(&Message::new("session.no_job")))]
    NoJob,
    /// A request's arguments could not be read (the reader's words: a developer error).
    #[error("{}", english(&Message::new("session.invalid_request").with("detail", .0.as_str())))]
    InvalidRequest(String),
    /// An analysis, its parameters, the customer table or the filter refused the request;
    /// the message says which rule.
    #[error("{}", english(.0))]
    Refused(Message),
}

impl Error {
    /// The error as a code with parameters.
    pub fn message(&self) -> Message {
        match self {
            Error::Ingest(e) => e.message(),
            Error::Sample(e) => e.message(),
            Error::NoData => Message::new("session.no_data"),
            Error::NoJob => Message::new("session.no_job"),
            Error::InvalidRequest(detail) => {
                Message::new("session.invalid_request").with("detail", detail.as_str())
            }
            Error::Refused(m) => m.clone(),
        }
    }

    /// The error, a refusal worded (when its code is not the core's) from `catalogue`: the
    /// door attaches each analysis's own `MESSAGES` to what it refuses.
    pub fn worded_by(self, catalogue: Catalogue) -> Error {
        match self {
            Error::Refused(m) if m.catalogue.is_none() => Error::Refused(m.worded_by(catalogue)),
            other => other,
        }
    }

    /// A request that could not be read: `what` names it, `e` is the reader's error.
    pub fn invalid(what: &str, e: impl std::fmt::Display) -> Error {
        Error::InvalidRequest(format!("{what}: {e}"))
    }
}

/// An error as plain data: a stable `code` the page translates, the `params` it words, the
/// English `message` (the CLI's wording, for logs and as a last fallback), and the location
/// when the error is about a place in a file. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct WireError {
    /// Stable code, e.g. `ingest.missing_columns`, `session.no_data`.
    pub code: String,
    /// What the wording of the code names.
    #[serde(default)]
    #[ts(as = "Option<Params>", optional)]
    pub params: Params,
    /// The English wording (names file, line and column where there is one).
    pub message: String,
    /// File name.
    #[ts(optional = nullable)]
    pub file: Option<String>,
    /// 1-based line.
    #[ts(optional = nullable)]
    pub line: Option<u64>,
    /// Column header.
    #[ts(optional = nullable)]
    pub column: Option<String>,
}

impl From<&Error> for WireError {
    fn from(e: &Error) -> Self {
        let m = e.message();
        let (file, line, column) = match e {
            Error::Ingest(i) => (
                i.file().map(str::to_string),
                i.line(),
                i.column().map(str::to_string),
            ),
            _ => (None, None, None),
        };
        WireError {
            message: english(&m),
            code: m.code,
            params: m.params,
            file,
            line,
            column,
        }
    }
}
