//! Cell values: dates, quantities and money, as real exports write them.
//!
//! Everything here is a pure function of one cell (plus, for year-last dates, a decision
//! taken over the whole column), allocation-free on the common path: a million rows go
//! through these functions in the ingest hot loop.
//!
//! **Dates** become seconds since 1970-01-01 00:00 of the shop's *wall clock*: a zone suffix
//! (`Z`, `+08:00`) is dropped, not applied, because order exports state local shop time and
//! every analysis (hour of day, weekday, recency in days) wants that clock.
//!
//! **Money** becomes integer minor units, `round(100 · value)` computed on the decimal digits
//! as written (never through `f64`), rounding half away from zero, so sums are exact and two
//! implementations reading the same file agree to the cent.

use crate::dataset::time::{civil_from_days, days_from_civil};
use serde::{Deserialize, Serialize};

/// Whether `3/4/2024` is the 3rd of April (day first) or March 4th (month first).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// `D/M/YYYY` (Europe, most of Asia).
    DayFirst,
    /// `M/D/YYYY` (United States).
    MonthFirst,
}

/// How the date part of a value is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DateStyle {
    /// `YYYY-MM-DD` with the given separator (`-`, `/` or `.`).
    YearFirst(u8),
    /// `D/M/YYYY` or `M/D/YYYY` with the given separator; the order is decided per column.
    YearLast(u8),
    /// `2024年3月5日`.
    Chinese,
    /// A month name: `Nov-04-17` (eBay), `04 Jul 2022` (Lazada), `Jul 4, 2022`.
    MonthName,
    /// `20240305`.
    Compact,
    /// Unix seconds (9–10 digits).
    UnixSeconds,
    /// Unix milliseconds (12–13 digits).
    UnixMillis,
    /// An Excel serial day number (XLSX cells only).
    ExcelSerial,
    /// A typed date cell of a workbook.
    ExcelCell,
}

/// How the time part of a value is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimeStyle {
    /// No time: midnight.
    None,
    /// `hh:mm`.
    Minutes,
    /// `hh:mm:ss` (fractions of a second are dropped).
    Seconds,
}

/// The written form of a date value, for the report's `date_format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateShape {
    /// Date part.
    pub date: DateStyle,
    /// Time part.
    pub time: TimeStyle,
    /// A zone suffix was present (and dropped).
    pub zone: bool,
}

impl DateShape {
    /// How the column was written, for the report (`order`: the day/month order used for
    /// year-last dates).
    pub fn format(&self, order: Option<DateOrder>) -> DateFormat {
        let named = |code: &str| DateFormat {
            written: code.to_string(),
            order: None,
            zone_dropped: false,
        };
        let date = match self.date {
            DateStyle::YearFirst(sep) => format!("YYYY{0}MM{0}DD", sep as char),
            DateStyle::YearLast(sep) => match order {
                Some(DateOrder::MonthFirst) => format!("M{0}D{0}YYYY", sep as char),
                _ => format!("D{0}M{0}YYYY", sep as char),
            },
            DateStyle::Chinese => "YYYY年M月D日".to_string(),
            DateStyle::MonthName => "MMM D YYYY".to_string(),
            DateStyle::Compact => "YYYYMMDD".to_string(),
            DateStyle::UnixSeconds => return named("date.unix_seconds"),
            DateStyle::UnixMillis => return named("date.unix_millis"),
            DateStyle::ExcelSerial => return named("date.excel_serial"),
            DateStyle::ExcelCell => return named("date.excel_cells"),
        };
        let time = match self.time {
            TimeStyle::None => "",
            TimeStyle::Minutes => " hh:mm",
            TimeStyle::Seconds => " hh:mm:ss",
        };
        DateFormat {
            written: format!("{date}{time}"),
            order: match self.date {
                DateStyle::YearLast(_) => order,
                _ => None,
            },
            zone_dropped: self.zone,
        }
    }
}

/// How a date column was written, as the report states it. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct DateFormat {
    /// A pattern such as `YYYY-MM-DD hh:mm:ss` or `D/M/YYYY hh:mm` (notation, the same in
    /// every language), or the message code of a named form: `date.unix_seconds`,
    /// `date.unix_millis`, `date.excel_serial`, `date.excel_cells`.
    pub written: String,
    /// Year-last dates: the day/month order they were read in.
    pub order: Option<DateOrder>,
    /// A time zone suffix was present and dropped (the wall clock is kept).
    pub zone_dropped: bool,
}

impl DateFormat {
    /// The English description, e.g. `D/M/YYYY hh:mm (day first)` (the CLI's).
    pub fn english(&self) -> String {
        use crate::message::{english, Message};
        let mut out = if self.written.starts_with("date.") {
            english(&Message::new(&self.written))
        } else {
            self.written.clone()
        };
        match self.order {
            Some(DateOrder::DayFirst) => out.push_str(" (day first)"),
            Some(DateOrder::MonthFirst) => out.push_str(" (month first)"),
            None => {}
        }
        if self.zone_dropped {
            out.push_str(" (time zone dropped, wall clock kept)");
        }
        out
    }
}

