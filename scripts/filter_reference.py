#!/usr/bin/env python3
"""Reference overview and RFM of the global filter, for Portrait's `tests/filter_reference.rs`,
computed by pandas on UCI Online Retail (../shared/data/online_retail/online_retail.csv.gz).

    python scripts/filter_reference.py [--data ../shared/data] [--out-dir tests/fixtures/filter]

The rows are cleaned as Portrait's ingest does (README "Rules worth knowing"; the file has no
row Portrait rejects): exact duplicates — every cell equal, as text, to an earlier row — are
dropped; a line's value is Quantity × round(100 · UnitPrice), the price rounded half away
from zero on its decimal digits; a return line has a negative quantity or a cancelled
invoice (`C` + digit). Each case then keeps the lines whose InvoiceDate day lies in
[from, to] (and whose Country is one of `region`), and computes:

- the overview KPIs of `src/analysis/overview/algorithm.rs` (purchase orders, gross sales,
  returns, AOV, repeat rate, items per order, products, and the monthly series with its
  partial months), and the same KPIs over the previous period of the same length;
- RFM on the identified lines with the peer benchmark's own definitions
  (shared/bench/peers/peers.py `rfm_pandas`: snapshot = last day + 1, frequency = distinct
  invoices, monetary = Σ value, scores = qcut(rank(method="first"), bins), the segment map
  SEG_MAP on the quintile scores) — with 5 bins and with 4.

Writes <out-dir>/<case>.json (overview, previous period, segment totals) and
<out-dir>/<case>.csv (one row per customer). Needs pandas (the Makefile's venv).
"""
import argparse
import decimal
import hashlib
import json
import os
import sys

import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEERS = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench", "peers"))

CASES = {
    # three months of one country: the previous period (2010-11-29 .. 2011-02-28) starts
    # before the data does
    "uk_2011-03-01_2011-05-31": {"from": "2011-03-01", "to": "2011-05-31",
                                 "region": ["United Kingdom"]},
    # a range cutting two months (partial first and last month), every country
    "all_2011-09-15_2011-11-20": {"from": "2011-09-15", "to": "2011-11-20", "region": []},
}


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def cents(price):
    """round(100 · price), half away from zero, on the decimal digits as written."""
    d = decimal.Decimal(price) * 100
    return int(d.quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP))


def clean(path):
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df = df.drop_duplicates(keep="first").reset_index(drop=True)
    quantity = df["Quantity"].astype("int64")
    price_cents = df["UnitPrice"].map(cents).astype("int64")
    return pd.DataFrame({
        "order_id": df["InvoiceNo"],
        "customer_id": df["CustomerID"],
        "product_id": df["StockCode"],
        "time": pd.to_datetime(df["InvoiceDate"], format="%Y-%m-%d %H:%M:%S"),
        "quantity": quantity,
        "value_cents": quantity * price_cents,
        "is_return": (quantity < 0) | df["InvoiceNo"].str.match(r"^C[0-9]"),
        "region": df["Country"],
    })


def window(lines, day_from, day_to, region):
    day = lines["time"].dt.normalize()
    keep = (day >= pd.Timestamp(day_from)) & (day <= pd.Timestamp(day_to))
    if region:
        keep &= lines["region"].isin(region)
    return lines[keep]


def ratio(a, b):
    return float(a) / float(b) if b > 0 else 0.0


def overview(lines, day_from, day_to):
    purchase = lines[~lines["is_return"]]
    orders = purchase["order_id"].nunique()
    gross = int(purchase["value_cents"].sum())
    returns = int(lines.loc[lines["is_return"], "value_cents"].sum())
    return_orders = len(set(lines["order_id"]) - set(purchase["order_id"]))
    ident = lines[lines["customer_id"] != ""]
    customers = ident["customer_id"].nunique()
    per_customer_orders = ident[~ident["is_return"]].groupby("customer_id")["order_id"].nunique()
    buyers = int((per_customer_orders >= 1).sum())
    repeaters = int((per_customer_orders >= 2).sum())
    month = lines["time"].dt.to_period("M")
    months = pd.period_range(month.min(), month.max(), freq="M")
    first_month_of_order = purchase.assign(m=month[purchase.index]).groupby("order_id")["m"].min()
    ident_month = month[ident.index]
    first_month_of_customer = ident.assign(m=ident_month).groupby("customer_id")["m"].min()
    monthly = []
    for m in months:
        at = month == m
        start, end = m.start_time.normalize(), m.end_time.normalize()
        monthly.append({
            "month": str(m),
            "revenue_cents": int(lines.loc[at, "value_cents"].sum()),
            "gross_sales_cents": int(lines.loc[at & ~lines["is_return"], "value_cents"].sum()),
            "returns_cents": int(lines.loc[at & lines["is_return"], "value_cents"].sum()),
            "orders": int((first_month_of_order == m).sum()),
            "active_customers": int(ident.loc[ident_month == m, "customer_id"].nunique()),
            "new_customers": int((first_month_of_customer == m).sum()),
            "partial": bool(start < pd.Timestamp(day_from) or end > pd.Timestamp(day_to)),
        })
    return {
        "customers": int(customers),
        "orders": int(orders),
        "return_orders": int(return_orders),
        "revenue_cents": gross + returns,
        "gross_sales_cents": gross,
        "returns_cents": returns,
        "aov_cents": ratio(gross, orders),
        "revenue_per_customer_cents": ratio(ident["value_cents"].sum(), customers),
        "repeat_rate": ratio(repeaters, buyers),
        "items_per_order": ratio(purchase["quantity"].sum(), orders),
        "lines": int(len(lines)),
        "products": int(lines["product_id"].nunique()),
        "date_min": lines["time"].min().strftime("%Y-%m-%dT%H:%M:%S"),
        "date_max": lines["time"].max().strftime("%Y-%m-%dT%H:%M:%S"),
        "monthly": monthly,
    }


