//! The lifetime-value fit: the summary (stage e of the peer benchmark), the repeat-purchase
//! model and the Gamma-Gamma order-value model by maximum likelihood, the per-customer
//! predictions, the shop totals with delta-method intervals, and the calibration / holdout
//! validation. Every outcome the data cannot support is a message, never a NaN.

use super::bgnbd::{self, BgNbd};
use super::gamma_gamma::{self, GammaGamma};
use super::messages::MESSAGES;
use super::optimize::{self, Failure, Objective, Optimum};
use super::output::{
    Bar, ClvSummary, CumulativePoint, Estimate, FittedModel, FrequencyBucket, Parameter, Validation,
};
use super::params::{ClvValidParams, PurchaseModel};
use super::pareto::{self, ParetoNbd};
use super::summary::{is_purchase, summarise, Rows, Summary, ABSENT};
use crate::dataset::{time, Dataset};
use crate::error::Error;
use crate::message::Message;
use crate::table::{NULL_DAY, NULL_I64, NULL_U32};

/// The fewest repeat buyers a purchase model is fitted on: below it the four parameters are
/// not identified (the likelihood is flat in the dropout ones).
pub const MIN_REPEAT_BUYERS: usize = 20;
/// The fewest repeat buyers with a positive value the Gamma-Gamma model is fitted on.
pub const MIN_VALUE_BUYERS: usize = 20;
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

/// A fitted repeat-purchase model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Purchases {
    /// BG/NBD.
    Bg(BgNbd),
    /// Pareto/NBD.
    Pareto(ParetoNbd),
}

impl Purchases {
    fn from_slice(model: PurchaseModel, p: &[f64]) -> Purchases {
        match model {
            PurchaseModel::Bgnbd => Purchases::Bg(BgNbd::from_slice(p)),
            PurchaseModel::Pareto => Purchases::Pareto(ParetoNbd::from_slice(p)),
        }
    }

    /// P(alive) of a customer.
    pub fn p_alive(&self, x: f64, t_x: f64, t: f64) -> Option<f64> {
        match self {
            Purchases::Bg(m) => Some(m.p_alive(x, t_x, t)),
            Purchases::Pareto(m) => m.p_alive(x, t_x, t),
        }
    }

    /// Expected purchases in (T, T+h].
    pub fn expected(&self, h: f64, x: f64, t_x: f64, t: f64) -> Option<f64> {
        match self {
            Purchases::Bg(m) => m.expected_purchases(h, x, t_x, t),
            Purchases::Pareto(m) => m.expected_purchases(h, x, t_x, t),
        }
    }

    /// E[X(t)] of a customer just acquired.
    pub fn expected_from_start(&self, t: f64) -> Option<f64> {
        match self {
            Purchases::Bg(m) => m.expected_from_start(t),
            Purchases::Pareto(m) => m.expected_from_start(t),
        }
    }

    /// The log-likelihood of one customer.
    pub fn log_likelihood(&self, x: f64, t_x: f64, t: f64) -> Option<f64> {
        match self {
            Purchases::Bg(m) => Some(m.log_likelihood(x, t_x, t)),
            Purchases::Pareto(m) => m.log_likelihood(x, t_x, t),
        }
    }
}

fn model_name(model: PurchaseModel) -> &'static str {
    match model {
        PurchaseModel::Bgnbd => "bgnbd",
        PurchaseModel::Pareto => "pareto",
    }
}

/// The model as the papers and the messages name it.
fn display_name(model: PurchaseModel) -> &'static str {
    match model {
        PurchaseModel::Bgnbd => "BG/NBD",
        PurchaseModel::Pareto => "Pareto/NBD",
    }
}

fn parameter_names(model: PurchaseModel) -> [&'static str; 4] {
    match model {
        PurchaseModel::Bgnbd => ["r", "alpha", "a", "b"],
        PurchaseModel::Pareto => ["r", "alpha", "s", "beta"],
    }
}

fn refused(m: Message) -> Error {
    Error::Refused(m.worded_by(MESSAGES))
}

