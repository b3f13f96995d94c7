use super::*;
use crate::dataset::time::days_from_civil;
use crate::dataset::Dataset;
use crate::ingest::{ingest_all, IngestOptions, SourceFile};
use crate::table::NULL_U32;

fn file(name: &str, text: &str) -> SourceFile {
    SourceFile {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

const ORDERS: &str = "order_id,customer_id,order_date,quantity,unit_price\n\
A1,101,2024-03-01,1,10\nA2,102,2024-03-02,1,10\nA3,103,2024-03-03,1,10\n";

/// Hand-computed: 101 views twice on 03-01 (one visit s1), carts on 03-02 (visit s2) and
/// searches "面霜" twice and "口红" once; 102 buys without a cart; 999 is no customer.
const EVENTS: &str = "用户ID,商品ID,行为类型,时间,停留时长,搜索词,会话ID\n\
101,p1,浏览,2024-03-01 10:00,30,,s1\n\
101,p1,pv,2024-03-01 10:05,50,,s1\n\
101,p2,加购,2024-03-02 09:00,,,s2\n\
101,,搜索,2024-03-02 09:01,,口红,s2\n\
101,,search,2024-03-02 09:02,,面霜,s2\n\
101,,搜索,2024-03-02 09:03,,面霜,s2\n\
102,p3,buy,2024-03-05 12:00,,,s3\n\
999,p1,pv,2024-03-10 12:00,,,s4\n\
101,p9,share,2024-03-03 12:00,,,s5\n";

#[test]
fn the_events_log_gives_each_customer_hand_computed_features() {
    let done = ingest_all(
        vec![file("orders.csv", ORDERS), file("events.csv", EVENTS)],
        IngestOptions::default(),
    )
    .expect("ingests");
    assert_eq!(
        done.report.tables[0].table,
        crate::ingest::TableKind::Events
    );
    assert_eq!(
        done.report.tables[0].other_events, 1,
        "share is none of the five kinds"
    );
    let data = Dataset::build(done.lines);
    let b = behaviour(&data, &done.tables);
    assert!(b.has_table);
    assert_eq!((b.events, b.events_matched, b.active_customers), (9, 8, 2));
    assert_eq!(b.views[..3], [2, 0, 0]);
    assert_eq!(b.carts[..3], [1, 0, 0]);
    assert_eq!(b.searches[0], 3);
    assert_eq!(b.purchases[..3], [0, 1, 0]);
    assert_eq!(b.active_days[..3], [3, 1, 0]);
    assert_eq!(b.view_to_cart[0], 0.5);
    assert!(b.cart_to_purchase[0] == 0.0 && b.cart_to_purchase[1].is_nan());
    assert_eq!(b.mean_dwell_seconds[0], 40.0);
    assert_eq!(b.queries.name(b.top_search_term[0]), "面霜");
    // the log ends on 03-10: 101's first event is 03-01 (10 days), 3 sessions
    assert!((b.visits_per_30_days[0] - 3.0 / 10.0 * 30.0).abs() < 1e-12);
    assert_eq!(b.last_active_day[0], days_from_civil(2024, 3, 3) as i32);
    assert_eq!(b.days_since_last_active[..3], [7, 5, NULL_U32]);
}

#[test]
fn the_headerless_taobao_log_is_read_under_its_published_columns() {
    let taobao = "101,2268318,2520377,pv,1709287200\n101,2268318,2520377,cart,1709290800\n102,1,2,buy,1709377200\n";
    let done = ingest_all(
        vec![file("orders.csv", ORDERS), file("UserBehavior.csv", taobao)],
        IngestOptions::default(),
    )
    .expect("ingests");
    let report = &done.report.tables[0];
    assert_eq!(
        (report.rows_read, report.rows_used),
        (3, 3),
        "the first row is data, not a header"
    );
    let inspection = done
        .files
        .iter()
        .find(|f| f.file == "UserBehavior.csv")
        .expect("inspected");
    assert_eq!(
        inspection.headers,
        [
            "user_id",
            "item_id",
            "category_id",
            "behavior_type",
            "timestamp"
        ]
    );
    let data = Dataset::build(done.lines);
    let b = behaviour(&data, &done.tables);
    assert_eq!(b.views[..2], [1, 0]);
    assert_eq!(b.carts[0], 1);
    assert_eq!(b.purchases[1], 1);
}

#[test]
fn rows_without_an_id_a_type_or_a_time_are_rejected_where_they_are() {
    let events = "user_id,behavior_type,timestamp\n101,pv,2024-03-01\n,pv,2024-03-01\n101,,2024-03-01\n101,pv,soon\n";
    let done = ingest_all(
        vec![file("orders.csv", ORDERS), file("ev.csv", events)],
        IngestOptions::default(),
    )
    .expect("ingests");
    let r = &done.report.tables[0];
    assert_eq!((r.rows_read, r.rows_used, r.rows_rejected), (4, 1, 3));
    let reasons: Vec<(String, u64, String)> = r
        .rejected
        .iter()
        .map(|g| {
            (
                g.reason.code().to_string(),
                g.examples[0].line,
                g.examples[0].column.clone(),
            )
        })
        .collect();
    assert_eq!(
        reasons,
        vec![
            ("reason.missing_id".to_string(), 3, "user_id".to_string()),
            (
                "reason.missing_event_type".to_string(),
                4,
                "behavior_type".to_string()
            ),
            (
                "reason.invalid_event_time".to_string(),
                5,
                "timestamp".to_string()
            ),
        ]
    );
}

#[test]
fn side_tables_alone_are_refused_by_name() {
    let err = ingest_all(vec![file("events.csv", EVENTS)], IngestOptions::default())
        .expect_err("no orders");
    assert_eq!(err.code(), "ingest.no_orders");
    assert!(err.message().to_string().contains("events.csv (events)"));
}
