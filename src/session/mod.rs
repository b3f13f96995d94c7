//! `Session`: the one stateful object. It owns the running ingest (`ingest.rs`), then the
//! data, the global filter and the fitted models. The Web Worker holds exactly one (through
//! `src/wasm`); the CLI makes one per run.
//!
//! **Architecture invariant:** nothing here names an analysis. `run`, `table` and `export`
//! reach every analysis through `analysis::registry`; a new analysis changes no line here
//! (`tests/tidy.rs` checks it).

mod answers;
mod customer_table;
mod ingest;
mod loaded;

pub use answers::{ExportFormat, ExportRequest, IngestSummary, RowCounts, Run};
pub use ingest::{TailHandle, SAMPLE_FILE_NAME};

use answers::Exported;
use loaded::{Loaded, Running};

use crate::analysis::entry::Started;
use crate::analysis::{registry, Entry};
use crate::dataset::{DataFacts, DataFilter, Window};
use crate::error::Error;
use crate::ingest::IngestJob;
use crate::report::{self, Section};

/// Owns the loaded data and the analyses on it.
#[derive(Default)]
pub struct Session {
    job: Option<IngestJob>,
    loaded: Option<Loaded>,
    /// Split ingests that did not fit and were read whole (`ingest_now`).
    split_fallbacks: u32,
}

impl Session {
    /// An empty session.
    pub fn new() -> Self {
        Self::default()
    }

    fn loaded(&mut self) -> Result<&mut Loaded, Error> {
        self.loaded.as_mut().ok_or(Error::NoData)
    }

    /// What the loaded data is: files, row counts, facts of all lines.
    pub fn summary(&self) -> Result<IngestSummary, Error> {
        let l = self.loaded.as_ref().ok_or(Error::NoData)?;
        let q = &l.report.quality;
        Ok(IngestSummary {
            files: l.report.files.clone(),
            rows: RowCounts {
                read: q.rows_read,
                used: q.rows_used,
                rejected: q.rows_rejected,
                top_rejection: q
                    .rejected
                    .iter()
                    .max_by_key(|g| (g.count, std::cmp::Reverse(g.reason as u8)))
                    .map(|g| g.reason),
                left_out: q.rows_left_out,
            },
            currency: q.currency.clone(),
            facts: DataFacts::of(&l.all),
        })
    }

    /// Sets the global filter for every analysis (the filtered data is built once, here, and
    /// every fitted model is forgotten); answers the facts of the lines it keeps.
    pub fn set_filter(&mut self, filter: &DataFilter) -> Result<DataFacts, Error> {
        let l = self.loaded()?;
        let window = Window::check(filter, &l.all).map_err(Error::Refused)?;
        l.filtered = (!window.is_all()).then(|| l.all.filtered(&window));
        l.window = window;
        l.cache.clear();
        l.running = None;
        l.order = None;
        Ok(DataFacts::of(l.filtered.as_ref().unwrap_or(&l.all)))
    }

    /// Runs analysis `kind` with `params` (a JSON object; missing fields take their
    /// defaults; `null` for all defaults). A model fitted before with the same parameters is
    /// reused; a stepped fit answers `Run::Working` and goes on with `step_run`.
    pub fn run(&mut self, kind: &str, params: &serde_json::Value) -> Result<Run, Error> {
        let entry = registry::find(kind)?;
        let l = self.loaded()?;
        let key = entry.key(params)?;
        l.running = None;
        if l.cache.get(entry.kind(), &key).is_none() {
            let mut cx = l.context();
            match entry.start(&mut cx, params)? {
                Started::Done(model) => l.cache.insert(entry.kind(), key.clone(), model),
                Started::Job(job) => {
                    let work = job.work();
                    l.running = Some(Running { entry, key, job });
                    return Ok(Run::Working(work));
                }
            }
        }
        Self::finish(l, entry, &key)
    }

    /// Fits, with their default parameters, the analyses of `kinds` (none: the report's)
    /// that have no model yet, so that a view opened next answers from the cache. The page
    /// warms the view it opens on while it draws the page, and the report's analyses once
    /// that view is shown. Unknown kinds are skipped; a stepped fit is not run here, and one
    /// that refuses its defaults is left for its own `run` to report.
    pub fn warm(&mut self, kinds: &[String]) -> Result<(), Error> {
        let l = self.loaded()?;
        let wanted = |e: &&&dyn Entry| {
            if kinds.is_empty() {
                e.in_report()
            } else {
                kinds.iter().any(|k| k == e.kind())
            }
        };
        for entry in registry::entries().iter().filter(wanted) {
            let params = entry.defaults();
            let key = entry.key(&params)?;
            if l.cache.get(entry.kind(), &key).is_some() {
                continue;
            }
            let mut cx = l.context();
            if let Ok(Started::Done(model)) = entry.start(&mut cx, &params) {
                l.cache.insert(entry.kind(), key, model);
            }
        }
        Ok(())
    }