/// A date as read from one cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue {
    /// Seconds since 1970-01-01 00:00 of the wall clock.
    Exact(i64),
    /// A year-last date `first/second/year` whose day/month order is decided over the
    /// whole column (`resolve_year_last`).
    YearLast {
        /// First number.
        first: u8,
        /// Second number.
        second: u8,
        /// Four-digit year.
        year: i32,
        /// Seconds since midnight.
        secs_of_day: u32,
    },
}

/// A parsed date cell: its value and how it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedDate {
    /// The value.
    pub value: DateValue,
    /// The written form.
    pub shape: DateShape,
}

/// `s` without surrounding whitespace: ASCII bytes first (the common case, cheap), then
/// Unicode whitespace such as U+3000 or a no-break space when the ends are not ASCII.
pub(crate) fn trim(s: &str) -> &str {
    let t = s.trim_ascii();
    match (t.as_bytes().first(), t.as_bytes().last()) {
        (Some(a), Some(b)) if !a.is_ascii() || !b.is_ascii() => t.trim(),
        _ => t,
    }
}

/// Earliest and latest year accepted in a date (placeholders like `0001-01-01` are invalid).
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// `YYYY-MM-DDThh:mm:ss` of a wall-clock timestamp.
pub fn format_timestamp(secs: i64) -> String {
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Seconds of the wall-clock date and time, or `None` when the date does not exist.
fn timestamp(y: i32, m: u32, d: u32, secs_of_day: u32) -> Option<i64> {
    if !YEARS.contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d) * 86_400 + i64::from(secs_of_day))
}

/// The timestamp of a year-last date under `order`, or `None` when that order gives no
/// valid date (e.g. month 13).
pub fn resolve_year_last(
    first: u8,
    second: u8,
    year: i32,
    secs_of_day: u32,
    order: DateOrder,
) -> Option<i64> {
    let (day, month) = match order {
        DateOrder::DayFirst => (first, second),
        DateOrder::MonthFirst => (second, first),
    };
    timestamp(year, u32::from(month), u32::from(day), secs_of_day)
}

/// A byte cursor over one cell.
struct Scan<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn done(&self) -> bool {
        self.i >= self.b.len()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn eat_str(&mut self, s: &str) -> bool {
        if self.b[self.i..].starts_with(s.as_bytes()) {
            self.i += s.len();
            true
        } else {
            false
        }
    }

    /// Between `min` and `max` ASCII digits: (value, count).
    fn digits(&mut self, min: usize, max: usize) -> Option<(u32, usize)> {
        let start = self.i;
        let mut v: u32 = 0;
        while self.i - start < max {
            match self.peek() {
                Some(c @ b'0'..=b'9') => {
                    v = v * 10 + u32::from(c - b'0');
                    self.i += 1;
                }
                _ => break,
            }
        }
        let n = self.i - start;
        (n >= min).then_some((v, n))
    }

    fn skip_spaces(&mut self) -> usize {
        let start = self.i;
        while self.peek() == Some(b' ') {
            self.i += 1;
        }
        self.i - start
    }
}

/// Parses `hh:mm[:ss[.fff]] [AM|PM] [Z|±hh[:mm]]` up to the end of the cell.
fn parse_time(s: &mut Scan) -> Option<(u32, TimeStyle, bool)> {
    let (mut h, _) = s.digits(1, 2)?;
    if !s.eat(b':') {
        return None;
    }
    let (m, _) = s.digits(2, 2)?;
    let mut style = TimeStyle::Minutes;
    let mut sec = 0;
    if s.eat(b':') {
        sec = s.digits(2, 2)?.0;
        style = TimeStyle::Seconds;
        if s.eat(b'.') || s.eat(b',') {
            s.digits(1, 9)?;
        }
    }
    let spaces = s.skip_spaces();
    let rest = &s.b[s.i..];
    let meridiem = if rest.len() >= 2 && rest[1].eq_ignore_ascii_case(&b'm') {
        match rest[0].to_ascii_lowercase() {
            b'a' => Some(false),
            b'p' => Some(true),
            _ => None,
        }
    } else {
        None
    };
    if let Some(pm) = meridiem {
        if !(1..=12).contains(&h) {
            return None;
        }
        h = match (pm, h) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
        s.i += 2;
        s.skip_spaces();
    } else if spaces > 0 && s.done() {
        // trailing spaces only
    }
    let mut zone = false;
    if s.eat(b'Z') || s.eat(b'z') {
        zone = true;
    } else if matches!(s.peek(), Some(b'+' | b'-')) {
        s.i += 1;
        s.digits(2, 2)?;
        if s.eat(b':') {
            s.digits(2, 2)?;
        } else {
            s.digits(0, 2)?;
        }
        zone = true;
    } else if s.eat_str("UTC") || s.eat_str("GMT") {
        zone = true;
    }
    if !s.done() || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    Some((h * 3600 + m * 60 + sec.min(59), style, zone))
}

