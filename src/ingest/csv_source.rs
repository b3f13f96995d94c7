//! Delimited text through the `csv` crate (RFC 4180 quoting), read lazily from the decoded
//! text so a step parses only its budget of records. The reader is `flexible`: a ragged
//! row is delivered as it is and rejected by the caller with its line number, never an
//! error for the whole file.

use super::error::{IngestError, IngestErrorKind};
use super::source::{RowId, RowInfo, MAX_COLUMNS, MAX_HEADER_BYTES};
use csv::ByteRecord;
use std::io::Cursor;

/// Records of one delimited file.
#[derive(Debug)]
pub(crate) struct CsvSource {
    file: String,
    reader: csv::Reader<Cursor<Vec<u8>>>,
    headers: Vec<String>,
    header_line: u64,
    delimiter: u8,
    len: u64,
}

fn builder(delimiter: u8) -> csv::ReaderBuilder {
    let mut b = csv::ReaderBuilder::new();
    b.has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .buffer_capacity(64 * 1024);
    b
}

fn not_a_table(file: &str, line: u64, detail: String) -> IngestError {
    IngestError::new(IngestErrorKind::NotATable {
        file: file.to_string(),
        line,
        detail,
    })
}

/// The 1-based line where a record's content starts. csv counts every `\n` it consumed
/// before the record (`line`), but a record's position can point at the `\n` of the
/// previous `\r\n`, or at blank lines it skips: those line breaks are added here.
fn content_line(text: &[u8], start: usize, line: u64) -> u64 {
    let lead = text.get(start..).unwrap_or(&[]);
    let breaks = lead.iter().take_while(|&&b| b == b'\r' || b == b'\n');
    line + breaks.filter(|&&b| b == b'\n').count() as u64
}

