//! The propensity fit: the three periods of the time split, the models learnt on the
//! earlier, measured on the later, and every customer scored as of the last day.
//!
//! ```text
//!   training features ≤ cutoff − h   labels (cutoff − h, cutoff]     → the models learn
//!   test features     ≤ cutoff       labels (cutoff, cutoff + h]     → every metric
//!   scoring features  ≤ last day     (the future)                    → the customer columns
//! ```
//!
//! The customers are scored by the model that was measured — the scores are the ones whose
//! quality the page shows.

use super::features::{features, Features};
use super::forest::{self, Forest};
use super::logistic::{self, Logistic};
use super::messages::MESSAGES;
use super::metrics;
use super::output::{FeatureInfo, Importance, ModelReport, Period, PropensitySummary, ScoreBin};
use super::params::{ModelKind, PropensityValidParams, Target};
use super::split::{Ahead, Before};
use super::tree::{self, normalised, Binned, Bins, Growth, Tree};
use crate::dataset::{time, Dataset, Dimension};
use crate::error::Error;
use crate::message::Message;
use crate::table::NULL_CODE;

/// Customers a period needs at least.
pub const MIN_CUSTOMERS: usize = 50;
/// Customers of each class (target or not) a period needs at least.
pub const MIN_CLASS: usize = 10;
/// Below this many of either class in the test period, the metrics' uncertainty is noted.
const FEW_CLASS: usize = 100;

fn refused(m: Message) -> Error {
    Error::Refused(m.worded_by(MESSAGES))
}

/// The fitted models and the customers' scores.
#[derive(Debug, Clone)]
pub struct Propensity {
    /// The output.
    pub summary: PropensitySummary,
    /// The chance of churn per customer (NaN = no score or another target).
    pub churn_risk: Vec<f64>,
    /// The chance of a purchase per customer (NaN = no score or another target).
    pub purchase_chance: Vec<f64>,
    /// The score's tenth, 1 = the highest (NULL_CODE = no score).
    pub decile: Vec<u8>,
}

/// A fitted model of any kind.
enum Fitted {
    Logistic(Logistic),
    Tree(Tree),
    Forest(Forest),
}

impl Fitted {
    fn scores(&self, x: &Features, codes: &Binned) -> Vec<f64> {
        match self {
            Fitted::Logistic(m) => (0..x.len()).map(|i| m.predict(x.row(i))).collect(),
            Fitted::Tree(t) => (0..codes.len()).map(|i| t.predict(codes.row(i))).collect(),
            Fitted::Forest(f) => (0..codes.len()).map(|i| f.predict(codes.row(i))).collect(),
        }
    }
}

/// The labels of a feature table's customers over the window after its day.
fn labels(x: &Features, ahead: &Ahead<'_>, target: Target) -> Vec<bool> {
    x.customers
        .iter()
        .map(|&c| {
            let bought = ahead.bought(c as usize);
            match target {
                Target::Churn => !bought,
                Target::Purchase => bought,
            }
        })
        .collect()
}

fn period(x: &Features, y: &[bool], day: i64, horizon: i64) -> Period {
    Period {
        features_at: time::iso_day(day),
        labels_from: time::iso_day(day + 1),
        labels_to: time::iso_day(day + horizon),
        customers: x.len(),
        positives: y.iter().filter(|v| **v).count(),
    }
}

/// Refuses a period too small or with one class only.
fn check_period(p: &Period, day: i64, horizon: i64) -> Result<(), Error> {
    if p.customers < MIN_CUSTOMERS {
        return Err(refused(
            Message::new("propensity.too_few")
                .with("found", p.customers)
                .with("day", time::iso_day(day))
                .with("need", MIN_CUSTOMERS),
        ));
    }
    let negatives = p.customers - p.positives;
    if p.positives < MIN_CLASS || negatives < MIN_CLASS {
        return Err(refused(
            Message::new("propensity.one_class")
                .with("days", horizon)
                .with("day", time::iso_day(day))
                .with("customers", p.customers)
                .with("positives", p.positives)
                .with("negatives", negatives)
                .with("need", MIN_CLASS),
        ));
    }
    Ok(())
}

/// The target category, interned.
fn category_code(data: &Dataset, name: &str) -> Result<u32, Error> {
    let Some(column) = data
        .lines
        .dimension(Dimension::Category)
        .filter(|d| !d.values.is_empty())
    else {
        return Err(refused(Message::new("propensity.no_categories")));
    };
    column.values.get(name).ok_or_else(|| {
        let mut names: Vec<String> = column.values.names().map(str::to_string).collect();
        names.sort();
        names.truncate(12);
        refused(
            Message::new("propensity.unknown_category")
                .with("category", name)
                .with("categories", names),
        )
    })
}

