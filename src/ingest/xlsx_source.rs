//! Excel workbooks (`.xlsx`) through calamine, read cell by cell as the rows are asked for.
//!
//! The sheet is not read whole when the file is opened: `XlsxSource` reads the first rows (to
//! find the header), then each `next_record` reads the cells of one more row from the sheet's
//! XML stream. So a workbook is read inside the ingest job's steps like delimited text: its
//! progress moves and a cancel is seen between steps (a 500k-row workbook used to be one step
//! of several seconds). Rows read stay in a `Table`, because duplicate checks compare a record
//! with an earlier one.
//!
//! Cells become text so every format shares one path: numbers in their shortest round-trip
//! form (`2.55`, `17850`), typed date cells as `YYYY-MM-DD hh:mm:ss` of the wall clock
//! (rounded to the second), booleans as `TRUE` / `FALSE`, error cells as empty. Plain
//! numbers in the date column are read as Excel serial days (`values::parse_date`).

use super::cells::Table;
use super::error::{IngestError, IngestErrorKind};
use super::record::{RowId, RowInfo, HEADER_SEARCH_ROWS, MAX_COLUMNS};
use crate::dataset::time::{civil_from_days, days_from_civil};
use calamine::{DataRef, Reader, Xlsx, XlsxCellReader};
use csv::ByteRecord;
use ouroboros::self_referencing;
use std::fmt::Write;
use std::io::Cursor;

type Bytes = Cursor<Vec<u8>>;

/// Rows read from the sheet at a time (`next_record`).
const READ_AHEAD: usize = 8192;

/// A workbook and the cell reader of one of its sheets, which borrows it (calamine's reader
/// holds the zip entry it decompresses and the shared strings): one value, so the ingest job
/// can keep it between steps.
#[self_referencing]
struct SheetCells {
    book: Xlsx<Bytes>,
    #[borrows(mut book)]
    #[not_covariant]
    cells: XlsxCellReader<'this, Bytes>,
}

impl std::fmt::Debug for SheetCells {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SheetCells")
    }
}

/// One sheet of a workbook, handed out record by record.
#[derive(Debug)]
pub(crate) struct XlsxSource {
    file: String,
    /// Every sheet name of the workbook, in order.
    pub sheets: Vec<String>,
    /// The sheet read.
    pub sheet: String,
    /// `None` once the sheet's last cell is read.
    cells: Option<SheetCells>,
    /// The rows read so far (header taken out); the last one may still be growing.
    table: Table,
    /// The last row of `table` is still being read (its sheet row is `row`).
    growing: bool,
    row: Option<u32>,
    next_col: usize,
    /// The next row of `table` to hand out.
    next: usize,
    /// Per column: cells that were typed Excel dates.
    date_cells: Vec<u64>,
    /// The sheet's last row (from its `<dimension>`; 0 when the sheet does not say).
    last_row: u32,
}

impl XlsxSource {
    /// Opens sheet `sheet` (default: the first) of the workbook in `bytes` and reads it as
    /// far as its header.
    pub fn open(
        file: &str,
        bytes: Vec<u8>,
        sheet: Option<&str>,
    ) -> Result<XlsxSource, IngestError> {
        let book: Xlsx<Bytes> = Xlsx::new(Cursor::new(bytes)).map_err(|e| xlsx_error(file, e))?;
        let sheets = book.sheet_names();
        let name = match sheet {
            Some(s) if sheets.iter().any(|n| n == s) => s.to_string(),
            Some(s) => {
                return Err(IngestError::new(IngestErrorKind::SheetNotFound {
                    file: file.to_string(),
                    sheet: s.to_string(),
                    sheets,
                }))
            }
            None => match sheets.first() {
                Some(first) => first.clone(),
                None => return Err(xlsx_error(file, "the workbook has no sheets")),
            },
        };
        let cells = SheetCellsTryBuilder {
            book,
            cells_builder: |book: &mut Xlsx<Bytes>| book.worksheet_cells_reader(&name),
        }
        .try_build()
        .map_err(|e| xlsx_error(file, e))?;
        let last_row = cells.with_cells(|c| c.dimensions().end.0);
        let mut source = XlsxSource {
            file: file.to_string(),
            sheets,
            sheet: name,
            cells: Some(cells),
            table: Table::default(),
            growing: false,
            row: None,
            next_col: 0,
            next: 0,
            date_cells: Vec::new(),
            last_row,
        };
        // the header is the first full row of the first few (`record::pick_header`)
        source.read_until(HEADER_SEARCH_ROWS)?;
        if source.table.take_header().is_none() {
            return Err(IngestError::new(IngestErrorKind::Empty {
                file: file.to_string(),
            }));
        }
        Ok(source)
    }