/// The starts (in log space) of a purchase model: a rate matching the shop's mean, and two
/// spread around it, so a flat or two-humped likelihood is met from several sides.
fn starts(model: PurchaseModel, rows: &Rows) -> Vec<Vec<f64>> {
    let (mut sum_x, mut sum_t) = (0.0, 0.0);
    for row in &rows.rows {
        let (x, _, t) = rows.values(row);
        sum_x += row.weight * x;
        sum_t += row.weight * t;
    }
    let alpha = (sum_t / sum_x.max(1.0)).clamp(1e-3, 1e6);
    let sets: [[f64; 4]; 3] = match model {
        PurchaseModel::Bgnbd => [
            [1.0, alpha, 1.0, 1.0],
            [0.25, alpha / 4.0, 0.75, 2.5],
            [3.0, alpha * 3.0, 3.0, 10.0],
        ],
        PurchaseModel::Pareto => [
            [1.0, alpha, 1.0, alpha],
            [0.5, alpha / 2.0, 0.5, alpha * 2.0],
            [2.0, alpha * 2.0, 2.0, alpha / 2.0],
        ],
    };
    sets.iter()
        .map(|s| s.iter().map(|v| libm::log(*v)).collect())
        .collect()
}

fn failure_message(model: &str, failure: &Failure, names: &[&str]) -> Message {
    match failure {
        Failure::NoFiniteStart => Message::new("clv.not_converged")
            .with("model", model)
            .with("detail", "the likelihood is not finite at any start"),
        Failure::Iterations { gradient, .. } => {
            Message::new("clv.not_converged").with("model", model).with(
                "detail",
                format!("the gradient is still {gradient:.1e} after the iterations"),
            )
        }
        Failure::Edge { .. } => Message::new("clv.pareto_no_dropout").with("model", model),
        Failure::Boundary {
            parameter, value, ..
        } => Message::new("clv.parameter_runaway")
            .with("model", model)
            .with("parameter", names.get(*parameter).copied().unwrap_or("?"))
            .with("value", format!("{value:.3e}")),
    }
}

/// A purchase model fitted on `rows`: the model, the optimum and its report.
struct PurchaseFit {
    model: Purchases,
    optimum: Optimum,
    report: FittedModel,
    /// Said when the dropout parameters were held on the ridge.
    note: Option<Message>,
}

/// Above this concentration (a + b of the BG/NBD's Beta, s of the Pareto/NBD's Gamma) the
/// customers' dropout hardly varies: a fit running there is on a ridge of the likelihood
/// towards a dropout the same for everyone, and is held at it.
const RIDGE: f64 = 200.0;

/// The dropout parameters held on the ridge: the same mean dropout, concentration `RIDGE`.
fn on_ridge(model: PurchaseModel, p: &[f64]) -> Option<[f64; 2]> {
    match model {
        PurchaseModel::Bgnbd if p[2] + p[3] > RIDGE => {
            let mean = p[2] / (p[2] + p[3]);
            Some([mean * RIDGE, (1.0 - mean) * RIDGE])
        }
        PurchaseModel::Pareto if p[2] > RIDGE => Some([RIDGE, RIDGE * p[3] / p[2]]),
        _ => None,
    }
}

/// A purchase model's likelihood with its two dropout parameters held: r and α are fitted.
struct HeldDropout<'a, O> {
    full: &'a O,
    held: [f64; 2],
}

impl<O: Objective> Objective for HeldDropout<'_, O> {
    const DIM: usize = 2;
    fn value_gradient(&self, theta: &[f64], g: &mut [f64]) -> f64 {
        let at = [
            theta[0],
            theta[1],
            libm::log(self.held[0]),
            libm::log(self.held[1]),
        ];
        let mut full = [0.0; 4];
        let f = self.full.value_gradient(&at, &mut full);
        g[0] = full[0];
        g[1] = full[1];
        f
    }
}

/// Whether the model at `p` lets hardly anyone drop out within `longest` (the longest history,
/// fitting unit): the likelihood's other edge, where it rises ever more slowly towards the NBD
/// without dropout, so the optimiser stops short of its tolerance. The point it stopped at
/// predicts what that limit does (P(alive) ≈ 1); the view says so.
fn without_dropout(model: PurchaseModel, p: &[f64], longest: f64) -> bool {
    match model {
        PurchaseModel::Bgnbd => p[2] / (p[2] + p[3]) < 1e-4,
        PurchaseModel::Pareto => p[2] / p[3] * longest < 1e-3,
    }
}

