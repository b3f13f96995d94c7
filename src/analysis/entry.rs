//! [`Entry`]: an analysis seen without its types, so that one list (`registry.rs`) can hold
//! them all and the session, the report, the CLI and the type generator can walk it.
//! [`Kind<A>`] is the only implementation: the generic glue written once for every `A`.
//!
//! Parameters cross as JSON values (small objects from the page or the CLI's flags),
//! models as `Arc<dyn Any>` (downcast back inside `Kind<A>`), outputs as erased serde values
//! (one output serialises to JSON for the CLI and to JS objects for the page).

use super::cache::Model;
use super::{Analysis, Check, Coded, Context, Fit, Job, TableKind, Work};
use crate::error::Error;
use crate::message::Catalogue;
use crate::table::{AllRows, ColumnSpec, Sheet, Values};
use std::marker::PhantomData;
use std::sync::Arc;

/// A fit in progress: the model at once, or a job to step.
pub enum Started {
    /// Fitted.
    Done(Model),
    /// Step it to the model.
    Job(Box<dyn ErasedJob>),
}

/// A `Job` with its model type erased.
pub trait ErasedJob: Send {
    /// See `Job::step`.
    fn step(&mut self, cx: &mut Context<'_>, budget: u64) -> Result<Option<Model>, Error>;
    /// See `Job::work`.
    fn work(&self) -> Work;
    /// See `Job::offer`.
    fn offer(&mut self) -> Option<Vec<u8>>;
    /// See `Job::accept`.
    fn accept(&mut self, answer: Option<&[u8]>) -> Result<(), Error>;
}

/// A stepped fit with its model type erased; what it refuses is worded by its analysis.
struct Erased<M> {
    job: Box<dyn Job<Model = M>>,
    messages: Catalogue,
}

impl<M: Send + Sync + 'static> ErasedJob for Erased<M> {
    fn step(&mut self, cx: &mut Context<'_>, budget: u64) -> Result<Option<Model>, Error> {
        let step = self
            .job
            .step(cx, budget)
            .map_err(|e| e.worded_by(self.messages))?;
        Ok(step.map(|m| Arc::new(m) as Model))
    }
    fn work(&self) -> Work {
        self.job.work()
    }
    fn offer(&mut self) -> Option<Vec<u8>> {
        self.job.offer()
    }
    fn accept(&mut self, answer: Option<&[u8]>) -> Result<(), Error> {
        self.job
            .accept(answer)
            .map_err(|e| e.worded_by(self.messages))
    }
}

