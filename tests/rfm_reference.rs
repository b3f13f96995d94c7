//! RFM equals the pandas reference of the peer benchmark, customer for customer.
//!
//! Reference: `scripts/rfm_reference.py` runs the peer pipeline's own `rfm_pandas`
//! (shared/bench/peers/peers.py, stage b) on gen_orders.py's 100k-row file, seed 42, and
//! commits tests/fixtures/rfm/peer_100000_seed42.{csv,json}. Tolerance: none — every
//! column must be equal (integers and segment names).

mod common;

use portrait::analysis::Check;
use portrait::dataset::Dataset;
use portrait::ingest::{ingest_all, IngestOptions, SourceFile};
use portrait::segment::rfm::{rfm, RfmParams, Segment};
use sha2::{Digest, Sha256};

#[test]
fn rfm_on_the_peer_100k_file_equals_the_pandas_reference_exactly() {
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::committed_fixture("rfm/peer_100000_seed42.json")).unwrap(),
    )
    .unwrap();
    let input = common::generated_fixture("peer_orders_100000_seed42.csv");
    let bytes = std::fs::read(&input).unwrap();
    let digest = format!("{:x}", Sha256::digest(&bytes));
    assert_eq!(
        digest,
        meta["input_sha256"].as_str().unwrap(),
        "generated input differs from the one the reference used"
    );

    let ingested = ingest_all(
        vec![SourceFile {
            name: "peer_orders_100000_seed42.csv".into(),
            bytes,
        }],
        IngestOptions::default(),
    )
    .unwrap();
    assert_eq!(ingested.report.rows_read, 100_000);
    assert_eq!(ingested.report.rows_used, 100_000);
    let data = Dataset::build(ingested.lines);
    let params = RfmParams::default().check().unwrap();
    let r = rfm(&data, &params).unwrap();

    let reference =
        std::fs::read_to_string(common::committed_fixture("rfm/peer_100000_seed42.csv")).unwrap();
    let mut rows = reference.lines();
    assert_eq!(
        rows.next(),
        Some("customer_id,recency,frequency,monetary_cents,r_score,f_score,m_score,segment")
    );
    let mut n = 0;
    for (c, line) in rows.enumerate() {
        let f: Vec<&str> = line.split(',').collect();
        let seg = Segment::ALL
            .iter()
            .find(|s| s.label() == f[7])
            .copied()
            .unwrap();
        let ours = (
            &*data.customers[c],
            r.recency_days[c].to_string(),
            r.frequency[c].to_string(),
            r.monetary_cents[c].to_string(),
            r.r_score[c].to_string(),
            r.f_score[c].to_string(),
            r.m_score[c].to_string(),
            r.segment[c],
        );
        let theirs = (
            f[0],
            f[1].into(),
            f[2].into(),
            f[3].into(),
            f[4].into(),
            f[5].into(),
            f[6].into(),
            seg,
        );
        assert_eq!(ours, theirs, "customer row {c}");
        n += 1;
    }
    assert_eq!(n, data.n_customers());
    assert_eq!(n as u64, meta["customers"].as_u64().unwrap());

    // per-segment counts and revenue, as the page shows them
    let summary = r.summary();
    for s in &summary.segments {
        let want = &meta["segments"][s.label.as_str()];
        assert_eq!(
            s.customers,
            want["customers"].as_u64().unwrap_or(0),
            "{}",
            s.label
        );
        assert_eq!(
            s.revenue_cents,
            want["revenue_cents"].as_i64().unwrap_or(0),
            "{}",
            s.label
        );
    }
}
