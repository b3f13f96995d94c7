//! A large CSV read in two halves by two workers (`ingest::split`) must give exactly what
//! reading it whole gives: the same lines, ids, report, rejections with their lines, date
//! decisions and duplicates. Checked on the real UCI Online Retail file (duplicates,
//! cancellations, missing ids, `M/D/YYYY` dates decided over the column) cut at many
//! places, on the peer generator's file, and on small files built to hit each merge rule.

mod common;

use portrait::ingest::{
    ingest_all, plan_file, read_tail, DateOrder, IngestJob, IngestOptions, Ingested, ParsedPart,
    SourceFile, SplitPlan, Step,
};
use std::io::Read;

/// Everything ingest produced, as text: columns, id names, dimensions, report, inspections.
fn dump(ing: &Ingested) -> String {
    let l = &ing.lines;
    let names = |i: &portrait::dataset::Interner| i.names().collect::<Vec<_>>().join("|");
    let mut s = format!(
        "orders {}\ncustomers {}\nproducts {}\nnames {:?}\n",
        names(&l.order_ids),
        names(&l.customer_ids),
        names(&l.product_ids),
        l.product_names
    );
    s += &format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n",
        l.order, l.customer, l.time, l.product, l.quantity, l.amount_cents, l.is_return
    );
    for (d, col) in &l.dimensions {
        s += &format!("{d:?} {} {:?}\n", names(&col.values), col.per_line);
    }
    s += &serde_json::to_string_pretty(&ing.report).expect("report serialises");
    s += &serde_json::to_string_pretty(&ing.files).expect("files serialise");
    s
}

/// Ingests `file` split by `plan`, the tail's result crossing as bytes like between workers.
fn ingest_split(
    file: &SourceFile,
    plan: SplitPlan,
    options: IngestOptions,
) -> Result<Ingested, portrait::ingest::IngestError> {
    ingest_streamed(file, plan, options, &[])
}

/// As `ingest_split`, the head's bytes handed over in chunks cut at `cuts` (byte offsets,
/// anywhere: inside a record, a quoted cell or a character), as the page reads them.
fn ingest_streamed(
    file: &SourceFile,
    plan: SplitPlan,
    options: IngestOptions,
    cuts: &[usize],
) -> Result<Ingested, portrait::ingest::IngestError> {
    let part = read_tail(&file.name, &file.bytes, plan, options.clone()).expect("tail reads");
    let mut part = Some(ParsedPart::from_bytes(&part.to_bytes()).expect("round trip"));
    let split = plan.split as usize;
    let mut bounds: Vec<usize> = cuts
        .iter()
        .copied()
        .filter(|&c| c > 0 && c < split)
        .collect();
    bounds.push(split);
    let head = SourceFile {
        name: file.name.clone(),
        bytes: file.bytes[..bounds[0]].to_vec(),
    };
    let mut job = IngestJob::new(vec![head], options);
    job.set_head(0, plan, bounds.len() > 1);
    let mut next = 1;
    loop {
        match job.step(usize::MAX)? {
            Step::NeedPart { file_index: 0 } => job.supply_part(part.take())?,
            Step::NeedBytes { file_index: 0 } => {
                let chunk = &file.bytes[bounds[next - 1]..bounds[next]];
                job.supply_bytes(chunk, next + 1 == bounds.len())?;
                next += 1;
            }
            Step::Done => return Ok(job.take_result().expect("a result")),
            Step::Progress(_) => {}
            other => panic!("unexpected step {other:?}"),
        }
    }
}

/// The tail of `file` read in two chunks, the first ending at byte `cut` of the tail's
/// input (the prefix, then bytes `split..`), as the tail worker reads it.
fn read_tail_streamed(file: &SourceFile, plan: SplitPlan, cut: usize) -> Option<ParsedPart> {
    let mut input = file.bytes[..plan.prefix_len as usize].to_vec();
    input.extend_from_slice(&file.bytes[plan.split as usize..]);
    let first = SourceFile {
        name: file.name.clone(),
        bytes: input[..cut].to_vec(),
    };
    let mut job = IngestJob::new_tail(first, plan, IngestOptions::default(), true);
    loop {
        match job.step(usize::MAX).ok()? {
            Step::NeedBytes { file_index: 0 } => job.supply_bytes(&input[cut..], true).ok()?,
            Step::Part => return job.take_part(),
            Step::Progress(_) => {}
            other => panic!("unexpected step {other:?}"),
        }
    }
}

