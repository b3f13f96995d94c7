//! Any bytes as a delimited text, JSON or JSON-lines file (the format, encoding, header row
//! and platform are detected as for a dropped file): ingest returns lines or an error that
//! names the file, and never panics or hangs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use portrait::ingest::{ingest_all, IngestOptions, SourceFile};

fuzz_target!(|data: &[u8]| {
    let file = SourceFile {
        name: "orders.csv".to_string(),
        bytes: data.to_vec(),
    };
    if let Err(e) = ingest_all(vec![file], IngestOptions::default()) {
        assert!(!e.to_string().is_empty());
    }
});
