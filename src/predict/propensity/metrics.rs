//! How well scores rank and fit what happened: ROC AUC (ties counted half, as scikit-learn's
//! `roc_auc_score`), average precision (`average_precision_score`: Σ (Rₖ − Rₖ₋₁) Pₖ over the
//! distinct thresholds), precision and recall at thresholds, gains and lift, a calibration
//! table (`calibration_curve(strategy="uniform", n_bins=10)`), Brier score and log loss.

use super::output::{AtThreshold, Baseline, CalibrationBin, CurvePoint, Gain};

/// Points a curve is thinned to for the page.
const CURVE_POINTS: usize = 101;

/// The rows ordered by score, highest first (ties by row, so the order is stable).
fn descending(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order
}

/// The confusion counts at each distinct threshold, highest first: (true, false) positives
/// among the rows scoring at least it.
fn cumulative(scores: &[f64], y: &[bool]) -> Vec<(f64, usize, usize)> {
    let order = descending(scores);
    let mut out: Vec<(f64, usize, usize)> = Vec::new();
    let (mut tp, mut fp) = (0, 0);
    for (k, &i) in order.iter().enumerate() {
        if y[i] {
            tp += 1;
        } else {
            fp += 1;
        }
        let last_of_tie = order.get(k + 1).is_none_or(|&j| scores[j] != scores[i]);
        if last_of_tie {
            out.push((scores[i], tp, fp));
        }
    }
    out
}

/// Area under the ROC curve: the chance that a random positive scores above a random
/// negative, ties counted half. NaN without both classes.
pub fn roc_auc(scores: &[f64], y: &[bool]) -> f64 {
    let steps = cumulative(scores, y);
    let (p, n) = steps.last().map_or((0, 0), |s| (s.1, s.2));
    if p == 0 || n == 0 {
        return f64::NAN;
    }
    let (mut area, mut tp0, mut fp0) = (0.0, 0usize, 0usize);
    for &(_, tp, fp) in &steps {
        // trapezoid: a tie block counts its positive-negative pairs half
        area += (fp - fp0) as f64 * (tp0 + tp) as f64 / 2.0;
        tp0 = tp;
        fp0 = fp;
    }
    area / (p as f64 * n as f64)
}

/// The standard error of an AUC (Hanley & McNeil 1982, their equation 2).
pub fn auc_standard_error(auc: f64, positives: usize, negatives: usize) -> f64 {
    let (p, n) = (positives as f64, negatives as f64);
    let q1 = auc / (2.0 - auc);
    let q2 = 2.0 * auc * auc / (1.0 + auc);
    let v =
        (auc * (1.0 - auc) + (p - 1.0) * (q1 - auc * auc) + (n - 1.0) * (q2 - auc * auc)) / (p * n);
    v.max(0.0).sqrt()
}

/// Average precision (the precision-recall curve's area as scikit-learn sums it).
pub fn average_precision(scores: &[f64], y: &[bool]) -> f64 {
    let steps = cumulative(scores, y);
    let p = steps.last().map_or(0, |s| s.1);
    if p == 0 {
        return f64::NAN;
    }
    let (mut ap, mut r0) = (0.0, 0.0);
    for &(_, tp, fp) in &steps {
        let r = tp as f64 / p as f64;
        ap += (r - r0) * tp as f64 / (tp + fp) as f64;
        r0 = r;
    }
    ap
}

/// Keeps at most `CURVE_POINTS` of a curve, the first and the last always.
fn thin(points: Vec<CurvePoint>) -> Vec<CurvePoint> {
    if points.len() <= CURVE_POINTS {
        return points;
    }
    let last = points.len() - 1;
    (0..CURVE_POINTS)
        .map(|k| points[k * last / (CURVE_POINTS - 1)])
        .collect()
}