/// Parses the optional time after a date: nothing, or one or more spaces (or `T`) and a time.
fn parse_optional_time(s: &mut Scan) -> Option<(u32, TimeStyle, bool)> {
    if s.done() {
        return Some((0, TimeStyle::None, false));
    }
    if !(s.eat(b'T') || s.skip_spaces() > 0) {
        return None;
    }
    if s.done() {
        return Some((0, TimeStyle::None, false));
    }
    parse_time(s)
}

fn year_of_two_digits(yy: u32) -> i32 {
    if yy < 70 {
        2000 + yy as i32
    } else {
        1900 + yy as i32
    }
}

/// The month of an English month name's first three letters (`Jan` … `Dec`, any case).
fn month_of_name(b: &[u8]) -> Option<u32> {
    const NAMES: [&[u8; 3]; 12] = [
        b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov",
        b"dec",
    ];
    let head: Vec<u8> = b.get(..3)?.iter().map(u8::to_ascii_lowercase).collect();
    NAMES
        .iter()
        .position(|n| n[..] == head[..])
        .map(|i| i as u32 + 1)
}

/// Dates with an English month name: `Nov-04-17` / `Nov-04-2017` (month, day, year),
/// `04 Jul 2022` / `4-Jul-2022` (day, month, year) and `Jul 4, 2022`, each with an optional
/// time. The month name decides the order, so these never wait for the column.
fn parse_month_name(b: &[u8]) -> Option<ParsedDate> {
    let mut s = Scan { b, i: 0 };
    let letters = |s: &Scan| {
        s.b[s.i..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count()
    };
    let (m, d) = if b.first()?.is_ascii_alphabetic() {
        let n = letters(&s);
        let m = month_of_name(&b[..n])?;
        if n != 3 && !(n > 3 && b[..n].eq_ignore_ascii_case(full_month(m).as_bytes())) {
            return None;
        }
        s.i = n;
        if !(s.eat(b'-') || s.skip_spaces() > 0) {
            return None;
        }
        let (d, _) = s.digits(1, 2)?;
        if !(s.eat(b'-') || s.eat(b',')) && s.skip_spaces() == 0 {
            return None;
        }
        s.skip_spaces();
        (m, d)
    } else {
        let (d, _) = s.digits(1, 2)?;
        if !(s.eat(b'-') || s.skip_spaces() > 0) {
            return None;
        }
        let n = letters(&s);
        let m = month_of_name(&b[s.i..s.i + n])?;
        if n != 3 && !b[s.i..s.i + n].eq_ignore_ascii_case(full_month(m).as_bytes()) {
            return None;
        }
        s.i += n;
        if !(s.eat(b'-') || s.skip_spaces() > 0) {
            return None;
        }
        (m, d)
    };
    let (y, ny) = s.digits(2, 4)?;
    let year = match ny {
        4 => y as i32,
        2 => year_of_two_digits(y),
        _ => return None,
    };
    let (sod, time, zone) = parse_optional_time(&mut s)?;
    Some(ParsedDate {
        value: DateValue::Exact(timestamp(year, m, d, sod)?),
        shape: DateShape {
            date: DateStyle::MonthName,
            time,
            zone,
        },
    })
}

/// The English name of month `m` (1–12).
fn full_month(m: u32) -> &'static str {
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    FULL[(m as usize).clamp(1, 12) - 1]
}

