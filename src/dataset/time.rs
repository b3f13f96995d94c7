//! Calendar helpers over the dataset's wall-clock seconds (no time zone anywhere).

/// Seconds in a day of wall-clock time.
pub const SECONDS_PER_DAY: i64 = 86_400;

/// Days from 1970-01-01 to the civil date `y-m-d` (proleptic Gregorian; H. Hinnant's
/// `days_from_civil`).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number (inverse of `days_from_civil`).
pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

/// Day number (days since 1970-01-01) of a wall-clock time.
pub fn day(time: i64) -> i64 {
    time.div_euclid(SECONDS_PER_DAY)
}

/// Month number `year * 12 + (month - 1)` of a wall-clock time.
///
/// Called once per line, so it is plain integer arithmetic (Howard Hinnant's
/// `civil_from_days`) rather than a chrono date construction.
pub fn month(time: i64) -> i32 {
    let z = day(time) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097; // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11], March = 0
    let m = if mp < 10 { mp + 3 } else { mp - 9 }; // [1, 12]
    let y = yoe + era * 400 + (m <= 2) as i64;
    (y * 12 + m - 1) as i32
}

/// Month offsets of the times in `[t_min, t_max]`, looked up per day: a loop over a million
/// lines then costs one division by a constant instead of `month`'s eight.
#[derive(Debug, Clone)]
pub struct MonthIndex {
    first_day: i64,
    /// Per day from `first_day`: its month minus the first month.
    offset: Vec<u16>,
}

impl MonthIndex {
    /// The index for times from `t_min` to `t_max` (`t_min <= t_max`).
    pub fn new(t_min: i64, t_max: i64) -> MonthIndex {
        let (first_day, last_day) = (day(t_min), day(t_max));
        let m0 = month(t_min);
        let offset = (first_day..=last_day)
            .map(|d| (month(d * SECONDS_PER_DAY) - m0).clamp(0, u16::MAX as i32) as u16)
            .collect();
        MonthIndex { first_day, offset }
    }

    /// `month(time) - month(t_min)` for a time in the range.
    #[inline]
    pub fn of(&self, time: i64) -> usize {
        let i = (day(time) - self.first_day).clamp(0, self.offset.len() as i64 - 1);
        self.offset[i as usize] as usize
    }
}

/// `YYYY-MM` of a month number.
pub fn month_label(month: i32) -> String {
    format!(
        "{:04}-{:02}",
        month.div_euclid(12),
        month.rem_euclid(12) + 1
    )
}

/// The first and last day numbers of month number `month`.
pub fn month_days(month: i32) -> (i64, i64) {
    let first = |m: i32| days_from_civil(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1);
    (first(month), first(month + 1) - 1)
}

/// ISO `YYYY-MM-DDThh:mm:ss` of a wall-clock time.
pub fn iso(time: i64) -> String {
    let s = time.rem_euclid(SECONDS_PER_DAY);
    format!(
        "{}T{:02}:{:02}:{:02}",
        iso_day(day(time)),
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// ISO `YYYY-MM-DD` of a day number.
pub fn iso_day(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The day number of a `YYYY-MM-DD` date (month and day may have one digit); `None` when
/// the text is not a date of the calendar.
pub fn parse_iso_day(text: &str) -> Option<i64> {
    let mut parts = text.split('-');
    let mut number = |max_digits: usize| -> Option<u32> {
        let p = parts.next()?;
        let digits =
            !p.is_empty() && p.len() <= max_digits && p.bytes().all(|b| b.is_ascii_digit());
        digits.then(|| p.parse().ok()).flatten()
    };
    let (y, m, d) = (number(4)?, number(2)?, number(2)?);
    if parts.next().is_some() || !(1..=12).contains(&m) || d == 0 {
        return None;
    }
    let y = y as i32;
    let (next_y, next_m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    let days_in_month = days_from_civil(next_y, next_m, 1) - days_from_civil(y, m, 1);
    (i64::from(d) <= days_in_month).then(|| days_from_civil(y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn iso_days_are_read_strictly_and_written_back_alike() {
        assert_eq!(
            parse_iso_day("2024-02-29").map(iso_day).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(parse_iso_day("2011-3-5"), parse_iso_day("2011-03-05"));
        assert_eq!(parse_iso_day("1970-01-01"), Some(0));
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-01-32",
            "24-01-01x",
            "",
            "2024-01",
            "2024-01-01-01",
            "2024/01/01",
        ] {
            assert_eq!(parse_iso_day(bad), None, "{bad}");
        }
        for day in [-719_468, -1, 0, 15_000, 2_932_896] {
            let (y, m, d) = civil_from_days(day);
            let date = chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a date");
            assert_eq!(iso_day(day), date.format("%Y-%m-%d").to_string());
        }
        assert_eq!(iso(-1), "1969-12-31T23:59:59");
    }

    #[test]
    fn months_and_days_follow_the_wall_clock() {
        let t = 1_323_435_000; // 2011-12-09 12:50:00
        assert_eq!(iso(t), "2011-12-09T12:50:00");
        assert_eq!(month_label(month(t)), "2011-12");
        assert_eq!(iso_day(day(t)), "2011-12-09");
        assert_eq!(day(-1), -1);
    }

    #[test]
    fn month_days_span_the_calendar_month() {
        let feb_2024 = 2024 * 12 + 1;
        let (a, b) = month_days(feb_2024);
        assert_eq!(
            (iso_day(a).as_str(), iso_day(b).as_str()),
            ("2024-02-01", "2024-02-29")
        );
        let (a, b) = month_days(2011 * 12 + 11);
        assert_eq!(
            (iso_day(a).as_str(), iso_day(b).as_str()),
            ("2011-12-01", "2011-12-31")
        );
    }

    #[test]
    fn integer_month_equals_chrono_month_over_four_centuries() {
        let mut t = -2_208_988_800; // 1900-01-01
        while t < 10_000_000_000 {
            let d = chrono::DateTime::from_timestamp(t, 0)
                .expect("in range")
                .naive_utc();
            assert_eq!(month(t), d.year() * 12 + d.month0() as i32, "{d}");
            assert_eq!(iso(t), d.format("%Y-%m-%dT%H:%M:%S").to_string());
            t += 86_400 * 7 + 3_601;
        }
    }

    #[test]
    fn the_month_index_equals_month_for_every_time_in_range() {
        let (t_min, t_max) = (1_322_697_599, 1_420_070_399); // 2011-11-30 23:59:59 .. 2014-12-31 23:59:59
        let index = MonthIndex::new(t_min, t_max);
        let mut t = t_min;
        while t <= t_max {
            assert_eq!(index.of(t) as i32, month(t) - month(t_min), "{}", iso(t));
            t += 3_607;
        }
        assert_eq!(index.of(t_max) as i32, month(t_max) - month(t_min));
    }
}
