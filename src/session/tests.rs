//! Session behaviour across analyses (warming the report).

use super::*;
use crate::ingest::{IngestOptions, SourceFile};

#[test]
fn warming_fits_the_report_analyses_with_their_defaults_once() {
    let mut s = Session::new();
    let csv = "order_id,customer_id,order_date,quantity,unit_price\n\
               o1,c1,2024-01-02,1,1.00\no2,c2,2024-01-03,2,3.00\n";
    let file = SourceFile {
        name: "o.csv".into(),
        bytes: csv.as_bytes().to_vec(),
    };
    s.ingest_now(vec![file], IngestOptions::default(), |_, _, _| None)
        .expect("ingests");
    s.run_json("rfm", serde_json::json!({ "bins": 3 }))
        .expect("rfm");
    s.warm(&[]).expect("warms");
    let l = s.loaded.as_ref().expect("loaded");
    for e in registry::entries() {
        let fitted = l
            .cache
            .get(e.kind(), &e.key(&e.defaults()).unwrap())
            .is_some();
        assert_eq!(fitted, e.in_report(), "{}", e.kind());
    }
    let rfm = l.cache.current_key("rfm").expect("rfm");
    assert!(
        rfm.contains('3'),
        "the model last run stays the one shown: {rfm}"
    );
}