fn minimise_purchases<O: Objective>(
    model: PurchaseModel,
    objective: &O,
    starts: &[Vec<f64>],
    longest: f64,
) -> Result<(Optimum, Option<Message>), Failure> {
    let found = optimize::minimise(objective, starts);
    let stopped: Option<Vec<f64>> = match &found {
        Ok(o) => Some(o.params.clone()),
        Err(f) => f.stopped_at().map(<[f64]>::to_vec),
    };
    let Some((at, held)) = stopped
        .clone()
        .and_then(|p| on_ridge(model, &p).map(|h| (p, h)))
    else {
        return match (found, stopped) {
            (Err(Failure::Iterations { .. }), Some(p)) if without_dropout(model, &p, longest) => {
                let theta: Vec<f64> = p.iter().map(|v| libm::log(*v)).collect();
                let mut g = vec![0.0; O::DIM];
                let value = objective.value_gradient(&theta, &mut g);
                let optimum = Optimum {
                    hessian_log: optimize::hessian(objective, &theta, &g),
                    gradient: g.iter().fold(0.0, |m, x| m.max(x.abs())),
                    params: p,
                    value,
                    iterations: 0,
                };
                Ok((optimum, None))
            }
            (found, _) => found.map(|o| (o, None)),
        };
    };
    let ridge_value = match &found {
        Ok(o) => o.value,
        Err(_) => {
            let theta: Vec<f64> = at.iter().map(|p| libm::log(*p)).collect();
            objective.value_gradient(&theta, &mut [0.0; 4])
        }
    };
    let two = HeldDropout {
        full: objective,
        held,
    };
    let start = vec![libm::log(at[0]), libm::log(at[1])];
    let inner = optimize::minimise(&two, &[start])?;
    // the full Hessian with the held parameters fixed: their block is the identity times a
    // huge curvature, so they add no variance to the intervals
    let mut hessian_log = vec![0.0; 16];
    for i in 0..2 {
        for j in 0..2 {
            hessian_log[i * 4 + j] = inner.hessian_log[i * 2 + j];
        }
    }
    hessian_log[10] = 1e12;
    hessian_log[15] = 1e12;
    let optimum = Optimum {
        params: vec![inner.params[0], inner.params[1], held[0], held[1]],
        value: inner.value,
        iterations: inner.iterations,
        gradient: inner.gradient,
        hessian_log,
    };
    let mean = match model {
        PurchaseModel::Bgnbd => held[0] / (held[0] + held[1]),
        PurchaseModel::Pareto => held[0] / held[1],
    };
    let loss = (optimum.value - ridge_value).max(0.0);
    let note = Message::new("clv.dropout_held")
        .with("model", display_name(model))
        .with("dropout", format!("{mean:.4}"))
        .with("ridge", RIDGE)
        .with("loss", format!("{loss:.2e}"));
    Ok((optimum, Some(note)))
}

fn fit_purchases(model: PurchaseModel, rows: &Rows) -> Result<PurchaseFit, Message> {
    let starts = starts(model, rows);
    let longest = rows.times.last().copied().unwrap_or(0.0);
    let found = match model {
        PurchaseModel::Bgnbd => {
            minimise_purchases(model, &bgnbd::Likelihood { rows }, &starts, longest)
        }
        PurchaseModel::Pareto => {
            minimise_purchases(model, &pareto::Likelihood { rows }, &starts, longest)
        }
    };
    let names = parameter_names(model);
    let (optimum, note) = found.map_err(|f| failure_message(display_name(model), &f, &names))?;
    let fitted = Purchases::from_slice(model, &optimum.params);
    let mut report = report(model_name(model), &names, &optimum, rows.weight, || {
        let mut ll = 0.0;
        for row in &rows.rows {
            let (x, t_x, t) = rows.values(row);
            ll += row.weight * fitted.log_likelihood(x, t_x, t).unwrap_or(f64::NAN);
        }
        ll
    });
    if note.is_some() {
        // held, not estimated: no standard error
        for p in report.parameters.iter_mut().skip(2) {
            p.standard_error = None;
        }
    }
    Ok(PurchaseFit {
        model: fitted,
        optimum,
        report,
        note: note.map(|m| m.worded_by(MESSAGES)),
    })
}

