//! Encoding detection and decoding (BOMs, UTF-8, GB18030, UTF-16, gzip) on any bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use portrait::ingest::encoding::{decode_text, gunzip, is_gzip};

fuzz_target!(|data: &[u8]| {
    if is_gzip(data) {
        let _ = gunzip("orders.csv.gz", data);
    }
    if let Ok(decoded) = decode_text("orders.csv", data.to_vec()) {
        assert!(std::str::from_utf8(decoded.text.as_bytes()).is_ok());
    }
});
