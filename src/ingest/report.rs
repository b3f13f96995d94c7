//! The data-quality report: what was read, what was used, and every reason a row was not.
//! Field names are the JS API and the CLI's JSON (renaming one is a breaking change).

use super::platforms::PlatformMatch;
use super::status::LeftOutReason;
use super::tally::Tally;
use super::values::DateFormat;
use crate::dataset::DimensionColumn;
use crate::message::Message;
use serde::{Deserialize, Serialize};

/// Why a row was not used. Each has a stable code (`snake_case` in JSON).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// The row has a different number of fields than the header.
    WrongFieldCount,
    /// The order id cell is empty.
    MissingOrderId,
    /// The order date cell is empty.
    MissingDate,
    /// The order date could not be read as a date.
    InvalidDate,
    /// The quantity is empty or not a number.
    InvalidQuantity,
    /// The unit price / line amount is empty or not a number.
    InvalidPrice,
    /// The row is not valid UTF-8 text after decoding, or not a JSON object.
    Malformed,
    /// A cell holds a NUL byte (a stray one in a text file).
    NulByte,
    /// A customers, events or products row whose id cell (customer or product) is empty.
    MissingId,
    /// An events row whose event type cell is empty.
    MissingEventType,
    /// An events row whose time is empty or not a date.
    InvalidEventTime,
}

impl RejectReason {
    /// Every reason, in report order.
    pub const ALL: [RejectReason; 11] = [
        RejectReason::WrongFieldCount,
        RejectReason::MissingOrderId,
        RejectReason::MissingDate,
        RejectReason::InvalidDate,
        RejectReason::InvalidQuantity,
        RejectReason::InvalidPrice,
        RejectReason::Malformed,
        RejectReason::NulByte,
        RejectReason::MissingId,
        RejectReason::MissingEventType,
        RejectReason::InvalidEventTime,
    ];

    /// The message code of the reason (`reason.invalid_date`; its wording is in
    /// `message::CATALOGUE` and the page's tables).
    pub fn code(self) -> &'static str {
        match self {
            RejectReason::WrongFieldCount => "reason.wrong_field_count",
            RejectReason::MissingOrderId => "reason.missing_order_id",
            RejectReason::MissingDate => "reason.missing_date",
            RejectReason::InvalidDate => "reason.invalid_date",
            RejectReason::InvalidQuantity => "reason.invalid_quantity",
            RejectReason::InvalidPrice => "reason.invalid_price",
            RejectReason::Malformed => "reason.malformed",
            RejectReason::NulByte => "reason.nul_byte",
            RejectReason::MissingId => "reason.missing_id",
            RejectReason::MissingEventType => "reason.missing_event_type",
            RejectReason::InvalidEventTime => "reason.invalid_event_time",
        }
    }

    /// The English wording (the CLI's; the page words the reason by its code).
    pub fn describe(self) -> String {
        crate::message::english(&Message::new(self.code()))
    }
}

/// How many fields a ragged row has against the header (the detail of `wrong_field_count`,
/// worded by the code `detail.field_count`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct FieldCount {
    /// Fields in the header.
    pub expected: u64,
    /// Fields in the row.
    pub found: u64,
}

impl FieldCount {
    /// As a message (`detail.field_count`).
    pub fn message(&self) -> Message {
        Message::new("detail.field_count")
            .with("expected", self.expected)
            .with("found", self.found)
    }
}

/// Where one rejected row was, and the offending value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Rejection {
    /// File name.
    pub file: String,
    /// 1-based line number in the file (XLSX: the sheet row; JSON lines: the line).
    pub line: u64,
    /// Header of the offending column (empty when the whole row is at fault).
    pub column: String,
    /// The offending value, cut to 80 characters.
    pub value: String,
    /// For `wrong_field_count`: the field counts of header and row; else none.
    pub detail: Option<FieldCount>,
}

/// All rows rejected for one reason: the count and the first five examples.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct RejectionGroup {
    /// Reason code (worded by the message code `RejectReason::code`).
    pub reason: RejectReason,
    /// Rows rejected for this reason.
    pub count: u64,
    /// The first five, in input order.
    pub examples: Vec<Rejection>,
}

