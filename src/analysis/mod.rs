//! The door every analysis goes through.
//!
//! An analysis is a type implementing [`Analysis`]: a kind name (the wire kind, the CLI
//! subcommand and the report key), the tables it needs, its parameters with every default
//! in `Default` and a check into validated parameters, the model it fits, the serde output
//! that is its API, the per-customer columns it adds to the customer table, and an English
//! text for the CLI. [`registry`] holds the one list of analyses; the session, the report,
//! the CLI and the TypeScript generator walk it, and none of them names an analysis.
//!
//! Adding one (ARCHITECTURE.md, "How to add an analysis"): a folder with `params.rs`,
//! `algorithm.rs` and `analysis.rs`, one line in `registry.rs`, a feature folder in
//! `www/features/`, and their tests.
//!
//! ```
//! use portrait::Session;
//! use portrait::ingest::{IngestOptions, SourceFile};
//! let csv = "order_id,customer_id,order_date,quantity,unit_price\n\
//!            A1,7,2024-03-05 14:02:00,2,9.90\nA2,8,2024-04-01 09:00:00,1,20.00\n";
//! let mut session = Session::new();
//! let file = SourceFile { name: "o.csv".into(), bytes: csv.as_bytes().to_vec() };
//! session.ingest_now(vec![file], IngestOptions::default(), |_, _, _| None)?;
//! let rfm = session.run_json("rfm", serde_json::json!({ "bins": 5 }))?;
//! assert_eq!(rfm["customers"], 2);
//! # Ok::<(), portrait::Error>(())
//! ```

pub mod cache;
mod context;
pub mod entry;
pub mod overview;
pub mod quality;
pub mod registry;
pub(crate) mod text;

pub use cache::ModelCache;
pub use context::{Context, Numbers};
pub use entry::{Entry, Kind};

use crate::error::Error;
use crate::message::Message;
use crate::table::{ColumnSpec, Sheet, Values};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The tables of the data contract (DESIGN.md). An analysis lists those it needs, so a view
/// lacking one can say which file to add.
pub use crate::ingest::TableKind;

/// Parameters that check themselves into their validated form (linfa's `ParamGuard`): only
/// validated parameters reach `Analysis::fit`, and every rule has its own error variant.
pub trait Check {
    /// The validated parameters the fit takes.
    type Valid;
    /// One variant per rule.
    type Error: Coded;
    /// Checks every rule.
    fn check(&self) -> Result<Self::Valid, Self::Error>;
}

/// An error that words itself as a code with parameters (see `crate::message`).
pub trait Coded {
    /// The broken rule as a message.
    fn message(&self) -> Message;
}

impl Coded for std::convert::Infallible {
    fn message(&self) -> Message {
        match *self {}
    }
}

/// Parameters of an analysis that has none: `{}` on the wire.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    ts_rs::TS,
    schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct NoParams {}

impl Check for NoParams {
    type Valid = NoParams;
    type Error = std::convert::Infallible;
    fn check(&self) -> Result<NoParams, Self::Error> {
        Ok(*self)
    }
}

/// How far a stepped fit has come. Field names are the JS API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Work {
    /// Units of work done.
    pub done: u64,
    /// Units of work in all (≥ `done`).
    pub total: u64,
    /// Nothing is left but the answer to the job's offer (`Job::offer`): stepping does
    /// nothing until `Job::accept` has it. The worker's business, not the page's.
    #[ts(skip)]
    pub waiting: bool,
}

impl Work {
    /// `done` of `total` units, not waiting.
    pub fn of(done: u64, total: u64) -> Work {
        Work {
            done,
            total,
            waiting: false,
        }
    }
}

