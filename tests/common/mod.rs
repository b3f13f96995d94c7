//! Shared helpers of the integration tests: where the real datasets and generated fixtures are.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

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

/// CDNOW's space-aligned transactions (`CDNOW_master.txt`: customer, yyyymmdd, CDs, dollars;
/// `CDNOW_sample.txt` has a sample id after the customer) as an order file: one line per
/// transaction, quantity 1 at its dollars, so a line's value is the transaction's exactly.
/// `date` and `dollars` are the fields' positions; lines not starting with a digit (the
/// master file's header) are passed over.
pub fn cdnow_orders_csv(text: &str, date: usize, dollars: usize) -> String {
    let mut csv = String::from("order_id,customer_id,order_date,quantity,unit_price\n");
    let rows = text.lines().filter(|l| {
        l.split_whitespace()
            .next()
            .is_some_and(|f| f.bytes().all(|b| b.is_ascii_digit()))
    });
    for (i, line) in rows.enumerate() {
        let f: Vec<&str> = line.split_whitespace().collect();
        let d = f[date];
        csv.push_str(&format!(
            "T{i},{},{}-{}-{},1,{}\n",
            f[0].trim_start_matches('0'),
            &d[..4],
            &d[4..6],
            &d[6..],
            f[dollars]
        ));
    }
    csv
}

/// Days since 1970-01-01 as a civil (year, month, day) (H. Hinnant's algorithm).
pub fn civil(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// A session with the file at `path` ingested (whole, default options), after checking its
/// sha256 against the one a reference was computed from, when given.
pub fn session_of(path: &Path, sha256: Option<&str>) -> portrait::Session {
    use sha2::{Digest, Sha256};
    let bytes = std::fs::read(path).expect("input");
    if let Some(expected) = sha256 {
        let digest = format!("{:x}", Sha256::digest(&bytes));
        assert_eq!(
            digest,
            expected,
            "{} differs from the reference's input",
            path.display()
        );
    }
    let mut s = portrait::Session::new();
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    s.ingest_now(
        vec![portrait::ingest::SourceFile { name, bytes }],
        portrait::ingest::IngestOptions::default(),
        |_, _, _| None,
    )
    .expect("ingests");
    s
}