/// Reads one date cell. `excel_serials` also accepts plain numbers as Excel serial day
/// numbers (for workbook cells, where a date column may hold unformatted serials).
///
/// Forms: `2011-12-09 12:50:00`, `2011-12-09T12:50`, `2011-12-09` (also with `/` or `.`),
/// an optional `Z` / `±hh:mm` zone (dropped), `12/9/2011 12:50` or `9/12/2011` (and `.`
/// or `-` separators, two-digit years; day/month order decided over the column),
/// `2024年3月5日 14:02`, `20240305`, Unix seconds (9–10 digits) and milliseconds (12–13).
pub fn parse_date(cell: &str, excel_serials: bool) -> Option<ParsedDate> {
    let t = trim(cell);
    let b = t.as_bytes();
    if b.is_empty() {
        return None;
    }
    if let Some(parsed) = parse_iso_seconds(b) {
        return Some(parsed);
    }
    let mut s = Scan { b, i: 0 };
    let lead = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if lead == b.len() {
        return parse_all_digits(b, excel_serials);
    }
    if excel_serials && b[lead] == b'.' && b[lead + 1..].iter().all(u8::is_ascii_digit) {
        return excel_serial(t.parse().ok()?);
    }
    let exact = |secs: Option<i64>, date: DateStyle, time: TimeStyle, zone: bool| {
        Some(ParsedDate {
            value: DateValue::Exact(secs?),
            shape: DateShape { date, time, zone },
        })
    };
    if let Some(parsed) = parse_month_name(b) {
        return Some(parsed);
    }
    if lead == 4 {
        let (y, _) = s.digits(4, 4)?;
        let y = y as i32;
        if s.eat_str("年") {
            let (m, _) = s.digits(1, 2)?;
            if !s.eat_str("月") {
                return None;
            }
            let (d, _) = s.digits(1, 2)?;
            s.eat_str("日");
            s.skip_spaces();
            let (sod, time, zone) = if s.done() {
                (0, TimeStyle::None, false)
            } else {
                parse_time(&mut s)?
            };
            return exact(timestamp(y, m, d, sod), DateStyle::Chinese, time, zone);
        }
        let sep = s.peek().filter(|c| matches!(c, b'-' | b'/' | b'.'))?;
        s.i += 1;
        let (m, _) = s.digits(1, 2)?;
        if !s.eat(sep) {
            return None;
        }
        let (d, _) = s.digits(1, 2)?;
        let (sod, time, zone) = parse_optional_time(&mut s)?;
        return exact(
            timestamp(y, m, d, sod),
            DateStyle::YearFirst(sep),
            time,
            zone,
        );
    }
    if lead == 1 || lead == 2 {
        let (first, _) = s.digits(1, 2)?;
        let sep = s.peek().filter(|c| matches!(c, b'-' | b'/' | b'.'))?;
        s.i += 1;
        let (second, _) = s.digits(1, 2)?;
        if !s.eat(sep) {
            return None;
        }
        let (y, ny) = s.digits(2, 4)?;
        let year = match ny {
            4 => y as i32,
            2 => year_of_two_digits(y),
            _ => return None,
        };
        let (secs_of_day, time, zone) = parse_optional_time(&mut s)?;
        let plausible = |v: u32| (1..=31).contains(&v);
        if !plausible(first) || !plausible(second) || (first > 12 && second > 12) {
            return None;
        }
        if !YEARS.contains(&year) {
            return None;
        }
        return Some(ParsedDate {
            value: DateValue::YearLast {
                first: first as u8,
                second: second as u8,
                year,
                secs_of_day,
            },
            shape: DateShape {
                date: DateStyle::YearLast(sep),
                time,
                zone,
            },
        });
    }
    None
}

/// The commonest export form, `YYYY-MM-DD hh:mm:ss` (or with `T`), read at fixed
/// positions; anything else goes the general way.
fn parse_iso_seconds(b: &[u8]) -> Option<ParsedDate> {
    if b.len() != 19
        || b[4] != b'-'
        || b[7] != b'-'
        || !(b[10] == b' ' || b[10] == b'T')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hh, mm, ss) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if hh > 23 || mm > 59 || ss > 59 {
        return None;
    }
    Some(ParsedDate {
        value: DateValue::Exact(timestamp(y as i32, m, d, hh * 3600 + mm * 60 + ss)?),
        shape: DateShape {
            date: DateStyle::YearFirst(b'-'),
            time: TimeStyle::Seconds,
            zone: false,
        },
    })
}

fn parse_all_digits(b: &[u8], excel_serials: bool) -> Option<ParsedDate> {
    let n: i64 = b.iter().try_fold(0i64, |acc, &c| {
        acc.checked_mul(10)?.checked_add(i64::from(c - b'0'))
    })?;
    let exact = |secs: Option<i64>, date: DateStyle| {
        Some(ParsedDate {
            value: DateValue::Exact(secs?),
            shape: DateShape {
                date,
                time: TimeStyle::None,
                zone: false,
            },
        })
    };
    match b.len() {
        8 => exact(
            timestamp(
                (n / 10_000) as i32,
                (n / 100 % 100) as u32,
                (n % 100) as u32,
                0,
            ),
            DateStyle::Compact,
        ),
        9 | 10 => exact(Some(n), DateStyle::UnixSeconds),
        12 | 13 => exact(Some(n.div_euclid(1000)), DateStyle::UnixMillis),
        1..=7 if excel_serials => excel_serial(n as f64),
        _ => None,
    }
}

/// Excel serial day number (1900 date system) → wall-clock seconds, rounded to the second.
pub fn excel_serial(days: f64) -> Option<ParsedDate> {
    if !(1.0..2_958_466.0).contains(&days) {
        return None;
    }
    // serial 25569 is 1970-01-01 (serials count from 1899-12-30 for dates after Feb 1900)
    let secs = ((days - 25_569.0) * 86_400.0).round() as i64;
    Some(ParsedDate {
        value: DateValue::Exact(secs),
        shape: DateShape {
            date: DateStyle::ExcelSerial,
            time: if days.fract() == 0.0 {
                TimeStyle::None
            } else {
                TimeStyle::Seconds
            },
            zone: false,
        },
    })
}

/// A number as written: sign, integer part and up to three decimals (enough to round to
/// the cent), plus whether more decimals follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Decimal {
    neg: bool,
    int: u64,
    frac: [u8; 3],
    frac_len: usize,
}

impl Decimal {
    /// `round(100 · self)`, half away from zero.
    fn cents(&self) -> Option<i64> {
        let c = i64::try_from(self.int)
            .ok()?
            .checked_mul(100)?
            .checked_add(i64::from(self.frac[0]) * 10 + i64::from(self.frac[1]))?
            + i64::from(self.frac[2] >= 5);
        Some(if self.neg { -c } else { c })
    }
}

