//! The row loop, generic over the table: every file of every table kind is read here — its
//! records counted, previewed, checked for shape (malformed, wrong number of fields) and
//! for exact duplicates — and each usable record is handed to the table's `Sink`, which
//! parses the cells its schema names and keeps the row.
//!
//! A sink knows its schema and its values; the loop knows files, lines, rejections and the
//! halves of a split file. The split-only state lives in the file's `Role` (a head, a tail).

use super::clean::{record_hash, record_hash2, Deduper};
use super::columns::ColumnAssignment;
use super::csv_source::cut_partial_char;
use super::error::{IngestError, IngestErrorKind, NoRows};
use super::files::{FileInspection, FileOptions, IngestOptions};
use super::left_out::{Aside, LeftOut};
use super::open::{open, resolve_mapping, sample_rows, Opened, PROPOSAL_ROWS};
pub(crate) use super::passed::Passed;
use super::platforms::{PlatformMatch, Profile};
use super::proposals::propose;
use super::record::{record_cells, record_text, Cells, RowInfo};
use super::report::{cut_chars, FieldCount, RejectReason, Rejection, Rejections};
use super::schema::Schema;
use super::source::Source;
use super::split::SplitPlan;
use super::status::LeftOutReason;
use crate::message::Message;
use csv::ByteRecord;

/// A table kind's reader of rows: what the loop hands each well-shaped record to.
pub(crate) trait Sink: Sized {
    /// The table's fields, synonyms and required sets.
    const SCHEMA: &'static Schema;

    /// A record's cells parsed into the table's values (borrowing the record's text).
    type Row<'a>;

    /// A sink for a file whose columns are `mapping` (read as `profile`'s export, when one
    /// was recognised or chosen), with room for about `rows` rows; `None` when the mapping
    /// lacks a column the table cannot do without.
    fn new(
        mapping: &[ColumnAssignment],
        profile: Option<&'static Profile>,
        file: &Opened,
        rows: usize,
        options: &IngestOptions,
    ) -> Option<Self>;

    /// What the report notes about the file's columns (a missing quantity, …).
    fn notes(&self) -> Vec<Message>;

    /// Parses the cells of line `line`, or says why the row is not kept (rejected, or left
    /// out on purpose).
    fn parse<'a>(&mut self, cells: &Cells<'a>, line: u64) -> Result<Self::Row<'a>, NotKept>;

    /// The interned id a row's exact duplicates share (orders: the order id): duplicates
    /// are looked for among the earlier rows with the same key.
    fn dedupe_key(&self, row: &Self::Row<'_>) -> u32;

    /// Rows kept so far.
    fn len(&self) -> usize;

    /// Keeps a row that repeats no earlier one, as row `len()`.
    fn keep<'a>(&mut self, row: Self::Row<'a>, cells: &Cells<'a>, line: u64);
}

/// Why a sink cannot use a row: the reason, the column and the value shown.
#[derive(Debug)]
pub(crate) struct Reject {
    pub reason: RejectReason,
    pub column: Option<usize>,
    pub value: String,
}

/// Why a sink does not keep a row.
#[derive(Debug)]
pub(crate) enum NotKept {
    /// The row cannot be used (counted among the rejections).
    Rejected(Reject),
    /// The row is fine but is not a sale (a cancelled order, another currency).
    LeftOut(LeftOutRow),
    /// The row sums an order whose item rows follow (`Profile::summary_rows_lack`).
    Summary,
}

/// A row left out on purpose: why, its order, the cell that decided and the row's value.
#[derive(Debug)]
pub(crate) struct LeftOutRow {
    pub reason: LeftOutReason,
    pub order_id: String,
    pub column: usize,
    pub value: String,
    pub cents: i64,
}

impl From<Reject> for NotKept {
    fn from(r: Reject) -> NotKept {
        NotKept::Rejected(r)
    }
}

/// The words a totals row starts with (compared ignoring ASCII case and spaces, without a
/// trailing colon).
const TOTALS_WORDS: [&str; 8] = [
    "合计",
    "总计",
    "汇总",
    "总合计",
    "total",
    "totals",
    "grandtotal",
    "sum",
];

