//! Tidy checks: the architecture invariants of ARCHITECTURE.md, enforced under `cargo test`.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Code of a file without `#[cfg(test)]` modules (tests may print and read files).
fn non_test_code(text: &str) -> String {
    match text.find("#[cfg(test)]") {
        Some(i) => text[..i].to_string(),
        None => text.to_string(),
    }
}

#[test]
fn the_core_names_no_js_type_file_io_or_stdout() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let forbidden = [
        "wasm_bindgen",
        "js_sys",
        "web_sys",
        "std::fs",
        "println!",
        "eprintln!",
        "print!(",
    ];
    let mut offences = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(src())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("wasm/") || rel.starts_with("bin/") {
            continue;
        }
        let code = non_test_code(&fs::read_to_string(&f).unwrap());
        for word in forbidden {
            if rel == "lib.rs" && word == "wasm_bindgen" {
                continue; // lib.rs only declares `mod wasm` for wasm32
            }
            if code
                .lines()
                .any(|l| !l.trim_start().starts_with("//") && l.contains(word))
            {
                offences.push(format!("{rel} names `{word}`"));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "core modules must stay free of JS types and I/O:\n{}",
        offences.join("\n")
    );
}

#[test]
fn wasm_methods_are_thin() {
    // every exported function body in src/wasm is at most 15 lines: conversion + one core call
    let mut files = Vec::new();
    rust_files(&src().join("wasm"), &mut files);
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            let l = lines[i].trim_start();
            if l.starts_with("pub fn ") && l.ends_with('{') {
                let indent = lines[i].len() - l.len();
                let close = format!("{}}}", " ".repeat(indent));
                let end = (i + 1..lines.len()).find(|&j| lines[j] == close).unwrap();
                assert!(
                    end - i - 1 <= 15,
                    "{}:{}: `{}` is {} lines long",
                    f.display(),
                    i + 1,
                    l,
                    end - i - 1
                );
                i = end;
            }
            i += 1;
        }
    }
}

#[test]
fn only_the_worker_loads_the_wasm_package() {
    let www = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www");
    let mut offences = Vec::new();
    let mut stack = vec![www.clone()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let p = entry.unwrap().path();
            let rel = p
                .strip_prefix(&www)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if p.is_dir() {
                if rel != "dist" {
                    stack.push(p);
                }
                continue;
            }
            let is_ts = p.extension().is_some_and(|e| e == "ts" || e == "js");
            if is_ts && !rel.starts_with("worker/") {
                let text = fs::read_to_string(&p).unwrap();
                if text.contains("pkg/portrait") {
                    offences.push(rel);
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "only www/worker may import pkg/: {offences:?}"
    );
}
