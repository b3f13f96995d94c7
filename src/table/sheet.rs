//! A table to download — a header, then rows of cells — written as CSV or as an XLSX
//! workbook by the same producer. An analysis writes its table once into a `Sheet`; the
//! format is the sink's business, so a new format is one sink, not a method per analysis.

use super::{spreadsheet_safe, Cell};
use crate::error::Error;

/// Where the rows of a downloaded table go.
pub trait Sheet {
    /// The column names (called once, first).
    fn header(&mut self, names: &[&str]);
    /// One row, a cell per column.
    fn row(&mut self, cells: &[Cell]);
}

/// A CSV table: a null is an empty cell, a text is `spreadsheet_safe` (a cell starting with
/// `=`, `+`, `-`, `@`, a tab or a line break gets a leading `'`), numbers as Rust writes them.
pub struct CsvSheet {
    writer: csv::Writer<Vec<u8>>,
    record: Vec<String>,
}

impl Default for CsvSheet {
    fn default() -> Self {
        CsvSheet {
            // flexible: a download may open with a one-cell summary line above its header
            writer: csv::WriterBuilder::new()
                .flexible(true)
                .from_writer(Vec::new()),
            record: Vec::new(),
        }
    }
}

impl CsvSheet {
    /// The CSV text.
    pub fn finish(self) -> String {
        String::from_utf8(self.writer.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}

impl Sheet for CsvSheet {
    fn header(&mut self, names: &[&str]) {
        // writing to a Vec cannot fail
        let _ = self.writer.write_record(names);
    }

    fn row(&mut self, cells: &[Cell]) {
        self.record.clear();
        self.record.extend(cells.iter().map(|cell| match cell {
            Cell::Int(v) => v.to_string(),
            Cell::Number(v) => v.to_string(),
            Cell::Text(t) => spreadsheet_safe(t).into_owned(),
            Cell::Null => String::new(),
        }));
        let _ = self.writer.write_record(&self.record);
    }
}

/// Rows of one worksheet (Excel's limit, the header included).
pub const XLSX_MAX_ROWS: u32 = 1_048_576;
/// Characters of one cell (Excel's limit).
const XLSX_MAX_CHARS: usize = 32_767;

/// An XLSX workbook of one worksheet: numbers are numbers (a spreadsheet sums them), texts
/// are string cells (never formulas, so they need no neutralising), nulls are blank, the
/// header row is bold and frozen. The document's creation time is fixed, so the same table
/// gives the same bytes in the tab and the CLI.
pub struct XlsxSheet {
    book: rust_xlsxwriter::Workbook,
    name: String,
    next_row: u32,
    /// The rows that did not fit (`XLSX_MAX_ROWS`): the export is refused, never cut.
    overflow: u64,
    error: Option<String>,
    bold: rust_xlsxwriter::Format,
}

impl XlsxSheet {
    /// A workbook whose one worksheet is called `name` (at most 31 characters, Excel's rule).
    pub fn new(name: &str) -> Self {
        let mut book = rust_xlsxwriter::Workbook::new();
        let mut error = None;
        match rust_xlsxwriter::ExcelDateTime::from_ymd(2000, 1, 1) {
            Ok(fixed) => {
                let props = rust_xlsxwriter::DocProperties::new()
                    .set_creation_datetime(&fixed)
                    .set_author("Portrait");
                book.set_properties(&props);
            }
            Err(e) => error = Some(e.to_string()),
        }
        book.add_worksheet();
        XlsxSheet {
            book,
            name: name.chars().take(31).collect(),
            next_row: 0,
            overflow: 0,
            error,
            bold: rust_xlsxwriter::Format::new().set_bold(),
        }
    }

    fn keep(&mut self, result: Result<(), rust_xlsxwriter::XlsxError>) {
        if let (Err(e), None) = (result, &self.error) {
            self.error = Some(e.to_string());
        }
    }

    /// The workbook's bytes, or why it cannot be written.
    pub fn finish(mut self) -> Result<Vec<u8>, Error> {
        if self.overflow > 0 {
            return Err(Error::invalid(
                "export",
                format!(
                    "the table has {} rows, more than a worksheet holds ({XLSX_MAX_ROWS}); export it as CSV",
                    u64::from(self.next_row) + self.overflow
                ),
            ));
        }
        if let Some(e) = self.error.take() {
            return Err(Error::invalid("export", e));
        }
        self.book
            .save_to_buffer()
            .map_err(|e| Error::invalid("export", e))
    }
}

impl Sheet for XlsxSheet {
    fn header(&mut self, names: &[&str]) {
        let name = self.name.clone();
        let result = match self.book.worksheet_from_index(0) {
            Ok(sheet) => sheet.set_name(&name).map(|_| ()).and_then(|_| {
                for (col, text) in names.iter().enumerate() {
                    sheet.write_string_with_format(0, col as u16, *text, &self.bold)?;
                }
                sheet.set_freeze_panes(1, 0).map(|_| ())
            }),
            Err(e) => Err(e),
        };
        self.keep(result);
        self.next_row = 1;
    }

    fn row(&mut self, cells: &[Cell]) {
        if self.next_row >= XLSX_MAX_ROWS {
            self.overflow += 1;
            return;
        }
        let row = self.next_row;
        self.next_row += 1;
        let result = match self.book.worksheet_from_index(0) {
            Ok(sheet) => cells.iter().enumerate().try_for_each(|(col, cell)| {
                let col = col as u16;
                match cell {
                    Cell::Int(v) => sheet.write_number(row, col, *v as f64).map(|_| ()),
                    Cell::Number(v) if v.is_finite() => {
                        sheet.write_number(row, col, *v).map(|_| ())
                    }
                    Cell::Number(_) | Cell::Null => Ok(()),
                    Cell::Text(t) => {
                        let text: String = t.chars().take(XLSX_MAX_CHARS).collect();
                        sheet.write_string(row, col, text).map(|_| ())
                    }
                }
            }),
            Err(e) => Err(e),
        };
        self.keep(result);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_that_start_like_a_formula_are_neutralised_and_numbers_are_not() {
        let mut s = CsvSheet::default();
        s.header(&["customer_id", "note", "revenue"]);
        s.row(&[
            Cell::Text("=1+1".into()),
            Cell::Text("-x".into()),
            Cell::Number(-2.5),
        ]);
        s.row(&[Cell::Text("7".into()), Cell::Null, Cell::Int(-3)]);
        assert_eq!(
            s.finish(),
            "customer_id,note,revenue\n'=1+1,'-x,-2.5\n7,,-3\n"
        );
    }

    #[test]
    fn a_workbook_is_a_zip_and_the_same_table_gives_the_same_bytes() {
        let book = || {
            let mut s = XlsxSheet::new("customers");
            s.header(&["customer_id", "orders"]);
            s.row(&[Cell::Text("=A1".into()), Cell::Int(3)]);
            s.row(&[Cell::Text("b".into()), Cell::Number(f64::NAN)]);
            s.finish().expect("a workbook")
        };
        let bytes = book();
        assert_eq!(&bytes[..4], b"PK\x03\x04", "a zip");
        assert_eq!(bytes, book(), "deterministic");
    }
}
