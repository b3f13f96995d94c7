//! The record abstraction every format shares: a header, then records delivered one at a
//! time into a reused `csv::ByteRecord` with the line they started on. Column mapping,
//! value parsing and cleaning never know which format a record came from.
//!
//! Delimited text is parsed lazily straight from the decoded text (`csv_source`), and a
//! workbook's sheet cell by cell as rows are asked for (`xlsx_source`). JSON is read whole
//! into a compact `Table` (one text buffer plus cell offsets) because its header is only known
//! after every object has been seen.

use super::baskets::BasketSource;
pub(crate) use super::cells::Table;
use super::csv_source::CsvSource;
use super::error::IngestError;
use super::record::{RowId, RowInfo};
use super::xlsx_source::XlsxSource;
use csv::ByteRecord;

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
    /// A basket list: a delimited text whose every line is one basket (`baskets.rs`).
    Baskets(Box<BasketSource>),
}

impl Source {
    /// Header cells, in column order.
    pub fn headers(&self) -> &[String] {
        match self {
            Source::Csv(s) => s.headers(),
            Source::Xlsx(x) => x.headers(),
            Source::Table(t) => &t.table.headers,
            Source::Baskets(b) => b.headers(),
        }
    }

    /// Rows above the header that were passed over.
    pub fn title_rows(&self) -> u64 {
        match self {
            Source::Csv(s) => s.title_rows(),
            Source::Xlsx(x) => x.title_rows(),
            Source::Table(t) => t.table.title_rows,
            Source::Baskets(_) => 0,
        }
    }

    /// Line the header was on.
    pub fn header_line(&self) -> u64 {
        match self {
            Source::Csv(s) => s.header_line(),
            Source::Xlsx(x) => x.header_line(),
            Source::Table(t) => t.table.header_line,
            Source::Baskets(_) => 0,
        }
    }

    /// Rows to expect (exact for tables, estimated for text), for reserving memory.
    pub fn estimated_rows(&self) -> usize {
        match self {
            Source::Csv(s) => s.estimated_rows(),
            Source::Xlsx(x) => x.estimated_rows(),
            Source::Table(t) => t.table.len(),
            Source::Baskets(b) => b.estimated_rows(),
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
            Source::Baskets(b) => b.next_record(rec),
            Source::Table(t) => {
                if t.next >= t.table.len() {
                    return Ok(None);
                }
                let row = t.next;
                t.next += 1;
                let malformed = t.table.is_malformed(row);
                if malformed {
                    t.table.fill(row, 1, rec);
                } else {
                    t.table.fill(row, t.table.headers.len(), rec);
                }
                Ok(Some(RowInfo {
                    id: RowId::Index(row as u32),
                    line: t.table.line(row),
                    malformed,
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
            (Source::Baskets(b), earlier, _) => {
                b.record_at(earlier, scratch) && scratch.iter().eq(current.iter())
            }
            _ => false,
        }
    }

    /// Goes back to the first record, when the source can (a workbook read cell by cell
    /// cannot): false then.
    pub fn rewind(&mut self) -> bool {
        match self {
            Source::Csv(s) => s.rewind(),
            Source::Baskets(b) => b.rewind(),
            Source::Xlsx(_) => false,
            Source::Table(t) => {
                t.next = 0;
                true
            }
        }
    }

    /// True when a streamed source has read all it has and waits for `append`.
    pub fn needs_more(&self) -> bool {
        match self {
            Source::Csv(s) => s.needs_more(),
            Source::Baskets(b) => b.csv_ref().needs_more(),
            _ => false,
        }
    }

    /// The delimited text underneath (a basket list's too), for streaming it in chunks.
    pub fn delimited(&mut self) -> Option<&mut CsvSource> {
        match self {
            Source::Csv(s) => Some(s),
            Source::Baskets(b) => Some(b.csv()),
            _ => None,
        }
    }

    /// The next chunk of a streamed source (see `CsvSource::append`).
    pub fn append(&mut self, chunk: &[u8], last: bool) -> Result<(), String> {
        match self {
            Source::Csv(s) => s.append(chunk, last),
            Source::Baskets(b) => b.csv().append(chunk, last),
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
            (Source::Baskets(b), id) => b.record_at(id, scratch),
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
            Source::Baskets(b) => b.progress(),
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
