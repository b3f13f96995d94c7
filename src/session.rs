//! `Session`: the one stateful object. It owns the running ingest job, then the `Dataset`
//! and the analyses computed on it. The Web Worker holds exactly one (through `src/wasm`);
//! the CLI creates one per run. Every method returns plain structs.

use crate::analysis::overview::{overview, Overview};
use crate::dataset::Dataset;
use crate::error::Error;
use crate::ingest::{
    inspect, FileInspection, FileOptions, IngestJob, IngestOptions, Progress, QualityReport,
    SourceFile, Step,
};
use crate::report::{Report, RfmReport, REPORT_FORMAT};
use crate::sample::{generate_csv, SampleParams};
use crate::segment::rfm::{rfm, Rfm, RfmColumn, RfmPage, RfmQuery, RfmSummary};
use serde::Serialize;

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
