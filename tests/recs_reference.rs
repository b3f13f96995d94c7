//! Item-based collaborative filtering equals scikit-learn's stage f(i) of the peer benchmark.
//!
//! Reference: `scripts/recs_reference.py` runs the peer pipeline's own `purchase_matrix` and
//! `topk_rows` with `sklearn.metrics.pairwise.cosine_similarity` (float32) on gen_orders.py's
//! 100k-line file, seed 42, and commits
//! tests/fixtures/recommend/itemcf_peer_100000_seed42.{csv.gz,json}. Tolerance: every
//! customer's top 10 has the reference's products in the reference's order, except where
//! scores tie (within 1e-5, float32's rounding of the reference) — there the set of products
//! above the tie is the same — and every score within 1e-5 relative.

mod common;

use portrait::dataset::Dataset;
use portrait::ingest::{ingest_all, IngestOptions, SourceFile};
use portrait::recommend::lists::{Interactions, ItemCf, Scores};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Read;

const TOLERANCE: f64 = 1e-5;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= TOLERANCE * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn item_cf_with_no_shrinkage_gives_scikit_learns_top_ten_for_every_customer() {
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::committed_fixture(
            "recommend/itemcf_peer_100000_seed42.json",
        ))
        .unwrap(),
    )
    .unwrap();
    let input = common::generated_fixture("peer_orders_100000_seed42.csv");
    let bytes = std::fs::read(&input).unwrap();
    assert_eq!(
        format!("{:x}", Sha256::digest(&bytes)),
        meta["input_sha256"].as_str().unwrap()
    );
    let ingested = ingest_all(
        vec![SourceFile {
            name: "peer.csv".into(),
            bytes,
        }],
        IngestOptions::default(),
    )
    .unwrap();
    let data = Dataset::build(ingested.lines);
    let x = Interactions::of(&data, None);
    assert_eq!(x.n_users() as u64, meta["users"].as_u64().unwrap());
    assert_eq!(x.n_items() as u64, meta["items"].as_u64().unwrap());
    assert_eq!(
        x.indices.len() as u64,
        meta["interactions"].as_u64().unwrap()
    );
    let cf = ItemCf::fit(&x, 0.0, 0);

    let mut gz = flate2::read::GzDecoder::new(
        std::fs::File::open(common::committed_fixture(
            "recommend/itemcf_peer_100000_seed42.csv.gz",
        ))
        .unwrap(),
    );
    let mut text = String::new();
    gz.read_to_string(&mut text).unwrap();
    let mut reference: HashMap<&str, (Vec<(&str, f64)>, f64)> = HashMap::new();
    for line in text.lines() {
        let mut cells = line.split(',');
        let id = cells.next().unwrap();
        let mut top = Vec::new();
        let mut next = 0.0;
        for c in cells {
            let (p, s) = c.split_once(':').unwrap();
            if p == "next" {
                next = s.parse().unwrap();
            } else {
                top.push((p, s.parse().unwrap()));
            }
        }
        reference.insert(id, (top, next));
    }
    assert_eq!(reference.len(), x.n_users());

    let mut scores = Scores::new(x.n_items());
    let (mut exact, mut tied) = (0, 0);
    for r in 0..x.n_users() {
        cf.score(&x, r, &mut scores);
        let ours = scores.take_top(x.row(r).0, 10);
        let id = &*data.customers[x.users[r] as usize];
        let (theirs, next) = &reference[id];
        assert_eq!(ours.len(), theirs.len(), "customer {id}");
        let product = |i: u32| data.lines.product_ids.name(x.items[i as usize]);
        for (k, ((i, s), (p, t))) in ours.iter().zip(theirs).enumerate() {
            assert!(close(*s, *t), "customer {id}, place {k}: score {s} vs {t}");
            if product(*i) != *p {
                // only where the scores tie
                assert!(
                    ours.iter().any(|(j, _)| product(*j) == *p)
                        || close(*t, *next)
                        || close(theirs.last().unwrap().1, *t),
                    "customer {id}, place {k}: {} vs {p} without a tie",
                    product(*i)
                );
            }
        }
        let cut = theirs.last().map_or(0.0, |l| l.1);
        let above = |v: &mut Vec<String>| {
            v.sort();
            v.clone()
        };
        let mut a: Vec<String> = ours
            .iter()
            .filter(|(_, s)| !close(*s, cut))
            .map(|(i, _)| product(*i).to_string())
            .collect();
        let mut b: Vec<String> = theirs
            .iter()
            .filter(|(_, t)| !close(*t, cut))
            .map(|(p, _)| p.to_string())
            .collect();
        assert_eq!(
            above(&mut a),
            above(&mut b),
            "customer {id}: the products above the cut"
        );
        if ours
            .iter()
            .zip(theirs)
            .all(|((i, _), (p, _))| product(*i) == *p)
        {
            exact += 1;
        } else {
            tied += 1;
        }
    }
    eprintln!("{exact} customers' lists identical, {tied} differ only where scores tie");
    assert!(exact > 9 * tied, "{exact} identical, {tied} tied");
}

