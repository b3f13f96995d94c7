//! Audiences against pandas, the builder's tree against the text, and the download.
//!
//! Reference: `scripts/audience_reference.py` evaluates eleven rules with pandas on the
//! committed pandas profile and RFM references of the peer 100k file and writes
//! tests/fixtures/audience/peer_100000_seed42.json. Tolerance: none (counts and cents).

mod common;

use calamine::{Data, Reader, Xlsx};
use portrait::ingest::{IngestOptions, SourceFile};
use portrait::rules::{tree, RuleNode};
use portrait::session::{ExportFormat, ExportRequest, Session};
use serde_json::{json, Value};
use std::io::Cursor;

fn session_of(name: &str, bytes: Vec<u8>) -> Session {
    let mut s = Session::new();
    s.ingest_now(
        vec![SourceFile {
            name: name.into(),
            bytes,
        }],
        IngestOptions::default(),
        |_, _, _| None,
    )
    .expect("ingests");
    s
}

#[test]
fn audience_counts_equal_pandas_on_the_peer_100k_file() {
    let path = common::committed_fixture("audience/peer_100000_seed42.json");
    let reference: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let input = common::generated_fixture("peer_orders_100000_seed42.csv");
    let mut s = session_of("peer.csv", std::fs::read(input).unwrap());
    for r in reference["rules"].as_array().unwrap() {
        let out = s
            .run_json(
                "audience",
                json!({ "where": r["rule"], "audiences": reference["audiences"] }),
            )
            .unwrap_or_else(|e| panic!("{}: {e}", r["rule"]));
        assert_eq!(out["customers"], r["customers"], "{}", r["rule"]);
        assert_eq!(out["revenue_cents"], r["revenue_cents"], "{}", r["rule"]);
        assert_eq!(out["of_customers"], reference["customers"]);
    }
}

/// The builder's tree and the text are one rule: text → tree → text is the canonical text,
/// and the canonical text gives the same tree. (`www/features/audience/tree.test.ts` holds
/// the page's writer to the same canonical texts.)
#[test]
fn rule_trees_round_trip_through_text() {
    let path = common::committed_fixture("rules/trees.json");
    let mut cases: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    // PORTRAIT_WRITE_TREES=1 writes each case's tree into the fixture (the page's test
    // reads them)
    if std::env::var_os("PORTRAIT_WRITE_TREES").is_some() {
        for c in &mut cases {
            let t = tree(c["text"].as_str().unwrap()).unwrap();
            c["tree"] = serde_json::to_value(&t).unwrap();
        }
        let text = serde_json::to_string_pretty(&cases).unwrap() + "\n";
        std::fs::write(&path, text).unwrap();
    }
    for c in cases {
        let text = c["text"].as_str().unwrap();
        let t: RuleNode = tree(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(t.text(), c["canonical"].as_str().unwrap(), "{text}");
        assert_eq!(tree(&t.text()).unwrap(), t, "{text}");
        // the JSON the page gets reads back as the same tree
        let json = serde_json::to_value(&t).unwrap();
        assert_eq!(json, c["tree"], "{text}: the fixture's tree is stale");
        assert_eq!(serde_json::from_value::<RuleNode>(json).unwrap(), t);
    }
}

/// Categories that start like formulas: the CSV download neutralises them all; the
/// workbook holds them as strings, never formulas, under the summary line and the header.
fn injection_session() -> Session {
    let csv = "order_id,customer_id,order_date,quantity,unit_price,category\n\
               o1,c1,2024-01-02,1,10.00,=1+1\n\
               o2,c2,2024-01-03,1,10.00,+cmd\n\
               o3,c3,2024-01-04,1,10.00,@SUM(A1)\n\
               o4,c4,2024-01-05,1,10.00,-2\n\
               o5,c5,2024-01-06,1,10.00,\"\tx\"\n\
               o6,c6,2024-01-07,1,10.00,\"\rx\"\n\
               o7,c7,2024-01-08,1,10.00,plain\n";
    session_of("inject.csv", csv.as_bytes().to_vec())
}

fn export(s: &mut Session, format: ExportFormat) -> Vec<u8> {
    s.export_file(&ExportRequest {
        analysis: Some("audience".into()),
        params: json!({ "where": "orders >= 1", "columns": ["top_category", "revenue"] }),
        format,
    })
    .expect("the download")
}

#[test]
fn the_csv_download_neutralises_formula_injection() {
    let mut s = injection_session();
    let text = String::from_utf8(export(&mut s, ExportFormat::Csv)).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
    assert!(
        rows[0][0].starts_with("Audience: orders >= 1 · 7 of 7 customers"),
        "{:?}",
        &rows[0]
    );
    assert_eq!(
        &rows[1],
        vec![
            "customer_id",
            "profile.top_category",
            "profile.revenue_cents"
        ]
    );
    assert_eq!(rows.len(), 2 + 7);
    for row in &rows[2..] {
        let category = &row[1];
        assert!(
            !category.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{category:?} is not neutralised"
        );
    }
    let categories: Vec<&str> = rows[2..].iter().map(|r| r.get(1).unwrap()).collect();
    assert!(
        categories.contains(&"'=1+1") && categories.contains(&"'-2"),
        "{categories:?}"
    );
    assert_eq!(
        rows[8][2].parse::<i64>().unwrap(),
        1000,
        "revenue stays a number"
    );
}

#[test]
fn the_xlsx_download_reopens_with_the_expected_rows() {
    let mut s = injection_session();
    let bytes = export(&mut s, ExportFormat::Xlsx);
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("a workbook");
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).expect("the sheet");
    let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    assert!(matches!(&rows[0][0], Data::String(t) if t.starts_with("Audience: orders >= 1")));
    assert_eq!(rows[1][0], Data::String("customer_id".into()));
    assert_eq!(rows.len(), 9);
    assert_eq!(rows[2][0], Data::String("c1".into()));
    // a text cell, never a formula
    assert!(
        matches!(&rows[2][1], Data::String(t) if t.ends_with("=1+1")),
        "{:?}",
        rows[2][1]
    );
    let formulas = book.worksheet_formula(&name).expect("formulas");
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
}
