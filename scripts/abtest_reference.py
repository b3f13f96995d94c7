"""Reference values of the experiment statistics (src/campaign/stats/, tests/abtest_reference.rs).

Every number comes from scipy or statsmodels on the same inputs:

- distributions: scipy.stats.norm.cdf / sf / ppf, t.sf / ppf, chi2.sf;
- conversion: statsmodels.stats.proportion.proportions_ztest (pooled z, two-sided) and
  confint_proportions_2indep(method="wald", compare="diff"); scipy.stats.chi2_contingency
  (correction=False) on the groups x {converted, not} table;
- sample ratio: scipy.stats.chisquare(sizes, f_exp);
- means: scipy.stats.ttest_ind_from_stats(equal_var=False), the Welch-Satterthwaite degrees
  of freedom and scipy.stats.t.ppf for the interval;
- per-user revenue (generated here, seeded, written into the fixture): scipy.stats.mannwhitneyu
  (method="asymptotic"), scipy.stats.bootstrap (method="percentile") of the difference in means,
  and CUPED with theta from numpy's covariance and scipy.stats.ttest_ind(equal_var=False) on the
  adjusted values;
- corrections: statsmodels.stats.multitest.multipletests(method="holm" | "fdr_bh");
- Bayesian: P(variant > control) and the expected losses under Beta(1 + c, 1 + n - c)
  posteriors by scipy.integrate.quad over scipy.stats.beta densities (an independent check of
  the closed forms in src/campaign/stats/bayes.rs);
- power: statsmodels.stats.proportion.proportion_effectsize and
  statsmodels.stats.power.NormalIndPower (power, solve_power).

Rerun: .cache/venv/bin/python scripts/abtest_reference.py --out tests/fixtures/abtest/reference.json
"""

import argparse
import json
import math

import numpy as np
import scipy
import statsmodels
from scipy import integrate, stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_effectsize,
    proportions_ztest,
)

ALPHA = 0.05


def distributions():
    out = {"norm": [], "t": [], "chi2": []}
    for x in [-8.5, -3.2, -1.0, -0.1, 0.0, 0.3, 1.959963984540054, 2.7, 5.0, 9.0]:
        out["norm"].append({"x": x, "cdf": stats.norm.cdf(x), "sf": stats.norm.sf(x)})
    for p in [1e-12, 1e-6, 0.001, 0.025, 0.2, 0.5, 0.8, 0.975, 0.999, 1 - 1e-9]:
        out.setdefault("norm_ppf", []).append({"p": p, "x": stats.norm.ppf(p)})
    for df in [1.0, 2.5, 7.0, 30.0, 199.3, 5000.0, 1e6]:
        for t in [0.0, 0.4, 1.0, 2.1, 4.5, 12.0]:
            out["t"].append({"t": t, "df": df, "sf": stats.t.sf(t, df)})
        for p in [0.6, 0.9, 0.975, 0.995, 0.9995]:
            out.setdefault("t_ppf", []).append({"p": p, "df": df, "t": stats.t.ppf(p, df)})
    for df in [1.0, 2.0, 3.0, 9.0, 40.0, 250.0]:
        for x in [0.01, 0.5, 1.0, 3.84, 10.0, 60.0, 300.0]:
            out["chi2"].append({"x": x, "df": df, "sf": stats.chi2.sf(x, df)})
    return out


def conversions():
    cases = [
        ((10000, 500), (10000, 560)),
        ((1000, 0), (1000, 7)),
        ((500, 50), (480, 0)),
        ((123456, 4321), (120000, 4400)),
        ((20, 1), (25, 3)),
        ((2000, 1999), (2000, 2000)),
    ]
    out = []
    for (nc, cc), (nv, cv) in cases:
        z, p = proportions_ztest([cv, cc], [nv, nc])
        lo, hi = confint_proportions_2indep(cv, nv, cc, nc, method="wald", compare="diff", alpha=ALPHA)
        out.append({
            "control": [nc, cc], "variant": [nv, cv],
            "difference": cv / nv - cc / nc, "z": z, "p_value": p, "interval": [lo, hi],
        })
    return out


