//! Ingest rules end to end: bytes in through `ingest_all` / `inspect`, one test per rule.

use super::*;
use crate::dataset::{Dimension, NONE};

fn file(name: &str, bytes: impl Into<Vec<u8>>) -> SourceFile {
    SourceFile {
        name: name.into(),
        bytes: bytes.into(),
    }
}

/// Ingests one text file with default options.
fn check(name: &str, text: &str) -> Ingested {
    ingest_all(vec![file(name, text)], IngestOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Ingests one file that must fail, and returns the error.
fn check_err(name: &str, bytes: impl Into<Vec<u8>>, options: IngestOptions) -> IngestError {
    match ingest_all(vec![file(name, bytes)], options) {
        Ok(_) => panic!("{name}: ingest succeeded"),
        Err(e) => e,
    }
}

fn times(d: &Ingested) -> Vec<String> {
    d.lines
        .time
        .iter()
        .map(|&t| values::format_timestamp(t))
        .collect()
}

/// The first file's date format in the CLI's English.
fn date_format(d: &Ingested) -> String {
    d.report.files[0]
        .date_format
        .as_ref()
        .map_or_else(String::new, |f| f.english())
}

/// The first file's notes, in English.
fn notes_of(d: &Ingested) -> Vec<String> {
    d.report.files[0]
        .notes
        .iter()
        .map(|m| m.to_string())
        .collect()
}

fn group(d: &Ingested, reason: RejectReason) -> &RejectionGroup {
    d.report
        .rejected
        .iter()
        .find(|g| g.reason == reason)
        .unwrap_or_else(|| panic!("no {reason:?} rejections: {:?}", d.report.rejected))
}

const HEADER: &str = "order_id,customer_id,order_date,quantity,unit_price";

#[test]
fn delimited_files_with_each_delimiter_give_the_same_lines() {
    let rows = [
        ["A1", "7", "2024-03-05 14:02:00", "2", "9.90"],
        ["A2", "8", "2024-04-01", "1", "20"],
    ];
    for delim in [",", "\t", ";", "|"] {
        let mut text = HEADER.replace(',', delim) + "\n";
        for r in rows {
            text.push_str(&r.join(delim));
            text.push('\n');
        }
        let d = check("o.txt", &text);
        assert_eq!(
            d.lines.amount_cents,
            vec![1980, 2000],
            "delimiter {delim:?}"
        );
        let expected = if delim == "\t" { "tsv" } else { "csv" };
        assert_eq!(d.files[0].format, expected);
        assert_eq!(d.files[0].delimiter.as_deref(), Some(delim));
    }
}

#[test]
fn json_arrays_and_json_lines_are_ingested() {
    let array = r#"[{"order_id":"A1","customer_id":7,"order_date":"2024-03-05","quantity":2,"unit_price":9.9},
                    {"order_id":"A2","customer_id":7,"order_date":"2024-03-06","quantity":1,"unit_price":"¥20"}]"#;
    let d = check("o.json", array);
    assert_eq!(d.lines.amount_cents, vec![1980, 2000]);
    assert_eq!(d.files[0].format, "json");
    assert_eq!(d.report.currency.code, "CNY");
    let lines = "{\"order_id\":\"A1\",\"customer_id\":7,\"order_date\":\"2024-03-05\",\"quantity\":2,\"unit_price\":9.9}\nnot json\n";
    let d = check("o.jsonl", lines);
    assert_eq!(d.files[0].format, "jsonl");
    assert_eq!(d.report.rows_used, 1);
    let m = group(&d, RejectReason::Malformed);
    assert_eq!(
        (m.count, m.examples[0].line, m.examples[0].value.as_str()),
        (1, 2, "not json")
    );
}

fn workbook() -> Vec<u8> {
    include_bytes!("../../tests/fixtures/ingest/orders.xlsx").to_vec()
}

#[test]
fn the_first_xlsx_sheet_is_read_with_excel_date_cells() {
    let d = ingest_all(
        vec![file("orders.xlsx", workbook())],
        IngestOptions::default(),
    )
    .expect("ingests");
    assert_eq!(
        times(&d),
        [
            "2024-03-05T14:02:00",
            "2024-04-01T09:00:00",
            "2024-04-02T23:59:59"
        ]
    );
    assert_eq!(d.lines.amount_cents, vec![1980, 2000, 375]);
    assert_eq!(d.report.rows_read, 3, "the blank row is not a row");
    assert_eq!(d.report.missing_customer_lines, 1);
    assert_eq!(date_format(&d), "Excel date cells");
    assert_eq!(d.report.currency.code, "CNY", "{:?}", d.report.currency);
    assert_eq!(d.files[0].sheets, vec!["Orders", "Serials"]);
    assert_eq!(d.files[0].encoding, "binary (XLSX)");
}

#[test]
fn a_chosen_xlsx_sheet_reads_serial_day_numbers() {
    let options = IngestOptions {
        files: vec![FileOptions {
            file: "orders.xlsx".into(),
            sheet: Some("Serials".into()),
            mapping: None,
            platform: None,
            table: None,
        }],
        ..IngestOptions::default()
    };
    let d = ingest_all(vec![file("orders.xlsx", workbook())], options).expect("ingests");
    assert_eq!(times(&d), ["2024-03-05T12:00:00", "2024-03-06T00:00:00"]);
    assert_eq!(d.lines.is_return, vec![false, true]);
    assert_eq!(date_format(&d), "Excel serial day numbers");
}

#[test]
fn a_missing_sheet_names_the_sheets_there_are() {
    let options = FileOptions {
        file: "orders.xlsx".into(),
        sheet: Some("Feb".into()),
        ..FileOptions::default()
    };
    let err = inspect(&file("orders.xlsx", workbook()), &options).expect_err("no such sheet");
    assert_eq!(err.code(), "ingest.sheet_not_found");
    assert_eq!(
        err.to_string(),
        "orders.xlsx: no sheet named \"Feb\"; the workbook has \"Orders\", \"Serials\""
    );
}

#[test]
fn inspect_reads_the_sheet_list_header_mapping_and_preview() {
    let i = inspect(&file("orders.xlsx", workbook()), &FileOptions::default()).expect("inspects");
    assert_eq!(i.sheet.as_deref(), Some("Orders"));
    assert_eq!(i.headers[..3], ["订单号", "会员ID", "下单时间"]);
    assert!(i.missing.is_empty());
    assert_eq!(i.preview.len(), 3);
    assert_eq!(i.preview[0][2], "2024-03-05 14:02:00");
    let csv = format!("{HEADER}\n") + &"A1,7,2024-03-05,1,2\n".repeat(9);
    let i = inspect(&file("o.csv", csv), &FileOptions::default()).expect("inspects");
    assert_eq!((i.format.as_str(), i.preview.len()), ("csv", 5));
    assert_eq!(i.mapping.len(), 5);
}

#[test]
fn gb18030_utf16_and_gzip_files_are_ingested() {
    let text = "订单号,会员ID,下单时间,数量,单价\nA1,张三,2024年3月5日 14:02,2,9.90\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    let d = ingest_all(
        vec![file("gbk.csv", gbk.into_owned())],
        IngestOptions::default(),
    )
    .expect("ingests");
    assert_eq!(d.report.files[0].encoding, "GB18030");
    assert_eq!(d.lines.customer_ids.name(0), "张三");
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let d = ingest_all(vec![file("u16.csv", utf16)], IngestOptions::default()).expect("ingests");
    assert_eq!(d.report.files[0].encoding, "UTF-16LE");
    assert_eq!(times(&d), ["2024-03-05T14:02:00"]);
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(text.as_bytes()).expect("compresses");
    let d = ingest_all(
        vec![file("o.csv.gz", gz.finish().expect("compresses"))],
        IngestOptions::default(),
    )
    .expect("ingests");
    assert_eq!(d.report.files[0].format, "csv+gzip");
    assert_eq!(d.report.currency.code, "CNY", "Chinese headers");
}

