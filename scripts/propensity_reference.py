#!/usr/bin/env python3
"""Reference propensity models computed by pandas and scikit-learn on the same time split.

    python scripts/propensity_reference.py [--portrait target/release/portrait]
        [--cdnow ../shared/data/cdnow/CDNOW_master.txt] [--out tests/fixtures/propensity/reference.json]

The features and labels are computed here, in pandas, from the definitions in
src/predict/propensity/features.rs and split.rs — independently of Portrait, so the test
checks the features and the split as well as the model:

- a purchase line has quantity > 0 and is not a return (quantity < 0, or an order id `C`
  followed by a digit); its value is quantity × round(100 · unit_price) cents;
- days are calendar days of `order_date`; last = the latest day of any line; for a horizon
  h the cutoff is last − h, the training features are as of D1 = cutoff − h (lines with
  day ≤ D1) with labels from (D1, cutoff], the test features as of cutoff with labels from
  (cutoff, cutoff + h];
- the customers of a period are those with a purchase line up to its day; churn = no
  purchase line in the label window; purchase (of a category) = one in it;
- per customer, as of D: recency_days = D − last purchase day, tenure_days = D − first,
  purchase_days = distinct purchase days, orders = distinct order ids of purchase lines,
  spend = Σ purchase value, average_order_value = spend / orders, purchase_days_30 and
  purchase_days_90 = distinct purchase days after D − 30 (− 90), spend_90 = spend after
  D − 90, mean_gap_days = (last − first) / (purchase_days − 1) (0 with one purchase day),
  return_share = return lines / (purchase + return lines), products = distinct products
  bought, categories = distinct categories bought (when the file has categories),
  category_purchase_days and category_spend for a category target; every feature but
  return_share enters as log1p(max(v, 0)); a feature constant over the training customers
  is dropped;
- LogisticRegression(C=1.0) on StandardScaler()-standardised training features (lbfgs with
  tol 1e-10, so the optimum is reached), scored on the test features.

Also recorded, for comparison only: scikit-learn's DecisionTreeClassifier(max_depth=8,
min_samples_leaf=20) and RandomForestClassifier(100 trees, max_depth=8, min_samples_leaf=5,
max_features="sqrt", random_state=0) test ROC AUC.

With `--bench FILE --bench-out OUT` it times instead, for `make bench`, the same pipeline as a
pandas + scikit-learn peer on an order file (the peer generator's layout): the load, the
features of the three periods (training, test, today), then each model fitted and scoring
the test period and today (forest n_jobs=1: Portrait's fit is one thread in the tab), as JSON.

Data: the built-in sample shop (`portrait sample`, 100,000 lines, seed 42; needs the built
CLI) and the CDNOW master file (real purchases 1997-01 .. 1998-06; each transaction a line of
quantity 1 at its dollar value, as tests/propensity_reference.rs ingests it). Floats are
Python repr (round-trip). Needs numpy, pandas, scikit-learn (scripts/requirements-fixtures.txt).
"""
import argparse
import json
import os
import subprocess
import tempfile

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CDNOW = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "cdnow", "CDNOW_master.txt"))
BASE = ["recency_days", "tenure_days", "purchase_days", "orders", "spend", "average_order_value",
        "purchase_days_30", "purchase_days_90", "spend_90", "mean_gap_days", "return_share", "products"]


def lines_of(df):
    """Order lines with day, purchase flag, return flag and cents."""
    out = pd.DataFrame({
        "order": df["order_id"].astype(str),
        "customer": df["customer_id"].astype(str),
        "day": (pd.to_datetime(df["order_date"]).values.astype("datetime64[D]").astype(np.int64)),
        "product": df["product_id"].astype(str) if "product_id" in df else "",
        "quantity": df["quantity"].astype(float),
        "cents": df["quantity"].astype(float) * np.round(df["unit_price"].astype(float) * 100.0),
    })
    if "category" in df:
        out["category"] = df["category"]
    cancelled = out["order"].str.match(r"^C[0-9]")
    out["is_return"] = (out["quantity"] < 0) | cancelled
    out["purchase"] = (~out["is_return"]) & (out["quantity"] > 0)
    return out


