//! The report: what `portrait report --json` prints and what the page's "Export JSON"
//! produces — the same bytes for the same input (tested).
//!
//! `{format, files, <kind>: <section>, …}` with one section per analysis of the report, in
//! registry order. A section is the analysis's output; an analysis with customer columns
//! writes `{summary: <output>, customers: [{customer_id, <column>: value, …}, …]}`, every
//! customer in natural id order.

use crate::analysis::cache::Model;
use crate::analysis::{Context, Entry};
use crate::error::Error;
use crate::ingest::FileInspection;
use crate::table::AllRows;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// Version of the report's JSON layout; bump on any breaking change of a field.
/// 2: sentences became message codes (`Message`), the RFM grid's segment may be null.
pub const REPORT_FORMAT: u32 = 2;

/// One analysis's part of the report (and its own export).
pub struct Section<'a> {
    summary: Box<dyn erased_serde::Serialize>,
    customers: Option<AllRows<'a>>,
}

impl<'a> Section<'a> {
    /// The section of `entry`'s `model`.
    pub fn of(
        entry: &'static dyn Entry,
        model: &'a Model,
        cx: &Context<'a>,
    ) -> Result<Section<'a>, Error> {
        let summary = entry.output(model, cx)?;
        let names = entry.columns().iter().map(|c| c.name);
        let columns: Vec<_> = names.zip(entry.values(model)?).collect();
        let customers = (!columns.is_empty()).then_some(AllRows {
            data: cx.data,
            columns,
        });
        Ok(Section { summary, customers })
    }
}

impl Serialize for Section<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.customers {
            None => self.summary.serialize(s),
            Some(rows) => {
                let mut map = s.serialize_map(Some(2))?;
                map.serialize_entry("summary", &*self.summary)?;
                map.serialize_entry("customers", rows)?;
                map.end()
            }
        }
    }
}

struct Report<'r, 'a> {
    files: &'r [FileInspection],
    sections: &'r [(&'static str, Section<'a>)],
}

impl Serialize for Report<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.sections.len() + 2))?;
        map.serialize_entry("format", &REPORT_FORMAT)?;
        map.serialize_entry("files", self.files)?;
        for (kind, section) in self.sections {
            map.serialize_entry(kind, section)?;
        }
        map.end()
    }
}

/// The report of `files` with `sections` (kind, section), as pretty JSON.
/// The files carry no preview rows: those show every column of the file, names, phones and
/// addresses from columns that were never mapped among them, and an export is handed on.
pub fn to_json(
    files: &[FileInspection],
    sections: &[(&'static str, Section<'_>)],
) -> serde_json::Result<String> {
    let files: Vec<FileInspection> = files
        .iter()
        .map(|f| FileInspection {
            preview: Vec::new(),
            ..f.clone()
        })
        .collect();
    serde_json::to_string_pretty(&Report {
        files: &files,
        sections,
    })
}