def chi_square():
    out = []
    for groups in [
        [(10000, 500), (10000, 560)],
        [(3000, 120), (3100, 150), (2950, 101)],
        [(800, 40), (820, 41), (790, 60), (805, 38)],
    ]:
        table = [[c, n - c] for n, c in groups]
        res = stats.chi2_contingency(table, correction=False)
        out.append({"groups": groups, "statistic": res.statistic, "df": int(res.dof), "p_value": res.pvalue})
    return out


def sample_ratio():
    out = []
    for sizes, shares in [
        ([5000, 5000], [1, 1]),
        ([5120, 4880], [1, 1]),
        ([10300, 9700], [1, 1]),
        ([2010, 1000, 990], [2, 1, 1]),
        ([9000, 1100], [9, 1]),
    ]:
        total = sum(sizes)
        f_exp = [total * s / sum(shares) for s in shares]
        res = stats.chisquare(sizes, f_exp)
        out.append({"sizes": sizes, "shares": shares, "statistic": res.statistic, "p_value": res.pvalue})
    return out


def welch():
    out = []
    for control, variant in [
        ((12.5, 30.1, 5000), (13.4, 33.0, 5100)),
        ((80.0, 5.0, 12), (86.5, 11.0, 9)),
        ((0.31, 2.9, 200000), (0.33, 3.1, 200000)),
        ((100.0, 40.0, 2), (50.0, 1.0, 40)),
    ]:
        (m1, s1, n1), (m2, s2, n2) = control, variant
        res = stats.ttest_ind_from_stats(m2, s2, n2, m1, s1, n1, equal_var=False)
        v1, v2 = s1 * s1 / n1, s2 * s2 / n2
        df = (v1 + v2) ** 2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
        half = stats.t.ppf(1 - ALPHA / 2, df) * math.sqrt(v1 + v2)
        d = m2 - m1
        out.append({"control": control, "variant": variant, "t": res.statistic, "p_value": res.pvalue,
                    "df": df, "interval": [d - half, d + half]})
    return out


def per_user():
    """Revenue per user with many zeros and a long tail, and a pre-period spend that predicts it."""
    rng = np.random.default_rng(20261207)
    groups = {}
    for name, n, lift in [("control", 400, 1.0), ("variant", 430, 1.12)]:
        pre = np.round(rng.gamma(0.6, 40.0, n) * (rng.random(n) < 0.7), 2)
        buys = rng.random(n) < 0.2 + 0.5 * (pre > 0)
        metric = np.round(buys * (0.9 * pre + rng.gamma(1.2, 15.0, n)) * lift, 2)
        groups[name] = {"metric": metric.tolist(), "pre": pre.tolist()}
    c, v = np.array(groups["control"]["metric"]), np.array(groups["variant"]["metric"])
    mw = stats.mannwhitneyu(v, c, alternative="two-sided", method="asymptotic")
    boot = stats.bootstrap((v, c), lambda a, b, axis=-1: a.mean(axis=axis) - b.mean(axis=axis),
                           method="percentile", n_resamples=20000, confidence_level=1 - ALPHA,
                           random_state=np.random.default_rng(1), vectorized=True)
    pc, pv = np.array(groups["control"]["pre"]), np.array(groups["variant"]["pre"])
    y, x = np.concatenate([c, v]), np.concatenate([pc, pv])
    theta = np.cov(y, x, ddof=1)[0, 1] / np.var(x, ddof=1)
    ac, av = c - theta * (pc - x.mean()), v - theta * (pv - x.mean())
    t = stats.ttest_ind(av, ac, equal_var=False)
    v1, v2 = ac.var(ddof=1) / len(ac), av.var(ddof=1) / len(av)
    df = (v1 + v2) ** 2 / (v1 * v1 / (len(ac) - 1) + v2 * v2 / (len(av) - 1))
    half = stats.t.ppf(1 - ALPHA / 2, df) * math.sqrt(v1 + v2)
    d = av.mean() - ac.mean()
    adjusted = np.concatenate([ac, av])
    return {
        **groups,
        "mann_whitney": {"u": mw.statistic, "p_value": mw.pvalue},
        "bootstrap": {"interval": [boot.confidence_interval.low, boot.confidence_interval.high],
                      "standard_error": boot.standard_error, "resamples": 20000},
        "cuped": {"theta": theta, "variance_reduction": 1 - adjusted.var(ddof=1) / y.var(ddof=1),
                  "t": t.statistic, "p_value": t.pvalue, "df": df, "interval": [d - half, d + half]},
    }