fn slashed(dates: &[&str]) -> String {
    let mut text = format!("{HEADER}\n");
    for (i, d) in dates.iter().enumerate() {
        text.push_str(&format!("A{i},c,{d},1,1\n"));
    }
    text
}

#[test]
fn day_first_is_decided_by_a_day_above_twelve() {
    let d = check("o.csv", &slashed(&["3/4/2024 10:00", "25/12/2024 08:30"]));
    assert_eq!(times(&d), ["2024-04-03T10:00:00", "2024-12-25T08:30:00"]);
    assert_eq!(date_format(&d), "D/M/YYYY hh:mm (day first)");
}

#[test]
fn month_first_is_decided_by_a_second_number_above_twelve() {
    let d = check("o.csv", &slashed(&["3/4/2024", "12/25/2024"]));
    assert_eq!(times(&d), ["2024-03-04T00:00:00", "2024-12-25T00:00:00"]);
    assert_eq!(date_format(&d), "M/D/YYYY (month first)");
}

#[test]
fn undecidable_slashed_dates_fail_with_ambiguous_date_order() {
    let err = check_err(
        "o.csv",
        slashed(&["3/4/2024", "5/6/2024"]),
        IngestOptions::default(),
    );
    assert_eq!(err.code(), "ingest.ambiguous_date_order");
    assert_eq!(
        (err.file(), err.column()),
        (Some("o.csv"), Some("order_date"))
    );
    assert!(
        err.to_string().contains("\"3/4/2024\", \"5/6/2024\""),
        "{err}"
    );
}

