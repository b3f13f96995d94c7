//! The resumable ingest: a state machine the Web Worker drives with `step(budget)`, so it
//! can post progress and accept a cancel between steps without a second thread.
//!
//! Per file: **decoding** (gzip, encoding, format, header, column mapping: one step) →
//! **parsing** (`budget` records per step: values, rejections, duplicates) → **cleaning**
//! (one step: day/month order of year-last dates, late rejections, per-file totals). After
//! the last file the files are merged and the `QualityReport` is built (**done**).

use super::error::{IngestError, IngestErrorKind};
use super::files::{IngestOptions, Ingested, SourceFile};
use super::open::table_of;
use super::orders::done::FileDone;
use super::orders::file::{merge, OrdersFile};
use super::rows::open_file;
use super::rows::{split_failed, Role};
use super::schema::TableKind;
use super::side::file::{SideDone, SideFile};
use super::side::JoinReport;
use super::split::{ParsedPart, SplitPlan};
use serde::{Deserialize, Serialize};

/// What the job was doing in the step just taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Decompressing, decoding, detecting the format and mapping the columns of a file.
    Decoding,
    /// Reading rows.
    Parsing,
    /// Finishing a file: dates, duplicates, totals.
    Cleaning,
    /// Everything is done.
    Done,
}

/// Where the job is, for a progress bar. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Progress {
    /// What the step just taken did.
    pub stage: Stage,
    /// The file being worked on.
    pub file: String,
    /// Its 0-based index.
    pub file_index: usize,
    /// Number of files.
    pub files: usize,
    /// Rows parsed so far, all files.
    pub rows: u64,
    /// Input bytes processed (estimated within the current file).
    pub bytes_done: u64,
    /// Input bytes of all files.
    pub bytes_total: u64,
}

/// The outcome of one `step`: the one name of this concept in the job, the session, the
/// wasm layer and the worker (`{kind: "progress", …}` on the wire). Field names are the JS
/// API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Step {
    /// More to do; step again.
    Progress(Progress),
    /// The head of split file `file_index` is read: supply its tail's part, then step.
    NeedPart {
        /// Which file.
        file_index: usize,
    },
    /// Streamed file `file_index` is read as far as it came: supply bytes, then step.
    NeedBytes {
        /// Which file.
        file_index: usize,
    },
    /// A tail job is done: take its part (`IngestJob::take_part`) for the head.
    Part,
    /// Finished: take the result (`IngestJob::take_result`); later steps say `Done` again.
    Done,
}

/// An ingest run over several files, advanced by `step`.
#[derive(Debug)]
pub struct IngestJob {
    files: Vec<SourceFile>,
    /// Per file: all of it, or a half of a split file.
    roles: Vec<Role>,
    /// Per file: its bytes so far, the rest to come through `supply_bytes` (split heads).
    streamed: Vec<bool>,
    options: IngestOptions,
    next_file: usize,
    current: Option<Box<OrdersFile>>,
    /// A customers, events or products file being read (read whole, never split).
    side: Option<Box<SideFile>>,
    done: Vec<FileDone>,
    side_done: Vec<SideDone>,
    rows: u64,
    bytes_total: u64,
    bytes_done: u64,
    failed: Option<IngestError>,
    finished: bool,
    /// The finished tail's part, until taken.
    part: Option<ParsedPart>,
    /// The finished ingest, until taken.
    result: Option<Ingested>,
}

impl IngestJob {
    /// A job over `files` (read in order; each must be readable) with `options`.
    pub fn new(files: Vec<SourceFile>, options: IngestOptions) -> IngestJob {
        let bytes_total = files.iter().map(|f| f.bytes.len() as u64).sum();
        IngestJob {
            roles: vec![Role::Whole; files.len()],
            streamed: vec![false; files.len()],
            files,
            options,
            next_file: 0,
            current: None,
            side: None,
            done: Vec::new(),
            side_done: Vec::new(),
            rows: 0,
            bytes_total,
            bytes_done: 0,
            failed: None,
            finished: false,
            part: None,
            result: None,
        }
    }

