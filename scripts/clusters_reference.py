#!/usr/bin/env python3
"""Reference clustering (peer benchmark stage c and friends) computed by scikit-learn.

    python scripts/clusters_reference.py [--sizes 100000 1000000] [--seed 42]
        [--cache target/fixtures] [--out-dir tests/fixtures/clusters]
        [--portrait target/release/portrait] [--retail ../shared/data/online_retail/online_retail.csv.gz]

Features per customer (customer_id ascending), as in ../shared/bench/peers/README.md stage c:
X = log1p([recency, frequency, max(monetary, 0)]) from the stage-b RFM, Z = StandardScaler()
.fit_transform(X) (population std), KMeans(n_clusters=5, n_init=10, random_state=0) on Z.

1. Generates the peer benchmark's order files with ../shared/bench/peers/gen_orders.py
   (byte-identical for the same rows/seed; cached in --cache as peer_orders_<rows>_seed<seed>.csv),
   runs the peer pipeline's own `rfm_pandas` (../shared/bench/peers/peers.py, stage b) and writes
   stage_c_peer_<rows>.json: n_samples, inertia, n_iter, cluster sizes (descending), the scaler's
   mean_/scale_, the centres in standardised space (and in log1p space) sorted by size.
2. stage_c_online_retail.json: the same for UCI Online Retail's customers, with recency,
   frequency and monetary_cents taken from Portrait's own CLI (so the cleaning is Portrait's:
   `portrait rfm FILE --csv=OUT`, monetary = cents / 100); the export is kept in --cache.
3. sample_features.csv: customer_id, the standardised features (Z over ALL customers of the
   <first size> file, then its first 3000 rows; floats as Python repr), kmeans4 = labels of
   KMeans(4, n_init=10, random_state=0) on those rows, dbscan = labels of DBSCAN(eps=0.3,
   min_samples=10) (-1 = noise). sample_reference.json: silhouette of kmeans4, kmeans4 inertia,
   PCA(3) explained-variance ratios and components, a full-covariance GaussianMixture(4) started
   from the kmeans4 partition (initial mean log-likelihood, after 1/2/3/5/10 EM steps and final,
   BIC, n_iter, weights, means, covariances, components collapsed onto one frequency value), DBSCAN
   counts and the 10th-nearest-neighbour distances (every 30th, sorted).

Floats in the JSON files are Python repr (round-trip). Needs numpy, pandas, scipy and
scikit-learn (scripts/requirements-fixtures.txt; the Makefile's venv: `make fixtures`) and the
built Portrait CLI for step 2.
"""
import argparse
import gzip
import hashlib
import json
import os
import subprocess
import sys
import time
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEERS = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench", "peers"))
RETAIL = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "online_retail", "online_retail.csv.gz"))
SCRIPT = "scripts/clusters_reference.py"
SAMPLE_ROWS = 3000
KDIST_STEP = 30
GMM_STEPS = (1, 2, 3, 5, 10)
FEATURES = ["log1p(recency)", "log1p(frequency)", "log1p(max(monetary, 0))"]
Z_COLUMNS = ["z_recency", "z_frequency", "z_monetary"]


