//! Festival days: fixed month-days of every year (6.18, 11.11, 12.12 — the shopping
//! festivals of Chinese e-commerce) and the Spring Festival week, which moves with the lunar
//! calendar.

use crate::dataset::time::{civil_from_days, days_from_civil};

/// Chinese New Year's day (正月初一) of each year from `FIRST_LUNAR_YEAR`, as (month, day).
/// Checked against the `lunardate` package by `scripts/profile_reference.py`.
const NEW_YEAR: [(u8, u8); 36] = [
    (2, 5),  // 2000
    (1, 24), // 2001
    (2, 12),
    (2, 1),
    (1, 22),
    (2, 9), // 2005
    (1, 29),
    (2, 18),
    (2, 7),
    (1, 26),
    (2, 14), // 2010
    (2, 3),
    (1, 23),
    (2, 10),
    (1, 31),
    (2, 19), // 2015
    (2, 8),
    (1, 28),
    (2, 16),
    (2, 5),
    (1, 25), // 2020
    (2, 12),
    (2, 1),
    (1, 22),
    (2, 10),
    (1, 29), // 2025
    (2, 17),
    (2, 6),
    (1, 26),
    (2, 13),
    (2, 3), // 2030
    (1, 23),
    (2, 11),
    (1, 31),
    (2, 19),
    (2, 8), // 2035
];

/// The first year of `NEW_YEAR`.
pub const FIRST_LUNAR_YEAR: i32 = 2000;
/// The last year of `NEW_YEAR`.
pub const LAST_LUNAR_YEAR: i32 = FIRST_LUNAR_YEAR + NEW_YEAR.len() as i32 - 1;
/// Days of the Spring Festival week, from New Year's day.
pub const SPRING_FESTIVAL_DAYS: i64 = 7;
/// The name of the Spring Festival week in `ProfileParams::festivals`.
pub const SPRING_FESTIVAL: &str = "spring_festival";

/// Which days are festival days.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Festivals {
    /// (month, day) of every year.
    pub month_days: Vec<(u32, u32)>,
    /// The seven days from Chinese New Year's day (years `FIRST_LUNAR_YEAR` to
    /// `LAST_LUNAR_YEAR`; other years have none).
    pub spring_festival: bool,
}

impl Festivals {
    /// Whether `day` (days since 1970-01-01) is a festival day.
    pub fn contains(&self, day: i64) -> bool {
        let (y, m, d) = civil_from_days(day);
        if self.month_days.contains(&(m, d)) {
            return true;
        }
        self.spring_festival && {
            // the week may begin in the year before only if New Year fell in late January
            // of the next year — it never does, so look at this year's New Year
            new_year_day(y)
                .is_some_and(|first| (first..first + SPRING_FESTIVAL_DAYS).contains(&day))
        }
    }
}

/// Chinese New Year's day of Gregorian year `year`, in days since 1970-01-01.
pub fn new_year_day(year: i32) -> Option<i64> {
    let i = usize::try_from(year - FIRST_LUNAR_YEAR).ok()?;
    let &(m, d) = NEW_YEAR.get(i)?;
    Some(days_from_civil(year, u32::from(m), u32::from(d)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::time::parse_iso_day;

    fn day(s: &str) -> i64 {
        parse_iso_day(s).expect("a day")
    }

    #[test]
    fn the_spring_festival_week_is_new_years_day_and_the_six_after() {
        let f = Festivals {
            month_days: Vec::new(),
            spring_festival: true,
        };
        assert_eq!(new_year_day(2024), Some(day("2024-02-10")));
        assert!(!f.contains(day("2024-02-09")));
        assert!(f.contains(day("2024-02-10")));
        assert!(f.contains(day("2024-02-16")));
        assert!(!f.contains(day("2024-02-17")));
        assert_eq!(LAST_LUNAR_YEAR, 2035);
        assert!(!f.contains(day("1999-02-16")), "outside the table: none");
    }

    #[test]
    fn month_days_hold_in_every_year() {
        let f = Festivals {
            month_days: vec![(11, 11), (6, 18)],
            spring_festival: false,
        };
        assert!(f.contains(day("2011-11-11")));
        assert!(f.contains(day("2024-06-18")));
        assert!(!f.contains(day("2024-06-19")));
        assert!(!f.contains(day("2024-02-10")));
    }
}
