//! Bad input through the public API: every case ends in a located message or located
//! rejections — never a panic, a hang or a silently partial result.

use portrait::ingest::{
    ingest_all, inspect, FileOptions, IngestError, IngestOptions, Ingested, RejectReason,
    SourceFile,
};
use std::time::{Duration, Instant};

fn file(name: &str, bytes: impl Into<Vec<u8>>) -> SourceFile {
    SourceFile {
        name: name.into(),
        bytes: bytes.into(),
    }
}

fn ingest(name: &str, bytes: impl Into<Vec<u8>>) -> Result<Ingested, IngestError> {
    ingest_all(vec![file(name, bytes)], IngestOptions::default())
}

fn fails(name: &str, bytes: impl Into<Vec<u8>>) -> IngestError {
    let bytes = bytes.into();
    let inspected = inspect(&file(name, bytes.clone()), &FileOptions::default());
    match ingest(name, bytes) {
        Ok(_) => panic!("{name}: ingest succeeded"),
        Err(e) => {
            if let Err(i) = inspected {
                assert_eq!(i.code(), e.code(), "inspect and ingest disagree on {name}");
            }
            e
        }
    }
}

const HEADER: &str =
    "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

#[test]
fn an_empty_file_is_named() {
    for bytes in [&b""[..], b"\n\n", b"\xef\xbb\xbf"] {
        let e = fails("empty.csv", bytes);
        assert_eq!(e.code(), "ingest.empty_file");
        assert_eq!(e.to_string(), "empty.csv: the file is empty");
    }
}

#[test]
fn binary_files_are_refused_with_what_they_look_like() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66";
    let e = fails("photo.csv", &png[..]);
    assert_eq!(e.code(), "ingest.binary_file");
    assert_eq!(
        e.to_string(),
        "photo.csv: this is not a text table but binary data (a PNG image)"
    );
    let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0\x01\0\0\0".to_vec();
    elf.extend(std::iter::repeat_n(0u8, 200));
    let e = fails("orders.csv", elf);
    assert!(
        e.to_string().starts_with("orders.csv: ") && e.to_string().contains("ELF"),
        "{e}"
    );
}

#[test]
fn no_recognisable_customer_or_date_column_names_the_fields_and_headers() {
    let e = fails("shop.csv", "order,amount,when,who\n1,2,3,4\n");
    assert_eq!(e.code(), "ingest.missing_columns");
    assert_eq!((e.file(), e.line()), (Some("shop.csv"), Some(1)));
    assert_eq!(
        e.to_string(),
        "shop.csv: line 1: no column found for customer_id, order_date; the header has columns \
         \"order\", \"amount\", \"when\", \"who\""
    );
}