def previous(lines, day_from, day_to, region):
    start, end = pd.Timestamp(day_from), pd.Timestamp(day_to)
    length = end - start + pd.Timedelta(days=1)
    p_from, p_to = start - length, start - pd.Timedelta(days=1)
    kpis = overview(window(lines, p_from, p_to, region), p_from, p_to)
    keep = ["lines", "customers", "orders", "revenue_cents", "aov_cents",
            "revenue_per_customer_cents", "repeat_rate", "items_per_order"]
    return {"from": p_from.strftime("%Y-%m-%d"), "to": p_to.strftime("%Y-%m-%d"),
            **{k: kpis[k] for k in keep}}


def rfm(lines, bins):
    """rfm_pandas (peers.py) with `bins` score bins, on the identified lines."""
    import peers
    ident = lines[lines["customer_id"] != ""]
    day = ident["time"].dt.normalize()
    snapshot = day.max() + pd.Timedelta(days=1)
    work = pd.DataFrame({"customer_id": ident["customer_id"].astype("int64"),
                         "order_id": ident["order_id"], "day": day,
                         "value_cents": ident["value_cents"]})
    g = work.groupby("customer_id", sort=True)
    out = pd.DataFrame({
        "recency": (snapshot - g["day"].max()).dt.days,
        "frequency": g["order_id"].nunique(),
        "monetary_cents": g["value_cents"].sum(),
    })
    up, down = list(range(1, bins + 1)), list(range(bins, 0, -1))
    out["r_score"] = pd.qcut(out["recency"].rank(method="first"), bins, labels=down).astype("int64")
    out["f_score"] = pd.qcut(out["frequency"].rank(method="first"), bins, labels=up).astype("int64")
    out["m_score"] = pd.qcut(out["monetary_cents"].rank(method="first"), bins, labels=up).astype("int64")
    r5 = pd.qcut(out["recency"].rank(method="first"), 5, labels=[5, 4, 3, 2, 1]).astype("int64")
    f5 = pd.qcut(out["frequency"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5]).astype("int64")
    out["segment"] = (r5.astype(str) + f5.astype(str)).replace(peers.SEG_MAP, regex=True)
    return out, snapshot.strftime("%Y-%m-%d")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    ap.add_argument("--out-dir", default=os.path.join(ROOT, "tests", "fixtures", "filter"))
    a = ap.parse_args()
    source = os.path.join(a.data, "online_retail", "online_retail.csv.gz")
    if not os.path.exists(source):
        print(f"filter_reference: skipped, {source} is absent", file=sys.stderr)
        return
    os.makedirs(a.out_dir, exist_ok=True)
    sys.path.insert(0, PEERS)
    lines = clean(source)
    for name, case in CASES.items():
        kept = window(lines, case["from"], case["to"], case["region"])
        five, snapshot = rfm(kept, 5)
        four, _ = rfm(kept, 4)
        table = pd.DataFrame({
            "customer_id": five.index,
            "recency": five["recency"], "frequency": five["frequency"],
            "monetary_cents": five["monetary_cents"],
            "r_score": five["r_score"], "f_score": five["f_score"], "m_score": five["m_score"],
            "segment": five["segment"],
            "r_score_4": four["r_score"], "f_score_4": four["f_score"], "m_score_4": four["m_score"],
        })
        table.to_csv(os.path.join(a.out_dir, name + ".csv"), index=False, lineterminator="\n")
        seg = table.groupby("segment").agg(customers=("customer_id", "size"),
                                           revenue_cents=("monetary_cents", "sum"))
        meta = {
            "source": "shared/data/online_retail/online_retail.csv.gz",
            "source_sha256": sha256(source),
            "filter": case,
            "overview": {**overview(kept, case["from"], case["to"]),
                         "previous": previous(lines, case["from"], case["to"], case["region"])},
            "rfm": {
                "customers": int(len(table)),
                "snapshot_date": snapshot,
                "segments": {k: {"customers": int(v.customers), "revenue_cents": int(v.revenue_cents)}
                             for k, v in seg.iterrows()},
            },
            "pandas": pd.__version__,
        }
        with open(os.path.join(a.out_dir, name + ".json"), "w") as f:
            json.dump(meta, f, indent=2, sort_keys=True)
            f.write("\n")
        print(f"filter_reference: {name}: {len(kept)} lines, {len(table)} customers", file=sys.stderr)


if __name__ == "__main__":
    main()
