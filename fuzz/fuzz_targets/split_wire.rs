//! The wire form of a split file's tail (`ParsedPart::from_bytes`), which crosses between
//! workers: any bytes decode to a part or to nothing, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use portrait::ingest::ParsedPart;

fuzz_target!(|data: &[u8]| {
    if let Some(part) = ParsedPart::from_bytes(data) {
        let _ = part.to_bytes();
    }
});
