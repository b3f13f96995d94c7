#!/usr/bin/env python3
"""Reference recommendations for Portrait's test `tests/recs_reference.rs`.

    python scripts/recs_reference.py [--cache target/fixtures] [--out-dir tests/fixtures/recommend]

Stage f(i) of the peer benchmark (../shared/bench/peers/README.md) on the peer generator's
100k-line file (seed 42; cached in --cache), with the peer pipeline's own functions
(peers.py: `purchase_matrix`, `topk_rows`): X = customers x products of purchase-line counts,
S = `sklearn.metrics.pairwise.cosine_similarity(X.T)` as float32, scores X @ S, bought
products excluded, the top 10 with a score above 0. Written, gzip'd: one line per customer,
`customer_id`, then ten `product_id:score` pairs (scores as float32 prints them), then the
11th score (`next`, to tell a tie at the cut).

MovieLens 100K (../shared/data/movielens-100k/u.data; never copied into the repository, only
these aggregate numbers are written), when the folder is present: every rating is one
implicit interaction of weight 1; each user's ratings ordered by time (then by line of the
file), the last ⌊20 %⌋ held out. implicit 0.7.3's `CosineRecommender(K=20)` and
`AlternatingLeastSquares(factors=64, iterations=15, regularization=0.01, alpha=1.0,
random_state=0)` — and ALS again from random_state 0 to 5, for the spread a start gives — are
fitted on the rest (one BLAS thread), recommend 10 unseen items to every
user, and their lists are measured with Portrait's own definitions
(src/recommend/lists/evaluate.rs: precision@10 = hits/10, recall@10, MAP@10, NDCG@10, hit
rate), beside implicit's own `ranking_metrics_at_k` (its precision divides by min(10, held
out)). Written: tests/fixtures/recommend/movielens_100k.json.

Needs numpy, scipy, pandas, scikit-learn and implicit (the Makefile's venv).
"""
import argparse
import gzip
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


def itemcf(orders, out_dir):
    sys.path.insert(0, PEERS)
    import numpy as np
    import pandas as pd
    import peers  # the benchmark's own stage f: purchase_matrix, topk_rows
    from sklearn.metrics.pairwise import cosine_similarity
    df = pd.read_csv(orders, parse_dates=["order_date"])
    X, users, items = peers.purchase_matrix(df)
    S = cosine_similarity(X.T.tocsr()).astype(np.float32, copy=False)
    lines = []
    for s in range(0, X.shape[0], 2048):
        Xc = X[s:s + 2048]
        sc = np.asarray(Xc @ S)
        r, c = Xc.nonzero()
        sc[r, c] = -np.inf
        idx, val = peers.topk_rows(sc, 11)
        for k in range(Xc.shape[0]):
            top = [f"{items[idx[k, j]]}:{np.float32(val[k, j])!r}".replace("np.float32(", "").replace(")", "")
                   for j in range(10) if idx[k, j] >= 0]
            nxt = float(val[k, 10]) if idx[k, 10] >= 0 else 0.0
            lines.append(",".join([str(users[s + k]), *top, f"next:{nxt!r}"]))
    path = os.path.join(out_dir, "itemcf_peer_100000_seed42.csv.gz")
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        f.write(("\n".join(lines) + "\n").encode())
    meta = {"generator": "shared/bench/peers/gen_orders.py", "rows": 100000, "seed": 42,
            "input_sha256": sha256(orders), "users": int(X.shape[0]), "items": int(X.shape[1]),
            "interactions": int(X.nnz)}
    with open(os.path.join(out_dir, "itemcf_peer_100000_seed42.json"), "w") as f:
        json.dump(meta, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", os.path.relpath(path, ROOT))


MOVIELENS = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "movielens-100k", "u.data"))


def measures(lists, relevant, k=10):
    """Portrait's definitions (src/recommend/lists/evaluate.rs), over users with a held-out item."""
    import math
    n = 0
    sums = [0.0] * 5
    for u, rel in relevant.items():
        if not rel:
            continue
        top = lists.get(u, [])[:k]
        hits = 0
        ap = dcg = 0.0
        for place, i in enumerate(top):
            if i in rel:
                hits += 1
                ap += hits / (place + 1)
                dcg += 1 / math.log2(place + 2)
        ideal = min(k, len(rel))
        idcg = sum(1 / math.log2(p + 2) for p in range(ideal))
        sums[0] += hits / k
        sums[1] += hits / len(rel)
        sums[2] += ap / ideal
        sums[3] += dcg / idcg
        sums[4] += 1 if hits else 0
        n += 1
    return {"customers": n, "precision": sums[0] / n, "recall": sums[1] / n, "map": sums[2] / n,
            "ndcg": sums[3] / n, "hit_rate": sums[4] / n}