#[test]
fn a_given_date_order_decides_ambiguous_dates() {
    let options = IngestOptions {
        date_order: Some(DateOrder::MonthFirst),
        ..Default::default()
    };
    let d = ingest_all(
        vec![file("o.csv", slashed(&["3/4/2024", "5/6/2024"]))],
        options,
    )
    .expect("ingests");
    assert_eq!(times(&d), ["2024-03-04T00:00:00", "2024-05-06T00:00:00"]);
}

#[test]
fn dotted_and_dashed_year_last_dates_default_to_day_first() {
    let d = check("o.csv", &slashed(&["3.4.2024", "05-06-2024"]));
    assert_eq!(times(&d), ["2024-04-03T00:00:00", "2024-06-05T00:00:00"]);
}

#[test]
fn rows_impossible_under_the_decided_order_are_invalid_dates() {
    // three say day first, one says month first: that one (and its duplicate) is rejected
    let mut text = slashed(&["13/1/2024", "14/1/2024", "15/1/2024", "1/13/2024"]);
    text.push_str("A3,c,1/13/2024,1,1\n");
    let d = check("o.csv", &text);
    assert_eq!(d.report.rows_used, 3);
    let g = group(&d, RejectReason::InvalidDate);
    assert_eq!(g.count, 2);
    let lines: Vec<u64> = g.examples.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![5, 6]);
    assert_eq!(g.examples[0].column, "order_date");
    assert_eq!(d.report.duplicates_removed, 0);
    assert_eq!(d.report.read.lines, 3);
    assert_eq!(
        d.lines.order_ids.len(),
        3,
        "ids of rejected rows are not kept"
    );
}

#[test]
fn a_line_amount_without_quantity_counts_each_line_once() {
    let d = check(
        "o.csv",
        "订单号,会员ID,下单时间,实付金额\nA1,c,2024-03-05,¥12.50\n",
    );
    assert_eq!((d.lines.quantity[0], d.lines.amount_cents[0]), (1.0, 1250));
    assert!(
        d.report.files[0].notes[0]
            .to_string()
            .contains("quantity 1"),
        "{:?}",
        d.report.files[0].notes
    );
}

