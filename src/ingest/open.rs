//! Opening a file: gzip, encoding and format detected, its record source made, and the
//! column mapping resolved against a table's schema. The row loop (`rows`) starts here,
//! and so does `inspect`, which reads only a few rows for the mapping review.

use super::baskets::{is_basket_list, BasketSource, BASKET_COLUMNS, BASKET_LIST};
use super::columns::{ColumnAssignment, Field};
use super::csv_source::CsvSource;
use super::encoding::{decode_text, gunzip, is_gzip};
use super::error::{IngestError, IngestErrorKind};
use super::files::{FileInspection, FileOptions, SourceFile};
use super::json_source::read_json;
use super::platforms::{self, PlatformMatch, Profile};
use super::proposals::propose;
use super::record::record_cells;
use super::schema::{Schema, TableKind};
use super::sniff::{is_xlsx, sniff_text, Format};
use super::source::{Source, TableSource};
use super::tables::{is_headerless_behaviour, TAOBAO_BEHAVIOUR};
use super::xlsx_source::XlsxSource;
use csv::ByteRecord;

/// A file opened for reading: its source of records and what was detected.
pub(crate) struct Opened {
    pub format: String,
    pub encoding: String,
    pub delimiter: Option<String>,
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    pub source: Source,
    /// Workbook: plain numbers in the date column are Excel serial days.
    pub excel: bool,
    /// Some bytes were replaced by U+FFFD while decoding.
    pub lossy: bool,
    /// The text holds a NUL byte (a table's cells are looked at when read).
    pub nul: bool,
}

impl Opened {
    /// What the page shows of this file, with the given header, mapping and preview rows.
    pub fn inspection(
        &self,
        file: &str,
        headers: Vec<String>,
        mapping: Vec<ColumnAssignment>,
        missing: Vec<Field>,
        preview: Vec<Vec<String>>,
    ) -> FileInspection {
        FileInspection {
            file: file.to_string(),
            format: self.format.clone(),
            encoding: self.encoding.clone(),
            delimiter: self.delimiter.clone(),
            sheets: self.sheets.clone(),
            sheet: self.sheet.clone(),
            headers,
            mapping,
            missing,
            preview,
            platform: None,
            proposals: Vec::new(),
            table: TableKind::Orders,
        }
    }
}

/// Opens a file; `delimiter` overrides the sniffed format (the tail of a split file).
pub(crate) fn open(
    name: &str,
    bytes: Vec<u8>,
    options: &FileOptions,
    delimiter: Option<u8>,
) -> Result<Opened, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::new(IngestErrorKind::Empty {
            file: name.to_string(),
        }));
    }
    let (bytes, suffix) = if is_gzip(&bytes) {
        (gunzip(name, &bytes)?, "+gzip")
    } else {
        (bytes, "")
    };
    if is_xlsx(&bytes) {
        let sheet = XlsxSource::open(name, bytes, options.sheet.as_deref())?;
        return Ok(Opened {
            format: format!("xlsx{suffix}"),
            encoding: "binary (XLSX)".to_string(),
            delimiter: None,
            sheets: sheet.sheets.clone(),
            sheet: Some(sheet.sheet.clone()),
            source: Source::Xlsx(Box::new(sheet)),
            excel: true,
            // the sheet is read as its rows are asked for: each row is looked at
            nul: true,
            lossy: false,
        });
    }
    let decoded = decode_text(name, bytes)?;
    let encoding = decoded.encoding.name().to_string();
    let nul = decoded.nul;
    let format = delimiter.map_or_else(|| sniff_text(&decoded.text), Format::Delimited);
    let (source, delimiter) = match format {
        Format::Delimited(d) => {
            let mut csv = CsvSource::new(name, decoded.text, d)?;
            if is_headerless_behaviour(csv.headers()) {
                csv.headerless(&TAOBAO_BEHAVIOUR);
            } else if options.mapping.is_none() && is_basket_list(&mut csv) {
                let baskets = Box::new(BasketSource::new(csv));
                return Ok(Opened {
                    format: format!("basket list{suffix}"),
                    encoding,
                    delimiter: Some(",".to_string()),
                    sheets: Vec::new(),
                    sheet: None,
                    source: Source::Baskets(baskets),
                    excel: false,
                    lossy: decoded.lossy,
                    nul,
                });
            }
            (Source::Csv(csv), Some((d as char).to_string()))
        }
        Format::Json | Format::JsonLines | Format::Xlsx => {
            let table = read_json(name, &decoded.text, format)?;
            if table.headers.is_empty() && table.len() == 0 {
                return Err(IngestError::new(IngestErrorKind::Empty {
                    file: name.to_string(),
                }));
            }
            (Source::Table(TableSource::new(table)), None)
        }
    };
    Ok(Opened {
        format: format!("{}{suffix}", format.name()),
        encoding,
        delimiter,
        sheets: Vec::new(),
        sheet: None,
        source,
        excel: false,
        lossy: decoded.lossy,
        nul,
    })
}