#[test]
fn ragged_rows_are_wrong_field_count_rejections_with_line_numbers() {
    let text = format!(
        "{HEADER}\n\
         536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n\
         536365,71053,LANTERN,6,2010-12-01 08:26:00\n\
         536366,22633,\"HAND WARMER, UNION JACK\",6,2010-12-01 08:28:00,1.85,17850,United Kingdom\n\
         536367,84879,BIRD,32,2010-12-01 08:34:00,1.69,13047,United Kingdom,extra\n"
    );
    let d = ingest("retail.csv", text).expect("ingests");
    assert_eq!((d.report.rows_read, d.report.rows_used), (4, 2));
    let g = &d.report.rejected[0];
    assert_eq!((g.reason, g.count), (RejectReason::WrongFieldCount, 2));
    let where_: Vec<(u64, String)> = g
        .examples
        .iter()
        .map(|e| {
            (
                e.line,
                e.detail
                    .map(|d| d.message().to_string())
                    .unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        where_,
        [
            (3, "expected 8 fields, found 5".to_string()),
            (5, "expected 8 fields, found 9".to_string())
        ]
    );
    assert_eq!(g.examples[0].file, "retail.csv");
}

#[test]
fn a_50_mb_single_line_fails_fast_with_a_short_message() {
    let started = Instant::now();
    for (name, bytes) in [
        ("line.csv", vec![b'x'; 50 << 20]),
        ("commas.csv", b"a,".repeat(25 << 20)),
        ("quote.csv", [&b"\""[..], &vec![b'y'; 50 << 20]].concat()),
    ] {
        let e = fails(name, bytes);
        let message = e.to_string();
        assert!(
            message.len() < 300,
            "{name}: message of {} bytes",
            message.len()
        );
        assert!(
            message.starts_with(&format!("{name}: line 1: ")),
            "{message}"
        );
        assert_eq!(e.code(), "ingest.not_a_table", "{message}");
    }
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn invalid_dates_are_rejections_naming_line_and_column() {
    let text = format!(
        "{HEADER}\n\
         536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n\
         536366,71053,LANTERN,6,2010-13-01 08:26:00,3.39,17850,United Kingdom\n\
         536367,84406B,HANGER,8,not a date,2.75,17850,United Kingdom\n"
    );
    let d = ingest("retail.csv", text).expect("ingests");
    let g = &d.report.rejected[0];
    assert_eq!((g.reason, g.count), (RejectReason::InvalidDate, 2));
    let where_: Vec<(u64, &str, &str)> = g
        .examples
        .iter()
        .map(|e| (e.line, e.column.as_str(), e.value.as_str()))
        .collect();
    assert_eq!(
        where_,
        [
            (3, "InvoiceDate", "2010-13-01 08:26:00"),
            (4, "InvoiceDate", "not a date")
        ]
    );
}

#[test]
fn all_invalid_dates_are_no_usable_rows_naming_file_line_and_column() {
    let text = format!("{HEADER}\n536365,85123A,HEART,6,31/31/2010,2.55,17850,United Kingdom\n");
    let e = fails("retail.csv", text);
    assert_eq!(e.code(), "ingest.no_usable_rows");
    assert_eq!(
        (e.file(), e.line(), e.column()),
        (Some("retail.csv"), Some(2), Some("InvoiceDate"))
    );
    assert_eq!(
        e.to_string(),
        "retail.csv: no usable rows: all 1 data rows were rejected; 1 because order date is not \
         a date, first at line 2, column \"InvoiceDate\": \"31/31/2010\""
    );
}

#[test]
fn undecodable_text_names_the_line_of_the_first_bad_byte() {
    let text = [
        format!("{HEADER}\n").as_bytes(),
        b"536365,1,caf\xe9,6,2010-12-01,2.55,1,UK\n",
    ]
    .concat();
    let e = fails("latin1.csv", text);
    assert_eq!(e.code(), "ingest.unsupported_encoding");
    assert_eq!(e.line(), Some(2));
    assert!(
        e.to_string().starts_with("latin1.csv: line 2: byte 0xE9"),
        "{e}"
    );
}

#[test]
fn broken_json_and_workbooks_are_located_errors() {
    let e = fails(
        "o.json",
        "[{\"order_id\": 1},\n {\"order_id\": 2 \"x\": 3}]",
    );
    assert_eq!((e.code(), e.line()), ("ingest.json", Some(2)));
    assert!(e.to_string().starts_with("o.json: line 2, column "), "{e}");
    // a zip cut short (or not a zip at all past its signature) says so in a merchant's words
    let e = fails("o.xlsx", &b"PK\x03\x04 not really a workbook"[..]);
    assert_eq!(e.code(), "ingest.xlsx_unreadable");
    assert!(
        e.to_string()
            .starts_with("o.xlsx: the workbook is incomplete — cut short while it was downloaded"),
        "{e}"
    );
    // a real zip without a workbook in it
    let zip = include_bytes!("fixtures/ingest/not_a_workbook.zip").to_vec();
    let e = fails("o.xlsx", zip);
    assert_eq!(e.code(), "ingest.xlsx_unreadable");
    assert!(
        e.to_string()
            .contains("this is a zip archive, not an Excel workbook"),
        "{e}"
    );
}

#[test]
fn arbitrary_bytes_never_panic() {
    // a deterministic stream of awkward inputs: every prefix length of a few nasty seeds
    let seeds: [&[u8]; 5] = [
        b"order_id,customer_id,order_date,quantity,unit_price\n\"A1,c,2024-03-05,1,1\n",
        b"[{\"order_id\":\"A\",\"customer_id\":1,\"order_date\":\"1/2/2024\",\"qty\":[1]}",
        "订单号;会员ID;下单时间;数量;单价\n１;２;2024年13月5日;(3;￥".as_bytes(),
        b"\xff\xfeo\0r\0d\0e\0r\0\n\0\xd8\0",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03",
    ];
    for seed in seeds {
        for n in 0..=seed.len() {
            let _ = ingest("fuzz.csv", &seed[..n]);
            let _ = inspect(&file("fuzz.csv", &seed[..n]), &FileOptions::default());
        }
    }
}
