#!/usr/bin/env python3
"""Reference association rules for Portrait's test `tests/basket_reference.rs`, by mlxtend.

    python scripts/basket_reference.py [--cache target/fixtures] [--out-dir tests/fixtures/basket]

1. Groceries (arules; ../shared/data/groceries/groceries.csv, one basket per line, items
   comma-separated, no header; README of ../shared/data, section 2a): items are trimmed (two
   labels end in a space, `cream cheese `, and a CSV reader trims cells), baskets one-hot
   encoded by mlxtend's `TransactionEncoder`, `fpgrowth(min_support=0.001)` and
   `association_rules(metric="confidence", min_threshold=0.5)` — every consequent size, as
   mlxtend does. Written: every rule's antecedents, consequents, support, confidence and lift
   (items as indices into `items`), and the rule counts at confidence 0.5 / 0.8 / 0.9 with any
   consequent and with one item on the right (arules' convention).
2. The peer benchmark's 100k-line file (../shared/bench/peers/gen_orders.py, seed 42; cached
   in --cache), stage d exactly as the peer pipeline runs it (peers.py's `build_baskets`,
   `fpgrowth(min_support=0.005)`, `association_rules(metric="lift", min_threshold=1.0)`):
   every itemset with its support and every rule with its measures.
3. UCI Online Retail (../shared/data/online_retail), frequently bought together for three
   well-known products: baskets are the invoices' purchase lines (quantity > 0, invoice not
   starting with "C", a stock code), the partners of a product the stock codes sharing at
   least two of its baskets with a lift above 1, most shared baskets first (then lift, then the product's first
   appearance in the file), ten of them.

Needs pandas and mlxtend (the Makefile's venv, scripts/requirements-fixtures.txt).
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
PEERS = os.path.join(SHARED, "bench", "peers")
GROCERIES = os.path.join(SHARED, "data", "groceries", "groceries.csv")
RETAIL = os.path.join(SHARED, "data", "online_retail")
# WHITE HANGING HEART T-LIGHT HOLDER, REGENCY CAKESTAND 3 TIER, JUMBO BAG RED RETROSPOT: the
# three best-selling products of the data set
RETAIL_PRODUCTS = ["85123A", "22423", "85099B"]


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def mine(baskets, min_support, metric, threshold):
    import pandas as pd
    from mlxtend.frequent_patterns import association_rules, fpgrowth
    from mlxtend.preprocessing import TransactionEncoder
    te = TransactionEncoder()
    mat = te.fit(baskets).transform(baskets, sparse=True)
    onehot = pd.DataFrame.sparse.from_spmatrix(mat, columns=[str(c) for c in te.columns_])
    fi = fpgrowth(onehot, min_support=min_support, use_colnames=True)
    rules = association_rules(fi, num_itemsets=len(onehot), metric=metric, min_threshold=threshold)
    return fi, rules


def groceries(out_dir):
    with open(GROCERIES, encoding="utf-8") as f:
        baskets = [sorted({i.strip() for i in line.rstrip("\n").split(",") if i.strip()}) for line in f]
    fi, rules = mine(baskets, 0.001, "confidence", 0.5)
    items = sorted({i for b in baskets for i in b})
    index = {name: k for k, name in enumerate(items)}
    ids = lambda s: sorted(index[i] for i in s)
    rows = sorted(
        [ids(r.antecedents), ids(r.consequents), float(r.support), float(r.confidence), float(r.lift)]
        for r in rules.itertuples()
    )
    counts = {}
    for conf in (0.5, 0.8, 0.9):
        keep = rules[rules["confidence"] >= conf]
        one = keep[keep["consequents"].apply(len) == 1]
        lengths = (one["antecedents"].apply(len) + 1).value_counts().sort_index()
        counts[str(conf)] = {"any": int(len(keep)), "one": int(len(one)),
                             "one_by_length": {str(k): int(v) for k, v in lengths.items()}}
    out = {
        "source": "shared/data/groceries/groceries.csv",
        "input_sha256": sha256(GROCERIES),
        "baskets": len(baskets),
        "min_support": 0.001,
        "min_confidence": 0.5,
        "itemsets": int(len(fi)),
        "counts": counts,
        "items": items,
        "rules": rows,
    }
    write(os.path.join(out_dir, "groceries_mlxtend.json"), out)


def peer(cache, out_dir, rows=100000, seed=42):
    orders = os.path.join(cache, f"peer_orders_{rows}_seed{seed}.csv")
    if not os.path.exists(orders):
        os.makedirs(cache, exist_ok=True)
        subprocess.run([sys.executable, os.path.join(PEERS, "gen_orders.py"), "--rows", str(rows),
                        "--seed", str(seed), "--out", orders + ".tmp"], check=True)
        os.replace(orders + ".tmp", orders)
    sys.path.insert(0, PEERS)
    import pandas as pd
    import peers  # the benchmark's own stage d: build_baskets
    df = pd.read_csv(orders, parse_dates=["order_date"])
    baskets = peers.build_baskets(df).tolist()
    fi, rules = mine(baskets, 0.005, "lift", 1.0)
    key = lambda s: sorted(int(x) for x in s)
    out = {
        "generator": "shared/bench/peers/gen_orders.py",
        "rows": rows,
        "seed": seed,
        "input_sha256": sha256(orders),
        "baskets": len(baskets),
        "min_support": 0.005,
        "itemsets": sorted([key(r.itemsets), float(r.support)] for r in fi.itertuples()),
        "rules": sorted(
            [key(r.antecedents), key(r.consequents), float(r.support), float(r.confidence),
             float(r.lift), float(r.leverage), None if r.conviction == float("inf") else float(r.conviction),
             float(r.zhangs_metric), float(r.jaccard), float(r.certainty), float(r.kulczynski)]
            for r in rules.itertuples()
        ),
        "rule_fields": ["antecedents", "consequents", "support", "confidence", "lift", "leverage",
                        "conviction", "zhang", "jaccard", "certainty", "kulczynski"],
    }
    write(os.path.join(out_dir, f"peer_{rows}_seed{seed}.json"), out)


def retail(out_dir):
    import pandas as pd
    path = os.path.join(RETAIL, "online_retail.csv.gz")
    if not os.path.exists(path):
        print(f"skipped Online Retail: {path} is absent", file=sys.stderr)
        return
    df = pd.read_csv(path, dtype={"InvoiceNo": str, "StockCode": str}, encoding="utf-8")
    df["StockCode"] = df["StockCode"].str.strip()
    first_seen = {code: k for k, code in enumerate(pd.unique(df["StockCode"]))}
    pos = df[(df["Quantity"] > 0) & ~df["InvoiceNo"].str.startswith("C") & df["StockCode"].notna()]
    baskets = pos.groupby("InvoiceNo")["StockCode"].agg(lambda s: sorted(set(s)))
    n = len(baskets)
    support = {}
    for b in baskets:
        for i in b:
            support[i] = support.get(i, 0) + 1
    lists = {}
    for product in RETAIL_PRODUCTS:
        shared = {}
        for b in baskets:
            if product in b:
                for i in b:
                    if i != product:
                        shared[i] = shared.get(i, 0) + 1
        own = support[product]
        lift = lambda i: shared[i] / own / (support[i] / n)
        partners = sorted((i for i in shared if shared[i] >= 2 and lift(i) > 1),
                          key=lambda i: (-shared[i], -lift(i), first_seen[i]))[:10]
        lists[product] = {"baskets": own,
                          "partners": [[i, shared[i], shared[i] / own, lift(i)] for i in partners]}
    write(os.path.join(out_dir, "online_retail_together.json"),
          {"source": "shared/data/online_retail/online_retail.csv.gz", "input_sha256": sha256(path),
           "baskets": n, "lists": lists})


def write(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, separators=(",", ":"), sort_keys=True)
        f.write("\n")
    print("wrote", os.path.relpath(path, ROOT))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=os.path.join(ROOT, "target", "fixtures"))
    ap.add_argument("--out-dir", default=os.path.join(ROOT, "tests", "fixtures", "basket"))
    a = ap.parse_args()
    os.makedirs(a.out_dir, exist_ok=True)
    groceries(a.out_dir)
    peer(a.cache, a.out_dir)
    retail(a.out_dir)


if __name__ == "__main__":
    main()
