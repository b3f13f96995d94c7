//! Reading one large delimited file with two workers (the machine has two cores; the
//! browser gives us one per Web Worker and no shared memory without cross-origin isolation).
//!
//! The file is cut just after a line break near its middle. The **head** job reads bytes
//! `0..split` like any file. The **tail** job reads the header bytes (`0..prefix_len`)
//! followed by `split..size`, so it maps columns exactly as the head does, and hands back a
//! [`ParsedPart`]: its lines with their own id tables, duplicates, rejections and date
//! counts, with line numbers counted from its own start. The head then *absorbs* it
//! (`FileJob::absorb`): ids are re-interned once per distinct value, line numbers moved
//! down, and each tail row whose order also occurs in the head is checked against the
//! head's rows for an exact duplicate. The result is the one the whole file read in one
//! piece gives — `tests/ingest_split.rs` holds the two equal on real and adversarial files.
//!
//! Both halves must be plain UTF-8 and the cut must fall between records. Neither can be
//! known before reading (a quoted cell may hold a line break; a GB18030 byte may sit anywhere),
//! so each is checked afterwards and a misfit fails with `SplitFailed`: the caller then
//! reads the file whole. A tail row is taken for a duplicate of a head row when their
//! order ids are equal and their 128-bit cell fingerprints (`record_hash`, `record_hash2`)
//! are equal — within one half, rows are compared cell by cell.

use super::encoding::is_gzip;
use super::left_out::LeftOut;
use super::orders::refund::Refund;
use super::passed::Passed;
use super::report::Rejections;
use super::schema::TableKind;
use super::sniff::{is_xlsx, sniff_text, Format};
use super::tables::is_headerless_behaviour;
use crate::dataset::NONE;
use serde::{Deserialize, Serialize};

/// Files smaller than this are read whole: below it a second worker saves less than it costs.
pub const SPLIT_MIN_BYTES: u64 = 8 << 20;

/// How many bytes of the file's start `plan_split` needs (and of the middle, from the
/// suggested window start).
pub const SPLIT_WINDOW_BYTES: usize = 64 * 1024;

/// Where to cut one file. Field names are the JS API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct SplitPlan {
    /// Bytes before the first data row (byte-order mark, header line): the tail reads them too.
    pub prefix_len: u64,
    /// First byte of the tail: just after a line break near the middle.
    pub split: u64,
    /// Size of the whole file.
    pub size: u64,
    /// Field delimiter, as the head detects it; the tail uses it rather than guessing.
    pub delimiter: u8,
}

/// The head of a split file, as the head worker marks it (`splitHead`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct SplitHead {
    /// Which of the queued files.
    pub file_index: usize,
    /// Where it is cut.
    pub plan: SplitPlan,
    /// Its bytes so far are the first chunk; the rest comes by `appendBytes`.
    pub streamed: bool,
}

/// What the tail worker reads (`startTail`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct SplitTail {
    /// Where the file is cut.
    pub plan: SplitPlan,
    /// The head's ingest options (the same mapping and date order).
    #[serde(default)]
    pub options: super::files::IngestOptions,
    /// The bytes given are the first chunk; the rest comes by `appendBytes`.
    pub streamed: bool,
}

impl SplitPlan {
    /// Where `plan_split` wants its window to start: a little after the middle, because
    /// the tail worker starts later (it waits for the plan), does more per row (it keeps
    /// fingerprints and line numbers) and still has to hand its result over — measured in
    /// Chromium on 2 cores, both halves are then ready at about the same time.
    pub fn window_start(size: u64) -> u64 {
        size / 100 * TAIL_START_PERCENT
    }
}

/// Where the tail starts, in percent of the file.
const TAIL_START_PERCENT: u64 = 52;

