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

fn run_to_ready(s: &mut PortraitSession) -> JsValue {
    for _ in 0..10_000 {
        let out = s.step(1000).unwrap();
        if get(&out, "kind").as_string().as_deref() == Some("ready") {
            return out;
        }
        assert_eq!(get(&out, "kind").as_string().as_deref(), Some("progress"));
    }
    panic!("ingest never finished");
}

#[wasm_bindgen_test]
fn protocol_number_is_exported() {
    assert_eq!(protocol_version(), PROTOCOL);
}

#[wasm_bindgen_test]
fn ingest_returns_plain_objects_with_kpis() {
    let mut s = PortraitSession::new();
    s.add_file("shop.csv".into(), SHOP.as_bytes().to_vec());
    s.start_ingest(JsValue::UNDEFINED).unwrap();
    let ready = run_to_ready(&mut s);
    let overview = get(&ready, "overview");
    assert_eq!(num(&overview, "customers"), 2.0);
    assert_eq!(num(&overview, "orders"), 3.0);
    // 2 × 9.90 + 1,000.00 + 5 − 5
    assert_eq!(num(&overview, "revenue_cents"), 101_980.0);
    let quality = get(&ready, "quality");
    assert_eq!(num(&quality, "rows_read"), 4.0);
    assert_eq!(num(&quality, "return_lines"), 1.0);
}

#[wasm_bindgen_test]
fn rfm_summary_and_pages_cross_as_objects() {
    let mut s = PortraitSession::new();
    s.add_file("shop.csv".into(), SHOP.as_bytes().to_vec());
    s.start_ingest(JsValue::UNDEFINED).unwrap();
    run_to_ready(&mut s);
    let summary = s.rfm_summary().unwrap();
    let segments: js_sys::Array = get(&summary, "segments").into();
    assert_eq!(segments.length(), 11);
    let query = js_sys::JSON::parse(r#"{"sort":"monetary","descending":true,"limit":1}"#).unwrap();
    let page = s.rfm_page(query).unwrap();
    assert_eq!(num(&page, "total"), 2.0);
    let rows: js_sys::Array = get(&page, "rows").into();
    assert_eq!(
        get(&rows.get(0), "customer_id").as_string().as_deref(),
        Some("7")
    );
}

#[wasm_bindgen_test]
fn report_json_equals_the_native_report_shape() {
    let mut s = PortraitSession::new();
    s.add_file("shop.csv".into(), SHOP.as_bytes().to_vec());
    s.start_ingest(JsValue::UNDEFINED).unwrap();
    run_to_ready(&mut s);
    let json = s.report_json().unwrap();
    let mut native = portrait::Session::new();
    native.start_ingest(
        vec![portrait::ingest::SourceFile {
            name: "shop.csv".into(),
            bytes: SHOP.as_bytes().to_vec(),
        }],
        Default::default(),
    );
    while let portrait::session::SessionStep::Progress(_) = native.step(usize::MAX).unwrap() {}
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
    let s = PortraitSession::new();
    let err = s.overview().err().unwrap();
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("session.no_data")
    );
}

#[wasm_bindgen_test]
fn sample_shop_is_generated_in_wasm() {
    let mut s = PortraitSession::new();
    s.start_sample(2000, 42).unwrap();
    let ready = run_to_ready(&mut s);
    let overview = get(&ready, "overview");
    assert_eq!(num(&overview, "lines"), 2000.0);
    assert!(num(&overview, "customers") > 100.0);
    let bad = s.start_sample(10, 42).err().unwrap();
    assert_eq!(
        get(&bad, "code").as_string().as_deref(),
        Some("sample.invalid_params")
    );
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
    let plan_js = |s: usize| {
        let o = js_sys::Object::new();
        for (k, v) in [
            ("prefix_len", prefix),
            ("split", s),
            ("size", size),
            ("delimiter", 44),
        ] {
            Reflect::set(&o, &k.into(), &(v as f64).into()).unwrap();
        }
        JsValue::from(o)
    };
    let kind = |v: &JsValue| get(v, "kind").as_string().unwrap_or_default();

    let mut tail = PortraitSession::new();
    let mut input = bytes[..prefix].to_vec();
    input.extend_from_slice(&bytes[split..]);
    let cut = prefix + 100;
    tail.start_tail(
        "s.csv".into(),
        input[..cut].to_vec(),
        plan_js(split),
        JsValue::UNDEFINED,
        true,
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
    head.split_head(0, plan_js(split), true).unwrap();
    loop {
        let out = head.step(50).unwrap();
        match kind(&out).as_str() {
            "need_bytes" => head
                .append_bytes(&bytes[prefix + 333..split], true)
                .unwrap(),
            "need_part" => head.supply_part(Some(part.clone())).unwrap(),
            "ready" => break,
            _ => {}
        }
    }
    let mut whole = PortraitSession::new();
    whole.add_file("s.csv".into(), bytes.to_vec());
    whole.start_ingest(JsValue::UNDEFINED).unwrap();
    run_to_ready(&mut whole);
    assert_eq!(head.report_json().unwrap(), whole.report_json().unwrap());
}
