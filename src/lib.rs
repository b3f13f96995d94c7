//! # Portrait
//!
//! Private customer intelligence for online shops. This crate is the pure core: it takes
//! the bytes of a shop's exports and returns plain result structs. It never touches the
//! network, the file system or stdout, and it names no JavaScript type — `src/wasm` (the
//! browser face) and `src/bin/portrait` (the CLI face) are thin layers over it.
//!
//! Every analysis goes through one door (`analysis::Analysis`, listed once in
//! `analysis::registry`); the session runs any of them by kind:
//!
//! ```
//! use portrait::ingest::{IngestOptions, SourceFile};
//! use portrait::Session;
//!
//! let csv = "order_id,customer_id,order_date,quantity,unit_price\n\
//!            A1,7,2024-03-05 14:02:00,2,9.90\n\
//!            A2,7,2024-04-01 09:00:00,1,20.00\n";
//! let mut session = Session::new();
//! let file = SourceFile { name: "orders.csv".into(), bytes: csv.as_bytes().to_vec() };
//! let summary = session.ingest_now(vec![file], IngestOptions::default(), |_, _, _| None)?;
//! assert_eq!(summary.rows.used, 2);
//! let overview = session.run_json("overview", serde_json::Value::Null)?;
//! assert_eq!(overview["revenue_cents"], 3980);
//! # Ok::<(), portrait::Error>(())
//! ```
#![deny(missing_docs)]

pub mod analysis;
pub mod campaign;
#[cfg(all(feature = "cli", not(target_arch = "wasm32")))]
pub mod cli;
pub mod customers;
pub mod dataset;
pub mod error;
pub mod ingest;
pub mod mask;
pub mod message;
pub mod predict;
pub mod recommend;
pub mod report;
pub mod rules;
pub mod sample;
pub mod segment;
pub mod session;
pub mod table;
#[cfg(not(target_arch = "wasm32"))]
pub mod typegen;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, WireError};
pub use session::Session;
