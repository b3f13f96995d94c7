//! Rows the row loop passes over without counting them against the file — blank rows,
//! totals rows, order summary rows, export footers — each said in a note. Its own module so
//! the row loop and the split wire form share it without importing each other.

use crate::message::Message;
use serde::{Deserialize, Serialize};

/// Rows passed over without a reason to count them against the file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Passed {
    /// Rows with no non-empty cell.
    pub blank: u64,
    /// Lines of totals rows (`合计`, `Total`), which sum the rows above.
    pub totals: Vec<u64>,
    /// Order summary rows above their item rows.
    pub summaries: u64,
    /// Lines the export adds below the data (`3 record(s) downloaded`).
    pub footers: u64,
}

impl Passed {
    /// Adds a later half's (its lines already moved to the whole file's).
    pub fn extend(&mut self, later: Passed) {
        self.blank += later.blank;
        self.totals.extend(later.totals);
        self.summaries += later.summaries;
        self.footers += later.footers;
    }

    /// What the report notes of them.
    pub fn notes(&self) -> Vec<Message> {
        let mut notes = Vec::new();
        if let Some(&line) = self.totals.first() {
            notes.push(
                Message::new("note.totals_rows")
                    .with("count", self.totals.len() as u64)
                    .with("line", line),
            );
        }
        if self.blank > 0 {
            notes.push(Message::new("note.blank_rows").with("count", self.blank));
        }
        if self.summaries > 0 {
            notes.push(Message::new("note.summary_rows").with("count", self.summaries));
        }
        if self.footers > 0 {
            notes.push(Message::new("note.footer_rows").with("count", self.footers));
        }
        notes
    }
}