/// Whether and where to cut a file of `size` bytes, from its first bytes (`head`, up to
/// `SPLIT_WINDOW_BYTES`) and the bytes from `window_start` on (`window`). `None` means read
/// it whole: too small, compressed, a workbook or JSON, not UTF-8 at the start, a header
/// longer than the head, or no line break in the window.
pub fn plan_split(head: &[u8], window: &[u8], window_start: u64, size: u64) -> Option<SplitPlan> {
    if size < SPLIT_MIN_BYTES || is_gzip(head) || is_xlsx(head) {
        return None;
    }
    let bom = if head.starts_with(&[0xef, 0xbb, 0xbf]) {
        3
    } else {
        0
    };
    let body = &head[bom..];
    let text = match std::str::from_utf8(body) {
        Ok(t) => t,
        // a character cut by the end of the head is fine; a bad byte is not UTF-8
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&body[..e.valid_up_to()]).ok()?,
        Err(_) => return None,
    };
    // UTF-16 text has NULs; NUL in UTF-8 text is refused as binary either way
    if text.contains('\0') {
        return None;
    }
    let Format::Delimited(delimiter) = sniff_text(text) else {
        return None;
    };
    let header_end = header_end(text.as_bytes(), delimiter)?;
    let prefix_len = (bom + header_end) as u64;
    let cut = window.iter().position(|&b| b == b'\n')? as u64 + 1;
    let split = window_start + cut;
    (split > prefix_len && split < size).then_some(SplitPlan {
        prefix_len,
        split,
        size,
        delimiter,
    })
}

/// The byte just after the header record's line break (and any blank lines after it), or
/// `None` when the header does not end inside `text` with a `\n`.
fn header_end(text: &[u8], delimiter: u8) -> Option<usize> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text);
    let mut header = csv::ByteRecord::new();
    if !reader.read_byte_record(&mut header).ok()? {
        return None;
    }
    // only an orders file is split: the other tables are read whole by one worker
    let cells: Vec<String> = header
        .iter()
        .map(|c| String::from_utf8_lossy(c).trim().to_string())
        .collect();
    if is_headerless_behaviour(&cells) || TableKind::of_headers(&cells) != TableKind::Orders {
        return None;
    }
    // a basket list (no header, lines of different widths) is read whole
    if delimiter == b',' && !has_orders_field(&cells) {
        return None;
    }
    let mut end = reader.position().byte() as usize;
    while matches!(text.get(end), Some(b'\r' | b'\n')) {
        end += 1;
    }
    (end < text.len() && text[end - 1] == b'\n').then_some(end)
}

/// Whether a header names at least one column of the orders table (a basket list's first
/// line, a basket, names none).
fn has_orders_field(cells: &[String]) -> bool {
    !super::orders::ORDERS.map_columns(cells).is_empty()
}

/// The bytes the tail job reads: the file's prefix, then its tail.
pub fn tail_bytes(prefix: &[u8], tail: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(prefix.len() + tail.len());
    bytes.extend_from_slice(prefix);
    bytes.extend_from_slice(tail);
    bytes
}

/// Distinct strings end to end, string `i` ending at `ends[i]` (an `IdTable`'s arena).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct PartIds {
    pub arena: String,
    pub ends: Vec<usize>,
}

impl PartIds {
    /// The strings in index order.
    pub fn names(&self) -> impl Iterator<Item = &str> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(s, e)| self.arena.get(s..e).unwrap_or(""))
    }
}

