//! The calibration / holdout check: the purchase model fitted on the days up to the
//! calibration end, its predictions for the days after it against what the customers did —
//! by calibration frequency and as the cumulative repeat purchases.

use super::fit::{fit_purchases, Purchases, MIN_REPEAT_BUYERS};
use super::messages::MESSAGES;
use super::output::{CumulativePoint, FrequencyBucket, Validation};
use super::params::ClvValidParams;
use super::summary::{is_purchase, summarise, Rows, Summary, ABSENT};
use crate::dataset::{time, Dataset};
use crate::message::Message;

/// The calibration end: the one given, else three quarters into the purchase days' range.
pub fn calibration_end(params: &ClvValidParams, first: i64, end: i64) -> i64 {
    params
        .calibration_end
        .unwrap_or(first + (end - first) * 3 / 4)
}

/// The calibration / holdout check: the model fitted on the days up to the calibration end,
/// its predictions for the holdout against what the customers did.
pub(super) fn validate(
    data: &Dataset,
    params: &ClvValidParams,
    first: i64,
    end: i64,
) -> Result<Validation, Message> {
    let cal_end = calibration_end(params, first, end);
    if cal_end < first || cal_end >= end {
        return Err(Message::new("clv.validation_outside")
            .with("calibration_end", time::iso_day(cal_end))
            .with("first", time::iso_day(first))
            .with("last", time::iso_day(end)));
    }
    let unit = params.unit.days();
    let cal = summarise(data, cal_end, Some(end));
    let found = cal.repeat_buyers();
    if found < MIN_REPEAT_BUYERS {
        return Err(Message::new("clv.validation_not_enough")
            .with("calibration_end", time::iso_day(cal_end))
            .with("found", found)
            .with("need", MIN_REPEAT_BUYERS));
    }
    let rows = Rows::of(&cal, unit);
    let fit = fit_purchases(params.model, &rows).map_err(|m| {
        Message::new("clv.validation_failed").with("reason", m.worded_by(MESSAGES).to_string())
    })?;
    let holdout_days = (end - cal_end) as u32;
    let h = holdout_days as f64 / unit;
    let per_row: Vec<f64> = rows
        .rows
        .iter()
        .map(|row| {
            let (x, t_x, t) = rows.values(row);
            fit.model.expected(h, x, t_x, t)
        })
        .collect::<Option<Vec<f64>>>()
        .ok_or_else(|| {
            Message::new("clv.validation_failed")
                .with("reason", "a prediction's series did not settle")
        })?;
    const BUCKETS: usize = 8;
    let mut buckets = vec![(0usize, 0.0f64, 0.0f64); BUCKETS];
    let (mut actual, mut predicted, mut error) = (0.0, 0.0, 0.0);
    for c in 0..cal.frequency.len() {
        let r = rows.row_of[c];
        if r == ABSENT {
            continue;
        }
        let (a, p) = (cal.holdout[c] as f64, per_row[r as usize]);
        actual += a;
        predicted += p;
        error += (a - p).abs();
        let b = &mut buckets[(cal.frequency[c] as usize).min(BUCKETS - 1)];
        b.0 += 1;
        b.1 += a;
        b.2 += p;
    }
    let customers = rows.weight;
    Ok(Validation {
        calibration_end: time::iso_day(cal_end),
        holdout_days,
        cumulative: cumulative(data, &cal, &fit.model, unit, first, end)?,
        fit: fit.report,
        actual,
        predicted,
        mean_absolute_error: error / customers.max(1.0),
        by_frequency: buckets
            .iter()
            .enumerate()
            .filter(|(_, b)| b.0 > 0)
            .map(|(f, b)| FrequencyBucket {
                frequency: f as u32,
                or_more: f == BUCKETS - 1,
                customers: b.0,
                actual: b.1 / b.0 as f64,
                predicted: b.2 / b.0 as f64,
            })
            .collect(),
    })
}

/// Cumulative repeat purchase days of the calibration customers, actual and expected
/// (Σ over first-purchase days s of n_s·E[X(d − s)]), a point every 7 days and at the end.
fn cumulative(
    data: &Dataset,
    cal: &Summary,
    model: &Purchases,
    unit: f64,
    first: i64,
    end: i64,
) -> Result<Vec<CumulativePoint>, Message> {
    let span = (end - first) as usize;
    let mut repeats = vec![0u32; span + 1];
    let mut acquired = vec![0u32; span + 1];
    for c in 0..cal.frequency.len() {
        if cal.frequency[c] == ABSENT {
            continue;
        }
        acquired[(cal.first_day[c] - first) as usize] += 1;
        let mut last = cal.first_day[c];
        for i in data.customer_lines(c) {
            if !is_purchase(data, i) {
                continue;
            }
            let day = time::day(data.lines.time[i]);
            if day > last && day <= end {
                repeats[(day - first) as usize] += 1;
                last = day;
            }
        }
    }
    let from_start: Vec<f64> = (0..=span)
        .map(|d| model.expected_from_start(d as f64 / unit))
        .collect::<Option<Vec<f64>>>()
        .ok_or_else(|| {
            Message::new("clv.validation_failed")
                .with("reason", "a prediction's series did not settle")
        })?;
    let mut points: Vec<usize> = (0..=span).step_by(7).collect();
    if points.last() != Some(&span) {
        points.push(span);
    }
    let mut running = 0.0;
    let mut counted = 0;
    let mut out = Vec::with_capacity(points.len());
    for d in points {
        while counted <= d {
            running += repeats[counted] as f64;
            counted += 1;
        }
        let predicted: f64 = (0..=d)
            .filter(|s| acquired[*s] > 0)
            .map(|s| acquired[s] as f64 * from_start[d - s])
            .sum();
        out.push(CumulativePoint {
            date: time::iso_day(first + d as i64),
            actual: running,
            predicted,
        });
    }
    Ok(out)
}
