//! `portrait`: the command-line face of the core, and the only code of the crate that reads
//! files and writes to stdout and stderr. Its subcommands and flags are built from the
//! analysis registry (`portrait::cli`); run `portrait --help`.
//!
//! Exit codes: 0 done, 2 bad input or usage (the message names file, line and column), like
//! ripgrep.

use portrait::cli::{self, Invocation, What};
use portrait::ingest::{parse_tail, tail_file, SourceFile};
use portrait::sample::{generate_csv, generate_files};
use portrait::Session;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| e.to_string());
    let inv = match cli::parse_reading(std::env::args_os(), &read) {
        Ok(inv) => inv,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match try_main(inv) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("portrait: {message}");
            ExitCode::from(2)
        }
    }
}

fn try_main(inv: Invocation) -> Result<(), String> {
    if let What::Sample {
        params,
        out,
        customers,
        events,
        products,
    } = &inv.what
    {
        let write = |path: &std::path::Path, bytes: &[u8]| {
            std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
        };
        let bytes = if customers.is_some() || events.is_some() || products.is_some() {
            let files = generate_files(params).map_err(|e| e.to_string())?;
            if let Some(path) = customers {
                write(path, &files.customers)?;
            }
            if let Some(path) = events {
                write(path, &files.events)?;
            }
            if let Some(path) = products {
                write(path, &files.products)?;
            }
            files.orders
        } else {
            generate_csv(params).map_err(|e| e.to_string())?
        };
        return match out {
            Some(path) => {
                std::fs::write(path, &bytes).map_err(|e| format!("{}: {e}", path.display()))
            }
            None => std::io::stdout()
                .write_all(&bytes)
                .map_err(|e| e.to_string()),
        };
    }
    let t0 = Instant::now();
    let mut files = Vec::new();
    for path in &inv.files {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        files.push(SourceFile { name, bytes });
    }
    let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    let t_read = t0.elapsed();
    let mut session = Session::new();
    let t1 = Instant::now();
    // the tail half of a large CSV is read on a second thread, as the page's second worker does
    let summary = session
        .ingest_now(files, inv.ingest_options(&names), |file, plan, options| {
            let input = tail_file(&file.name, &file.bytes, plan)?;
            let options = options.clone();
            let thread = std::thread::spawn(move || parse_tail(input, plan, options));
            Some(Box::new(move || thread.join().ok().flatten()))
        })
        .map_err(|e| e.to_string())?;
    let t_ingest = t1.elapsed();
    let rendered = cli::render(&mut session, &inv).map_err(|e| e.to_string())?;
    if inv.timings {
        let mut json = format!(
            "{{\"read_s\": {:.4}, \"ingest_s\": {:.4}",
            t_read.as_secs_f64(),
            t_ingest.as_secs_f64()
        );
        for (kind, secs) in &rendered.timings {
            json.push_str(&format!(", \"{kind}_s\": {secs:.4}"));
        }
        json.push_str(&format!(
            ", \"lines\": {}, \"customers\": {}}}",
            summary.facts.lines, summary.facts.customers
        ));
        eprintln!("{json}");
    }
    if let Some((path, bytes)) = &rendered.file {
        std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    std::io::stdout()
        .lock()
        .write_all(rendered.out.as_bytes())
        .map_err(|e| e.to_string())
}