/// `[+-]?digits[.digits]` (at least one digit), plain ASCII.
fn parse_plain(b: &[u8]) -> Option<Decimal> {
    let mut i = 0;
    let mut neg = false;
    match b.first() {
        Some(b'-') => {
            neg = true;
            i = 1;
        }
        Some(b'+') => i = 1,
        _ => {}
    }
    let mut int: u64 = 0;
    let mut digits = 0;
    while let Some(&c) = b.get(i) {
        if !c.is_ascii_digit() {
            break;
        }
        int = int.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
        digits += 1;
        i += 1;
    }
    let mut frac = [0u8; 3];
    let mut frac_len = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&c) = b.get(i) {
            if !c.is_ascii_digit() {
                break;
            }
            if frac_len < 3 {
                frac[frac_len] = c - b'0';
            }
            frac_len += 1;
            digits += 1;
            i += 1;
        }
    }
    (digits > 0 && i == b.len()).then_some(Decimal {
        neg,
        int,
        frac,
        frac_len,
    })
}

/// A money or quantity cell after normalisation: the plain ASCII number and the currency
/// named in the cell, if any.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Money {
    /// Value in minor units (cents, 分), rounded half away from zero.
    pub cents: i64,
    /// ISO code of a currency symbol or code written in the cell.
    pub currency: Option<&'static str>,
}

/// Up to 64 bytes of normalised number text, on the stack.
struct NumBuf {
    b: [u8; 64],
    len: usize,
}

impl NumBuf {
    fn push(&mut self, c: u8) -> Option<()> {
        *self.b.get_mut(self.len)? = c;
        self.len += 1;
        Some(())
    }

    fn as_bytes(&self) -> &[u8] {
        &self.b[..self.len]
    }
}

pub(crate) fn currency_code(word: &str) -> Option<&'static str> {
    const CODES: [&str; 20] = [
        "CNY", "USD", "EUR", "GBP", "HKD", "JPY", "AUD", "CAD", "SGD", "TWD", "KRW", "CHF", "MYR",
        "PHP", "THB", "VND", "IDR", "INR", "BRL", "MXN",
    ];
    let upper = word.to_ascii_uppercase();
    match upper.as_str() {
        "RMB" => Some("CNY"),
        "US" => Some("USD"),
        "HK" => Some("HKD"),
        _ => CODES.iter().find(|c| **c == upper).copied(),
    }
}

/// Normalises a number cell: full-width digits and punctuation, currency symbols and codes
/// before or after, `元`, spaces, `+`, parentheses for negatives, thousands separators.
/// Returns the plain unsigned decimal text (`1234.5`), whether it is negative, and the
/// currency the cell named.
fn normalize(t: &str) -> Option<(NumBuf, bool, Option<&'static str>)> {
    let mut buf = NumBuf { b: [0; 64], len: 0 };
    let mut currency = None;
    let mut neg = false;
    let mut paren = 0u8; // 1 = open seen, 2 = closed
    let mut seen_digit = false;
    let mut chars = t.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        let c = match ch {
            '０'..='９' => char::from(b'0' + (ch as u32 - '０' as u32) as u8),
            '．' => '.',
            '，' => ',',
            '－' | '−' => '-',
            '＋' => '+',
            '（' => '(',
            '）' => ')',
            other => other,
        };
        match c {
            '0'..='9' => {
                if paren == 2 {
                    return None;
                }
                buf.push(c as u8)?;
                seen_digit = true;
            }
            '.' | ',' => buf.push(c as u8)?,
            '-' if !seen_digit && !neg => neg = true,
            '+' if !seen_digit => {}
            '(' if !seen_digit && paren == 0 => paren = 1,
            ')' if seen_digit && paren == 1 => paren = 2,
            '¥' | '￥' | '元' => currency = Some("CNY"),
            '$' | '＄' => currency = currency.or(Some("USD")),
            '€' => currency = Some("EUR"),
            '£' | '￡' => currency = Some("GBP"),
            '\'' | '_' => {}
            c if c.is_whitespace() => {}
            c if c.is_ascii_alphabetic() => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, n)) = chars.peek() {
                    if !n.is_ascii_alphabetic() {
                        break;
                    }
                    end = j + n.len_utf8();
                    chars.next();
                }
                currency = Some(currency_code(&t[i..end])?);
            }
            _ => return None,
        }
    }
    if paren == 1 || !seen_digit {
        return None;
    }
    Some((resolve_separators(&buf)?, neg != (paren == 2), currency))
}

