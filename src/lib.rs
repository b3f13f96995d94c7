//! # Portrait
//!
//! Private customer intelligence for online shops. This crate is the pure core: it takes
//! the bytes of a shop's exports and returns plain result structs. It never touches the
//! network, the file system or stdout, and it names no JavaScript type — `src/wasm` (the
//! browser face) and `src/bin/portrait` (the CLI face) are thin layers over it.
//!
//! ```
//! use portrait::ingest::{ingest_all, IngestOptions, SourceFile};
//! use portrait::dataset::Dataset;
//!
//! let csv = "order_id,customer_id,order_date,quantity,unit_price\n\
//!            A1,7,2024-03-05 14:02:00,2,9.90\n\
//!            A2,7,2024-04-01 09:00:00,1,20.00\n";
//! let ingested = ingest_all(
//!     vec![SourceFile { name: "orders.csv".into(), bytes: csv.as_bytes().to_vec() }],
//!     IngestOptions::default(),
//! ).unwrap();
//! assert_eq!(ingested.report.rows_used, 2);
//! let data = Dataset::build(ingested.lines);
//! let overview = portrait::analysis::overview::overview(&data);
//! assert_eq!(overview.revenue_cents, 3980);
//! ```
#![deny(missing_docs)]

pub mod analysis;
pub mod dataset;
pub mod error;
pub mod ingest;
pub mod report;
pub mod sample;
pub mod segment;
pub mod session;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, WireError};
pub use session::Session;