/// A plan cutting after the first line break at or after byte `at` (header on line 1).
fn plan_at(bytes: &[u8], at: usize) -> SplitPlan {
    let bom = if bytes.starts_with(&[0xef, 0xbb, 0xbf]) {
        3
    } else {
        0
    };
    let header_end = bytes.iter().position(|&b| b == b'\n').expect("header") + 1;
    let cut = at
        + bytes[at..]
            .iter()
            .position(|&b| b == b'\n')
            .expect("a break")
        + 1;
    assert!(bom < header_end);
    SplitPlan {
        prefix_len: header_end as u64,
        split: cut as u64,
        size: bytes.len() as u64,
        delimiter: b',',
    }
}

fn csv(name: &str, text: &str) -> SourceFile {
    SourceFile {
        name: name.to_string(),
        bytes: text.as_bytes().to_vec(),
    }
}

/// Whole and split agree for every cut point after the header.
fn agrees_at_every_cut(file: &SourceFile, options: IngestOptions) {
    let whole = dump(&ingest_all(vec![file.clone()], options.clone()).expect("whole"));
    let header_end = file.bytes.iter().position(|&b| b == b'\n').expect("header") + 1;
    let mut cuts = 0;
    for at in header_end..file.bytes.len() - 1 {
        if file.bytes[at - 1] != b'\n' {
            continue;
        }
        let plan = plan_at(&file.bytes, at - 1);
        let split = ingest_split(file, plan, options.clone()).expect("split ingests");
        assert_eq!(dump(&split), whole, "cut at byte {}", plan.split);
        // the head streamed in two chunks, the first holding the header, cut at every byte
        for chunk_end in plan.prefix_len as usize + 1..plan.split as usize {
            let streamed = ingest_streamed(file, plan, options.clone(), &[chunk_end])
                .expect("streamed ingests");
            assert_eq!(
                dump(&streamed),
                whole,
                "split at {}, chunk cut at {chunk_end}",
                plan.split
            );
        }
        cuts += 1;
    }
    assert!(cuts >= 3, "only {cuts} cuts");
}

#[test]
fn duplicates_across_the_cut_are_found_and_counted_once() {
    // row 4 repeats row 2 (head/tail when cut between them), row 6 repeats row 4
    let f = csv(
        "dups.csv",
        "order_id,customer_id,order_date,product_id,product_name,quantity,unit_price,channel\n\
         A1,c1,2024-01-02 10:00,p1,,1,9.90,web\n\
         A1,c1,2024-01-02 10:00,p2,Tea,2,5.00,web\n\
         A2,c2,2024-01-03,p1,Green Tea,1,9.90,app\n\
         A1,c1,2024-01-02 10:00,p2,Tea,2,5.00,web\n\
         A3,,2024-01-04,p3,Cup,-1,3.00,\n\
         A1,c1,2024-01-02 10:00,p2,Tea,2,5.00,web\n\
         A4,c3,2024-01-05,p1,,1,¥9.90,web\n",
    );
    agrees_at_every_cut(&f, IngestOptions::default());
    let whole = ingest_all(vec![f], IngestOptions::default()).expect("whole");
    assert_eq!(whole.report.duplicates_removed, 2);
}

#[test]
fn year_last_dates_are_decided_over_both_halves() {
    // only the tail's 25/3/2024 decides day first; 3/4/2024 in the head waits for it
    let f = csv(
        "dates.csv",
        "order_id,customer_id,order_date,quantity,unit_price\n\
         1,c1,3/4/2024 10:00,1,1.00\n\
         2,c2,4/5/2024,1,2.00\n\
         2,c2,4/5/2024,1,2.00\n\
         3,c1,31/2/2024,1,3.00\n\
         4,c3,25/3/2024 09:30,1,4.00\n\
         5,c1,2024-06-01,1,5.00\n\
         6,c4,7/8/2024,1,6.00\n",
    );
    agrees_at_every_cut(&f, IngestOptions::default());
    let whole = ingest_all(vec![f], IngestOptions::default()).expect("whole");
    assert_eq!(whole.report.rows_rejected, 1, "31/2/2024 is no date");
}

