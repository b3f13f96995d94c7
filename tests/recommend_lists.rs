//! The recommendations through the door (`run("recommend")`, the lists' CSV): the business
//! filters hold on every list of real data, cold start gives everyone a list, and the
//! evaluation table compares every method on the same customers.
//!
//! Online Retail is read from `../shared/data` (skipped with a message where it is absent);
//! the sample shop is generated.

mod common;

use portrait::session::{ExportFormat, ExportRequest};
use portrait::Session;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashSet};

fn lists(s: &mut Session, params: Value) -> Vec<Vec<String>> {
    let csv = s
        .export(&ExportRequest {
            analysis: Some("recommend".into()),
            params,
            format: ExportFormat::Csv,
        })
        .expect("the lists");
    let (header, rows) = common::read_csv(&csv);
    assert_eq!(
        header,
        [
            "customer_id",
            "rank",
            "product_id",
            "product_name",
            "score",
            "reason",
            "because_product_id",
            "because_product_name"
        ]
    );
    rows
}

/// Per customer id: the products of their purchase lines (positive quantity, not a
/// cancellation), straight from the file.
fn online_retail_purchases(path: &std::path::Path) -> BTreeMap<String, HashSet<String>> {
    let bytes = std::fs::read(path).expect("online retail");
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut text)
        .expect("gzip");
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let h: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| h.iter().position(|c| c == name).expect(name);
    let (invoice, code, qty, customer) = (
        col("InvoiceNo"),
        col("StockCode"),
        col("Quantity"),
        col("CustomerID"),
    );
    let mut out: BTreeMap<String, HashSet<String>> = BTreeMap::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        let q: f64 = rec[qty].trim().parse().unwrap_or(0.0);
        let c = rec[customer].trim();
        if q > 0.0 && !rec[invoice].starts_with('C') && !c.is_empty() {
            out.entry(c.to_string())
                .or_default()
                .insert(rec[code].trim().to_string());
        }
    }
    out
}

#[test]
fn online_retail_lists_never_hold_what_the_customer_bought_when_the_filter_is_on() {
    let Some(data) = common::shared_data() else {
        eprintln!("skipped: ../shared/data is absent (Online Retail)");
        return;
    };
    let path = data.join("online_retail/online_retail.csv.gz");
    let bought = online_retail_purchases(&path);
    let mut s = common::session_of(&path, None);
    for method in ["popular", "itemcf", "als", "content", "hybrid"] {
        let rows = lists(&mut s, json!({ "method": method, "iterations": 5 }));
        assert!(rows.len() > 40_000, "{method}: {} rows", rows.len());
        let mut customers = BTreeSet::new();
        for r in &rows {
            customers.insert(r[0].clone());
            // ids as the page shows them: Online Retail's customer ids are floats in some exports
            let id = r[0].trim_end_matches(".0");
            if let Some(products) = bought.get(id) {
                assert!(
                    !products.contains(&r[2]),
                    "{method}: customer {} was recommended {} which they bought",
                    r[0],
                    r[2]
                );
            }
        }
        assert!(
            customers.len() > 4_000,
            "{method}: every customer has a list"
        );
    }
    // with the filter off, the best item-CF lists do hold earlier purchases: the filter is what
    // keeps them out
    let rows = lists(&mut s, json!({ "exclude_bought": false }));
    let repeats = rows
        .iter()
        .filter(|r| {
            bought
                .get(r[0].trim_end_matches(".0"))
                .is_some_and(|p| p.contains(&r[2]))
        })
        .count();
    assert!(repeats > 1_000, "{repeats} repeats without the filter");
}

fn sample_session() -> Session {
    sample_session_of(30_000)
}

/// The sample shop of `rows` order lines (about a tenth as many customers).
fn sample_session_of(rows: usize) -> Session {
    let csv = portrait::sample::generate_csv(&portrait::sample::SampleParams {
        rows,
        ..Default::default()
    })
    .expect("sample");
    let mut s = Session::new();
    s.ingest_now(
        vec![portrait::ingest::SourceFile {
            name: "sample.csv".into(),
            bytes: csv,
        }],
        portrait::ingest::IngestOptions::default(),
        |_, _, _| None,
    )
    .expect("ingests");
    s
}

