//! The experiment statistics (`portrait::campaign::stats`) against scipy and statsmodels on
//! the same inputs: `tests/fixtures/abtest/reference.json`, written by
//! `scripts/abtest_reference.py`. Statistics, p-values and intervals within 1e-9 relative;
//! what statsmodels solves with its root finder (a sample size, a detectable effect) within
//! 1e-4 — its tolerance leaves its detectable effects up to 1.8e-5 from the root (their power
//! 7e-7 from the target) — while ours reach the target power to 1e-12 on a power function
//! that equals statsmodels' to 1e-9.

use portrait::campaign::stats::bayes::compare;
use portrait::campaign::stats::bootstrap::difference_in_means;
use portrait::campaign::stats::corrections::{benjamini_hochberg, holm};
use portrait::campaign::stats::cuped::{cuped, Paired};
use portrait::campaign::stats::dist::{chi2_sf, norm_cdf, norm_ppf, norm_sf, t_ppf, t_sf};
use portrait::campaign::stats::means::{welch, Summary};
use portrait::campaign::stats::power::{detectable_effect, effect_size, power, users_needed};
use portrait::campaign::stats::proportions::{chi_square, sample_ratio, z_test, Conversions};
use portrait::campaign::stats::ranks::mann_whitney;
use serde_json::Value;

const RELATIVE: f64 = 1e-9;
/// What statsmodels solves numerically (`solve_power`), at its root finder's tolerance.
const SOLVED: f64 = 1e-4;

fn reference() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/abtest/reference.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("reads the reference")).unwrap()
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("{v} is not a number"))
}

#[track_caller]
fn close(ours: f64, theirs: f64, tolerance: f64, what: &str) {
    let scale = theirs.abs().max(1e-300);
    assert!(
        (ours - theirs).abs() <= tolerance * scale,
        "{what}: {ours:e} vs the reference's {theirs:e} (relative {:e})",
        (ours - theirs).abs() / scale
    );
}

fn group(v: &Value) -> Conversions {
    Conversions {
        users: v[0].as_u64().unwrap(),
        converted: v[1].as_u64().unwrap(),
    }
}

#[test]
fn distributions_equal_scipy() {
    let r = reference();
    let d = &r["distributions"];
    for c in d["norm"].as_array().unwrap() {
        let x = f(&c["x"]);
        close(
            norm_cdf(x),
            f(&c["cdf"]),
            RELATIVE,
            &format!("norm.cdf({x})"),
        );
        close(norm_sf(x), f(&c["sf"]), RELATIVE, &format!("norm.sf({x})"));
    }
    for c in d["norm_ppf"].as_array().unwrap() {
        let p = f(&c["p"]);
        close(norm_ppf(p), f(&c["x"]), RELATIVE, &format!("norm.ppf({p})"));
    }
    for c in d["t"].as_array().unwrap() {
        let (t, df) = (f(&c["t"]), f(&c["df"]));
        close(
            t_sf(t, df),
            f(&c["sf"]),
            RELATIVE,
            &format!("t.sf({t}, {df})"),
        );
    }
    for c in d["t_ppf"].as_array().unwrap() {
        let (p, df) = (f(&c["p"]), f(&c["df"]));
        close(
            t_ppf(p, df),
            f(&c["t"]),
            RELATIVE,
            &format!("t.ppf({p}, {df})"),
        );
    }
    for c in d["chi2"].as_array().unwrap() {
        let (x, df) = (f(&c["x"]), f(&c["df"]));
        close(
            chi2_sf(x, df),
            f(&c["sf"]),
            RELATIVE,
            &format!("chi2.sf({x}, {df})"),
        );
    }
}

