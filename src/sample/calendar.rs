//! The shop's calendar: 2023-01-01 00:00:00 up to (not including) 2025-01-01, an hourly
//! purchase intensity over it, and the clock that turns "operational time" into dates.
//!
//! Customers buy as Poisson processes in operational time, measured in days of average
//! intensity. Mapping it through the cumulative hourly intensity (the time-rescaling
//! theorem) puts more purchases in busy hours, on weekends, in winter and on shopping
//! festivals, and fewer around Chinese New Year, without changing any customer's number of
//! purchases.

use super::random::cos;

/// Days in the window (2023 and the leap year 2024).
pub(super) const DAYS: usize = 731;
/// Seconds in the window; every timestamp is below this.
pub(super) const WINDOW_SECONDS: u32 = DAYS as u32 * 86_400;
/// Hours in the window: the intensity grid's resolution.
const HOURS: usize = DAYS * 24;

/// Relative intensity by hour of day: night lull, lunch bump, evening peak at 21:00.
#[rustfmt::skip]
const HOUR_OF_DAY: [f64; 24] = [0.35, 0.2, 0.12, 0.08, 0.07, 0.1, 0.25, 0.5, 0.8, 1.0, 1.15, 1.2,
                                1.2, 1.1, 1.05, 1.0, 1.0, 1.05, 1.1, 1.3, 1.55, 1.7, 1.5, 0.9];
/// Relative intensity by weekday, Monday first: weekends are busier.
const WEEKDAY: [f64; 7] = [0.93, 0.92, 0.95, 0.97, 1.03, 1.12, 1.08];

/// One calendar day of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Day {
    /// Calendar year.
    pub(super) year: u16,
    /// Month, 1-12.
    pub(super) month: u8,
    /// Day of month, 1-31.
    pub(super) day: u8,
    /// Day of week, Monday = 0.
    pub(super) weekday: u8,
    /// Day of year, 0-based.
    pub(super) day_of_year: u16,
}

impl Day {
    /// `YYYY-MM-DD`.
    pub(super) fn iso(&self) -> [u8; 10] {
        let mut out = *b"0000-00-00";
        let y = self.year as usize;
        out[0] = b'0' + (y / 1000 % 10) as u8;
        out[1] = b'0' + (y / 100 % 10) as u8;
        out[2] = b'0' + (y / 10 % 10) as u8;
        out[3] = b'0' + (y % 10) as u8;
        out[5] = b'0' + self.month / 10;
        out[6] = b'0' + self.month % 10;
        out[8] = b'0' + self.day / 10;
        out[9] = b'0' + self.day % 10;
        out
    }

    /// 11.11, 6.18 and 12.12: the sale days on which prices drop 15 %.
    pub(super) fn is_discount_day(&self) -> bool {
        matches!((self.month, self.day), (11, 11) | (6, 18) | (12, 12))
    }

    /// Festival multiplier of the purchase intensity on this day (1 on ordinary days).
    fn festival_boost(&self) -> f64 {
        match (self.month, self.day) {
            (11, 11) => 4.5,       // Singles' Day
            (11, 1..=10) => 1.6,   // its pre-sale
            (6, 18) => 3.0,        // JD 6.18
            (6, 1..=17) => 1.35,   // its run-up
            (5, 20) => 1.5,        // "520", I love you
            (2, 14) => 1.4,        // Valentine's Day
            (12, 12) => 1.8,       // Double Twelve
            (12, 20..=26) => 1.25, // Christmas
            _ => 1.0,
        }
    }
}

/// Every day of the window, in order.
pub(super) fn days() -> Vec<Day> {
    let mut out = Vec::with_capacity(DAYS);
    let mut weekday = 6; // 2023-01-01 was a Sunday
    for year in [2023u16, 2024] {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let lengths = [
            31,
            if leap { 29 } else { 28 },
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
        ];
        let mut day_of_year = 0;
        for (m, &len) in lengths.iter().enumerate() {
            for d in 1..=len {
                out.push(Day {
                    year,
                    month: m as u8 + 1,
                    day: d,
                    weekday,
                    day_of_year,
                });
                weekday = (weekday + 1) % 7;
                day_of_year += 1;
            }
        }
    }
    out
}

