//! The record abstraction every format shares: a header, then records delivered one at a
//! time into a reused `csv::ByteRecord` with the line they started on. Column mapping,
//! value parsing and cleaning never know which format a record came from.
//!
//! Delimited text is parsed lazily straight from the decoded text (`csv_source`), and a
//! workbook's sheet cell by cell as rows are asked for (`xlsx_source`). JSON is read whole
//! into a compact `Table` (one text buffer plus cell offsets) because its header is only known
//! after every object has been seen.

use super::csv_source::CsvSource;
use super::error::IngestError;
use super::record::{pick_header, RowId, RowInfo, HEADER_SEARCH_ROWS};
use super::xlsx_source::XlsxSource;
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

/// A table being handed out record by record.
#[derive(Debug)]
pub(crate) struct TableSource {
    table: Table,
    next: usize,
}

impl TableSource {
    pub fn new(table: Table) -> TableSource {
        TableSource { table, next: 0 }
    }
}

/// Any format's records.
#[derive(Debug)]
pub(crate) enum Source {
    Csv(CsvSource),
    Xlsx(Box<XlsxSource>),
    Table(TableSource),
}

impl Source {
    /// Header cells, in column order.
    pub fn headers(&self) -> &[String] {
        match self {
            Source::Csv(s) => s.headers(),
            Source::Xlsx(x) => x.headers(),
            Source::Table(t) => &t.table.headers,
        }
    }

    /// Rows above the header that were passed over.
    pub fn title_rows(&self) -> u64 {
        match self {
            Source::Csv(s) => s.title_rows(),
            Source::Xlsx(x) => x.title_rows(),
            Source::Table(t) => t.table.title_rows,
        }
    }

    /// Line the header was on.
    pub fn header_line(&self) -> u64 {
        match self {
            Source::Csv(s) => s.header_line(),
            Source::Xlsx(x) => x.header_line(),
            Source::Table(t) => t.table.header_line,
        }
    }

    /// Rows to expect (exact for tables, estimated for text), for reserving memory.
    pub fn estimated_rows(&self) -> usize {
        match self {
            Source::Csv(s) => s.estimated_rows(),
            Source::Xlsx(x) => x.estimated_rows(),
            Source::Table(t) => t.table.len(),
        }
    }

    /// Whether records are cut/padded to the header width (tables) rather than checked.
    pub fn fixed_width(&self) -> bool {
        matches!(self, Source::Table(_) | Source::Xlsx(_))
    }

    /// The next record into `rec`, or `None` at the end.
    pub fn next_record(&mut self, rec: &mut ByteRecord) -> Result<Option<RowInfo>, IngestError> {
        match self {
            Source::Csv(s) => s.next_record(rec),
            Source::Xlsx(x) => x.next_record(rec),
            Source::Table(t) => {
                if t.next >= t.table.len() {
                    return Ok(None);
                }
                let row = t.next;
                t.next += 1;
                let info = t.table.rows[row];
                if info.malformed {
                    t.table.fill(row, 1, rec);
                } else {
                    t.table.fill(row, t.table.headers.len(), rec);
                }
                Ok(Some(RowInfo {
                    id: RowId::Index(row as u32),
                    line: info.line,
                    malformed: info.malformed,
                }))
            }
        }
    }

    /// True when the earlier record `earlier` has exactly the cells of `current` (the
    /// record just read, id `current_id`). `scratch` is reused between calls.
    pub fn same_cells(
        &self,
        earlier: RowId,
        current_id: RowId,
        current: &ByteRecord,
        scratch: &mut ByteRecord,
    ) -> bool {
        match (self, earlier, current_id) {
            (Source::Csv(s), RowId::Span(a0, a1), RowId::Span(b0, b1)) => {
                s.same_cells((a0, a1), (b0, b1), current, scratch)
            }
            (Source::Table(t), RowId::Index(a), _) => {
                t.table.fill(a as usize, t.table.headers.len(), scratch);
                scratch.iter().eq(current.iter())
            }
            (Source::Xlsx(x), RowId::Index(a), _) => {
                x.record_at(a as usize, scratch);
                scratch.iter().eq(current.iter())
            }
            _ => false,
        }
    }

    /// True when a streamed source has read all it has and waits for `append`.
    pub fn needs_more(&self) -> bool {
        matches!(self, Source::Csv(s) if s.needs_more())
    }

    /// The next chunk of a streamed source (see `CsvSource::append`).
    pub fn append(&mut self, chunk: &[u8], last: bool) -> Result<(), String> {
        match self {
            Source::Csv(s) => s.append(chunk, last),
            Source::Table(_) | Source::Xlsx(_) => Err("a table is read whole".to_string()),
        }
    }

    /// The earlier record `id` into `scratch`; false when it cannot be read.
    pub fn record_at(&self, id: RowId, scratch: &mut ByteRecord) -> bool {
        match (self, id) {
            (Source::Csv(s), RowId::Span(a, b)) => s.record_at((a, b), scratch),
            (Source::Table(t), RowId::Index(a)) => {
                t.table.fill(a as usize, t.table.headers.len(), scratch);
                true
            }
            (Source::Xlsx(x), RowId::Index(a)) => {
                x.record_at(a as usize, scratch);
                true
            }
            _ => false,
        }
    }

    /// Per column: cells read so far that were typed Excel dates (none outside workbooks).
    pub fn date_cells(&self) -> &[u64] {
        match self {
            Source::Xlsx(x) => x.date_cells(),
            _ => &[],
        }
    }

    /// Share of the input consumed, 0 to 1.
    pub fn progress(&self) -> f64 {
        match self {
            Source::Csv(s) => s.progress(),
            Source::Xlsx(x) => x.progress(),
            Source::Table(t) => {
                if t.table.len() == 0 {
                    1.0
                } else {
                    t.next as f64 / t.table.len() as f64
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_pad_short_rows_to_the_header_width() {
        let mut t = Table::default();
        t.begin_row(1);
        t.push_cell(" a ");
        t.push_cell("b");
        t.begin_row(2);
        t.push_cell("1");
        t.begin_row(4);
        t.push_cell("x");
        t.push_cell("y");
        t.push_cell("z");
        assert_eq!(t.take_header(), Some(1));
        assert_eq!(t.headers, vec!["a", "b"]);
        let mut src = Source::Table(TableSource::new(t));
        let mut rec = ByteRecord::new();
        let info = src.next_record(&mut rec).expect("ok").expect("row");
        assert_eq!((info.line, rec.len(), &rec[1]), (2, 2, &b""[..]));
        let info = src.next_record(&mut rec).expect("ok").expect("row");
        assert_eq!((info.line, rec.len()), (4, 2));
        assert!(src.next_record(&mut rec).expect("ok").is_none());
    }

    #[test]
    fn table_rows_with_equal_cells_are_the_same() {
        let mut t = Table::default();
        for (line, cells) in [
            (1, ["h1", "h2"]),
            (2, ["a", "b"]),
            (3, ["a", "b"]),
            (4, ["a", "c"]),
        ] {
            t.begin_row(line);
            for c in cells {
                t.push_cell(c);
            }
        }
        t.take_header();
        let src = Source::Table(TableSource::new(t));
        let mut scratch = ByteRecord::new();
        let current = ByteRecord::from(vec!["a", "b"]);
        assert!(src.same_cells(RowId::Index(0), RowId::Index(1), &current, &mut scratch));
        let other = ByteRecord::from(vec!["a", "c"]);
        assert!(!src.same_cells(RowId::Index(0), RowId::Index(2), &other, &mut scratch));
    }
}
