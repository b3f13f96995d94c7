//! Frequent itemsets by FP-Growth (Han, Pei & Yin 2000): the baskets are folded into a prefix
//! tree of their frequent items, most frequent first, and each item's conditional tree is
//! mined recursively. A conditional tree that is one path yields all its subsets at once,
//! so a few very long baskets cost their combinations, not a recursion each.
//!
//! Written here rather than taken from a crate: the one Rust crate (`fp-growth` 0.1, last
//! released 2021) has no length limit, no bound on what it returns and builds a tree of
//! reference-counted nodes; this one works on the dense item numbers of `Baskets` in flat
//! arrays, stops at a cap (`Capped`) before memory runs out, and is deterministic.
//!
//! Definitions follow mlxtend's `fpgrowth`: an itemset is frequent when the share of baskets
//! holding it is at least the minimum support; `max_len` bounds its size.

use super::baskets::Baskets;

/// A frequent itemset: its items (dense item numbers, ascending) and the baskets holding it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Itemset {
    /// Items, ascending.
    pub items: Box<[u32]>,
    /// Baskets holding every one of them.
    pub count: u32,
}

/// The search stopped: more than `cap` itemsets are frequent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capped;

/// What the search keeps to.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Fewest baskets a frequent itemset is in (≥ 1).
    pub min_count: u32,
    /// Most items in an itemset (≥ 1).
    pub max_len: usize,
    /// Most itemsets found before the search gives up.
    pub cap: usize,
}

/// The fewest baskets of `n` whose share reaches `min_support` (mlxtend compares the share,
/// `count / n >= min_support`, so this is the smallest count that passes that comparison).
pub fn min_count(min_support: f64, n: usize) -> u32 {
    let n_f = n as f64;
    let mut c = (min_support * n_f).ceil().max(1.0) as u64;
    while c > 1 && (c - 1) as f64 / n_f >= min_support {
        c -= 1;
    }
    while (c as f64) / n_f < min_support {
        c += 1;
    }
    c.min(u64::from(u32::MAX)) as u32
}

const NIL: u32 = u32::MAX;

/// A prefix tree over local item numbers `0..len`, ordered by global rank (the most
/// frequent item of the whole data first), so a path from the root runs in ascending local
/// numbers. Node 0 is the root.
struct Tree {
    /// Per node: its local item (NIL at the root).
    item: Vec<u32>,
    /// Per node: baskets through it.
    count: Vec<u32>,
    /// Per node: its parent (NIL at the root).
    parent: Vec<u32>,
    /// Per node: its first child and its next sibling (the children of node > 0).
    first_child: Vec<u32>,
    next_sibling: Vec<u32>,
    /// Per node: the next node of the same item.
    next_same: Vec<u32>,
    /// Per local item: the root's child of that item.
    root_child: Vec<u32>,
    /// Per local item: its first node, and its count in the tree.
    head: Vec<u32>,
    total: Vec<u32>,
    /// Per local item: its dense item number.
    global: Vec<u32>,
}

impl Tree {
    fn new(global: Vec<u32>) -> Tree {
        let n = global.len();
        Tree {
            item: vec![NIL],
            count: vec![0],
            parent: vec![NIL],
            first_child: vec![NIL],
            next_sibling: vec![NIL],
            next_same: vec![NIL],
            root_child: vec![NIL; n],
            head: vec![NIL; n],
            total: vec![0; n],
            global,
        }
    }

    /// Adds a path of ascending local items, `count` times.
    fn insert(&mut self, path: &[u32], count: u32) {
        let mut node = 0u32;
        for &it in path {
            let found = if node == 0 {
                self.root_child[it as usize]
            } else {
                let mut c = self.first_child[node as usize];
                while c != NIL && self.item[c as usize] != it {
                    c = self.next_sibling[c as usize];
                }
                c
            };
            let child = if found != NIL {
                found
            } else {
                let new = self.item.len() as u32;
                self.item.push(it);
                self.count.push(0);
                self.parent.push(node);
                self.first_child.push(NIL);
                if node == 0 {
                    self.next_sibling.push(NIL);
                    self.root_child[it as usize] = new;
                } else {
                    self.next_sibling.push(self.first_child[node as usize]);
                    self.first_child[node as usize] = new;
                }
                self.next_same.push(self.head[it as usize]);
                self.head[it as usize] = new;
                new
            };
            self.count[child as usize] += count;
            self.total[it as usize] += count;
            node = child;
        }
    }

