//! The lifetime-value analysis end to end: the summary (stage e of the peer benchmark), the
//! fits (`fit.rs`), every customer's predictions, the shop totals with delta-method
//! intervals, the validation (`validation.rs`) and the notes. Every outcome the data cannot
//! support is a message, never a NaN.

use super::fit::{
    correlation, display_name, fit_purchases, fit_value, Purchases, MIN_REPEAT_BUYERS,
};
use super::messages::MESSAGES;
use super::optimize::{self, Optimum};
use super::output::{Bar, ClvSummary, Estimate};
use super::params::{ClvValidParams, PurchaseModel};
use super::summary::{summarise, Rows, ABSENT};
use super::validation::validate;
use crate::dataset::{time, Dataset};
use crate::error::Error;
use crate::message::Message;
use crate::table::{NULL_DAY, NULL_I64, NULL_U32};

fn refused(m: Message) -> Error {
    Error::Refused(m.worded_by(MESSAGES))
}

/// Below this many customers, or this many days of history, the numbers carry a note.
const SMALL_CUSTOMERS: usize = 500;
const SMALL_DAYS: i64 = 180;
/// Waits beyond ten years are shown as none.
const LONGEST_WAIT_DAYS: f64 = 3650.0;
/// ln(1 − q) of the next purchase's median, 10 % and 90 % quantiles.
const WAIT_QUANTILES: [f64; 3] = [
    -std::f64::consts::LN_2,
    -0.105_360_515_657_826_3,
    -2.302_585_092_994_045_7,
];
/// A holdout missed by more than this share gets a note.
const HOLDOUT_OFF: f64 = 0.2;
/// Lifetimes' month.
const MONTH_DAYS: f64 = 30.0;
/// The two-sided 95 % normal quantile.
const Z95: f64 = 1.959_963_984_540_054;

/// The fitted models' output and every customer's predictions.
pub struct Clv {
    /// The output.
    pub summary: ClvSummary,
    /// The per-customer columns.
    pub customers: Predictions,
}

/// Every customer's predictions (index = customer number; NaN, `NULL_I64` or `NULL_DAY` for a
/// customer without a purchase or a value model).
pub struct Predictions {
    /// Repeat purchase days (x); `NULL_U32` without a purchase.
    pub repeat_days: Vec<u32>,
    /// P(alive at the observation end).
    pub p_alive: Vec<f64>,
    /// Expected purchases over the horizon.
    pub expected_purchases: Vec<f64>,
    /// P(at least one purchase within the horizon), from the BG/NBD.
    pub purchase_probability: Vec<f64>,
    /// Expected order value, currency units.
    pub expected_value: Vec<f64>,
    /// Lifetime value over the horizon, currency units.
    pub lifetime_value: Vec<f64>,
    /// `expected_value` in minor units (the customer table's money).
    pub expected_value_cents: Vec<i64>,
    /// `lifetime_value` in minor units.
    pub lifetime_value_cents: Vec<i64>,
    /// The median day of the next purchase if alive (BG/NBD).
    pub next_purchase: Vec<i32>,
    /// The 10 % quantile of that day.
    pub next_purchase_early: Vec<i32>,
    /// The 90 % quantile of that day.
    pub next_purchase_late: Vec<i32>,
}

/// What a row's customers share: P(alive), the chance of a purchase within the horizon and
/// the next purchase's median and 80 % interval.
struct RowPrediction {
    p_alive: f64,
    purchase_probability: f64,
    next: [i32; 3],
}

/// The month boundaries of the horizon in days: 30, 60, …, and the horizon itself.
fn boundaries(horizon_days: u32) -> Vec<f64> {
    let h = horizon_days as f64;
    let mut b: Vec<f64> = (1..)
        .map(|m| m as f64 * MONTH_DAYS)
        .take_while(|d| *d < h)
        .collect();
    b.push(h);
    b
}

/// Per row: the cumulative expected purchases at each boundary (days), or `None` when a
/// series does not settle.
fn row_expectations(
    model: &Purchases,
    rows: &Rows,
    bounds: &[f64],
    unit: f64,
) -> Option<Vec<Vec<f64>>> {
    rows.rows
        .iter()
        .map(|row| {
            let (x, t_x, t) = rows.values(row);
            bounds
                .iter()
                .map(|d| model.expected(d / unit, x, t_x, t))
                .collect::<Option<Vec<f64>>>()
        })
        .collect()
}

