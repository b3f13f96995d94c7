//! Cleaning rules applied to each accepted row: what marks a return, and which rows are
//! exact duplicates of an earlier row of the same file.

use super::record::RowId;
use super::source::Source;
use crate::dataset::NONE;
use csv::ByteRecord;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

/// True when an order id marks a cancellation: `C` followed by a digit, the convention of
/// the UCI Online Retail data (`C536379` cancels items of an earlier invoice). Ids like
/// `CN1234` or `Cart-7` do not match.
pub fn is_cancelled_order_id(order_id: &str) -> bool {
    let b = order_id.as_bytes();
    b.len() >= 2 && b[0] == b'C' && b[1].is_ascii_digit()
}

/// Whether a line is a return: a negative quantity or a cancelled order id. (A refunded
/// status keeps its line a purchase and adds a return line: `status`, `orders::file`.)
pub fn is_return(quantity: f64, cancelled_order: bool) -> bool {
    quantity < 0.0 || cancelled_order
}

/// Hash of every cell of a record (fixed seed: the same in every run and in the browser):
/// the cells' bytes end to end and their count. Rows whose cells differ only in where one
/// cell ends and the next begins hash alike; `Deduper` tells them apart.
pub(crate) fn record_hash(rec: &ByteRecord) -> u64 {
    let mut h = foldhash::fast::FixedState::with_seed(0x5eed).build_hasher();
    h.write(rec.as_slice());
    h.write_usize(rec.len());
    h.finish()
}

/// A second, independent hash of a record. With `record_hash` it makes a 128-bit
/// fingerprint: rows of the tail half of a split file are compared with the head's rows by
/// fingerprint, because the head's worker never sees the tail's text (`split`).
pub(crate) fn record_hash2(rec: &ByteRecord) -> u64 {
    let mut h = foldhash::quality::FixedState::with_seed(0x7a11_5eed).build_hasher();
    h.write(rec.as_slice());
    h.write_usize(rec.len());
    h.finish()
}

/// Orders with more remembered lines than this are searched through a hash map instead of
/// their chain, so a file where every line has the same order id stays linear.
const CHAIN_LIMIT: u32 = 32;

/// A row remembered for the duplicate search.
#[derive(Debug, Clone, Copy)]
struct Remembered {
    hash: u64,
    /// The previous remembered row of the same order (`NONE` at the chain's end).
    prev: u32,
    id: RowId,
    index: u32,
}

/// Finds exact duplicate rows.
///
/// Rows with equal cells have equal order ids, so a row is compared only with the earlier
/// rows of its own order: a chain per order index (the lines of an order are usually
/// adjacent, so the chain is in cache), with a hash map for orders over `CHAIN_LIMIT`
/// lines. A hash match is confirmed by comparing the cells of the earlier row, so a hash
/// collision never removes a row.
#[derive(Debug, Default)]
pub(crate) struct Deduper {
    /// Per order index: its last remembered row, and how many it has.
    heads: Vec<(u32, u32)>,
    rows: Vec<Remembered>,
    /// Rows of orders over `CHAIN_LIMIT` lines, by hash.
    big: HashMap<u64, Vec<u32>>,
    scratch: ByteRecord,
}

impl Deduper {
    /// A deduper expecting about `rows` rows.
    pub fn with_capacity(rows: usize) -> Deduper {
        Deduper {
            rows: Vec::with_capacity(rows),
            ..Deduper::default()
        }
    }

    /// The line index of an earlier row with the same cells as `rec` (hash `hash`, from
    /// `record_hash`; order index `order`), or `None` — and then `rec` is remembered as
    /// line `index`.
    pub fn check(
        &mut self,
        source: &Source,
        rec: &ByteRecord,
        id: RowId,
        hash: u64,
        order: u32,
        index: u32,
    ) -> Option<u32> {
        let o = order as usize;
        if o >= self.heads.len() {
            self.heads.resize(o + 1, (NONE, 0));
        }
        let mut scratch = std::mem::take(&mut self.scratch);
        let found = self.find(hash, order, |earlier| {
            source.same_cells(earlier, id, rec, &mut scratch)
        });
        self.scratch = scratch;
        if found.is_some() {
            return found;
        }
        let (head, count) = self.heads[o];
        let slot = self.rows.len() as u32;
        if count >= CHAIN_LIMIT {
            self.big.entry(hash).or_default().push(slot);
        } else if count + 1 == CHAIN_LIMIT {
            // the order becomes big: its chain moves to the map
            let mut at = head;
            while at != NONE {
                let r = self.rows[at as usize];
                self.big.entry(r.hash).or_default().push(at);
                at = r.prev;
            }
            self.big.entry(hash).or_default().push(slot);
        }
        self.rows.push(Remembered {
            hash,
            prev: head,
            id,
            index,
        });
        self.heads[o] = (slot, count.saturating_add(1));
        None
    }

