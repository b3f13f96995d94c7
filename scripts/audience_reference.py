#!/usr/bin/env python3
"""Reference audience counts for Portrait's test `tests/audience_reference.rs`, by pandas.

    python scripts/audience_reference.py [--out-dir tests/fixtures/audience]

Reads the pandas references of the peer generator's 100k-row file (seed 42) that earlier
scripts committed — the profile table (scripts/profile_reference.py,
tests/fixtures/profile/peer_100000_seed42.csv) and RFM (scripts/rfm_reference.py,
tests/fixtures/rfm/peer_100000_seed42.csv) — and evaluates eleven audience rules as pandas
boolean expressions, with the rule language's null rule (a null fails every comparison,
`not` negates what it wraps). Writes peer_100000_seed42.json: each rule's Portrait text, the
pandas expression, the customers it keeps and their net revenue (RFM monetary, cents).

Needs pandas (the Makefile's venv: `make fixtures`).
"""
import argparse
import json
import os

import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out-dir", default=os.path.join(ROOT, "tests", "fixtures", "audience"))
    a = ap.parse_args()
    profile = pd.read_csv(os.path.join(ROOT, "tests/fixtures/profile/peer_100000_seed42.csv"),
                          dtype={"customer_id": str})
    rfm = pd.read_csv(os.path.join(ROOT, "tests/fixtures/rfm/peer_100000_seed42.csv"),
                      dtype={"customer_id": str})
    d = profile.merge(rfm, on="customer_id", how="inner", validate="one_to_one")
    assert len(d) == len(profile) == len(rfm)
    # segment labels as the rule language's codes ("Cannot Lose Them" -> cannot_lose_them)
    d["segment_code"] = d["segment"].str.lower().str.replace(" ", "_")
    last = pd.to_datetime(d["last_order_date"])
    cutoff = last.max() - pd.Timedelta(days=180)  # `-180d`: 180 days before the last day
    lapsed = last < cutoff
    vip = d["orders"] >= 5
    rules = [
        ('rfm.segment == "champions"', 'segment_code == "champions"',
         d.segment_code == "champions"),
        ('rfm.segment in ["loyal", "champions"] and orders >= 3',
         'segment_code.isin(["loyal","champions"]) & (orders >= 3)',
         d.segment_code.isin(["loyal", "champions"]) & (d.orders >= 3)),
        ('days_since_last_order > 60 and top_category == "Computers"',
         '(days_since_last_order > 60) & (top_category == "Computers")',
         (d.days_since_last_order > 60) & (d.top_category == "Computers")),
        ("not (return_rate > 0)", "~(return_rate > 0)  # NaN > 0 is False", ~(d.return_rate > 0)),
        ("return_rate <= 0.1", "return_rate <= 0.1  # NaN fails", d.return_rate <= 0.1),
        ("revenue between 500 and 2000", "revenue_cents.between(50000, 200000)",
         d.revenue_cents.between(50000, 200000)),
        ('region in ["Beijing", "Shanghai"] or rfm.r_score == 5',
         'region.isin(["Beijing","Shanghai"]) | (r_score == 5)',
         d.region.isin(["Beijing", "Shanghai"]) | (d.r_score == 5)),
        ("mean_days_between_orders is null", "mean_days_between_orders.isna()",
         d.mean_days_between_orders.isna()),
        ("last_order_date < -180d", "last_order_date < max(last_order_date) - 180 days", lapsed),
        ('top_channel != "app" and rfm.monetary > 1000',
         'top_channel.notna() & (top_channel != "app") & (monetary_cents > 100000)',
         d.top_channel.notna() & (d.top_channel != "app") & (d.monetary_cents > 100000)),
        ('in_audience("VIP") and not in_audience("lapsed")',
         "(orders >= 5) & ~lapsed  # VIP: orders >= 5; lapsed: last_order_date < -180d",
         vip & ~lapsed),
    ]
    out = {
        "script": "scripts/audience_reference.py",
        "pandas_version": pd.__version__,
        "inputs": ["tests/fixtures/profile/peer_100000_seed42.csv",
                   "tests/fixtures/rfm/peer_100000_seed42.csv"],
        "customers": int(len(d)),
        "audiences": [{"name": "VIP", "rule": "orders >= 5"},
                      {"name": "lapsed", "rule": "last_order_date < -180d"}],
        "rules": [
            {"rule": text, "pandas": expr, "customers": int(mask.sum()),
             "revenue_cents": int(d.loc[mask, "monetary_cents"].sum())}
            for text, expr, mask in rules
        ],
    }
    os.makedirs(a.out_dir, exist_ok=True)
    path = os.path.join(a.out_dir, "peer_100000_seed42.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    for r in out["rules"]:
        print(f'{r["customers"]:>6} {r["revenue_cents"]:>14}  {r["rule"]}')


if __name__ == "__main__":
    main()