/// The discount factor of each boundary, 1/(1+d)^(t_m/30) (lifetimes' 30-day months).
fn discount_factors(bounds: &[f64], discount: f64) -> Vec<f64> {
    bounds
        .iter()
        .map(|d| 1.0 / libm::pow(1.0 + discount, d / MONTH_DAYS))
        .collect()
}

/// The discounted purchases of the horizon from cumulative expectations: Σ ΔE_m·factor_m
/// (lifetimes' `_customer_lifetime_value`).
fn discounted(cumulative: &[f64], factors: &[f64]) -> f64 {
    let mut previous = 0.0;
    let mut total = 0.0;
    for (e, f) in cumulative.iter().zip(factors) {
        total += (e - previous) * f;
        previous = *e;
    }
    total
}

/// The two totals at parameters moved to `theta`, for their intervals: Σ expected purchases
/// over the horizon, and Σ CLV taken as each row's value × its expected purchases × its
/// discounted-to-expected ratio at the fit (`row_value`: Σ order value × that ratio). Holding
/// the ratio (how the purchases spread over the months, 0.98–0.99 at 1 % a month) fixed costs
/// the interval nothing visible and one series a row instead of one a month.
fn row_totals(
    kind: PurchaseModel,
    theta: &[f64],
    rows: &Rows,
    horizon: f64,
    row_value: Option<&[f64]>,
) -> Option<(f64, f64)> {
    let params: Vec<f64> = theta.iter().map(|t| libm::exp(*t)).collect();
    let model = Purchases::from_slice(kind, &params);
    let mut purchases = 0.0;
    let mut value = 0.0;
    for (i, row) in rows.rows.iter().enumerate() {
        let (x, t_x, t) = rows.values(row);
        let e = model.expected(horizon, x, t_x, t)?;
        purchases += row.weight * e;
        if let Some(v) = row_value {
            value += v[i] * e;
        }
    }
    Some((purchases, value))
}

/// Var of f(θ̂) by the delta method: ∇fᵀ (N·H)⁻¹ ∇f, ∇f by forward differences in log space
/// from `base` = f(θ̂) (an interval needs two digits, not sixteen).
fn delta_variance(
    optimum: &Optimum,
    weight: f64,
    base: (f64, f64),
    f: impl Fn(&[f64]) -> Option<(f64, f64)>,
) -> Option<(f64, f64)> {
    let theta: Vec<f64> = optimum.params.iter().map(|p| libm::log(*p)).collect();
    let total: Vec<f64> = optimum.hessian_log.iter().map(|h| h * weight).collect();
    let cov = optimize::inverse_spd(&total)?;
    let d = theta.len();
    let (mut g0, mut g1) = (vec![0.0; d], vec![0.0; d]);
    let mut at = theta.clone();
    for j in 0..d {
        let h = 1e-5;
        at[j] = theta[j] + h;
        let up = f(&at)?;
        at[j] = theta[j];
        g0[j] = (up.0 - base.0) / h;
        g1[j] = (up.1 - base.1) / h;
    }
    let quad = |g: &[f64]| -> f64 {
        (0..d)
            .map(|i| (0..d).map(|j| g[i] * cov[i * d + j] * g[j]).sum::<f64>())
            .sum()
    };
    Some((quad(&g0).max(0.0), quad(&g1).max(0.0)))
}

fn estimate(value: f64, variance: Option<f64>) -> Estimate {
    let sd = variance.map(f64::sqrt).filter(|s| s.is_finite());
    Estimate {
        value,
        low: sd.map(|s| (value - Z95 * s).max(0.0)),
        high: sd.map(|s| value + Z95 * s),
    }
}

fn day_i32(day: f64) -> i32 {
    day as i32
}