/// Decides which of `,` and `.` is the decimal separator and drops the other: with both,
/// the last one is decimal (`1,234.56`, `1.234,56`); a lone comma followed by exactly three
/// digits groups thousands (`1,234` = 1234), otherwise it is decimal (`12,5`); several
/// dots group thousands (`1.234.567`).
fn resolve_separators(buf: &NumBuf) -> Option<NumBuf> {
    let b = buf.as_bytes();
    let commas = b.iter().filter(|&&c| c == b',').count();
    let dots = b.iter().filter(|&&c| c == b'.').count();
    let last_comma = b.iter().rposition(|&c| c == b',');
    let last_dot = b.iter().rposition(|&c| c == b'.');
    let decimal: Option<usize> = match (last_comma, last_dot) {
        (Some(c), Some(d)) => {
            let (dec, dec_count) = if c > d { (c, commas) } else { (d, dots) };
            if dec_count > 1 {
                return None;
            }
            Some(dec)
        }
        (Some(c), None) => (commas == 1 && b.len() - c - 1 != 3).then_some(c),
        (None, Some(d)) => (dots == 1).then_some(d),
        (None, None) => None,
    };
    let mut out = NumBuf { b: [0; 64], len: 0 };
    for (i, &c) in b.iter().enumerate() {
        if Some(i) == decimal {
            out.push(b'.')?;
        } else if c.is_ascii_digit() {
            out.push(c)?;
        }
    }
    Some(out)
}

/// Reads a money cell (unit price or line amount) into minor units.
pub fn parse_money(cell: &str) -> Option<Money> {
    let t = trim(cell);
    if let Some(d) = parse_plain(t.as_bytes()) {
        return Some(Money {
            cents: d.cents()?,
            currency: None,
        });
    }
    if let Some(v) = parse_exponent(t) {
        let cents = (v * 100.0).round();
        return (cents.abs() < 9.0e18).then_some(Money {
            cents: cents as i64,
            currency: None,
        });
    }
    let (buf, neg, currency) = normalize(t)?;
    let mut d = parse_plain(buf.as_bytes())?;
    d.neg = neg;
    Some(Money {
        cents: d.cents()?,
        currency,
    })
}

/// Reads a quantity cell (fractional quantities such as kilograms are allowed).
pub fn parse_quantity(cell: &str) -> Option<f64> {
    let t = trim(cell);
    if let Some(d) = parse_plain(t.as_bytes()) {
        if d.frac_len == 0 {
            let v = d.int as f64;
            return Some(if d.neg { -v } else { v });
        }
        return t.parse::<f64>().ok().filter(|v| v.is_finite());
    }
    if let Some(v) = parse_exponent(t) {
        return Some(v);
    }
    let (buf, neg, _) = normalize(t)?;
    let v: f64 = std::str::from_utf8(buf.as_bytes()).ok()?.parse().ok()?;
    v.is_finite().then_some(if neg { -v } else { v })
}

