//! The UCI Online Retail data (541,909 lines) through ingest with no manual mapping, as
//! the CSV.gz of `../shared/data`, as a GB18030 copy with Chinese headers and as an XLSX
//! copy with real Excel date cells. Every copy must give the published figures
//! (shared/data/README.md): the same rows, customers, orders, cancellations, value,
//! duplicates and date range.

use portrait::ingest::{ingest_all, inspect, FileOptions, IngestOptions, Ingested, SourceFile};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn shared_source() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/online_retail/online_retail.csv.gz");
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "skipped: {} is absent (no ../shared/data here)",
            path.display()
        );
        None
    }
}

/// A copy written by `scripts/make_retail_copies.py` (run by `make fixtures`).
fn fixture(name: &str) -> Option<PathBuf> {
    shared_source()?;
    let dir = std::env::var_os("PORTRAIT_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fixtures"));
    let path = dir.join(name);
    assert!(
        path.exists(),
        "{} is missing: run `make fixtures` (or `python3 scripts/make_retail_copies.py {}`)",
        path.display(),
        dir.display()
    );
    Some(path)
}

fn ingest(path: &Path) -> Ingested {
    let bytes = std::fs::read(path).expect("readable fixture");
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("file")
        .to_string();
    let file = SourceFile { name, bytes };
    let inspection = inspect(&file, &FileOptions::default()).expect("inspects");
    assert!(
        inspection.missing.is_empty(),
        "manual mapping needed: {:?}",
        inspection.missing
    );
    let start = Instant::now();
    let ingested = ingest_all(vec![file], IngestOptions::default()).expect("ingests");
    eprintln!(
        "{}: ingest_all {:.3} s",
        path.display(),
        start.elapsed().as_secs_f64()
    );
    ingested
}

/// The published figures of the data set.
fn check_published_figures(ingested: &Ingested) {
    let r = &ingested.report;
    assert_eq!(r.rows_read, 541_909);
    assert_eq!(r.rows_rejected, 0, "{:?}", r.rejected);
    assert_eq!(r.read.lines, 541_909);
    assert_eq!(r.read.customers, 4_372);
    assert_eq!(r.read.orders, 25_900);
    assert_eq!(r.read.cancelled_order_lines, 9_288);
    assert_eq!(
        r.read.value_cents, 974_774_793,
        "Σ quantity × round(100·price)"
    );
    assert_eq!(r.duplicates_removed, 5_268);
    assert_eq!(r.rows_used, 541_909 - 5_268);
    assert_eq!(ingested.lines.len() as u64, r.rows_used);
    assert_eq!(r.date_min.as_deref(), Some("2010-12-01T08:26:00"));
    assert_eq!(r.date_max.as_deref(), Some("2011-12-09T12:50:00"));
    assert_eq!(r.currency.code, "GBP", "{:?}", r.currency);
    assert!(
        r.return_lines >= 9_288 - 5_268,
        "returns: {}",
        r.return_lines
    );
    // CustomerID is missing on 135,080 lines of the file (README); some are duplicates
    assert!(r.missing_customer_lines > 130_000 && r.missing_customer_lines <= 135_080);
    assert_eq!(
        ingested.lines.product_ids.len(),
        4_070,
        "distinct StockCode"
    );
}

#[test]
fn online_retail_csv_gz_gives_the_published_figures() {
    let Some(path) = shared_source() else { return };
    let ingested = ingest(&path);
    check_published_figures(&ingested);
    let file = &ingested.report.files[0];
    assert_eq!(file.format, "csv+gzip");
    assert_eq!(file.encoding, "UTF-8");
    let dates = file.date_format.as_ref().map(|d| d.english());
    assert_eq!(dates.as_deref(), Some("YYYY-MM-DD hh:mm:ss"));
    let basis = &ingested.report.currency.basis;
    assert_eq!(basis.code, "currency.region");
    assert!(basis.to_string().starts_with("Country column: "), "{basis}");
}

#[test]
fn gb18030_copy_with_chinese_headers_gives_the_same_figures() {
    let Some(path) = fixture("online_retail_gbk.csv") else {
        return;
    };
    let ingested = ingest(&path);
    check_published_figures(&ingested);
    let file = &ingested.report.files[0];
    assert_eq!(
        (file.format.as_str(), file.encoding.as_str()),
        ("csv", "GB18030")
    );
    assert_eq!(ingested.files[0].headers[6], "会员ID");
}

#[test]
fn xlsx_copy_with_excel_date_cells_gives_the_same_figures() {
    let Some(path) = fixture("online_retail.xlsx") else {
        return;
    };
    let ingested = ingest(&path);
    check_published_figures(&ingested);
    let file = &ingested.report.files[0];
    assert_eq!(file.format, "xlsx");
    let dates = file.date_format.as_ref().map(|d| d.written.as_str());
    assert_eq!(dates, Some("date.excel_cells"));
    assert_eq!(ingested.files[0].sheet.as_deref(), Some("Online Retail"));
}