/// One value that caused lines to be left out (a status, a currency), with their total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct LeftOutValue {
    /// The cell as written (`交易关闭`, `voided`, `SGD`).
    pub value: String,
    /// Lines with it.
    pub lines: u64,
    /// Σ their value in minor units (of their own currency).
    pub value_cents: i64,
}

/// Every line left out for one reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct LeftOutGroup {
    /// Why (worded by `LeftOutReason::code`).
    pub reason: LeftOutReason,
    /// Lines left out.
    pub lines: u64,
    /// Distinct orders among them.
    pub orders: u64,
    /// Σ their value in minor units.
    pub value_cents: i64,
    /// Per value that caused it, most lines first (ties: first seen).
    pub values: Vec<LeftOutValue>,
    /// The first five lines, in input order.
    pub examples: Vec<Rejection>,
}

/// Per-file facts shown in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct FileReport {
    /// File name.
    pub file: String,
    /// Format ("csv", "tsv", "xlsx", "json", "jsonl", maybe "+gzip").
    pub format: String,
    /// Detected encoding.
    pub encoding: String,
    /// Data rows read (header excluded).
    pub rows_read: u64,
    /// Rows kept after rejection and de-duplication.
    pub rows_used: u64,
    /// How dates were written (none when no row had a date).
    pub date_format: Option<DateFormat>,
    /// Decisions the user should know about (`note.no_quantity`, …).
    #[serde(default)]
    pub notes: Vec<Message>,
    /// The platform export it was read as, with its rules.
    pub platform: Option<PlatformMatch>,
    /// Rows left out on purpose (a status that is not a sale).
    pub rows_left_out: u64,
}

/// The currency the amounts are most likely in, and why we think so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CurrencyGuess {
    /// ISO 4217 code ("CNY", "GBP", "USD", "EUR", …), or "" when unknown.
    pub code: String,
    /// Symbol to show ("¥", "£", "$", "€"), or "" when unknown.
    pub symbol: String,
    /// Why: `currency.written` (a symbol in money cells), `currency.region` (the country
    /// column), `currency.chinese_headers`, `currency.chinese_values` or `currency.unknown`.
    pub basis: Message,
}

/// Totals over the rows as read (every parsed row, before duplicates are removed).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ReadTotals {
    /// Parsed rows (= rows read − rows rejected).
    pub lines: u64,
    /// Σ line value (quantity × unit price, or line amount) in minor units.
    pub value_cents: i64,
    /// Lines with a negative quantity or a cancelled order id.
    pub return_lines: u64,
    /// Lines whose order id marks a cancellation (Online Retail's `C` prefix).
    pub cancelled_order_lines: u64,
    /// Distinct order ids.
    pub orders: u64,
    /// Distinct customer ids.
    pub customers: u64,
}

/// The data-quality report of one ingest run (all files together).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct QualityReport {
    /// Per file.
    pub files: Vec<FileReport>,
    /// Data rows read over all files.
    pub rows_read: u64,
    /// Rows used by the analyses (after rejections and duplicate removal).
    pub rows_used: u64,
    /// Rows rejected (sum of `rejected[].count`).
    pub rows_rejected: u64,
    /// Rejections by reason, in `RejectReason::ALL` order, only reasons that occurred.
    pub rejected: Vec<RejectionGroup>,
    /// Exact duplicate rows removed (every cell equal to an earlier row of the same file).
    pub duplicates_removed: u64,
    /// Totals of the parsed rows before duplicate removal.
    pub read: ReadTotals,
    /// Rows left out on purpose (sum of `left_out[].lines`).
    pub rows_left_out: u64,
    /// Rows left out on purpose, by reason: cancelled, closed, unpaid, voided and failed
    /// orders; lines in a second currency with no rate.
    pub left_out: Vec<LeftOutGroup>,
    /// Used lines that are returns or cancellations (the return lines added for refunds
    /// among them).
    pub return_lines: u64,
    /// Refunds found on purchase lines, each added as a return line.
    pub refunds: Refunds,
    /// Used lines with no customer id (in shop totals, not in customer analytics).
    pub missing_customer_lines: u64,
    /// Earliest order time used, ISO `YYYY-MM-DDThh:mm:ss`.
    pub date_min: Option<String>,
    /// Latest order time used.
    pub date_max: Option<String>,
    /// Currency guess.
    pub currency: CurrencyGuess,
    /// When the lines are in more than one currency: each, with its lines and value, and
    /// whether it was used (the main one, or converted at the user's rate).
    pub currencies: Vec<CurrencyLines>,
    /// The files of the customers, events and products tables (the fields above are the
    /// orders').
    #[serde(default)]
    pub tables: Vec<TableFileReport>,
    /// How the tables join: the ids of each that the others lack.
    #[serde(default)]
    pub join: crate::ingest::side::join::JoinReport,
}

