//! `Table`: rows of text cells in one buffer (the cells of JSON objects, the rows of a sheet
//! read so far), with the header found among its first rows. The record sources hand its
//! rows out (`source::TableSource`, `xlsx_source::XlsxSource`).

use super::record::{pick_header, HEADER_SEARCH_ROWS};
use csv::ByteRecord;

/// A table of text cells (JSON objects, the rows of a sheet read so far): all cells in one
/// buffer.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    pub headers: Vec<String>,
    pub header_line: u64,
    /// Rows above the header that were passed over (a title, an export time).
    pub title_rows: u64,
    text: String,
    cell_ends: Vec<usize>,
    rows: Vec<TableRow>,
}

#[derive(Debug, Clone, Copy)]
struct TableRow {
    first_cell: usize,
    cells: usize,
    line: u64,
    malformed: bool,
}

impl Table {
    /// Starts a row that began on `line`.
    pub fn begin_row(&mut self, line: u64) {
        let first_cell = self.cell_ends.len();
        self.rows.push(TableRow {
            first_cell,
            cells: 0,
            line,
            malformed: false,
        });
    }

    /// Adds a row that is not a record: `raw` is kept as its only cell.
    pub fn push_malformed_row(&mut self, line: u64, raw: &str) {
        self.begin_row(line);
        self.push_cell(raw);
        if let Some(row) = self.rows.last_mut() {
            row.malformed = true;
        }
    }

    /// Drops the current row if every cell of it is empty (blank spreadsheet rows).
    pub fn drop_row_if_blank(&mut self) {
        let Some(row) = self.rows.last().copied() else {
            return;
        };
        if (0..row.cells).all(|c| self.cell(self.rows.len() - 1, c).trim().is_empty()) {
            let start = if row.first_cell == 0 {
                0
            } else {
                self.cell_ends[row.first_cell - 1]
            };
            self.text.truncate(start);
            self.cell_ends.truncate(row.first_cell);
            self.rows.pop();
        }
    }

    /// Appends a cell to the current row.
    pub fn push_cell(&mut self, value: &str) {
        self.text.push_str(value);
        self.end_cell();
    }

    /// The text buffer, to write a cell in place (then call `end_cell`).
    pub fn cell_buffer(&mut self) -> &mut String {
        &mut self.text
    }

    /// Ends a cell written through `cell_buffer`.
    pub fn end_cell(&mut self) {
        self.cell_ends.push(self.text.len());
        if let Some(row) = self.rows.last_mut() {
            row.cells += 1;
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Cell `col` of row `row` ("" past the row's end).
    pub fn cell(&self, row: usize, col: usize) -> &str {
        let Some(r) = self.rows.get(row) else {
            return "";
        };
        if col >= r.cells {
            return "";
        }
        let i = r.first_cell + col;
        let start = if i == 0 { 0 } else { self.cell_ends[i - 1] };
        self.text.get(start..self.cell_ends[i]).unwrap_or("")
    }

    /// Removes the header row — the first full one of the first few (`record::pick_header`)
    /// — and the rows above it; returns its line.
    pub fn take_header(&mut self) -> Option<u64> {
        let counts: Vec<usize> = (0..self.rows.len().min(HEADER_SEARCH_ROWS))
            .map(|r| {
                let cells = self.rows[r].cells;
                (0..cells)
                    .filter(|&c| !self.cell(r, c).trim().is_empty())
                    .count()
            })
            .collect();
        let k = pick_header(&counts);
        let first = *self.rows.get(k)?;
        self.headers = (0..first.cells)
            .map(|c| self.cell(k, c).trim().to_string())
            .collect();
        self.rows.drain(..=k);
        self.header_line = first.line;
        self.title_rows = k as u64;
        Some(first.line)
    }

    /// Whether row `row` is not a record (kept whole as its only cell).
    pub fn is_malformed(&self, row: usize) -> bool {
        self.rows.get(row).is_some_and(|r| r.malformed)
    }

    /// The line (sheet row) row `row` began on.
    pub fn line(&self, row: usize) -> u64 {
        self.rows.get(row).map_or(0, |r| r.line)
    }

    /// Row `row` into `rec`, padded with empty cells (or cut) to `width` fields.
    pub fn fill(&self, row: usize, width: usize, rec: &mut ByteRecord) {
        rec.clear();
        for c in 0..width {
            rec.push_field(self.cell(row, c).as_bytes());
        }
    }
}