/// A fit that takes long: stepped like `IngestJob`, so the worker posts progress and takes
/// a cancel between two steps.
pub trait Job: Send {
    /// What the job fits.
    type Model;
    /// Does about `budget` units of work; the model once it is done.
    fn step(&mut self, cx: &mut Context<'_>, budget: u64) -> Result<Option<Self::Model>, Error>;
    /// How far it has come.
    fn work(&self) -> Work;
    /// A part of the remaining work for a second worker (the page's tail worker, idle after
    /// ingest), as a question `Analysis::answer` answers from these bytes alone; `None` when
    /// there is nothing to hand out now. Asked only where a second worker is free and no
    /// offer is open: a job never asked (the CLI, a page with one worker) does all its work
    /// itself, and its result does not depend on whether it was asked.
    fn offer(&mut self) -> Option<Vec<u8>> {
        None
    }
    /// The answer to the open offer, or `None` when the second worker could not give it
    /// (it stopped, it failed): the job then does that work itself.
    fn accept(&mut self, _answer: Option<&[u8]>) -> Result<(), Error> {
        Ok(())
    }
}

/// The result of `Analysis::fit`: the model, or a job that steps to it.
pub enum Fit<M> {
    /// Fitted at once.
    Done(M),
    /// Fitted by stepping.
    Job(Box<dyn Job<Model = M>>),
}

/// One analysis. See the module documentation; implementations live in their own folders
/// and are listed once, in `registry.rs`.
pub trait Analysis: 'static {
    /// The kind: the wire name, the CLI subcommand and the report key (`snake_case`).
    const KIND: &'static str;
    /// One line saying what it computes (the CLI subcommand's help).
    const ABOUT: &'static str;
    /// The tables it reads.
    const NEEDS: &'static [TableKind];
    /// Whether `portrait report` and the page's "Export JSON" include it.
    const IN_REPORT: bool = false;
    /// The per-customer columns it adds to the customer table, in `columns` order.
    const COLUMNS: &'static [ColumnSpec] = &[];
    /// Those of its text columns that identify a customer (a masked phone, an email): the
    /// customer table's search looks in them besides the customer id.
    const SEARCHED: &'static [&'static str] = &[];
    /// The English wording of its own message codes (its parameter rules, …).
    const MESSAGES: &'static [(&'static str, &'static str)] = &[];
    /// The ranges of its numeric parameters, `(name, min, max)` inclusive, which the check
    /// enforces: the page reads them from the generated defaults instead of repeating them.
    const LIMITS: &'static [(&'static str, i64, i64)] = &[];

    /// Parameters, with every default in `Default`; missing fields take their default.
    type Params: Check
        + Default
        + Serialize
        + DeserializeOwned
        + Clone
        + PartialEq
        + ts_rs::TS
        + schemars::JsonSchema
        + 'static;
    /// What `fit` makes; kept in the session's model cache and shared with other analyses.
    type Model: Send + Sync + 'static;
    /// What the page and `--json` get: the serde names are the API.
    type Output: Serialize + ts_rs::TS + 'static;

    /// Fits the model on `cx.data`.
    fn fit(
        cx: &mut Context<'_>,
        params: &<Self::Params as Check>::Valid,
    ) -> Result<Fit<Self::Model>, Error>;

    /// The output of a fitted model.
    fn output(model: &Self::Model, cx: &Context<'_>) -> Self::Output;

    /// The per-customer values of `COLUMNS`, in that order, one per customer of `cx.data`.
    fn columns(_model: &Self::Model) -> Vec<Values<'_>> {
        Vec::new()
    }

    /// The output as the CLI prints it (English text).
    fn text(output: &Self::Output, cx: &Context<'_>) -> String;

    /// Writes the model's own table into `sheet` (CSV or XLSX, the sink decides) and says
    /// `true`, for analyses that have one of their own to download (the quality report's
    /// every rejected row); `false`: the customer columns, one customer a row, or no table
    /// for an analysis without columns.
    fn sheet(_model: &Self::Model, _cx: &Context<'_>, _sheet: &mut dyn Sheet) -> bool {
        false
    }

    /// Answers a question its job offered (`Job::offer`), in a second worker that holds no
    /// data: everything needed is in `question`.
    fn answer(_question: &[u8]) -> Result<Vec<u8>, Error> {
        Err(Error::InvalidRequest(format!(
            "a {} fit hands out no work",
            Self::KIND
        )))
    }
}
