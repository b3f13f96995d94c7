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
/// The hash index is built lazily: ingest hands over hundreds of thousands of ids that are
/// already unique (`from_unique`), and most analyses only read `name(i)`, so the index is
/// made the first time `intern` is called again (e.g. when a second file is appended).
#[derive(Debug, Default, Clone)]
pub struct Interner {
    /// Covers `names[..index.len()]`.
    index: HashMap<Box<str>, u32, FixedState>,
    names: Vec<Box<str>>,
}

impl Interner {
    /// An empty interner.
    pub fn new() -> Self {
        Self::default()
    }

    /// An interner over `names`, which the caller guarantees are distinct; index `i` is
    /// `names[i]`. O(1): no hashing until the next `intern`.
    pub fn from_unique(names: Vec<Box<str>>) -> Self {
        debug_assert!({
            let mut seen = std::collections::HashSet::new();
            names.iter().all(|n| seen.insert(n))
        });
        Interner { index: HashMap::default(), names }
    }

    fn index_all(&mut self) {
        if self.index.len() < self.names.len() {
            self.index.reserve(self.names.len() - self.index.len());
            for i in self.index.len()..self.names.len() {
                self.index.insert(self.names[i].clone(), i as u32);
            }
        }
    }

    /// The index of `s`, adding it when first seen.
    pub fn intern(&mut self, s: &str) -> u32 {
        self.index_all();
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(s.into());
        self.index.insert(s.into(), i);
        i
    }

    /// The index of `s` if it was interned (a linear scan over names not indexed yet).
    pub fn get(&self, s: &str) -> Option<u32> {
        self.index.get(s).copied().or_else(|| {
            let from = self.index.len();
            self.names[from..].iter().position(|n| &**n == s).map(|k| (from + k) as u32)
        })
    }

    /// The string of index `i` (panics on an index this interner never returned).
    pub fn name(&self, i: u32) -> &str {
        &self.names[i as usize]
    }

    /// Number of distinct strings.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when nothing was interned.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// All strings in index order.
    pub fn names(&self) -> impl ExactSizeIterator<Item = &str> {
        self.names.iter().map(|s| &**s)
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
        let mut i = Interner::from_unique(vec!["x".into(), "y".into()]);
        assert_eq!(i.get("y"), Some(1));
        assert_eq!(i.intern("x"), 0);
        assert_eq!(i.intern("z"), 2);
        assert_eq!(i.get("z"), Some(2));
    }
}