/// The mapping a file is read with, and what is still missing.
pub(crate) struct Resolved {
    pub mapping: Vec<ColumnAssignment>,
    /// Required fields with no column.
    pub missing: Vec<Field>,
    /// The platform profile, and whether it was recognised (false: chosen by the user).
    pub profile: Option<(&'static Profile, bool)>,
}

/// The profile to read a file with: the user's choice (`none`: no profile), else the one
/// its header is recognised as.
fn choose_profile(options: &FileOptions, headers: &[String]) -> Option<(&'static Profile, bool)> {
    match options.platform.as_deref() {
        Some("none") => None,
        Some(id) => platforms::by_id(id).map(|p| (p, false)),
        None if headers == BASKET_COLUMNS => Some((&BASKET_LIST, true)),
        None => platforms::recognise(headers).map(|p| (p, true)),
    }
}

/// The mapping to use (the user's, checked, or the profile's or the automatic one for
/// `schema`) and the fields `schema` requires that it leaves unmapped.
pub(crate) fn resolve_mapping(
    schema: &Schema,
    name: &str,
    headers: &[String],
    options: &FileOptions,
) -> Result<Resolved, IngestError> {
    if let Some(id) = options.platform.as_deref() {
        if id != "none" && platforms::by_id(id).is_none() {
            return Err(IngestError::new(IngestErrorKind::UnknownPlatform {
                file: name.to_string(),
                platform: id.to_string(),
                platforms: platforms::PROFILES
                    .iter()
                    .map(|p| p.id.to_string())
                    .collect(),
            }));
        }
    }
    // platform profiles are order exports
    let profile = match schema.table {
        TableKind::Orders => choose_profile(options, headers),
        _ => None,
    };
    let mapping = match &options.mapping {
        Some(m) => {
            if let Some(bad) = m.iter().find(|a| a.column >= headers.len()) {
                return Err(IngestError::new(IngestErrorKind::InvalidMapping {
                    file: name.to_string(),
                    field: bad.field,
                    column: bad.column,
                    columns: headers.len(),
                }));
            }
            m.clone()
        }
        None => match profile {
            Some((p, _)) => p.map_columns(headers),
            None => schema.map_columns(headers),
        },
    };
    let mut missing = schema.missing(&mapping);
    if profile.is_some_and(|(p, _)| p.no_buyer()) {
        missing.retain(|f| *f != Field::CustomerId);
    }
    if profile.is_some_and(|(p, _)| p.undated) {
        // a basket list: its lines are baskets of items, with nothing else to read
        missing.retain(|f| !matches!(f, Field::OrderDate | Field::UnitPrice));
    }
    if profile.is_some_and(|(p, _)| p.lines_of.is_some()) {
        // the buyer and the date come from the order export the lines belong to
        missing.retain(|f| !matches!(f, Field::CustomerId | Field::OrderDate));
    }
    Ok(Resolved {
        mapping,
        missing,
        profile,
    })
}

/// Records whose values columns are proposed from (`proposals`).
pub(crate) const PROPOSAL_ROWS: usize = 20;

/// Reads up to `n` records as text.
pub(crate) fn sample_rows(source: &mut Source, n: usize) -> Result<Vec<Vec<String>>, IngestError> {
    let mut rec = ByteRecord::new();
    let mut rows = Vec::new();
    while rows.len() < n {
        if source.next_record(&mut rec)?.is_none() {
            break;
        }
        rows.push(record_cells(&rec));
    }
    Ok(rows)
}

/// The table a file opened with `options` holds: the user's choice, else its header's.
pub(crate) fn table_of(opened: &Opened, options: &FileOptions) -> TableKind {
    options
        .table
        .unwrap_or_else(|| TableKind::of_headers(opened.source.headers()))
}

/// What the mapping review shows of `file`, read as the table it holds (see `super::inspect`).
pub(crate) fn inspect(
    file: &SourceFile,
    options: &FileOptions,
) -> Result<FileInspection, IngestError> {
    let mut opened = open(&file.name, file.bytes.clone(), options, None)?;
    let table = table_of(&opened, options);
    let schema = table.schema();
    let headers = opened.source.headers().to_vec();
    let resolved = resolve_mapping(schema, &file.name, &headers, options)?;
    let mut rows = sample_rows(&mut opened.source, PROPOSAL_ROWS)?;
    let proposals = propose(&headers, &rows, &resolved.mapping, &resolved.missing);
    rows.truncate(5);
    let platform = resolved
        .profile
        .map(|(p, recognised)| PlatformMatch::new(p, &headers, recognised));
    let mut inspection = opened.inspection(
        &file.name,
        headers,
        resolved.mapping,
        resolved.missing,
        rows,
    );
    inspection.platform = platform;
    inspection.proposals = proposals;
    inspection.table = table;
    Ok(inspection)
}