/// The record's first non-empty cell (`None`: a blank row). Cheap on the hot path: it stops
/// at the first cell with content, which is the first cell of any real row.
fn first_cell(rec: &ByteRecord) -> Option<&[u8]> {
    rec.iter().find(|c| !c.trim_ascii().is_empty())
}

/// True when `first` (a row's first non-empty cell) starts with one of `footers`.
fn is_footer_row(first: &[u8], footers: &[&str]) -> bool {
    !footers.is_empty() && {
        let lower = String::from_utf8_lossy(first).trim().to_lowercase();
        footers.iter().any(|f| lower.contains(f))
    }
}

/// True when `first` (a row's first non-empty cell) is a totals word. No allocation: this
/// runs on every row, and a real order id is rarely this short and never one of the words.
fn is_totals_cell(first: &[u8]) -> bool {
    let mut cell = first.trim_ascii();
    if let Some(rest) = cell
        .strip_suffix(b":")
        .or_else(|| cell.strip_suffix("：".as_bytes()))
    {
        cell = rest.trim_ascii();
    }
    if cell.len() > 16 {
        return false;
    }
    let mut buf = [0u8; 16];
    let mut n = 0;
    for &b in cell {
        if b != b' ' {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        }
    }
    TOTALS_WORDS.iter().any(|w| w.as_bytes() == &buf[..n])
}

impl Reject {
    /// The row's cell `column` cannot be used for `reason`.
    pub fn cell(reason: RejectReason, column: usize, value: &str) -> Reject {
        Reject {
            reason,
            column: Some(column),
            value: value.to_string(),
        }
    }
}

/// What a file job reads of its file, with the state only that half needs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) enum Role {
    /// All of it.
    #[default]
    Whole,
    /// Bytes `0..split`; the tail is absorbed before the file is finished.
    Head(Head),
    /// The prefix and bytes `split..`; the result is a `ParsedPart`.
    Tail(Tail),
}

/// The head half of a split file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Head {
    pub plan: SplitPlan,
    /// The tail has been absorbed.
    pub absorbed: bool,
    /// The last record's last cell ended in a line break — the cut fell inside a quoted
    /// cell, and the tail did not start at a record.
    pub last_cell_newline: bool,
}

/// The tail half of a split file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tail {
    pub plan: SplitPlan,
    /// Per kept row: its 128-bit fingerprint (`record_hash`, `record_hash2`), so the head
    /// can recognise the rows that repeat one of its own.
    pub fingerprint: Vec<[u64; 2]>,
    /// Per kept row: the line it was read from.
    pub kept_line: Vec<u64>,
}

impl Role {
    /// The head of a file split by `plan`.
    pub fn head(plan: SplitPlan) -> Role {
        Role::Head(Head {
            plan,
            absorbed: false,
            last_cell_newline: false,
        })
    }

    /// The tail of a file split by `plan`.
    pub fn tail(plan: SplitPlan) -> Role {
        Role::Tail(Tail {
            plan,
            fingerprint: Vec::new(),
            kept_line: Vec::new(),
        })
    }

    /// The split plan of a half.
    pub fn plan(&self) -> Option<SplitPlan> {
        match self {
            Role::Whole => None,
            Role::Head(h) => Some(h.plan),
            Role::Tail(t) => Some(t.plan),
        }
    }
}

/// One file being read into the table of sink `S`.
#[derive(Debug)]
pub(crate) struct FileRows<S> {
    pub name: String,
    /// Input bytes of the file (all of them for a streamed file).
    pub size: u64,
    pub inspection: FileInspection,
    pub source: Source,
    /// Fields per record (the header's).
    width: usize,
    /// The source pads every record to the header (XLSX, JSON): no field count check.
    fixed_width: bool,
    /// Some bytes were replaced while decoding: rows holding U+FFFD are malformed.
    lossy: bool,
    pub dedupe: Deduper,
    /// Per removed duplicate: the row index of the row it repeats, and its own line.
    pub duplicates: Vec<(u32, u64)>,
    pub rejections: Rejections,
    /// Rows left out on purpose (a status that is not a sale).
    pub left_out: LeftOut,
    /// Blank and totals rows passed over.
    pub passed: Passed,
    /// The profile's footer lines (`Profile::footers`).
    footers: &'static [&'static str],
    /// The text holds a NUL byte somewhere (its rows are looked at for one).
    nul: bool,
    pub rows_read: u64,
    pub notes: Vec<Message>,
    rec: ByteRecord,
    /// Every record has been read (and, streamed, every byte supplied).
    pub parsed_all: bool,
    pub role: Role,
    pub sink: S,
}