def features(lines, day, category=None):
    """The feature table as of `day`, one row per customer with a purchase, sorted by id."""
    seen = lines[lines["day"] <= day]
    p = seen[seen["purchase"]]
    g = p.groupby("customer")
    f = pd.DataFrame({
        "first": g["day"].min(),
        "last": g["day"].max(),
        "purchase_days": g["day"].nunique(),
        "orders": g["order"].nunique(),
        "spend": g["cents"].sum() / 100.0,
        "products": g["product"].nunique(),
    })
    f["recency_days"] = day - f["last"]
    f["tenure_days"] = day - f["first"]
    f["average_order_value"] = f["spend"] / f["orders"]
    recent30 = p[p["day"] > day - 30].groupby("customer")["day"].nunique()
    recent90 = p[p["day"] > day - 90].groupby("customer")
    f["purchase_days_30"] = recent30.reindex(f.index).fillna(0)
    f["purchase_days_90"] = recent90["day"].nunique().reindex(f.index).fillna(0)
    f["spend_90"] = (recent90["cents"].sum() / 100.0).reindex(f.index).fillna(0)
    f["mean_gap_days"] = np.where(f["purchase_days"] > 1,
                                  (f["last"] - f["first"]) / (f["purchase_days"] - 1).clip(lower=1), 0.0)
    returns = seen[seen["is_return"]].groupby("customer").size().reindex(f.index).fillna(0)
    f["return_share"] = returns / (returns + g.size())
    names = list(BASE)
    if "category" in lines:
        f["categories"] = g["category"].nunique()
        names.append("categories")
    if category is not None:
        pc = p[p["category"] == category].groupby("customer")
        f["category_purchase_days"] = pc["day"].nunique().reindex(f.index).fillna(0)
        f["category_spend"] = (pc["cents"].sum() / 100.0).reindex(f.index).fillna(0)
        names += ["category_purchase_days", "category_spend"]
    f = f[names].astype(float)
    for c in names:
        if c != "return_share":
            f[c] = np.log1p(f[c].clip(lower=0))
    return f.sort_index(key=natural)


def natural(index):
    """Portrait's natural id order: numeric ids numerically, before text ids."""
    as_num = pd.to_numeric(index, errors="coerce")
    return pd.Index(list(zip(as_num.isna(), as_num.fillna(0), index)), tupleize_cols=False)


def bought(lines, customers, after, through, category=None):
    w = lines[lines["purchase"] & (lines["day"] > after) & (lines["day"] <= through)]
    if category is not None:
        w = w[w["category"] == category]
    return customers.isin(set(w["customer"]))


def reference(lines, horizon, target, category=None):
    last = int(lines["day"].max())
    cutoff = last - horizon
    d1 = cutoff - horizon
    xtr = features(lines, d1, category)
    xte = features(lines, cutoff, category)
    ytr = bought(lines, xtr.index, d1, cutoff, category)
    yte = bought(lines, xte.index, cutoff, cutoff + horizon, category)
    if target == "churn":
        ytr, yte = ~ytr, ~yte
    varying = [c for c in xtr.columns if xtr[c].nunique() > 1]
    scaler = StandardScaler().fit(xtr[varying].values)
    model = LogisticRegression(C=1.0, tol=1e-10, max_iter=100000)
    model.fit(scaler.transform(xtr[varying].values), ytr.astype(int))
    s = model.predict_proba(scaler.transform(xte[varying].values))[:, 1]
    tree = DecisionTreeClassifier(max_depth=8, min_samples_leaf=20, random_state=0).fit(xtr[varying].values, ytr)
    forest = RandomForestClassifier(n_estimators=100, max_depth=8, min_samples_leaf=5, max_features="sqrt",
                                    random_state=0, n_jobs=1).fit(xtr[varying].values, ytr)
    y = yte.astype(int)
    return {
        "horizon_days": horizon,
        "target": target,
        "target_category": category,
        "training": {"customers": int(len(xtr)), "positives": int(ytr.sum()),
                     "features_at": str(np.datetime64(d1, "D"))},
        "test": {"customers": int(len(xte)), "positives": int(yte.sum()),
                 "features_at": str(np.datetime64(cutoff, "D"))},
        "features": varying,
        "dropped": [c for c in xtr.columns if c not in varying],
        "training_means": {c: float(xtr[c].mean()) for c in varying},
        "logistic": {
            "roc_auc": float(roc_auc_score(y, s)),
            "pr_auc": float(average_precision_score(y, s)),
            "brier": float(brier_score_loss(y, s)),
            "coefficients": {c: float(v) for c, v in zip(varying, model.coef_[0])},
            "intercept": float(model.intercept_[0]),
        },
        "tree_roc_auc": float(roc_auc_score(y, tree.predict_proba(xte[varying].values)[:, 1])),
        "forest_roc_auc": float(roc_auc_score(y, forest.predict_proba(xte[varying].values)[:, 1])),
    }