/// Fits the models and scores every customer.
pub fn propensity(data: &Dataset, params: &PropensityValidParams) -> Result<Propensity, Error> {
    let Some(last) = data.last_day() else {
        return Err(refused(Message::new("propensity.no_purchases")));
    };
    let h = params.horizon_days as i64;
    let cutoff = params.cutoff.unwrap_or(last - h);
    if cutoff + h > last {
        return Err(refused(
            Message::new("propensity.cutoff_outside")
                .with("cutoff", time::iso_day(cutoff))
                .with("days", h)
                .with("last", time::iso_day(last))
                .with("latest", time::iso_day(last - h)),
        ));
    }
    let category = match &params.target_category {
        Some(name) if params.target == Target::Purchase => Some(category_code(data, name)?),
        _ => None,
    };
    let train_day = cutoff - h;
    let train_all = features(&Before::new(data, train_day), category);
    let y_train = labels(
        &train_all,
        &Ahead::new(data, train_day, cutoff, category),
        params.target,
    );
    let training = period(&train_all, &y_train, train_day, h);
    check_period(&training, train_day, h)?;
    let test_all = features(&Before::new(data, cutoff), category);
    let y_test = labels(
        &test_all,
        &Ahead::new(data, cutoff, cutoff + h, category),
        params.target,
    );
    let test = period(&test_all, &y_test, cutoff, h);
    check_period(&test, cutoff, h)?;
    let score_all = features(&Before::new(data, last), category);

    // a feature constant over the training customers carries nothing: left out everywhere
    let keep = train_all.varying();
    let feature_info: Vec<FeatureInfo> = train_all
        .specs
        .iter()
        .enumerate()
        .map(|(j, s)| FeatureInfo {
            name: s.name.to_string(),
            doc: s.doc.to_string(),
            used: keep.contains(&j),
        })
        .collect();
    let (x_train, x_test, x_score) = (
        train_all.select(&keep),
        test_all.select(&keep),
        score_all.select(&keep),
    );
    let bins = Bins::of(&x_train);
    let (c_train, c_test, c_score) = (bins.code(&x_train), bins.code(&x_test), bins.code(&x_score));
    let rate = training.positives as f64 / training.customers as f64;
    let mut notes = Vec::new();
    let dropped: Vec<String> = feature_info
        .iter()
        .filter(|f| !f.used)
        .map(|f| f.name.clone())
        .collect();
    if !dropped.is_empty() {
        notes.push(
            Message::new("propensity.constant_features")
                .with("features", dropped)
                .worded_by(MESSAGES),
        );
    }
    let test_rate = test.positives as f64 / test.customers as f64;
    if (test_rate - rate).abs() > 0.1 {
        notes.push(
            Message::new("propensity.drift")
                .with("training", format!("{:.1} %", rate * 100.0))
                .with("test", format!("{:.1} %", test_rate * 100.0))
                .worded_by(MESSAGES),
        );
    }
    let baseline = metrics::baseline(rate, &y_test);
    let mut reports = Vec::new();
    let mut scoring: Option<Fitted> = None;
    for kind in params.models() {
        let (fitted, report) = fit_one(
            kind, params, &x_train, &c_train, &y_train, &x_test, &c_test, &y_test,
        );
        let mut report = report;
        report.importances = importances(&fitted, &x_train);
        if kind == params.model {
            if report.roc_auc < 0.6 {
                notes.push(
                    Message::new("propensity.weak")
                        .with("model", kind.name())
                        .with("auc", format!("{:.3}", report.roc_auc))
                        .worded_by(MESSAGES),
                );
            }
            if report.brier >= baseline.brier {
                notes.push(
                    Message::new("propensity.uncalibrated")
                        .with("model", kind.name())
                        .with("brier", format!("{:.4}", report.brier))
                        .with("baseline", format!("{:.4}", baseline.brier))
                        .worded_by(MESSAGES),
                );
            }
            let negatives = test.customers - test.positives;
            if test.positives.min(negatives) < FEW_CLASS {
                notes.insert(
                    0,
                    Message::new("propensity.uncertain")
                        .with("positives", test.positives)
                        .with("negatives", negatives)
                        .with("se", format!("{:.3}", report.roc_auc_se))
                        .worded_by(MESSAGES),
                );
            }
            scoring = Some(fitted);
        }
        reports.push(report);
    }
    let Some(model) = scoring else {
        return Err(refused(Message::new("propensity.no_purchases")));
    };
    let scores = model.scores(&x_score, &c_score);
    let n = data.n_customers();
    let mut column = vec![f64::NAN; n];
    for (&c, &s) in x_score.customers.iter().zip(&scores) {
        column[c as usize] = s;
    }
    let mut decile = vec![NULL_CODE; n];
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let scored = scores.len();
    for (rank, &i) in order.iter().enumerate() {
        decile[x_score.customers[i] as usize] = (1 + rank * 10 / scored.max(1)) as u8;
    }
    let top_count = scored.div_ceil(10);
    let top_tenth_score = order
        .get(top_count.saturating_sub(1))
        .map_or(0.0, |&i| scores[i]);
    let mut bins20 = vec![0usize; 20];
    for s in &scores {
        bins20[((s * 20.0) as usize).min(19)] += 1;
    }
    let score_bins = bins20
        .iter()
        .enumerate()
        .map(|(k, &customers)| ScoreBin {
            low: k as f64 / 20.0,
            customers,
        })
        .collect();
    let (churn_risk, purchase_chance) = match params.target {
        Target::Churn => (column, vec![f64::NAN; n]),
        Target::Purchase => (vec![f64::NAN; n], column),
    };
    Ok(Propensity {
        summary: PropensitySummary {
            target: params.target,
            target_category: params.target_category.clone(),
            horizon_days: params.horizon_days,
            model: params.model,
            training,
            test,
            scored_at: time::iso_day(last),
            scored_customers: scored,
            expected: scores.iter().sum(),
            top_tenth_score,
            score_bins,
            features: feature_info,
            models: reports,
            baseline,
            notes,
        },
        churn_risk,
        purchase_chance,
        decile,
    })
}

