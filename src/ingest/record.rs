//! What every source delivers and every table reads: one record at a time, where it is, and
//! its cells as text. Its own module so the sources (`csv_source`, `source`) and the row loop
//! (`rows`) share it without importing each other.

use super::values::trim;
use csv::ByteRecord;

/// Most columns a header may have (Excel's limit); more means the file is not a table.
pub(crate) const MAX_COLUMNS: usize = 16_384;

/// Longest header line accepted (a real header is a few hundred bytes).
pub(crate) const MAX_HEADER_BYTES: usize = 1 << 20;

/// Records looked at for the header: exports put a title, an export time or a blank line
/// or two above it (`订单报表 导出时间：…`), never pages of them.
pub(crate) const HEADER_SEARCH_ROWS: usize = 20;

/// Which of the first records is the header, from how many non-empty cells each has: the
/// first with at least half as many as the fullest of them (and two or more). A title line
/// above a header has one or two cells; a header names every column.
pub(crate) fn pick_header(non_empty: &[usize]) -> usize {
    let widest = non_empty.iter().copied().max().unwrap_or(0);
    if widest < 2 {
        return 0;
    }
    non_empty
        .iter()
        .position(|&n| n >= 2 && 2 * n >= widest)
        .unwrap_or(0)
}

/// Non-empty cells of a record (a cell of spaces is empty).
pub(crate) fn non_empty_cells(rec: &ByteRecord) -> usize {
    rec.iter().filter(|c| !c.trim_ascii().is_empty()).count()
}

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
    fn the_header_is_the_first_full_row() {
        assert_eq!(pick_header(&[8, 8, 8]), 0);
        assert_eq!(
            pick_header(&[1, 0, 9, 9]),
            2,
            "a title and a blank line above"
        );
        assert_eq!(pick_header(&[2, 12, 12]), 1, "title and export time above");
        assert_eq!(pick_header(&[1, 1, 1]), 0, "a one-column file");
        assert_eq!(
            pick_header(&[5, 9, 9]),
            0,
            "a header with a few empty names"
        );
        assert_eq!(pick_header(&[]), 0);
    }

    #[test]
    fn id_cells_lose_the_excel_text_guard() {
        assert_eq!(id_cell(" =\"2024031512345\" "), "2024031512345");
        assert_eq!(id_cell(" 17850 "), "17850");
    }
}