pub(crate) fn split_failed(file: &str, why: &str) -> IngestError {
    IngestError::new(IngestErrorKind::SplitFailed {
        file: file.to_string(),
        why: why.to_string(),
    })
}

/// Opens `bytes` as a `role` half (or all) of file `name`; `streamed`: the bytes are the
/// first chunk of that many, the rest to come through `source.append`. Also says the
/// file's size.
pub(crate) fn open_file(
    name: &str,
    bytes: Vec<u8>,
    options: &FileOptions,
    role: &Role,
    streamed: Option<u64>,
) -> Result<(Opened, u64), IngestError> {
    let size = streamed.unwrap_or(bytes.len() as u64);
    let delimiter = match role {
        Role::Tail(tail) => Some(tail.plan.delimiter),
        _ => None,
    };
    if let (Some(plan), Some(_)) = (role.plan(), streamed) {
        if (bytes.len() as u64) <= plan.prefix_len {
            return Err(split_failed(name, "the first chunk must hold the header"));
        }
    }
    let mut bytes = bytes;
    let carry = streamed.map(|_| cut_partial_char(&mut bytes));
    let mut opened = open(name, bytes, options, delimiter)?;
    if let (Some(total), Some(carry), Some(csv)) = (streamed, carry, opened.source.delimited()) {
        csv.expect_more(carry, total);
    }
    if *role != Role::Whole {
        let utf8 = matches!(opened.encoding.as_str(), "UTF-8" | "UTF-8 (BOM)");
        if !utf8 || opened.lossy || !matches!(opened.source, Source::Csv(_)) {
            return Err(split_failed(
                name,
                "a half is not plain UTF-8 delimited text",
            ));
        }
    }
    Ok((opened, size))
}

impl<S: Sink> FileRows<S> {
    /// Opens and reads file `name` whole (tests read a table this way).
    #[cfg(test)]
    pub fn open(
        name: String,
        bytes: Vec<u8>,
        options: &FileOptions,
        all_options: &IngestOptions,
        role: Role,
        streamed: Option<u64>,
    ) -> Result<FileRows<S>, IngestError> {
        let (opened, size) = open_file(&name, bytes, options, &role, streamed)?;
        FileRows::with_opened(name, size, opened, options, all_options, role)
    }

