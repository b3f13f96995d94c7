//! The sample shop's four files, as a merchant's would be read: the customer list, the
//! events log and the product catalogue are recognised, join the orders with the stated
//! shares, and leave the orders byte-identical.

use portrait::dataset::Dataset;
use portrait::ingest::{ingest_all, IngestOptions, SourceFile, TableKind};
use portrait::sample::{generate_csv, generate_files, SampleParams};

#[test]
fn the_customer_list_and_events_log_join_the_orders_and_leave_them_as_they_were() {
    let params = SampleParams {
        rows: 20_000,
        seed: 42,
    };
    let files = generate_files(&params).expect("generates");
    assert_eq!(
        files.orders,
        generate_csv(&params).expect("generates"),
        "the orders are byte-identical"
    );
    let again = generate_files(&params).expect("generates");
    assert_eq!(
        (
            again.customers == files.customers,
            again.events == files.events,
            again.products == files.products
        ),
        (true, true, true),
        "deterministic"
    );
    let file = |name: &str, bytes: &[u8]| SourceFile {
        name: name.into(),
        bytes: bytes.to_vec(),
    };
    let done = ingest_all(
        vec![
            file("orders.csv", &files.orders),
            file("customers.csv", &files.customers),
            file("events.csv", &files.events),
            file("products.csv", &files.products),
        ],
        IngestOptions::default(),
    )
    .expect("ingests");
    let kinds: Vec<TableKind> = done.report.tables.iter().map(|t| t.table).collect();
    assert_eq!(
        kinds,
        [TableKind::Customers, TableKind::Events, TableKind::Products],
        "recognised from their Chinese headers"
    );
    assert!(done
        .report
        .tables
        .iter()
        .all(|t| t.rows_rejected == 0 && t.rows_used == t.rows_read));
    let buyers = done.lines.customer_ids.len() as u64;
    let side = |table, other| {
        done.report
            .join
            .sides
            .iter()
            .find(|s| s.table == table && s.other == other)
            .expect("joined")
    };
    // 5 % sign-ups who never bought; about 2 % of buyers missing from the list
    let listed = side(TableKind::Customers, TableKind::Orders);
    assert_eq!(listed.unmatched, buyers / 20);
    let unlisted = side(TableKind::Orders, TableKind::Customers).unmatched as f64 / buyers as f64;
    assert!((0.01..0.03).contains(&unlisted), "{unlisted}");
    // about 85 % of buyers are tracked; visitors who never buy are in the log only
    let untracked = side(TableKind::Orders, TableKind::Events).unmatched as f64 / buyers as f64;
    assert!((0.12..0.18).contains(&untracked), "{untracked}");
    assert!(side(TableKind::Events, TableKind::Orders).unmatched > 0);
    // the catalogue lists every product, sold or not
    assert_eq!(side(TableKind::Orders, TableKind::Products).unmatched, 0);
    assert!(side(TableKind::Products, TableKind::Orders).unmatched > 0);
    let data = Dataset::build(done.lines);
    let b = portrait::customers::behaviour::behaviour(&data, &done.tables);
    let d = portrait::customers::demographics::demographics(&data, &done.tables);
    assert_eq!(
        d.matched as u64,
        buyers - side(TableKind::Orders, TableKind::Customers).unmatched
    );
    // every tracked buyer viewed and bought what they bought
    for c in 0..data.n_customers() {
        if b.purchases[c] != portrait::table::NULL_U32 && b.purchases[c] > 0 {
            assert!(
                b.views[c] >= b.purchases[c],
                "customer {c} viewed before buying"
            );
        }
    }
}