#[test]
fn business_filters_hold_on_every_list_of_the_sample_shop() {
    let mut s = sample_session();
    let all = s.run_json("recommend", json!({})).expect("lists");
    let category_of: BTreeMap<String, String> = {
        let text = String::from_utf8(
            portrait::sample::generate_csv(&portrait::sample::SampleParams {
                rows: 30_000,
                ..Default::default()
            })
            .unwrap(),
        )
        .unwrap();
        let (h, rows) = common::read_csv(&text);
        let (p, c) = (
            h.iter().position(|x| x == "product_id").unwrap(),
            h.iter().position(|x| x == "category").unwrap(),
        );
        rows.into_iter()
            .map(|r| (r[p].clone(), r[c].clone()))
            .collect()
    };
    let category = all["popular"][0]["product"].as_str().unwrap();
    let category = category_of[category].clone();
    for method in ["itemcf", "als", "hybrid", "content"] {
        // at most two of one category
        let rows = lists(
            &mut s,
            json!({ "method": method, "max_per_category": 2, "iterations": 3 }),
        );
        let mut per: BTreeMap<(String, String), usize> = BTreeMap::new();
        for r in &rows {
            *per.entry((r[0].clone(), category_of[&r[2]].clone()))
                .or_default() += 1;
        }
        assert!(per.values().all(|&n| n <= 2), "{method}: a category thrice");
        // one category only
        let rows = lists(
            &mut s,
            json!({ "method": method, "categories": [category], "iterations": 3 }),
        );
        assert!(!rows.is_empty());
        assert!(
            rows.iter().all(|r| category_of[&r[2]] == category),
            "{method}: another category"
        );
        // an in-stock list
        let stock: Vec<&str> = all["popular"]
            .as_array()
            .unwrap()
            .iter()
            .skip(5)
            .take(8)
            .map(|p| p["product"].as_str().unwrap())
            .collect();
        let rows = lists(
            &mut s,
            json!({ "method": method, "in_stock": stock, "iterations": 3 }),
        );
        assert!(
            rows.iter().all(|r| stock.contains(&r[2].as_str())),
            "{method}: out of stock"
        );
    }
    // an unknown category and a stock list naming no product are refused, worded
    let err = s
        .run_json("recommend", json!({ "categories": ["Caviar"] }))
        .unwrap_err()
        .to_string();
    assert!(err.contains("no category \"Caviar\""), "{err}");
    let err = s
        .run_json("recommend", json!({ "in_stock": ["nope-1", "nope-2"] }))
        .unwrap_err()
        .to_string();
    assert!(err.contains("none of the 2 products"), "{err}");
}

