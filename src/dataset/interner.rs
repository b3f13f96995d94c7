//! String interning: every id column (orders, customers, products, categories …) is stored as
//! `u32` indices into one `Interner`, so the analyses compare integers, never strings.

use std::collections::HashMap;

/// Marks "no value" in an interned column (a line with no customer id, no product …).
pub const NONE: u32 = u32::MAX;

/// A fixed, seedless hasher: the same input always interns in the same order on every run,
/// in the browser and natively (DESIGN.md: no per-process random state).
type FixedState = foldhash::fast::FixedState;

/// Maps strings to dense `u32` indices in first-seen order.
///
/// The strings live end to end in one arena (`ends[i]` is where string `i` stops), so a
/// million-row file's half a million order ids are one allocation, not half a million.
/// The hash index is built lazily: ingest hands over ids that are already unique
/// (`from_arena`, `from_unique`) and most analyses only read `name(i)`, so the index is
/// made the first time `intern` or `get` needs it (e.g. when a second file is appended).
#[derive(Debug, Default, Clone)]
pub struct Interner {
    arena: String,
    ends: Vec<usize>,
    /// Covers strings `0..index.len()`.
    index: HashMap<Box<str>, u32, FixedState>,
}

impl Interner {
    /// An empty interner.
    pub fn new() -> Self {
        Self::default()
    }

    /// An interner over distinct strings stored end to end in `arena`, string `i` ending at
    /// `ends[i]` (ascending, the last one `arena.len()`). O(1): nothing is copied or hashed.
    pub fn from_arena(arena: String, ends: Vec<usize>) -> Self {
        debug_assert!(
            ends.windows(2).all(|w| w[0] <= w[1]) && ends.last().is_none_or(|&e| e == arena.len())
        );
        let interner = Interner {
            arena,
            ends,
            index: HashMap::default(),
        };
        debug_assert!({
            let mut seen = std::collections::HashSet::new();
            interner.names().all(|n| seen.insert(n))
        });
        interner
    }

    /// An interner over `names`, which the caller guarantees are distinct; index `i` is
    /// `names[i]`.
    pub fn from_unique<S: AsRef<str>>(names: &[S]) -> Self {
        let mut arena = String::with_capacity(names.iter().map(|n| n.as_ref().len()).sum());
        let mut ends = Vec::with_capacity(names.len());
        for n in names {
            arena.push_str(n.as_ref());
            ends.push(arena.len());
        }
        Interner::from_arena(arena, ends)
    }

    fn index_all(&mut self) {
        let (from, to) = (self.index.len(), self.ends.len());
        if from < to {
            self.index.reserve(to - from);
            for i in from..to {
                let name: Box<str> = self.name(i as u32).into();
                self.index.insert(name, i as u32);
            }
        }
    }

    /// The index of `s`, adding it when first seen.
    pub fn intern(&mut self, s: &str) -> u32 {
        self.index_all();
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.ends.len() as u32;
        self.arena.push_str(s);
        self.ends.push(self.arena.len());
        self.index.insert(s.into(), i);
        i
    }

    /// The index of `s` if it was interned (a linear scan over strings not indexed yet).
    pub fn get(&self, s: &str) -> Option<u32> {
        self.index.get(s).copied().or_else(|| {
            (self.index.len()..self.ends.len())
                .find(|&i| self.name(i as u32) == s)
                .map(|i| i as u32)
        })
    }

    /// The string of index `i` (panics on an index this interner never returned).
    pub fn name(&self, i: u32) -> &str {
        let i = i as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.arena[start..self.ends[i]]
    }

    /// Number of distinct strings.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when nothing was interned.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// All strings in index order.
    pub fn names(&self) -> impl ExactSizeIterator<Item = &str> {
        (0..self.ends.len() as u32).map(|i| self.name(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_is_first_seen_order_and_idempotent() {
        let mut i = Interner::new();
        assert_eq!(i.intern("b"), 0);
        assert_eq!(i.intern("a"), 1);
        assert_eq!(i.intern("b"), 0);
        assert_eq!(i.len(), 2);
        assert_eq!(i.name(1), "a");
        assert_eq!(i.get("zz"), None);
    }

    #[test]
    fn an_interner_from_unique_names_indexes_them_when_interning_again() {
        let mut i = Interner::from_unique(&["x", "y"]);
        assert_eq!(i.get("y"), Some(1));
        assert_eq!(i.intern("x"), 0);
        assert_eq!(i.intern("z"), 2);
        assert_eq!(i.get("z"), Some(2));
        assert_eq!(i.names().collect::<Vec<_>>(), vec!["x", "y", "z"]);
    }

    #[test]
    fn empty_strings_are_ids_too() {
        let mut i = Interner::from_arena("ab".into(), vec![0, 2]);
        assert_eq!(i.name(0), "");
        assert_eq!(i.name(1), "ab");
        assert_eq!(i.intern(""), 0);
    }
}
