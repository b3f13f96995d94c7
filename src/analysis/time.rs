//! Calendar helpers over the dataset's wall-clock seconds (no time zone anywhere).

use chrono::{DateTime, Datelike, NaiveDateTime};

const SECONDS_PER_DAY: i64 = 86_400;

/// Day number (days since 1970-01-01) of a wall-clock time.
pub fn day(time: i64) -> i64 {
    time.div_euclid(SECONDS_PER_DAY)
}

/// Month number `year * 12 + (month - 1)` of a wall-clock time.
pub fn month(time: i64) -> i32 {
    let d = naive(time);
    d.year() * 12 + d.month0() as i32
}

/// `YYYY-MM` of a month number.
pub fn month_label(month: i32) -> String {
    format!(
        "{:04}-{:02}",
        month.div_euclid(12),
        month.rem_euclid(12) + 1
    )
}

/// ISO `YYYY-MM-DDThh:mm:ss` of a wall-clock time.
pub fn iso(time: i64) -> String {
    naive(time).format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// ISO `YYYY-MM-DD` of a day number.
pub fn iso_day(day: i64) -> String {
    naive(day * SECONDS_PER_DAY).format("%Y-%m-%d").to_string()
}

fn naive(time: i64) -> NaiveDateTime {
    // Ingest only produces times inside chrono's range (years 1..9999); clamp defensively.
    DateTime::from_timestamp(time, 0)
        .unwrap_or_default()
        .naive_utc()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_days_follow_the_wall_clock() {
        let t = 1_323_435_000; // 2011-12-09 12:50:00
        assert_eq!(iso(t), "2011-12-09T12:50:00");
        assert_eq!(month_label(month(t)), "2011-12");
        assert_eq!(iso_day(day(t)), "2011-12-09");
        assert_eq!(day(-1), -1);
    }
}