    /// The nodes of the tree from the root down, when it is one path (every item once, each
    /// node the parent of the next).
    fn single_path(&self) -> Option<Vec<u32>> {
        let nodes = self.item.len() - 1;
        if nodes != self.global.len() {
            return None;
        }
        let path: Vec<u32> = (0..nodes as u32).map(|l| self.head[l as usize]).collect();
        let mut parent = 0u32;
        for &n in &path {
            if self.next_same[n as usize] != NIL || self.parent[n as usize] != parent {
                return None;
            }
            parent = n;
        }
        Some(path)
    }
}

/// The state of one search.
struct Search<'a> {
    limits: &'a Limits,
    out: Vec<Itemset>,
    prefix: Vec<u32>,
    /// Scratch: per local item of the tree being mined, its count in a conditional base.
    counts: Vec<u32>,
}

impl Search<'_> {
    fn emit(&mut self, last: u32, count: u32) -> Result<(), Capped> {
        if self.out.len() >= self.limits.cap {
            return Err(Capped);
        }
        let mut items: Vec<u32> = self.prefix.clone();
        items.push(last);
        items.sort_unstable();
        self.out.push(Itemset {
            items: items.into_boxed_slice(),
            count,
        });
        Ok(())
    }

    /// Every frequent itemset made of `self.prefix` and items of `tree`.
    fn mine(&mut self, tree: &Tree) -> Result<(), Capped> {
        if let Some(path) = tree.single_path() {
            return self.subsets(tree, &path, 0);
        }
        for l in (0..tree.global.len()).rev() {
            let global = tree.global[l];
            self.emit(global, tree.total[l])?;
            if self.prefix.len() + 1 >= self.limits.max_len {
                continue;
            }
            if let Some(conditional) = self.conditional(tree, l as u32) {
                self.prefix.push(global);
                let done = self.mine(&conditional);
                self.prefix.pop();
                done?;
            }
        }
        Ok(())
    }

    /// Every subset of the single path `path[from..]` joined to the prefix: a subset's count
    /// is that of its deepest node (counts only fall down a path).
    fn subsets(&mut self, tree: &Tree, path: &[u32], from: usize) -> Result<(), Capped> {
        for (j, &node) in path.iter().enumerate().skip(from) {
            let local = tree.item[node as usize] as usize;
            self.emit(tree.global[local], tree.count[node as usize])?;
            if self.prefix.len() + 1 < self.limits.max_len && j + 1 < path.len() {
                self.prefix.push(tree.global[local]);
                let done = self.subsets(tree, path, j + 1);
                self.prefix.pop();
                done?;
            }
        }
        Ok(())
    }

    /// The conditional tree of local item `l`: the paths above its nodes, each as often as
    /// its node, keeping the items frequent among them. `None` when none is.
    fn conditional(&mut self, tree: &Tree, l: u32) -> Option<Tree> {
        let counts = &mut self.counts;
        counts.clear();
        counts.resize(l as usize, 0);
        let mut node = tree.head[l as usize];
        while node != NIL {
            let c = tree.count[node as usize];
            let mut p = tree.parent[node as usize];
            while p != 0 {
                counts[tree.item[p as usize] as usize] += c;
                p = tree.parent[p as usize];
            }
            node = tree.next_same[node as usize];
        }
        let mut local = vec![NIL; l as usize];
        let mut global = Vec::new();
        for (i, &c) in counts.iter().enumerate() {
            if c >= self.limits.min_count {
                local[i] = global.len() as u32;
                global.push(tree.global[i]);
            }
        }
        if global.is_empty() {
            return None;
        }
        let mut conditional = Tree::new(global);
        let mut path = Vec::new();
        let mut node = tree.head[l as usize];
        while node != NIL {
            path.clear();
            let mut p = tree.parent[node as usize];
            while p != 0 {
                let keep = local[tree.item[p as usize] as usize];
                if keep != NIL {
                    path.push(keep);
                }
                p = tree.parent[p as usize];
            }
            path.reverse();
            conditional.insert(&path, tree.count[node as usize]);
            node = tree.next_same[node as usize];
        }
        Some(conditional)
    }
}

