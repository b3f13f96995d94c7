"""Reference cohort matrices (src/campaign/cohorts/, tests/cohorts_reference.rs), in pandas.

Inputs, read and cleaned exactly as scripts/profile_reference.py does (its loaders are
imported): UCI Online Retail (<data>/online_retail/online_retail.csv.gz) and the peer
generator's 100k-line file (<cache>/peer_orders_100000_seed42.csv).

Definitions: a purchase line is a non-return line with a customer id; a customer's cohort is
the period of their first purchase line (calendar month, or pandas' W-SUN week, Monday to
Sunday); period k is the cohort's start plus k; customers[k] = the cohort's customers with a
purchase line in period k; revenue_cents[k] = the sum of value_cents of the cohort's lines
(returns negative) in period k, lines before the first purchase counting nowhere; every row
runs to the latest period of any line of the file.

Writes <out-dir>/<case>_<period>.csv with columns cohort, size, period, customers,
revenue_cents (one row per cohort and k) and <case>.json with the input's sha256.

Rerun: .cache/venv/bin/python scripts/cohorts_reference.py --cache target/fixtures \
         --out-dir tests/fixtures/cohorts
"""

import argparse
import hashlib
import json
import os
import sys

import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from profile_reference import peer_lines, retail_lines  # noqa: E402


def period_of(times, period):
    return times.dt.to_period("M" if period == "month" else "W-SUN")


def label(p, period):
    return str(p) if period == "month" else p.start_time.strftime("%Y-%m-%d")


def matrix(lines, period):
    lines = lines.copy()
    lines["p"] = period_of(lines["time"], period)
    last = lines["p"].max()
    known = lines[lines["customer_id"] != ""]
    purchases = known[~known["is_return"]]
    start = purchases.groupby("customer_id")["p"].min().rename("start")
    known = known.join(start, on="customer_id", how="inner")
    purchases = purchases.join(start, on="customer_id")
    to_k = lambda f: f["p"].map(lambda p: p.ordinal) - f["start"].map(lambda p: p.ordinal)
    known["k"] = to_k(known)
    purchases["k"] = to_k(purchases)
    known = known[known["k"] >= 0]
    active = purchases.groupby(["start", "k"])["customer_id"].nunique()
    revenue = known.groupby(["start", "k"])["value_cents"].sum()
    sizes = start.value_counts()
    rows = []
    for s in sorted(sizes.index):
        for k in range(last.ordinal - s.ordinal + 1):
            rows.append({
                "cohort": label(s, period), "size": int(sizes[s]), "period": k,
                "customers": int(active.get((s, k), 0)), "revenue_cents": int(revenue.get((s, k), 0)),
            })
    return pd.DataFrame(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data"))
    ap.add_argument("--cache", required=True)
    ap.add_argument("--out-dir", required=True)
    a = ap.parse_args()
    os.makedirs(a.out_dir, exist_ok=True)
    cases = [("peer_100000_seed42", os.path.join(a.cache, "peer_orders_100000_seed42.csv"), peer_lines),
             ("online_retail", os.path.join(a.data, "online_retail", "online_retail.csv.gz"), retail_lines)]
    for name, source, load in cases:
        if not os.path.exists(source):
            print(f"cohorts_reference: {name} skipped, {source} is absent", file=sys.stderr)
            continue
        lines = load(source)
        for period in ["month", "week"]:
            m = matrix(lines, period)
            m.to_csv(os.path.join(a.out_dir, f"{name}_{period}.csv"), index=False)
            print(f"cohorts_reference: {name} {period}: {m['cohort'].nunique()} cohorts, {len(m)} cells")
        with open(source, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        with open(os.path.join(a.out_dir, f"{name}.json"), "w") as f:
            json.dump({"input": os.path.basename(source), "input_sha256": digest}, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
