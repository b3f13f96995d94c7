//! The ingest lifecycle of a `Session`: inspecting files, the resumable ingest (with the
//! halves of a split file and streamed chunks), the sample shop, cancel. When an ingest is
//! done the session holds the data (`super::Loaded`) and forgets every fitted model.

use super::{Loaded, Session};
use crate::dataset::Dataset;
use crate::error::Error;
use crate::ingest::{
    inspect, plan_file, FileInspection, FileOptions, IngestError, IngestErrorKind, IngestJob,
    IngestOptions, IngestReport, ParsedPart, SourceFile, SplitPlan, Step,
};
use crate::sample::{generate_files, SampleParams};

/// A tail being read elsewhere: called when the head needs it, it yields the tail's
/// `ParsedPart` (`None` when it could not be read).
pub type TailHandle = Box<dyn FnOnce() -> Option<ParsedPart> + Send>;

/// File name the sample shop is ingested under.
pub const SAMPLE_FILE_NAME: &str = "sample-shop.csv";
/// File name the sample shop's customer list is ingested under.
pub const SAMPLE_CUSTOMERS_FILE_NAME: &str = "sample-customers.csv";
/// File name the sample shop's events log is ingested under.
pub const SAMPLE_EVENTS_FILE_NAME: &str = "sample-events.csv";
/// File name the sample shop's product catalogue is ingested under.
pub const SAMPLE_PRODUCTS_FILE_NAME: &str = "sample-products.csv";

impl Session {
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

    /// The next chunk of the streamed file waiting in `Step::NeedBytes`.
    pub fn supply_bytes(&mut self, chunk: &[u8], last: bool) -> Result<(), Error> {
        let job = self.job.as_mut().ok_or(Error::NoJob)?;
        let result = job.supply_bytes(chunk, last);
        if result.is_err() {
            self.job = None;
        }
        Ok(result?)
    }

    /// Starts reading the tail of a split file (the prefix, then bytes `plan.split..`); the
    /// last step returns `Step::Part`. The loaded data is not touched.
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
    ) -> Result<super::IngestSummary, Error> {
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
    ) -> Result<super::IngestSummary, Error> {
        let mut asked = 0;
        loop {
            match self.step(usize::MAX)? {
                Step::Done => return self.summary(),
                Step::NeedPart { .. } => {
                    let part = tail(asked);
                    asked += 1;
                    let job = self.job.as_mut().ok_or(Error::NoJob)?;
                    if let Err(e) = job.supply_part(part) {
                        self.job = None;
                        return Err(e.into());
                    }
                }
                Step::Progress(_) | Step::Part => {}
                // ingest_now hands over every byte at the start
                Step::NeedBytes { file_index } => {
                    self.job = None;
                    let e = IngestError::new(IngestErrorKind::SplitFailed {
                        file: format!("file {file_index}"),
                        why: "bytes were asked for but none are coming".to_string(),
                    });
                    return Err(e.into());
                }
            }
        }
    }

    /// Generates the sample shop — its orders, customer list, events log and product
    /// catalogue — and starts ingesting the four like dropped files.
    pub fn start_sample(&mut self, params: SampleParams) -> Result<(), Error> {
        let files = generate_files(&params)?;
        let file = |name: &str, bytes| SourceFile {
            name: name.to_string(),
            bytes,
        };
        self.start_ingest(
            vec![
                file(SAMPLE_FILE_NAME, files.orders),
                file(SAMPLE_CUSTOMERS_FILE_NAME, files.customers),
                file(SAMPLE_EVENTS_FILE_NAME, files.events),
                file(SAMPLE_PRODUCTS_FILE_NAME, files.products),
            ],
            IngestOptions::default(),
        );
        Ok(())
    }

    /// Advances the running ingest by about `budget_rows` rows. On `Step::Done` the data is
    /// loaded (the fitted models of the previous data are gone) and `summary` describes it;
    /// on `Step::Part`, `take_part` hands over a tail's part.
    pub fn step(&mut self, budget_rows: usize) -> Result<Step, Error> {
        let job = self.job.as_mut().ok_or(Error::NoJob)?;
        match job.step(budget_rows) {
            Ok(Step::Done) => {
                let done = job.take_result();
                self.job = None;
                let done = done.ok_or(Error::NoJob)?;
                let report = IngestReport {
                    files: done.files,
                    quality: done.report,
                    rejected_rows: done.rejected_rows,
                    tables: done.tables,
                };
                self.loaded = Some(Loaded::new(Dataset::build(done.lines), report));
                Ok(Step::Done)
            }
            Ok(step) => Ok(step),
            Err(e) => {
                self.job = None;
                Err(e.into())
            }
        }
    }

    /// The finished tail's `ParsedPart` as bytes, for the head's session (once).
    pub fn take_part(&mut self) -> Option<Vec<u8>> {
        let part = self.job.as_mut()?.take_part()?;
        self.job = None;
        Some(part.to_bytes())
    }

    /// Drops a running ingest or a running stepped fit (the page's cancel button).
    pub fn cancel(&mut self) {
        self.job = None;
        if let Some(loaded) = &mut self.loaded {
            loaded.running = None;
        }
    }

    /// True while an ingest is running.
    pub fn is_ingesting(&self) -> bool {
        self.job.is_some()
    }
}

#[cfg(test)]
impl Session {
    /// A session with `csv` (an orders file named `o.csv`) loaded, for tests.
    pub(crate) fn of_csv(csv: &str) -> Session {
        let mut s = Session::new();
        let file = SourceFile {
            name: "o.csv".into(),
            bytes: csv.as_bytes().to_vec(),
        };
        s.ingest_now(vec![file], IngestOptions::default(), |_, _, _| None)
            .expect("ingests");
        s
    }
}