fn report(
    model: &str,
    names: &[&str],
    optimum: &Optimum,
    weight: f64,
    log_likelihood: impl FnOnce() -> f64,
) -> FittedModel {
    let errors = optimize::standard_errors(optimum, weight);
    FittedModel {
        model: model.to_string(),
        parameters: names
            .iter()
            .enumerate()
            .map(|(i, n)| Parameter {
                name: n.to_string(),
                value: optimum.params[i],
                standard_error: errors.as_ref().map(|e| e[i]).filter(|e| e.is_finite()),
            })
            .collect(),
        log_likelihood: log_likelihood(),
        customers: weight as usize,
        iterations: optimum.iterations,
    }
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

/// The Gamma-Gamma fit on the repeat buyers with a positive mean value.
struct ValueFit {
    model: GammaGamma,
    optimum: Optimum,
    likelihood: gamma_gamma::Likelihood,
    report: FittedModel,
}

fn fit_value(summary: &Summary) -> Result<ValueFit, Message> {
    let pairs: Vec<(u32, f64)> = (0..summary.frequency.len())
        .filter(|c| {
            summary.frequency[*c] != ABSENT
                && summary.frequency[*c] > 0
                && summary.monetary[*c] > 0.0
        })
        .map(|c| (summary.frequency[c], summary.monetary[c]))
        .collect();
    if pairs.len() < MIN_VALUE_BUYERS {
        return Err(Message::new("clv.value_not_enough")
            .with("found", pairs.len())
            .with("need", MIN_VALUE_BUYERS));
    }
    let likelihood = gamma_gamma::Likelihood::new(&pairs);
    let starts: Vec<Vec<f64>> = [[1.0, 2.0, 1.0], [5.0, 5.0, 5.0], [0.5, 1.5, 0.2]]
        .iter()
        .map(|s| s.iter().map(|v| libm::log(*v)).collect())
        .collect();
    let optimum = optimize::minimise(&likelihood, &starts).map_err(|f| {
        let m = failure_message("Gamma-Gamma", &f, &["p", "q", "v"]);
        match m.params.get("detail").cloned() {
            Some(d) => Message::new("clv.value_not_converged").with("detail", d),
            None => Message::new("clv.value_not_converged").with("detail", m.to_string()),
        }
    })?;
    let model = likelihood.unscale(&optimum.params);
    if model.q <= 1.0 {
        return Err(Message::new("clv.value_heavy_tail").with("q", format!("{:.3}", model.q)));
    }
    let mut report = report(
        "gamma_gamma",
        &["p", "q", "v"],
        &optimum,
        likelihood.weight(),
        || likelihood.unscaled_mean_log_likelihood(optimum.value) * likelihood.weight(),
    );
    // v's standard error is in the scaled values' unit: back to currency units
    if let Some(v) = report.parameters.get_mut(2) {
        v.value = model.v;
        v.standard_error = v.standard_error.map(|e| e * likelihood.scale);
    }
    Ok(ValueFit {
        model,
        optimum,
        likelihood,
        report,
    })
}

/// Pearson's correlation of x and m̄ over the repeat buyers with a positive value.
fn correlation(summary: &Summary) -> Option<f64> {
    let pairs: Vec<(f64, f64)> = (0..summary.frequency.len())
        .filter(|c| {
            summary.frequency[*c] != ABSENT
                && summary.frequency[*c] > 0
                && summary.monetary[*c] > 0.0
        })
        .map(|c| (summary.frequency[c] as f64, summary.monetary[c]))
        .collect();
    let n = pairs.len() as f64;
    if n < 3.0 {
        return None;
    }
    let (mx, my) = pairs
        .iter()
        .fold((0.0, 0.0), |a, p| (a.0 + p.0 / n, a.1 + p.1 / n));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in &pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    let r = sxy / (sxx * syy).sqrt();
    r.is_finite().then_some(r)
}

/// The first and last purchase days of the data.
fn purchase_span(data: &Dataset) -> Option<(i64, i64)> {
    let mut span: Option<(i64, i64)> = None;
    for c in 0..data.n_customers() {
        for i in data.customer_lines(c) {
            if is_purchase(data, i) {
                let d = time::day(data.lines.time[i]);
                span = Some(span.map_or((d, d), |(a, b)| (a.min(d), b.max(d))));
            }
        }
    }
    span
}

fn day_i32(day: f64) -> i32 {
    day as i32
}

/// Fits everything on `data`.
pub fn clv(data: &Dataset, params: &ClvValidParams) -> Result<Clv, Error> {
    let Some(end) = data.last_day() else {
        return Err(refused(Message::new("clv.no_purchases")));
    };
    let Some((first, _)) = purchase_span(data) else {
        return Err(refused(Message::new("clv.no_purchases")));
    };
    let unit = params.unit.days();
    let summary = summarise(data, end, None);
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

/// The calibration end: the one given, else three quarters into the purchase days' range.
pub fn calibration_end(params: &ClvValidParams, first: i64, end: i64) -> i64 {
    params
        .calibration_end
        .unwrap_or(first + (end - first) * 3 / 4)
}

/// The calibration / holdout check: the model fitted on the days up to the calibration end,
/// its predictions for the holdout against what the customers did.
fn validate(
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
