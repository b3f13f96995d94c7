//! The TypeScript under `www/api/generated/` is what `src/typegen/` writes from the Rust
//! types and the registry today. When a Rust type, an analysis, a message or a default
//! changes, this fails until `make types` has rewritten the files (which sets
//! `PORTRAIT_WRITE_TYPES=1` and runs this test).

use std::path::PathBuf;

#[test]
fn the_generated_typescript_is_not_stale() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/api/generated");
    let files = portrait::typegen::generate(portrait::analysis::registry::entries());
    if std::env::var_os("PORTRAIT_WRITE_TYPES").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(&dir).unwrap() {
            std::fs::remove_file(entry.unwrap().path()).unwrap();
        }
        for (name, text) in &files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        return;
    }
    let mut stale = Vec::new();
    for (name, text) in &files {
        if std::fs::read_to_string(dir.join(name)).ok().as_deref() != Some(text.as_str()) {
            stale.push(name.clone());
        }
    }
    let mut extra: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|n| !files.iter().any(|(f, _)| f == n))
                .collect()
        })
        .unwrap_or_default();
    stale.append(&mut extra);
    assert!(
        stale.is_empty(),
        "www/api/generated/ is stale ({}): run `make types`",
        stale.join(", ")
    );
}
