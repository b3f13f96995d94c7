//! One file of a side table being read: the row loop over the sink of its table, and what
//! the job keeps of it when it is done.

use super::sink::{CustomersKind, EventsKind, ProductsKind, SideKind, SideSink};
use super::SideTable;
use crate::ingest::error::IngestError;
use crate::ingest::files::{FileInspection, FileOptions, IngestOptions};
use crate::ingest::open::Opened;
use crate::ingest::report::TableFileReport;
use crate::ingest::rows::{FileRows, Role};
use crate::ingest::schema::TableKind;

/// A side file being read, by table.
#[derive(Debug)]
pub(crate) enum SideFile {
    Customers(FileRows<SideSink<CustomersKind>>),
    Events(FileRows<SideSink<EventsKind>>),
    Products(FileRows<SideSink<ProductsKind>>),
}

/// A finished side file.
#[derive(Debug)]
pub(crate) struct SideDone {
    pub table: TableKind,
    pub rows: SideTable,
    pub report: TableFileReport,
    pub inspection: FileInspection,
}

fn finish<K: SideKind>(rows: FileRows<SideSink<K>>) -> SideDone {
    let table = K::SCHEMA.table;
    let rows_rejected = rows.rejections.total();
    let (rejected, _) = rows.rejections.into_parts();
    let data = rows.sink.into_table();
    let other_events = if table == TableKind::Events {
        data.text(crate::ingest::columns::Field::EventType)
            .map_or(0, |c| {
                c.codes
                    .iter()
                    .filter(|&&code| super::event_kind(c.names.name(code)).is_none())
                    .count() as u64
            })
    } else {
        0
    };
    SideDone {
        table,
        report: TableFileReport {
            file: rows.name.clone(),
            table,
            rows_read: rows.rows_read,
            rows_used: data.rows as u64,
            rows_rejected,
            rejected,
            duplicates_removed: rows.duplicates.len() as u64,
            other_events,
        },
        rows: data,
        inspection: rows.inspection,
    }
}

impl SideFile {
    /// Reads the opened file `name` as a `table` table.
    pub fn open(
        table: TableKind,
        name: String,
        size: u64,
        opened: Opened,
        options: &FileOptions,
        all: &IngestOptions,
    ) -> Result<SideFile, IngestError> {
        let whole = Role::Whole;
        Ok(match table {
            TableKind::Events => SideFile::Events(FileRows::with_opened(
                name, size, opened, options, all, whole,
            )?),
            TableKind::Products => SideFile::Products(FileRows::with_opened(
                name, size, opened, options, all, whole,
            )?),
            _ => SideFile::Customers(FileRows::with_opened(
                name, size, opened, options, all, whole,
            )?),
        })
    }

    /// Parses up to `budget` records; true when the file is exhausted.
    pub fn parse(&mut self, budget: usize, rows: &mut u64) -> Result<bool, IngestError> {
        match self {
            SideFile::Customers(f) => f.parse(budget, rows),
            SideFile::Events(f) => f.parse(budget, rows),
            SideFile::Products(f) => f.parse(budget, rows),
        }
    }

    /// Input bytes, and the share of them read.
    pub fn progress(&self) -> (u64, f64) {
        match self {
            SideFile::Customers(f) => (f.size, f.source.progress()),
            SideFile::Events(f) => (f.size, f.source.progress()),
            SideFile::Products(f) => (f.size, f.source.progress()),
        }
    }

    /// The file's table and report (an error when it kept no row).
    pub fn finish(self) -> Result<SideDone, IngestError> {
        let kept = match &self {
            SideFile::Customers(f) => f.sink.len_rows(),
            SideFile::Events(f) => f.sink.len_rows(),
            SideFile::Products(f) => f.sink.len_rows(),
        };
        if kept == 0 {
            return Err(match &self {
                SideFile::Customers(f) => f.no_usable_rows(),
                SideFile::Events(f) => f.no_usable_rows(),
                SideFile::Products(f) => f.no_usable_rows(),
            });
        }
        Ok(match self {
            SideFile::Customers(f) => finish(f),
            SideFile::Events(f) => finish(f),
            SideFile::Products(f) => finish(f),
        })
    }
}