/// Refunds of purchase lines (a refunded status, or a refund amount).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Refunds {
    /// Return lines added for them.
    pub lines: u64,
    /// Their value in minor units (≤ 0).
    pub value_cents: i64,
    /// Lines whose status says partly refunded but whose file gives no refund amount.
    pub partly_refunded_unknown: u64,
}

/// The lines of one currency in a file set that has several.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CurrencyLines {
    /// ISO code.
    pub code: String,
    /// Lines in it.
    pub lines: u64,
    /// Σ their value in minor units of this currency.
    pub value_cents: i64,
    /// The main currency: the one with most lines, in which every figure is shown.
    pub main: bool,
    /// The user's rate to the main currency (1 of this = `rate` of the main), when given:
    /// the lines were converted and used; without one they were left out.
    pub rate: Option<f64>,
}

/// Cuts `s` to at most `max` characters (the last one becomes `…` when cut).
pub(crate) fn cut_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some(_) => {
            let end = s.char_indices().nth(max - 1).map_or(s.len(), |(i, _)| i);
            format!("{}…", &s[..end])
        }
    }
}

/// Rejections of one file, or of a whole run: counts per reason and the first five
/// examples per reason, kept in line order even when a rejection is found late (dates
/// whose day/month order is decided at the end of the file).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Rejections {
    counts: [u64; RejectReason::ALL.len()],
    examples: [Vec<Rejection>; RejectReason::ALL.len()],
    /// Every rejected row, up to `ROWS_KEPT` (the downloadable list, `RejectedRow`).
    rows: Vec<RejectedRow>,
}

/// Rejected rows kept for the download, over all files (the counts cover every row).
pub const ROWS_KEPT: usize = 100_000;

/// One rejected row, for the downloadable list of every rejection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RejectedRow {
    /// Why.
    pub reason: RejectReason,
    /// Where, and the offending value.
    pub at: Rejection,
}

impl Default for Rejections {
    fn default() -> Self {
        Rejections {
            counts: [0; RejectReason::ALL.len()],
            examples: Default::default(),
            rows: Vec::new(),
        }
    }
}

impl Rejections {
    /// Counts one rejected row; `example` builds its description only when it will be kept.
    pub fn add(&mut self, reason: RejectReason, line: u64, example: impl FnOnce() -> Rejection) {
        let r = reason as usize;
        self.counts[r] += 1;
        let kept = self.rows.len() < ROWS_KEPT;
        let examples = &mut self.examples[r];
        let as_example = examples.len() < 5 || examples.last().is_some_and(|e| e.line > line);
        if !(kept || as_example) {
            return;
        }
        let e = example();
        if kept {
            self.rows.push(RejectedRow {
                reason,
                at: e.clone(),
            });
        }
        if as_example {
            let at = examples.partition_point(|x| x.line <= line);
            examples.insert(at, e);
            examples.truncate(5);
        }
    }

    /// Rows rejected for `reason`.
    pub fn count(&self, reason: RejectReason) -> u64 {
        self.counts[reason as usize]
    }

