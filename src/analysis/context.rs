//! What a fit sees: the data under the global filter, the unfiltered data, the filter, what
//! ingest reported, and the model cache through which it reuses other analyses' models.

use super::cache::{Model, ModelCache};
use super::entry::{Entry, Started};
use super::registry;
use super::{Analysis, Check, Coded, Fit};
use crate::dataset::{Dataset, Window};
use crate::error::Error;
use crate::ingest::IngestReport;
use crate::message::Message;
use crate::rules::{self, Rule};
use crate::table::{ColumnKind, ColumnSpec};
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

    /// The model of `entry` with its default parameters, fitted now if the cache does not
    /// hold it (a stepped fit is run to its end).
    pub(crate) fn model_of(&mut self, entry: &'static dyn Entry) -> Result<Model, Error> {
        let params = serde_json::Value::Null;
        let key = entry.key(&params)?;
        if let Some(model) = self.cache.get(entry.kind(), &key) {
            return Ok(model);
        }
        let model = match entry.start(self, &params)? {
            Started::Done(model) => model,
            Started::Job(mut job) => loop {
                if let Some(model) = job.step(self, u64::MAX)? {
                    break model;
                }
            },
        };
        self.cache.insert(entry.kind(), key, model.clone());
        Ok(model)
    }

    /// Which customers of `self.data` match each of `rules`, the analyses whose columns they
    /// name fitted once, with their default parameters. How one analysis (tags, audiences)
    /// reads every other's customer columns without naming them.
    pub fn matching(&mut self, rules: &[Rule]) -> Result<Vec<Vec<bool>>, Error> {
        let mut models: Vec<(&'static dyn Entry, Model)> = Vec::new();
        for id in rules.iter().flat_map(|r| r.columns.iter()) {
            let kind = id.split_once('.').map_or(id.as_str(), |(k, _)| k);
            if !models.iter().any(|(e, _)| e.kind() == kind) {
                let entry = registry::find(kind)?;
                models.push((entry, self.model_of(entry)?));
            }
        }
        let mut by_id = Vec::new();
        for (entry, model) in &models {
            for (spec, values) in entry.columns().iter().zip(entry.values(model)?) {
                by_id.push((format!("{}.{}", entry.kind(), spec.name), values));
            }
        }
        let last_day = self.data.last_day();
        rules
            .iter()
            .map(|rule| {
                let values = rule
                    .values(|id| by_id.iter().find(|(c, _)| c == id).map(|(_, v)| *v))
                    .map_err(|id| Error::InvalidRequest(format!("no column {id}")))?;
                Ok(rules::evaluate(
                    rule,
                    &values,
                    &self.data.customers,
                    last_day,
                ))
            })
            .collect()
    }

    /// The numbers of the column `name` means (any name a rule takes: `orders`,
    /// `rfm.recency`, `客单价`), one per customer of `self.data`: null as NaN, money named
    /// without `_cents` in currency units. The analysis owning it is fitted with its default
    /// parameters. How an analysis reads columns its parameters name (clustering features).
    pub fn numbers(&mut self, name: &str) -> Result<Numbers, Error> {
        let (id, spec, scale) = Self::rule_catalogue()
            .column(name)
            .map_err(|e| Error::Refused(e.message()))?;
        if matches!(
            spec.kind,
            ColumnKind::Text | ColumnKind::Code { .. } | ColumnKind::Date
        ) {
            return Err(Error::Refused(
                Message::new("column.not_numeric")
                    .with("name", name)
                    .with("column", id.as_str()),
            ));
        }
        let kind = id.split_once('.').map_or(id.as_str(), |(k, _)| k);
        let entry = registry::find(kind)?;
        let model = self.model_of(entry)?;
        let at = entry
            .columns()
            .iter()
            .position(|c| c.name == spec.name)
            .ok_or_else(|| Error::InvalidRequest(format!("no column {id}")))?;
        let values = entry.values(&model)?.swap_remove(at);
        let n = self.data.n_customers();
        let values = (0..n)
            .map(|c| values.number(c).map_or(f64::NAN, |v| v / scale))
            .collect();
        Ok(Numbers { id, spec, values })
    }

    /// The columns a rule may name: every analysis's customer columns.
    pub fn rule_catalogue() -> rules::Catalogue {
        rules::Catalogue::new(registry::entries().iter().map(|e| (e.kind(), e.columns())))
    }

    /// The currency symbol of the amounts ("" when unknown), for the CLI's text.
    pub fn currency_symbol(&self) -> &str {
        &self.ingest.quality.currency.symbol
    }
}

/// A numeric customer column read by name (`Context::numbers`).
#[derive(Debug, Clone)]
pub struct Numbers {
    /// Its id, `kind.name`.
    pub id: String,
    /// What it is.
    pub spec: ColumnSpec,
    /// One per customer, NaN for null.
    pub values: Vec<f64>,
}

fn downcast<A: Analysis>(model: super::cache::Model) -> Result<Arc<A::Model>, Error> {
    model
        .downcast::<A::Model>()
        .map_err(|_| Error::InvalidRequest(format!("cached {} model has another type", A::KIND)))
}
