//! Delimited text through the `csv` crate (RFC 4180 quoting), read lazily from the decoded
//! text so a step parses only its budget of records. The reader is `flexible`: a ragged
//! row is delivered as it is and rejected by the caller with its line number, never an
//! error for the whole file.

use super::error::{IngestError, IngestErrorKind, TableProblem};
use super::record::{
    non_empty_cells, pick_header, RowId, RowInfo, HEADER_SEARCH_ROWS, MAX_COLUMNS, MAX_HEADER_BYTES,
};
use csv::ByteRecord;
use std::io::{Cursor, SeekFrom};

/// Records of one delimited file.
#[derive(Debug)]
pub(crate) struct CsvSource {
    file: String,
    reader: csv::Reader<Cursor<Vec<u8>>>,
    headers: Vec<String>,
    header_line: u64,
    /// Where the header record starts (to read it again as data: `headerless`).
    header_at: Option<csv::Position>,
    /// Where the first record after the header starts (`rewind`).
    data_at: csv::Position,
    /// Records above the header (a title, an export time) that were passed over.
    title_rows: u64,
    delimiter: u8,
    len: u64,
    /// Streamed: more text is coming (`append`).
    more: Option<More>,
}

/// The state of a streamed source between two `append`s.
#[derive(Debug, Default)]
struct More {
    /// Bytes of a character cut by the end of the last chunk.
    carry: Vec<u8>,
    /// Where to read on: the start of the record held back because it reached the end of
    /// the text so far (it may continue in the next chunk), or the end of the last record.
    resume: Option<csv::Position>,
}

/// The bytes at the end of `bytes` that begin a UTF-8 character without finishing it (a
/// chunk cut inside a character); they are removed from `bytes` and returned.
pub(crate) fn cut_partial_char(bytes: &mut Vec<u8>) -> Vec<u8> {
    let n = bytes.len();
    for back in 1..=n.min(3) {
        let b = bytes[n - back];
        let width = match b {
            0x00..=0x7f => return Vec::new(),
            0x80..=0xbf => continue, // a continuation byte: look further back
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => 4,
        };
        return if back < width {
            bytes.split_off(n - back)
        } else {
            Vec::new()
        };
    }
    Vec::new()
}

fn builder(delimiter: u8) -> csv::ReaderBuilder {
    let mut b = csv::ReaderBuilder::new();
    b.has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .buffer_capacity(64 * 1024);
    b
}