/// The ROC curve from (0, 0) to (1, 1).
pub fn roc_curve(scores: &[f64], y: &[bool]) -> Vec<CurvePoint> {
    let steps = cumulative(scores, y);
    let (p, n) = steps.last().map_or((1, 1), |s| (s.1.max(1), s.2.max(1)));
    let mut points = vec![CurvePoint { x: 0.0, y: 0.0 }];
    points.extend(steps.iter().map(|&(_, tp, fp)| CurvePoint {
        x: fp as f64 / n as f64,
        y: tp as f64 / p as f64,
    }));
    thin(points)
}

/// The precision-recall curve, recall ascending.
pub fn pr_curve(scores: &[f64], y: &[bool]) -> Vec<CurvePoint> {
    let steps = cumulative(scores, y);
    let p = steps.last().map_or(1, |s| s.1.max(1));
    thin(
        steps
            .iter()
            .map(|&(_, tp, fp)| CurvePoint {
                x: tp as f64 / p as f64,
                y: tp as f64 / (tp + fp) as f64,
            })
            .collect(),
    )
}

/// Precision and recall when the rows scoring at least each threshold are flagged.
pub fn at_thresholds(scores: &[f64], y: &[bool], thresholds: &[f64]) -> Vec<AtThreshold> {
    let positives = y.iter().filter(|v| **v).count();
    thresholds
        .iter()
        .map(|&t| {
            let (mut flagged, mut tp) = (0, 0);
            for (s, &yi) in scores.iter().zip(y) {
                if *s >= t {
                    flagged += 1;
                    tp += usize::from(yi);
                }
            }
            AtThreshold {
                threshold: t,
                flagged,
                precision: (flagged > 0).then(|| tp as f64 / flagged as f64),
                recall: if positives > 0 {
                    tp as f64 / positives as f64
                } else {
                    0.0
                },
            }
        })
        .collect()
}

/// Gains and lift of the top 5 %, 10 %, … 100 % by score.
pub fn gains(scores: &[f64], y: &[bool]) -> Vec<Gain> {
    let order = descending(scores);
    let n = order.len();
    let positives = y.iter().filter(|v| **v).count().max(1) as f64;
    let mut captured = Vec::with_capacity(n + 1);
    captured.push(0usize);
    for &i in &order {
        captured.push(captured.last().copied().unwrap_or(0) + usize::from(y[i]));
    }
    (1..=20)
        .map(|k| {
            let share = k as f64 / 20.0;
            let top = (k * n).div_ceil(20);
            let c = captured[top] as f64 / positives;
            Gain {
                share,
                captured: c,
                lift: c / share,
            }
        })
        .collect()
}

/// The share of the target among the top tenth ÷ the overall share.
pub fn lift_top_tenth(scores: &[f64], y: &[bool]) -> f64 {
    gains(scores, y).get(1).map_or(f64::NAN, |g| g.lift)
}

/// Mean score and observed rate in each tenth of the score range (empty tenths left out).
pub fn calibration(scores: &[f64], y: &[bool]) -> Vec<CalibrationBin> {
    let mut bins = [(0usize, 0.0f64, 0usize); 10];
    for (s, &yi) in scores.iter().zip(y) {
        let b = ((s * 10.0) as usize).min(9);
        bins[b].0 += 1;
        bins[b].1 += s;
        bins[b].2 += usize::from(yi);
    }
    bins.iter()
        .enumerate()
        .filter(|(_, b)| b.0 > 0)
        .map(|(k, b)| CalibrationBin {
            low: k as f64 / 10.0,
            high: (k + 1) as f64 / 10.0,
            customers: b.0,
            predicted: b.1 / b.0 as f64,
            observed: b.2 as f64 / b.0 as f64,
        })
        .collect()
}

/// Mean squared error of the scores.
pub fn brier(scores: &[f64], y: &[bool]) -> f64 {
    let sum: f64 = scores
        .iter()
        .zip(y)
        .map(|(s, &yi)| {
            let e = s - if yi { 1.0 } else { 0.0 };
            e * e
        })
        .sum();
    sum / scores.len().max(1) as f64
}