/// The tail job's result, handed to the head job (across workers as `to_bytes`).
///
/// Line numbers count from the tail's own start (its prefix is lines `1..=prefix_lines`);
/// indices into `order_ids`, `customer_ids`, … are the tail's own.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ParsedPart {
    pub(crate) plan: SplitPlan,
    pub(crate) encoding: String,
    pub(crate) headers: Vec<String>,
    /// Line breaks in the prefix.
    pub(crate) prefix_lines: u64,
    pub(crate) rows_read: u64,
    /// The tail's first rows as text (the head's preview may be short of five).
    pub(crate) preview: Vec<Vec<String>>,
    #[serde(skip)]
    pub(crate) order_ids: PartIds,
    #[serde(skip)]
    pub(crate) customer_ids: PartIds,
    #[serde(skip)]
    pub(crate) product_ids: PartIds,
    /// Per tail product: the first non-empty name seen.
    pub(crate) product_names: Vec<Box<str>>,
    #[serde(skip)]
    pub(crate) order: Vec<u32>,
    #[serde(skip)]
    pub(crate) customer: Vec<u32>,
    #[serde(skip)]
    pub(crate) time: Vec<i64>,
    #[serde(skip)]
    pub(crate) product: Vec<u32>,
    #[serde(skip)]
    pub(crate) quantity: Vec<f64>,
    #[serde(skip)]
    pub(crate) amount_cents: Vec<i64>,
    #[serde(skip)]
    pub(crate) is_return: Vec<bool>,
    /// Per mapped dimension (the head's `OrdersPlan::dimensions` order): values and per line.
    #[serde(skip)]
    pub(crate) dimensions: Vec<(PartIds, Vec<u32>)>,
    /// Per kept line: its 128-bit fingerprint (`record_hash`, `record_hash2`).
    #[serde(skip)]
    pub(crate) fingerprint: Vec<[u64; 2]>,
    /// Per kept line: the line it was read from.
    #[serde(skip)]
    pub(crate) line: Vec<u64>,
    /// Rows dropped as duplicates of an earlier tail row: (kept line index, line).
    pub(crate) duplicates: Vec<(u32, u64)>,
    pub(crate) dates: super::dates::DateColumn,
    pub(crate) rejections: Rejections,
    pub(crate) currency_marks: Vec<(String, u64)>,
    /// Rows left out on purpose (a status that is not a sale).
    pub(crate) left_out: LeftOut,
    /// Blank, totals and footer rows passed over.
    pub(crate) passed: Passed,
    /// Refunds of kept lines (indices are the tail's).
    pub(crate) refunds: Vec<Refund>,
    pub(crate) partly_refunded_unknown: u64,
}

impl ParsedPart {
    /// The wire form, for `postMessage` between workers: the small fields with bincode,
    /// then every per-line column and id arena as raw little-endian arrays, so a million
    /// lines cost a few copies of memory rather than a value-by-value encoding.
    pub fn to_bytes(&self) -> Vec<u8> {
        // serialising plain vectors and strings into a Vec cannot fail
        let meta = bincode::serialize(self).unwrap_or_default();
        let mut w = Wire(Vec::with_capacity(meta.len() + self.len() * 80 + (1 << 20)));
        w.column(&meta);
        for ids in [&self.order_ids, &self.customer_ids, &self.product_ids] {
            w.ids(ids);
        }
        w.column(&self.order);
        w.column(&self.customer);
        w.column(&self.time);
        w.column(&self.product);
        w.column(&self.quantity);
        w.column(&self.amount_cents);
        w.column(
            &self
                .is_return
                .iter()
                .map(|&r| u8::from(r))
                .collect::<Vec<u8>>(),
        );
        w.column(&self.fingerprint);
        w.column(&self.line);
        w.column(&[self.dimensions.len() as u64]);
        for (ids, per_line) in &self.dimensions {
            w.ids(ids);
            w.column(per_line);
        }
        w.0
    }

