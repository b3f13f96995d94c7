//! Any bytes inside a zip named like a workbook: the XLSX reader (calamine) and the table
//! behind it report a damaged workbook as an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use portrait::ingest::{ingest_all, IngestOptions, SourceFile};

fuzz_target!(|data: &[u8]| {
    // a zip's local-file signature first, so the bytes are taken for a workbook
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.extend_from_slice(data);
    let file = SourceFile {
        name: "orders.xlsx".to_string(),
        bytes,
    };
    let _ = ingest_all(vec![file], IngestOptions::default());
});