fn not_a_table(file: &str, line: u64, problem: TableProblem) -> IngestError {
    IngestError::new(IngestErrorKind::NotATable {
        file: file.to_string(),
        line,
        problem,
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

/// With the first record in `header`: looks at the next few records and, when a later one
/// is the header (`record::pick_header`), leaves it in `header` and the reader after it.
/// Returns how many records above it were passed over.
fn find_header(
    reader: &mut csv::Reader<Cursor<Vec<u8>>>,
    header: &mut ByteRecord,
    file: &str,
) -> Result<u64, IngestError> {
    let mut rows = vec![(header.clone(), reader.position().clone())];
    let mut rec = ByteRecord::new();
    while rows.len() < HEADER_SEARCH_ROWS {
        match reader.read_byte_record(&mut rec) {
            Ok(true) => rows.push((rec.clone(), reader.position().clone())),
            Ok(false) => break,
            // a parser error below the header is reported where the records are read
            Err(_) => break,
        }
    }
    let counts: Vec<usize> = rows.iter().map(|(r, _)| non_empty_cells(r)).collect();
    let k = pick_header(&counts);
    let (chosen, after) = rows.swap_remove(k);
    *header = chosen;
    reader
        .seek_raw(SeekFrom::Start(after.byte()), after)
        .map_err(|e| not_a_table(file, 1, TableProblem::Parser(e.to_string())))?;
    Ok(k as u64)
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
                TableProblem::LongHeader {
                    bytes: header_end - start,
                    max: MAX_HEADER_BYTES,
                },
            ));
        }
        let len = bytes.len() as u64;
        let mut reader = builder(delimiter).from_reader(Cursor::new(bytes));
        let mut header = ByteRecord::new();
        let found = reader
            .read_byte_record(&mut header)
            .map_err(|e| not_a_table(file, 1, TableProblem::Parser(e.to_string())))?;
        if !found {
            return Err(IngestError::new(IngestErrorKind::Empty {
                file: file.to_string(),
            }));
        }
        let title_rows = find_header(&mut reader, &mut header, file)?;
        let (start, line) = header
            .position()
            .map_or((0, 1), |p| (p.byte() as usize, p.line()));
        let header_line = content_line(reader.get_ref().get_ref(), start, line);
        if header.len() > MAX_COLUMNS {
            return Err(not_a_table(
                file,
                header_line,
                TableProblem::TooManyColumns {
                    columns: header.len(),
                    max: MAX_COLUMNS,
                },
            ));
        }
        let headers = header
            .iter()
            .map(|h| String::from_utf8_lossy(h).trim().to_string())
            .collect();
        let data_at = reader.position().clone();
        Ok(CsvSource {
            data_at,
            file: file.to_string(),
            reader,
            headers,
            header_line,
            header_at: header.position().cloned(),
            title_rows,
            delimiter,
            len,
            more: None,
        })
    }

    /// Makes this a streamed source: the text so far is the start of `total` bytes, the rest
    /// comes through `append`; `carry` is a character cut by the end of the first chunk.
    pub fn expect_more(&mut self, carry: Vec<u8>, total: u64) {
        self.len = total;
        self.more = Some(More {
            carry,
            resume: None,
        });
    }

    /// True when the records read so far end where the text so far ends: `append` first.
    pub fn needs_more(&self) -> bool {
        self.more.as_ref().is_some_and(|m| m.resume.is_some())
    }

    /// Adds the next chunk of a streamed source (`last`: no more after it). The chunk must
    /// continue the text as UTF-8 without NUL bytes; otherwise `Err` with the reason (the
    /// caller then reads the file whole, which reports the bytes as the whole read would).
    pub fn append(&mut self, chunk: &[u8], last: bool) -> Result<(), String> {
        let Some(more) = self.more.take() else {
            return Err("the text was complete".to_string());
        };
        let mut bytes = more.carry;
        bytes.extend_from_slice(chunk);
        let carry = if last {
            Vec::new()
        } else {
            cut_partial_char(&mut bytes)
        };
        if std::str::from_utf8(&bytes).is_err() || bytes.contains(&0) {
            return Err("a chunk is not UTF-8 text".to_string());
        }
        let resume = more
            .resume
            .unwrap_or_else(|| self.reader.position().clone());
        let reader = std::mem::replace(
            &mut self.reader,
            builder(self.delimiter).from_reader(Cursor::new(Vec::new())),
        );
        let mut text = reader.into_inner().into_inner();
        text.reserve((self.len as usize).saturating_sub(text.len()));
        text.extend_from_slice(&bytes);
        self.reader = builder(self.delimiter).from_reader(Cursor::new(text));
        self.reader
            .seek_raw(SeekFrom::Start(resume.byte()), resume)
            .map_err(|e| e.to_string())?;
        if !last {
            self.more = Some(More {
                carry,
                resume: None,
            });
        }
        Ok(())
    }

    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// The file has no header: the record taken for it is read again as the first row, and
    /// `names` are the columns. False when the reader cannot go back to it.
    pub fn headerless(&mut self, names: &[&str]) -> bool {
        let Some(at) = self.header_at.clone() else {
            return false;
        };
        if self.reader.seek(at.clone()).is_err() {
            return false;
        }
        self.data_at = at;
        self.headers = names.iter().map(|n| n.to_string()).collect();
        self.header_line = 0;
        true
    }

    /// The first `n` records of the text as trimmed cells, read apart from this source's
    /// own position; `None` when the text cannot be parsed that far.
    pub fn first_records(&self, n: usize) -> Option<Vec<Vec<String>>> {
        let mut reader = builder(self.delimiter).from_reader(self.text());
        let mut rec = ByteRecord::new();
        let mut rows = Vec::new();
        while rows.len() < n && reader.read_byte_record(&mut rec).ok()? {
            let cells: Vec<String> = rec
                .iter()
                .map(|c| String::from_utf8_lossy(c).trim().to_string())
                .collect();
            if cells.iter().any(|c| !c.is_empty()) {
                rows.push(cells);
            }
        }
        Some(rows)
    }

    /// The text has no header: every record, from the first line, is data, and there are
    /// no column names (a basket list). False when the reader cannot go back to the start.
    pub fn start_at_first_line(&mut self) -> bool {
        let start = csv::Position::new();
        if self.more.is_some() || self.reader.seek(start.clone()).is_err() {
            return false;
        }
        self.data_at = start;
        self.headers.clear();
        self.header_line = 0;
        self.title_rows = 0;
        true
    }

    /// Goes back to the first record after the header (a few were read to look at them).
    /// False for a streamed source, or when the reader cannot seek.
    pub fn rewind(&mut self) -> bool {
        self.more.is_none() && self.reader.seek(self.data_at.clone()).is_ok()
    }

    pub fn header_line(&self) -> u64 {
        self.header_line
    }

    /// Records above the header that were passed over.
    pub fn title_rows(&self) -> u64 {
        self.title_rows
    }

    /// Rows to expect, from the mean line length of the first 64 KiB (for reserving). A
    /// line is taken to be at least 16 bytes (no order line is shorter), so a file that
    /// starts with blank lines cannot make ingest reserve more than a few times its size.
    pub fn estimated_rows(&self) -> usize {
        let text = self.text();
        let sample = &text[..text.len().min(64 * 1024)];
        let lines = sample.iter().filter(|&&b| b == b'\n').count().max(1);
        (self.len as usize).max(text.len()) / (sample.len() / lines).max(16)
    }

    /// The next record, with its byte span and the line it starts on.
    pub fn next_record(&mut self, rec: &mut ByteRecord) -> Result<Option<RowInfo>, IngestError> {
        let found = self.reader.read_byte_record(rec).map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            not_a_table(&self.file, line, TableProblem::Parser(e.to_string()))
        })?;
        let end = self.reader.position().byte();
        let text_len = self.text().len();
        let position = self.reader.position().clone();
        if let Some(more) = &mut self.more {
            // a record that reaches the end of the text so far may go on in the next chunk:
            // hold it back and read it again after `append`
            if !found || end as usize >= text_len {
                let at = rec.position().filter(|_| found).cloned();
                more.resume = Some(at.unwrap_or(position));
                return Ok(None);
            }
        }
        if !found {
            return Ok(None);
        }
        let (start, line) = rec.position().map_or((0, 1), |p| (p.byte(), p.line()));
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
    fn a_character_cut_by_a_chunk_end_is_carried_over() {
        let cut = |b: &[u8]| {
            let mut v = b.to_vec();
            let carry = cut_partial_char(&mut v);
            (v, carry)
        };
        let zhong = "中".as_bytes(); // e4 b8 ad
        assert_eq!(cut(b"ab"), (b"ab".to_vec(), vec![]));
        assert_eq!(
            cut(&[b'a', zhong[0], zhong[1]]),
            (b"a".to_vec(), zhong[..2].to_vec())
        );
        assert_eq!(cut(&[b'a', zhong[0]]), (b"a".to_vec(), zhong[..1].to_vec()));
        assert_eq!(cut("a中".as_bytes()), ("a中".as_bytes().to_vec(), vec![]));
        assert_eq!(cut(&[0xf0, 0x9f, 0x98]), (vec![], vec![0xf0, 0x9f, 0x98]));
        assert_eq!(cut(b""), (vec![], vec![]));
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