/// Every itemset of `baskets` in at least `limits.min_count` baskets and of at most
/// `limits.max_len` items, in no particular order; `Capped` once more than `limits.cap`
/// are found.
pub fn frequent_itemsets(baskets: &Baskets, limits: &Limits) -> Result<Vec<Itemset>, Capped> {
    let counts = baskets.item_counts();
    // global rank: most frequent first, ties by item number
    let mut ranked: Vec<u32> = (0..counts.len() as u32)
        .filter(|&i| counts[i as usize] >= limits.min_count)
        .collect();
    ranked.sort_by_key(|&i| (std::cmp::Reverse(counts[i as usize]), i));
    let mut local = vec![NIL; counts.len()];
    for (rank, &i) in ranked.iter().enumerate() {
        local[i as usize] = rank as u32;
    }
    let mut tree = Tree::new(ranked);
    let mut path = Vec::new();
    for b in 0..baskets.len() {
        path.clear();
        path.extend(
            baskets
                .basket(b)
                .iter()
                .map(|&i| local[i as usize])
                .filter(|&r| r != NIL),
        );
        if !path.is_empty() {
            path.sort_unstable();
            tree.insert(&path, 1);
        }
    }
    let mut search = Search {
        limits,
        out: Vec::new(),
        prefix: Vec::new(),
        counts: Vec::new(),
    };
    if limits.max_len > 0 && !tree.global.is_empty() {
        search.mine(&tree)?;
    }
    Ok(search.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn baskets(rows: &[&[u32]]) -> Baskets {
        let mut b = Baskets::default();
        b.start.push(0);
        let n = rows
            .iter()
            .flat_map(|r| r.iter())
            .max()
            .map_or(0, |m| m + 1);
        for r in rows {
            b.items.extend_from_slice(r);
            b.start.push(b.items.len() as u32);
        }
        b.product = (0..n).collect();
        b
    }

    /// Every itemset by brute force over all subsets of the items.
    fn brute(b: &Baskets, min_count: u32, max_len: usize) -> Vec<(Vec<u32>, u32)> {
        let n = b.n_items();
        let mut out = Vec::new();
        for mask in 1u32..(1 << n) {
            let set: Vec<u32> = (0..n as u32).filter(|i| mask >> i & 1 == 1).collect();
            if set.len() > max_len {
                continue;
            }
            let count = (0..b.len())
                .filter(|&k| set.iter().all(|i| b.basket(k).contains(i)))
                .count() as u32;
            if count >= min_count {
                out.push((set, count));
            }
        }
        out.sort();
        out
    }

    fn mined(b: &Baskets, min_count: u32, max_len: usize) -> Vec<(Vec<u32>, u32)> {
        let limits = Limits {
            min_count,
            max_len,
            cap: 1 << 20,
        };
        let mut out: Vec<(Vec<u32>, u32)> = frequent_itemsets(b, &limits)
            .unwrap()
            .into_iter()
            .map(|s| (s.items.to_vec(), s.count))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn fp_growth_finds_exactly_the_frequent_itemsets() {
        // Han, Pei & Yin's example transactions (items f c a b m p … renumbered), and a
        // pseudo-random set dense enough to share long paths
        let textbook = baskets(&[
            &[0, 1, 2, 3, 4, 5, 6],
            &[0, 1, 2, 7, 8, 9],
            &[1, 7, 10, 11],
            &[1, 12, 13, 6],
            &[0, 3, 5, 8, 9, 14, 15],
        ]);
        for (min_count, max_len) in [(1, 8), (2, 8), (3, 8), (3, 2), (2, 3)] {
            assert_eq!(
                mined(&textbook, min_count, max_len),
                brute(&textbook, min_count, max_len),
                "min_count {min_count}, max_len {max_len}"
            );
        }
        let mut state = 12345u64;
        let mut rows: Vec<Vec<u32>> = Vec::new();
        for _ in 0..200 {
            let mut row = Vec::new();
            for item in 0..12u32 {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                if (state >> 33) % 100 < 30 + 4 * u64::from(item) {
                    row.push(item);
                }
            }
            rows.push(row);
        }
        let refs: Vec<&[u32]> = rows.iter().map(|r| r.as_slice()).collect();
        let random = baskets(&refs);
        for (min_count, max_len) in [(20, 12), (50, 12), (60, 3), (5, 4)] {
            assert_eq!(
                mined(&random, min_count, max_len),
                brute(&random, min_count, max_len),
                "min_count {min_count}, max_len {max_len}"
            );
        }
    }

    #[test]
    fn a_long_basket_stops_at_the_cap_at_once() {
        let long: Vec<u32> = (0..10_000).collect();
        let b = baskets(&[&long, &long[..40], &[1, 2]]);
        let limits = Limits {
            min_count: 1,
            max_len: 10,
            cap: 50_000,
        };
        assert_eq!(frequent_itemsets(&b, &limits), Err(Capped));
    }

    #[test]
    fn the_minimum_count_is_the_smallest_count_whose_share_passes() {
        assert_eq!(min_count(0.001, 9835), 10);
        assert_eq!(min_count(0.005, 20_000), 100);
        assert_eq!(min_count(0.005, 100), 1);
        assert_eq!(min_count(0.0, 100), 1);
        assert_eq!(min_count(1.0, 7), 7);
    }
}
