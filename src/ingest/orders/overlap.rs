//! Files that overlap: a merchant drops this month's export beside last month's, and both
//! hold the orders of the days they share. An order must count once. A later file's line
//! that repeats a line of an earlier file (same order, customer, time, product, quantity and
//! value) is removed as a duplicate, as within a file; a later file that gives an order an
//! earlier file already has *different* lines conflicts with it: the earlier file's lines are
//! kept, the later file's are set aside and reported with the order ids — never summed.

use super::done::filter_lines;
use crate::dataset::{OrderLines, NONE};
use crate::ingest::left_out::LeftOut;
use crate::ingest::status::LeftOutReason;
use std::collections::{BTreeSet, HashMap};

/// What the overlap between files changed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Overlap {
    /// Lines of later files removed as duplicates of an earlier file's.
    pub duplicate_lines: u64,
}

/// Lines kept per file after `settle`, in file order.
pub(super) type KeptPerFile = Vec<usize>;

/// A line as it is compared across files.
type LineKey = (String, String, i64, String, u64, i64);

fn key(lines: &OrderLines, i: usize) -> LineKey {
    let name = |ids: &crate::dataset::Interner, v: u32| {
        if v == NONE {
            String::new()
        } else {
            ids.name(v).to_string()
        }
    };
    (
        lines.order_ids.name(lines.order[i]).to_string(),
        name(&lines.customer_ids, lines.customer[i]),
        lines.time[i],
        name(&lines.product_ids, lines.product[i]),
        lines.quantity[i].to_bits(),
        lines.amount_cents[i],
    )
}

/// Removes a later file's duplicates of earlier files' lines and sets aside its lines of
/// orders an earlier file already has with other lines. `files` are the line counts of the
/// files, in the order their lines were appended, each with its export (a platform profile
/// id, `""` for none): only exports of one kind share order ids — Taobao's order report and
/// its lines report are joined, not overlapping, and two platforms' ids are two namespaces.
pub(super) fn settle(
    lines: &mut OrderLines,
    files: &[(usize, &str)],
    left_out: &mut LeftOut,
) -> (Overlap, KeptPerFile) {
    let mut overlap = Overlap::default();
    if files.len() < 2 {
        return (overlap, files.iter().map(|(n, _)| *n).collect());
    }
    // per order: the file that first had it
    let mut first_file: Vec<u32> = vec![NONE; lines.order_ids.len()];
    let mut keep = vec![true; lines.len()];
    let mut earlier: HashMap<LineKey, u32> = HashMap::new();
    let mut conflicts: BTreeSet<String> = BTreeSet::new();
    let (mut conflict_lines, mut conflict_cents) = (0u64, 0i64);
    let mut start = 0usize;
    for (f, &(n, export)) in files.iter().enumerate() {
        let f = f as u32;
        let range = start..start + n;
        start += n;
        // the orders this file shares with earlier files
        let mut mine: HashMap<LineKey, u32> = HashMap::new();
        for i in range.clone() {
            let o = lines.order[i] as usize;
            if first_file[o] == NONE {
                first_file[o] = f;
            }
            if first_file[o] != f && files[first_file[o] as usize].1 == export {
                let k = key(lines, i);
                match earlier.get_mut(&k) {
                    Some(left) if *left > 0 => {
                        *left -= 1;
                        keep[i] = false;
                        overlap.duplicate_lines += 1;
                    }
                    _ => {
                        keep[i] = false;
                        conflicts.insert(lines.order_ids.name(o as u32).to_string());
                        conflict_lines += 1;
                        conflict_cents += lines.amount_cents[i];
                    }
                }
            } else {
                *mine.entry(key(lines, i)).or_default() += 1;
            }
        }
        for (k, n) in mine {
            *earlier.entry(k).or_default() += n;
        }
    }
    if conflict_lines > 0 {
        let shown: Vec<&str> = conflicts.iter().take(5).map(String::as_str).collect();
        left_out.add_many(
            LeftOutReason::ConflictingOrder,
            &shown.join(", "),
            conflict_lines,
            conflict_cents,
            conflicts,
        );
    }
    let mut kept_per_file = Vec::with_capacity(files.len());
    let mut start = 0usize;
    for &(n, _) in files {
        kept_per_file.push(keep[start..start + n].iter().filter(|k| **k).count());
        start += n;
    }
    if keep.iter().any(|k| !k) {
        let (kept, _) = filter_lines(lines, &keep);
        *lines = kept;
        lines.finish();
    }
    (overlap, kept_per_file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(rows: &[(&str, &str, i64)]) -> OrderLines {
        let mut t = OrderLines::default();
        for &(order, customer, cents) in rows {
            t.push(order, Some(customer), 86_400, Some("p"), 1.0, cents, false);
        }
        t.finish();
        t
    }

    #[test]
    fn a_later_files_repeats_go_and_its_conflicts_are_set_aside() {
        // file 1: orders 1 and 2; file 2: order 2 again (one line the same, one not) and 3
        let mut t = lines(&[
            ("1", "a", 100),
            ("2", "b", 200),
            ("2", "b", 200),
            ("3", "c", 300),
        ]);
        let mut more = lines(&[("2", "b", 250)]);
        t.append(&more);
        more = lines(&[]);
        t.append(&more);
        let mut left = LeftOut::default();
        // files: [1, 2] | [2, 3] | [2 (different)]
        let (overlap, kept) = settle(&mut t, &[(2, ""), (2, ""), (1, "")], &mut left);
        assert_eq!(
            overlap.duplicate_lines, 1,
            "order 2's line repeats file 1's"
        );
        assert_eq!(kept, vec![2, 1, 0]);
        assert_eq!(t.amount_cents, vec![100, 200, 300]);
        let groups = left.into_groups();
        assert_eq!(groups[0].reason, LeftOutReason::ConflictingOrder);
        assert_eq!(
            (groups[0].lines, groups[0].orders, groups[0].value_cents),
            (1, 1, 250)
        );
        assert_eq!(groups[0].values[0].value, "2");
    }
}
