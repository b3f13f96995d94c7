//! `Tally`: how often each of a few distinct values occurred, in first-seen order.
//!
//! Ingest counts small sets — currency marks in money cells, the written forms of dates,
//! the lines per currency of a region column — and merges the counts of files and of split
//! halves. A `Vec` searched linearly beats a map for the handful of keys these have, and
//! first-seen order keeps every tie-break (and so every report) deterministic.

use serde::{Deserialize, Serialize};

/// The value of `key` in the small first-seen-order table `list`, pushed with its default
/// when absent: ingest's one find-or-push (tallies, the accounts of left-out lines).
pub(crate) fn slot<K, Q, V>(list: &mut Vec<(K, V)>, key: Q) -> &mut V
where
    K: PartialEq<Q>,
    Q: Into<K>,
    V: Default,
{
    let at = match list.iter().position(|(k, _)| *k == key) {
        Some(i) => i,
        None => {
            list.push((key.into(), V::default()));
            list.len() - 1
        }
    };
    &mut list[at].1
}

/// Counts per key, in the order the keys were first seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub(crate) struct Tally<K>(Vec<(K, u64)>);

impl<K> Default for Tally<K> {
    fn default() -> Self {
        Tally(Vec::new())
    }
}

impl<K: PartialEq> Tally<K> {
    /// Counts `key` `n` more times.
    pub fn add(&mut self, key: K, n: u64) {
        *slot(&mut self.0, key) += n;
    }

    /// Adds every count of `other` (its new keys after this one's, in its order).
    pub fn merge(&mut self, other: Tally<K>) {
        for (key, n) in other.0 {
            self.add(key, n);
        }
    }

    /// Counts `key` once less (not below zero; a key left at zero is dropped).
    pub fn remove_one(&mut self, key: &K) {
        if let Some(i) = self.0.iter().position(|(k, _)| k == key) {
            self.0[i].1 = self.0[i].1.saturating_sub(1);
            if self.0[i].1 == 0 {
                self.0.remove(i);
            }
        }
    }

    /// The counts, in first-seen order.
    pub fn iter(&self) -> impl Iterator<Item = &(K, u64)> {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_keep_first_seen_order_and_merge() {
        let mut t = Tally::default();
        t.add("GBP", 1);
        t.add("EUR", 2);
        t.add("GBP", 3);
        let mut other = Tally::default();
        other.add("USD", 1);
        other.add("EUR", 1);
        t.merge(other);
        let counts: Vec<_> = t.iter().copied().collect();
        assert_eq!(counts, vec![("GBP", 4), ("EUR", 3), ("USD", 1)]);
    }

    #[test]
    fn removing_the_last_count_drops_the_key() {
        let mut t = Tally::default();
        t.add('a', 1);
        t.add('b', 2);
        t.remove_one(&'a');
        t.remove_one(&'b');
        t.remove_one(&'z');
        let counts: Vec<_> = t.iter().copied().collect();
        assert_eq!(counts, vec![('b', 1)]);
    }
}
