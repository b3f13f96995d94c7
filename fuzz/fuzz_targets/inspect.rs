//! The mapping review's first look (format, header row, platform profile, mapping, a few
//! rows) on any bytes, with each platform profile forced in turn by the first byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use portrait::ingest::platforms::PROFILES;
use portrait::ingest::{inspect, FileOptions, SourceFile};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let platform = PROFILES.get(pick as usize).map(|p| p.id.to_string());
    let file = SourceFile {
        name: "export.csv".to_string(),
        bytes: rest.to_vec(),
    };
    let options = FileOptions {
        file: file.name.clone(),
        platform,
        ..FileOptions::default()
    };
    let _ = inspect(&file, &options);
});