#[test]
fn rejections_keep_their_lines_and_order() {
    let mut text = String::from("order_id,customer_id,order_date,quantity,unit_price\r\n");
    for i in 0..40 {
        match i % 7 {
            0 => text.push_str(&format!("{i},c{i},not a date,1,1.00\r\n")),
            3 => text.push_str(&format!("{i},c{i},2024-01-01,x,1.00\r\n")),
            5 => text.push_str(&format!("{i},c{i},2024-01-01,1\r\n")),
            6 => text.push_str("\r\n"),
            _ => text.push_str(&format!(
                "{i},c{},2024-01-0{},1,$1.50\r\n",
                i % 3,
                1 + i % 9
            )),
        }
    }
    agrees_at_every_cut(&csv("bad.csv", &text), IngestOptions::default());
}

#[test]
fn a_byte_order_mark_and_given_date_order_carry_over() {
    let mut text = String::from("\u{feff}订单号,用户ID,下单时间,数量,单价,省份\n");
    for i in 0..30 {
        text.push_str(&format!(
            "{},{},{}/{}/2024,1,{}.00,浙江\n",
            i / 2,
            i % 4,
            1 + i % 12,
            1 + i % 12,
            i
        ));
    }
    let options = IngestOptions {
        date_order: Some(DateOrder::MonthFirst),
        ..IngestOptions::default()
    };
    agrees_at_every_cut(&csv("bom.csv", &text), options);
}

#[test]
fn a_cut_inside_a_quoted_cell_is_refused() {
    let text = "order_id,customer_id,order_date,quantity,unit_price,note\n\
                1,c1,2024-01-01,1,1.00,\"two\nlines\"\n\
                2,c2,2024-01-02,1,2.00,plain\n";
    let f = csv("quoted.csv", text);
    let inside = text.find("two\n").expect("quoted break") + 3;
    let plan = plan_at(&f.bytes, inside);
    let err = ingest_split(&f, plan, IngestOptions::default()).expect_err("misfit");
    assert_eq!(err.code(), "ingest.split_failed");
    // the session reads it whole instead, with the same result as ingest_all
    let mut session = portrait::Session::new();
    let summary = session
        .ingest_now(vec![f.clone()], IngestOptions::default(), |_, _, _| None)
        .expect("whole");
    assert_eq!(summary.rows.used, 2);
}

#[test]
fn a_streamed_head_may_be_cut_inside_quotes_and_characters() {
    let text = "order_id,customer_id,order_date,quantity,unit_price,note\r\n\
                1,顾客甲,2024-01-01,1,1.00,\"两行\r\n备注, with a comma\"\r\n\
                2,c2,2024-01-02,1,2.00,\"say \"\"hi\"\"\"\r\n\
                2,c2,2024-01-02,1,2.00,\"say \"\"hi\"\"\"\r\n\
                3,顾客乙,2024-01-03,2,3.50,plain\r\n\
                4,c4,2024-01-04,1,4.00,\"\"\r\n";
    let f = csv("quoted.csv", text);
    let whole = dump(&ingest_all(vec![f.clone()], IngestOptions::default()).expect("whole"));
    let plan = plan_at(&f.bytes, text.find("3,顾客乙").expect("row") - 1);
    for a in plan.prefix_len as usize + 1..plan.split as usize {
        for b in [a + 1, a + 7] {
            let streamed =
                ingest_streamed(&f, plan, IngestOptions::default(), &[a, b]).expect("streams");
            assert_eq!(dump(&streamed), whole, "chunks cut at {a} and {b}");
        }
    }
}

