//! The command line, built from the registry: every analysis is a subcommand named by its
//! kind, its flags are its parameters in kebab-case (from the parameter type's schema, with
//! the doc comments and defaults as help), and `--json` prints exactly the page's export.
//!
//! ```text
//! portrait report FILE... [--json] [filter] [ingest]     (alias: analyze) every analysis of the report
//! portrait KIND FILE...   [--param value]... [--json] [filter] [ingest]
//! portrait sample [--rows N] [--seed S] [--out FILE]
//! ```
//!
//! Pure functions: parsing and rendering. Reading files and printing is `src/bin/portrait`'s.

mod flags;
pub use flags::ReadFile;

use crate::analysis::{registry, Entry};
use crate::dataset::DataFilter;
use crate::error::Error;
use crate::ingest::{DateOrder, FileOptions, IngestOptions};
use crate::sample::SampleParams;
use crate::session::{ExportFormat, ExportRequest, Session};
use clap::builder::PossibleValuesParser;
use clap::{Arg, ArgAction, ArgMatches, Command};
use flags::Flag;
use serde_json::Value;
use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Instant;

/// What a command line asks for.
pub enum What {
    /// Every analysis of the report.
    Report,
    /// One analysis.
    Analysis(&'static dyn Entry),
    /// Write the sample shop.
    Sample {
        /// Its parameters.
        params: SampleParams,
        /// Where (stdout when none).
        out: Option<PathBuf>,
        /// Where to write its customer list, if anywhere.
        customers: Option<PathBuf>,
        /// Where to write its events log, if anywhere.
        events: Option<PathBuf>,
        /// Where to write its product catalogue, if anywhere.
        products: Option<PathBuf>,
    },
}

/// A parsed command line.
pub struct Invocation {
    /// What to do.
    pub what: What,
    /// Input files.
    pub files: Vec<PathBuf>,
    /// `--date-order`.
    pub date_order: Option<DateOrder>,
    /// `--sheet`.
    pub sheet: Option<String>,
    /// `--platform`.
    pub platform: Option<String>,
    /// `--rate CODE=RATE`, repeatable.
    pub rates: std::collections::BTreeMap<String, f64>,
    /// `--currency CODE`.
    pub currency: Option<String>,
    /// The global filter.
    pub filter: DataFilter,
    /// The analysis's parameters (only those given).
    pub params: Value,
    /// `--json`.
    pub json: bool,
    /// `--csv` or `--csv=OUT`.
    pub csv: bool,
    /// `--csv=OUT`.
    pub csv_out: Option<PathBuf>,
    /// `--xlsx OUT`.
    pub xlsx: Option<PathBuf>,
    /// `--timings`.
    pub timings: bool,
}

fn filter_flags() -> Vec<Flag> {
    flags::flags(&schemars::schema_for!(DataFilter))
}

fn sample_flags() -> Vec<Flag> {
    flags::flags(&schemars::schema_for!(SampleParams))
}

/// The flags every command that reads files takes.
fn data_args() -> Vec<Arg> {
    let mut args = vec![
        Arg::new("files")
            .value_name("FILE")
            .required(true)
            .num_args(1..)
            .value_parser(clap::value_parser!(PathBuf))
            .help(
                "Data files: orders, and optionally the customer list, events log and product catalogue (CSV, TSV, XLSX, JSON; any encoding; gzip); the table of each is recognised from its header",
            ),
        Arg::new("json")
            .long("json")
            .action(ArgAction::SetTrue)
            .help("Print JSON: the same bytes as the page's export"),
        Arg::new("csv")
            .long("csv")
            .value_name("OUT")
            .num_args(0..=1)
            // `--csv a.csv` would be ambiguous with an input file: a path needs `=`
            .require_equals(true)
            .default_missing_value("-")
            .value_parser(clap::value_parser!(PathBuf))
            .conflicts_with("json")
            .help("Print the analysis's table as CSV, where it has one (quality: every rejected row); `--csv=OUT` writes it to OUT"),
        Arg::new("xlsx")
            .long("xlsx")
            .value_name("OUT")
            .value_parser(clap::value_parser!(PathBuf))
            .conflicts_with_all(["json", "csv"])
            .help("Write the analysis's table as an XLSX workbook to OUT (the page's XLSX download)"),
        Arg::new("out")
            .long("out")
            .value_name("OUT")
            .value_parser(clap::value_parser!(PathBuf))
            .conflicts_with_all(["json", "csv", "xlsx"])
            .help("Write the analysis's table to OUT, as XLSX when OUT ends in .xlsx, else as CSV"),
        Arg::new("date-order")
            .long("date-order")
            .value_name("ORDER")
            .value_parser(PossibleValuesParser::new(["day-first", "month-first"]))
            .help("Day/month order of dates like 3/4/2024 when the data cannot decide it")
            .help_heading("Input"),
        Arg::new("sheet")
            .long("sheet")
            .value_name("NAME")
            .help("XLSX sheet to read [default: the first]")
            .help_heading("Input"),
        Arg::new("platform")
            .long("platform")
            .value_name("ID")
            .value_parser(PossibleValuesParser::new(platform_ids()))
            .help("Read the files as this platform's export, or `none` [default: recognised from the header]")
            .help_heading("Input"),
        Arg::new("currency")
            .long("currency")
            .value_name("CODE")
            .help("The currency of amounts that name none (ISO code) [default: guessed from the files]")
            .help_heading("Input"),
        Arg::new("rate")
            .long("rate")
            .value_name("CODE=RATE")
            .action(ArgAction::Append)
            .value_parser(parse_rate)
            .help("Convert lines in currency CODE at RATE units of the main currency (else they are left out)")
            .help_heading("Input"),
    ];
    args.extend(
        filter_flags()
            .iter()
            .map(|f| f.arg().help_heading("Filter (every analysis)")),
    );
    args
}

/// The `portrait` command: `report`, one subcommand per analysis, `sample`.
pub fn command() -> Command {
    let kinds: Vec<&str> = registry::entries()
        .iter()
        .filter(|e| e.in_report())
        .map(|e| e.kind())
        .collect();
    let report = Command::new("report")
        .visible_alias("analyze")
        .about(format!(
            "Every analysis of the report: {}",
            kinds.join(", ")
        ))
        .args(data_args())
        .arg(timings_arg());
    let analyses = registry::entries().iter().map(|e| {
        let params = flags::flags(&e.params_schema());
        Command::new(e.kind())
            .about(e.about())
            .args(data_args())
            .arg(timings_arg())
            .args(params.iter().map(|f| f.arg().help_heading("Parameters")))
    });
    let sample = Command::new("sample")
        .about("Write the built-in sample shop as CSV (the page's \"Try a sample shop\")")
        .args(sample_flags().iter().map(Flag::arg))
        .arg(
            Arg::new("out")
                .long("out")
                .value_name("FILE")
                .value_parser(clap::value_parser!(PathBuf))
                .help("Output file [default: stdout]"),
        )
        .arg(
            Arg::new("customers")
                .long("customers")
                .value_name("FILE")
                .value_parser(clap::value_parser!(PathBuf))
                .help("Also write the sample shop's customer list here"),
        )
        .arg(
            Arg::new("events")
                .long("events")
                .value_name("FILE")
                .value_parser(clap::value_parser!(PathBuf))
                .help("Also write the sample shop's events log here"),
        )
        .arg(
            Arg::new("products")
                .long("products")
                .value_name("FILE")
                .value_parser(clap::value_parser!(PathBuf))
                .help("Also write the sample shop's product catalogue here"),
        );
    Command::new("portrait")
        .version(env!("CARGO_PKG_VERSION"))
        .about(
            "Private customer intelligence for online shops: data quality, KPIs and customer \
             segments from order exports (CSV, TSV, XLSX, JSON; UTF-8, GBK/GB18030, UTF-16; gzip).",
        )
        .subcommand_required(true)
        .subcommand(report)
        .subcommands(analyses)
        .subcommand(sample)
}

fn timings_arg() -> Arg {
    Arg::new("timings")
        .long("timings")
        .action(ArgAction::SetTrue)
        .help("Print stage timings as JSON on stderr (used by `make bench`)")
}

/// A flag's file that cannot be read, as clap's error.
fn io(message: String) -> clap::Error {
    command().error(clap::error::ErrorKind::Io, message)
}

/// Parses a command line (`args[0]` is the program); a flag's `@FILE` is refused (the binary
/// reads them: `parse_reading`).
pub fn parse<I, T>(args: I) -> Result<Invocation, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    parse_reading(args, &|_| Err("files are not read here".into()))
}