    /// Rows rejected for any reason.
    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// The reason with most rows (the first in report order on a tie) and its first example.
    pub fn top(&self) -> Option<(RejectReason, u64, Option<&Rejection>)> {
        let mut best: Option<(RejectReason, u64)> = None;
        for reason in RejectReason::ALL {
            let n = self.count(reason);
            if n > 0 && best.is_none_or(|(_, m)| n > m) {
                best = Some((reason, n));
            }
        }
        best.map(|(reason, n)| (reason, n, self.examples[reason as usize].first()))
    }

    /// Adds the rejections of a later file (its examples come after this one's).
    pub fn extend(&mut self, later: Rejections) {
        let room = ROWS_KEPT.saturating_sub(self.rows.len());
        self.rows.extend(later.rows.into_iter().take(room));
        for (r, examples) in later.examples.into_iter().enumerate() {
            self.counts[r] += later.counts[r];
            let mine = &mut self.examples[r];
            mine.extend(examples);
            mine.truncate(5);
        }
    }

    /// Moves every example `by` lines down (the tail half of a split file counts its lines
    /// from its own start).
    pub fn offset_lines(&mut self, by: u64) {
        for e in self.examples.iter_mut().flatten() {
            e.line += by;
        }
        for r in &mut self.rows {
            r.at.line += by;
        }
    }

    /// Puts one file's kept rows in line order (late rejections — dates decided at the end
    /// of the file — are found after the rows below them).
    pub fn sort_rows(&mut self) {
        self.rows.sort_by_key(|r| r.at.line);
    }

    /// The groups of the report, in `RejectReason::ALL` order, only reasons that occurred.
    #[cfg(test)]
    pub fn into_groups(self) -> Vec<RejectionGroup> {
        self.into_parts().0
    }

    /// The groups of the report and every kept row.
    pub fn into_parts(self) -> (Vec<RejectionGroup>, Vec<RejectedRow>) {
        let rows = self.rows;
        let groups = Rejections {
            rows: Vec::new(),
            ..self
        }
        .groups();
        (groups, rows)
    }

    fn groups(self) -> Vec<RejectionGroup> {
        let mut examples = self.examples;
        RejectReason::ALL
            .iter()
            .filter(|r| self.counts[**r as usize] > 0)
            .map(|&reason| RejectionGroup {
                reason,
                count: self.counts[reason as usize],
                examples: std::mem::take(&mut examples[reason as usize]),
            })
            .collect()
    }
}

/// Where a currency is spent: ISO code and the symbol to show.
pub(crate) fn currency_symbol(code: &str) -> &'static str {
    match code {
        "CNY" | "JPY" => "¥",
        "GBP" => "£",
        "USD" => "$",
        "EUR" => "€",
        "HKD" => "HK$",
        "MYR" => "RM",
        "SGD" => "S$",
        "PHP" => "₱",
        "THB" => "฿",
        "VND" => "₫",
        "IDR" => "Rp",
        "INR" => "₹",
        _ => "",
    }
}