    /// Reads the file `open_file` opened (of `size` bytes) into the table of `S`.
    pub fn with_opened(
        name: String,
        size: u64,
        mut opened: Opened,
        options: &FileOptions,
        all_options: &IngestOptions,
        role: Role,
    ) -> Result<FileRows<S>, IngestError> {
        let headers = opened.source.headers().to_vec();
        let resolved = resolve_mapping(S::SCHEMA, &name, &headers, options)?;
        let (mapping, mut missing, profile) =
            (resolved.mapping, resolved.missing, resolved.profile);
        if !missing.is_empty() && missing.iter().all(|f| S::SCHEMA.stand_in.contains(f)) {
            // the table can do without these, unless a column's values look like one: then
            // the merchant is asked, as for any missing column
            let sample = sample_rows(&mut opened.source, PROPOSAL_ROWS)?;
            let proposals = propose(&headers, &sample, &mapping, &missing);
            if proposals.iter().all(|p| !missing.contains(&p.field)) && opened.source.rewind() {
                missing.clear();
            } else {
                return Err(IngestError::new(IngestErrorKind::MissingColumns {
                    file: name,
                    missing,
                    headers: headers.iter().take(30).map(|h| cut_chars(h, 40)).collect(),
                    proposals,
                }));
            }
        }
        let rows = opened.source.estimated_rows();
        let sink = match S::new(&mapping, profile.map(|p| p.0), &opened, rows, all_options) {
            Some(sink) if missing.is_empty() => sink,
            _ => {
                let sample = sample_rows(&mut opened.source, PROPOSAL_ROWS)?;
                let proposals = propose(&headers, &sample, &mapping, &missing);
                return Err(IngestError::new(IngestErrorKind::MissingColumns {
                    file: name,
                    missing,
                    headers: headers.iter().take(30).map(|h| cut_chars(h, 40)).collect(),
                    proposals,
                }));
            }
        };
        let mut notes = sink.notes();
        if opened.lossy {
            notes.push(Message::new("note.lossy_text"));
        }
        let nul = opened.nul;
        let title_rows = opened.source.title_rows();
        if title_rows > 0 {
            let header_line = opened.source.header_line();
            notes.push(
                Message::new("note.title_rows")
                    .with("count", title_rows)
                    .with("line", header_line),
            );
        }
        if role != Role::Whole
            && profile.is_some_and(|(p, _)| !p.carried.is_empty() || p.summary_rows_lack.is_some())
        {
            // a half cannot see the first line of an order the cut went through
            return Err(split_failed(
                &name,
                "an order's first line carries its other lines' fields",
            ));
        }
        let platform = profile.map(|(p, recognised)| PlatformMatch::new(p, &headers, recognised));
        let mut inspection = opened.inspection(&name, headers, mapping, missing, Vec::new());
        inspection.platform = platform;
        inspection.table = S::SCHEMA.table;
        Ok(FileRows {
            dedupe: Deduper::with_capacity(rows),
            name,
            size,
            width: inspection.headers.len(),
            fixed_width: opened.source.fixed_width(),
            lossy: opened.lossy,
            inspection,
            source: opened.source,
            duplicates: Vec::new(),
            rejections: Rejections::default(),
            left_out: LeftOut::default(),
            passed: Passed::default(),
            footers: profile.map_or(&[], |(p, _)| p.footers),
            nul,
            rows_read: 0,
            notes,
            rec: ByteRecord::new(),
            parsed_all: false,
            role,
            sink,
        })
    }

    /// A head whose rows are read, waiting for its tail.
    pub fn awaiting_part(&self) -> bool {
        self.parsed_all && matches!(&self.role, Role::Head(head) if !head.absorbed)
    }

    /// The header of column `col` ("" past the header).
    pub fn header(&self, col: usize) -> String {
        self.inspection
            .headers
            .get(col)
            .cloned()
            .unwrap_or_default()
    }

    /// Counts line `line` as rejected for `reason` (its cell `col`, showing `value`).
    pub fn reject(&mut self, reason: RejectReason, line: u64, col: Option<usize>, value: &str) {
        let why = Reject {
            reason,
            column: col,
            value: value.to_string(),
        };
        add_rejection(
            &mut self.rejections,
            &self.name,
            &self.inspection.headers,
            why,
            line,
        );
    }

    /// Parses up to `budget` records; true when the file is exhausted.
    pub fn parse(&mut self, budget: usize, rows_total: &mut u64) -> Result<bool, IngestError> {
        for _ in 0..budget {
            let Some(info) = self.source.next_record(&mut self.rec)? else {
                return Ok(true);
            };
            self.rows_read += 1;
            *rows_total += 1;
            if let Role::Head(head) = &mut self.role {
                let last = self.rec.len().checked_sub(1).and_then(|i| self.rec.get(i));
                head.last_cell_newline = last.is_some_and(|c| c.last() == Some(&b'\n'));
            }
            if self.inspection.preview.len() < 5 {
                self.inspection.preview.push(record_cells(&self.rec));
            }
            self.row(info);
        }
        Ok(false)
    }

