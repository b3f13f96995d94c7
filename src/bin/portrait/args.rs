//! Command-line flags (clap derive). Flags only validate; `main` builds the work.

use clap::{Parser, Subcommand, ValueEnum};
use portrait::ingest::DateOrder;
use std::path::PathBuf;

/// Private customer intelligence for online shops: quality report, KPIs and RFM segments
/// from order exports (CSV, TSV, XLSX, JSON; UTF-8, GBK/GB18030, UTF-16; gzip).
#[derive(Debug, Parser)]
#[command(name = "portrait", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ingest order files and print the data-quality report, overview KPIs and RFM segments.
    Analyze(Analyze),
    /// Write the built-in sample shop as CSV (the page's "Try a sample shop").
    Sample {
        /// Order lines to generate (1,000 to 5,000,000).
        #[arg(long, default_value_t = 100_000)]
        rows: usize,
        /// Random seed: the same seed gives the same bytes.
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Output file (default: stdout).
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, clap::Args)]
pub struct Analyze {
    /// Order files; several files are ingested together.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Print the full report as JSON (the same bytes as the page's "Export JSON").
    #[arg(long)]
    pub json: bool,
    /// Day/month order for slashed dates when the data cannot decide it.
    #[arg(long, value_enum)]
    pub date_order: Option<DateOrderArg>,
    /// XLSX sheet to read (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
    /// Print stage timings as JSON on stderr (used by `make bench`).
    #[arg(long)]
    pub timings: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DateOrderArg {
    /// 3/4/2024 is 3 April.
    DayFirst,
    /// 3/4/2024 is March 4.
    MonthFirst,
}

impl From<DateOrderArg> for DateOrder {
    fn from(a: DateOrderArg) -> Self {
        match a {
            DateOrderArg::DayFirst => DateOrder::DayFirst,
            DateOrderArg::MonthFirst => DateOrder::MonthFirst,
        }
    }
}
