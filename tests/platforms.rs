//! Every platform export Portrait knows, exactly as the platform writes it, maps with no
//! manual step and gives the customers, orders, revenue, returns, left-out rows and currency
//! that `scripts/platform_fixtures.py` computed from the shop before writing it out — read
//! through the CLI, whose `--json` is the page's export.
//!
//! Fixtures: `tests/fixtures/platforms/` (rerun the script to rewrite them; it cites each
//! layout's source). Tolerance: none — every amount is whole minor units.

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_portrait");

fn fixture(name: &str) -> PathBuf {
    common::committed_fixture("platforms").join(name)
}

fn expected() -> Vec<Value> {
    let text = std::fs::read_to_string(fixture("expected.json")).expect("expected.json");
    serde_json::from_str::<Value>(&text)
        .expect("json")
        .as_array()
        .expect("a list")
        .clone()
}

fn report(files: &[&Path], extra: &[&str]) -> Value {
    let out = Command::new(BIN)
        .arg("report")
        .args(files)
        .args(extra)
        .arg("--json")
        .output()
        .expect("the CLI runs");
    assert!(
        out.status.success(),
        "{:?}: {}",
        files,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn every_platform_export_gives_the_shops_numbers() {
    let cases = expected();
    assert_eq!(
        cases.len(),
        16,
        "one case per platform export, and the two Taobao reports joined"
    );
    for case in &cases {
        let names: Vec<&str> = match case.get("files") {
            Some(list) => list
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f.as_str().unwrap())
                .collect(),
            None => vec![case["file"].as_str().unwrap()],
        };
        let paths: Vec<PathBuf> = names.iter().map(|f| fixture(f)).collect();
        let file = names.join(" + ");
        let r = report(&paths.iter().map(PathBuf::as_path).collect::<Vec<_>>(), &[]);
        let o = &r["overview"];
        let q = &r["quality"];
        let at = |what: &str| format!("{file}: {what}");
        let last = names.len() - 1;
        assert_eq!(
            r["files"][last]["platform"]["id"],
            case["platform"],
            "{}",
            at("platform")
        );
        assert_eq!(
            r["files"][last]["platform"]["recognised"],
            true,
            "{}",
            at("recognised")
        );
        for f in r["files"].as_array().unwrap() {
            assert_eq!(f["missing"], Value::Array(vec![]), "{}", at("mapping"));
        }
        assert_eq!(q["rows_rejected"], 0, "{}", at("no row rejected"));
        for key in [
            "orders",
            "customers",
            "gross_sales_cents",
            "returns_cents",
            "revenue_cents",
        ] {
            assert_eq!(o[key], case[key], "{}", at(key));
        }
        assert_eq!(
            q["rows_left_out"],
            case["rows_left_out"],
            "{}",
            at("rows left out")
        );
        assert_eq!(
            q["refunds"]["lines"],
            case["refund_lines"],
            "{}",
            at("refund lines")
        );
        assert_eq!(
            q["currency"]["code"],
            case["currency"],
            "{}",
            at("currency")
        );
        if let Some(other) = case.get("other_currency") {
            let c = q["currencies"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["code"] == other["code"])
                .expect("the second currency is reported");
            assert_eq!(c["main"], false);
            assert_eq!(
                c["lines"],
                other["lines"],
                "{}",
                at("second currency lines")
            );
            assert_eq!(c["value_cents"], other["value_cents"]);
            assert_eq!(c["rate"], Value::Null);
        }
    }
}

#[test]
fn the_lines_report_alone_asks_for_its_order_report() {
    let out = Command::new(BIN)
        .arg("report")
        .arg(fixture("ExportOrderDetailList202403011200.csv"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("订单报表 (ExportOrderList): drop both files together"),
        "{err}"
    );
}

#[test]
fn a_second_currency_is_converted_at_the_given_rate() {
    let amazon = fixture("amazon_all_orders.txt");
    let case = expected()
        .into_iter()
        .find(|c| c["platform"] == "amazon.all_orders")
        .unwrap();
    let other = &case["other_currency"];
    let r = report(&[&amazon], &["--rate", "EUR=1.1"]);
    let converted = (other["value_cents"].as_i64().unwrap() as f64 * 1.1).round() as i64;
    assert_eq!(
        r["overview"]["gross_sales_cents"].as_i64().unwrap(),
        case["gross_sales_cents"].as_i64().unwrap() + converted
    );
    assert_eq!(
        r["quality"]["rows_left_out"].as_u64().unwrap(),
        case["rows_left_out"].as_u64().unwrap() - other["lines"].as_u64().unwrap()
    );
}

#[test]
fn two_shopee_markets_are_never_summed() {
    let sg = fixture("shopee_sg_orders.xlsx");
    let my = fixture("shopee_my_orders.xlsx");
    let cases = expected();
    let case = |f: &str| cases.iter().find(|c| c["file"] == f).unwrap().clone();
    let (sg_case, my_case) = (case("shopee_sg_orders.xlsx"), case("shopee_my_orders.xlsx"));
    let r = report(&[&sg, &my], &[]);
    let q = &r["quality"];
    // Singapore has more lines: it is the main currency, Malaysia is set aside
    assert_eq!(q["currency"]["code"], "SGD");
    assert_eq!(r["overview"]["revenue_cents"], sg_case["revenue_cents"]);
    let myr = q["currencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "MYR")
        .expect("MYR reported");
    assert_eq!(myr["main"], false);
    let group = q["left_out"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["reason"] == "other_currency")
        .expect("left out");
    assert_eq!(group["values"][0]["value"], "MYR");
    assert_eq!(
        q["rows_left_out"].as_u64().unwrap(),
        sg_case["rows_left_out"].as_u64().unwrap()
            + my_case["rows_left_out"].as_u64().unwrap()
            + group["lines"].as_u64().unwrap()
    );
}

#[test]
fn a_platform_can_be_chosen_or_turned_off() {
    let shopify = fixture("shopify_orders_export.csv");
    // without the profile the header maps generically: Shopify's Name and Email are no
    // order or customer column a generic shop would have
    let out = Command::new(BIN)
        .args(["report", "--platform", "none", "--json"])
        .arg(&shopify)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no column found for"), "{err}");
    let r = report(&[&shopify], &["--platform", "shopify.orders"]);
    assert_eq!(r["files"][0]["platform"]["recognised"], false);
    assert_eq!(r["files"][0]["platform"]["id"], "shopify.orders");
}

#[test]
fn the_cli_text_names_the_platform_and_its_rules() {
    let out = Command::new(BIN)
        .args(["quality"])
        .arg(fixture("ExportOrderList202403011200.csv"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("platform: 淘宝/天猫 Taobao/Tmall — 订单报表 (ExportOrderList) (recognised)"),
        "{text}"
    );
    assert!(
        text.contains("rule: value = what the buyer paid less shipping"),
        "{text}"
    );
    assert!(text.contains("left out: "), "{text}");
}
