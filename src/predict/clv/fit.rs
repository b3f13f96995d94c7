//! The fits: a repeat-purchase model (BG/NBD or Pareto/NBD) on merged rows from several
//! starts, with the likelihood's edges handled (a dropout that does not vary is held on the
//! ridge; no dropout is fitted or refused), and the Gamma-Gamma model of order values; each
//! with its report (parameters, standard errors, the papers' log-likelihood).

use super::bgnbd;
use super::gamma_gamma::{self, GammaGamma};
use super::messages::MESSAGES;
use super::optimize::{self, Failure, Objective, Optimum};
use super::output::{FittedModel, Parameter};
use super::params::PurchaseModel;
use super::pareto;
use super::summary::{Rows, Summary, ABSENT};
use super::{bgnbd::BgNbd, pareto::ParetoNbd};
use crate::message::Message;

/// The fewest repeat buyers a purchase model is fitted on: below it the four parameters are
/// not identified (the likelihood is flat in the dropout ones).
pub const MIN_REPEAT_BUYERS: usize = 20;
/// The fewest repeat buyers with a positive value the Gamma-Gamma model is fitted on.
pub const MIN_VALUE_BUYERS: usize = 20;

/// A fitted repeat-purchase model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Purchases {
    /// BG/NBD.
    Bg(BgNbd),
    /// Pareto/NBD.
    Pareto(ParetoNbd),
}

impl Purchases {
    pub(super) fn from_slice(model: PurchaseModel, p: &[f64]) -> Purchases {
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

pub(super) fn model_name(model: PurchaseModel) -> &'static str {
    match model {
        PurchaseModel::Bgnbd => "bgnbd",
        PurchaseModel::Pareto => "pareto",
    }
}

/// The model as the papers and the messages name it.
pub(super) fn display_name(model: PurchaseModel) -> &'static str {
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
pub(super) struct PurchaseFit {
    pub(super) model: Purchases,
    pub(super) optimum: Optimum,
    pub(super) report: FittedModel,
    /// Said when the dropout parameters were held on the ridge.
    pub(super) note: Option<Message>,
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

pub(super) fn fit_purchases(model: PurchaseModel, rows: &Rows) -> Result<PurchaseFit, Message> {
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

/// The Gamma-Gamma fit on the repeat buyers with a positive mean value.
pub(super) struct ValueFit {
    pub(super) model: GammaGamma,
    pub(super) optimum: Optimum,
    pub(super) likelihood: gamma_gamma::Likelihood,
    pub(super) report: FittedModel,
}

pub(super) fn fit_value(summary: &Summary) -> Result<ValueFit, Message> {
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
pub(super) fn correlation(summary: &Summary) -> Option<f64> {
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