/// Fits one model on the training period and measures it on the test period.
#[allow(clippy::too_many_arguments)]
fn fit_one(
    kind: ModelKind,
    params: &PropensityValidParams,
    x_train: &Features,
    c_train: &Binned,
    y_train: &[bool],
    x_test: &Features,
    c_test: &Binned,
    y_test: &[bool],
) -> (Fitted, ModelReport) {
    let (fitted, steps, splits, trees) = match kind {
        ModelKind::Logistic => {
            let m = logistic::fit(x_train, y_train);
            let steps = m.iterations;
            (Fitted::Logistic(m), Some(steps), None, None)
        }
        ModelKind::Tree => {
            let growth = Growth {
                max_depth: params.max_depth,
                min_leaf: tree::TREE_MIN_LEAF,
                features_tried: c_train.width,
            };
            let n = c_train.len();
            let t = tree::grow(
                c_train,
                y_train,
                &vec![1; n],
                (0..n as u32).collect(),
                growth,
                &mut tree::AllFeatures,
            );
            let splits = t.splits() as f64;
            (Fitted::Tree(t), None, Some(splits), None)
        }
        ModelKind::Forest => {
            let f = forest::fit(
                c_train,
                y_train,
                params.trees,
                params.max_depth,
                params.seed,
            );
            let splits =
                f.trees.iter().map(|t| t.splits()).sum::<usize>() as f64 / f.trees.len() as f64;
            (Fitted::Forest(f), None, Some(splits), Some(params.trees))
        }
    };
    let s = fitted.scores(x_test, c_test);
    let roc_auc = metrics::roc_auc(&s, y_test);
    let positives = y_test.iter().filter(|v| **v).count();
    let report = ModelReport {
        model: kind,
        roc_auc,
        roc_auc_se: metrics::auc_standard_error(roc_auc, positives, y_test.len() - positives),
        pr_auc: metrics::average_precision(&s, y_test),
        brier: metrics::brier(&s, y_test),
        log_loss: metrics::log_loss(&s, y_test),
        accuracy: metrics::accuracy(&s, y_test),
        lift_top_tenth: metrics::lift_top_tenth(&s, y_test),
        at_thresholds: metrics::at_thresholds(&s, y_test, &params.thresholds),
        roc: metrics::roc_curve(&s, y_test),
        pr: metrics::pr_curve(&s, y_test),
        gains: metrics::gains(&s, y_test),
        calibration: metrics::calibration(&s, y_test),
        importances: Vec::new(),
        steps,
        splits,
        trees,
    };
    (fitted, report)
}

/// A model's features by importance, largest first.
fn importances(model: &Fitted, x: &Features) -> Vec<Importance> {
    let (share, coefficient): (Vec<f64>, Option<&[f64]>) = match model {
        Fitted::Logistic(m) => {
            let abs: Vec<f64> = m.coefficients.iter().map(|c| c.abs()).collect();
            (normalised(&abs), Some(&m.coefficients))
        }
        Fitted::Tree(t) => (normalised(&t.decrease), None),
        Fitted::Forest(f) => (f.importances(), None),
    };
    let mut out: Vec<Importance> = x
        .specs
        .iter()
        .enumerate()
        .map(|(j, s)| Importance {
            feature: s.name.to_string(),
            importance: share[j],
            coefficient: coefficient.map(|c| c[j]),
        })
        .collect();
    out.sort_by(|a, b| b.importance.total_cmp(&a.importance));
    out
}