#[test]
fn every_customer_gets_a_full_list_with_its_reasons_and_the_card_reads_one() {
    let mut s = sample_session();
    let out = s
        .run_json("recommend", json!({ "method": "als", "iterations": 3 }))
        .unwrap();
    let customers = out["customers"].as_u64().unwrap();
    let rows = lists(&mut s, json!({ "method": "als", "iterations": 3 }));
    assert_eq!(rows.len() as u64, customers * 10, "ten products each");
    // a customer of one order gets item-CF lists from it (ALS's cold start), a reason each
    let one = out["preview"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["orders"] == 1)
        .expect("a customer of one order among the first");
    assert!(one["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["source"] == "itemcf" || i["source"] == "popular"));
    for r in &rows {
        match r[5].as_str() {
            "itemcf" | "als" | "content" => assert!(!r[6].is_empty(), "a reason names a purchase"),
            "popular" | "trending" => assert!(r[6].is_empty()),
            other => panic!("reason {other}"),
        }
    }
    // the customer card's list is the same list
    let id = rows[25][0].clone();
    let card = s
        .run_json(
            "recommend",
            json!({ "method": "als", "iterations": 3, "customer": id }),
        )
        .unwrap();
    let theirs: Vec<&str> = rows
        .iter()
        .filter(|r| r[0] == id)
        .map(|r| r[2].as_str())
        .collect();
    let ours: Vec<&str> = card["customer"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["product"].as_str().unwrap())
        .collect();
    assert_eq!(ours, theirs);
    let err = s
        .run_json("recommend", json!({ "customer": "no-such" }))
        .unwrap_err()
        .to_string();
    assert!(err.contains("no customer \"no-such\""), "{err}");
}

#[test]
fn the_evaluation_compares_every_method_on_the_same_customers() {
    let mut s = sample_session();
    let out = s
        .run_json(
            "recommend",
            json!({ "evaluate": true, "holdout_days": 60, "iterations": 5 }),
        )
        .unwrap();
    let e = &out["evaluation"];
    let methods: Vec<&str> = e["methods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["method"].as_str().unwrap())
        .collect();
    assert_eq!(
        methods,
        ["popular", "trending", "itemcf", "als", "content", "hybrid"]
    );
    let measured = e["customers"].as_u64().unwrap();
    assert!(measured > 100, "{measured}");
    for m in e["methods"].as_array().unwrap() {
        let x = &m["measures"];
        assert_eq!(x["customers"].as_u64().unwrap(), measured);
        for k in [
            "precision",
            "recall",
            "map",
            "ndcg",
            "hit_rate",
            "coverage",
            "diversity",
        ] {
            let v = x[k].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&v), "{k} {v}");
        }
        // precision@10 is hits ÷ 10: never above a tenth of the hit rate's reach
        assert!(x["precision"].as_f64().unwrap() <= x["hit_rate"].as_f64().unwrap());
    }
    // the best is the best
    let best_ndcg = e["best"]["ndcg"].as_str().unwrap();
    let ndcg = |name: &str| {
        e["methods"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["method"] == name)
            .unwrap()["measures"]["ndcg"]
            .as_f64()
            .unwrap()
    };
    assert!(methods.iter().all(|m| ndcg(m) <= ndcg(best_ndcg)));
    // the same numbers again: seeded and in a fixed order
    let again = s
        .run_json(
            "recommend",
            json!({ "evaluate": true, "holdout_days": 60, "iterations": 5, "k": 10 }),
        )
        .unwrap();
    assert_eq!(again["evaluation"], out["evaluation"]);
}

/// Runs the recommendations as the page's worker does with the tail worker beside it: before
/// each step the running fit may hand out work (`Session::offer`), which a second session —
/// holding no data — answers (`Session::answer`) `lag` steps later, as a worker running
/// beside this one would (sooner when the fit waits for it); `refuse` answers nothing instead
/// (the second worker failed). The output and the number of questions asked.
fn run_helped(s: &mut Session, params: &Value, refuse: bool, lag: usize) -> (Value, usize) {
    use portrait::session::Run;
    let mut run = s.run("recommend", params).unwrap();
    let (mut asked, mut open): (usize, Option<(Vec<u8>, usize)>) = (0, None);
    loop {
        let Run::Working(work) = &run else { break };
        match open.take() {
            Some((question, steps)) if steps >= lag || work.waiting => {
                let answer = (!refuse).then(|| Session::answer("recommend", &question).unwrap());
                s.accept(answer.as_deref()).unwrap();
            }
            Some((question, steps)) => open = Some((question, steps + 1)),
            None => {
                assert!(!work.waiting, "waiting with no work handed out");
                open = s.offer().map(|q| (q, 0));
                asked += usize::from(open.is_some());
            }
        }
        run = s.step_run(50_000).unwrap();
    }
    assert!(open.is_none(), "the fit ended with work handed out");
    let mut value = serde_json::to_value(&run).unwrap();
    (value["output"].take(), asked)
}

#[test]
fn lists_made_with_a_second_worker_equal_those_of_one() {
    let mut s = sample_session();
    for params in [
        json!({ "method": "itemcf", "k": 10 }),
        json!({ "method": "als", "iterations": 4, "max_per_category": 2 }),
        json!({ "method": "hybrid", "evaluate": true, "holdout_days": 60, "iterations": 3 }),
    ] {
        let request = ExportRequest {
            analysis: Some("recommend".into()),
            params: params.clone(),
            format: ExportFormat::Csv,
        };
        let alone = s.run_json("recommend", params.clone()).unwrap();
        let lists_alone = s.export(&request).unwrap();
        // answered at once (the fit hands out again and again), late, or not at all
        for (refuse, lag) in [(false, 0), (false, 2), (true, 0)] {
            // a fresh session: nothing cached, the fit runs again
            let mut helped = sample_session();
            let (out, asked) = run_helped(&mut helped, &params, refuse, lag);
            assert!(asked >= 1, "{params}: no work handed out");
            assert_eq!(out, alone, "{params} (refused: {refuse}, lag {lag})");
            assert_eq!(helped.export(&request).unwrap(), lists_alone, "{params}");
        }
    }
}

/// Twenty thousand customers are ten chunks of lists: the fit hands out the later half, then
/// the later half of what is left, and the answers must be put back in customer order.
#[test]
fn lists_handed_out_twice_come_back_in_customer_order() {
    let session = || sample_session_of(200_000);
    let params = json!({ "method": "itemcf" });
    let request = ExportRequest {
        analysis: Some("recommend".into()),
        params: params.clone(),
        format: ExportFormat::Csv,
    };
    let mut alone = session();
    let out_alone = alone.run_json("recommend", params.clone()).unwrap();
    let lists_alone = alone.export(&request).unwrap();
    let mut helped = session();
    let (out, asked) = run_helped(&mut helped, &params, false, 0);
    assert!(asked >= 2, "the lists were handed out {asked} times");
    assert_eq!(out, out_alone);
    assert_eq!(helped.export(&request).unwrap(), lists_alone);
}