def movielens(out_dir):
    if not os.path.exists(MOVIELENS):
        print(f"skipped MovieLens: {MOVIELENS} is absent", file=sys.stderr)
        return
    import numpy as np
    import scipy.sparse as sp
    from implicit.als import AlternatingLeastSquares
    from implicit.evaluation import ranking_metrics_at_k
    from implicit.nearest_neighbours import CosineRecommender
    from threadpoolctl import threadpool_limits
    rows = []
    with open(MOVIELENS) as f:
        for line_no, line in enumerate(f):
            u, i, _, t = line.split("\t")
            rows.append((int(u), int(t), line_no, int(i)))
    by_user = {}
    for u, t, line_no, i in sorted(rows):
        by_user.setdefault(u, []).append(i)
    users = sorted(by_user)
    items = sorted({i for _, _, _, i in rows})
    ui = {u: k for k, u in enumerate(users)}
    ii = {i: k for k, i in enumerate(items)}
    train, test = [], {}
    for u in users:
        seq = by_user[u]
        held = len(seq) * 20 // 100
        cut = len(seq) - held
        train += [(ui[u], ii[i]) for i in seq[:cut]]
        test[ui[u]] = {ii[i] for i in seq[cut:]} - {ii[i] for i in seq[:cut]}
    r, c = zip(*train)
    X = sp.csr_matrix((np.ones(len(train), dtype=np.float32), (r, c)), shape=(len(users), len(items)))
    X.sum_duplicates()
    X.data[:] = 1.0
    T = sp.lil_matrix((len(users), len(items)), dtype=np.float32)
    for u, rel in test.items():
        for i in rel:
            T[u, i] = 1.0
    T = T.tocsr()
    out = {"source": "shared/data/movielens-100k/u.data", "input_sha256": sha256(MOVIELENS),
           "split": "per user by time (then line), the last floor(20 %) held out; held-out items already in training dropped",
           "users": len(users), "items": len(items), "train": int(X.nnz), "test": int(T.nnz), "k": 10, "models": {}}
    with threadpool_limits(1, "blas"):
        models = {
            "implicit_cosine_k20": CosineRecommender(K=20),
            "implicit_als": AlternatingLeastSquares(factors=64, iterations=15, regularization=0.01, alpha=1.0,
                                                     random_state=0, num_threads=1),
        }
        for name, m in models.items():
            m.fit(X, show_progress=False)
            ids, _ = m.recommend(np.arange(len(users)), X, N=10, filter_already_liked_items=True)
            lists = {u: [int(i) for i in ids[u] if i >= 0] for u in range(len(users))}
            own = ranking_metrics_at_k(m, X, T, K=10, show_progress=False)
            out["models"][name] = {"portrait_definitions": measures(lists, test),
                                   "implicit_ranking_metrics_at_k": {k: float(v) for k, v in own.items()}}
        # a random start moves ALS's precision@10 by about ±0.002 here: compare with the mean
        out["models"]["implicit_als_seeds"] = als_seeds(X, test, users)
    with open(os.path.join(out_dir, "movielens_100k.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", os.path.relpath(os.path.join(out_dir, "movielens_100k.json"), ROOT))


def als_seeds(X, test, users, seeds=range(6)):
    """implicit's ALS from several random starts: the spread a different start gives."""
    import numpy as np
    from implicit.als import AlternatingLeastSquares
    runs = []
    for seed in seeds:
        m = AlternatingLeastSquares(factors=64, iterations=15, regularization=0.01, alpha=1.0,
                                    random_state=seed, num_threads=1)
        m.fit(X, show_progress=False)
        ids, _ = m.recommend(np.arange(len(users)), X, N=10, filter_already_liked_items=True)
        runs.append(measures({u: [int(i) for i in ids[u] if i >= 0] for u in range(len(users))}, test))
    keys = ["precision", "recall", "map", "ndcg", "hit_rate"]
    return {"seeds": list(seeds), "runs": runs,
            "mean": {k: sum(r[k] for r in runs) / len(runs) for k in keys}}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=os.path.join(ROOT, "target", "fixtures"))
    ap.add_argument("--out-dir", default=os.path.join(ROOT, "tests", "fixtures", "recommend"))
    a = ap.parse_args()
    os.makedirs(a.out_dir, exist_ok=True)
    orders = os.path.join(a.cache, "peer_orders_100000_seed42.csv")
    if not os.path.exists(orders):
        os.makedirs(a.cache, exist_ok=True)
        subprocess.run([sys.executable, os.path.join(PEERS, "gen_orders.py"), "--rows", "100000",
                        "--seed", "42", "--out", orders + ".tmp"], check=True)
        os.replace(orders + ".tmp", orders)
    itemcf(orders, a.out_dir)
    movielens(a.out_dir)


if __name__ == "__main__":
    main()