    /// The part of a finished tail job (once).
    pub fn take_part(&mut self) -> Option<ParsedPart> {
        self.part.take()
    }

    /// The result of a finished job (once).
    pub fn take_result(&mut self) -> Option<Ingested> {
        self.result.take()
    }

    /// Marks file `index` as the head of a split file: its bytes are `0..plan.split`, and
    /// the tail's `ParsedPart` is asked for (`Step::NeedPart`) once they are read.
    /// With `streamed`, the file's bytes are only the first chunk of `0..plan.split`; the
    /// job asks for the next ones (`Step::NeedBytes`) and parses while they are read.
    pub fn set_head(&mut self, index: usize, plan: SplitPlan, streamed: bool) {
        if let (Some(role), Some(file)) = (self.roles.get_mut(index), self.files.get(index)) {
            *role = Role::head(plan);
            self.streamed[index] = streamed;
            self.bytes_total += plan.size.saturating_sub(file.bytes.len() as u64);
        }
    }

    /// The next chunk of the streamed file waiting in `Step::NeedBytes` (`last`: the final
    /// one). A chunk that does not continue the text as UTF-8 fails with `SplitFailed`.
    pub fn supply_bytes(&mut self, chunk: &[u8], last: bool) -> Result<(), IngestError> {
        let result = match self.current.as_mut() {
            Some(job) => job
                .source
                .append(chunk, last)
                .map_err(|why| split_failed(&job.name, &why)),
            None => Err(split_failed("", "no file is waiting for bytes")),
        };
        if let Err(e) = &result {
            self.failed = Some(e.clone());
            self.current = None;
            self.side = None;
        }
        result
    }

    /// A job reading the tail of a split file (`file.bytes` = the prefix, then bytes
    /// `plan.split..`); it ends with `Step::Part`. With `streamed`, `file.bytes` is only the
    /// first chunk of that and the rest comes through `supply_bytes`.
    pub fn new_tail(
        file: SourceFile,
        plan: SplitPlan,
        options: IngestOptions,
        streamed: bool,
    ) -> IngestJob {
        let mut job = IngestJob::new(vec![file], options);
        job.roles[0] = Role::tail(plan);
        job.streamed[0] = streamed;
        job.bytes_total = plan.prefix_len + plan.size.saturating_sub(plan.split);
        job
    }

    /// Hands the head job waiting in `Step::NeedPart` its tail; `None` when the tail could
    /// not be read (then the file must be read whole: `SplitFailed`).
    pub fn supply_part(&mut self, part: Option<ParsedPart>) -> Result<(), IngestError> {
        let result = match (self.current.as_mut(), part) {
            (Some(job), Some(part)) if job.awaiting_part() => job.absorb(part),
            (Some(job), None) => Err(split_failed(&job.name, "the tail could not be read")),
            _ => Err(IngestError::new(IngestErrorKind::SplitFailed {
                file: String::new(),
                why: "no file is waiting for its tail".to_string(),
            })),
        };
        if let Err(e) = &result {
            self.failed = Some(e.clone());
            self.current = None;
        }
        result
    }

