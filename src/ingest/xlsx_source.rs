//! Excel workbooks (`.xlsx`) through calamine, streamed cell by cell into a `Table`.
//!
//! Cells become text so every format shares one path: numbers in their shortest round-trip
//! form (`2.55`, `17850`), typed date cells as `YYYY-MM-DD hh:mm:ss` of the wall clock
//! (rounded to the second), booleans as `TRUE` / `FALSE`, error cells as empty. Plain
//! numbers in the date column are read as Excel serial days (`values::parse_date`).

use super::error::{IngestError, IngestErrorKind};
use super::record::MAX_COLUMNS;
use super::source::Table;
use crate::dataset::time::{civil_from_days, days_from_civil};
use calamine::{DataRef, Reader, Xlsx};
use std::fmt::Write;
use std::io::Cursor;

/// One sheet read from a workbook.
#[derive(Debug)]
pub(crate) struct Sheet {
    /// Every sheet name of the workbook, in order.
    pub sheets: Vec<String>,
    /// The sheet read.
    pub sheet: String,
    /// Its cells (header taken out).
    pub table: Table,
    /// Per column: cells that were typed Excel dates.
    pub date_cells: Vec<u64>,
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

/// Reads sheet `sheet` (default: the first) of the workbook in `bytes`; with `max_rows`,
/// stops after that many rows below the header (for the preview).
pub(crate) fn read_sheet(
    file: &str,
    bytes: &[u8],
    sheet: Option<&str>,
    max_rows: Option<usize>,
) -> Result<Sheet, IngestError> {
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| xlsx_error(file, e))?;
    let sheets = workbook.sheet_names();
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
    let mut reader = workbook
        .worksheet_cells_reader(&name)
        .map_err(|e| xlsx_error(file, e))?;
    let mut table = Table::default();
    let mut date_cells: Vec<u64> = Vec::new();
    let mut row: Option<u32> = None;
    let mut next_col = 0usize;
    let limit = max_rows.map(|m| m + 1);
    while let Some(cell) = reader.next_cell().map_err(|e| xlsx_error(file, e))? {
        let (r, c) = cell.get_position();
        let c = c as usize;
        if c >= MAX_COLUMNS {
            continue;
        }
        if row != Some(r) {
            table.drop_row_if_blank();
            if limit.is_some_and(|l| table.len() >= l) {
                break;
            }
            table.begin_row(u64::from(r) + 1);
            row = Some(r);
            next_col = 0;
        }
        if c < next_col {
            continue; // out of order: keep the first value
        }
        while next_col < c {
            table.end_cell();
            next_col += 1;
        }
        let buf = table.cell_buffer();
        match cell.get_value() {
            DataRef::Int(i) => {
                let _ = write!(buf, "{i}");
            }
            DataRef::Float(f) => write_float(buf, *f),
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                buf.push_str(s)
            }
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
        table.end_cell();
        next_col += 1;
    }
    table.drop_row_if_blank();
    if table.take_header().is_none() {
        return Err(IngestError::new(IngestErrorKind::Empty {
            file: file.to_string(),
        }));
    }
    Ok(Sheet {
        sheets,
        sheet: name,
        table,
        date_cells,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let err = read_sheet("x.xlsx", b"PK\x03\x04garbage", None, None).expect_err("fails");
        assert_eq!(err.code(), "ingest.xlsx_unreadable");
        assert!(
            err.to_string()
                .starts_with("x.xlsx: the workbook is incomplete"),
            "{err}"
        );
    }
}
