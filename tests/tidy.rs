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

/// (file:line, signature, body lines) of every `pub fn` in `text`. The body starts after the
/// line that opens it, so a signature over several lines is not counted as body.
fn pub_fn_bodies(text: &str) -> Vec<(usize, String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i].trim_start();
        if l.starts_with("pub fn ") && l.trim_end().ends_with('}') {
            out.push((i + 1, l.to_string(), 0)); // a one-line function
        } else if l.starts_with("pub fn ") {
            let indent = lines[i].len() - l.len();
            let close = format!("{}}}", " ".repeat(indent));
            let open = (i..lines.len())
                .find(|&j| lines[j].trim_end().ends_with('{'))
                .unwrap();
            let end = (open + 1..lines.len())
                .find(|&j| lines[j] == close)
                .unwrap_or(open);
            out.push((i + 1, l.to_string(), end.saturating_sub(open + 1)));
            i = end;
        }
        i += 1;
    }
    out
}

/// The layers beneath the analyses, and what each may not import: the dependency arrows
/// run one way (ARCHITECTURE.md, "Layers"), so no file of the core imports a layer above it.
#[test]
fn the_layers_import_only_downwards() {
    let above = |layer: &str| -> &'static [&'static str] {
        match layer {
            "message.rs" => &["crate::"],
            "dataset" => &[
                "crate::ingest",
                "crate::error",
                "crate::analysis",
                "crate::segment",
                "crate::predict",
                "crate::recommend",
                "crate::campaign",
            ],
            "ingest" | "sample" => &[
                "crate::analysis",
                "crate::segment",
                "crate::predict",
                "crate::recommend",
                "crate::campaign",
                "crate::table",
            ],
            "error.rs" | "table" | "rules" => &[
                "crate::analysis",
                "crate::segment",
                "crate::session",
                "crate::customers",
                "crate::predict",
                "crate::recommend",
                "crate::campaign",
            ],
            _ => &[],
        }
    };
    let mut checked = 0;
    for layer in [
        "message.rs",
        "dataset",
        "ingest",
        "sample",
        "error.rs",
        "table",
        "rules",
    ] {
        let path = src().join(layer);
        let mut files = Vec::new();
        if path.is_dir() {
            rust_files(&path, &mut files);
        } else {
            files.push(path);
        }
        for f in files {
            let code = non_test_code(&fs::read_to_string(&f).unwrap());
            for (n, line) in code.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                for up in above(layer) {
                    assert!(
                        !line.contains(up),
                        "{}:{}: {layer} imports `{up}`, a layer above it",
                        f.display(),
                        n + 1
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 40, "the layers were found ({checked} files)");
}

#[test]
fn wasm_methods_are_thin() {
    // every exported function body in src/wasm is at most 15 lines: conversion + one core call
    let mut files = Vec::new();
    rust_files(&src().join("wasm"), &mut files);
    let mut measured = 0;
    for f in files {
        for (line, sig, body) in pub_fn_bodies(&fs::read_to_string(&f).unwrap()) {
            measured += 1;
            assert!(
                body <= 15,
                "{}:{line}: `{sig}` has a {body}-line body",
                f.display()
            );
        }
    }
    assert!(measured >= 20, "the wasm methods were found ({measured})");
}

#[test]
fn multi_line_signatures_are_measured_from_their_body() {
    let text =
        "    pub fn a(\n        x: u8,\n    ) -> u8 {\n        x\n    }\n    pub fn b() {}\n";
    assert_eq!(
        pub_fn_bodies(text),
        vec![
            (1, "pub fn a(".to_string(), 1),
            (6, "pub fn b() {}".to_string(), 0)
        ]
    );
}

/// Lines of `text` that are code, not comments (`//`, `/* … */` JSDoc lines).
fn code_lines(text: &str) -> Vec<(usize, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            let t = l.trim_start();
            !(t.starts_with("//") || t.starts_with("/*") || t.starts_with('*'))
        })
        .map(|(i, l)| (i + 1, l))
        .collect()
}

/// True when `word` occurs in `line` as a whole identifier (not inside a longer one).
fn names(line: &str, word: &str) -> bool {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    line.match_indices(word).any(|(i, _)| {
        let before = line[..i].chars().next_back();
        let after = line[i + word.len()..].chars().next();
        !before.is_some_and(ident) && !after.is_some_and(ident)
    })
}

