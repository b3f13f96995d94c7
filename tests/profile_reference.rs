//! The profile table equals a pandas reference, customer for customer and feature for
//! feature, on the peer generator's 100k-row file and on UCI Online Retail — read through the
//! session's CSV export of kind `profile`, as `portrait profile FILE --csv` and the page's
//! download give it.
//!
//! Reference: `scripts/profile_reference.py` (pandas; its docstring states every definition)
//! writes tests/fixtures/profile/<case>.{csv,json}. Tolerance: counts, money in minor units,
//! days, hours, dates and texts are equal; ratios within 1e-9 relative (the bound;
//! the two sides differ by at most 1.4e-15, in `price_index`, where the reference sums with
//! `math.fsum`).

mod common;

use portrait::ingest::{IngestOptions, SourceFile};
use portrait::session::{ExportFormat, ExportRequest, Session};
use sha2::{Digest, Sha256};

/// Columns whose values are whole numbers, dates or text: compared as written.
const EXACT: &[&str] = &[
    "customer_id",
    "orders",
    "purchase_cents",
    "revenue_cents",
    "first_order_date",
    "last_order_date",
    "days_since_last_order",
    "days_since_first_order",
    "purchase_days",
    "preferred_hour",
    "preferred_weekday",
    "top_channel",
    "channel_mix",
    "top_category",
    "top_categories",
    "top_brand",
    "region",
    "price_band",
];

const RELATIVE: f64 = 1e-9;

fn profile_csv(name: &str, bytes: Vec<u8>) -> String {
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
    s.export(&ExportRequest {
        analysis: Some("profile".into()),
        params: serde_json::Value::Null,
        format: ExportFormat::Csv,
    })
    .expect("the profile table as CSV")
}

/// Our CSV equals the reference's: the same customers and columns, every cell equal.
fn assert_equal_to_reference(case: &str, ours: &str) {
    let theirs = std::fs::read_to_string(common::committed_fixture(&format!("profile/{case}.csv")))
        .expect("the committed reference");
    common::assert_same_table(case, ours, &theirs, |c| !EXACT.contains(&c), RELATIVE);
}

fn meta(case: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(common::committed_fixture(&format!("profile/{case}.json")))
        .expect("the committed reference");
    serde_json::from_str(&text).expect("json")
}

#[test]
fn the_profile_of_the_peer_100k_file_equals_the_pandas_reference() {
    let bytes = std::fs::read(common::generated_fixture("peer_orders_100000_seed42.csv")).unwrap();
    let digest = format!("{:x}", Sha256::digest(&bytes));
    assert_eq!(
        digest,
        meta("peer_100000_seed42")["input_sha256"].as_str().unwrap()
    );
    let ours = profile_csv("peer_orders_100000_seed42.csv", bytes);
    assert_equal_to_reference("peer_100000_seed42", &ours);
}

#[test]
fn the_profile_of_online_retail_equals_the_pandas_reference() {
    let Some(data) = common::shared_data() else {
        eprintln!("skipped: ../shared/data is absent");
        return;
    };
    let bytes = std::fs::read(data.join("online_retail/online_retail.csv.gz")).expect("readable");
    let digest = format!("{:x}", Sha256::digest(&bytes));
    assert_eq!(
        digest,
        meta("online_retail")["input_sha256"].as_str().unwrap()
    );
    let ours = profile_csv("online_retail.csv.gz", bytes);
    assert_equal_to_reference("online_retail", &ours);
}