/// Chinese New Year's Day in each year of the window: logistics stop from three days before
/// to six days after, and orders drop to 45 %.
const NEW_YEAR: [(u16, u8, u8); 2] = [(2023, 1, 22), (2024, 2, 10)];

/// Intensity of every day, before the hour-of-day profile. The New Year dip replaces any
/// festival boost (Valentine's Day 2024 falls inside it).
fn day_weights(days: &[Day]) -> Vec<f64> {
    let mut boost: Vec<f64> = days.iter().map(Day::festival_boost).collect();
    for (y, m, dd) in NEW_YEAR {
        if let Some(i) = days
            .iter()
            .position(|d| (d.year, d.month, d.day) == (y, m, dd))
        {
            for b in &mut boost[i.saturating_sub(3)..(i + 7).min(days.len())] {
                *b = 0.45;
            }
        }
    }
    days.iter()
        .zip(boost)
        .map(|(d, b)| {
            // winter high, summer low: +12 % in late November, −12 % in late May
            let phase = std::f64::consts::TAU * (d.day_of_year as f64 - 330.0) / 365.25;
            WEEKDAY[d.weekday as usize] * (1.0 + 0.12 * cos(phase)) * b
        })
        .collect()
}

/// Maps operational time (days of average intensity, 0..DAYS) to seconds since the window
/// start, through the cumulative hourly intensity.
#[derive(Debug, Clone)]
pub(super) struct Clock {
    /// Cumulative intensity at the start of every hour and at the end, scaled so that the
    /// whole window is `DAYS` operational days.
    cumulative: Vec<f64>,
}

impl Clock {
    /// The clock of the shop's intensity grid.
    pub(super) fn new(days: &[Day]) -> Clock {
        let day_w = day_weights(days);
        let mut cumulative = Vec::with_capacity(HOURS + 1);
        let mut acc = 0.0;
        cumulative.push(acc);
        for w in &day_w {
            for h in HOUR_OF_DAY {
                acc += w * h;
                cumulative.push(acc);
            }
        }
        let scale = DAYS as f64 / acc;
        for c in &mut cumulative {
            *c *= scale;
        }
        Clock { cumulative }
    }

    /// Seconds since the window start of operational time `t` (linear within the hour).
    pub(super) fn seconds(&self, t: f64) -> u32 {
        let last_hour = self.cumulative.len() - 2;
        let h = self
            .cumulative
            .partition_point(|&c| c <= t)
            .saturating_sub(1)
            .min(last_hour);
        let (lo, hi) = (self.cumulative[h], self.cumulative[h + 1]);
        let frac = ((t - lo) / (hi - lo)).clamp(0.0, 1.0);
        let s = (h as f64 * 3600.0 + frac * 3600.0).floor() as u32;
        s.min(WINDOW_SECONDS - 1)
    }
}

/// `HH:MM:SS` of a second of the day.
pub(super) fn clock_time(second_of_day: u32) -> [u8; 8] {
    let (h, m, s) = (
        second_of_day / 3600,
        second_of_day / 60 % 60,
        second_of_day % 60,
    );
    let d = |x: u32| [b'0' + (x / 10 % 10) as u8, b'0' + (x % 10) as u8];
    let (h, m, s) = (d(h), d(m), d(s));
    [h[0], h[1], b':', m[0], m[1], b':', s[0], s[1]]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_has_731_days_starting_on_a_sunday() {
        let days = days();
        assert_eq!(days.len(), DAYS);
        assert_eq!(&days[0].iso(), b"2023-01-01");
        assert_eq!(days[0].weekday, 6);
        assert_eq!(&days[730].iso(), b"2024-12-31");
        assert_eq!(days[730].weekday, 1); // a Tuesday
    }

    #[test]
    fn the_clock_is_monotone_and_spans_the_window() {
        let clock = Clock::new(&days());
        assert_eq!(clock.seconds(0.0), 0);
        assert_eq!(clock.seconds(DAYS as f64), WINDOW_SECONDS - 1);
        let mut last = 0;
        for i in 0..10_000 {
            let s = clock.seconds(i as f64 * DAYS as f64 / 10_000.0);
            assert!(s >= last);
            last = s;
        }
    }

    #[test]
    fn clock_time_is_zero_padded() {
        assert_eq!(&clock_time(3 * 3600 + 4 * 60 + 5), b"03:04:05");
        assert_eq!(&clock_time(86_399), b"23:59:59");
    }
}