/// The files that must not grow per analysis (DESIGN.md, "How to add an analysis").
fn shared_files() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&src().join("session"), &mut files);
    rust_files(&src().join("wasm"), &mut files);
    files.push(src().join("report.rs"));
    files.push(src().join("cli/mod.rs"));
    files.push(src().join("bin/portrait/main.rs"));
    for ts in [
        "www/api/protocol.ts",
        "www/api/portrait.ts",
        "www/api/options.ts",
        "www/worker/dispatcher.ts",
        "www/worker/worker.ts",
        "www/worker/tail.ts",
        "www/main.ts",
    ] {
        files.push(root.join(ts));
    }
    for entry in fs::read_dir(root.join("www/shell")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "ts") {
            files.push(p);
        }
    }
    files
}

#[test]
fn no_analysis_is_named_in_the_session_wasm_protocol_dispatcher_facade_or_shell() {
    // what names an analysis: its kind (as an identifier or a string) and the types of its
    // parameters and output — taken from the registry itself, so a new analysis is checked too
    let mut words: Vec<String> = Vec::new();
    for e in portrait::analysis::registry::entries() {
        words.push(e.kind().to_string());
        let (params, output) = e.type_names();
        for t in [params, output] {
            if t != "NoParams" {
                words.push(t);
            }
        }
    }
    // "quality" also names ingest's own quality report (a field of every ingest), and
    // "customers" the dataset's customers: the kinds are checked as strings and module
    // paths, the words alone are not
    let exempt_word = ["quality", "customers"];
    // "customers" is also a table of the data contract (`TableKind::Customers`, the sample's
    // `--customers` file) and the report's section of customer rows: as a string it names
    // those, so only its module path is checked
    let module_only = ["customers"];
    let mut offences = Vec::new();
    for f in shared_files() {
        let text = fs::read_to_string(&f).unwrap();
        let text = if f.extension().is_some_and(|e| e == "rs") {
            non_test_code(&text)
        } else {
            text
        };
        for (n, line) in code_lines(&text) {
            for w in &words {
                let quoted: Vec<String> = if module_only.contains(&w.as_str()) {
                    vec![format!("{w}::"), format!("::{w}")]
                } else {
                    vec![
                        format!("\"{w}\""),
                        format!("'{w}'"),
                        format!("{w}::"),
                        format!("::{w}"),
                    ]
                };
                let hit = quoted.iter().any(|q| line.contains(q.as_str()))
                    || (!exempt_word.contains(&w.as_str()) && names(line, w));
                if hit {
                    offences.push(format!("{}:{n}: names `{w}`: {}", f.display(), line.trim()));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "shared files name an analysis (reach it through the registry instead):\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_shared_files_stay_small() {
    // the budget of each file the door keeps from growing (the same as the before-stop check)
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for (file, max) in [
        ("src/session/mod.rs", 300),
        ("src/wasm/mod.rs", 250),
        ("www/api/protocol.ts", 200),
        ("www/worker/dispatcher.ts", 450),
        ("www/api/portrait.ts", 300),
        ("www/shell/app.ts", 450),
        ("src/bin/portrait/main.rs", 200),
    ] {
        let n = fs::read_to_string(root.join(file)).unwrap().lines().count();
        assert!(
            n <= max,
            "{file} has {n} lines (at most {max}): widen the door instead"
        );
    }
}

#[test]
fn every_view_is_a_feature_folder_listed_once() {
    // www/features/<id>/ holds meta.ts, messages.ts, the element, its styles and its tests;
    // index.ts lists each exactly once
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/features");
    let index = fs::read_to_string(root.join("index.ts")).unwrap();
    for entry in fs::read_dir(&root).unwrap() {
        let p = entry.unwrap().path();
        if !p.is_dir() {
            continue;
        }
        let id = p.file_name().unwrap().to_string_lossy().to_string();
        for f in [
            "meta.ts",
            "messages.ts",
            &format!("{id}.ts"),
            &format!("{id}.styles.ts"),
            &format!("{id}.test.ts"),
        ] {
            assert!(p.join(f).is_file(), "www/features/{id}/{f} is missing");
        }
        let import = format!("from './{id}/meta.js'");
        assert_eq!(
            index.matches(&import).count(),
            1,
            "index.ts lists {id} once"
        );
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

/// The module path of a file under `src/` (`ingest/side/mod.rs` → `[ingest, side]`).
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src()).unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The file under `src/` that defines the module `path` names, or its deepest ancestor.
fn file_of(path: &[String]) -> Option<PathBuf> {
    (1..=path.len()).rev().find_map(|k| {
        let base = path[..k].iter().fold(src(), |p, s| p.join(s));
        [base.with_extension("rs"), base.join("mod.rs")]
            .into_iter()
            .find(|f| f.is_file())
    })
}

/// Every path a use tree names (`a::{b, c::d}` → `a::b`, `a::c::d`), as segments.
fn use_paths(tree: &str) -> Vec<Vec<String>> {
    fn parse(s: &[u8], i: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
        let mut path = prefix.to_vec();
        loop {
            if s.get(*i) == Some(&b'{') {
                *i += 1;
                while *i < s.len() && s[*i] != b'}' {
                    parse(s, i, &path, out);
                    if s.get(*i) == Some(&b',') {
                        *i += 1;
                    }
                }
                *i += 1;
                return;
            }
            let start = *i;
            while *i < s.len() && (s[*i].is_ascii_alphanumeric() || s[*i] == b'_') {
                *i += 1;
            }
            path.push(String::from_utf8_lossy(&s[start..*i]).to_string());
            if s[*i..].starts_with(b"::") {
                *i += 2;
            } else {
                // `as name`, `*`, or the end of this branch
                while *i < s.len() && s[*i] != b',' && s[*i] != b'}' {
                    *i += 1;
                }
                out.push(path);
                return;
            }
        }
    }
    // drop renames (`e as f`), then the spaces
    let mut words = tree.split_whitespace();
    let mut joined = String::new();
    while let Some(w) = words.next() {
        if w == "as" {
            let alias = words.next().unwrap_or("");
            joined.push_str(alias.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_'));
        } else {
            joined.push_str(w);
        }
    }
    let s = joined.into_bytes();
    let mut out = Vec::new();
    parse(&s, &mut 0, &[], &mut out);
    out
}

/// The files of `src/` that the non-test code of `file` imports (`use crate::…`,
/// `use super::…` and inline `crate::…` and `super::…` paths).
fn imports_of(file: &Path) -> Vec<PathBuf> {
    let code = non_test_code(&fs::read_to_string(file).unwrap());
    let module = module_of(file);
    let mut paths = Vec::new();
    let mut rest = code.as_str();
    while let Some(k) = rest.find("use ") {
        let before = rest[..k].chars().last();
        let tail = &rest[k + 4..];
        let end = tail.find(';').unwrap_or(tail.len());
        if before.is_none_or(|c| !(c.is_alphanumeric() || c == '_')) {
            paths.extend(use_paths(&tail[..end]));
        }
        rest = &tail[end..];
    }
    let inline = code
        .match_indices("crate::")
        .chain(code.match_indices("super::"))
        // a path right after `use` was read above; `super::super::` is one path
        .filter(|(k, _)| {
            let before = code[..*k].trim_end();
            !(before.ends_with("use") || before.ends_with("::"))
        })
        .map(|(k, _)| k)
        .collect::<Vec<_>>();
    for k in inline {
        let tail = &code[k..];
        let end = tail
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(tail.len());
        paths.push(tail[..end].split("::").map(String::from).collect());
    }
    let mut files: Vec<PathBuf> = paths
        .into_iter()
        .filter_map(|p| {
            let absolute: Vec<String> = match p.first().map(String::as_str) {
                Some("crate") => p[1..].to_vec(),
                Some("super") => {
                    let mut m = module.clone();
                    let mut segs = &p[..];
                    while segs.first().is_some_and(|s| s == "super") {
                        m.pop();
                        segs = &segs[1..];
                    }
                    m.extend(segs.iter().cloned());
                    m
                }
                _ => return None,
            };
            file_of(&absolute)
        })
        .filter(|f| f != file)
        .collect();
    files.sort();
    files.dedup();
    files
}

/// ARCHITECTURE.md, "Layers": no two files of the core import each other (a module and
/// the files of its own folder excepted: a `mod.rs` re-exports what its files define).
#[test]
fn no_two_files_import_each_other() {
    assert_eq!(
        use_paths("super::{a::B, c::{d, e as f}}, "),
        vec![
            vec!["super", "a", "B"],
            vec!["super", "c", "d"],
            vec!["super", "c", "e"]
        ]
    );
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let imports: Vec<(PathBuf, Vec<PathBuf>)> =
        files.iter().map(|f| (f.clone(), imports_of(f))).collect();
    let related = |a: &Path, b: &Path| {
        let (ma, mb) = (module_of(a), module_of(b));
        ma.starts_with(&mb) || mb.starts_with(&ma)
    };
    let mut edges = 0;
    for (a, to) in &imports {
        edges += to.len();
        for b in to {
            let back = imports.iter().any(|(f, t)| f == b && t.contains(a));
            assert!(
                !back || related(a, b),
                "{} and {} import each other",
                a.display(),
                b.display()
            );
        }
    }
    assert!(edges > 200, "the imports were read ({edges})");
}