    /// Rows of `table` that are read to their end.
    fn complete(&self) -> usize {
        self.table.len() - usize::from(self.growing)
    }

    /// Reads cells until more than `n` rows are complete, or the sheet ends.
    fn read_until(&mut self, n: usize) -> Result<(), IngestError> {
        let Some(cells) = self.cells.as_mut() else {
            return Ok(());
        };
        let (table, date_cells) = (&mut self.table, &mut self.date_cells);
        let (row, next_col, growing) = (&mut self.row, &mut self.next_col, &mut self.growing);
        let more = cells
            .with_cells_mut(|reader| -> Result<bool, calamine::XlsxError> {
                while table.len() - usize::from(*growing) <= n {
                    let Some(cell) = reader.next_cell()? else {
                        return Ok(false);
                    };
                    let (r, c) = cell.get_position();
                    let c = c as usize;
                    if c >= MAX_COLUMNS {
                        continue;
                    }
                    if *row != Some(r) {
                        table.drop_row_if_blank();
                        table.begin_row(u64::from(r) + 1);
                        *row = Some(r);
                        *next_col = 0;
                        *growing = true;
                    }
                    if c < *next_col {
                        continue; // out of order: keep the first value
                    }
                    while *next_col < c {
                        table.end_cell();
                        *next_col += 1;
                    }
                    write_cell(table.cell_buffer(), cell.get_value(), c, date_cells);
                    table.end_cell();
                    *next_col += 1;
                }
                Ok(true)
            })
            .map_err(|e| xlsx_error(&self.file, e))?;
        if !more {
            // the sheet's end: its last row is complete, and the workbook is not needed
            self.table.drop_row_if_blank();
            self.growing = false;
            self.cells = None;
        }
        Ok(())
    }

    /// The header cells.
    pub fn headers(&self) -> &[String] {
        &self.table.headers
    }

    /// Rows above the header that were passed over.
    pub fn title_rows(&self) -> u64 {
        self.table.title_rows
    }

    /// Line (sheet row) the header was on.
    pub fn header_line(&self) -> u64 {
        self.table.header_line
    }

    /// Rows to expect below the header, from the sheet's dimension (for reserving memory;
    /// capped, as a dimension is only what the writer claimed).
    pub fn estimated_rows(&self) -> usize {
        // `last_row` counts from 0, `header_line` from 1
        (u64::from(self.last_row) + 1)
            .saturating_sub(self.table.header_line)
            .min(2_000_000) as usize
    }

    /// Per column: cells read so far that were typed Excel dates.
    pub fn date_cells(&self) -> &[u64] {
        &self.date_cells
    }

    /// The next row into `rec` (cut or padded to the header width), or `None` at the end.
    pub fn next_record(&mut self, rec: &mut ByteRecord) -> Result<Option<RowInfo>, IngestError> {
        if self.next >= self.complete() {
            // rows are read ahead in runs: one tight loop over the XML, then the rows
            self.read_until(self.next + READ_AHEAD)?;
        }
        if self.next >= self.complete() {
            return Ok(None);
        }
        let row = self.next;
        self.next += 1;
        self.table.fill(row, self.table.headers.len(), rec);
        Ok(Some(RowInfo {
            id: RowId::Index(row as u32),
            line: self.table.line(row),
            malformed: false,
        }))
    }

