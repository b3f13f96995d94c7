//! wasm-bindgen-test suite for `src/wasm`: the bindings convert values and errors correctly
//! and give the same numbers as the native core. Runs in Node via wasm-bindgen-test-runner
//! (`make test-wasm`); compiled only for wasm32.
#![cfg(target_arch = "wasm32")]

use js_sys::Reflect;
use portrait::wasm::{protocol_version, PortraitSession, PROTOCOL};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

const SHOP: &str = "订单号,会员ID,下单时间,数量,单价\n\
A1,7,2024年3月5日 14:02,2,￥9.90\n\
A2,7,2024-04-01 09:00,1,\"1,000.00\"\n\
A3,8,2024/04/02 10:00,1,5\n\
C4,8,2024-04-03 10:00,-1,5\n";

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn num(v: &JsValue, key: &str) -> f64 {
    get(v, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number"))
}

fn json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap()
}

/// Steps the ingest to its end; the `IngestSummary`.
fn run_to_ready(s: &mut PortraitSession) -> JsValue {
    for _ in 0..10_000 {
        let out = s.step(1000).unwrap();
        if get(&out, "kind").as_string().as_deref() == Some("done") {
            return s.summary().unwrap();
        }
        assert_eq!(get(&out, "kind").as_string().as_deref(), Some("progress"));
    }
    panic!("ingest never finished");
}

/// `run` of `kind` to its output.
fn run(s: &mut PortraitSession, kind: &str, params: JsValue) -> JsValue {
    let mut out = s.run(kind.into(), params).unwrap();
    while get(&out, "state").as_string().as_deref() == Some("working") {
        out = s.step_run(1000).unwrap();
    }
    assert_eq!(get(&out, "state").as_string().as_deref(), Some("done"));
    get(&out, "output")
}

fn report(s: &mut PortraitSession) -> String {
    s.export(JsValue::UNDEFINED).unwrap()
}

#[wasm_bindgen_test]
fn protocol_number_is_exported() {
    assert_eq!(protocol_version(), PROTOCOL);
}

#[wasm_bindgen_test]
fn ingest_and_run_return_plain_objects_with_kpis() {
    let mut s = PortraitSession::new();
    s.add_file("shop.csv".into(), SHOP.as_bytes().to_vec());
    s.start_ingest(JsValue::UNDEFINED).unwrap();
    let ready = run_to_ready(&mut s);
    assert_eq!(num(&get(&ready, "rows"), "read"), 4.0);
    assert_eq!(num(&get(&ready, "facts"), "customers"), 2.0);
    let overview = run(&mut s, "overview", JsValue::UNDEFINED);
    assert_eq!(num(&overview, "customers"), 2.0);
    assert_eq!(num(&overview, "orders"), 3.0);
    // 2 × 9.90 + 1,000.00 + 5 − 5
    assert_eq!(num(&overview, "revenue_cents"), 101_980.0);
    let quality = run(&mut s, "quality", JsValue::UNDEFINED);
    assert_eq!(num(&quality, "rows_read"), 4.0);
    assert_eq!(num(&quality, "return_lines"), 1.0);
}