    /// Reads the wire form back; `None` when the bytes are not a whole part.
    pub fn from_bytes(bytes: &[u8]) -> Option<ParsedPart> {
        let mut r = Read(bytes);
        let mut part: ParsedPart = bincode::deserialize(r.bytes()?).ok()?;
        part.order_ids = r.ids()?;
        part.customer_ids = r.ids()?;
        part.product_ids = r.ids()?;
        part.order = r.column()?;
        part.customer = r.column()?;
        part.time = r.column()?;
        part.product = r.column()?;
        part.quantity = r.column()?;
        part.amount_cents = r.column()?;
        part.is_return = r.bytes()?.iter().map(|&b| b != 0).collect();
        part.fingerprint = r.column()?;
        part.line = r.column()?;
        let dimensions: Vec<u64> = r.column()?;
        for _ in 0..*dimensions.first()? {
            let ids = r.ids()?;
            part.dimensions.push((ids, r.column()?));
        }
        let n = part.order.len();
        let columns = [
            part.customer.len(),
            part.time.len(),
            part.product.len(),
            part.quantity.len(),
            part.amount_cents.len(),
            part.is_return.len(),
            part.fingerprint.len(),
            part.line.len(),
        ];
        let whole = r.0.is_empty()
            && columns.iter().all(|&len| len == n)
            && part.dimensions.iter().all(|(_, d)| d.len() == n);
        (whole && part.indices_fit()).then_some(part)
    }

    /// Every index points into its table (a part that does not would make the head index
    /// out of bounds; the tail worker never makes one, but the head does not rely on that).
    fn indices_fit(&self) -> bool {
        let fits = |col: &[u32], ids: &PartIds, none_ok: bool| {
            let len = ids.ends.len();
            col.iter()
                .all(|&v| (v as usize) < len || (none_ok && v == NONE))
        };
        let n = self.len();
        fits(&self.order, &self.order_ids, false)
            && fits(&self.customer, &self.customer_ids, true)
            && fits(&self.product, &self.product_ids, true)
            && self.product_names.len() <= self.product_ids.ends.len()
            && self
                .dimensions
                .iter()
                .all(|(ids, col)| fits(col, ids, true))
            && self.duplicates.iter().all(|&(orig, _)| (orig as usize) < n)
            && self.dates.indices_below(n)
    }

    /// Kept lines.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when the tail kept no line.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

/// Writes arrays of plain numbers, each after its length in bytes. The bytes are the
/// numbers' memory: both ends of the wire are little-endian (x86-64, AArch64, wasm32).
struct Wire(Vec<u8>);

impl Wire {
    fn column<T: bytemuck::Pod>(&mut self, values: &[T]) {
        let bytes: &[u8] = bytemuck::cast_slice(values);
        self.0
            .extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        self.0.extend_from_slice(bytes);
    }

    fn ids(&mut self, ids: &PartIds) {
        self.column(ids.arena.as_bytes());
        let ends: Vec<u64> = ids.ends.iter().map(|&e| e as u64).collect();
        self.column(&ends);
    }
}

/// Reads what `Wire` wrote; `None` on a short or malformed input.
struct Read<'a>(&'a [u8]);

