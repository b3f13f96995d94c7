//! Shared helpers of the integration tests: where the real datasets and generated fixtures are.
#![allow(dead_code)]

use std::path::PathBuf;

/// `../shared/data` beside the checkout, or `None` (the caller skips with a message).
pub fn shared_data() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    p.is_dir().then_some(p)
}

/// Generated fixtures (`make fixtures`): `$PORTRAIT_FIXTURES` or `target/fixtures`.
pub fn fixtures_dir() -> PathBuf {
    std::env::var_os("PORTRAIT_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fixtures"))
}

/// A generated fixture file; panics with the command that makes it when it is missing.
pub fn generated_fixture(name: &str) -> PathBuf {
    let p = fixtures_dir().join(name);
    assert!(
        p.is_file(),
        "missing generated fixture {}: run `make fixtures` first",
        p.display()
    );
    p
}

/// Committed fixture under tests/fixtures.
pub fn committed_fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// A CSV as its header and rows of text cells.
pub fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    let rows = r
        .records()
        .map(|rec| rec.expect("a record").iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// Our CSV table equals a reference's: the same header, the same rows in the same order,
/// every cell equal as text, except in the columns `numeric` names, where two non-empty
/// cells are numbers equal within `relative`. Lists the first 20 differences.
pub fn assert_same_table(
    case: &str,
    ours: &str,
    theirs: &str,
    numeric: impl Fn(&str) -> bool,
    relative: f64,
) {
    let (our_header, our_rows) = read_csv(ours);
    let (header, rows) = read_csv(theirs);
    assert_eq!(our_header, header, "{case}: columns");
    assert_eq!(our_rows.len(), rows.len(), "{case}: rows");
    let mut mismatches = Vec::new();
    for (ours, theirs) in our_rows.iter().zip(&rows) {
        for (col, (a, b)) in header.iter().zip(ours.iter().zip(theirs)) {
            let same = if !numeric(col) || a.is_empty() || b.is_empty() {
                a == b
            } else {
                let (x, y): (f64, f64) =
                    (a.parse().expect("a number"), b.parse().expect("a number"));
                (x - y).abs() <= relative * y.abs().max(f64::MIN_POSITIVE)
            };
            if !same && mismatches.len() < 20 {
                mismatches.push(format!("row {}: {col} = {a:?}, reference {b:?}", ours[0]));
            }
        }
    }
    assert!(mismatches.is_empty(), "{case}:\n{}", mismatches.join("\n"));
}
