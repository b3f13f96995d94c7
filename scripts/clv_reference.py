#!/usr/bin/env python3
"""Reference lifetime values computed by lifetimes 0.11.3 (PyPI).

    python scripts/clv_reference.py [--sizes 100000 1000000] [--seed 42]
        [--cache target/fixtures] [--out-dir tests/fixtures/clv]
        [--cdnow ../shared/data/cdnow/CDNOW_sample.txt]

1. cdnow.json, on the CDNOW sample (2,357 customers; no header, space-aligned: customer id,
   sample id, yyyymmdd, CDs, dollars; one transaction per line, its value the dollars):
   - "weeks": lifetimes' `calibration_and_holdout_data(freq="D", freq_multiplier=7,
     calibration_period_end="1997-09-30", observation_period_end="1998-06-30")` — the
     summary that matches Fader, Hardie & Lee (2005) — then `BetaGeoFitter(penalizer_coef=0)`
     and `ParetoNBDFitter(penalizer_coef=0)` on the calibration columns: parameters,
     Σ conditional expected purchases over the 39-week holdout, Σ P(alive), and per customer
     (id ascending) P(alive) and the expected holdout purchases of both models.
   - "days": `summary_data_from_transaction_data(freq="D", observation_period_end=
     "1998-06-30")`, stage e of ../shared/bench/peers/README.md on the whole period:
     BG/NBD, Gamma-Gamma on frequency > 0 and monetary_value > 0, Σ expected purchases in 90
     days, `customer_lifetime_value(time=3, freq="D", discount_rate=0.01)` (30-day months),
     the same per customer for the repeat buyers.
   - "weeks_full": the whole period in weeks, BG/NBD and Pareto/NBD, and per customer their
     P(alive) and expected purchases over 90 days (90/7 weeks).
2. stage_e_peer_<rows>.json: the peer benchmark's own stage e (`st_clv_lifetimes` of
   ../shared/bench/peers/peers.py) on the generator's file (cached in --cache as
   peer_orders_<rows>_seed<seed>.csv, byte-identical for the same rows and seed).

Floats are Python repr (round-trip). Needs pandas, numpy, scipy and Lifetimes==0.11.3 with
autograd and dill (scripts/requirements-fixtures.txt; `make fixtures` builds the venv).
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEERS = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench", "peers"))
CDNOW = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "cdnow", "CDNOW_sample.txt"))
SCRIPT = "scripts/clv_reference.py"


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def rel(path):
    return os.path.relpath(os.path.abspath(path), ROOT)


def write_json(path, obj):
    with open(path + ".tmp", "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")
    os.replace(path + ".tmp", path)
    print(f"clv_reference: wrote {rel(path)} ({os.path.getsize(path)} bytes)", file=sys.stderr)


def versions():
    import lifetimes
    import numpy as np
    import pandas as pd
    import scipy
    return {"lifetimes_version": lifetimes.__version__, "numpy_version": np.__version__,
            "scipy_version": scipy.__version__, "pandas_version": pd.__version__}


def floats(series):
    return [float(v) for v in series]


def cdnow(a):
    import pandas as pd
    from lifetimes import BetaGeoFitter, GammaGammaFitter, ParetoNBDFitter
    from lifetimes.utils import calibration_and_holdout_data, summary_data_from_transaction_data
    rows = []
    with open(a.cdnow) as f:
        for line in f:
            cid, _, day, _, dollars = line.split()
            rows.append((int(cid), pd.Timestamp(day), float(dollars)))
    tx = pd.DataFrame(rows, columns=["customer_id", "date", "value"])
    weeks = calibration_and_holdout_data(
        tx, "customer_id", "date", calibration_period_end="1997-09-30",
        observation_period_end="1998-06-30", freq="D", freq_multiplier=7,
        monetary_value_col="value").sort_index()
    f, r, T = weeks["frequency_cal"], weeks["recency_cal"], weeks["T_cal"]
    h = float(weeks["duration_holdout"].iloc[0])
    bgf = BetaGeoFitter(penalizer_coef=0.0).fit(f, r, T)
    pnbd = ParetoNBDFitter(penalizer_coef=0.0).fit(f, r, T)
    bg_exp = bgf.conditional_expected_number_of_purchases_up_to_time(h, f, r, T)
    pn_exp = pnbd.conditional_expected_number_of_purchases_up_to_time(h, f, r, T)
    bg_alive = bgf.conditional_probability_alive(f, r, T)
    pn_alive = pnbd.conditional_probability_alive(f, r, T)
    full = summary_data_from_transaction_data(
        tx, "customer_id", "date", observation_period_end="1998-06-30", freq="D",
        freq_multiplier=7).sort_index()
    ff, fr, fT = full["frequency"], full["recency"], full["T"]
    bgw = BetaGeoFitter(penalizer_coef=0.0).fit(ff, fr, fT)
    pnw = ParetoNBDFitter(penalizer_coef=0.0).fit(ff, fr, fT)
    days = summary_data_from_transaction_data(
        tx, "customer_id", "date", monetary_value_col="value",
        observation_period_end="1998-06-30", freq="D").sort_index()
    bgd = BetaGeoFitter(penalizer_coef=0.0).fit(days["frequency"], days["recency"], days["T"])
    exp90 = bgd.conditional_expected_number_of_purchases_up_to_time(
        90, days["frequency"], days["recency"], days["T"])
    rep = days[(days["frequency"] > 0) & (days["monetary_value"] > 0)]
    ggf = GammaGammaFitter(penalizer_coef=0.0).fit(rep["frequency"], rep["monetary_value"])
    clv = ggf.customer_lifetime_value(bgd, rep["frequency"], rep["recency"], rep["T"],
                                      rep["monetary_value"], time=3, freq="D", discount_rate=0.01)
    value = ggf.conditional_expected_average_profit(rep["frequency"], rep["monetary_value"])
    out = {
        "script": SCRIPT, **versions(), "input": rel(a.cdnow), "input_sha256": sha256(a.cdnow),
        "weeks": {
            "summary": "calibration_and_holdout_data(freq='D', freq_multiplier=7, "
                       "calibration_period_end='1997-09-30', observation_period_end='1998-06-30')",
            "customers": int(len(weeks)), "holdout_weeks": h,
            "summary_sums": {c: float(weeks[c].sum()) for c in
                             ("frequency_cal", "recency_cal", "T_cal", "frequency_holdout")},
            "bgnbd": {"params": {k: float(v) for k, v in bgf.params_.items()},
                      "expected_holdout_sum": float(bg_exp.sum()),
                      "p_alive_sum": float(bg_alive.sum())},
            "pareto": {"params": {k: float(v) for k, v in pnbd.params_.items()},
                       "expected_holdout_sum": float(pn_exp.sum()),
                       "p_alive_sum": float(pn_alive.sum())},
            "customer_id": [int(i) for i in weeks.index],
            "bgnbd_p_alive": floats(bg_alive), "bgnbd_expected_holdout": floats(bg_exp),
            "pareto_p_alive": floats(pn_alive), "pareto_expected_holdout": floats(pn_exp),
        },
        "weeks_full": {
            "summary": "summary_data_from_transaction_data(freq='D', freq_multiplier=7, "
                       "observation_period_end='1998-06-30')",
            "horizon_weeks": 90 / 7,
            "bgnbd": {"params": {k: float(v) for k, v in bgw.params_.items()}},
            "pareto": {"params": {k: float(v) for k, v in pnw.params_.items()}},
            "customer_id": [int(i) for i in full.index],
            "bgnbd_p_alive": floats(bgw.conditional_probability_alive(ff, fr, fT)),
            "bgnbd_expected": floats(
                bgw.conditional_expected_number_of_purchases_up_to_time(90 / 7, ff, fr, fT)),
            "pareto_p_alive": floats(pnw.conditional_probability_alive(ff, fr, fT)),
            "pareto_expected": floats(
                pnw.conditional_expected_number_of_purchases_up_to_time(90 / 7, ff, fr, fT)),
        },
        "days": {
            "summary": "summary_data_from_transaction_data(freq='D', observation_period_end='1998-06-30')",
            "customers": int(len(days)), "repeat_customers": int(len(rep)),
            "bgnbd": {"params": {k: float(v) for k, v in bgd.params_.items()}},
            "gammagamma": {"params": {k: float(v) for k, v in ggf.params_.items()}},
            "expected_purchases_90d_sum": float(exp90.sum()),
            "clv_90d_sum": float(clv.sum()),
            "repeat_customer_id": [int(i) for i in rep.index],
            "repeat_expected_value": floats(value), "repeat_clv_90d": floats(clv),
        },
    }
    write_json(os.path.join(a.out_dir, "cdnow.json"), out)


def peer_orders(cache, rows, seed):
    orders = os.path.join(cache, f"peer_orders_{rows}_seed{seed}.csv")
    if not os.path.exists(orders):
        subprocess.run([sys.executable, os.path.join(PEERS, "gen_orders.py"), "--rows", str(rows),
                        "--seed", str(seed), "--out", orders + ".tmp"], check=True)
        os.replace(orders + ".tmp", orders)
    return orders


def peer_stage_e(a, rows):
    import peers  # the benchmark's own definition of stage e
    orders = peer_orders(a.cache, rows, a.seed)
    res = {}
    _, details = peers.st_clv_lifetimes(argparse.Namespace(cache=None, input=orders), res)
    details.pop("substages_s", None)
    out = {"script": SCRIPT, **versions(),
           "input": f"shared/bench/peers/gen_orders.py --rows {rows} --seed {a.seed}",
           "rows": rows, "seed": a.seed, "input_sha256": sha256(orders),
           "stage": "shared/bench/peers/peers.py st_clv_lifetimes (stage e)", **details}
    write_json(os.path.join(a.out_dir, f"stage_e_peer_{rows}.json"), out)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", type=int, nargs="*", default=[100000, 1000000])
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--cache", default=os.path.join(ROOT, "target", "fixtures"))
    p.add_argument("--out-dir", default=os.path.join(ROOT, "tests", "fixtures", "clv"))
    p.add_argument("--cdnow", default=CDNOW)
    a = p.parse_args()
    warnings.filterwarnings("ignore")
    os.makedirs(a.out_dir, exist_ok=True)
    os.makedirs(a.cache, exist_ok=True)
    sys.path.insert(0, PEERS)
    if os.path.exists(a.cdnow):
        cdnow(a)
    else:
        print(f"clv_reference: {a.cdnow} is absent; cdnow.json not rebuilt", file=sys.stderr)
    for rows in a.sizes:
        peer_stage_e(a, rows)


if __name__ == "__main__":
    main()