    /// Does a bounded amount of work: opens a file, parses up to `budget_rows` rows, or
    /// finishes a file — then returns where it is. After an error every call returns it.
    pub fn step(&mut self, budget_rows: usize) -> Result<Step, IngestError> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        let result = self.advance(budget_rows.max(1));
        if let Err(e) = &result {
            self.failed = Some(e.clone());
            self.current = None;
        }
        result
    }

    fn advance(&mut self, budget: usize) -> Result<Step, IngestError> {
        if self.finished {
            return Ok(Step::Done);
        }
        if self.files.is_empty() {
            return Err(IngestError::new(IngestErrorKind::NoFiles));
        }
        if let Some(mut side) = self.side.take() {
            if !side.parse(budget, &mut self.rows)? {
                self.side = Some(side);
                return Ok(Step::Progress(self.progress(Stage::Parsing)));
            }
            self.bytes_done += side.progress().0;
            self.side_done.push(side.finish()?);
            return Ok(Step::Progress(self.progress(Stage::Cleaning)));
        }
        match self.current.take() {
            None if self.next_file < self.files.len() => {
                let i = self.next_file;
                self.next_file += 1;
                let name = self.files[i].name.clone();
                let bytes = std::mem::take(&mut self.files[i].bytes);
                let options = self.options.for_file(&name);
                let role = std::mem::take(&mut self.roles[i]);
                let streamed = match &role {
                    Role::Head(head) if self.streamed[i] => Some(head.plan.split),
                    Role::Tail(tail) if self.streamed[i] => {
                        let plan = tail.plan;
                        Some(plan.prefix_len + plan.size.saturating_sub(plan.split))
                    }
                    _ => None,
                };
                let (opened, size) = open_file(&name, bytes, &options, &role, streamed)?;
                match table_of(&opened, &options) {
                    TableKind::Orders => {
                        let job = OrdersFile::with_opened(
                            name,
                            size,
                            opened,
                            &options,
                            &self.options,
                            role,
                        )?;
                        self.current = Some(Box::new(job));
                    }
                    _ if role != Role::Whole => {
                        return Err(split_failed(&name, "not an orders file"))
                    }
                    table => {
                        let side =
                            SideFile::open(table, name, size, opened, &options, &self.options)?;
                        self.side = Some(Box::new(side));
                    }
                }
                Ok(Step::Progress(self.progress(Stage::Decoding)))
            }
            None => {
                self.finished = true;
                let sides = std::mem::take(&mut self.side_done);
                if self.done.is_empty() && !sides.is_empty() {
                    let files = sides
                        .iter()
                        .map(|d| format!("{} ({})", d.report.file, d.table.name()))
                        .collect();
                    return Err(IngestError::new(IngestErrorKind::NoOrders { files }));
                }
                let mut result = merge(std::mem::take(&mut self.done), &self.options)?;
                add_tables(&mut result, sides);
                self.result = Some(result);
                Ok(Step::Done)
            }
            Some(mut job) if !job.parsed_all => {
                let exhausted = job.parse(budget, &mut self.rows)?;
                let waiting = exhausted && job.source.needs_more();
                job.parsed_all = exhausted && !waiting;
                self.current = Some(job);
                if waiting {
                    return Ok(Step::NeedBytes {
                        file_index: self.next_file - 1,
                    });
                }
                Ok(Step::Progress(self.progress(Stage::Parsing)))
            }
            Some(job) if job.awaiting_part() => {
                self.current = Some(job);
                Ok(Step::NeedPart {
                    file_index: self.next_file - 1,
                })
            }
            Some(mut job) => {
                let size = match std::mem::take(&mut job.role) {
                    Role::Tail(tail) => {
                        self.finished = true;
                        self.part = Some(job.into_part(tail));
                        return Ok(Step::Part);
                    }
                    Role::Head(head) => head.plan.size,
                    Role::Whole => job.size,
                };
                let done = job.finish()?;
                self.bytes_done += size;
                self.done.push(done);
                Ok(Step::Progress(self.progress(Stage::Cleaning)))
            }
        }
    }

    fn progress(&self, stage: Stage) -> Progress {
        let index = self.next_file.saturating_sub(1);
        let current = match (&self.current, &self.side) {
            (Some(j), _) => (j.size as f64 * j.source.progress()).round() as u64,
            (None, Some(side)) => {
                let (size, share) = side.progress();
                (size as f64 * share).round() as u64
            }
            (None, None) => 0,
        };
        Progress {
            stage,
            file: self
                .files
                .get(index)
                .map_or_else(String::new, |f| f.name.clone()),
            file_index: index,
            files: self.files.len(),
            rows: self.rows,
            bytes_done: (self.bytes_done + current).min(self.bytes_total),
            bytes_total: self.bytes_total,
        }
    }
}

