//! `Session`: the one stateful object. It owns the running ingest job, then the `Dataset`
//! and the analyses computed on it. The Web Worker holds exactly one (through `src/wasm`);
//! the CLI creates one per run. Every method returns plain structs.

use crate::analysis::overview::{overview, Overview};
use crate::dataset::Dataset;
use crate::error::Error;
use crate::ingest::{
    inspect, plan_file, FileInspection, FileOptions, IngestJob, IngestOptions, ParsedPart,
    Progress, QualityReport, SourceFile, SplitPlan, Step,
};
use crate::report::{Report, RfmReport, REPORT_FORMAT};
use crate::sample::{generate_csv, SampleParams};
use crate::segment::rfm::{rfm, Rfm, RfmColumn, RfmPage, RfmQuery, RfmSummary};
use serde::Serialize;

/// A tail being read elsewhere: called when the head needs it, it yields the tail's
/// `ParsedPart` (`None` when it could not be read).
pub type TailHandle = Box<dyn FnOnce() -> Option<ParsedPart> + Send>;

/// File name the sample shop is ingested under.
pub const SAMPLE_FILE_NAME: &str = "sample-shop.csv";

/// What a finished ingest reports back: enough for the first screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IngestSummary {
    /// Per file: format, encoding, mapping used.
    pub files: Vec<FileInspection>,
    /// Data-quality report.
    pub quality: QualityReport,
    /// Overview KPIs (computed right away: they are the first thing the page shows).
    pub overview: Overview,
}

/// One step of a running ingest.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionStep {
    /// Still working.
    Progress(Progress),
    /// The head of split file `i` is read: `supply_part` its tail, then step on.
    NeedPart(usize),
    /// Streamed file `i` is parsed as far as it came: `supply_bytes`, then step on.
    NeedBytes(usize),
    /// A tail job is done: its `ParsedPart` as bytes, for the head's session.
    Part(Vec<u8>),
    /// Done; the dataset is loaded.
    Ready(Box<IngestSummary>),
}

