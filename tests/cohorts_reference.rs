//! The cohort matrix (`portrait::campaign::cohorts`) equals the pandas reference cell for cell
//! — cohort, size, customers and net revenue per period, monthly and weekly — on UCI Online
//! Retail (read from `../shared/data`, skipped with a message where it is absent) and on the
//! peer generator's 100k-line file. Reference: `scripts/cohorts_reference.py` →
//! `tests/fixtures/cohorts/`. Counts and cents are integers: equal exactly.

mod common;

use portrait::campaign::cohorts::{cohorts, Period};
use portrait::dataset::Dataset;
use portrait::ingest::{ingest_all, IngestOptions, SourceFile};
use sha2::{Digest, Sha256};

fn dataset(name: &str, bytes: Vec<u8>, case: &str) -> Dataset {
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::committed_fixture(&format!("cohorts/{case}.json")))
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        format!("{:x}", Sha256::digest(&bytes)),
        meta["input_sha256"].as_str().unwrap(),
        "the input differs from the one the reference read"
    );
    let ingested = ingest_all(
        vec![SourceFile {
            name: name.into(),
            bytes,
        }],
        IngestOptions::default(),
    )
    .expect("ingests");
    Dataset::build(ingested.lines)
}

/// Our matrix as the reference's CSV rows.
fn rows(data: &Dataset, period: Period) -> Vec<String> {
    let mut out = vec!["cohort,size,period,customers,revenue_cents".to_string()];
    for c in cohorts(data, period).cohorts {
        for (k, (n, cents)) in c.customers.iter().zip(&c.revenue_cents).enumerate() {
            out.push(format!("{},{},{k},{n},{cents}", c.start, c.size));
        }
    }
    out
}

fn assert_equal(data: &Dataset, case: &str) {
    for (period, name) in [(Period::Month, "month"), (Period::Week, "week")] {
        let path = common::committed_fixture(&format!("cohorts/{case}_{name}.csv"));
        let reference: Vec<String> = std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect();
        let ours = rows(data, period);
        assert_eq!(ours.len(), reference.len(), "{case} by {name}: cells");
        for (o, r) in ours.iter().zip(&reference) {
            assert_eq!(o, r, "{case} by {name}");
        }
    }
}

#[test]
fn cohorts_of_online_retail_equal_the_pandas_reference() {
    let Some(shared) = common::shared_data() else {
        eprintln!("skipped: ../shared/data is absent");
        return;
    };
    let bytes = std::fs::read(shared.join("online_retail/online_retail.csv.gz")).expect("readable");
    let data = dataset("online_retail.csv.gz", bytes, "online_retail");
    assert_equal(&data, "online_retail");
    // the well-known first cohort: 885 customers in December 2010, 324 of them back in January
    let first = &cohorts(&data, Period::Month).cohorts[0];
    assert_eq!(
        (first.start.as_str(), first.size, first.customers[1]),
        ("2010-12", 885, 324)
    );
}

#[test]
fn cohorts_of_the_peer_file_equal_the_pandas_reference() {
    let input = common::generated_fixture("peer_orders_100000_seed42.csv");
    let data = dataset(
        "peer.csv",
        std::fs::read(input).unwrap(),
        "peer_100000_seed42",
    );
    assert_equal(&data, "peer_100000_seed42");
}