#[test]
fn a_line_amount_is_the_line_value_when_a_unit_price_is_there_too() {
    let text = "order_id,customer_id,order_date,quantity,unit_price,amount\n\
                A1,c,2024-03-05,2,10.00,18.00\n\
                A2,c,2024-03-06,-1,10.00,9.00\n";
    let d = check("o.csv", text);
    assert_eq!(
        d.lines.amount_cents,
        vec![1800, -900],
        "a return's amount counts against"
    );
    assert!(d.report.files[0].notes[0]
        .to_string()
        .contains("line amount"));
}

#[test]
fn fractional_quantities_round_the_line_value() {
    let d = check("o.csv", &format!("{HEADER}\nA1,c,2024-03-05,0.333,10.01\n"));
    assert_eq!(d.lines.amount_cents, vec![333], "0.333 × 1001 = 333.33");
}

#[test]
fn returns_are_negative_quantities_cancelled_ids_or_refunded_statuses() {
    let text = "order_id,customer_id,order_date,quantity,unit_price,status\n\
                536365,c,2024-03-05,2,1,shipped\n\
                536366,c,2024-03-05,-2,1,\n\
                C536367,c,2024-03-05,2,1,\n\
                536368,c,2024-03-05,2,1,已取消\n\
                536369,d,2024-03-05,3,1,退款成功\n";
    let d = check("o.csv", text);
    // the cancelled order is left out; the refunded one is a purchase and a return
    assert_eq!(d.lines.is_return, vec![false, true, true, false, true]);
    assert_eq!(d.lines.amount_cents, vec![200, -200, 200, 300, -300]);
    assert_eq!(d.lines.quantity[4], -3.0);
    assert_eq!(d.report.return_lines, 3);
    assert_eq!(d.report.rows_used, 4);
    assert_eq!(d.report.read.cancelled_order_lines, 1);
    assert_eq!(d.report.rows_left_out, 1);
    let group = &d.report.left_out[0];
    assert_eq!(group.reason, crate::ingest::LeftOutReason::Cancelled);
    assert_eq!((group.lines, group.orders, group.value_cents), (1, 1, 200));
    assert_eq!(group.values[0].value, "已取消");
    assert_eq!(group.examples[0].line, 5);
    assert_eq!(group.examples[0].column, "status");
    assert_eq!(d.report.refunds.lines, 1);
    assert_eq!(d.report.refunds.value_cents, -300);
    assert_eq!(
        d.report.rows_read,
        d.report.rows_used + d.report.rows_rejected + d.report.rows_left_out
    );
}

#[test]
fn empty_customer_ids_are_kept_without_a_customer() {
    let d = check(
        "o.csv",
        &format!("{HEADER}\nA1,,2024-03-05,1,1\nA2, 7 ,2024-03-05,1,1\n"),
    );
    assert_eq!(d.lines.customer, vec![NONE, 0]);
    assert_eq!(d.lines.customer_ids.name(0), "7");
    assert_eq!(d.report.missing_customer_lines, 1);
}

#[test]
fn excel_text_guards_on_ids_are_removed() {
    let d = check(
        "o.csv",
        &format!("{HEADER}\n=\"2024031500012\",=\"007\",2024-03-05,1,1\n"),
    );
    assert_eq!(d.lines.order_ids.name(0), "2024031500012");
    assert_eq!(d.lines.customer_ids.name(0), "007");
}

#[test]
fn exact_duplicates_are_removed_but_counted_in_read_totals() {
    let row = "A1,c,2024-03-05,2,1.50\n";
    let text = format!("{HEADER}\n{row}{row}A1,c,2024-03-05,3,1.50\n{row}");
    let d = check("o.csv", &text);
    assert_eq!(d.report.duplicates_removed, 2);
    assert_eq!(d.report.rows_used, 2);
    assert_eq!(d.report.read.lines, 4);
    assert_eq!(d.report.read.value_cents, 300 * 3 + 450);
    assert_eq!(d.report.read.orders, 1);
}