/// MovieLens 100K split as `scripts/recs_reference.py` splits it: every rating an interaction,
/// each user's ratings by time (then line), the last ⌊20 %⌋ held out. Returns the training
/// interactions and, per row, the held-out items (dense numbers, ascending).
fn movielens_split(path: &std::path::Path) -> (Interactions, Vec<Vec<u32>>) {
    use portrait::dataset::OrderLines;
    let text = std::fs::read_to_string(path).unwrap();
    let mut rows: Vec<(u32, i64, usize, u32)> = text
        .lines()
        .enumerate()
        .map(|(n, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            (
                f[0].parse().unwrap(),
                f[3].parse().unwrap(),
                n,
                f[1].parse().unwrap(),
            )
        })
        .collect();
    rows.sort();
    let mut lines = OrderLines::default();
    let mut held: Vec<(u32, u32)> = Vec::new();
    let mut k = 0;
    while k < rows.len() {
        let user = rows[k].0;
        let end = k + rows[k..].iter().take_while(|r| r.0 == user).count();
        let n = end - k;
        let cut = k + n - n * 20 / 100;
        for (i, r) in rows[k..end].iter().enumerate() {
            if k + i < cut {
                let order = format!("{}", r.2);
                lines.push(
                    &order,
                    Some(&user.to_string()),
                    r.1,
                    Some(&r.3.to_string()),
                    1.0,
                    100,
                    false,
                );
            } else {
                held.push((user, r.3));
            }
        }
        k = end;
    }
    let data = Dataset::build(lines);
    let x = Interactions::of(&data, None);
    let mut test = vec![Vec::new(); x.n_users()];
    for (user, item) in held {
        let r = x
            .users
            .iter()
            .position(|&c| *data.customers[c as usize] == *user.to_string())
            .unwrap();
        // an item nobody rated before the split cannot be recommended, but it counts as
        // relevant: it gets a number past the catalogue's
        let known = data
            .lines
            .product_ids
            .get(&item.to_string())
            .and_then(|p| x.items.binary_search(&p).ok());
        test[r].push(known.map_or(x.n_items() as u32 + item, |i| i as u32));
    }
    for t in &mut test {
        t.sort_unstable();
        t.dedup();
    }
    (x, test)
}

#[test]
fn on_movielens_item_cf_and_als_recommend_at_least_as_well_as_implicit() {
    // precision@10 (hits ÷ 10) and NDCG@10 as src/recommend/lists/evaluate.rs defines them, on
    // implicit's lists too (scripts/recs_reference.py); the comparison is "at least as good".
    use portrait::recommend::lists::{Als, AlsParams, Evaluation};
    let Some(data) = common::shared_data() else {
        eprintln!("skipped: ../shared/data is absent (MovieLens 100K)");
        return;
    };
    let path = data.join("movielens-100k/u.data");
    if !path.is_file() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let reference: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::committed_fixture("recommend/movielens_100k.json"))
            .unwrap(),
    )
    .unwrap();
    let (x, test) = movielens_split(&path);
    assert_eq!(x.n_users() as u64, reference["users"].as_u64().unwrap());
    assert_eq!(x.indices.len() as u64, reference["train"].as_u64().unwrap());
    assert_eq!(
        test.iter().map(Vec::len).sum::<usize>() as u64,
        reference["test"].as_u64().unwrap()
    );
    let measure = |lists: &[Vec<u32>]| {
        let mut e = Evaluation::new(10, x.n_items());
        for (r, l) in lists.iter().enumerate() {
            e.add(l, &test[r], |_| 0.5, |_, _| 0.0);
        }
        e.measures(x.n_items())
    };
    let theirs = |model: &str, m: &str| {
        reference["models"][model]["portrait_definitions"][m]
            .as_f64()
            .unwrap()
    };
    // item-CF with implicit's CosineRecommender's neighbours: its K = 20 keeps each item
    // itself among its 20 nearest, so 19 others
    let cf = ItemCf::fit(&x, 0.0, 19);
    let mut scores = Scores::new(x.n_items());
    let lists: Vec<Vec<u32>> = (0..x.n_users())
        .map(|r| {
            cf.score(&x, r, &mut scores);
            scores
                .take_top(x.row(r).0, 10)
                .into_iter()
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    let m = measure(&lists);
    eprintln!("item-CF (19 neighbours): {m:?}");
    assert!(
        m.precision >= theirs("implicit_cosine_k20", "precision"),
        "{m:?}"
    );
    assert!(m.ndcg >= theirs("implicit_cosine_k20", "ndcg"), "{m:?}");
    // ALS with stage f(ii)'s parameters
    let als = Als::fit(&x, &AlsParams::default());
    let lists: Vec<Vec<u32>> = (0..x.n_users())
        .map(|r| {
            als.top(r, x.row(r).0, 10)
                .into_iter()
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    let m = measure(&lists);
    eprintln!("ALS: {m:?}");
    // a random start moves implicit's precision@10 by ±0.002 on this split (random_state 0
    // to 5 in the fixture): ours is measured against the mean of its starts
    let mean = |k: &str| {
        reference["models"]["implicit_als_seeds"]["mean"][k]
            .as_f64()
            .unwrap()
    };
    assert!(m.precision >= mean("precision"), "{m:?}");
    assert!(m.ndcg >= mean("ndcg"), "{m:?}");
}