    /// Advances the stepped fit started by `run` by about `budget` units of work.
    pub fn step_run(&mut self, budget: u64) -> Result<Run, Error> {
        let l = self.loaded()?;
        let mut running = l.running.take().ok_or(Error::NoJob)?;
        let mut cx = l.context();
        match running.job.step(&mut cx, budget)? {
            None => {
                let work = running.job.work();
                l.running = Some(running);
                Ok(Run::Working(work))
            }
            Some(model) => {
                l.cache
                    .insert(running.entry.kind(), running.key.clone(), model);
                Self::finish(l, running.entry, &running.key)
            }
        }
    }

    /// A part of the running stepped fit's work for a second worker (`Job::offer`), the
    /// question for `Session::answer` there; `None` when there is none (or no fit runs).
    pub fn offer(&mut self) -> Option<Vec<u8>> {
        let running = self.loaded.as_mut()?.running.as_mut()?;
        running.job.offer()
    }

    /// Hands the running fit the second worker's answer to its offer (`None`: there was
    /// none, and the fit does that work itself).
    pub fn accept(&mut self, answer: Option<&[u8]>) -> Result<(), Error> {
        let l = self.loaded()?;
        let running = l.running.as_mut().ok_or(Error::NoJob)?;
        running.job.accept(answer)
    }

    /// Answers in a second worker a question that analysis `kind`'s fit offered: from its
    /// bytes alone, so this session needs no data.
    pub fn answer(kind: &str, question: &[u8]) -> Result<Vec<u8>, Error> {
        registry::find(kind)?.answer(question)
    }

    fn finish(l: &mut Loaded, entry: &'static dyn Entry, key: &str) -> Result<Run, Error> {
        l.cache.set_current(entry.kind(), key);
        let model = l.cache.get(entry.kind(), key).ok_or(Error::NoJob)?;
        let cx = l.context();
        Ok(Run::Done(entry.output(&model, &cx)?))
    }

    /// `run` to the end, the output as JSON (for Rust callers and tests).
    pub fn run_json(
        &mut self,
        kind: &str,
        params: serde_json::Value,
    ) -> Result<serde_json::Value, Error> {
        let mut run = self.run(kind, &params)?;
        while let Run::Working(_) = run {
            run = self.step_run(u64::MAX)?;
        }
        serde_json::to_value(&run)
            .map(|mut v| v["output"].take())
            .map_err(|e| Error::invalid("output", e))
    }

    /// The output of `kind` with `params` as the CLI's English text (fitted to the end).
    pub fn text(&mut self, kind: &str, params: &serde_json::Value) -> Result<String, Error> {
        let entry = registry::find(kind)?;
        let l = self.loaded()?;
        let model = l.fitted(entry, params)?;
        l.cache.set_current(entry.kind(), &entry.key(params)?);
        let cx = l.context();
        entry.text(&model, &cx)
    }

    /// The export as pretty JSON: the whole report (quality, overview, RFM, …: every
    /// analysis of the report, with the models the page shows), or one analysis's section.
    /// The same bytes in the browser and the CLI.
    pub fn export(&mut self, request: &ExportRequest) -> Result<String, Error> {
        match self.export_any(request)? {
            Exported::Text(text) => Ok(text),
            Exported::Bytes(_) => Err(Error::invalid(
                "export",
                "an XLSX workbook is a file: Session::export_file",
            )),
        }
    }

    fn export_any(&mut self, request: &ExportRequest) -> Result<Exported, Error> {
        let l = self.loaded()?;
        let entries: Vec<&'static dyn Entry> = match &request.analysis {
            None => registry::entries()
                .iter()
                .copied()
                .filter(|e| e.in_report())
                .collect(),
            Some(kind) => vec![registry::find(kind)?],
        };
        let mut models = Vec::new();
        for entry in entries {
            let model = match &request.analysis {
                Some(_) => l.fitted(entry, &request.params)?,
                None => l.current(entry)?,
            };
            models.push((entry, model));
        }
        let cx = l.context();
        if request.format != ExportFormat::Json {
            let (entry, model) = match (&request.analysis, models.first()) {
                (Some(_), Some(m)) => m,
                _ => {
                    return Err(Error::invalid(
                        "export",
                        "a table export is of one analysis",
                    ))
                }
            };
            return answers::table_export(request.format, *entry, model, &cx);
        }
        let mut sections = Vec::new();
        for (entry, model) in &models {
            sections.push((entry.kind(), Section::of(*entry, model, &cx)?));
        }
        let json = match &request.analysis {
            None => report::to_json(&cx.ingest.files, &sections),
            Some(_) => serde_json::to_string_pretty(&sections[0].1),
        };
        json.map(Exported::Text)
            .map_err(|e| Error::invalid("export", e))
    }

    /// The export as a file's bytes: `export`'s text as UTF-8, or an XLSX workbook.
    pub fn export_file(&mut self, request: &ExportRequest) -> Result<Vec<u8>, Error> {
        self.export_any(request).map(Exported::into_bytes)
    }

    /// The whole report as pretty JSON (`export` of the report).
    pub fn report_json(&mut self) -> Result<String, Error> {
        self.export(&ExportRequest::default())
    }
}
