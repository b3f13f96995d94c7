//! The profile table's XLSX download holds exactly its CSV download: the same header, the
//! same customers in the same order, every number a number cell with the CSV's value, every
//! text a string cell (never a formula), every null a blank — read back with calamine, as a
//! spreadsheet program would open it.

use calamine::{Data, Reader, Xlsx};
use portrait::ingest::{IngestOptions, SourceFile};
use portrait::sample::{generate_files, SampleParams};
use portrait::session::{ExportFormat, ExportRequest, Session};
use std::io::Cursor;

fn sample_session() -> Session {
    let files = generate_files(&SampleParams {
        rows: 10_000,
        seed: 7,
    })
    .expect("generates");
    let mut s = Session::new();
    s.ingest_now(
        [
            ("orders.csv", files.orders),
            ("customers.csv", files.customers),
            ("events.csv", files.events),
        ]
        .into_iter()
        .map(|(name, bytes)| SourceFile {
            name: name.into(),
            bytes,
        })
        .collect(),
        IngestOptions::default(),
        |_, _, _| None,
    )
    .expect("ingests");
    s
}

fn request(format: ExportFormat) -> ExportRequest {
    ExportRequest {
        analysis: Some("customers".into()),
        params: serde_json::json!({"rule": ["vip=orders >= 3"]}),
        format,
    }
}

#[test]
fn the_workbook_holds_the_csv_table_cell_for_cell() {
    let mut s = sample_session();
    let csv_text = s.export(&request(ExportFormat::Csv)).expect("csv");
    let bytes = s.export_file(&request(ExportFormat::Xlsx)).expect("xlsx");
    assert_eq!(
        bytes,
        s.export_file(&request(ExportFormat::Xlsx)).unwrap(),
        "deterministic"
    );
    assert!(
        s.export(&request(ExportFormat::Xlsx)).is_err(),
        "a workbook is bytes, not text"
    );

    let mut book = Xlsx::new(Cursor::new(bytes)).expect("opens as a workbook");
    assert_eq!(book.sheet_names(), ["customers"]);
    let range = book.worksheet_range("customers").expect("the sheet");
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.len() > 900, "{} customers", rows.len());
    assert!(header.len() > 60, "{} columns", header.len());
    assert_eq!(
        range.height(),
        rows.len() + 1,
        "header and one row a customer"
    );

    let mut cells = range.rows();
    let first: Vec<String> = cells
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(first, header);
    let (mut numbers, mut texts) = (0, 0);
    for (i, (row, record)) in cells.zip(&rows).enumerate() {
        for (col, text) in record.iter().enumerate() {
            let cell = row.get(col).unwrap_or(&Data::Empty);
            match cell {
                Data::Empty => assert_eq!(text, "", "row {i} {}", header[col]),
                Data::Float(v) => {
                    numbers += 1;
                    assert_eq!(*v, text.parse::<f64>().unwrap(), "row {i} {}", header[col]);
                }
                Data::String(t) => {
                    texts += 1;
                    // the CSV neutralises a formula-like text with a quote; the cell needs none
                    assert_eq!(t, text.strip_prefix('\'').unwrap_or(text));
                }
                other => panic!("row {i} {}: unexpected cell {other:?}", header[col]),
            }
        }
    }
    assert!(
        numbers > 10_000 && texts > 10_000,
        "{numbers} numbers, {texts} texts"
    );
}
