//! `portrait`: the command-line face of the core. The only code in the crate that reads
//! files and writes to stdout/stderr.
//!
//! ```text
//! portrait analyze FILE... [--json] [--date-order day-first|month-first] [--sheet NAME] [--timings]
//! portrait sample [--rows N] [--seed S] [--out FILE]
//! ```
//! Exit codes: 0 ok, 2 error (message on stderr), like ripgrep.

mod args;
mod text;

use args::{Cli, Command};
use clap::Parser;
use portrait::ingest::{parse_tail, tail_file, FileOptions, IngestOptions, SourceFile};
use portrait::sample::{generate_csv, SampleParams};
use portrait::Session;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    match try_main(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("portrait: {message}");
            ExitCode::from(2)
        }
    }
}

fn try_main(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Analyze(a) => analyze(a),
        Command::Sample { rows, seed, out } => {
            let bytes = generate_csv(&SampleParams { rows, seed }).map_err(|e| e.to_string())?;
            match out {
                Some(path) => {
                    std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))
                }
                None => std::io::stdout()
                    .write_all(&bytes)
                    .map_err(|e| e.to_string()),
            }
        }
    }
}

fn analyze(a: args::Analyze) -> Result<(), String> {
    let t0 = Instant::now();
    let mut files = Vec::new();
    for path in &a.files {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        files.push(SourceFile { name, bytes });
    }
    let t_read = t0.elapsed();
    let options = IngestOptions {
        files: match &a.sheet {
            Some(sheet) => files
                .iter()
                .map(|f| FileOptions {
                    file: f.name.clone(),
                    sheet: Some(sheet.clone()),
                    mapping: None,
                })
                .collect(),
            None => Vec::new(),
        },
        date_order: a.date_order.map(Into::into),
    };
    let mut session = Session::new();
    let t1 = Instant::now();
    // the tail half of a large CSV is read on a second thread, as the page's second worker does
    let summary = session
        .ingest_now(files, options, |file, plan, options| {
            let input = tail_file(&file.name, &file.bytes, plan)?;
            let options = options.clone();
            let thread = std::thread::spawn(move || parse_tail(input, plan, options));
            Some(Box::new(move || thread.join().ok().flatten()))
        })
        .map_err(|e| e.to_string())?;
    let t_ingest = t1.elapsed();
    let t2 = Instant::now();
    let rfm = session.rfm_summary().map_err(|e| e.to_string())?;
    let t_rfm = t2.elapsed();
    if a.timings {
        eprintln!(
            "{{\"read_s\": {:.4}, \"ingest_overview_s\": {:.4}, \"rfm_s\": {:.4}, \"lines\": {}, \"customers\": {}}}",
            t_read.as_secs_f64(),
            t_ingest.as_secs_f64(),
            t_rfm.as_secs_f64(),
            summary.overview.lines,
            summary.overview.customers
        );
    }
    let mut out = std::io::stdout().lock();
    if a.json {
        let json = session.report_json().map_err(|e| e.to_string())?;
        writeln!(out, "{json}").map_err(|e| e.to_string())
    } else {
        let text = text::render(&summary, &rfm);
        out.write_all(text.as_bytes()).map_err(|e| e.to_string())
    }
}