#[test]
fn a_streamed_tail_equals_a_tail_read_at_once() {
    let text = "order_id,customer_id,order_date,quantity,unit_price,note\n\
                1,c1,2024-01-01,1,1.00,x\n\
                2,顾客,3/4/2024,1,2.00,\"two\nlines\"\n\
                2,顾客,3/4/2024,1,2.00,\"two\nlines\"\n\
                3,c3,bad date,1,3.00,\n\
                4,c1,25/4/2024,-1,¥4.00,y\n";
    let f = csv("tail.csv", text);
    let plan = plan_at(&f.bytes, text.find("2,顾客").expect("row") - 1);
    let whole = read_tail(&f.name, &f.bytes, plan, IngestOptions::default()).expect("reads");
    let input_len = plan.prefix_len as usize + f.bytes.len() - plan.split as usize;
    for cut in plan.prefix_len as usize + 1..input_len {
        let streamed = read_tail_streamed(&f, plan, cut).expect("streams");
        assert_eq!(
            format!("{streamed:?}"),
            format!("{whole:?}"),
            "tail chunk cut at {cut}"
        );
    }
}

#[test]
fn a_streamed_chunk_that_is_not_utf8_is_refused() {
    let mut bytes = b"order_id,customer_id,order_date,quantity,unit_price\n".to_vec();
    bytes.extend_from_slice(
        b"1,c1,2024-01-01,1,1.00\n2,\xd5\xc5,2024-01-02,1,2.00\n3,c3,2024-01-03,1,3.00\n",
    );
    let f = SourceFile {
        name: "gbk.csv".into(),
        bytes,
    };
    let plan = plan_at(&f.bytes, 90);
    let mut job = IngestJob::new(
        vec![SourceFile {
            name: f.name.clone(),
            bytes: f.bytes[..60].to_vec(),
        }],
        IngestOptions::default(),
    );
    job.set_head(0, plan, true);
    let err = loop {
        match job.step(usize::MAX) {
            Ok(Step::NeedBytes { file_index: 0 }) => {
                if let Err(e) = job.supply_bytes(&f.bytes[60..plan.split as usize], true) {
                    break e;
                }
            }
            Ok(Step::Progress(_)) => {}
            other => panic!("unexpected {other:?}"),
        }
    };
    assert_eq!(err.code(), "ingest.split_failed");
}

#[test]
fn a_tail_that_is_not_utf8_is_refused() {
    let mut bytes = b"order_id,customer_id,order_date,quantity,unit_price\n".to_vec();
    bytes.extend_from_slice(b"1,c1,2024-01-01,1,1.00\n2,c2,2024-01-02,1,2.00\n");
    bytes.extend_from_slice(b"3,\xd5\xc5\xc8\xfd,2024-01-03,1,3.00\n");
    let f = SourceFile {
        name: "gbk.csv".into(),
        bytes,
    };
    let plan = plan_at(&f.bytes, 60);
    assert!(read_tail(&f.name, &f.bytes, plan, IngestOptions::default()).is_none());
}

fn gunzip(path: &std::path::Path) -> Vec<u8> {
    let gz = std::fs::read(path).expect("readable");
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_end(&mut out)
        .expect("gunzips");
    out
}

#[test]
fn online_retail_split_anywhere_equals_whole() {
    let Some(data) = common::shared_data() else {
        return;
    };
    let bytes = gunzip(&data.join("online_retail/online_retail.csv.gz"));
    let file = SourceFile {
        name: "online_retail.csv".into(),
        bytes,
    };
    let whole = ingest_all(vec![file.clone()], IngestOptions::default()).expect("whole");
    assert_eq!(whole.report.duplicates_removed, 5_268);
    let whole = dump(&whole);
    let plan = plan_file(&file).expect("45 MB of UTF-8 CSV is split");
    let mid = plan.split as usize;
    let n = file.bytes.len();
    // the planned cut and cuts at a tenth, a third and nine tenths of the file
    for at in [mid - 1, n / 10, n / 3, n * 9 / 10] {
        let plan = if at == mid - 1 {
            plan
        } else {
            SplitPlan {
                split: plan_at(&file.bytes, at).split,
                ..plan
            }
        };
        let split = ingest_split(&file, plan, IngestOptions::default()).expect("split");
        assert!(dump(&split) == whole, "cut at byte {} differs", plan.split);
    }
}