/// Parses a command line, reading a list flag's `@FILE` (`--in-stock @stock.csv`) by `read`.
pub fn parse_reading<I, T>(args: I, read: &ReadFile<'_>) -> Result<Invocation, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let m = command().try_get_matches_from(args)?;
    let (name, sub) = m.subcommand().unwrap_or(("report", &m));
    if name == "sample" {
        let params = serde_json::from_value(flags::object(&sample_flags(), sub, read).map_err(io)?)
            .map_err(|e| command().error(clap::error::ErrorKind::ValueValidation, e.to_string()))?;
        let what = What::Sample {
            params,
            out: sub.get_one::<PathBuf>("out").cloned(),
            customers: sub.get_one::<PathBuf>("customers").cloned(),
            events: sub.get_one::<PathBuf>("events").cloned(),
            products: sub.get_one::<PathBuf>("products").cloned(),
        };
        return Ok(Invocation::new(what, Vec::new()));
    }
    let what = match registry::find(name) {
        Ok(entry) => What::Analysis(entry),
        Err(_) => What::Report,
    };
    let params = match &what {
        What::Analysis(e) => {
            flags::object(&flags::flags(&e.params_schema()), sub, read).map_err(io)?
        }
        _ => Value::Null,
    };
    let filter = serde_json::from_value(flags::object(&filter_flags(), sub, read).map_err(io)?)
        .map_err(|e| command().error(clap::error::ErrorKind::ValueValidation, e.to_string()))?;
    let files = sub
        .get_many::<PathBuf>("files")
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    Ok(Invocation {
        params,
        filter,
        date_order: sub
            .get_one::<String>("date-order")
            .map(|o| match o.as_str() {
                "month-first" => DateOrder::MonthFirst,
                _ => DateOrder::DayFirst,
            }),
        sheet: sub.get_one::<String>("sheet").cloned(),
        platform: sub.get_one::<String>("platform").cloned(),
        rates: sub
            .get_many::<(String, f64)>("rate")
            .into_iter()
            .flatten()
            .cloned()
            .collect(),
        currency: sub
            .get_one::<String>("currency")
            .map(|c| c.to_ascii_uppercase()),
        json: flag(sub, "json"),
        csv: sub.get_one::<PathBuf>("csv").is_some(),
        csv_out: sub
            .get_one::<PathBuf>("csv")
            .filter(|p| p.as_os_str() != "-")
            .or_else(|| {
                sub.get_one::<PathBuf>("out").filter(|p| {
                    !p.extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
                })
            })
            .cloned(),
        xlsx: sub.get_one::<PathBuf>("xlsx").cloned().or_else(|| {
            sub.get_one::<PathBuf>("out")
                .filter(|p| {
                    p.extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
                })
                .cloned()
        }),
        timings: flag(sub, "timings"),
        ..Invocation::new(what, files)
    })
}