def sha256(path, opener=open):
    h = hashlib.sha256()
    with opener(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def rel(path):
    return os.path.relpath(os.path.abspath(path), ROOT)


def floats(a):
    """numpy array / scalar -> nested lists of Python floats (json writes them with repr)."""
    import numpy as np
    return np.asarray(a, dtype=np.float64).tolist()


def versions():
    import numpy as np
    import pandas as pd
    import scipy
    import sklearn
    return {"sklearn_version": sklearn.__version__, "numpy_version": np.__version__,
            "scipy_version": scipy.__version__, "pandas_version": pd.__version__}


def features(recency, frequency, monetary):
    import numpy as np
    return np.log1p(np.column_stack([np.asarray(recency, dtype=np.float64),
                                     np.asarray(frequency, dtype=np.float64),
                                     np.maximum(np.asarray(monetary, dtype=np.float64), 0.0)]))


def stage_c(X):
    """StandardScaler + KMeans(5): the peer benchmark's stage c on log1p features X."""
    import numpy as np
    from sklearn.cluster import KMeans
    from sklearn.preprocessing import StandardScaler
    scaler = StandardScaler().fit(X)
    Z = scaler.transform(X)
    km = KMeans(n_clusters=5, n_init=10, random_state=0).fit(Z)
    sizes = np.bincount(km.labels_, minlength=5)
    order = np.argsort(-sizes, kind="stable")
    return Z, {
        "n_samples": int(len(Z)),
        "n_features": int(Z.shape[1]),
        "features": FEATURES,
        "kmeans": "KMeans(n_clusters=5, n_init=10, random_state=0) on StandardScaler().fit_transform(X)",
        "inertia": float(km.inertia_),
        "n_iter": int(km.n_iter_),
        "cluster_sizes": sizes[order].tolist(),
        "scaler_mean": floats(scaler.mean_),
        "scaler_scale": floats(scaler.scale_),
        "centers_standardised": floats(km.cluster_centers_[order]),
        "centers_log1p": floats(scaler.inverse_transform(km.cluster_centers_)[order]),
    }


def write_json(path, obj):
    with open(path + ".tmp", "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")
    os.replace(path + ".tmp", path)
    print(f"clusters_reference: wrote {rel(path)} ({os.path.getsize(path)} bytes)", file=sys.stderr)


def peer_orders(cache, rows, seed):
    orders = os.path.join(cache, f"peer_orders_{rows}_seed{seed}.csv")
    if not os.path.exists(orders):
        subprocess.run([sys.executable, os.path.join(PEERS, "gen_orders.py"), "--rows", str(rows),
                        "--seed", str(seed), "--out", orders + ".tmp"], check=True)
        os.replace(orders + ".tmp", orders)
    return orders


def peer_stage_c(a, rows):
    import pandas as pd
    import peers  # the benchmark's own definitions: rfm_pandas
    orders = peer_orders(a.cache, rows, a.seed)
    df = pd.read_csv(orders, parse_dates=["order_date"])
    rfm = peers.rfm_pandas(df).sort_index()  # index = customer_id ascending
    X = features(rfm["recency"], rfm["frequency"], rfm["monetary"])
    Z, res = stage_c(X)
    meta = {"script": SCRIPT, **versions(),
            "input": f"shared/bench/peers/gen_orders.py --rows {rows} --seed {a.seed}",
            "rows": rows, "seed": a.seed, "input_sha256": sha256(orders),
            "rfm": "shared/bench/peers/peers.py rfm_pandas (stage b)", **res}
    write_json(os.path.join(a.out_dir, f"stage_c_peer_{rows}.json"), meta)
    return rfm.index.to_numpy(), Z, meta


def retail_stage_c(a):
    import numpy as np
    import pandas as pd
    out = os.path.join(a.cache, "online_retail_portrait_rfm.csv")
    cmd = [a.portrait, "rfm", a.retail, f"--csv={out}"]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    dt = time.perf_counter() - t0
    print(f"clusters_reference: portrait rfm on {os.path.basename(a.retail)}: {dt:.2f} s", file=sys.stderr)
    q = json.loads(subprocess.run([a.portrait, "quality", a.retail, "--json"], check=True,
                                  stdout=subprocess.PIPE).stdout)
    version = subprocess.run([a.portrait, "--version"], check=True, stdout=subprocess.PIPE,
                             text=True).stdout.strip()
    rfm = pd.read_csv(out)
    assert rfm["customer_id"].is_monotonic_increasing and rfm["customer_id"].is_unique
    X = features(rfm["recency"], rfm["frequency"], rfm["monetary_cents"].to_numpy(dtype=np.float64) / 100.0)
    _, res = stage_c(X)
    meta = {"script": SCRIPT, **versions(),
            "input": os.path.basename(a.retail),
            "input_path": "../shared/data/online_retail/" + os.path.basename(a.retail),
            "input_sha256": sha256(a.retail),
            "input_uncompressed_sha256": sha256(a.retail, gzip.open) if a.retail.endswith(".gz") else None,
            "rfm": ("recency, frequency, monetary_cents from Portrait's CLI export (Portrait's cleaning); "
                    "monetary = monetary_cents / 100"),
            "rfm_command": " ".join([rel(a.portrait), "rfm", rel(a.retail), "--csv=" + rel(out)]),
            "portrait_version": version,
            "rfm_csv_sha256": sha256(out),
            "portrait_quality": {k: q[k] for k in ("rows_read", "rows_used", "duplicates_removed",
                                                   "missing_customer_lines", "return_lines",
                                                   "date_min", "date_max")},
            **res}
    write_json(os.path.join(a.out_dir, "stage_c_online_retail.json"), meta)
    return meta


def log_likelihood(X, weights, means, covs):
    """Mean over rows of log sum_k w_k N(x | mu_k, Sigma_k), by scipy."""
    import numpy as np
    from scipy.special import logsumexp
    from scipy.stats import multivariate_normal
    lp = np.column_stack([np.log(w) + multivariate_normal(mean=m, cov=c).logpdf(X)
                          for w, m, c in zip(weights, means, covs)])
    return float(np.mean(logsumexp(lp, axis=1)))


def sample(a, ids, Z, meta):
    import numpy as np
    from sklearn.cluster import DBSCAN, KMeans
    from sklearn.decomposition import PCA
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.metrics import silhouette_score
    from sklearn.mixture import GaussianMixture
    from sklearn.neighbors import NearestNeighbors
    ids, X = ids[:SAMPLE_ROWS], Z[:SAMPLE_ROWS]
    n, d = X.shape

    km = KMeans(n_clusters=4, n_init=10, random_state=0).fit(X)
    labels = km.labels_
    db = DBSCAN(eps=0.3, min_samples=10).fit(X)

    with open(os.path.join(a.out_dir, "sample_features.csv.tmp"), "w") as f:
        f.write(",".join(["customer_id", *Z_COLUMNS, "kmeans4", "dbscan"]) + "\n")
        for cid, z, k, g in zip(ids.tolist(), X.tolist(), labels.tolist(), db.labels_.tolist()):
            f.write(f"{cid},{z[0]!r},{z[1]!r},{z[2]!r},{k},{g}\n")
    path = os.path.join(a.out_dir, "sample_features.csv")
    os.replace(path + ".tmp", path)
    print(f"clusters_reference: wrote {rel(path)} ({os.path.getsize(path)} bytes)", file=sys.stderr)

    pca = PCA(n_components=3).fit(X)

    counts = np.bincount(labels, minlength=4)
    w0 = counts / n
    m0 = np.array([X[labels == k].mean(axis=0) for k in range(4)])
    c0 = np.array([np.cov(X[labels == k], rowvar=False, bias=True) + 1e-6 * np.eye(d) for k in range(4)])
    p0 = np.array([np.linalg.inv(c) for c in c0])
    ll0 = log_likelihood(X, w0, m0, c0)
    gm = GaussianMixture(n_components=4, covariance_type="full", tol=1e-6, max_iter=1000, reg_covar=1e-6,
                         weights_init=w0, means_init=m0, precisions_init=p0).fit(X)
    ll = float(gm.score(X))
    ll_scipy = log_likelihood(X, gm.weights_, gm.means_, gm.covariances_)
    assert abs(ll - ll_scipy) < 1e-9, (ll, ll_scipy)
    # The first EM steps, for tests of the start: after k steps (max_iter=k; sklearn's lower_bound_
    # is then the log-likelihood before the k-th M-step, so at k=1 it is the initial one).
    steps = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        for k in GMM_STEPS:
            g = GaussianMixture(n_components=4, covariance_type="full", tol=1e-6, max_iter=k, reg_covar=1e-6,
                                weights_init=w0, means_init=m0, precisions_init=p0).fit(X)
            if k == 1:
                assert abs(float(g.lower_bound_) - ll0) < 1e-9, (g.lower_bound_, ll0)
            steps[str(k)] = float(g.score(X))
    # Components squeezed onto a plane of one discrete feature value: variance there = reg_covar.
    degenerate = [{"component": k, "feature": Z_COLUMNS[j], "mean": float(gm.means_[k, j]),
                   "variance": float(gm.covariances_[k, j, j])}
                  for k in range(4) for j in range(d) if gm.covariances_[k, j, j] < 1e-5]

    core = np.zeros(n, dtype=bool)
    core[db.core_sample_indices_] = True
    border = np.where(~core & (db.labels_ >= 0))[0]
    reach = NearestNeighbors(radius=0.3).fit(X).radius_neighbors(X[border], return_distance=False)
    ambiguous = [int(i) for i, nb in zip(border, reach) if len({int(db.labels_[j]) for j in nb if core[j]}) > 1]

    nn = NearestNeighbors(n_neighbors=10).fit(X)
    kd = np.sort(nn.kneighbors(X)[0][:, -1])[::-1]
    keep = list(range(0, n, KDIST_STEP))
    if keep[-1] != n - 1:
        keep.append(n - 1)

    ref = {
        "script": SCRIPT, **versions(),
        "source": f"stage_c_peer_{meta['rows']}.json",
        "input": meta["input"], "input_sha256": meta["input_sha256"],
        "rows": (f"the first {n} customers (customer_id ascending) of the {meta['n_samples']}; Z standardised "
                 "over all of them (StandardScaler, population std), then cut; = sample_features.csv"),
        "n_samples": int(n),
        "kmeans4": "KMeans(n_clusters=4, n_init=10, random_state=0)",
        "kmeans4_inertia": float(km.inertia_),
        "kmeans4_n_iter": int(km.n_iter_),
        "kmeans4_inertia_at_label_means": float(sum(((X[labels == k] - m0[k]) ** 2).sum() for k in range(4))),
        "kmeans4_note": ("inertia = km.inertia_, the squared distances to km.cluster_centers_ (sklearn's "
                         "centres of the last Lloyd step, which every label is nearest to); those centres "
                         "are not exactly the means of the labels' rows (= gmm4_initial_means), hence "
                         "inertia_at_label_means"),
        "kmeans4_sizes_by_label": counts.tolist(),
        "kmeans4_centers_by_label": floats(km.cluster_centers_),
        "silhouette_kmeans4": float(silhouette_score(X, labels)),
        "silhouette_note": "sklearn.metrics.silhouette_score(X, kmeans4): euclidean, mean over all points",
        "pca_explained_variance_ratio": floats(pca.explained_variance_ratio_),
        "pca_explained_variance": floats(pca.explained_variance_),
        "pca_components": floats(pca.components_),
        "pca_note": "PCA(n_components=3).fit(X); the sign of each component is sklearn's (svd_flip)",
        "gmm4": ("GaussianMixture(n_components=4, covariance_type='full', tol=1e-6, max_iter=1000, reg_covar=1e-6) "
                 "started from the kmeans4 partition: weights = counts/n, means = per-label means, covariances = "
                 "per-label population covariance (/count) + 1e-6*I, precisions_init = their inverses"),
        "gmm4_initial_weights": floats(w0),
        "gmm4_initial_means": floats(m0),
        "gmm4_initial_covariances": floats(c0),
        "gmm4_initial_mean_log_likelihood": ll0,
        "gmm4_mean_log_likelihood_after_steps": steps,
        "gmm4_mean_log_likelihood": ll,
        "gmm4_bic": float(gm.bic(X)),
        "gmm4_n_iter": int(gm.n_iter_),
        "gmm4_converged": bool(gm.converged_),
        "gmm4_lower_bound": float(gm.lower_bound_),
        "gmm4_weights": floats(gm.weights_),
        "gmm4_means": floats(gm.means_),
        "gmm4_covariances": floats(gm.covariances_),
        "gmm4_degenerate": degenerate,
        "gmm4_degenerate_note": ("components whose variance along one feature is < 1e-5: they have collapsed "
                                 "onto the rows sharing one value of that (discrete) feature, e.g. all "
                                 "one-order customers, so that variance is reg_covar and the likelihood "
                                 "depends on reg_covar"),
        "gmm4_note": ("mean_log_likelihood = gm.score(X) (mean over rows), bic = gm.bic(X) = -2*n*score + "
                      "39*ln(n) (4*6 covariance + 4*3 mean + 3 weight parameters); the initial mean "
                      "log-likelihood is computed with scipy.stats.multivariate_normal + logsumexp (and equals "
                      "sklearn's lower_bound_ after max_iter=1); after_steps[k] = gm.score(X) of the same "
                      "model fitted with max_iter=k"),
        "dbscan_eps": 0.3,
        "dbscan_min_samples": 10,
        "dbscan_note": "sklearn DBSCAN(eps=0.3, min_samples=10), euclidean; min_samples counts the point itself",
        "dbscan_n_clusters": int(len(set(db.labels_.tolist()) - {-1})),
        "dbscan_n_noise": int(np.sum(db.labels_ == -1)),
        "dbscan_core_count": int(len(db.core_sample_indices_)),
        "dbscan_border_count": int(len(border)),
        "dbscan_cluster_sizes_by_label": np.bincount(db.labels_[db.labels_ >= 0]).tolist(),
        "dbscan_ambiguous_border_rows": ambiguous,
        "dbscan_ambiguous_note": ("0-based rows of sample_features.csv that are border points within eps of "
                                  "core points of more than one cluster: sklearn gives each to the first "
                                  "cluster that reaches it (clusters are grown, depth first, from the "
                                  "lowest-index unlabelled core point), another order may label them "
                                  "differently; every other label is order-independent up to renumbering"),
        "kdistance_10_note": (f"NearestNeighbors(n_neighbors=10).kneighbors(X)[0][:, -1]: distance to the 10th "
                              f"nearest neighbour counting the point itself as the first, sorted descending; "
                              f"only every {KDIST_STEP}th value (indices 0, {KDIST_STEP}, ..., {keep[-2]}) plus "
                              f"the last (index {n - 1}) are stored"),
        "kdistance_10_indices": keep,
        "kdistance_10": floats(kd[keep]),
    }
    write_json(os.path.join(a.out_dir, "sample_reference.json"), ref)
    return ref


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[100000, 1000000],
                    help="peer order-file rows; the sample is cut from the first size")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--cache", default=os.path.join(ROOT, "target", "fixtures"))
    ap.add_argument("--out-dir", default=os.path.join(ROOT, "tests", "fixtures", "clusters"))
    ap.add_argument("--portrait", default=os.path.join(ROOT, "target", "release", "portrait"))
    ap.add_argument("--retail", default=RETAIL)
    a = ap.parse_args()
    os.makedirs(a.cache, exist_ok=True)
    os.makedirs(a.out_dir, exist_ok=True)
    sys.path.insert(0, PEERS)

    first = None
    for rows in a.sizes:
        t0 = time.perf_counter()
        ids, Z, meta = peer_stage_c(a, rows)
        print(f"clusters_reference: peer {rows}: {meta['n_samples']} customers, inertia {meta['inertia']!r}, "
              f"sizes {meta['cluster_sizes']} ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
        if first is None:
            first = (ids, Z, meta)
    r = retail_stage_c(a)
    print(f"clusters_reference: online retail: {r['n_samples']} customers, inertia {r['inertia']!r}, "
          f"sizes {r['cluster_sizes']}", file=sys.stderr)
    s = sample(a, *first)
    print(f"clusters_reference: sample: kmeans4 inertia {s['kmeans4_inertia']!r}, silhouette "
          f"{s['silhouette_kmeans4']!r}, PCA {s['pca_explained_variance_ratio']}, GMM LL "
          f"{s['gmm4_initial_mean_log_likelihood']!r} -> {s['gmm4_mean_log_likelihood']!r}, BIC {s['gmm4_bic']!r}, "
          f"n_iter {s['gmm4_n_iter']}, converged {s['gmm4_converged']}, DBSCAN {s['dbscan_n_clusters']} clusters, "
          f"{s['dbscan_n_noise']} noise, {s['dbscan_core_count']} core", file=sys.stderr)


if __name__ == "__main__":
    main()