#[test]
fn peer_orders_split_equals_whole_in_the_session() {
    let path = common::generated_fixture("peer_orders_100000_seed42.csv");
    if !path.exists() {
        eprintln!("skipped: {} is absent (make fixtures)", path.display());
        return;
    }
    let file = SourceFile {
        name: "peer.csv".into(),
        bytes: std::fs::read(&path).expect("readable"),
    };
    let mut whole = portrait::Session::new();
    whole
        .ingest_now(vec![file.clone()], IngestOptions::default(), |_, _, _| None)
        .expect("whole");
    let mut split = portrait::Session::new();
    let mut tails = 0;
    split
        .ingest_now(vec![file], IngestOptions::default(), |f, plan, options| {
            tails += 1;
            let (name, bytes, options) = (f.name.clone(), f.bytes.clone(), options.clone());
            let thread = std::thread::spawn(move || read_tail(&name, &bytes, plan, options));
            Some(Box::new(move || thread.join().ok().flatten()))
        })
        .expect("split");
    assert_eq!(tails, 1, "the 10 MB file is split");
    assert_eq!(split.split_fallbacks(), 0, "and read in two halves");
    assert_eq!(
        split.report_json().expect("json"),
        whole.report_json().expect("json")
    );
}

#[test]
fn statuses_refunds_and_totals_rows_agree_at_every_cut() {
    // left-out statuses, a refund amount, a refunded status, a totals row and a blank row:
    // the tail's left-out rows, refunds and passed rows cross to the head like its lines
    let f = csv(
        "status.csv",
        "order_id,customer_id,order_date,quantity,unit_price,status,refund_amount\n\
         A1,c1,2024-03-01,1,10.00,交易成功,\n\
         A2,c2,2024-03-02,2,5.00,交易关闭,\n\
         A3,c1,2024-03-03,1,8.00,退款成功,\n\
         A4,c3,2024-03-04,3,2.00,paid,1.50\n\
         A5,c2,2024-03-05,1,9.00,已取消,\n\
         ,,,,,,\n\
         A6,c4,2024-03-06,1,7.00,已发货,\n\
         A6,c4,2024-03-06,1,7.00,已发货,\n\
         合计,,,10,53.00,,\n",
    );
    agrees_at_every_cut(&f, IngestOptions::default());
    let whole = ingest_all(vec![f], IngestOptions::default()).expect("ingests");
    let q = &whole.report;
    assert_eq!(q.rows_left_out, 2);
    assert_eq!(q.refunds.lines, 2);
    assert_eq!(q.refunds.value_cents, -800 - 150);
    assert_eq!(q.duplicates_removed, 1);
    assert_eq!(q.rows_used, 4);
}

/// The split wire (`ParsedPart::to_bytes`) of real tails survives a round trip; with
/// `PORTRAIT_FUZZ_SEEDS=<dir>` the wires are written there, as the seeds of the
/// `split_wire` fuzz target (`scripts/fuzz.sh` runs this test so).
#[test]
fn split_wires_round_trip_and_seed_the_fuzzer() {
    let out = std::env::var_os("PORTRAIT_FUZZ_SEEDS").map(std::path::PathBuf::from);
    let files = [
        "web/shop_small.csv",
        "golden/messy-orders.csv",
        "golden/订单明细.csv",
    ];
    for (k, name) in files.iter().enumerate() {
        let bytes = std::fs::read(common::committed_fixture(name)).expect("a fixture");
        let plan = plan_at(&bytes, bytes.len() / 2);
        let Some(part) = read_tail(name, &bytes, plan, IngestOptions::default()) else {
            // a tail that cannot be read alone (the file is then read whole) has no wire
            continue;
        };
        let wire = part.to_bytes();
        let again = ParsedPart::from_bytes(&wire).expect("decodes");
        assert_eq!(again.to_bytes(), wire, "{name}: the wire round-trips");
        if let Some(dir) = &out {
            std::fs::create_dir_all(dir).expect("the seed folder");
            std::fs::write(dir.join(format!("tail-{k}.bin")), &wire).expect("a seed");
        }
    }
}