/// `SGD=5.3` → ("SGD", 5.3).
fn parse_rate(s: &str) -> Result<(String, f64), String> {
    let (code, rate) = s
        .split_once('=')
        .ok_or_else(|| format!("expected CODE=RATE, got {s}"))?;
    let rate: f64 = rate
        .trim()
        .parse()
        .map_err(|_| format!("{rate} is not a number"))?;
    if !(rate.is_finite() && rate > 0.0) {
        return Err(format!("the rate must be above 0, got {rate}"));
    }
    Ok((code.trim().to_ascii_uppercase(), rate))
}

/// The values `--platform` takes: every profile id, and `none`.
fn platform_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = crate::ingest::platforms::PROFILES
        .iter()
        .map(|p| p.id)
        .collect();
    ids.push("none");
    ids
}

fn flag(m: &ArgMatches, id: &str) -> bool {
    m.try_get_one::<bool>(id)
        .ok()
        .flatten()
        .copied()
        .unwrap_or(false)
}

impl Invocation {
    fn new(what: What, files: Vec<PathBuf>) -> Invocation {
        Invocation {
            what,
            files,
            date_order: None,
            sheet: None,
            platform: None,
            rates: Default::default(),
            currency: None,
            filter: DataFilter::default(),
            params: Value::Null,
            json: false,
            csv: false,
            csv_out: None,
            xlsx: None,
            timings: false,
        }
    }