def bench(path, out_path, horizon=90):
    """Times the pandas + scikit-learn peer of `portrait propensity` on one order file."""
    import time
    t0 = time.perf_counter()
    lines = lines_of(pd.read_csv(path, dtype={"order_id": str, "customer_id": str, "product_id": str}))
    t1 = time.perf_counter()
    last = int(lines["day"].max())
    cutoff = last - horizon
    d1 = cutoff - horizon
    xtr, xte, xsc = features(lines, d1), features(lines, cutoff), features(lines, last)
    ytr = ~bought(lines, xtr.index, d1, cutoff)
    yte = ~bought(lines, xte.index, cutoff, cutoff + horizon)
    varying = [c for c in xtr.columns if xtr[c].nunique() > 1]
    t2 = time.perf_counter()
    times = {"load_s": t1 - t0, "features_s": t2 - t1}
    aucs = {}
    scaler = StandardScaler().fit(xtr[varying].values)
    models = {
        "logistic": (LogisticRegression(C=1.0, max_iter=1000), True),
        "tree": (DecisionTreeClassifier(max_depth=8, min_samples_leaf=20, random_state=0), False),
        "forest": (RandomForestClassifier(n_estimators=100, max_depth=8, min_samples_leaf=5, max_features="sqrt",
                                          random_state=0, n_jobs=1), False),
    }
    for name, (model, scaled) in models.items():
        t = time.perf_counter()
        prep = (lambda x: scaler.transform(x)) if scaled else (lambda x: x)
        model.fit(prep(xtr[varying].values), ytr)
        s = model.predict_proba(prep(xte[varying].values))[:, 1]
        model.predict_proba(prep(xsc[varying].values))
        aucs[name] = float(roc_auc_score(yte, s))
        times[name + "_s"] = time.perf_counter() - t
    times["models_s"] = sum(times[m + "_s"] for m in models)
    result = {"file": os.path.basename(path), "customers": int(len(xsc)), "roc_auc": aucs, **times,
              "scikit_learn": sklearn.__version__, "pandas": pd.__version__}
    with open(out_path, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    print("[propensity-peer] %s: load %.2f s, features %.2f s, logistic %.2f s, tree %.2f s, forest %.2f s"
          % (result["file"], times["load_s"], times["features_s"], times["logistic_s"], times["tree_s"],
             times["forest_s"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench", help="time the peer pipeline on this order file instead")
    ap.add_argument("--bench-out", help="where --bench writes its JSON")
    ap.add_argument("--portrait", default=os.path.join(ROOT, "target", "release", "portrait"))
    ap.add_argument("--cdnow", default=CDNOW)
    ap.add_argument("--out", default=os.path.join(ROOT, "tests", "fixtures", "propensity", "reference.json"))
    a = ap.parse_args()
    if a.bench:
        bench(a.bench, a.bench_out)
        return
    out = {"script": "scripts/propensity_reference.py", "scikit_learn": sklearn.__version__,
           "pandas": pd.__version__}
    with tempfile.TemporaryDirectory() as tmp:
        sample = os.path.join(tmp, "sample.csv")
        subprocess.run([a.portrait, "sample", "--out", sample], check=True)
        shop = lines_of(pd.read_csv(sample, dtype={"order_id": str, "customer_id": str, "product_id": str}))
    out["sample_churn"] = reference(shop, 90, "churn")
    out["sample_shoes"] = reference(shop, 90, "purchase", "Shoes")
    raw = pd.read_csv(a.cdnow, sep=r"\s+", header=0, names=["customer_id", "date", "cds", "dollars"],
                      dtype={"customer_id": str, "date": str})
    cdnow = pd.DataFrame({
        "order_id": ["T%d" % i for i in range(len(raw))],
        "customer_id": raw["customer_id"].str.lstrip("0"),
        "order_date": pd.to_datetime(raw["date"], format="%Y%m%d"),
        "quantity": 1.0,
        "unit_price": raw["dollars"].astype(float),
    })
    out["cdnow_churn"] = reference(lines_of(cdnow), 90, "churn")
    with open(a.out, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    for k in ("sample_churn", "sample_shoes", "cdnow_churn"):
        r = out[k]
        print(k, r["training"], r["test"], "logistic AUC %.6f" % r["logistic"]["roc_auc"],
              "tree %.4f forest %.4f" % (r["tree_roc_auc"], r["forest_roc_auc"]))


if __name__ == "__main__":
    main()
