//! Interning for the row loop. A million-row file looks up ~6 ids per row (order,
//! customer, product, dimensions); `dataset::Interner` keeps one heap string per id and a
//! general hash map, which at that size costs a cache miss per comparison and rehashes
//! every key as it grows. `IdTable` keeps the distinct strings end to end in one arena and
//! an open-addressing table of packed `u64` slots (fingerprint, index), and remembers the
//! previous row's value (the lines of one order repeat order, customer, channel, region).
//! Each slot also holds the string's first 8 bytes and its length, so ids of up to 8 bytes
//! (most order, customer and product ids) compare inside the slot: one cache miss per
//! lookup instead of three (slot, offsets, arena). When the file is done, `into_interner`
//! hands the ids over in the same first-seen order.

use crate::dataset::Interner;
use std::hash::BuildHasher;

/// Distinct strings in first-seen order, with their `u32` indices.
#[derive(Debug, Clone)]
pub(crate) struct IdTable {
    slots: Vec<Slot>,
    arena: String,
    ends: Vec<usize>,
    /// The previous value: (slot key with its index, first 8 bytes).
    last: Option<Slot>,
    /// `extend_final` appended strings without slots: no more `intern`.
    sealed: bool,
}

/// One table slot: `key` = fingerprint (upper 24 bits, never 0 in a used slot) | length
/// (8 bits, 255 for 255 bytes or more) | index (lower 32 bits); `head` = the first 8 bytes.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u64,
    head: u64,
}

impl Default for IdTable {
    fn default() -> Self {
        IdTable {
            slots: vec![Slot::default(); 64],
            arena: String::new(),
            ends: Vec::new(),
            last: None,
            sealed: false,
        }
    }
}

/// The slot key of `s` without its index, and its first 8 bytes.
fn key_and_head(s: &str) -> (u64, u64) {
    let hash = foldhash::fast::FixedState::with_seed(0x1d5).hash_one(s);
    let fp = (hash >> 40).max(1);
    let len = s.len().min(255) as u64;
    let mut head = [0u8; 8];
    let n = s.len().min(8);
    head[..n].copy_from_slice(&s.as_bytes()[..n]);
    (fp << 40 | len << 32, u64::from_le_bytes(head))
}

/// Short-string equality without a call to `memcmp`.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

impl IdTable {
    /// Number of distinct strings.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The string of index `i` ("" for an index this table never returned).
    pub fn name(&self, i: u32) -> &str {
        let i = i as usize;
        let start = if i == 0 {
            0
        } else {
            self.ends.get(i - 1).copied().unwrap_or(0)
        };
        self.ends
            .get(i)
            .and_then(|&end| self.arena.get(start..end))
            .unwrap_or("")
    }

    /// The index of `s`, adding it when first seen.
    pub fn intern(&mut self, s: &str) -> u32 {
        debug_assert!(!self.sealed, "intern after extend_final");
        let (key, head) = key_and_head(s);
        if let Some(last) = self.last {
            let index = last.key as u32;
            if last.key >> 32 == key >> 32
                && last.head == head
                && (s.len() <= 8 || same(self.name(index), s))
            {
                return index;
            }
        }
        if (self.ends.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = (key >> 40) as usize & mask;
        let found = loop {
            let slot = self.slots[i];
            if slot.key == 0 {
                let index = self.ends.len() as u32;
                self.arena.push_str(s);
                self.ends.push(self.arena.len());
                let new = Slot {
                    key: key | u64::from(index),
                    head,
                };
                self.slots[i] = new;
                break new;
            }
            if slot.key >> 32 == key >> 32
                && slot.head == head
                && (s.len() <= 8 || same(self.name(slot.key as u32), s))
            {
                break slot;
            }
            i = (i + 1) & mask;
        };
        self.last = Some(found);
        found.key as u32
    }

    /// The index of every string of `names` — looked up, or appended when absent — for the
    /// last additions to a table (a split file's tail, `split`): appended strings get no
    /// hash slot, so the table does not grow, and it must not `intern` afterwards.
    pub fn extend_final<'a>(&mut self, names: impl Iterator<Item = &'a str>) -> Vec<u32> {
        self.sealed = true;
        let mask = self.slots.len() - 1;
        names
            .map(|s| {
                let (key, head) = key_and_head(s);
                let mut i = (key >> 40) as usize & mask;
                loop {
                    let slot = self.slots[i];
                    if slot.key == 0 {
                        self.arena.push_str(s);
                        self.ends.push(self.arena.len());
                        return (self.ends.len() - 1) as u32;
                    }
                    if slot.key >> 32 == key >> 32
                        && slot.head == head
                        && (s.len() <= 8 || same(self.name(slot.key as u32), s))
                    {
                        return slot.key as u32;
                    }
                    i = (i + 1) & mask;
                }
            })
            .collect()
    }