/// Puts the side files' tables, reports and inspections beside the merged orders, in file
/// order within each, and joins them.
fn add_tables(result: &mut Ingested, sides: Vec<SideDone>) {
    for d in sides {
        result.tables.add(d.table, d.rows);
        result.report.tables.push(d.report);
        result.files.push(d.inspection);
    }
    result.report.join = JoinReport::build(&result.lines, &result.tables);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> SourceFile {
        SourceFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn steps_report_each_stage_and_bounded_progress() {
        let mut text = String::from("order_id,customer_id,order_date,quantity,unit_price\n");
        for i in 0..25 {
            text.push_str(&format!(
                "A{i},c{},2024-01-{:02} 10:00:00,1,2.50\n",
                i % 3,
                i + 1
            ));
        }
        let mut job = IngestJob::new(vec![file("o.csv", &text)], IngestOptions::default());
        let mut stages = Vec::new();
        let done = loop {
            match job.step(10).expect("steps") {
                Step::Progress(p) => {
                    assert!(p.bytes_done <= p.bytes_total);
                    stages.push((p.stage, p.rows));
                }
                Step::Done => break job.take_result().expect("a result"),
                other => panic!("a whole file needs no part: {other:?}"),
            }
        };
        assert_eq!(
            stages,
            vec![
                (Stage::Decoding, 0),
                (Stage::Parsing, 10),
                (Stage::Parsing, 20),
                (Stage::Parsing, 25),
                (Stage::Cleaning, 25),
            ]
        );
        assert_eq!(done.report.rows_used, 25);
        assert_eq!(done.files[0].preview.len(), 5);
        assert_eq!(job.step(10).expect("after done"), Step::Done);
        assert!(job.take_result().is_none(), "the result is taken once");
    }

    #[test]
    fn a_workbook_is_read_in_steps_with_progress_that_moves() {
        use crate::ingest::xlsx_source::tests::{order_rows, workbook};
        let bytes = workbook(&order_rows(5000));
        let size = bytes.len() as u64;
        let file = SourceFile {
            name: "o.xlsx".into(),
            bytes,
        };
        let mut job = IngestJob::new(vec![file], IngestOptions::default());
        let mut seen = Vec::new();
        loop {
            match job.step(1000).expect("steps") {
                Step::Progress(p) => seen.push((p.stage, p.rows, p.bytes_done)),
                Step::Done => break,
                other => panic!("a workbook needs no part: {other:?}"),
            }
        }
        // opening reads the header only; each step then reads 1000 rows of the sheet
        assert_eq!(seen[0].0, Stage::Decoding);
        assert_eq!(seen[0].1, 0);
        let parsing: Vec<_> = seen.iter().filter(|s| s.0 == Stage::Parsing).collect();
        assert_eq!(
            parsing.iter().map(|s| s.1).collect::<Vec<_>>(),
            vec![1000, 2000, 3000, 4000, 5000, 5000]
        );
        let bytes: Vec<u64> = parsing.iter().map(|s| s.2).collect();
        assert!(bytes.windows(2).all(|w| w[0] <= w[1]), "{bytes:?}");
        assert!(
            bytes[0] * 10 > size * 2 - size / 100 && bytes[0] * 10 < size * 2 + size / 100,
            "a fifth after the first step: {bytes:?} of {size}"
        );
        assert_eq!(job.take_result().expect("a result").report.rows_used, 5000);
    }

    #[test]
    fn no_files_is_an_error() {
        let mut job = IngestJob::new(Vec::new(), IngestOptions::default());
        assert_eq!(job.step(10).expect_err("fails").code(), "ingest.no_files");
    }

    #[test]
    fn progress_serialises_with_snake_case_stage() {
        let p = Progress {
            stage: Stage::Parsing,
            file: "a.csv".into(),
            file_index: 0,
            files: 1,
            rows: 5,
            bytes_done: 10,
            bytes_total: 20,
        };
        let json = serde_json::to_string(&p).expect("serialises");
        assert!(json.contains(r#""stage":"parsing""#), "{json}");
    }
}