struct Loaded {
    data: Dataset,
    files: Vec<FileInspection>,
    quality: QualityReport,
    overview: Overview,
    rfm: Option<Rfm>,
    /// Customer table order of the last page request: (column, descending, order).
    table_order: Option<(RfmColumn, bool, Vec<u32>)>,
}

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

    /// Detects format, encoding and mapping of one file without loading it.
    pub fn inspect(
        &self,
        file: &SourceFile,
        options: &FileOptions,
    ) -> Result<FileInspection, Error> {
        Ok(inspect(file, options)?)
    }

    /// Starts ingesting `files`, replacing any running job (the loaded data stays until the
    /// new ingest succeeds).
    pub fn start_ingest(&mut self, files: Vec<SourceFile>, options: IngestOptions) {
        self.job = Some(IngestJob::new(files, options));
    }

    /// Marks file `index` of the ingest just started as the head of a split file (`split`);
    /// `streamed`: its bytes so far are the first chunk, the rest comes by `supply_bytes`.
    pub fn split_head(
        &mut self,
        index: usize,
        plan: SplitPlan,
        streamed: bool,
    ) -> Result<(), Error> {
        let job = self.job.as_mut().ok_or(Error::NoJob)?;
        job.set_head(index, plan, streamed);
        Ok(())
    }

    /// The next chunk of the streamed file waiting in `SessionStep::NeedBytes`.
    pub fn supply_bytes(&mut self, chunk: &[u8], last: bool) -> Result<(), Error> {
        let job = self.job.as_mut().ok_or(Error::NoJob)?;
        let result = job.supply_bytes(chunk, last);
        if result.is_err() {
            self.job = None;
        }
        Ok(result?)
    }

    /// Starts reading the tail of a split file (the prefix, then bytes `plan.split..`); the
    /// last step returns `SessionStep::Part`. The loaded data is not touched.
    /// With `streamed`, `file` holds the first chunk and the rest comes by `supply_bytes`.
    pub fn start_tail(
        &mut self,
        file: SourceFile,
        plan: SplitPlan,
        options: IngestOptions,
        streamed: bool,
    ) {
        self.job = Some(IngestJob::new_tail(file, plan, options, streamed));
    }

    /// Gives the waiting head its tail (`None`, or bytes that are not a part: read the file
    /// whole instead — the error is `ingest.split_failed`).
    pub fn supply_part(&mut self, bytes: Option<&[u8]>) -> Result<(), Error> {
        let job = self.job.as_mut().ok_or(Error::NoJob)?;
        let result = job.supply_part(bytes.and_then(ParsedPart::from_bytes));
        if result.is_err() {
            self.job = None;
        }
        Ok(result?)
    }

    /// Ingests `files` to the end in this thread, except the tail of each large delimited
    /// file (`split`), which `spawn_tail(file, plan, options)` starts elsewhere — the CLI on
    /// a second thread — and whose handle yields its `ParsedPart` when the head needs it.
    /// When a split does not fit, the files are read whole: the result never depends on it.
    pub fn ingest_now(
        &mut self,
        files: Vec<SourceFile>,
        options: IngestOptions,
        mut spawn_tail: impl FnMut(&SourceFile, SplitPlan, &IngestOptions) -> Option<TailHandle>,
    ) -> Result<Box<IngestSummary>, Error> {
        let mut tails = Vec::new();
        let mut halves = Vec::with_capacity(files.len());
        for file in &files {
            let plan = plan_file(file);
            match plan.and_then(|p| spawn_tail(file, p, &options).map(|h| (p, h))) {
                Some((plan, handle)) => {
                    tails.push((halves.len(), plan, handle));
                    halves.push(SourceFile {
                        name: file.name.clone(),
                        bytes: file.bytes[..plan.split as usize].to_vec(),
                    });
                }
                None => halves.push(file.clone()),
            }
        }
        if tails.is_empty() {
            self.start_ingest(files, options);
            return self.run_to_end(|_| None);
        }
        self.start_ingest(halves, options.clone());
        for (i, plan, _) in &tails {
            self.split_head(*i, *plan, false)?;
        }
        let mut handles: Vec<Option<TailHandle>> =
            tails.into_iter().map(|(_, _, h)| Some(h)).collect();
        let split = self.run_to_end(|i| {
            let index = i.min(handles.len().saturating_sub(1));
            handles
                .get_mut(index)
                .and_then(Option::take)
                .and_then(|h| h())
        });
        match split {
            Err(Error::Ingest(e)) if e.code() == "ingest.split_failed" => {
                self.split_fallbacks += 1;
                self.start_ingest(files, options);
                self.run_to_end(|_| None)
            }
            other => other,
        }
    }

    /// How many split ingests of `ingest_now` did not fit and were read whole (a quoted line
    /// break at the cut, a half that is not UTF-8). Tests check that a split really happened.
    pub fn split_fallbacks(&self) -> u32 {
        self.split_fallbacks
    }

    /// Steps the running ingest to its end; `tail(i)` answers `NeedPart` for the i-th split.
    fn run_to_end(
        &mut self,
        mut tail: impl FnMut(usize) -> Option<ParsedPart>,
    ) -> Result<Box<IngestSummary>, Error> {
        let mut asked = 0;
        loop {
            match self.step(usize::MAX)? {
                SessionStep::Ready(summary) => return Ok(summary),
                SessionStep::NeedPart(_) => {
                    let part = tail(asked);
                    asked += 1;
                    let job = self.job.as_mut().ok_or(Error::NoJob)?;
                    if let Err(e) = job.supply_part(part) {
                        self.job = None;
                        return Err(e.into());
                    }
                }
                SessionStep::Progress(_) | SessionStep::Part(_) => {}
                // ingest_now hands over every byte at the start
                SessionStep::NeedBytes(i) => {
                    self.job = None;
                    let e = crate::ingest::IngestError::new(
                        crate::ingest::IngestErrorKind::SplitFailed {
                            file: format!("file {i}"),
                            why: "bytes were asked for but none are coming".to_string(),
                        },
                    );
                    return Err(e.into());
                }
            }
        }
    }

    /// Generates the sample shop and starts ingesting it like any dropped file.
    pub fn start_sample(&mut self, params: SampleParams) -> Result<(), Error> {
        let bytes = generate_csv(&params)?;
        self.start_ingest(
            vec![SourceFile {
                name: SAMPLE_FILE_NAME.to_string(),
                bytes,
            }],
            IngestOptions::default(),
        );
        Ok(())
    }

    /// Advances the running ingest by about `budget_rows` rows.
    pub fn step(&mut self, budget_rows: usize) -> Result<SessionStep, Error> {
        let job = self.job.as_mut().ok_or(Error::NoJob)?;
        match job.step(budget_rows) {
            Ok(Step::Progress(p)) => Ok(SessionStep::Progress(p)),
            Ok(Step::NeedPart(i)) => Ok(SessionStep::NeedPart(i)),
            Ok(Step::NeedBytes(i)) => Ok(SessionStep::NeedBytes(i)),
            Ok(Step::Part(part)) => {
                self.job = None;
                Ok(SessionStep::Part(part.to_bytes()))
            }
            Ok(Step::Done(done)) => {
                self.job = None;
                let data = Dataset::build(done.lines);
                let overview = overview(&data);
                let summary = IngestSummary {
                    files: done.files.clone(),
                    quality: done.report.clone(),
                    overview: overview.clone(),
                };
                self.loaded = Some(Loaded {
                    data,
                    files: done.files,
                    quality: done.report,
                    overview,
                    rfm: None,
                    table_order: None,
                });
                Ok(SessionStep::Ready(Box::new(summary)))
            }
            Err(e) => {
                self.job = None;
                Err(e.into())
            }
        }
    }

    /// Drops a running ingest (the page's cancel button).
    pub fn cancel(&mut self) {
        self.job = None;
    }

    /// Forgets everything: job, data and results.
    pub fn clear(&mut self) {
        *self = Session::default();
    }

    /// True while an ingest is running.
    pub fn is_ingesting(&self) -> bool {
        self.job.is_some()
    }

    fn loaded(&self) -> Result<&Loaded, Error> {
        self.loaded.as_ref().ok_or(Error::NoData)
    }

    /// The loaded dataset.
    pub fn dataset(&self) -> Result<&Dataset, Error> {
        Ok(&self.loaded()?.data)
    }

    /// The data-quality report of the loaded data.
    pub fn quality(&self) -> Result<&QualityReport, Error> {
        Ok(&self.loaded()?.quality)
    }

    /// Overview KPIs of the loaded data.
    pub fn overview(&self) -> Result<&Overview, Error> {
        Ok(&self.loaded()?.overview)
    }

    fn rfm(&mut self) -> Result<&Rfm, Error> {
        let loaded = self.loaded.as_mut().ok_or(Error::NoData)?;
        Ok(loaded.rfm.get_or_insert_with(|| rfm(&loaded.data)))
    }

    /// RFM segment totals and R × F grid (scores computed on first use, then kept).
    pub fn rfm_summary(&mut self) -> Result<RfmSummary, Error> {
        Ok(self.rfm()?.summary())
    }

    /// One page of the RFM customer table.
    /// Sorting 100k customers is done once per (column, direction) and kept, so turning
    /// pages or typing in the search box only filters and slices.
    pub fn rfm_page(&mut self, query: &RfmQuery) -> Result<RfmPage, Error> {
        self.rfm()?;
        let loaded = self.loaded.as_mut().ok_or(Error::NoData)?;
        let rfm = loaded.rfm.as_ref().ok_or(Error::NoData)?;
        let key = (query.sort, query.descending);
        let fresh = !matches!(&loaded.table_order, Some((c, d, _)) if (*c, *d) == key);
        if fresh {
            loaded.table_order = Some((key.0, key.1, rfm.order_by(&loaded.data, key.0, key.1)));
        }
        let order = loaded
            .table_order
            .as_ref()
            .map_or(&[][..], |(_, _, o)| &o[..]);
        Ok(rfm.page(&loaded.data, order, query))
    }

    /// The whole report as pretty JSON: identical bytes in the browser and the CLI.
    pub fn report_json(&mut self) -> Result<String, Error> {
        self.rfm()?;
        let loaded = self.loaded()?;
        let rfm = loaded.rfm.as_ref().ok_or(Error::NoData)?;
        let report = Report {
            format: REPORT_FORMAT,
            files: &loaded.files,
            quality: &loaded.quality,
            overview: &loaded.overview,
            rfm: RfmReport {
                summary: rfm.summary(),
                customers: (0..loaded.data.n_customers())
                    .map(|c| rfm.row(&loaded.data, c))
                    .collect(),
            },
        };
        serde_json::to_string_pretty(&report).map_err(|e| Error::InvalidRequest(e.to_string()))
    }
}