#[test]
fn rejections_name_reason_line_column_and_value() {
    let text = format!(
        "{HEADER}\n\
         ,c,2024-03-05,1,1\n\
         A2,c,,1,1\n\
         A3,c,yesterday,1,1\n\
         A4,c,2024-03-05,lots,1\n\
         A5,c,2024-03-05,1,free\n\
         A6,c,2024-03-05\n\
         A7,c,2024-03-05,1,1\n"
    );
    let d = check("o.csv", &text);
    assert_eq!(d.report.rows_read, 7);
    assert_eq!(d.report.rows_used, 1);
    assert_eq!(d.report.rows_rejected, 6);
    let expect = [
        (RejectReason::WrongFieldCount, 7, "", "A6,c,2024-03-05"),
        (RejectReason::MissingOrderId, 2, "order_id", ""),
        (RejectReason::MissingDate, 3, "order_date", ""),
        (RejectReason::InvalidDate, 4, "order_date", "yesterday"),
        (RejectReason::InvalidQuantity, 5, "quantity", "lots"),
        (RejectReason::InvalidPrice, 6, "unit_price", "free"),
    ];
    let got: Vec<(RejectReason, u64, &str, &str)> = d
        .report
        .rejected
        .iter()
        .map(|g| {
            (
                g.reason,
                g.examples[0].line,
                g.examples[0].column.as_str(),
                g.examples[0].value.as_str(),
            )
        })
        .collect();
    assert_eq!(got, expect);
    let detail = group(&d, RejectReason::WrongFieldCount).examples[0].detail;
    assert_eq!(
        detail.map(|d| d.message().to_string()).as_deref(),
        Some("expected 5 fields, found 3")
    );
    assert_eq!(
        RejectReason::InvalidDate.describe(),
        "order date is not a date"
    );
}

#[test]
fn trailing_empty_fields_are_not_a_wrong_field_count() {
    let d = check("o.csv", &format!("{HEADER}\nA1,c,2024-03-05,1,1,,\n"));
    assert_eq!(d.report.rows_used, 1);
}

#[test]
fn broken_utf8_rows_are_malformed() {
    let mut bytes = format!("{HEADER}\n").into_bytes();
    for i in 0..30 {
        bytes.extend_from_slice(format!("订单{i},c,2024-03-05,1,1\n").as_bytes());
    }
    bytes.extend_from_slice(b"X\xff,c,2024-03-05,1,1\n");
    let d = ingest_all(vec![file("o.csv", bytes)], IngestOptions::default()).expect("ingests");
    let m = group(&d, RejectReason::Malformed);
    assert_eq!((m.count, m.examples[0].line), (1, 32));
    assert_eq!(d.report.rows_used, 30);
}

#[test]
fn a_user_mapping_replaces_the_automatic_one() {
    let text = "a,b,c,d,e\nA1,c,2024-03-05,2,3\n";
    let mapping = [
        Field::OrderId,
        Field::CustomerId,
        Field::OrderDate,
        Field::Quantity,
        Field::UnitPrice,
    ]
    .iter()
    .enumerate()
    .map(|(column, &field)| ColumnAssignment { field, column })
    .collect();
    let options = IngestOptions {
        files: vec![FileOptions {
            file: "o.csv".into(),
            sheet: None,
            mapping: Some(mapping),
            platform: None,
            table: None,
        }],
        ..IngestOptions::default()
    };
    let err = check_err("o.csv", text, IngestOptions::default());
    assert_eq!(err.code(), "ingest.missing_columns");
    let d = ingest_all(vec![file("o.csv", text)], options).expect("ingests");
    assert_eq!(d.lines.amount_cents, vec![600]);
}

