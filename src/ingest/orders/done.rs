//! A finished orders file, before the files are merged: its lines, report and accounts,
//! which the merge steps (`join`, `overlap`, `currencies`) read and change; and
//! `filter_lines`, the one way lines are dropped after a file is read. Its own module so
//! those steps and `file` share it without importing each other.

use crate::dataset::{OrderLines, NONE};
use crate::ingest::files::FileInspection;
use crate::ingest::left_out::LeftOut;
use crate::ingest::report::{FileReport, Rejections};
use crate::ingest::tally::Tally;
use crate::message::Message;

/// A finished file.
#[derive(Debug)]
pub(crate) struct FileDone {
    pub(super) lines: OrderLines,
    pub(super) report: FileReport,
    pub(super) inspection: FileInspection,
    pub(super) rejections: Rejections,
    pub(super) duplicates: u64,
    /// Σ value, return lines and cancelled lines over used rows and duplicates.
    pub(super) value_cents: i64,
    pub(super) return_lines: u64,
    pub(super) cancelled_lines: u64,
    pub(super) currency_marks: Tally<&'static str>,
    pub(super) region_header: Option<String>,
    /// Why the file reads as a Chinese shop's (`currency.chinese_headers`, `…_values`).
    pub(super) chinese_headers: Option<&'static str>,
    /// Rows left out on purpose.
    pub(super) left_out: LeftOut,
    /// Return lines added for refunds, and their value (≤ 0).
    pub(super) refund_lines: u64,
    pub(super) refund_cents: i64,
    /// Kept lines whose status says partly refunded, with no amount given.
    pub(super) partly_refunded_unknown: u64,
    /// The platform's own currency, when its profile has one.
    pub(super) platform_currency: Option<(&'static str, &'static str)>,
}

impl FileDone {
    /// The platform profile the file was read with.
    pub(super) fn profile(&self) -> Option<&'static crate::ingest::platforms::Profile> {
        self.inspection
            .platform
            .as_ref()
            .and_then(|p| crate::ingest::platforms::by_id(&p.id))
    }

    /// The file's name.
    pub(super) fn file(&self) -> &str {
        &self.report.file
    }

    /// Adds a note to the file's report.
    pub(super) fn note(&mut self, note: Message) {
        self.report.notes.push(note);
    }
}

/// The lines where `keep` is true, re-interned, and each old index's new index.
pub(super) fn filter_lines(lines: &OrderLines, keep: &[bool]) -> (OrderLines, Vec<u32>) {
    let mut out = OrderLines::default();
    let mut new_index = vec![NONE; lines.len()];
    for i in (0..lines.len()).filter(|&i| keep[i]) {
        new_index[i] = out.len() as u32;
        out.push_line_of(lines, i);
    }
    (out, new_index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dimension;

    #[test]
    fn filtering_lines_reinterns_the_kept_ones() {
        let mut t = OrderLines::default();
        t.push("o1", Some("c1"), 1, Some("p1"), 1.0, 100, false);
        t.set_product_name(0, "Tea");
        t.set_dimension(Dimension::Channel, "app");
        t.push("o2", Some("c2"), 2, None, 1.0, 200, false);
        t.push("o3", Some("c1"), 3, Some("p1"), 1.0, 300, false);
        t.finish();
        let (f, idx) = filter_lines(&t, &[true, false, true]);
        assert_eq!(idx, vec![0, NONE, 1]);
        assert_eq!(f.order_ids.len(), 2);
        assert_eq!(f.customer_ids.len(), 1);
        assert_eq!(f.product_names[0].as_ref(), "Tea");
        assert_eq!(f.amount_cents, vec![100, 300]);
    }
}
