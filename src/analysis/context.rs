//! What a fit sees: the data under the global filter, the unfiltered data, the filter, what
//! ingest reported, and the model cache through which it reuses other analyses' models.

use super::cache::ModelCache;
use super::{Analysis, Check, Coded, Fit};
use crate::dataset::{Dataset, Window};
use crate::error::Error;
use crate::ingest::IngestReport;
use std::sync::Arc;

/// The analysis context. Built by the session for each request.
pub struct Context<'a> {
    /// The lines every analysis reads: the loaded data under the global filter (built once
    /// per filter change and shared).
    pub data: &'a Dataset,
    /// Every loaded line, unfiltered (the overview's previous period is outside the filter).
    pub all: &'a Dataset,
    /// The global filter `data` was built with.
    pub window: &'a Window,
    /// What ingest reported: the files and the quality report.
    pub ingest: &'a IngestReport,
    pub(crate) cache: &'a mut ModelCache,
}

impl<'a> Context<'a> {
    /// A context over `data` (= `all` filtered by `window`).
    pub fn new(
        data: &'a Dataset,
        all: &'a Dataset,
        window: &'a Window,
        ingest: &'a IngestReport,
        cache: &'a mut ModelCache,
    ) -> Context<'a> {
        Context {
            data,
            all,
            window,
            ingest,
            cache,
        }
    }

    /// The model of analysis `A` with `params`, fitted now if the cache does not hold it (a
    /// stepped fit is run to its end). This is how one analysis builds on another.
    pub fn require<A: Analysis>(&mut self, params: &A::Params) -> Result<Arc<A::Model>, Error> {
        let key = super::entry::params_key(params)?;
        if let Some(model) = self.cache.get(A::KIND, &key) {
            return downcast::<A>(model);
        }
        let valid = params.check().map_err(|e| Error::Refused(e.message()))?;
        let model = match A::fit(self, &valid)? {
            Fit::Done(model) => model,
            Fit::Job(mut job) => loop {
                if let Some(model) = job.step(self, u64::MAX)? {
                    break model;
                }
            },
        };
        let model = Arc::new(model);
        self.cache.insert(A::KIND, key, model.clone());
        Ok(model)
    }

    /// The currency symbol of the amounts ("" when unknown), for the CLI's text.
    pub fn currency_symbol(&self) -> &str {
        &self.ingest.quality.currency.symbol
    }
}

fn downcast<A: Analysis>(model: super::cache::Model) -> Result<Arc<A::Model>, Error> {
    model
        .downcast::<A::Model>()
        .map_err(|_| Error::InvalidRequest(format!("cached {} model has another type", A::KIND)))
}