    /// Reads one record: rejects it with its reason, drops it as a duplicate, or keeps it.
    fn row(&mut self, info: RowInfo) {
        let line = info.line;
        let rec = &self.rec;
        let cells = match Cells::new(rec) {
            Some(c) if !(info.malformed || self.lossy && c.text.contains('\u{fffd}')) => c,
            _ => {
                let text = record_text(rec);
                self.reject(RejectReason::Malformed, line, None, &text);
                return;
            }
        };
        let Some(first) = first_cell(rec) else {
            self.passed.blank += 1;
            return;
        };
        if self.nul && cells.text.contains('\0') {
            // a stray NUL byte in an otherwise text file (`encoding::stray_nuls_only`)
            let col = (0..rec.len()).find(|&i| cells.get(i).contains('\0'));
            let value = col.map_or_else(|| record_text(rec), |c| cells.get(c).replace('\0', "␀"));
            self.reject(RejectReason::NulByte, line, col, &value);
            return;
        }
        if is_totals_cell(first) {
            self.passed.totals.push(line);
            return;
        }
        if is_footer_row(first, self.footers) {
            self.passed.footers += 1;
            return;
        }
        if !self.fixed_width && rec.len() != self.width {
            let extra_empty = rec.len() > self.width
                && rec
                    .iter()
                    .skip(self.width)
                    .all(|f| f.trim_ascii().is_empty());
            if !extra_empty {
                let (found, expected) = (rec.len(), self.width);
                let file = &self.name;
                self.rejections
                    .add(RejectReason::WrongFieldCount, line, || Rejection {
                        file: file.clone(),
                        line,
                        column: String::new(),
                        value: cut_chars(&record_text(rec), 80),
                        detail: Some(FieldCount {
                            expected: expected as u64,
                            found: found as u64,
                        }),
                    });
                return;
            }
        }
        let parsed = self.sink.parse(&cells, line);
        let row = match parsed {
            Ok(row) => row,
            Err(NotKept::Rejected(why)) => {
                let headers = &self.inspection.headers;
                add_rejection(&mut self.rejections, &self.name, headers, why, line);
                return;
            }
            Err(NotKept::Summary) => {
                self.passed.summaries += 1;
                return;
            }
            Err(NotKept::LeftOut(row)) => {
                let column = self.inspection.headers.get(row.column);
                self.left_out.add(Aside {
                    reason: row.reason,
                    order_id: &row.order_id,
                    value: &row.value,
                    cents: row.cents,
                    file: &self.name,
                    line,
                    column: column.map_or("", String::as_str),
                });
                return;
            }
        };
        // the row is usable; drop it if it repeats an earlier one
        let index = self.sink.len() as u32;
        let key = self.sink.dedupe_key(&row);
        let hash = record_hash(rec);
        if let Some(orig) = self
            .dedupe
            .check(&self.source, rec, info.id, hash, key, index)
        {
            self.duplicates.push((orig, line));
            return;
        }
        if let Role::Tail(tail) = &mut self.role {
            tail.fingerprint.push([hash, record_hash2(rec)]);
            tail.kept_line.push(line);
        }
        self.sink.keep(row, &cells, line);
    }

    /// The error of a file that kept no row: why (no rows, or every row rejected).
    pub fn no_usable_rows(&self) -> IngestError {
        let why = match self.rejections.top() {
            None => NoRows::None {
                header_line: self.source.header_line(),
            },
            Some((reason, count, first)) => NoRows::AllRejected {
                rows: self.rows_read,
                count,
                reason,
                first: first.cloned(),
            },
        };
        IngestError::new(IngestErrorKind::NoUsableRows {
            file: self.name.clone(),
            why,
        })
    }
}

/// Counts line `line` of `file` as rejected (`why`), naming the column by its header.
fn add_rejection(
    rejections: &mut Rejections,
    file: &str,
    headers: &[String],
    why: Reject,
    line: u64,
) {
    rejections.add(why.reason, line, || Rejection {
        file: file.to_string(),
        line,
        column: why
            .column
            .and_then(|c| headers.get(c))
            .cloned()
            .unwrap_or_default(),
        value: cut_chars(&why.value, 80),
        detail: None,
    });
}

#[cfg(test)]
mod tests {
    //! The loop over a table that is not orders: a test-only contacts table (an id and an
    //! email), read through the same opening, shape checks, rejections and duplicates.

