//! What every source delivers and every table reads: one record at a time, where it is, and
//! its cells as text. Its own module so the sources (`csv_source`, `source`) and the row loop
//! (`rows`) share it without importing each other.

use super::values::trim;
use csv::ByteRecord;

/// Most columns a header may have (Excel's limit); more means the file is not a table.
pub(crate) const MAX_COLUMNS: usize = 16_384;

/// Longest header line accepted (a real header is a few hundred bytes).
pub(crate) const MAX_HEADER_BYTES: usize = 1 << 20;

/// Where a record is, so an earlier one can be read again when checking for duplicates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowId {
    /// Byte span of a delimited record in the decoded text.
    Span(u64, u64),
    /// Row index of a `Table`.
    Index(u32),
}

/// One record as delivered: its id and 1-based line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowInfo {
    pub id: RowId,
    pub line: u64,
    /// The row could not be read as a record (a JSON line that is not an object); its only
    /// cell holds the raw text.
    pub malformed: bool,
}

/// The cells of a record as text, its UTF-8 checked once for the whole record.
#[derive(Clone, Copy)]
pub(crate) struct Cells<'a> {
    rec: &'a ByteRecord,
    /// The whole record's text (every cell, back to back).
    pub text: &'a str,
}

impl<'a> Cells<'a> {
    /// `None` when the record is not UTF-8 — which cannot happen: every source fills its
    /// records from decoded text (`String` / `&str`), so validating each record again would
    /// only repeat the whole-file validation of `encoding::decode_text` (≈6 % of parsing).
    pub fn new(rec: &'a ByteRecord) -> Option<Cells<'a>> {
        let bytes = rec.as_slice();
        debug_assert!(std::str::from_utf8(bytes).is_ok());
        // SAFETY: records are cut from valid UTF-8 text. csv-core splits fields only at
        // ASCII bytes (delimiter, quote, CR, LF) and unescaping only drops ASCII quotes;
        // no byte of a multi-byte UTF-8 sequence is ASCII, so every field — and the
        // concatenation of the fields, `as_slice()` — is valid UTF-8. The XLSX and JSON
        // sources push `&str` cells.
        let text = unsafe { std::str::from_utf8_unchecked(bytes) };
        Some(Cells { rec, text })
    }

    /// Cell `i` ("" when absent).
    pub fn get(&self, i: usize) -> &'a str {
        self.rec
            .range(i)
            .and_then(|r| self.text.get(r))
            .unwrap_or("")
    }
}

/// An id cell: trimmed, and without Excel's `="…"` text guard (`="2024031512345"`), which
/// Chinese platforms write so long order numbers survive Excel.
pub(crate) fn id_cell(s: &str) -> &str {
    let t = trim(s);
    t.strip_prefix("=\"")
        .and_then(|r| r.strip_suffix('"'))
        .map_or(t, trim)
}

/// A record as one line of text (cells joined by commas), for a rejection's value.
pub(crate) fn record_text(rec: &ByteRecord) -> String {
    let fields: Vec<String> = rec
        .iter()
        .map(|f| String::from_utf8_lossy(f).into_owned())
        .collect();
    fields.join(",")
}

/// A record's cells as strings (the mapping review's preview).
pub(crate) fn record_cells(rec: &ByteRecord) -> Vec<String> {
    rec.iter()
        .map(|f| String::from_utf8_lossy(f).into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_cells_lose_the_excel_text_guard() {
        assert_eq!(id_cell(" =\"2024031512345\" "), "2024031512345");
        assert_eq!(id_cell(" 17850 "), "17850");
    }
}