    /// Earlier row `row` into `rec`.
    pub fn record_at(&self, row: usize, rec: &mut ByteRecord) {
        self.table.fill(row, self.table.headers.len(), rec);
    }

    /// Share of the sheet handed out, 0 to 1 (rows given ÷ rows its dimension claims; 0
    /// until the end when it claims none).
    pub fn progress(&self) -> f64 {
        if self.cells.is_none() && self.next >= self.complete() {
            1.0
        } else if self.last_row == 0 {
            0.0
        } else {
            (self.next as f64 / self.estimated_rows().max(1) as f64).min(1.0)
        }
    }
}

/// Writes one cell's value as text; counts typed date cells of column `c`.
fn write_cell(buf: &mut String, value: &DataRef<'_>, c: usize, date_cells: &mut Vec<u64>) {
    match value {
        DataRef::Int(i) => {
            let _ = write!(buf, "{i}");
        }
        DataRef::Float(f) => write_float(buf, *f),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => buf.push_str(s),
        DataRef::SharedString(s) => buf.push_str(s),
        DataRef::Bool(b) => buf.push_str(if *b { "TRUE" } else { "FALSE" }),
        DataRef::DateTime(dt) if dt.is_datetime() => {
            write_datetime(buf, dt);
            if date_cells.len() <= c {
                date_cells.resize(c + 1, 0);
            }
            date_cells[c] += 1;
        }
        DataRef::DateTime(dt) => write_float(buf, dt.as_f64()),
        DataRef::Error(_) | DataRef::Empty => {}
    }
}

/// The reader's error, in words a merchant can act on where it is one of the usual two: a
/// zip that is not a workbook, a workbook cut short (a download or copy that did not finish).
fn xlsx_error(file: &str, e: impl std::fmt::Display) -> IngestError {
    let message = e.to_string();
    let lower = message.to_lowercase();
    let why = if lower.contains("file not found")
        && ["_rels", "content_types", "workbook"]
            .iter()
            .any(|p| lower.contains(p))
    {
        Some("xlsx.not_workbook")
    } else if [
        "eocd",
        "invalid zip",
        "unexpected eof",
        "corrupt",
        "end of central",
    ]
    .iter()
    .any(|p| lower.contains(p))
    {
        Some("xlsx.truncated")
    } else if lower.contains("password") || lower.contains("encrypt") {
        Some("xlsx.encrypted")
    } else {
        None
    };
    match why {
        Some(why) => IngestError::new(IngestErrorKind::XlsxUnreadable {
            file: file.to_string(),
            why,
        }),
        None => IngestError::new(IngestErrorKind::Xlsx {
            file: file.to_string(),
            message,
        }),
    }
}

/// Writes a float the way a spreadsheet shows it: integers without `.0`.
fn write_float(buf: &mut String, f: f64) {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        let _ = write!(buf, "{}", f as i64);
    } else {
        let _ = write!(buf, "{f}");
    }
}