impl<'a> Read<'a> {
    fn bytes(&mut self) -> Option<&'a [u8]> {
        let (len, rest) = self.0.split_first_chunk::<8>()?;
        let n = usize::try_from(u64::from_le_bytes(*len)).ok()?;
        if rest.len() < n {
            return None;
        }
        let (bytes, rest) = rest.split_at(n);
        self.0 = rest;
        Some(bytes)
    }

    fn column<T: bytemuck::Pod>(&mut self) -> Option<Vec<T>> {
        let bytes = self.bytes()?;
        // copied into a fresh, aligned vector (the wire has no alignment)
        (bytes.len() % std::mem::size_of::<T>() == 0).then(|| bytemuck::pod_collect_to_vec(bytes))
    }

    fn ids(&mut self) -> Option<PartIds> {
        let arena = String::from_utf8(self.bytes()?.to_vec()).ok()?;
        let ends: Vec<u64> = self.column()?;
        let ends: Vec<usize> = ends.into_iter().map(|e| e as usize).collect();
        let sorted = ends.windows(2).all(|w| w[0] <= w[1]);
        let fits = ends.last().is_none_or(|&e| e == arena.len());
        let on_chars = ends.iter().all(|&e| arena.is_char_boundary(e));
        (sorted && fits && on_chars).then_some(PartIds { arena, ends })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(rows: usize) -> Vec<u8> {
        let mut s = String::from("\u{feff}order_id,customer_id,order_date,quantity,unit_price\n");
        let mut i = 0;
        while s.len() < SPLIT_MIN_BYTES as usize + 1000 || i < rows {
            s.push_str(&format!("{i},c{},2024-01-01,1,9.90\n", i % 97));
            i += 1;
        }
        s.into_bytes()
    }

    fn plan(bytes: &[u8]) -> Option<SplitPlan> {
        let size = bytes.len() as u64;
        let start = SplitPlan::window_start(size) as usize;
        let head = &bytes[..SPLIT_WINDOW_BYTES.min(bytes.len())];
        let window = &bytes[start..(start + SPLIT_WINDOW_BYTES).min(bytes.len())];
        plan_split(head, window, start as u64, size)
    }

    #[test]
    fn a_large_csv_is_cut_after_a_line_break_past_the_middle() {
        let bytes = file(0);
        let p = plan(&bytes).expect("split");
        assert_eq!(p.delimiter, b',');
        assert_eq!(&bytes[p.prefix_len as usize - 1], &b'\n');
        assert!(bytes[..p.prefix_len as usize].starts_with(&[0xef, 0xbb, 0xbf]));
        assert_eq!(bytes[p.split as usize - 1], b'\n');
        let start = SplitPlan::window_start(bytes.len() as u64);
        assert!(p.split > start && p.split < start + 100);
        assert!(
            start > bytes.len() as u64 / 2,
            "the tail is the smaller half"
        );
    }

    #[test]
    fn small_compressed_or_non_utf8_files_are_read_whole() {
        let bytes = file(0);
        assert!(plan(&bytes[..1 << 20]).is_none(), "small");
        let mut gbk = bytes.clone();
        gbk[60] = 0xb6; // a GB18030 lead byte followed by ASCII: not UTF-8
        gbk[61] = b',';
        assert!(plan(&gbk).is_none(), "not UTF-8");
        let mut gz = bytes.clone();
        gz[..3].copy_from_slice(&[0x1f, 0x8b, 0x08]);
        assert!(plan(&gz).is_none(), "gzip");
        let json = format!("[{}]", " ".repeat(SPLIT_MIN_BYTES as usize));
        assert!(plan(json.as_bytes()).is_none(), "JSON");
    }

    #[test]
    fn a_part_survives_the_wire_and_a_cut_wire_is_refused() {
        let mut bytes = b"order_id,customer_id,order_date,quantity,unit_price,channel\n".to_vec();
        bytes.extend_from_slice(b"1,c1,2024-01-01,1,1.00,web\n2,c2,3/4/2024,-2,2.50,app\n");
        bytes.extend_from_slice(b"3,,2024-01-02 10:00,1,x,\n3,c1,2024-01-03,2,9.99,web\n");
        let plan = SplitPlan {
            prefix_len: 62,
            split: 62,
            size: bytes.len() as u64,
            delimiter: b',',
        };
        let part =
            crate::ingest::read_tail("t.csv", &bytes, plan, Default::default()).expect("reads");
        assert_eq!(part.len(), 3);
        let wire = part.to_bytes();
        let back = ParsedPart::from_bytes(&wire).expect("round trip");
        assert_eq!(format!("{back:?}"), format!("{part:?}"));
        assert!(ParsedPart::from_bytes(&wire[..wire.len() - 1]).is_none());
        let mut bad = part.clone();
        bad.order[0] = 99;
        assert!(
            ParsedPart::from_bytes(&bad.to_bytes()).is_none(),
            "an index out of its table"
        );
        assert!(ParsedPart::from_bytes(b"not a part").is_none());
    }

    #[test]
    fn part_ids_list_their_names_in_order() {
        let ids = PartIds {
            arena: "abbc".into(),
            ends: vec![1, 3, 4],
        };
        assert_eq!(ids.names().collect::<Vec<_>>(), vec!["a", "bb", "c"]);
    }
}