/// One analysis, as the registry holds it.
pub trait Entry: Sync {
    /// `Analysis::KIND`.
    fn kind(&self) -> &'static str;
    /// `Analysis::ABOUT`.
    fn about(&self) -> &'static str;
    /// `Analysis::NEEDS`.
    fn needs(&self) -> &'static [TableKind];
    /// `Analysis::IN_REPORT`.
    fn in_report(&self) -> bool;
    /// `Analysis::COLUMNS`.
    fn columns(&self) -> &'static [ColumnSpec];
    /// `Analysis::SEARCHED`.
    fn searched(&self) -> &'static [&'static str];
    /// `Analysis::MESSAGES`.
    fn messages(&self) -> &'static [(&'static str, &'static str)];
    /// The default parameters, as JSON.
    fn defaults(&self) -> serde_json::Value;
    /// `Analysis::LIMITS`.
    fn limits(&self) -> &'static [(&'static str, i64, i64)];
    /// The parameters `params` (missing fields take their defaults) normalised to JSON text:
    /// the model cache's key.
    fn key(&self, params: &serde_json::Value) -> Result<String, Error>;
    /// Checks `params` and starts fitting.
    fn start(&self, cx: &mut Context<'_>, params: &serde_json::Value) -> Result<Started, Error>;
    /// The output of `model`.
    fn output(
        &self,
        model: &Model,
        cx: &Context<'_>,
    ) -> Result<Box<dyn erased_serde::Serialize>, Error>;
    /// The per-customer values of `columns()`.
    fn values<'m>(&self, model: &'m Model) -> Result<Vec<Values<'m>>, Error>;
    /// The output as the CLI's English text.
    fn text(&self, model: &Model, cx: &Context<'_>) -> Result<String, Error>;
    /// `Analysis::sheet`, else the customer columns; `false` when there is no table.
    fn sheet(&self, model: &Model, cx: &Context<'_>, sheet: &mut dyn Sheet) -> Result<bool, Error>;
    /// `Analysis::answer`.
    fn answer(&self, question: &[u8]) -> Result<Vec<u8>, Error>;
    /// The JSON schema of the parameters (doc comments, types, defaults): the CLI's flags.
    #[cfg(not(target_arch = "wasm32"))]
    fn params_schema(&self) -> schemars::Schema;
    /// The TypeScript declarations of the parameters and the output (and what they name).
    #[cfg(not(target_arch = "wasm32"))]
    fn visit_types(&self, types: &mut crate::typegen::types::Types);
    /// TypeScript names of (parameters, output).
    #[cfg(not(target_arch = "wasm32"))]
    fn type_names(&self) -> (String, String);
}

/// The `Entry` of analysis `A`.
pub struct Kind<A>(PhantomData<fn() -> A>);

impl<A> Kind<A> {
    /// The entry (a `const`, for the registry's static list).
    pub const ENTRY: Kind<A> = Kind(PhantomData);
}

/// The cache key of `params`: its JSON text (every field present, so equal parameters
/// written differently share one model).
pub(crate) fn params_key<P: serde::Serialize>(params: &P) -> Result<String, Error> {
    serde_json::to_string(params).map_err(|e| Error::invalid("parameters", e))
}

impl<A: Analysis> Kind<A> {
    fn params(params: &serde_json::Value) -> Result<A::Params, Error> {
        if params.is_null() {
            return Ok(A::Params::default());
        }
        serde_json::from_value(params.clone())
            .map_err(|e| Error::invalid(&format!("{} parameters", A::KIND), e))
    }

    fn model(model: &Model) -> Result<&A::Model, Error> {
        model
            .downcast_ref::<A::Model>()
            .ok_or_else(|| Error::InvalidRequest(format!("a {} model has another type", A::KIND)))
    }
}

impl<A: Analysis> Entry for Kind<A> {
    fn kind(&self) -> &'static str {
        A::KIND
    }

    fn about(&self) -> &'static str {
        A::ABOUT
    }

    fn needs(&self) -> &'static [TableKind] {
        A::NEEDS
    }

    fn in_report(&self) -> bool {
        A::IN_REPORT
    }

    fn columns(&self) -> &'static [ColumnSpec] {
        A::COLUMNS
    }

    fn searched(&self) -> &'static [&'static str] {
        A::SEARCHED
    }

    fn messages(&self) -> &'static [(&'static str, &'static str)] {
        A::MESSAGES
    }

    fn defaults(&self) -> serde_json::Value {
        serde_json::to_value(A::Params::default()).unwrap_or_default()
    }

    fn limits(&self) -> &'static [(&'static str, i64, i64)] {
        A::LIMITS
    }

    fn key(&self, params: &serde_json::Value) -> Result<String, Error> {
        params_key(&Self::params(params)?)
    }

    fn start(&self, cx: &mut Context<'_>, params: &serde_json::Value) -> Result<Started, Error> {
        let refused = |e: Error| e.worded_by(A::MESSAGES);
        let valid = Self::params(params)?
            .check()
            .map_err(|e| refused(Error::Refused(e.message())))?;
        Ok(match A::fit(cx, &valid).map_err(refused)? {
            Fit::Done(model) => Started::Done(Arc::new(model)),
            Fit::Job(job) => Started::Job(Box::new(Erased {
                job,
                messages: A::MESSAGES,
            })),
        })
    }

    fn output(
        &self,
        model: &Model,
        cx: &Context<'_>,
    ) -> Result<Box<dyn erased_serde::Serialize>, Error> {
        Ok(Box::new(A::output(Self::model(model)?, cx)))
    }

    fn values<'m>(&self, model: &'m Model) -> Result<Vec<Values<'m>>, Error> {
        Ok(A::columns(Self::model(model)?))
    }

    fn text(&self, model: &Model, cx: &Context<'_>) -> Result<String, Error> {
        Ok(A::text(&A::output(Self::model(model)?, cx), cx))
    }

    fn sheet(&self, model: &Model, cx: &Context<'_>, sheet: &mut dyn Sheet) -> Result<bool, Error> {
        let model = Self::model(model)?;
        if A::sheet(model, cx, sheet) {
            return Ok(true);
        }
        // an analysis with customer columns downloads them: one customer a row
        let columns: Vec<_> = A::COLUMNS
            .iter()
            .map(|c| c.name)
            .zip(A::columns(model))
            .collect();
        if columns.is_empty() {
            return Ok(false);
        }
        AllRows {
            data: cx.data,
            columns,
        }
        .write_all(sheet);
        Ok(true)
    }

    fn answer(&self, question: &[u8]) -> Result<Vec<u8>, Error> {
        A::answer(question).map_err(|e| e.worded_by(A::MESSAGES))
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn params_schema(&self) -> schemars::Schema {
        schemars::schema_for!(A::Params)
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn visit_types(&self, types: &mut crate::typegen::types::Types) {
        types.add::<A::Params>();
        types.add::<A::Output>();
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn type_names(&self) -> (String, String) {
        use ts_rs::TS;
        (A::Params::name(), A::Output::name())
    }
}