def corrections():
    out = []
    for p in [
        [0.01, 0.04, 0.03, 0.005],
        [0.2, 0.01, 0.01, 0.5, 0.049, 0.9],
        [0.0001],
    ]:
        out.append({
            "p": p,
            "holm": multipletests(p, alpha=ALPHA, method="holm")[1].tolist(),
            "bh": multipletests(p, alpha=ALPHA, method="fdr_bh")[1].tolist(),
        })
    return out


def bayes():
    out = []
    for (nc, cc), (nv, cv) in [
        ((1000, 50), (1000, 62)),
        ((10000, 500), (10000, 560)),
        ((200, 0), (210, 3)),
        ((40, 12), (38, 9)),
        ((5000, 400), (5000, 400)),
    ]:
        a1, b1 = 1 + cc, 1 + nc - cc
        a2, b2 = 1 + cv, 1 + nv - cv
        ctl, var = stats.beta(a1, b1), stats.beta(a2, b2)
        ctl_biased, var_biased = stats.beta(a1 + 1, b1), stats.beta(a2 + 1, b2)
        # integrate where the posteriors live: their joint mean +- 14 sd, within [0, 1]
        lo = max(0.0, min(ctl.mean() - 14 * ctl.std(), var.mean() - 14 * var.std()))
        hi = min(1.0, max(ctl.mean() + 14 * ctl.std(), var.mean() + 14 * var.std()))
        quad = lambda g: integrate.quad(g, lo, hi, epsabs=0, epsrel=1e-13, limit=1000)[0]
        chance = quad(lambda x: var.pdf(x) * ctl.cdf(x))
        # E[max(Y - X, 0)] for X the density integrated over and Y the other
        def loss(x_dist, y_dist, y_biased):
            return quad(lambda x: x_dist.pdf(x) * (y_dist.mean() * y_biased.sf(x) - x * y_dist.sf(x)))
        out.append({
            "control": [nc, cc], "variant": [nv, cv], "chance_to_beat": chance,
            "loss_choosing_variant": loss(var, ctl, ctl_biased),
            "loss_keeping_control": loss(ctl, var, var_biased),
        })
    return out


def power():
    out = []
    analysis = NormalIndPower()
    for baseline, target_rate, alpha, want, ratio in [
        (0.05, 0.06, 0.05, 0.8, 1.0),
        (0.10, 0.12, 0.05, 0.9, 1.0),
        (0.30, 0.28, 0.01, 0.8, 1.0),
        (0.02, 0.025, 0.05, 0.8, 2.0),
    ]:
        h = proportion_effectsize(target_rate, baseline)
        n = analysis.solve_power(effect_size=h, nobs1=None, alpha=alpha, power=want, ratio=ratio)
        n_round = math.ceil(n)
        out.append({
            "baseline": baseline, "rate": target_rate, "alpha": alpha, "power": want, "ratio": ratio,
            "h": h, "users": n,
            "power_at": {"n": n_round, "power": analysis.power(h, n_round, alpha, ratio=ratio)},
            "mde_h": analysis.solve_power(effect_size=None, nobs1=n_round, alpha=alpha, power=want, ratio=ratio),
        })
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    ref = {
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "statsmodels": statsmodels.__version__},
        "alpha": ALPHA,
        "distributions": distributions(),
        "conversions": conversions(),
        "chi_square": chi_square(),
        "sample_ratio": sample_ratio(),
        "welch": welch(),
        "corrections": corrections(),
        "bayes": bayes(),
        "per_user": per_user(),
        "power": power(),
    }
    with open(args.out, "w") as f:
        json.dump(ref, f, indent=1, default=float)
        f.write("\n")
    print(f"abtest_reference: wrote {args.out}")


if __name__ == "__main__":
    main()