/// Fits everything on `data`.
pub fn clv(data: &Dataset, params: &ClvValidParams) -> Result<Clv, Error> {
    let Some(end) = data.last_day() else {
        return Err(refused(Message::new("clv.no_purchases")));
    };
    let unit = params.unit.days();
    let summary = summarise(data, end, None);
    // the first purchase day of the data: the summary's earliest customer
    let Some(first) = summary
        .first_day
        .iter()
        .copied()
        .filter(|d| *d != i64::MIN)
        .min()
    else {
        return Err(refused(Message::new("clv.no_purchases")));
    };
    let repeat_buyers = summary.repeat_buyers();
    if repeat_buyers < MIN_REPEAT_BUYERS {
        return Err(refused(
            Message::new("clv.not_enough_repeat_buyers")
                .with("found", repeat_buyers)
                .with("need", MIN_REPEAT_BUYERS),
        ));
    }
    let rows = Rows::of(&summary, unit);
    let purchases = fit_purchases(params.model, &rows).map_err(refused)?;
    // the next purchase is the BG/NBD's whichever model predicts
    let bg =
        match purchases.model {
            Purchases::Bg(m) => Some(m),
            Purchases::Pareto(_) => fit_purchases(PurchaseModel::Bgnbd, &rows)
                .ok()
                .and_then(|f| match f.model {
                    Purchases::Bg(m) => Some(m),
                    Purchases::Pareto(_) => None,
                }),
        };
    let value = fit_value(&summary);
    let bounds = boundaries(params.horizon_days);
    let factors = discount_factors(&bounds, params.discount_monthly);
    let cumulative = row_expectations(&purchases.model, &rows, &bounds, unit).ok_or_else(|| {
        refused(
            Message::new("clv.not_converged")
                .with("model", display_name(params.model))
                .with("detail", "a prediction's series did not settle"),
        )
    })?;

    let n = data.n_customers();
    let mut out = Predictions {
        repeat_days: summary
            .frequency
            .iter()
            .map(|x| if *x == ABSENT { NULL_U32 } else { *x })
            .collect(),
        p_alive: vec![f64::NAN; n],
        expected_purchases: vec![f64::NAN; n],
        purchase_probability: vec![f64::NAN; n],
        expected_value: vec![f64::NAN; n],
        lifetime_value: vec![f64::NAN; n],
        expected_value_cents: vec![NULL_I64; n],
        lifetime_value_cents: vec![NULL_I64; n],
        next_purchase: vec![NULL_DAY; n],
        next_purchase_early: vec![NULL_DAY; n],
        next_purchase_late: vec![NULL_DAY; n],
    };
    let h = params.horizon_days as f64 / unit;
    let mut row_value = vec![0.0; rows.rows.len()];
    let mut total_clv = 0.0;
    // what depends on (x, t_x, T) alone, once per row
    let per_row: Vec<RowPrediction> = rows
        .rows
        .iter()
        .map(|row| {
            let (x, t_x, t) = rows.values(row);
            let mut p = RowPrediction {
                p_alive: purchases.model.p_alive(x, t_x, t).unwrap_or(f64::NAN),
                purchase_probability: f64::NAN,
                next: [NULL_DAY; 3],
            };
            if let Some(bg) = &bg {
                let none =
                    libm::exp((bg.r + x) * (libm::log(bg.alpha + t) - libm::log(bg.alpha + t + h)));
                p.purchase_probability = bg.p_alive(x, t_x, t) * (1.0 - none);
                p.next = WAIT_QUANTILES.map(|ln_q| {
                    let wait = bg.wait_quantile_ln(ln_q, x, t) * unit;
                    if wait.is_finite() && wait <= LONGEST_WAIT_DAYS {
                        day_i32(end as f64 + wait.round())
                    } else {
                        NULL_DAY
                    }
                });
            }
            p
        })
        .collect();
    for c in 0..n {
        let r = rows.row_of[c];
        if r == ABSENT {
            continue;
        }
        let (x, e, p) = (
            summary.frequency[c] as f64,
            &cumulative[r as usize],
            &per_row[r as usize],
        );
        out.p_alive[c] = p.p_alive;
        out.expected_purchases[c] = e.last().copied().unwrap_or(0.0);
        out.purchase_probability[c] = p.purchase_probability;
        [
            out.next_purchase[c],
            out.next_purchase_early[c],
            out.next_purchase_late[c],
        ] = p.next;
        if let Ok(v) = &value {
            let ev = v.model.expected_value(x, summary.monetary[c].max(0.0));
            let spread = discounted(e, &factors);
            let clv = ev * spread;
            out.expected_value[c] = ev;
            out.lifetime_value[c] = clv;
            out.expected_value_cents[c] = libm::round(ev * 100.0) as i64;
            out.lifetime_value_cents[c] = libm::round(clv * 100.0) as i64;
            let horizon = e.last().copied().unwrap_or(0.0);
            if horizon > 0.0 {
                row_value[r as usize] += ev * spread / horizon;
            }
            total_clv += clv;
        }
    }
    let total_purchases: f64 = rows
        .rows
        .iter()
        .zip(&cumulative)
        .map(|(row, e)| row.weight * e.last().copied().unwrap_or(0.0))
        .sum();

    // intervals: the purchase model's uncertainty on both totals, the value model's on CLV
    let has_value = value.is_ok();
    let purchase_var = delta_variance(
        &purchases.optimum,
        rows.weight,
        (total_purchases, total_clv),
        |theta| {
            row_totals(
                params.model,
                theta,
                &rows,
                h,
                has_value.then_some(row_value.as_slice()),
            )
        },
    );
    let value_var = value.as_ref().ok().and_then(|v| {
        let discounted_of: Vec<f64> = (0..n)
            .map(|c| {
                let r = rows.row_of[c];
                if r == ABSENT {
                    return 0.0;
                }
                discounted(&cumulative[r as usize], &factors)
            })
            .collect();
        delta_variance(
            &v.optimum,
            v.likelihood.weight(),
            (0.0, total_clv),
            |theta| {
                let p: Vec<f64> = theta.iter().map(|t| libm::exp(*t)).collect();
                let m = v.likelihood.unscale(&p);
                let mut total = 0.0;
                for c in 0..n {
                    if rows.row_of[c] != ABSENT {
                        let x = summary.frequency[c] as f64;
                        total +=
                            m.expected_value(x, summary.monetary[c].max(0.0)) * discounted_of[c];
                    }
                }
                Some((0.0, total))
            },
        )
        .map(|v| v.1)
    });

    let customers = summary.customers();
    let alive: Vec<f64> = out
        .p_alive
        .iter()
        .copied()
        .filter(|p| p.is_finite())
        .collect();
    let mut notes: Vec<Message> = purchases.note.iter().cloned().collect();
    if customers < SMALL_CUSTOMERS || end - first < SMALL_DAYS {
        notes.push(
            Message::new("clv.small_shop")
                .with("customers", customers)
                .with("days", end - first + 1)
                .worded_by(MESSAGES),
        );
    }
    let mean_alive = alive.iter().sum::<f64>() / alive.len().max(1) as f64;
    if mean_alive >= 0.99 {
        notes.push(
            Message::new("clv.no_dropout")
                .with("model", display_name(params.model))
                .worded_by(MESSAGES),
        );
    }
    let corr = correlation(&summary);
    if let Some(r) = corr.filter(|r| r.abs() >= 0.3) {
        notes.push(
            Message::new("clv.value_correlated")
                .with("correlation", format!("{r:.2}"))
                .worded_by(MESSAGES),
        );
    }
    let (validation, validation_problem) = if params.validate {
        match validate(data, params, first, end) {
            Ok(v) => (Some(v), None),
            Err(m) => (None, Some(m.worded_by(MESSAGES))),
        }
    } else {
        (None, None)
    };
    if let Some(v) = validation.as_ref().filter(|v| v.actual > 0.0) {
        let off = (v.predicted - v.actual) / v.actual;
        if off.abs() > HOLDOUT_OFF {
            notes.push(
                Message::new("clv.holdout_off")
                    .with("predicted", format!("{:.0}", v.predicted))
                    .with("actual", format!("{:.0}", v.actual))
                    .with("off", format!("{:+.0}%", off * 100.0))
                    .worded_by(MESSAGES),
            );
        }
    }
    let summary = ClvSummary {
        model: params.model,
        unit: params.unit,
        horizon_days: params.horizon_days,
        discount_monthly: params.discount_monthly,
        observation_end: time::iso_day(end),
        customers,
        repeat_buyers,
        min_repeat_buyers: MIN_REPEAT_BUYERS,
        purchases: purchases.report,
        value: value.as_ref().ok().map(|v| v.report.clone()),
        value_problem: value.as_ref().err().map(|m| m.clone().worded_by(MESSAGES)),
        frequency_value_correlation: corr,
        expected_purchases: estimate(total_purchases, purchase_var.map(|v| v.0)),
        lifetime_value: has_value.then(|| {
            let var = match (purchase_var, value_var) {
                (Some(p), Some(v)) => Some(p.1 + v),
                _ => None,
            };
            estimate(total_clv, var)
        }),
        mean_p_alive: mean_alive,
        likely_alive: alive.iter().filter(|p| **p > 0.5).count(),
        p_alive_bars: (0..10)
            .map(|b| {
                let (from, to) = (b as f64 / 10.0, (b + 1) as f64 / 10.0);
                Bar {
                    from,
                    to,
                    customers: alive
                        .iter()
                        .filter(|p| **p >= from && (**p < to || b == 9))
                        .count(),
                }
            })
            .collect(),
        validation,
        validation_problem,
        notes,
    };
    Ok(Clv {
        summary,
        customers: out,
    })
}