    /// Doubles the table; slots carry their own position, so no string is read.
    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        self.slots = vec![Slot::default(); old.len() * 2];
        let mask = self.slots.len() - 1;
        for slot in old.into_iter().filter(|s| s.key != 0) {
            let mut i = (slot.key >> 40) as usize & mask;
            while self.slots[i].key != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = slot;
        }
    }

    /// The distinct strings end to end and where each ends (`Interner::from_arena`'s input).
    pub fn into_arena(self) -> (String, Vec<usize>) {
        (self.arena, self.ends)
    }

    /// The same strings as a `dataset::Interner`, with the same indices.
    pub fn into_interner(self) -> Interner {
        Interner::from_arena(self.arena, self.ends)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_numbered_in_first_seen_order() {
        let mut t = IdTable::default();
        let ids: Vec<u32> = ["b", "a", "b", "b", "c", "a"]
            .iter()
            .map(|s| t.intern(s))
            .collect();
        assert_eq!(ids, vec![0, 1, 0, 0, 2, 1]);
        assert_eq!((t.len(), t.name(1), t.name(9)), (3, "a", ""));
    }

    #[test]
    fn final_extension_finds_known_ids_and_appends_new_ones() {
        let mut t = IdTable::default();
        for s in ["order-0001", "b", "order-0002"] {
            t.intern(s);
        }
        let more = ["x", "order-0002", "a-much-longer-id", "b"];
        assert_eq!(t.extend_final(more.into_iter()), vec![3, 2, 4, 1]);
        assert_eq!((t.len(), t.name(4)), (5, "a-much-longer-id"));
        let (arena, ends) = t.into_arena();
        assert_eq!(
            (arena.as_str(), ends),
            (
                "order-0001border-0002xa-much-longer-id",
                vec![10, 11, 21, 22, 38]
            )
        );
    }

    #[test]
    fn the_table_grows_and_keeps_every_id() {
        let mut t = IdTable::default();
        for i in 0..10_000 {
            assert_eq!(t.intern(&format!("id{i}")), i);
        }
        for i in (0..10_000).rev() {
            assert_eq!(t.intern(&format!("id{i}")), i);
        }
        let interner = t.into_interner();
        assert_eq!(interner.len(), 10_000);
        assert_eq!(interner.get("id1234"), Some(1234));
    }

    #[test]
    fn strings_sharing_their_first_eight_bytes_are_told_apart() {
        let mut t = IdTable::default();
        assert_eq!(t.intern("ABCDEFGH-1"), 0);
        assert_eq!(t.intern("ABCDEFGH-2"), 1);
        assert_eq!(t.intern("ABCDEFGH"), 2);
        assert_eq!(t.intern("ABCDEFGH-1"), 0);
        assert_eq!(t.intern("ABCDEFGH"), 2);
        assert_eq!(t.intern("ABCDEFG"), 3);
    }

    #[test]
    fn empty_and_unicode_strings_are_ids_too() {
        let mut t = IdTable::default();
        assert_eq!(t.intern(""), 0);
        assert_eq!(t.intern("广东"), 1);
        assert_eq!(t.intern(""), 0);
        assert_eq!(t.name(1), "广东");
    }
}