/// The currency of a country, region or Chinese province name, when it is one we know, and
/// the message code of the area it stands for (`region.china`, …).
pub(crate) fn currency_of_region(name: &str) -> Option<(&'static str, &'static str)> {
    const PROVINCES: [&str; 62] = [
        "北京",
        "天津",
        "上海",
        "重庆",
        "河北",
        "山西",
        "辽宁",
        "吉林",
        "黑龙江",
        "江苏",
        "浙江",
        "安徽",
        "福建",
        "江西",
        "山东",
        "河南",
        "湖北",
        "湖南",
        "广东",
        "海南",
        "四川",
        "贵州",
        "云南",
        "陕西",
        "甘肃",
        "青海",
        "内蒙古",
        "广西",
        "西藏",
        "宁夏",
        "新疆",
        "beijing",
        "tianjin",
        "shanghai",
        "chongqing",
        "hebei",
        "shanxi",
        "liaoning",
        "jilin",
        "heilongjiang",
        "jiangsu",
        "zhejiang",
        "anhui",
        "fujian",
        "jiangxi",
        "shandong",
        "henan",
        "hubei",
        "hunan",
        "guangdong",
        "hainan",
        "sichuan",
        "guizhou",
        "yunnan",
        "shaanxi",
        "gansu",
        "qinghai",
        "inner mongolia",
        "guangxi",
        "tibet",
        "ningxia",
        "xinjiang",
    ];
    const EURO: [&str; 20] = [
        "germany",
        "france",
        "spain",
        "italy",
        "netherlands",
        "belgium",
        "portugal",
        "ireland",
        "eire",
        "austria",
        "finland",
        "greece",
        "luxembourg",
        "slovakia",
        "slovenia",
        "estonia",
        "latvia",
        "lithuania",
        "malta",
        "cyprus",
    ];
    let n = name.trim().to_lowercase();
    if n.is_empty() {
        return None;
    }
    if matches!(
        n.as_str(),
        "china" | "中国" | "prc" | "mainland china" | "中国大陆"
    ) || PROVINCES.iter().any(|p| n.starts_with(p))
    {
        return Some(("CNY", "region.china"));
    }
    match n.as_str() {
        "united kingdom" | "uk" | "great britain" | "england" | "scotland" | "wales"
        | "northern ireland" | "channel islands" | "英国" => Some(("GBP", "region.uk")),
        "united states" | "usa" | "us" | "united states of america" | "美国" => {
            Some(("USD", "region.us"))
        }
        "european community" => Some(("EUR", "region.euro")),
        "malaysia" | "马来西亚" => Some(("MYR", "region.malaysia")),
        "singapore" | "新加坡" => Some(("SGD", "region.singapore")),
        "philippines" | "菲律宾" => Some(("PHP", "region.philippines")),
        "thailand" | "泰国" => Some(("THB", "region.thailand")),
        "vietnam" | "viet nam" | "越南" => Some(("VND", "region.vietnam")),
        "indonesia" | "印度尼西亚" | "印尼" => Some(("IDR", "region.indonesia")),
        _ if EURO.contains(&n.as_str()) => Some(("EUR", "region.euro")),
        _ => None,
    }
}

/// Guesses the currency: from symbols and codes in money cells; else from the region column
/// (the currency of most lines, if it covers at least half of the lines with a region);
/// else Chinese headers mean CNY; else unknown.
pub(crate) fn guess_currency(
    marks: &Tally<&'static str>,
    region: Option<(&str, &DimensionColumn)>,
    chinese: Option<&'static str>,
) -> CurrencyGuess {
    let guess = |code: &str, basis: Message| CurrencyGuess {
        code: code.to_string(),
        symbol: currency_symbol(code).to_string(),
        basis,
    };
    if let Some(&(code, n)) = marks
        .iter()
        .max_by_key(|(code, n)| (*n, std::cmp::Reverse(*code)))
    {
        let symbol = currency_symbol(code);
        let shown = if symbol.is_empty() { code } else { symbol };
        let basis = Message::new("currency.written")
            .with("symbol", shown)
            .with("count", n);
        return guess(code, basis);
    }
    if let Some((header, col)) = region {
        let mut per_value = vec![0u64; col.values.len()];
        let mut with_region = 0u64;
        for &v in &col.per_line {
            if let Some(slot) = per_value.get_mut(v as usize) {
                *slot += 1;
                with_region += 1;
            }
        }
        // the area is the currency's, so (code, area) counts per currency
        let mut per_currency = Tally::default();
        for (i, name) in col.values.names().enumerate() {
            if let Some(currency) = currency_of_region(name) {
                per_currency.add(currency, per_value[i]);
            }
        }
        let mut top: Option<((&str, &str), u64)> = None;
        for &entry in per_currency.iter() {
            if top.is_none_or(|t| entry.1 > t.1) {
                top = Some(entry);
            }
        }
        if let Some(((code, area), n)) = top {
            if n * 2 >= with_region && n > 0 {
                let pct = (n as f64 * 100.0 / with_region as f64).round();
                let basis = Message::new("currency.region")
                    .with("header", header)
                    .with("percent", pct as i64)
                    .with("area", area);
                return guess(code, basis);
            }
        }
    }
    if let Some(basis) = chinese {
        return guess("CNY", Message::new(basis));
    }
    CurrencyGuess {
        code: String::new(),
        symbol: String::new(),
        basis: Message::new("currency.unknown"),
    }
}

