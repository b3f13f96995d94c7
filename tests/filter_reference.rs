//! The global filter: the overview (with its previous period) and RFM (5 and 4 bins) of a
//! date range — one case also restricted to a country — equal a pandas reference on the
//! filtered, de-duplicated UCI Online Retail rows, through the session as both faces use it
//! (`set_filter`, `run`, the customer table).
//!
//! Reference: `scripts/filter_reference.py` (pandas; RFM with the peer benchmark's own
//! definitions) writes tests/fixtures/filter/<case>.{json,csv}. Tolerance: counts, money in
//! minor units, days, scores and segments are equal; ratios (AOV, revenue per customer,
//! repeat rate, items per order) within 1e-12 relative — the same division of the same
//! integers in both.

mod common;

use portrait::dataset::DataFilter;
use portrait::ingest::{IngestOptions, SourceFile};
use portrait::segment::rfm::Segment;
use portrait::session::Session;
use portrait::table::TableQuery;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

const CASES: [&str; 2] = ["uk_2011-03-01_2011-05-31", "all_2011-09-15_2011-11-20"];

fn online_retail() -> Option<Vec<u8>> {
    let Some(data) = common::shared_data() else {
        eprintln!("skipped: ../shared/data is absent");
        return None;
    };
    Some(std::fs::read(data.join("online_retail/online_retail.csv.gz")).expect("readable"))
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(common::committed_fixture(&format!("filter/{name}"))).unwrap()
}

/// `ours` equals `theirs`: integers, strings and booleans exactly; other numbers within
/// 1e-12 relative. `at` names the field in a failure.
fn assert_same(ours: &Value, theirs: &Value, at: &str) {
    match (ours, theirs) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in b {
                let mine = a.get(k).unwrap_or_else(|| panic!("{at}.{k} is missing"));
                assert_same(mine, v, &format!("{at}.{k}"));
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "{at}: lengths");
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                assert_same(x, y, &format!("{at}[{i}]"));
            }
        }
        (Value::Number(a), Value::Number(b)) if b.is_f64() => {
            let (x, y) = (a.as_f64().unwrap(), b.as_f64().unwrap());
            assert!(
                (x - y).abs() <= 1e-12 * y.abs().max(1.0),
                "{at}: {x} vs {y}"
            );
        }
        _ => assert_eq!(ours, theirs, "{at}"),
    }
}

/// Every row of the customer table with `columns`, page by page.
fn all_rows(session: &mut Session, columns: &[&str]) -> Vec<Value> {
    let mut rows = Vec::new();
    loop {
        let query = TableQuery {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            offset: rows.len(),
            limit: 1000,
            ..TableQuery::default()
        };
        let page = serde_json::to_value(session.table(&query).expect("a page")).unwrap();
        let got = page["rows"].as_array().unwrap().clone();
        let total = page["total"].as_u64().unwrap() as usize;
        rows.extend(got);
        if rows.len() >= total {
            return rows;
        }
    }
}

fn segment_code(label: &str) -> &'static str {
    let s = Segment::ALL.iter().find(|s| s.label() == label).unwrap();
    Segment::CODES[s.code() as usize]
}

#[test]
fn overview_and_rfm_of_a_filter_equal_the_pandas_reference() {
    let Some(bytes) = online_retail() else {
        return;
    };
    let digest = format!("{:x}", Sha256::digest(&bytes));
    let mut session = Session::new();
    let file = SourceFile {
        name: "online_retail.csv.gz".into(),
        bytes,
    };
    session
        .ingest_now(vec![file], IngestOptions::default(), |_, _, _| None)
        .expect("ingests");
    for case in CASES {
        let meta: Value = serde_json::from_str(&fixture(&format!("{case}.json"))).unwrap();
        assert_eq!(digest, meta["source_sha256"], "{case}: another source file");
        let f = &meta["filter"];
        let filter = DataFilter {
            from: f["from"].as_str().map(String::from),
            to: f["to"].as_str().map(String::from),
            region: serde_json::from_value(f["region"].clone()).unwrap(),
            ..DataFilter::default()
        };
        session.set_filter(&filter).expect("a valid filter");

        let overview = session.run_json("overview", json!({})).expect("overview");
        assert_same(&overview, &meta["overview"], &format!("{case}: overview"));

        let rfm = session.run_json("rfm", json!({})).expect("rfm");
        assert_eq!(rfm["customers"], meta["rfm"]["customers"], "{case}");
        assert_eq!(rfm["snapshot_date"], meta["rfm"]["snapshot_date"], "{case}");
        for s in rfm["segments"].as_array().unwrap() {
            let theirs = &meta["rfm"]["segments"][s["label"].as_str().unwrap()];
            let (customers, revenue) = match theirs {
                Value::Null => (0, 0),
                t => (
                    t["customers"].as_u64().unwrap(),
                    t["revenue_cents"].as_i64().unwrap(),
                ),
            };
            assert_eq!(s["customers"], customers, "{case}: {}", s["label"]);
            assert_eq!(s["revenue_cents"], revenue, "{case}: {}", s["label"]);
        }

        let reference = fixture(&format!("{case}.csv"));
        let mut lines = reference.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let expected: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
        let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
        let columns = [
            "rfm.recency",
            "rfm.frequency",
            "rfm.monetary_cents",
            "rfm.r_score",
            "rfm.f_score",
            "rfm.m_score",
            "rfm.segment",
        ];
        let five = all_rows(&mut session, &columns);
        assert_eq!(five.len(), expected.len(), "{case}: customers");
        session
            .run_json("rfm", json!({ "bins": 4 }))
            .expect("rfm, 4 bins");
        let four = all_rows(&mut session, &columns);
        for ((row5, row4), e) in five.iter().zip(&four).zip(&expected) {
            let id = e[col("customer_id")];
            assert_eq!(row5["customer_id"], id, "{case}: customer order");
            for (name, field) in [
                ("rfm.recency", "recency"),
                ("rfm.frequency", "frequency"),
                ("rfm.monetary_cents", "monetary_cents"),
                ("rfm.r_score", "r_score"),
                ("rfm.f_score", "f_score"),
                ("rfm.m_score", "m_score"),
            ] {
                let theirs: i64 = e[col(field)].parse().unwrap();
                assert_eq!(row5[name], theirs, "{case}: customer {id} {name}");
            }
            for (name, field) in [
                ("rfm.r_score", "r_score_4"),
                ("rfm.f_score", "f_score_4"),
                ("rfm.m_score", "m_score_4"),
            ] {
                let theirs: i64 = e[col(field)].parse().unwrap();
                assert_eq!(row4[name], theirs, "{case}: customer {id} {name}, 4 bins");
            }
            let segment = segment_code(e[col("segment")]);
            assert_eq!(row5["rfm.segment"], segment, "{case}: customer {id}");
            assert_eq!(
                row4["rfm.segment"], segment,
                "{case}: segments use quintiles"
            );
        }
        eprintln!("{case}: {} customers equal the reference", expected.len());
        // the default bins again, for the next case's summary
        session.run_json("rfm", json!({})).expect("rfm");
    }
}