    /// The ingest options for files named `names` (the sheet and the platform apply to each).
    pub fn ingest_options(&self, names: &[String]) -> IngestOptions {
        IngestOptions {
            files: if self.sheet.is_some() || self.platform.is_some() {
                names
                    .iter()
                    .map(|name| FileOptions {
                        file: name.clone(),
                        sheet: self.sheet.clone(),
                        mapping: None,
                        platform: self.platform.clone(),
                        table: None,
                    })
                    .collect()
            } else {
                Vec::new()
            },
            date_order: self.date_order,
            rates: self.rates.clone(),
            currency: self.currency.clone(),
        }
    }
}

/// What `render` made: the text to print and, per analysis, the seconds it took.
pub struct Rendered {
    /// Text or JSON, ending with a line break.
    pub out: String,
    /// (kind, seconds) of each analysis fitted.
    pub timings: Vec<(&'static str, f64)>,
    /// A file to write (`--xlsx OUT`): its path and bytes.
    pub file: Option<(PathBuf, Vec<u8>)>,
}

/// Runs what `inv` asks for on the data loaded in `session`.
pub fn render(session: &mut Session, inv: &Invocation) -> Result<Rendered, Error> {
    if inv.filter != DataFilter::default() {
        session.set_filter(&inv.filter)?;
    }
    let entries: Vec<&'static dyn Entry> = match &inv.what {
        What::Analysis(e) => vec![*e],
        _ => registry::entries()
            .iter()
            .copied()
            .filter(|e| e.in_report())
            .collect(),
    };
    let mut timings = Vec::new();
    let mut texts = Vec::new();
    for e in &entries {
        let t = Instant::now();
        let params = match &inv.what {
            What::Analysis(_) => inv.params.clone(),
            _ => Value::Null,
        };
        let text = session.text(e.kind(), &params)?;
        timings.push((e.kind(), t.elapsed().as_secs_f64()));
        texts.push(text);
    }
    if inv.csv && !matches!(inv.what, What::Analysis(_)) {
        return Err(Error::invalid(
            "--csv",
            "give one analysis, such as `portrait quality FILE --csv`",
        ));
    }
    let to_file = match (&inv.xlsx, &inv.csv_out) {
        (Some(path), _) => Some((path, ExportFormat::Xlsx, "--xlsx")),
        (None, Some(path)) => Some((path, ExportFormat::Csv, "--csv")),
        (None, None) => None,
    };
    if let Some((path, format, flag)) = to_file {
        let What::Analysis(e) = &inv.what else {
            return Err(Error::invalid(
                flag,
                "give one analysis, such as `portrait customers FILE --xlsx customers.xlsx`",
            ));
        };
        let same = |f: &PathBuf| match (f.canonicalize(), path.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => f == path,
        };
        if inv.files.iter().any(same) {
            return Err(Error::invalid(
                flag,
                format!("{} is an input file; give another path", path.display()),
            ));
        }
        let bytes = session.export_file(&ExportRequest {
            analysis: Some(e.kind().to_string()),
            params: inv.params.clone(),
            format,
        })?;
        let out = format!(
            "Wrote the {} table to {} ({} bytes).\n",
            e.kind(),
            path.display(),
            bytes.len()
        );
        return Ok(Rendered {
            out,
            timings,
            file: Some((path.clone(), bytes)),
        });
    }
    let out = match (&inv.what, inv.json) {
        (What::Analysis(e), true) => {
            session.export(&ExportRequest {
                analysis: Some(e.kind().to_string()),
                params: inv.params.clone(),
                format: ExportFormat::Json,
            })? + "\n"
        }
        (What::Analysis(e), false) if inv.csv => session.export(&ExportRequest {
            analysis: Some(e.kind().to_string()),
            params: inv.params.clone(),
            format: ExportFormat::Csv,
        })?,
        (_, true) => session.report_json()? + "\n",
        (_, false) => texts.join("\n"),
    };
    Ok(Rendered {
        out,
        timings,
        file: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_analysis_is_a_subcommand_with_its_parameters_as_flags() {
        let cmd = command();
        for e in registry::entries() {
            let sub = cmd
                .find_subcommand(e.kind())
                .unwrap_or_else(|| panic!("no subcommand {}", e.kind()));
            for f in flags::flags(&e.params_schema()) {
                assert!(
                    sub.get_arguments()
                        .any(|a| a.get_long() == Some(f.long.as_str())),
                    "{} has no --{}",
                    e.kind(),
                    f.long
                );
            }
            // a parameter named like a data flag (`--category` is the filter's) would be
            // read as both; clap checks this only in debug builds
            let mut longs: Vec<&str> = sub.get_arguments().filter_map(|a| a.get_long()).collect();
            longs.sort_unstable();
            let before = longs.len();
            longs.dedup();
            assert_eq!(longs.len(), before, "{} has a flag twice", e.kind());
        }
        cmd.debug_assert();
    }

    #[test]
    fn rfm_flags_parse_into_its_parameters_and_analyze_is_report() {
        let inv = parse([
            "portrait",
            "rfm",
            "a.csv",
            "--bins",
            "4",
            "--from",
            "2011-01-01",
            "--json",
        ])
        .expect("parses");
        assert!(matches!(inv.what, What::Analysis(e) if e.kind() == "rfm"));
        assert_eq!(inv.params, serde_json::json!({ "bins": 4 }));
        assert_eq!(inv.filter.from.as_deref(), Some("2011-01-01"));
        assert!(inv.json);
        let inv = parse([
            "portrait",
            "analyze",
            "a.csv",
            "--date-order",
            "month-first",
        ])
        .expect("parses");
        assert!(matches!(inv.what, What::Report));
        assert_eq!(inv.date_order, Some(DateOrder::MonthFirst));
    }

    #[test]
    fn a_table_goes_to_stdout_or_to_a_path_given_with_equals() {
        let inv = parse(["portrait", "customers", "a.csv", "--csv"]).expect("parses");
        assert_eq!((inv.csv, inv.csv_out), (true, None));
        let inv = parse(["portrait", "customers", "--csv", "a.csv"]).expect("parses");
        assert_eq!(
            (inv.csv, inv.csv_out, inv.files.len()),
            (true, None, 1),
            "a.csv is input"
        );
        let inv = parse(["portrait", "customers", "a.csv", "--csv=out.csv"]).expect("parses");
        assert_eq!(inv.csv_out, Some(PathBuf::from("out.csv")));
        let inv = parse(["portrait", "customers", "a.csv", "--xlsx", "out.xlsx"]).expect("parses");
        assert_eq!(inv.xlsx, Some(PathBuf::from("out.xlsx")));
        assert!(parse([
            "portrait",
            "customers",
            "a.csv",
            "--xlsx",
            "o.xlsx",
            "--csv"
        ])
        .is_err());
    }

    #[test]
    fn help_lists_parameter_docs_and_defaults() {
        let mut cmd = command();
        let help = cmd
            .find_subcommand_mut("rfm")
            .expect("rfm")
            .render_long_help()
            .to_string();
        assert!(help.contains("--bins <N>"), "{help}");
        assert!(help.contains("Score bins per metric"), "{help}");
        assert!(help.contains("[default: 5]"), "{help}");
        assert!(help.contains("--snapshot-date"), "{help}");
        assert!(help.contains("--channel <VALUE>"), "{help}");
    }
}