/// What the quality report says of one file of a side table. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct TableFileReport {
    /// File name.
    pub file: String,
    /// The table it was read as.
    pub table: crate::ingest::schema::TableKind,
    /// Data rows read (header excluded).
    pub rows_read: u64,
    /// Rows kept.
    pub rows_used: u64,
    /// Rows rejected, with their reasons and first examples (file, line, column).
    pub rows_rejected: u64,
    /// The rejections, by reason.
    pub rejected: Vec<RejectionGroup>,
    /// Rows that repeat an earlier row exactly.
    pub duplicates_removed: u64,
    /// Events whose type is none of view, cart, favourite, search, purchase (kept, as
    /// "other").
    pub other_events: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rejection(line: u64) -> Rejection {
        Rejection {
            file: "f".into(),
            line,
            column: "c".into(),
            value: String::new(),
            detail: None,
        }
    }

    #[test]
    fn rejection_examples_keep_the_first_five_in_line_order() {
        let mut r = Rejections::default();
        for line in [10, 11, 12, 13, 14, 15, 3] {
            r.add(RejectReason::InvalidDate, line, || rejection(line));
        }
        let groups = r.into_groups();
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].count, 7);
        let lines: Vec<u64> = groups[0].examples.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 10, 11, 12, 13]);
    }

    #[test]
    fn the_top_reason_is_the_most_frequent() {
        let mut r = Rejections::default();
        r.add(RejectReason::MissingDate, 2, || rejection(2));
        r.add(RejectReason::InvalidPrice, 3, || rejection(3));
        r.add(RejectReason::InvalidPrice, 4, || rejection(4));
        let (reason, n, first) = r.top().expect("some");
        assert_eq!(
            (reason, n, first.map(|e| e.line)),
            (RejectReason::InvalidPrice, 2, Some(3))
        );
        assert_eq!(r.total(), 3);
    }

    #[test]
    fn values_are_cut_to_eighty_characters() {
        let long = "é".repeat(100);
        let cut = cut_chars(&long, 80);
        assert_eq!(cut.chars().count(), 80);
        assert!(cut.ends_with('…'));
        assert_eq!(cut_chars("short", 80), "short");
    }

    #[test]
    fn currency_comes_from_symbols_then_country_then_headers() {
        let mut marks = Tally::default();
        marks.add("CNY", 3);
        marks.add("USD", 1);
        let g = guess_currency(&marks, None, None);
        assert_eq!((g.code.as_str(), g.symbol.as_str()), ("CNY", "¥"));
        let mut col = DimensionColumn::default();
        for v in ["United Kingdom", "United Kingdom", "France", "EIRE"] {
            let i = col.values.intern(v);
            col.per_line.push(i);
        }
        let g = guess_currency(&Tally::default(), Some(("Country", &col)), None);
        assert_eq!(g.code, "GBP");
        assert_eq!(
            g.basis.to_string(),
            "Country column: 50% of lines in United Kingdom"
        );
        let g = guess_currency(&Tally::default(), None, Some("currency.chinese_headers"));
        assert_eq!(g.code, "CNY");
        assert_eq!(guess_currency(&Tally::default(), None, None).code, "");
    }

    #[test]
    fn provinces_and_countries_have_currencies() {
        assert_eq!(currency_of_region("广东省"), Some(("CNY", "region.china")));
        assert_eq!(currency_of_region("Guangdong").map(|c| c.0), Some("CNY"));
        assert_eq!(currency_of_region("EIRE").map(|c| c.0), Some("EUR"));
        assert_eq!(
            currency_of_region("United States").map(|c| c.0),
            Some("USD")
        );
        assert_eq!(currency_of_region("Japan"), None);
    }
}