    /// The line index of the remembered row of order `order` with hash `hash` for which
    /// `same` holds (given where the row is). Newest first (the chain's order); at most one
    /// row can match, since an equal later row would have been a duplicate.
    pub fn find(&self, hash: u64, order: u32, mut same: impl FnMut(RowId) -> bool) -> Option<u32> {
        let (head, count) = self.heads.get(order as usize).copied()?;
        let mut hit = |slot: u32| {
            let r = self.rows[slot as usize];
            (r.hash == hash && same(r.id)).then_some(r.index)
        };
        if count >= CHAIN_LIMIT {
            let slots = self.big.get(&hash).map_or(&[][..], Vec::as_slice);
            return slots.iter().find_map(|&slot| hit(slot));
        }
        let mut at = head;
        while at != NONE {
            if let Some(found) = hit(at) {
                return Some(found);
            }
            at = self.rows[at as usize].prev;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::source::{Table, TableSource};

    #[test]
    fn cancelled_order_ids_start_with_c_and_a_digit() {
        assert!(is_cancelled_order_id("C536379"));
        assert!(!is_cancelled_order_id("536379"));
        assert!(!is_cancelled_order_id("CN1234"));
        assert!(!is_cancelled_order_id("C"));
        assert!(!is_cancelled_order_id("c536379"));
    }

    #[test]
    fn negative_quantity_or_cancellation_is_a_return() {
        assert!(is_return(-1.0, false));
        assert!(is_return(1.0, true));
        assert!(!is_return(0.0, false));
    }

    fn table_source(rows: &[[&str; 2]]) -> Source {
        let mut t = Table::default();
        t.begin_row(1);
        t.push_cell("a");
        t.push_cell("b");
        for (i, r) in rows.iter().enumerate() {
            t.begin_row(i as u64 + 2);
            t.push_cell(r[0]);
            t.push_cell(r[1]);
        }
        t.take_header();
        Source::Table(TableSource::new(t))
    }

    /// Runs every row of `rows` (order id = first cell) through a deduper: the line index
    /// each duplicate repeats, and the number of rows kept.
    fn run(rows: &[[&str; 2]]) -> (Vec<(usize, u32)>, u32) {
        let mut src = table_source(rows);
        let mut d = Deduper::with_capacity(4);
        let mut rec = ByteRecord::new();
        let mut orders: Vec<String> = Vec::new();
        let (mut dups, mut kept) = (Vec::new(), 0);
        let mut row = 0;
        while let Some(info) = src.next_record(&mut rec).expect("reads") {
            let id = String::from_utf8_lossy(&rec[0]).into_owned();
            let order = match orders.iter().position(|o| *o == id) {
                Some(i) => i,
                None => {
                    orders.push(id);
                    orders.len() - 1
                }
            } as u32;
            match d.check(&src, &rec, info.id, record_hash(&rec), order, kept) {
                Some(orig) => dups.push((row, orig)),
                None => kept += 1,
            }
            row += 1;
        }
        (dups, kept)
    }

    #[test]
    fn exact_duplicates_point_to_the_first_row() {
        let (dups, kept) = run(&[["1", "x"], ["2", "x"], ["1", "x"], ["1", "y"], ["2", "x"]]);
        assert_eq!(dups, vec![(2, 0), (4, 1)]);
        assert_eq!(kept, 3);
    }

    #[test]
    fn cells_split_differently_hash_alike_but_are_not_duplicates() {
        let a = ByteRecord::from(vec!["ab", "c"]);
        let b = ByteRecord::from(vec!["a", "bc"]);
        assert_eq!(record_hash(&a), record_hash(&b));
        let (dups, kept) = run(&[["ab", "c"], ["a", "bc"]]);
        assert_eq!((dups.len(), kept), (0, 2));
    }

    #[test]
    fn a_hash_collision_is_not_a_duplicate() {
        // a chain entry with the current row's hash but other cells, as a collision would be
        let mut src = table_source(&[["1", "x"], ["1", "y"]]);
        let mut rec = ByteRecord::new();
        let mut d = Deduper::default();
        let first = src.next_record(&mut rec).expect("reads").expect("row");
        let second_hash = record_hash(&ByteRecord::from(vec!["1", "y"]));
        d.rows.push(Remembered {
            hash: second_hash,
            prev: NONE,
            id: first.id,
            index: 0,
        });
        d.heads.push((0, 1));
        let second = src.next_record(&mut rec).expect("reads").expect("row");
        assert_eq!(
            d.check(&src, &rec, second.id, record_hash(&rec), 0, 1),
            None
        );
        let again = ByteRecord::from(vec!["1", "y"]);
        assert_eq!(
            d.check(&src, &again, RowId::Index(1), record_hash(&again), 0, 2),
            Some(1)
        );
    }

    #[test]
    fn orders_with_many_lines_are_searched_by_hash() {
        let lines: Vec<[String; 2]> = (0..200).map(|i| ["7".to_string(), i.to_string()]).collect();
        let mut rows: Vec<[&str; 2]> = lines
            .iter()
            .map(|r| [r[0].as_str(), r[1].as_str()])
            .collect();
        rows.push(["7", "5"]);
        rows.push(["7", "150"]);
        rows.push(["7", "x"]);
        let (dups, kept) = run(&rows);
        assert_eq!(dups, vec![(200, 5), (201, 150)]);
        assert_eq!(kept, 201);
    }
}
