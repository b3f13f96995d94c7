//! Cleaning rules applied to each accepted row: what marks a return, and which rows are
//! exact duplicates of an earlier row of the same file.

use super::source::{RowId, Source};
use csv::ByteRecord;
use std::hash::{BuildHasher, Hasher};

/// True when an order id marks a cancellation: `C` followed by a digit, the convention of
/// the UCI Online Retail data (`C536379` cancels items of an earlier invoice). Ids like
/// `CN1234` or `Cart-7` do not match.
pub fn is_cancelled_order_id(order_id: &str) -> bool {
    let b = order_id.as_bytes();
    b.len() >= 2 && b[0] == b'C' && b[1].is_ascii_digit()
}

/// True when an order status says the line was cancelled, refunded or returned
/// (已取消, 交易关闭, 退款, 退货, cancelled, refunded, returned, …).
pub fn is_return_status(status: &str) -> bool {
    const MARKS: [&str; 12] = [
        "取消",
        "退款",
        "退货",
        "交易关闭",
        "已关闭",
        "cancel",
        "refund",
        "return",
        "void",
        "closed",
        "chargeback",
        "reversed",
    ];
    let s = status.trim();
    if s.is_empty() {
        return false;
    }
    let lower = s.to_lowercase();
    MARKS.iter().any(|m| lower.contains(m))
}

/// Whether a line is a return: a negative quantity, a cancelled order id, or a status that
/// says so.
pub fn is_return(quantity: f64, cancelled_order: bool, return_status: bool) -> bool {
    quantity < 0.0 || cancelled_order || return_status
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

/// Finds exact duplicate rows.
///
/// An open-addressing table of `u64` slots, each packing the upper 32 bits of a row's hash
/// (never 0, which marks an empty slot) with the row's index in `rows`: one cache line per
/// lookup at a million rows, where a general hash map touches two. A fingerprint match is
/// confirmed by comparing the cells of the earlier row, so a collision never removes a row.
#[derive(Debug, Default)]
pub(crate) struct Deduper {
    slots: Vec<u64>,
    /// Per remembered row: where it is, and its line index.
    rows: Vec<(RowId, u32)>,
    scratch: ByteRecord,
}

impl Deduper {
    /// A deduper expecting about `rows` rows.
    pub fn with_capacity(rows: usize) -> Deduper {
        let mut d = Deduper {
            rows: Vec::with_capacity(rows),
            ..Deduper::default()
        };
        d.slots = vec![0; (rows.max(8) * 2).next_power_of_two()];
        d
    }

    fn fingerprint(hash: u64) -> u64 {
        (hash >> 32).max(1)
    }

    /// Doubles the table (fingerprints carry their own slot position).
    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        self.slots = vec![0; (old.len() * 2).max(16)];
        let mask = self.slots.len() - 1;
        for s in old.into_iter().filter(|&s| s != 0) {
            let mut i = (s >> 32) as usize & mask;
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = s;
        }
    }

    /// The line index of an earlier row with the same cells as `rec`, or `None` — and then
    /// `rec` is remembered as line `index`.
    pub fn check(
        &mut self,
        source: &Source,
        rec: &ByteRecord,
        id: RowId,
        index: u32,
    ) -> Option<u32> {
        if (self.rows.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let fp = Self::fingerprint(record_hash(rec));
        let mask = self.slots.len() - 1;
        let mut i = fp as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                self.slots[i] = fp << 32 | self.rows.len() as u64;
                self.rows.push((id, index));
                return None;
            }
            if slot >> 32 == fp {
                let (earlier, earlier_index) = self.rows[(slot & 0xffff_ffff) as usize];
                if source.same_cells(earlier, id, rec, &mut self.scratch) {
                    return Some(earlier_index);
                }
            }
            i = (i + 1) & mask;
        }
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
    fn return_statuses_mark_a_return() {
        for s in [
            "已取消",
            "退款成功",
            "交易关闭",
            "Cancelled",
            "REFUNDED",
            "returned",
        ] {
            assert!(is_return_status(s), "{s}");
        }
        for s in ["交易成功", "已发货", "completed", "shipped", ""] {
            assert!(!is_return_status(s), "{s}");
        }
    }

    #[test]
    fn negative_quantity_or_cancellation_is_a_return() {
        assert!(is_return(-1.0, false, false));
        assert!(is_return(1.0, true, false));
        assert!(is_return(1.0, false, true));
        assert!(!is_return(0.0, false, false));
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

    #[test]
    fn exact_duplicates_point_to_the_first_row() {
        let mut src = table_source(&[["1", "x"], ["2", "x"], ["1", "x"]]);
        let mut d = Deduper::default();
        let mut rec = ByteRecord::new();
        let mut found = Vec::new();
        let mut kept = 0;
        while let Some(info) = src.next_record(&mut rec).expect("reads") {
            match d.check(&src, &rec, info.id, kept) {
                Some(orig) => found.push(orig),
                None => kept += 1,
            }
        }
        assert_eq!(found, vec![0]);
        assert_eq!(kept, 2);
    }

    #[test]
    fn cells_split_differently_hash_alike_but_are_not_duplicates() {
        let mut src = table_source(&[["ab", "c"], ["a", "bc"]]);
        let mut rec = ByteRecord::new();
        let mut d = Deduper::default();
        let first = src.next_record(&mut rec).expect("reads").expect("row");
        let h = record_hash(&rec);
        assert_eq!(d.check(&src, &rec, first.id, 0), None);
        let second = src.next_record(&mut rec).expect("reads").expect("row");
        assert_eq!(record_hash(&rec), h);
        assert_eq!(d.check(&src, &rec, second.id, 1), None);
    }

    #[test]
    fn a_fingerprint_collision_is_not_a_duplicate() {
        // register row 0 under the fingerprint of row 1, as a collision would
        let mut src = table_source(&[["1", "x"], ["2", "y"]]);
        let mut rec = ByteRecord::new();
        let mut d = Deduper::with_capacity(4);
        let first = src.next_record(&mut rec).expect("reads").expect("row");
        let fp = Deduper::fingerprint(record_hash(&ByteRecord::from(vec!["2", "y"])));
        let mask = d.slots.len() - 1;
        d.slots[fp as usize & mask] = fp << 32;
        d.rows.push((first.id, 0));
        let second = src.next_record(&mut rec).expect("reads").expect("row");
        assert_eq!(d.check(&src, &rec, second.id, 1), None);
        let again = ByteRecord::from(vec!["2", "y"]);
        assert_eq!(d.check(&src, &again, RowId::Index(1), 2), Some(1));
    }

    #[test]
    fn the_table_grows_past_its_first_size() {
        let rows: Vec<[String; 2]> = (0..100).map(|i| [i.to_string(), "x".to_string()]).collect();
        let refs: Vec<[&str; 2]> = rows
            .iter()
            .map(|r| [r[0].as_str(), r[1].as_str()])
            .collect();
        let mut src = table_source(&refs);
        let mut d = Deduper::with_capacity(1);
        let mut rec = ByteRecord::new();
        let mut kept = 0;
        while let Some(info) = src.next_record(&mut rec).expect("reads") {
            assert_eq!(d.check(&src, &rec, info.id, kept), None);
            kept += 1;
        }
        assert_eq!(
            d.check(
                &src,
                &ByteRecord::from(vec!["42", "x"]),
                RowId::Index(42),
                100
            ),
            Some(42)
        );
    }
}
