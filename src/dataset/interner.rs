//! String interning: every id column (orders, customers, products, categories …) is stored as
//! `u32` indices into one `Interner`, so the analyses compare integers, never strings.

use std::collections::HashMap;

/// Marks "no value" in an interned column (a line with no customer id, no product …).
pub const NONE: u32 = u32::MAX;

/// A fixed, seedless hasher: the same input always interns in the same order on every run,
/// in the browser and natively (DESIGN.md: no per-process random state).
type FixedState = foldhash::fast::FixedState;

/// Maps strings to dense `u32` indices in first-seen order.
#[derive(Debug, Default, Clone)]
pub struct Interner {
    index: HashMap<Box<str>, u32, FixedState>,
    names: Vec<Box<str>>,
}

impl Interner {
    /// An empty interner.
    pub fn new() -> Self {
        Self::default()
    }

    /// The index of `s`, adding it when first seen.
    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(s.into());
        self.index.insert(s.into(), i);
        i
    }

    /// The index of `s` if it was interned.
    pub fn get(&self, s: &str) -> Option<u32> {
        self.index.get(s).copied()
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
}
