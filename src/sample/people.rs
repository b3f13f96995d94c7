//! The sample shop's customer list and events log, made from its orders so the three files
//! tell one story: the people who bought, a few who only signed up or only browsed, and the
//! views, carts, favourites and searches before each purchase.
//!
//! They are read back from the orders CSV (not from the simulation), with random streams
//! of their own (`CUSTOMERS_FILE`, `EVENTS_FILE`), so the orders stay byte-identical to
//! what `generate_csv` writes for the same parameters.
//!
//! - **Customers** (Chinese headers, as a CRM export writes them: 会员ID, 性别, 出生日期,
//!   省份, 城市, 会员等级, 注册时间, 手机号, 邮箱): every customer of the orders but 2 % (not
//!   in the export), plus 5 % who signed up and never bought; 58 % women, 40 % men, 2 %
//!   `保密`; ages mostly 18–48 around 31 and an eighth 45–65, a tenth without a birth date; the province of their
//!   orders and one of its main cities; a level by spend (top 5 % 钻石, next 15 % 金卡,
//!   next 30 % 银卡, else 普通); a signup up to a year before the first order; an 11-digit
//!   mobile number for all and an email for a third.
//! - **Events** (用户ID, 商品ID, 行为类型, 时间, 停留时长, 搜索词, 渠道): for 85 % of buyers,
//!   each order's products are viewed 1–3 times in the three days before it (dwell 5–180
//!   s), put in the cart (70 %) or favourited (10 %), sometimes searched for by their
//!   product noun first (30 %), then bought at the order's time; 2 % of the order count in
//!   visitors who browse and never buy. Rows are in time order.

use super::catalog::{CATEGORIES, REGIONS};
use super::random::{below, chance, stream, uniform};
use crate::dataset::time::{civil_from_days, days_from_civil};
use std::collections::BTreeMap;

/// The random streams of the two files (the orders use 1–6 and 100+).
const CUSTOMERS_FILE: u64 = 7;
const EVENTS_FILE: u64 = 8;
/// Visitors and sign-ups with no order get ids from here (orders' customers are 100000+).
const FIRST_EXTRA_ID: u64 = 900_000;

/// The main cities of each region of `catalog::REGIONS`, in its order.
const CITIES: [&[&str]; 41] = [
    &["Guangzhou", "Shenzhen", "Dongguan", "Foshan"],
    &["Hangzhou", "Ningbo", "Wenzhou"],
    &["Nanjing", "Suzhou", "Wuxi"],
    &["Shanghai"],
    &["Beijing"],
    &["Jinan", "Qingdao", "Yantai"],
    &["Chengdu", "Mianyang"],
    &["Fuzhou", "Xiamen", "Quanzhou"],
    &["Zhengzhou", "Luoyang"],
    &["Wuhan", "Yichang"],
    &["Changsha", "Zhuzhou"],
    &["Hefei", "Wuhu"],
    &["Shijiazhuang", "Tangshan"],
    &["Xi'an", "Baoji"],
    &["Chongqing"],
    &["Tianjin"],
    &["Shenyang", "Dalian"],
    &["Nanchang", "Ganzhou"],
    &["Kunming", "Dali"],
    &["Nanning", "Guilin"],
    &["Harbin", "Daqing"],
    &["Changchun", "Jilin"],
    &["Taiyuan", "Datong"],
    &["Guiyang", "Zunyi"],
    &["Haikou", "Sanya"],
    &["Hohhot", "Baotou"],
    &["Urumqi"],
    &["Lanzhou"],
    &["Yinchuan"],
    &["Xining"],
    &["Lhasa"],
    &["Singapore"],
    &["Kuala Lumpur", "Penang"],
    &["New York", "Los Angeles", "San Francisco"],
    &["Tokyo", "Osaka"],
    &["Seoul", "Busan"],
    &["Sydney", "Melbourne"],
    &["Toronto", "Vancouver"],
    &["London", "Manchester"],
    &["Berlin", "Munich"],
    &["Bangkok"],
];

/// What the orders say of one customer.
#[derive(Default)]
struct Buyer {
    first_second: i64,
    spend_cents: i64,
    region: String,
}

/// One order line as the events need it.
struct Bought {
    customer: u64,
    second: i64,
    product: String,
    category: usize,
    channel: String,
}

/// Seconds since 1970 of `YYYY-MM-DD HH:MM:SS`.
fn seconds(text: &str) -> Option<i64> {
    let n = |r: std::ops::Range<usize>| text.get(r)?.parse::<u32>().ok();
    let day = days_from_civil(n(0..4)? as i32, n(5..7)?, n(8..10)?);
    Some(day * 86_400 + i64::from(n(11..13)? * 3600 + n(14..16)? * 60 + n(17..19)?))
}

