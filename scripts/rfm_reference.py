#!/usr/bin/env python3
"""Reference RFM for Portrait's test `tests/rfm_reference.rs`, computed by pandas.

    python scripts/rfm_reference.py [--rows 100000] [--seed 42] [--cache target/fixtures]

1. Generates the peer benchmark's order file with ../shared/bench/peers/gen_orders.py
   (byte-identical for the same --rows/--seed; cached in --cache).
2. Runs the peer pipeline's own `rfm_pandas` (../shared/bench/peers/peers.py, stage b:
   groupby + qcut(rank(method="first")) + the regex segment map) on it.
3. Writes tests/fixtures/rfm/peer_<rows>_seed<seed>.csv (one row per customer) and a
   .json with the input's sha256, row count and per-segment counts/revenue.

Needs numpy and pandas (the Makefile's venv: `make fixtures`).
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEERS = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench", "peers"))


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--cache", default=os.path.join(ROOT, "target", "fixtures"))
    ap.add_argument("--out-dir", default=os.path.join(ROOT, "tests", "fixtures", "rfm"))
    a = ap.parse_args()
    os.makedirs(a.cache, exist_ok=True)
    os.makedirs(a.out_dir, exist_ok=True)
    orders = os.path.join(a.cache, f"peer_orders_{a.rows}_seed{a.seed}.csv")
    if not os.path.exists(orders):
        subprocess.run([sys.executable, os.path.join(PEERS, "gen_orders.py"), "--rows", str(a.rows),
                        "--seed", str(a.seed), "--out", orders + ".tmp"], check=True)
        os.replace(orders + ".tmp", orders)

    sys.path.insert(0, PEERS)
    import pandas as pd
    import peers  # the benchmark's own definitions: rfm_pandas, SEGMENTS

    df = pd.read_csv(orders, parse_dates=["order_date"])
    rfm = peers.rfm_pandas(df).reset_index()
    out = pd.DataFrame({
        "customer_id": rfm["customer_id"],
        "recency": rfm["recency"],
        "frequency": rfm["frequency"],
        "monetary_cents": rfm["monetary_cents"],
        "r_score": rfm["r_score"],
        "f_score": rfm["f_score"],
        "m_score": rfm["m_score"],
        "segment": rfm["segment"],
    }).sort_values("customer_id")
    stem = os.path.join(a.out_dir, f"peer_{a.rows}_seed{a.seed}")
    out.to_csv(stem + ".csv", index=False, lineterminator="\n")
    seg = out.groupby("segment").agg(customers=("customer_id", "size"), revenue_cents=("monetary_cents", "sum"))
    meta = {
        "generator": "shared/bench/peers/gen_orders.py",
        "rows": a.rows,
        "seed": a.seed,
        "input_sha256": sha256(orders),
        "customers": int(len(out)),
        "segments": {k: {"customers": int(v.customers), "revenue_cents": int(v.revenue_cents)}
                     for k, v in seg.iterrows()},
        "pandas": pd.__version__,
    }
    with open(stem + ".json", "w") as f:
        json.dump(meta, f, indent=2, sort_keys=True)
        f.write("\n")
    print(f"rfm_reference: {len(out)} customers -> {stem}.csv", file=sys.stderr)


if __name__ == "__main__":
    main()
