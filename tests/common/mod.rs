//! Shared helpers of the integration tests: where the real datasets and generated fixtures are.
#![allow(dead_code)]

use std::path::PathBuf;

/// `../shared/data` beside the checkout, or `None` (the caller skips with a message).
pub fn shared_data() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    p.is_dir().then_some(p)
}

/// Generated fixtures (`make fixtures`): `$PORTRAIT_FIXTURES` or `target/fixtures`.
pub fn fixtures_dir() -> PathBuf {
    std::env::var_os("PORTRAIT_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fixtures"))
}

/// A generated fixture file; panics with the command that makes it when it is missing.
pub fn generated_fixture(name: &str) -> PathBuf {
    let p = fixtures_dir().join(name);
    assert!(
        p.is_file(),
        "missing generated fixture {}: run `make fixtures` first",
        p.display()
    );
    p
}

/// Committed fixture under tests/fixtures.
pub fn committed_fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}