/// `YYYY-MM-DD HH:MM:SS` of seconds since 1970.
fn timestamp(s: i64) -> String {
    let (y, m, d) = civil_from_days(s.div_euclid(86_400));
    let t = s.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        t / 3600,
        t / 60 % 60,
        t % 60
    )
}

fn day_text(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The orders' buyers (by id, ascending) and purchase lines.
fn read_orders(orders: &[u8]) -> (BTreeMap<u64, Buyer>, Vec<Bought>) {
    let mut buyers: BTreeMap<u64, Buyer> = BTreeMap::new();
    let mut lines = Vec::new();
    let mut reader = csv::Reader::from_reader(orders);
    for record in reader.records().flatten() {
        let (Some(customer), Some(second)) = (record[1].parse::<u64>().ok(), seconds(&record[2]))
        else {
            continue;
        };
        let quantity: i64 = record[6].parse().unwrap_or(0);
        let cents = (record[7].parse::<f64>().unwrap_or(0.0) * 100.0).round() as i64 * quantity;
        let b = buyers.entry(customer).or_insert_with(|| Buyer {
            first_second: second,
            region: record[9].to_string(),
            ..Buyer::default()
        });
        b.first_second = b.first_second.min(second);
        b.spend_cents += cents;
        if quantity > 0 {
            let category = CATEGORIES
                .iter()
                .position(|c| c.en == &record[5])
                .unwrap_or(0);
            lines.push(Bought {
                customer,
                second,
                product: record[3].to_string(),
                category,
                channel: record[8].to_string(),
            });
        }
    }
    (buyers, lines)
}

/// An 11-digit mainland mobile number.
fn mobile<R: rand::Rng>(rng: &mut R) -> String {
    const PREFIXES: [&str; 12] = [
        "130", "131", "135", "136", "138", "139", "150", "158", "177", "182", "186", "199",
    ];
    format!(
        "{}{:08}",
        PREFIXES[below(rng, 12) as usize],
        below(rng, 100_000_000)
    )
}

/// The customer list of the sample shop whose orders are `orders` (CSV bytes).
pub(super) fn customers_csv(orders: &[u8], seed: u64) -> Vec<u8> {
    let (buyers, _) = read_orders(orders);
    let mut rng = stream(seed, CUSTOMERS_FILE);
    // spend rank → level
    let mut by_spend: Vec<(i64, u64)> =
        buyers.iter().map(|(id, b)| (-b.spend_cents, *id)).collect();
    by_spend.sort_unstable();
    let n = by_spend.len().max(1);
    let level_of: BTreeMap<u64, &str> = by_spend
        .iter()
        .enumerate()
        .map(|(rank, (_, id))| {
            let share = rank as f64 / n as f64;
            let level = match share {
                s if s < 0.05 => "钻石",
                s if s < 0.20 => "金卡",
                s if s < 0.50 => "银卡",
                _ => "普通",
            };
            (*id, level)
        })
        .collect();
    let last_first = buyers.values().map(|b| b.first_second).max().unwrap_or(0);
    let mut people: Vec<(u64, Option<&Buyer>)> =
        buyers.iter().map(|(id, b)| (*id, Some(b))).collect();
    let extra = buyers.len() / 20;
    people.extend((0..extra as u64).map(|k| (FIRST_EXTRA_ID + k, None)));
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let _ = w.write_record([
        "会员ID",
        "性别",
        "出生日期",
        "省份",
        "城市",
        "会员等级",
        "注册时间",
        "手机号",
        "邮箱",
    ]);
    for (id, buyer) in people {
        if buyer.is_some() && chance(&mut rng, 0.02) {
            continue;
        }
        let gender = match uniform(&mut rng) {
            u if u < 0.58 => "女",
            u if u < 0.98 => "男",
            _ => "保密",
        };
        // most 18-48 around 31 (the root of a product of uniforms leans low), an eighth 45-65
        let age = if chance(&mut rng, 0.125) {
            45.0 + 20.0 * uniform(&mut rng)
        } else {
            18.0 + 30.0 * (uniform(&mut rng) * uniform(&mut rng)).sqrt()
        };
        let first = buyer.map_or(last_first - i64::from(below(&mut rng, 400)) * 86_400, |b| {
            b.first_second
        });
        let birth_day =
            first.div_euclid(86_400) - (age * 365.25) as i64 - i64::from(below(&mut rng, 365));
        let birth = if chance(&mut rng, 0.1) {
            String::new()
        } else {
            day_text(birth_day)
        };
        let region = match buyer {
            Some(b) => b.region.clone(),
            None => REGIONS[below(&mut rng, 31) as usize].0.to_string(),
        };
        let cities = REGIONS
            .iter()
            .position(|(r, _)| *r == region)
            .map_or(&[][..], |i| CITIES[i]);
        let city = cities
            .get(below(&mut rng, cities.len() as u32) as usize)
            .copied()
            .unwrap_or("");
        let level = level_of.get(&id).copied().unwrap_or("普通");
        let signup = if chance(&mut rng, 0.2) {
            first
        } else {
            first - i64::from(below(&mut rng, 365 * 86_400))
        };
        let phone = mobile(&mut rng);
        let email = if chance(&mut rng, 0.33) {
            const DOMAINS: [&str; 4] = ["qq.com", "163.com", "126.com", "gmail.com"];
            format!("user{id}@{}", DOMAINS[below(&mut rng, 4) as usize])
        } else {
            String::new()
        };
        let _ = w.write_record([
            id.to_string(),
            gender.to_string(),
            birth,
            region,
            city.to_string(),
            level.to_string(),
            timestamp(signup),
            phone,
            email,
        ]);
    }
    w.into_inner().unwrap_or_default()
}

/// One event row before sorting.
struct Event {
    second: i64,
    customer: u64,
    product: String,
    kind: &'static str,
    dwell: Option<u32>,
    query: &'static str,
    channel: String,
}

/// The events log of the sample shop whose orders are `orders` (CSV bytes).
pub(super) fn events_csv(orders: &[u8], seed: u64) -> Vec<u8> {
    let (buyers, lines) = read_orders(orders);
    let mut rng = stream(seed, EVENTS_FILE);
    let tracked: BTreeMap<u64, bool> = buyers
        .keys()
        .map(|&id| (id, chance(&mut rng, 0.85)))
        .collect();
    let mut events = Vec::with_capacity(lines.len() * 3);
    for line in &lines {
        if !tracked.get(&line.customer).copied().unwrap_or(false) {
            continue;
        }
        let nouns = CATEGORIES[line.category].nouns;
        let noun = nouns[below(&mut rng, nouns.len() as u32) as usize].0;
        let mut at = line.second - i64::from(below(&mut rng, 3 * 86_400));
        let mut push = |rng: &mut rand_chacha::ChaCha8Rng, kind, at: i64, dwell: bool, query| {
            events.push(Event {
                second: at,
                customer: line.customer,
                product: if kind == "搜索" {
                    String::new()
                } else {
                    line.product.clone()
                },
                kind,
                dwell: dwell.then(|| 5 + below(rng, 176)),
                query,
                channel: line.channel.clone(),
            });
        };
        if chance(&mut rng, 0.3) {
            push(&mut rng, "搜索", at, false, noun);
            at += 20;
        }
        for _ in 0..1 + below(&mut rng, 3) {
            push(&mut rng, "浏览", at, true, "");
            at += i64::from(30 + below(&mut rng, 3_600));
        }
        let before = (at.min(line.second - 60)).max(line.second - 3 * 86_400);
        match uniform(&mut rng) {
            u if u < 0.7 => push(&mut rng, "加购", before, false, ""),
            u if u < 0.8 => push(&mut rng, "收藏", before, false, ""),
            _ => {}
        }
        push(&mut rng, "购买", line.second, false, "");
    }
    // visitors who browse and never buy
    let span = lines
        .iter()
        .map(|l| l.second)
        .fold((i64::MAX, i64::MIN), |(a, b), s| (a.min(s), b.max(s)));
    let visitors = (lines.len() / 50) as u64;
    for k in 0..visitors {
        let Some(line) = lines.get(below(&mut rng, lines.len() as u32) as usize) else {
            break;
        };
        let second = span.0 + (uniform(&mut rng) * (span.1 - span.0) as f64) as i64;
        events.push(Event {
            second,
            customer: FIRST_EXTRA_ID + 50_000 + k,
            product: line.product.clone(),
            kind: "浏览",
            dwell: Some(5 + below(&mut rng, 60)),
            query: "",
            channel: "web".to_string(),
        });
    }
    events.sort_by(|a, b| a.second.cmp(&b.second).then(a.customer.cmp(&b.customer)));
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::with_capacity(events.len() * 56));
    let _ = w.write_record([
        "用户ID",
        "商品ID",
        "行为类型",
        "时间",
        "停留时长",
        "搜索词",
        "渠道",
    ]);
    for e in events {
        let _ = w.write_record([
            e.customer.to_string(),
            e.product,
            e.kind.to_string(),
            timestamp(e.second),
            e.dwell.map_or_else(String::new, |d| d.to_string()),
            e.query.to_string(),
            e.channel,
        ]);
    }
    w.into_inner().unwrap_or_default()
}