/// Mean log loss, scores clipped to [1e-15, 1 − 1e-15].
pub fn log_loss(scores: &[f64], y: &[bool]) -> f64 {
    let sum: f64 = scores
        .iter()
        .zip(y)
        .map(|(s, &yi)| {
            let p = s.clamp(1e-15, 1.0 - 1e-15);
            -libm::log(if yi { p } else { 1.0 - p })
        })
        .sum();
    sum / scores.len().max(1) as f64
}

/// The share classified right at the score 0.5.
pub fn accuracy(scores: &[f64], y: &[bool]) -> f64 {
    let right = scores
        .iter()
        .zip(y)
        .filter(|(s, &yi)| (**s >= 0.5) == yi)
        .count();
    right as f64 / scores.len().max(1) as f64
}

/// Always scoring the training rate.
pub fn baseline(training_rate: f64, y: &[bool]) -> Baseline {
    let constant = vec![training_rate; y.len()];
    let majority = training_rate >= 0.5;
    Baseline {
        rate: training_rate,
        brier: brier(&constant, y),
        log_loss: log_loss(&constant, y),
        accuracy: y.iter().filter(|v| **v == majority).count() as f64 / y.len().max(1) as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // scikit-learn 1.7: roc_auc_score / average_precision_score of these
    const Y: [bool; 8] = [true, false, true, true, false, false, true, false];
    const S: [f64; 8] = [0.9, 0.8, 0.7, 0.7, 0.7, 0.2, 0.1, 0.1];

    #[test]
    fn auc_and_average_precision_count_ties_as_scikit_learn_does() {
        // positives 0.9, 0.7, 0.7, 0.1; negatives 0.8, 0.7, 0.2, 0.1:
        // pairs won 1·4 + 2·(2 + 0.5) + 0 + 0.5 = 9.5 of 16
        assert_eq!(roc_auc(&S, &Y), 9.5 / 16.0);
        // thresholds 0.9: P 1, R 1/4; 0.8: -; 0.7: tp 3 of 5, R 3/4; 0.2: -; 0.1: 4/8, R 1
        let ap = 0.25 * 1.0 + 0.5 * (3.0 / 5.0) + 0.25 * 0.5;
        assert!((average_precision(&S, &Y) - ap).abs() < 1e-15);
        assert!(roc_auc(&S, &[false; 8]).is_nan());
    }

    #[test]
    fn thresholds_gains_and_calibration_count_the_flagged() {
        let t = at_thresholds(&S, &Y, &[0.5, 0.95]);
        assert_eq!(t[0].flagged, 5);
        assert_eq!(t[0].precision, Some(0.6));
        assert_eq!(t[0].recall, 0.75);
        assert_eq!(t[1].precision, None);
        let g = gains(&S, &Y);
        assert_eq!(g.len(), 20);
        assert_eq!(g[19].captured, 1.0);
        assert_eq!(g[19].lift, 1.0);
        let c = calibration(&S, &Y);
        assert_eq!(c.iter().map(|b| b.customers).sum::<usize>(), 8);
        assert_eq!(c[0].low, 0.1);
        let b = baseline(0.5, &Y);
        assert_eq!(b.brier, 0.25);
        assert_eq!(
            roc_curve(&S, &Y).last(),
            Some(&CurvePoint { x: 1.0, y: 1.0 })
        );
    }

    #[test]
    fn a_perfect_ranking_has_an_auc_of_one_and_a_tiny_standard_error() {
        let s = [0.9, 0.8, 0.3, 0.2];
        let y = [true, true, false, false];
        assert_eq!(roc_auc(&s, &y), 1.0);
        assert_eq!(average_precision(&s, &y), 1.0);
        assert_eq!(auc_standard_error(1.0, 2, 2), 0.0);
        // A = 0.8 with 50 and 50: Q1 = 2/3, Q2 = 0.7111…, SE = √(4.9511/2500) = 0.04450
        assert!((auc_standard_error(0.8, 50, 50) - 0.04450).abs() < 5e-5);
    }
}