    use super::super::columns::Field;
    use super::super::ids::IdTable;
    use super::super::schema::{FieldSpec, Requirement, TableKind, ValueKind};
    use super::*;

    static CONTACTS: Schema = Schema {
        table: TableKind::Orders,
        fields: &[
            FieldSpec {
                field: Field::CustomerId,
                synonyms: &["customerid"],
                value: ValueKind::Id,
            },
            FieldSpec {
                field: Field::ProductName,
                synonyms: &["email"],
                value: ValueKind::Text,
            },
        ],
        required: &[Requirement {
            any_of: &[Field::CustomerId],
            reported: Field::CustomerId,
        }],
        stand_in: &[],
        whole_order: &[],
    };

    /// Keeps each contact's id and email; an email without `@` is rejected.
    #[derive(Debug, Default)]
    struct Contacts {
        id: usize,
        email: usize,
        ids: IdTable,
        kept: Vec<(String, String, u64)>,
    }

    impl Sink for Contacts {
        const SCHEMA: &'static Schema = &CONTACTS;
        type Row<'a> = (&'a str, &'a str, u32);

        fn new(
            m: &[ColumnAssignment],
            _: Option<&'static Profile>,
            _: &Opened,
            _: usize,
            _: &IngestOptions,
        ) -> Option<Self> {
            let col = |f| m.iter().find(|a| a.field == f).map(|a| a.column);
            Some(Contacts {
                id: col(Field::CustomerId)?,
                email: col(Field::ProductName)?,
                ..Contacts::default()
            })
        }
        fn notes(&self) -> Vec<Message> {
            Vec::new()
        }
        fn parse<'a>(&mut self, cells: &Cells<'a>, _: u64) -> Result<Self::Row<'a>, NotKept> {
            let (id, email) = (cells.get(self.id), cells.get(self.email));
            if !email.contains('@') {
                return Err(Reject::cell(RejectReason::InvalidPrice, self.email, email).into());
            }
            Ok((id, email, self.ids.intern(id)))
        }
        fn dedupe_key(&self, row: &Self::Row<'_>) -> u32 {
            row.2
        }
        fn len(&self) -> usize {
            self.kept.len()
        }
        fn keep<'a>(&mut self, row: Self::Row<'a>, _: &Cells<'a>, line: u64) {
            self.kept.push((row.0.to_string(), row.1.to_string(), line));
        }
    }

    #[test]
    fn another_table_is_read_through_the_same_loop() {
        let text =
            "Email,Customer ID\na@x.cn,1\nnot-an-email,2\na@x.cn,1\nb@y.cn,2,extra\nc@z.cn,3\n";
        let mut rows = FileRows::<Contacts>::open(
            "contacts.csv".into(),
            text.as_bytes().to_vec(),
            &FileOptions::default(),
            &IngestOptions::default(),
            Role::Whole,
            None,
        )
        .expect("opens");
        let mut read = 0;
        assert!(rows.parse(100, &mut read).expect("parses"));
        assert_eq!(read, 5);
        assert_eq!(
            rows.sink.kept,
            vec![
                ("1".to_string(), "a@x.cn".to_string(), 2),
                ("3".to_string(), "c@z.cn".to_string(), 6),
            ]
        );
        assert_eq!(rows.duplicates, vec![(0, 4)], "line 4 repeats line 2");
        assert_eq!(rows.inspection.preview.len(), 5);
        let groups = rows.rejections.clone().into_groups();
        let reasons: Vec<_> = groups.iter().map(|g| (g.reason, g.count)).collect();
        assert_eq!(
            reasons,
            vec![
                (RejectReason::WrongFieldCount, 1),
                (RejectReason::InvalidPrice, 1)
            ]
        );
    }

    #[test]
    fn a_file_without_the_required_column_names_it() {
        let opened = FileRows::<Contacts>::open(
            "contacts.csv".into(),
            b"Email\na@x.cn\n".to_vec(),
            &FileOptions::default(),
            &IngestOptions::default(),
            Role::Whole,
            None,
        );
        let e = opened.expect_err("refused");
        assert_eq!(e.code(), "ingest.missing_columns");
    }
}