#[wasm_bindgen_test]
fn rfm_and_the_customer_table_cross_as_objects() {
    let mut s = PortraitSession::new();
    s.add_file("shop.csv".into(), SHOP.as_bytes().to_vec());
    s.start_ingest(JsValue::UNDEFINED).unwrap();
    run_to_ready(&mut s);
    let summary = run(&mut s, "rfm", json(r#"{"bins":5}"#));
    let segments: js_sys::Array = get(&summary, "segments").into();
    assert_eq!(segments.length(), 11);
    let query = json(
        r#"{"columns":["rfm.monetary_cents","rfm.segment"],"sort":"rfm.monetary_cents","descending":true,"limit":1}"#,
    );
    let page = s.table(query).unwrap();
    assert_eq!(num(&page, "total"), 2.0);
    let rows: js_sys::Array = get(&page, "rows").into();
    let first = rows.get(0);
    assert_eq!(get(&first, "customer_id").as_string().as_deref(), Some("7"));
    assert_eq!(num(&first, "rfm.monetary_cents"), 101_980.0);
    // a parameter rule refuses with its code and parameters
    let err = s.run("rfm".into(), json(r#"{"bins":1}"#)).err().unwrap();
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("rfm.bins"));
    assert_eq!(num(&get(&err, "params"), "got"), 1.0);
}

#[wasm_bindgen_test]
fn report_json_equals_the_native_report_shape() {
    let mut s = PortraitSession::new();
    s.add_file("shop.csv".into(), SHOP.as_bytes().to_vec());
    s.start_ingest(JsValue::UNDEFINED).unwrap();
    run_to_ready(&mut s);
    let json = report(&mut s);
    let mut native = portrait::Session::new();
    native.start_ingest(
        vec![portrait::ingest::SourceFile {
            name: "shop.csv".into(),
            bytes: SHOP.as_bytes().to_vec(),
        }],
        Default::default(),
    );
    while let portrait::ingest::Step::Progress(_) = native.step(usize::MAX).unwrap() {}
    assert_eq!(json, native.report_json().unwrap());
}

#[wasm_bindgen_test]
fn errors_cross_as_wire_objects_naming_the_file() {
    let mut s = PortraitSession::new();
    s.add_file("empty.csv".into(), Vec::new());
    s.start_ingest(JsValue::UNDEFINED).unwrap();
    let err = s.step(1000).err().expect("an empty file must fail");
    assert!(get(&err, "code")
        .as_string()
        .unwrap()
        .starts_with("ingest."));
    assert_eq!(get(&err, "file").as_string().as_deref(), Some("empty.csv"));
    // the session stays usable: the next file works
    s.add_file("shop.csv".into(), SHOP.as_bytes().to_vec());
    s.start_ingest(JsValue::UNDEFINED).unwrap();
    run_to_ready(&mut s);
}

#[wasm_bindgen_test]
fn analyses_before_data_fail_with_no_data() {
    let mut s = PortraitSession::new();
    let err = s.run("overview".into(), JsValue::UNDEFINED).err().unwrap();
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("session.no_data")
    );
}

#[wasm_bindgen_test]
fn sample_shop_is_generated_in_wasm() {
    let mut s = PortraitSession::new();
    s.start_sample(json(r#"{"rows":2000,"seed":42}"#)).unwrap();
    let ready = run_to_ready(&mut s);
    let facts = get(&ready, "facts");
    assert_eq!(num(&facts, "lines"), 2000.0);
    assert!(num(&facts, "customers") > 100.0);
    let bad = s.start_sample(json(r#"{"rows":10}"#)).err().unwrap();
    assert_eq!(
        get(&bad, "code").as_string().as_deref(),
        Some("sample.too_few_rows")
    );
    assert_eq!(num(&get(&bad, "params"), "min"), 1000.0);
}

/// A split file through the bindings, as the two workers drive it: the tail session makes
/// a part (streamed in two chunks), the head session (also streamed) absorbs it, and the
/// report equals the one of the file read whole.
#[wasm_bindgen_test]
fn a_file_split_between_two_sessions_gives_the_whole_report() {
    let mut text = String::from("order_id,customer_id,order_date,quantity,unit_price\n");
    for i in 0..400 {
        text.push_str(&format!(
            "{},{},2024-0{}-1{} 10:00,1,{}.50\n",
            i / 3,
            i % 37,
            1 + i % 9,
            i % 10,
            i % 50
        ));
    }
    let bytes = text.as_bytes();
    let size = bytes.len();
    let prefix = text.find('\n').unwrap() + 1;
    let split = prefix + text[size / 2..].find('\n').unwrap() + 1 + size / 2 - prefix;
    let plan = format!(r#"{{"prefix_len":{prefix},"split":{split},"size":{size},"delimiter":44}}"#);
    let kind = |v: &JsValue| get(v, "kind").as_string().unwrap_or_default();

    let mut tail = PortraitSession::new();
    let mut input = bytes[..prefix].to_vec();
    input.extend_from_slice(&bytes[split..]);
    let cut = prefix + 100;
    tail.start_tail(
        "s.csv".into(),
        input[..cut].to_vec(),
        json(&format!(r#"{{"plan":{plan},"streamed":true}}"#)),
    )
    .unwrap();
    let part = loop {
        let out = tail.step(50).unwrap();
        match kind(&out).as_str() {
            "need_bytes" => tail.append_bytes(&input[cut..], true).unwrap(),
            "part" => break tail.take_part(),
            _ => {}
        }
    };
    assert!(!part.is_empty());

    let mut head = PortraitSession::new();
    head.add_file("s.csv".into(), bytes[..prefix + 333].to_vec());
    head.start_ingest(JsValue::UNDEFINED).unwrap();
    head.split_head(json(&format!(
        r#"{{"file_index":0,"plan":{plan},"streamed":true}}"#
    )))
    .unwrap();
    loop {
        let out = head.step(50).unwrap();
        match kind(&out).as_str() {
            "need_bytes" => head
                .append_bytes(&bytes[prefix + 333..split], true)
                .unwrap(),
            "need_part" => head.supply_part(Some(part.clone())).unwrap(),
            "done" => break,
            _ => {}
        }
    }
    let mut whole = PortraitSession::new();
    whole.add_file("s.csv".into(), bytes.to_vec());
    whole.start_ingest(JsValue::UNDEFINED).unwrap();
    run_to_ready(&mut whole);
    assert_eq!(report(&mut head), report(&mut whole));
}