/// `1.5E+3`-style numbers (spreadsheets write large values this way).
fn parse_exponent(t: &str) -> Option<f64> {
    if !t.bytes().any(|c| c == b'e' || c == b'E')
        || !t
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'e' | b'E' | b'.' | b'-' | b'+'))
    {
        return None;
    }
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: &str) -> i64 {
        // "YYYY-MM-DD hh:mm:ss" reference through days_from_civil
        let b = s.as_bytes();
        let n = |r: std::ops::Range<usize>| s[r].parse::<u32>().expect("digits");
        let _ = b;
        days_from_civil(n(0..4) as i32, n(5..7), n(8..10)) * 86_400
            + i64::from(n(11..13) * 3600 + n(14..16) * 60 + n(17..19))
    }

    fn check_date(cell: &str, expect: &str) {
        match parse_date(cell, false).map(|p| p.value) {
            Some(DateValue::Exact(v)) => assert_eq!(format_timestamp(v), expect, "{cell}"),
            other => panic!("{cell}: {other:?}"),
        }
    }

    #[test]
    fn cells_are_trimmed_of_ascii_and_unicode_spaces() {
        assert_eq!(trim("  a b\t\r\n"), "a b");
        assert_eq!(trim("\u{3000}１２\u{a0}"), "１２");
        assert_eq!(trim("订单"), "订单");
        assert_eq!(trim(""), "");
    }

    #[test]
    fn civil_day_numbers_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2011, 12, 9), 15317);
        for z in [-1000, 0, 15317, 20000, 59, 60, 11016] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(secs("2011-12-09 12:50:00"), 1_323_435_000);
    }

    #[test]
    fn iso_dates_parse_with_and_without_time() {
        check_date("2011-12-09 12:50:00", "2011-12-09T12:50:00");
        check_date("2011-12-09T12:50", "2011-12-09T12:50:00");
        check_date("2011-12-09", "2011-12-09T00:00:00");
        check_date("2011/12/9 12:50", "2011-12-09T12:50:00");
        check_date("2011.12.09", "2011-12-09T00:00:00");
        check_date(" 2011-12-09 12:50:00.250 ", "2011-12-09T12:50:00");
    }

    #[test]
    fn the_fixed_position_fast_path_agrees_with_the_general_parser() {
        for cell in [
            "2011-12-09 12:50:00",
            "2011-12-09T00:00:59",
            "2012-02-29 23:59:59",
        ] {
            let fast = parse_iso_seconds(cell.as_bytes()).expect("fast path");
            let mut general = Scan {
                b: cell.as_bytes(),
                i: 0,
            };
            general.digits(4, 4);
            assert_eq!(Some(fast), parse_date(cell, false));
        }
        for bad in [
            "2011-13-09 12:50:00",
            "2011-12-09 24:00:00",
            "2011-02-30 00:00:00",
            "2011-12-0x 12:50:00",
        ] {
            assert_eq!(parse_iso_seconds(bad.as_bytes()), None, "{bad}");
            assert_eq!(parse_date(bad, false), None, "{bad}");
        }
    }

    #[test]
    fn a_zone_suffix_is_dropped_to_wall_clock() {
        check_date("2011-12-09T12:50:00Z", "2011-12-09T12:50:00");
        check_date("2011-12-09T12:50:00+08:00", "2011-12-09T12:50:00");
        check_date("2011-12-09 12:50:00-0500", "2011-12-09T12:50:00");
        let p = parse_date("2011-12-09T12:50:00Z", false).expect("date");
        assert!(p.shape.zone);
    }

    #[test]
    fn chinese_dates_parse() {
        check_date("2024年3月5日 14:02", "2024-03-05T14:02:00");
        check_date("2024年3月5日", "2024-03-05T00:00:00");
        check_date("2024年03月05日14:02:09", "2024-03-05T14:02:09");
    }

    #[test]
    fn am_pm_times_parse() {
        check_date("2010-12-01 8:26 PM", "2010-12-01T20:26:00");
        check_date("2010-12-01 12:05 am", "2010-12-01T00:05:00");
    }

    #[test]
    fn unix_seconds_and_milliseconds_parse() {
        check_date("1323435000", "2011-12-09T12:50:00");
        check_date("1323435000123", "2011-12-09T12:50:00");
        check_date("20240305", "2024-03-05T00:00:00");
        assert_eq!(parse_date("12345", false), None);
    }

    #[test]
    fn excel_serials_parse_only_when_allowed() {
        assert_eq!(parse_date("40513.35", false), None);
        let p = parse_date("40878.5347222222", true).expect("serial");
        assert_eq!(p.value, DateValue::Exact(secs("2011-12-01 12:50:00")));
        let p = parse_date("40878", true).expect("serial");
        assert_eq!(p.value, DateValue::Exact(secs("2011-12-01 00:00:00")));
    }

    #[test]
    fn year_last_dates_wait_for_the_column_to_decide_the_order() {
        let p = parse_date("12/9/2011 12:50", false).expect("date");
        assert_eq!(
            p.value,
            DateValue::YearLast {
                first: 12,
                second: 9,
                year: 2011,
                secs_of_day: 46_200
            }
        );
        assert_eq!(
            resolve_year_last(12, 9, 2011, 46_200, DateOrder::MonthFirst),
            Some(secs("2011-12-09 12:50:00"))
        );
        assert_eq!(
            resolve_year_last(12, 9, 2011, 0, DateOrder::DayFirst),
            Some(secs("2011-09-12 00:00:00"))
        );
        assert_eq!(
            resolve_year_last(13, 9, 2011, 0, DateOrder::MonthFirst),
            None
        );
        assert_eq!(resolve_year_last(31, 4, 2011, 0, DateOrder::DayFirst), None);
    }

    #[test]
    fn dotted_dashed_and_two_digit_year_forms_parse() {
        let v = |s: &str| parse_date(s, false).map(|p| p.value);
        assert_eq!(
            v("9.12.2011"),
            Some(DateValue::YearLast {
                first: 9,
                second: 12,
                year: 2011,
                secs_of_day: 0
            })
        );
        assert_eq!(
            v("14-04-2015"),
            Some(DateValue::YearLast {
                first: 14,
                second: 4,
                year: 2015,
                secs_of_day: 0
            })
        );
        assert_eq!(
            v("12/1/10 8:26"),
            Some(DateValue::YearLast {
                first: 12,
                second: 1,
                year: 2010,
                secs_of_day: 30_360
            })
        );
    }

    #[test]
    fn month_name_dates_parse_in_the_order_the_name_gives() {
        let at = |s: &str| match parse_date(s, false).map(|p| p.value) {
            Some(DateValue::Exact(t)) => Some(format_timestamp(t)),
            _ => None,
        };
        assert_eq!(at("Nov-04-17").as_deref(), Some("2017-11-04T00:00:00"));
        assert_eq!(
            at("04 Jul 2022 11:46").as_deref(),
            Some("2022-07-04T11:46:00")
        );
        assert_eq!(at("4-Jul-2022").as_deref(), Some("2022-07-04T00:00:00"));
        assert_eq!(at("Jul 4, 2022").as_deref(), Some("2022-07-04T00:00:00"));
        assert_eq!(
            at("September 30, 2021 08:00").as_deref(),
            Some("2021-09-30T08:00:00")
        );
        assert_eq!(at("Foo-04-17"), None);
        assert_eq!(at("Nov-31-17"), None, "no 31 November");
    }

    #[test]
    fn impossible_dates_are_invalid() {
        for bad in [
            "2011-13-01",
            "2011-02-30",
            "2011-12-09 25:00",
            "13/13/2011",
            "0001-01-01",
            "yesterday",
            "2011-12-09x",
            "",
            "12/9",
        ] {
            assert_eq!(parse_date(bad, false), None, "{bad}");
        }
        check_date("2012-02-29", "2012-02-29T00:00:00");
    }

    #[test]
    fn shapes_describe_the_written_form() {
        let shape = |s: &str| parse_date(s, false).expect("date").shape;
        let english = |s: &str, order| shape(s).format(order).english();
        assert_eq!(english("2011-12-09 12:50:00", None), "YYYY-MM-DD hh:mm:ss");
        let day_first = shape("9/12/2011 12:50").format(Some(DateOrder::DayFirst));
        assert_eq!(day_first.written, "D/M/YYYY hh:mm");
        assert_eq!(day_first.order, Some(DateOrder::DayFirst));
        assert_eq!(day_first.english(), "D/M/YYYY hh:mm (day first)");
        assert_eq!(english("2024年3月5日", None), "YYYY年M月D日");
        assert_eq!(
            english("2024-03-05T14:02:00+08:00", None),
            "YYYY-MM-DD hh:mm:ss (time zone dropped, wall clock kept)"
        );
        assert_eq!(english("1709647320", None), "Unix seconds");
    }

    fn cents(s: &str) -> Option<i64> {
        parse_money(s).map(|m| m.cents)
    }

    #[test]
    fn money_rounds_to_the_cent_on_the_decimal_digits() {
        assert_eq!(cents("2.55"), Some(255));
        assert_eq!(cents("0.001"), Some(0));
        assert_eq!(cents("1.005"), Some(101));
        assert_eq!(cents("-1.005"), Some(-101));
        assert_eq!(cents("-11062.06"), Some(-1_106_206));
        assert_eq!(cents("7"), Some(700));
        assert_eq!(cents(".5"), Some(50));
        assert_eq!(cents("1.5E+3"), Some(150_000));
    }

    #[test]
    fn thousands_separators_and_decimal_commas_parse() {
        assert_eq!(cents("1,234.56"), Some(123_456));
        assert_eq!(cents("1.234,56"), Some(123_456));
        assert_eq!(cents("1,234"), Some(123_400));
        assert_eq!(cents("12,5"), Some(1250));
        assert_eq!(cents("1 234 567.8"), Some(123_456_780));
        assert_eq!(cents("1,2,3.4.5"), None);
    }

    #[test]
    fn currency_symbols_and_codes_are_recognised() {
        let m = |s: &str| parse_money(s).map(|m| (m.cents, m.currency));
        assert_eq!(m("¥12.50"), Some((1250, Some("CNY"))));
        assert_eq!(m("￥1,299"), Some((129_900, Some("CNY"))));
        assert_eq!(m("12.5元"), Some((1250, Some("CNY"))));
        assert_eq!(m("RMB 8"), Some((800, Some("CNY"))));
        assert_eq!(m("$3.99"), Some((399, Some("USD"))));
        assert_eq!(m("US$3.99"), Some((399, Some("USD"))));
        assert_eq!(m("€ 4,50"), Some((450, Some("EUR"))));
        assert_eq!(m("£2.55"), Some((255, Some("GBP"))));
        assert_eq!(m("12.00 GBP"), Some((1200, Some("GBP"))));
        assert_eq!(m("12 apples"), None);
    }

    #[test]
    fn full_width_digits_parse() {
        assert_eq!(cents("１２３．４５"), Some(12_345));
        assert_eq!(cents("￥１，２３４．５０"), Some(123_450));
        assert_eq!(parse_quantity("－３"), Some(-3.0));
    }

    #[test]
    fn parentheses_plus_and_minus_signs_parse() {
        assert_eq!(cents("(12.50)"), Some(-1250));
        assert_eq!(cents("（¥12.50）"), Some(-1250));
        assert_eq!(cents("+3"), Some(300));
        assert_eq!(cents("-¥12"), Some(-1200));
        assert_eq!(cents("¥-12"), Some(-1200));
        assert_eq!(cents("(12.50"), None);
        assert_eq!(cents("--1"), None);
    }

    #[test]
    fn quantities_parse_integers_and_fractions() {
        assert_eq!(parse_quantity("6"), Some(6.0));
        assert_eq!(parse_quantity("-80995"), Some(-80995.0));
        assert_eq!(parse_quantity("0.25"), Some(0.25));
        assert_eq!(parse_quantity(" 1,000 "), Some(1000.0));
        assert_eq!(parse_quantity("1.2345"), Some(1.2345));
        assert_eq!(parse_quantity("２．５"), Some(2.5));
        assert_eq!(parse_quantity("1,5"), Some(1.5));
        assert_eq!(parse_quantity("abc"), None);
        assert_eq!(parse_quantity(""), None);
        assert_eq!(parse_quantity("NaN"), None);
    }
}
