//! The full analysis report: what `portrait analyze --json` prints and what the page's
//! "Export JSON" produces — the same bytes for the same input (tested).

use crate::analysis::overview::Overview;
use crate::ingest::{FileInspection, QualityReport};
use crate::segment::rfm::{RfmRow, RfmSummary};
use serde::Serialize;

/// Version of the report's JSON layout; bump on any breaking change of a field.
pub const REPORT_FORMAT: u32 = 1;

/// Everything one ingest + analysis run produced.
#[derive(Debug, Clone, Serialize)]
pub struct Report<'a> {
    /// `REPORT_FORMAT`.
    pub format: u32,
    /// Per file: format, encoding, mapping used.
    pub files: &'a [FileInspection],
    /// Data-quality report.
    pub quality: &'a QualityReport,
    /// Overview KPIs.
    pub overview: &'a Overview,
    /// RFM summary and one row per customer (natural id order).
    pub rfm: RfmReport,
}

/// RFM part of the report.
#[derive(Debug, Clone, Serialize)]
pub struct RfmReport {
    /// Segment totals and grid.
    pub summary: RfmSummary,
    /// Every customer.
    pub customers: Vec<RfmRow>,
}