impl CsvSource {
    /// Opens `text` and reads its header record.
    pub fn new(file: &str, text: String, delimiter: u8) -> Result<CsvSource, IngestError> {
        let bytes = text.into_bytes();
        let start = bytes
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(0);
        let header_end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| p + start);
        if header_end - start > MAX_HEADER_BYTES {
            let line = bytes[..start].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
            return Err(not_a_table(
                file,
                line,
                format!(
                    "the first line is {} bytes long with no line break; a header line is at \
                     most {MAX_HEADER_BYTES} bytes",
                    header_end - start
                ),
            ));
        }
        let len = bytes.len() as u64;
        let mut reader = builder(delimiter).from_reader(Cursor::new(bytes));
        let mut header = ByteRecord::new();
        let found = reader
            .read_byte_record(&mut header)
            .map_err(|e| not_a_table(file, 1, e.to_string()))?;
        if !found {
            return Err(IngestError::new(IngestErrorKind::Empty {
                file: file.to_string(),
            }));
        }
        let (start, line) = header
            .position()
            .map_or((0, 1), |p| (p.byte() as usize, p.line()));
        let header_line = content_line(reader.get_ref().get_ref(), start, line);
        if header.len() > MAX_COLUMNS {
            return Err(not_a_table(
                file,
                header_line,
                format!(
                    "the header has {} columns; a table has at most {MAX_COLUMNS}",
                    header.len()
                ),
            ));
        }
        let headers = header
            .iter()
            .map(|h| String::from_utf8_lossy(h).trim().to_string())
            .collect();
        Ok(CsvSource {
            file: file.to_string(),
            reader,
            headers,
            header_line,
            delimiter,
            len,
        })
    }

    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    pub fn header_line(&self) -> u64 {
        self.header_line
    }

    /// Rows to expect, from the mean line length of the first 64 KiB (for reserving). A
    /// line is taken to be at least 16 bytes (no order line is shorter), so a file that
    /// starts with blank lines cannot make ingest reserve more than a few times its size.
    pub fn estimated_rows(&self) -> usize {
        let text = self.text();
        let sample = &text[..text.len().min(64 * 1024)];
        let lines = sample.iter().filter(|&&b| b == b'\n').count().max(1);
        text.len() / (sample.len() / lines).max(16)
    }

    /// The next record, with its byte span and the line it starts on.
    pub fn next_record(&mut self, rec: &mut ByteRecord) -> Result<Option<RowInfo>, IngestError> {
        let found = self.reader.read_byte_record(rec).map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            IngestError::new(IngestErrorKind::NotATable {
                file: self.file.clone(),
                line,
                detail: e.to_string(),
            })
        })?;
        if !found {
            return Ok(None);
        }
        let (start, line) = rec.position().map_or((0, 1), |p| (p.byte(), p.line()));
        let end = self.reader.position().byte();
        let line = content_line(self.text(), start as usize, line);
        Ok(Some(RowInfo {
            id: RowId::Span(start, end),
            line,
            malformed: false,
        }))
    }

    fn text(&self) -> &[u8] {
        self.reader.get_ref().get_ref()
    }

    /// Whether the records at byte spans `a` and `b` have the same cells: equal raw bytes
    /// settle it; otherwise (different quoting, or a hash collision) `a` is parsed again.
    pub fn same_cells(
        &self,
        a: (u64, u64),
        b: (u64, u64),
        current: &ByteRecord,
        scratch: &mut ByteRecord,
    ) -> bool {
        let span = |(s, e): (u64, u64)| -> &[u8] {
            let text = self.text();
            let raw = text.get(s as usize..e as usize).unwrap_or(&[]);
            raw.trim_ascii()
        };
        if span(a) == span(b) {
            return true;
        }
        self.record_at(a, scratch) && scratch.iter().eq(current.iter())
    }

    /// The record at byte span `span` into `scratch`; false when it cannot be read.
    pub fn record_at(&self, (s, e): (u64, u64), scratch: &mut ByteRecord) -> bool {
        let raw = self.text().get(s as usize..e as usize).unwrap_or(&[]);
        let mut reader = builder(self.delimiter).from_reader(raw.trim_ascii());
        matches!(reader.read_byte_record(scratch), Ok(true))
    }

    /// Line breaks consumed so far (all of them once the last record has been read).
    pub fn line_breaks_read(&self) -> u64 {
        self.reader.position().line().saturating_sub(1)
    }

    /// Line breaks in the first `len` bytes of the text.
    pub fn line_breaks_before(&self, len: u64) -> u64 {
        let text = self.text();
        let head = &text[..text.len().min(len as usize)];
        head.iter().filter(|&&b| b == b'\n').count() as u64
    }

    /// The field delimiter.
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// Share of the text parsed.
    pub fn progress(&self) -> f64 {
        if self.len == 0 {
            1.0
        } else {
            self.reader.position().byte() as f64 / self.len as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> (Vec<String>, Vec<(u64, Vec<String>)>) {
        let mut src = CsvSource::new("t.csv", text.to_string(), b',').expect("opens");
        let mut rec = ByteRecord::new();
        let mut rows = Vec::new();
        while let Some(info) = src.next_record(&mut rec).expect("reads") {
            rows.push((
                info.line,
                rec.iter()
                    .map(|f| String::from_utf8_lossy(f).into_owned())
                    .collect(),
            ));
        }
        (src.headers().to_vec(), rows)
    }

    #[test]
    fn records_carry_the_line_they_start_on() {
        let (h, rows) = read_all("a,b\r\n1,\"x\ny\"\r\n\r\n2,z\r\n3,w");
        assert_eq!(h, vec!["a", "b"]);
        let lines: Vec<u64> = rows.iter().map(|r| r.0).collect();
        assert_eq!(lines, vec![2, 5, 6]);
        assert_eq!(rows[0].1, vec!["1", "x\ny"]);
    }

    #[test]
    fn ragged_rows_are_delivered_not_refused() {
        let (_, rows) = read_all("a,b,c\n1,2\n1,2,3,4\n");
        assert_eq!(rows[0].1.len(), 2);
        assert_eq!(rows[1].1.len(), 4);
    }

    #[test]
    fn differently_quoted_equal_rows_have_the_same_cells() {
        let text = "a,b\n1,x\n\"1\",\"x\"\n1,y\n";
        let mut src = CsvSource::new("t.csv", text.to_string(), b',').expect("opens");
        let mut rec = ByteRecord::new();
        let mut ids = Vec::new();
        let mut recs = Vec::new();
        while let Some(info) = src.next_record(&mut rec).expect("reads") {
            ids.push(info.id);
            recs.push(rec.clone());
        }
        let span = |id: RowId| match id {
            RowId::Span(a, b) => (a, b),
            RowId::Index(_) => panic!("span expected"),
        };
        let mut scratch = ByteRecord::new();
        assert!(src.same_cells(span(ids[0]), span(ids[1]), &recs[1], &mut scratch));
        assert!(!src.same_cells(span(ids[0]), span(ids[2]), &recs[2], &mut scratch));
    }

    #[test]
    fn a_huge_first_line_is_not_a_table() {
        let text = "x".repeat(MAX_HEADER_BYTES + 10);
        let err = CsvSource::new("big.csv", text, b',').expect_err("refused");
        assert_eq!(err.code(), "ingest.not_a_table");
        assert_eq!(err.line(), Some(1));
    }

    #[test]
    fn too_many_columns_is_not_a_table() {
        let text = format!("{}\n", ",".repeat(MAX_COLUMNS + 1));
        let err = CsvSource::new("wide.csv", text, b',').expect_err("refused");
        assert!(err.to_string().contains("columns"), "{err}");
    }
}
