//! The loaded data and everything computed on it: the dataset, what ingest reported, the
//! global filter and the filtered dataset built from it, the fitted models, a stepped fit in
//! progress and the customer table's last sort.

use crate::analysis::cache::Model;
use crate::analysis::entry::{ErasedJob, Started};
use crate::analysis::{Context, Entry, ModelCache};
use crate::dataset::{Dataset, Window};
use crate::error::Error;
use crate::ingest::IngestReport;

/// The loaded data and everything computed on it.
pub(crate) struct Loaded {
    pub(super) all: Dataset,
    pub(super) report: IngestReport,
    pub(super) window: Window,
    /// `all` under `window`; `None` when the window keeps everything.
    pub(super) filtered: Option<Dataset>,
    pub(super) cache: ModelCache,
    /// A stepped fit in progress.
    pub(super) running: Option<Running>,
    /// The customer table's last sort: (column, direction and model, order).
    pub(super) order: Option<(String, Vec<u32>)>,
}

/// A stepped fit in progress.
pub(crate) struct Running {
    pub(super) entry: &'static dyn Entry,
    pub(super) key: String,
    pub(super) job: Box<dyn ErasedJob>,
}

impl Loaded {
    pub(super) fn new(all: Dataset, report: IngestReport) -> Loaded {
        Loaded {
            all,
            report,
            window: Window::default(),
            filtered: None,
            cache: ModelCache::default(),
            running: None,
            order: None,
        }
    }

    pub(super) fn context(&mut self) -> Context<'_> {
        let Loaded {
            all,
            report,
            window,
            filtered,
            cache,
            ..
        } = self;
        Context::new(filtered.as_ref().unwrap_or(all), all, window, report, cache)
    }

    /// The model of `entry` fitted with `params`: from the cache, or fitted now to its end.
    pub(super) fn fitted(
        &mut self,
        entry: &'static dyn Entry,
        params: &serde_json::Value,
    ) -> Result<Model, Error> {
        let key = entry.key(params)?;
        if let Some(model) = self.cache.get(entry.kind(), &key) {
            return Ok(model);
        }
        let mut cx = self.context();
        let model = match entry.start(&mut cx, params)? {
            Started::Done(model) => model,
            Started::Job(mut job) => loop {
                if let Some(model) = job.step(&mut cx, u64::MAX)? {
                    break model;
                }
            },
        };
        self.cache.insert(entry.kind(), key, model.clone());
        Ok(model)
    }

    /// The model of `entry` the table and the report show: the one last run, or the one
    /// with default parameters.
    pub(super) fn current(&mut self, entry: &'static dyn Entry) -> Result<Model, Error> {
        let kind = entry.kind();
        let shown = self
            .cache
            .current_key(kind)
            .and_then(|key| self.cache.get(kind, key));
        match shown {
            Some(model) => Ok(model),
            None => self.fitted(entry, &entry.defaults()),
        }
    }
}