#[test]
fn conversion_tests_equal_statsmodels_and_scipy() {
    let r = reference();
    let alpha = f(&r["alpha"]);
    for c in r["conversions"].as_array().unwrap() {
        let what = format!("{} vs {}", c["variant"], c["control"]);
        let z = z_test(group(&c["control"]), group(&c["variant"]), alpha);
        close(z.difference, f(&c["difference"]), RELATIVE, &what);
        close(
            z.z.expect("z"),
            f(&c["z"]),
            RELATIVE,
            &format!("z of {what}"),
        );
        close(
            z.p_value.unwrap(),
            f(&c["p_value"]),
            RELATIVE,
            &format!("p of {what}"),
        );
        close(
            z.interval.0,
            f(&c["interval"][0]),
            RELATIVE,
            &format!("low of {what}"),
        );
        close(
            z.interval.1,
            f(&c["interval"][1]),
            RELATIVE,
            &format!("high of {what}"),
        );
    }
    for c in r["chi_square"].as_array().unwrap() {
        let groups: Vec<Conversions> = c["groups"].as_array().unwrap().iter().map(group).collect();
        let x = chi_square(&groups);
        assert_eq!(u64::from(x.df), c["df"].as_u64().unwrap());
        close(x.statistic, f(&c["statistic"]), RELATIVE, "chi-square");
        close(
            x.p_value.unwrap(),
            f(&c["p_value"]),
            RELATIVE,
            "chi-square p",
        );
    }
    for c in r["sample_ratio"].as_array().unwrap() {
        let sizes: Vec<u64> = c["sizes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        let shares: Vec<f64> = c["shares"].as_array().unwrap().iter().map(f).collect();
        let s = sample_ratio(&sizes, Some(&shares)).expect("a ratio");
        close(
            s.statistic,
            f(&c["statistic"]),
            RELATIVE,
            &format!("SRM {sizes:?}"),
        );
        close(
            s.p_value,
            f(&c["p_value"]),
            RELATIVE,
            &format!("SRM p {sizes:?}"),
        );
        assert_eq!(s.mismatch, f(&c["p_value"]) < 0.001, "{sizes:?}");
    }
}

#[test]
fn welch_equals_scipy() {
    let r = reference();
    let alpha = f(&r["alpha"]);
    let summary = |v: &Value| Summary {
        mean: f(&v[0]),
        sd: f(&v[1]),
        n: v[2].as_u64().unwrap(),
    };
    for c in r["welch"].as_array().unwrap() {
        let what = format!("{} vs {}", c["variant"], c["control"]);
        let w = welch(summary(&c["control"]), summary(&c["variant"]), alpha).expect("defined");
        close(w.t, f(&c["t"]), RELATIVE, &what);
        close(w.df, f(&c["df"]), RELATIVE, &what);
        close(w.p_value, f(&c["p_value"]), RELATIVE, &what);
        close(w.interval.0, f(&c["interval"][0]), RELATIVE, &what);
        close(w.interval.1, f(&c["interval"][1]), RELATIVE, &what);
    }
}

#[test]
fn corrections_equal_statsmodels() {
    for c in reference()["corrections"].as_array().unwrap() {
        let p: Vec<f64> = c["p"].as_array().unwrap().iter().map(f).collect();
        for (ours, key) in [(holm(&p), "holm"), (benjamini_hochberg(&p), "bh")] {
            for (i, v) in ours.iter().enumerate() {
                close(
                    *v,
                    f(&c[key][i]),
                    RELATIVE,
                    &format!("{key} of {p:?} at {i}"),
                );
            }
        }
    }
}

#[test]
fn the_bayesian_reading_equals_scipy_integrating() {
    for c in reference()["bayes"].as_array().unwrap() {
        let what = format!("{} vs {}", c["variant"], c["control"]);
        let b = compare(group(&c["control"]), group(&c["variant"]));
        close(b.chance_to_beat, f(&c["chance_to_beat"]), RELATIVE, &what);
        close(
            b.loss_choosing_variant,
            f(&c["loss_choosing_variant"]),
            RELATIVE,
            &what,
        );
        close(
            b.loss_keeping_control,
            f(&c["loss_keeping_control"]),
            RELATIVE,
            &what,
        );
    }
}

#[test]
fn per_user_tests_equal_scipy() {
    let r = reference();
    let alpha = f(&r["alpha"]);
    let p = &r["per_user"];
    let values = |v: &Value| -> Vec<f64> { v.as_array().unwrap().iter().map(f).collect() };
    let (c, v) = (
        values(&p["control"]["metric"]),
        values(&p["variant"]["metric"]),
    );
    let (pc, pv) = (values(&p["control"]["pre"]), values(&p["variant"]["pre"]));

    let mw = mann_whitney(&c, &v).expect("defined");
    close(mw.u, f(&p["mann_whitney"]["u"]), RELATIVE, "U");
    close(
        mw.p_value,
        f(&p["mann_whitney"]["p_value"]),
        RELATIVE,
        "U's p",
    );

    let cu = cuped(
        Paired {
            metric: &c,
            pre: &pc,
        },
        Paired {
            metric: &v,
            pre: &pv,
        },
        alpha,
    )
    .expect("defined");
    let r = &p["cuped"];
    close(cu.theta, f(&r["theta"]), RELATIVE, "θ");
    close(
        cu.variance_reduction,
        f(&r["variance_reduction"]),
        RELATIVE,
        "variance reduction",
    );
    close(cu.test.t, f(&r["t"]), RELATIVE, "CUPED t");
    close(cu.test.df, f(&r["df"]), RELATIVE, "CUPED df");
    close(cu.test.p_value, f(&r["p_value"]), RELATIVE, "CUPED p");
    close(
        cu.test.interval.0,
        f(&r["interval"][0]),
        RELATIVE,
        "CUPED low",
    );
    close(
        cu.test.interval.1,
        f(&r["interval"][1]),
        RELATIVE,
        "CUPED high",
    );

    // two bootstraps of B resamples each (scipy's and ours, other generators) differ by their
    // Monte-Carlo error: an endpoint's is se·√(q(1−q)/B)/φ(z_q), the standard error's
    // se/√(2B); allowed four times that of the difference of two such runs
    let b = &p["bootstrap"];
    let resamples = b["resamples"].as_u64().unwrap() as usize;
    let ours = difference_in_means(&c, &v, alpha, resamples, 42).expect("defined");
    let se = f(&b["standard_error"]);
    let q = alpha / 2.0;
    let z = norm_ppf(1.0 - q);
    let density = (-z * z / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt();
    let endpoint = 4.0 * 2f64.sqrt() * se * (q * (1.0 - q) / resamples as f64).sqrt() / density;
    for (o, t) in [
        (ours.interval.0, &b["interval"][0]),
        (ours.interval.1, &b["interval"][1]),
    ] {
        assert!(
            (o - f(t)).abs() <= endpoint,
            "bootstrap endpoint {o} vs scipy's {t} (±{endpoint})"
        );
    }
    let spread = 4.0 * 2f64.sqrt() * se / (2.0 * resamples as f64).sqrt();
    assert!(
        (ours.standard_error - se).abs() <= spread,
        "bootstrap se {} vs {se}",
        ours.standard_error
    );
    close(
        ours.difference,
        v.iter().sum::<f64>() / v.len() as f64 - c.iter().sum::<f64>() / c.len() as f64,
        1e-12,
        "difference",
    );
    // seeded: the same interval again
    assert_eq!(
        difference_in_means(&c, &v, alpha, resamples, 42),
        Some(ours)
    );
    // the adjusted interval is narrower than the raw one
    assert!(cu.test.interval.1 - cu.test.interval.0 < ours.interval.1 - ours.interval.0);
}

#[test]
fn the_calculator_equals_statsmodels() {
    for c in reference()["power"].as_array().unwrap() {
        let what = format!("{} → {}", c["baseline"], c["rate"]);
        let (alpha, want, ratio) = (f(&c["alpha"]), f(&c["power"]), f(&c["ratio"]));
        let h = effect_size(f(&c["rate"]), f(&c["baseline"]));
        close(h, f(&c["h"]), RELATIVE, &what);
        let n = users_needed(h, alpha, want, ratio).expect("a size");
        close(n, f(&c["users"]), SOLVED, &format!("users for {what}"));
        let at = &c["power_at"];
        close(
            power(h, f(&at["n"]), alpha, ratio),
            f(&at["power"]),
            RELATIVE,
            &what,
        );
        let mde = detectable_effect(f(&at["n"]), alpha, want, ratio).expect("an effect");
        close(
            mde,
            f(&c["mde_h"]).abs(),
            SOLVED,
            &format!("MDE for {what}"),
        );
    }
}

#[test]
fn degenerate_groups_give_defined_answers() {
    let none = Conversions {
        users: 1000,
        converted: 0,
    };
    let z = z_test(none, none, 0.05);
    assert_eq!(
        (z.z, z.p_value),
        (None, None),
        "no conversions anywhere: no z"
    );
    assert_eq!(z.interval, (0.0, 0.0));
    let some = Conversions {
        users: 1000,
        converted: 9,
    };
    let z = z_test(some, none, 0.05);
    assert!(z.p_value.unwrap() > 0.0 && z.interval.0 < z.interval.1);
    assert_eq!(chi_square(&[none, none]).p_value, None);
    assert!(sample_ratio(&[10], None).is_none() && sample_ratio(&[0, 0], None).is_none());
    assert!(users_needed(0.0, 0.05, 0.8, 1.0).is_none());
    let flat = Summary {
        mean: 3.0,
        sd: 0.0,
        n: 50,
    };
    assert!(welch(flat, flat, 0.05).is_none());
}