#[test]
fn a_mapping_outside_the_header_is_an_invalid_mapping() {
    let mapping = vec![ColumnAssignment {
        field: Field::OrderId,
        column: 9,
    }];
    let options = IngestOptions {
        files: vec![FileOptions {
            file: "o.csv".into(),
            sheet: None,
            mapping: Some(mapping),
            platform: None,
            table: None,
        }],
        ..IngestOptions::default()
    };
    let err = check_err("o.csv", format!("{HEADER}\nA1,c,2024-03-05,1,1\n"), options);
    assert_eq!(err.code(), "ingest.invalid_mapping");
    assert_eq!(
        err.to_string(),
        "o.csv: the mapping puts order_id in column 9, but the file has 5 columns"
    );
}

#[test]
fn missing_columns_list_at_most_thirty_headers_cut_to_forty_characters() {
    let mut headers: Vec<String> = (0..40).map(|i| format!("col{i}")).collect();
    headers[0] = "x".repeat(60);
    let err = check_err(
        "o.csv",
        headers.join(",") + "\n1\n",
        IngestOptions::default(),
    );
    match err.kind() {
        IngestErrorKind::MissingColumns {
            missing, headers, ..
        } => {
            assert_eq!(missing.len(), 5);
            assert_eq!(headers.len(), 30);
            assert_eq!(headers[0].chars().count(), 40);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(err.line(), Some(1));
}

#[test]
fn every_row_rejected_is_no_usable_rows_with_the_first_location() {
    let err = check_err(
        "o.csv",
        slashed(&["soon", "later"]).replace("/", ""),
        IngestOptions::default(),
    );
    assert_eq!(err.code(), "ingest.no_usable_rows");
    assert_eq!((err.line(), err.column()), (Some(2), Some("order_date")));
    assert_eq!(
        err.to_string(),
        "o.csv: no usable rows: all 2 data rows were rejected; 2 because order date is not a \
         date, first at line 2, column \"order_date\": \"soon\""
    );
}

#[test]
fn a_header_without_rows_is_no_usable_rows() {
    let err = check_err("o.csv", format!("{HEADER}\n"), IngestOptions::default());
    assert_eq!(
        err.to_string(),
        "o.csv: no usable rows: there are no data rows below the header (line 1)"
    );
}

#[test]
fn several_files_are_merged_and_a_failing_file_fails_the_run_by_name() {
    let a = file(
        "a.csv",
        format!("{HEADER}\nA1,c1,2024-03-05,1,1\nA1,c1,2024-03-05,1,1\n"),
    );
    let b = file("b.csv", format!("{HEADER}\nB1,c1,2024-03-06,1,2\nx\n"));
    let d = ingest_all(vec![a.clone(), b], IngestOptions::default()).expect("ingests");
    assert_eq!(
        d.lines.customer,
        vec![0, 0],
        "customer ids are joined across files"
    );
    assert_eq!(d.report.files.len(), 2);
    assert_eq!((d.report.rows_read, d.report.rows_used), (4, 2));
    assert_eq!(d.report.duplicates_removed, 1);
    assert_eq!(
        group(&d, RejectReason::WrongFieldCount).examples[0].file,
        "b.csv"
    );
    let bad = file("bad.csv", "nothing,here\n1,2\n");
    let err = ingest_all(vec![a, bad], IngestOptions::default()).expect_err("fails");
    assert_eq!(err.file(), Some("bad.csv"));
    assert!(err.to_string().starts_with("bad.csv: "), "{err}");
}

#[test]
fn optional_dimensions_and_product_names_are_filled() {
    let text = "order_id,customer_id,order_date,product_id,product_name,category,quantity,unit_price,channel,region\n\
                1,c,2024-03-05,P1,Tea,Drinks,1,2,app,Guangdong\n\
                1,c,2024-03-05,P2,,Snacks,1,2,app,Guangdong\n\
                2,d,2024-03-06,P2,Nuts,,1,2,web,\n";
    let d = check("o.csv", text);
    let dims: Vec<Dimension> = d.lines.dimensions.iter().map(|(dim, _)| *dim).collect();
    assert_eq!(
        dims,
        [Dimension::Category, Dimension::Channel, Dimension::Region]
    );
    assert_eq!(d.lines.dimensions[0].1.per_line, vec![0, 1, NONE]);
    let names: Vec<&str> = d.lines.product_names.iter().map(|n| &**n).collect();
    assert_eq!(names, ["Tea", "Nuts"], "the first non-empty name wins");
    assert_eq!(d.report.currency.code, "CNY", "{:?}", d.report.currency);
}

#[test]
fn products_without_an_id_column_are_identified_by_name() {
    let text = "order_id,customer_id,order_date,product_name,quantity,unit_price\n\
                1,c,2024-03-05,Tea,1,2\n2,c,2024-03-05,Tea,1,2\n3,c,2024-03-05,,1,2\n";
    let d = check("o.csv", text);
    assert_eq!(d.lines.product, vec![0, 0, NONE]);
    assert_eq!(d.lines.product_ids.name(0), "Tea");
}

#[test]
fn the_report_serialises_with_the_documented_field_names() {
    let d = check("o.csv", &format!("{HEADER}\nA1,c,2024-03-05,1,£1\n"));
    let json = serde_json::to_value(&d.report).expect("serialises");
    for key in [
        "files",
        "rows_read",
        "rows_used",
        "rows_rejected",
        "rejected",
        "duplicates_removed",
        "read",
        "return_lines",
        "missing_customer_lines",
        "date_min",
        "date_max",
        "currency",
    ] {
        assert!(json.get(key).is_some(), "{key} missing");
    }
    assert_eq!(json["currency"]["code"], "GBP");
    assert_eq!(json["date_min"], "2024-03-05T00:00:00");
    let inspection = serde_json::to_value(&d.files[0]).expect("serialises");
    assert_eq!(inspection["mapping"][0]["field"], "order_id");
}

#[test]
fn title_rows_above_the_header_and_a_totals_row_below_are_passed_over_and_said() {
    let text = "订单报表 导出时间：2024-03-01 10:00\n\
                \n\
                订单编号,买家会员名,下单时间,数量,实付金额\n\
                T1,小王,2024-02-27 10:00:00,1,89.50\n\
                T2,小李,2024-02-28 11:00:00,2,44.00\n\
                合计,,,3,133.50\n";
    let d = check("订单报表.csv", text);
    assert_eq!(d.lines.amount_cents, vec![8950, 4400]);
    assert_eq!(d.report.rows_rejected, 0);
    assert_eq!(d.files[0].headers[0], "订单编号");
    let notes = notes_of(&d);
    assert!(
        notes
            .iter()
            .any(|n| n == "title lines above the header passed over: 1 (the header is line 3)"),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n == "totals rows passed over: 1 (the first at line 6)"),
        "{notes:?}"
    );
}

#[test]
fn blank_rows_of_empty_cells_are_passed_over_not_rejected() {
    let text = format!("{HEADER}\nA1,c,2024-03-05,1,1\n,,,,\nA2,c,2024-03-06,1,1\n");
    let d = check("o.csv", &text);
    assert_eq!(d.lines.len(), 2);
    assert_eq!(d.report.rows_rejected, 0);
    let notes = notes_of(&d);
    assert!(
        notes.contains(&"blank rows passed over: 1".to_string()),
        "{notes:?}"
    );
}

#[test]
fn a_stray_nul_rejects_its_row_with_line_and_column_and_the_rest_is_read() {
    let text = format!(
        "{HEADER}\nA1,c1,2024-03-05,1,1\nA2,c\u{0}2,2024-03-06,1,1\nA3,c3,2024-03-07,1,1\n"
    );
    let d = check("o.csv", &text);
    assert_eq!(d.lines.len(), 2);
    let g = group(&d, RejectReason::NulByte);
    assert_eq!(g.count, 1);
    assert_eq!(
        (g.examples[0].line, g.examples[0].column.as_str()),
        (3, "customer_id")
    );
    assert_eq!(g.examples[0].value, "c␀2");
    // a file that is mostly NULs is binary, and refused
    let mut binary = text.into_bytes();
    binary.extend(std::iter::repeat_n(0u8, 64));
    assert_eq!(
        check_err("o.csv", binary, IngestOptions::default()).code(),
        "ingest.binary_file"
    );
}

#[test]
fn an_orders_first_line_carries_its_order_fields_to_the_others() {
    // Shopify: the second line item of #1001 leaves payment status and currency blank
    let text = "Name,Email,Financial Status,Currency,Created at,Lineitem quantity,Lineitem price,Lineitem sku,Cancelled at\n\
                #1001,a@x.com,refunded,USD,2024-03-01 10:00:00 -0700,1,10.00,S1,\n\
                #1001,a@x.com,,,2024-03-01 10:00:00 -0700,2,5.00,S2,\n\
                #1002,b@x.com,paid,USD,2024-03-02 10:00:00 -0700,1,7.00,S1,2024-03-03 09:00:00 -0700\n\
                #1002,b@x.com,,,2024-03-02 10:00:00 -0700,1,3.00,S3,\n";
    let d = check("orders_export.csv", text);
    // both lines of #1001 are refunded (a purchase and a return each); #1002 is cancelled
    assert_eq!(d.lines.amount_cents, vec![1000, 1000, -1000, -1000]);
    assert_eq!(d.report.rows_left_out, 2);
    assert_eq!(
        d.files[0].platform.as_ref().map(|p| p.id.as_str()),
        Some("shopify.orders")
    );
}

#[test]
fn without_an_order_id_each_customer_and_time_is_one_order() {
    let text = "CustomerID,InvoiceDate,StockCode,Quantity,Price\n\
                c1,2024-01-02 10:00,A,1,5\nc1,2024-01-02 10:00,B,2,3\n\
                c1,2024-01-05 09:00,A,1,5\nc2,2024-01-02 10:00,A,1,5\nC7,2024-01-04 11:00,A,1,5\n";
    let d = check("transactions.csv", text);
    assert_eq!(d.lines.len(), 5);
    // c1 at 10:00 is one order of two lines; c2 at the same time is another order
    assert_eq!(d.report.read.orders, 4);
    assert_eq!(d.lines.order[0], d.lines.order[1]);
    assert_ne!(d.lines.order[0], d.lines.order[3]);
    // a customer id like a cancellation's (`C7`) does not make the order a return
    assert_eq!(d.report.return_lines, 0);
    assert_eq!(
        d.report.files[0].notes,
        vec![crate::message::Message::new("note.order_per_customer_time")]
    );
    assert!(d.files[0].missing.is_empty());
}

#[test]
fn a_column_that_looks_like_an_order_id_is_asked_about_rather_than_stood_in_for() {
    let text = "Belegnr,customer_id,order_date,quantity,line_amount\nR-1001,K1,2024-03-01,1,9.90\n\
                R-1001,K1,2024-03-01,2,19.80\nR-1003,K1,2024-03-03,1,9.90\nR-1004,K3,2024-03-04,3,29.70\n";
    let e = check_err("belege.csv", text, IngestOptions::default());
    assert_eq!(e.code(), "ingest.missing_columns");
    let IngestErrorKind::MissingColumns {
        missing, proposals, ..
    } = e.kind()
    else {
        panic!("{e}")
    };
    assert_eq!(missing, &vec![Field::OrderId]);
    assert_eq!(
        (proposals[0].field, proposals[0].column),
        (Field::OrderId, 0)
    );
}