/// Writes `YYYY-MM-DD hh:mm:ss` for an Excel date, rounding milliseconds to the second.
fn write_datetime(buf: &mut String, dt: &calamine::ExcelDateTime) {
    let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
    let secs = days_from_civil(i32::from(y), u32::from(mo), u32::from(d)) * 86_400
        + i64::from(h) * 3600
        + i64::from(mi) * 60
        + i64::from(s)
        + i64::from(ms >= 500);
    let (y, mo, d) = civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    let _ = write!(
        buf,
        "{y:04}-{mo:02}-{d:02} {:02}:{:02}:{:02}",
        t / 3600,
        t / 60 % 60,
        t % 60
    );
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write as _;

    /// A minimal workbook of one sheet `Orders` holding `rows` as inline strings (numbers
    /// as number cells), as the smallest valid SpreadsheetML package (ECMA-376 part 1:
    /// content types, relationships, workbook, one worksheet).
    pub(crate) fn workbook(rows: &[Vec<String>]) -> Vec<u8> {
        let mut sheet = String::from(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
        );
        let _ = write!(sheet, r#"<dimension ref="A1:Z{}"/><sheetData>"#, rows.len());
        for (r, row) in rows.iter().enumerate() {
            let _ = write!(sheet, r#"<row r="{}">"#, r + 1);
            for (c, v) in row.iter().enumerate() {
                let at = format!("{}{}", (b'A' + c as u8) as char, r + 1);
                if v.parse::<f64>().is_ok() {
                    let _ = write!(sheet, r#"<c r="{at}"><v>{v}</v></c>"#);
                } else {
                    let _ = write!(
                        sheet,
                        r#"<c r="{at}" t="inlineStr"><is><t>{v}</t></is></c>"#
                    );
                }
            }
            sheet.push_str("</row>");
        }
        sheet.push_str("</sheetData></worksheet>");
        let parts = [
            (
                "[Content_Types].xml",
                r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string(),
            ),
            (
                "_rels/.rels",
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string(),
            ),
            (
                "xl/workbook.xml",
                r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string(),
            ),
            (
                "xl/_rels/workbook.xml.rels",
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string(),
            ),
            ("xl/worksheets/sheet1.xml", sheet),
        ];
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, text) in parts {
            zip.start_file(name, stored).expect("a zip entry");
            zip.write_all(text.as_bytes()).expect("written");
        }
        zip.finish().expect("a zip").into_inner()
    }

    /// `n` order rows below a header.
    pub(crate) fn order_rows(n: usize) -> Vec<Vec<String>> {
        let mut rows = vec![[
            "order_id",
            "customer_id",
            "order_date",
            "quantity",
            "unit_price",
        ]
        .map(String::from)
        .to_vec()];
        for i in 0..n {
            rows.push(vec![
                format!("A{i}"),
                format!("c{}", i % 97),
                format!("2024-01-{:02} 10:00:00", i % 28 + 1),
                "1".into(),
                "2.5".into(),
            ]);
        }
        rows
    }

    #[test]
    fn a_sheet_is_read_only_as_far_as_its_rows_are_asked_for() {
        let mut source =
            XlsxSource::open("o.xlsx", workbook(&order_rows(20_000)), None).expect("opens");
        assert_eq!(source.headers()[0], "order_id");
        assert_eq!(source.estimated_rows(), 20_000);
        let at_open = source.table.len();
        assert!(
            at_open <= HEADER_SEARCH_ROWS + 1,
            "{at_open} rows read at open"
        );
        let mut rec = ByteRecord::new();
        for _ in 0..5_000 {
            source.next_record(&mut rec).expect("reads").expect("a row");
        }
        assert_eq!(&rec[0], b"A4999");
        assert_eq!(source.progress(), 0.25);
        let held = source.table.len();
        assert!(held <= 5_001 + READ_AHEAD, "{held} rows held");
        let mut n = 5_000;
        while let Some(info) = source.next_record(&mut rec).expect("reads") {
            n += 1;
            assert_eq!(info.line, n as u64 + 1);
        }
        assert_eq!((n, source.progress()), (20_000, 1.0));
    }

    #[test]
    fn floats_are_written_as_a_spreadsheet_shows_them() {
        let mut s = String::new();
        write_float(&mut s, 17850.0);
        s.push(' ');
        write_float(&mut s, 2.55);
        s.push(' ');
        write_float(&mut s, -0.5);
        assert_eq!(s, "17850 2.55 -0.5");
    }

    #[test]
    fn excel_datetimes_round_to_the_second() {
        let dt = calamine::ExcelDateTime::new(
            40_878.534_722_222_22,
            calamine::ExcelDateTimeType::DateTime,
            false,
        );
        let mut s = String::new();
        write_datetime(&mut s, &dt);
        assert_eq!(s, "2011-12-01 12:50:00");
    }

    #[test]
    fn garbage_is_a_workbook_error_not_a_panic() {
        let err =
            XlsxSource::open("x.xlsx", b"PK\x03\x04garbage".to_vec(), None).expect_err("fails");
        assert_eq!(err.code(), "ingest.xlsx_unreadable");
        assert!(
            err.to_string()
                .starts_with("x.xlsx: the workbook is incomplete"),
            "{err}"
        );
    }
}
