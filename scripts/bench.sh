#!/usr/bin/env bash
# `make bench`: ingest + overview + RFM on the peer generator's 1M-row file (seed 42), natively
# (CLI) and in headless Debian Chromium (the real page's worker), plus the DuckDB-WASM peer
# (../shared/bench/peers/duckdb_wasm) in the same run; the profile and lifecycle fits natively
# beside the pandas reference of the profile (scripts/profile_reference.py --time), and the
# profile, lifecycle and tag fits in the page's worker (scripts/bench-portrait-browser.mjs); the
# lifetime-value fits natively and in the worker beside lifetimes' stage e
# (scripts/bench-predictions-browser.mjs, scripts/bench-predictions.mjs); the market basket mining
# natively and in the worker beside mlxtend (scripts/bench-recommend-browser.mjs,
# scripts/bench-recommend.mjs). Results: target/bench/*.json and
# target/bench/table.md (copy into BENCHMARKS.md with the machine and date).
#
#   BENCH_SIZES="100000 1000000"  BENCH_REPEATS=3  BENCH_SKIP_PEER=1
#   BENCH_BASELINE=<commit>   also build that commit in target/bench-baseline (a git worktree)
#                             and measure it in the same run, side by side
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${BENCH_SIZES:-100000 1000000}"
REPEATS="${BENCH_REPEATS:-3}"
OUT=target/bench
PEERS=../shared/bench/peers
mkdir -p "$OUT" target/fixtures
bash scripts/setup.sh test >/dev/null

for n in $SIZES; do
  f="target/fixtures/peer_orders_${n}_seed42.csv"
  [ -s "$f" ] || .cache/venv/bin/python "$PEERS/gen_orders.py" --rows "$n" --seed 42 --out "$f"
done

BASE=""
if [ -n "${BENCH_BASELINE:-}" ]; then
  BASE=target/bench-baseline
  sha=$(git rev-parse "$BENCH_BASELINE")
  if [ ! -e "$BASE/.git" ]; then
    git worktree add --detach "$BASE" "$sha"
  else
    git -C "$BASE" checkout -q --detach "$sha"
  fi
  ln -sfn "$PWD/node_modules" "$BASE/node_modules"
  echo "== building the previous commit ${sha:0:7} in $BASE =="
  make -C "$BASE" build > "$OUT/baseline_build.log" 2>&1 || { tail -20 "$OUT/baseline_build.log"; exit 1; }
fi

echo "== download size (gzip) =="
node scripts/bench-size.mjs --out "$OUT/size.json"
[ -z "$BASE" ] || node scripts/bench-size.mjs --repo "$BASE" --out "$OUT/baseline_size.json"

echo "== native CLI (release) =="
for n in $SIZES; do
  f="target/fixtures/peer_orders_${n}_seed42.csv"
  : > "$OUT/native_${n}.jsonl"; : > "$OUT/baseline_native_${n}.jsonl"
  for _ in $(seq 1 "$REPEATS"); do
    target/release/portrait analyze "$f" --timings > /dev/null 2>> "$OUT/native_${n}.jsonl"
    [ -z "$BASE" ] || "$BASE/target/release/portrait" analyze "$f" --timings > /dev/null 2>> "$OUT/baseline_native_${n}.jsonl"
  done
  tail -n 1 "$OUT/native_${n}.jsonl"
done

echo "== customer portrait: profile and lifecycle (native) beside the pandas reference =="
for n in $SIZES; do
  f="target/fixtures/peer_orders_${n}_seed42.csv"
  : > "$OUT/profile_${n}.jsonl"; : > "$OUT/lifecycle_${n}.jsonl"; : > "$OUT/tags_${n}.jsonl"; : > "$OUT/tags_rules_${n}.jsonl"; : > "$OUT/pandas_profile_${n}.json"
  for _ in $(seq 1 "$REPEATS"); do
    target/release/portrait profile "$f" --timings > /dev/null 2>> "$OUT/profile_${n}.jsonl"
    target/release/portrait lifecycle "$f" --timings > /dev/null 2>> "$OUT/lifecycle_${n}.jsonl"
    target/release/portrait tags "$f" --timings > /dev/null 2>> "$OUT/tags_${n}.jsonl"
    target/release/portrait tags "$f" --rules "$(cat scripts/bench-rules.json)" --timings > /dev/null 2>> "$OUT/tags_rules_${n}.jsonl"
  done
  # pandas once per size: it takes seconds, not milliseconds
  .cache/venv/bin/python scripts/profile_reference.py --time "$f" >> "$OUT/pandas_profile_${n}.json"
  tail -n 1 "$OUT/profile_${n}.jsonl"; cat "$OUT/pandas_profile_${n}.json"
done

echo "== customer portrait in headless Chromium: worker time of profile, lifecycle, tags and ten rule tags =="
for n in $SIZES; do
  node scripts/bench-portrait-browser.mjs --csv "$PWD/target/fixtures/peer_orders_${n}_seed42.csv" \
       --repeats "$REPEATS" --out "$OUT/portrait_browser_${n}.json"
done

echo "== segments: clusters and audiences, natively and in headless Chromium, beside scikit-learn =="
for n in $SIZES; do
  f="target/fixtures/peer_orders_${n}_seed42.csv"
  : > "$OUT/clusters5_${n}.jsonl"; : > "$OUT/clusters_auto_${n}.jsonl"
  for _ in $(seq 1 "$REPEATS"); do
    target/release/portrait clusters "$f" --k 5 --timings > /dev/null 2>> "$OUT/clusters5_${n}.jsonl"
    target/release/portrait clusters "$f" --timings > /dev/null 2>> "$OUT/clusters_auto_${n}.jsonl"
  done
  tail -n 1 "$OUT/clusters5_${n}.jsonl" "$OUT/clusters_auto_${n}.jsonl"
  node scripts/bench-segments-browser.mjs --csv "$PWD/$f" --repeats "$REPEATS" --out "$OUT/segments_browser_${n}.json"
  # scikit-learn's stage c in the same run (the peer harness, its load and kmeans stages)
  .cache/venv/bin/python "$PEERS/peers.py" --input "$f" --stages load_pandas,kmeans --repeats "$REPEATS" \
      --out "$OUT/peer_kmeans_${n}.json" > /dev/null || echo "[peer] kmeans failed"
done

echo "== predictions: lifetime value and propensity natively and in headless Chromium, beside lifetimes and scikit-learn =="
for n in $SIZES; do
  f="target/fixtures/peer_orders_${n}_seed42.csv"
  : > "$OUT/clv_stage_e_${n}.jsonl"; : > "$OUT/clv_${n}.jsonl"; : > "$OUT/clv_pareto_${n}.jsonl"
  : > "$OUT/propensity_${n}.jsonl"
  for _ in $(seq 1 "$REPEATS"); do
    target/release/portrait propensity "$f" --timings > /dev/null 2>> "$OUT/propensity_${n}.jsonl"
    target/release/portrait clv "$f" --validate false --timings > /dev/null 2>> "$OUT/clv_stage_e_${n}.jsonl"
    target/release/portrait clv "$f" --timings > /dev/null 2>> "$OUT/clv_${n}.jsonl"
    target/release/portrait clv "$f" --model pareto --timings > /dev/null 2>> "$OUT/clv_pareto_${n}.jsonl"
  done
  tail -n 1 "$OUT/clv_stage_e_${n}.jsonl" "$OUT/clv_${n}.jsonl" "$OUT/clv_pareto_${n}.jsonl"
  node scripts/bench-predictions-browser.mjs --csv "$PWD/$f" --repeats "$REPEATS" --out "$OUT/predictions_browser_${n}.json"
  # lifetimes' stage e in the same run (the peer harness, its load and clv stages)
  .cache/venv/bin/python "$PEERS/peers.py" --input "$f" --stages load_pandas,clv_lifetimes --repeats "$REPEATS" \
      --out "$OUT/peer_clv_${n}.json" > /dev/null || echo "[peer] clv failed"
  # the same propensity pipeline in pandas + scikit-learn (features of three periods, three models)
  .cache/venv/bin/python scripts/propensity_reference.py --bench "$f" --bench-out "$OUT/peer_propensity_${n}.json" \
      || echo "[peer] propensity failed"
done

echo "== recommendations: market basket (stage d) and top-10 lists (stage f) natively and in headless Chromium, beside mlxtend, scikit-learn and implicit =="
for n in $SIZES; do
  f="target/fixtures/peer_orders_${n}_seed42.csv"
  : > "$OUT/basket_${n}.jsonl"
  for _ in $(seq 1 "$REPEATS"); do
    target/release/portrait basket "$f" --consequents any --timings > /dev/null 2>> "$OUT/basket_${n}.jsonl"
  done
  tail -n 1 "$OUT/basket_${n}.jsonl"
  # stage f natively: every customer's top 10 by item-CF, then by ALS (64 factors, 15 alternations)
  for m in itemcf als; do
    : > "$OUT/lists_${m}_${n}.jsonl"
    for _ in $(seq 1 "$REPEATS"); do
      target/release/portrait recommend "$f" --method "$m" --timings > /dev/null 2>> "$OUT/lists_${m}_${n}.jsonl"
    done
    tail -n 1 "$OUT/lists_${m}_${n}.jsonl"
  done
  node scripts/bench-recommend-browser.mjs --csv "$PWD/$f" --repeats "$REPEATS" --out "$OUT/recommend_browser_${n}.json"
  # mlxtend's stage d in the same run (the peer harness, its load and basket stages)
  .cache/venv/bin/python "$PEERS/peers.py" --input "$f" --stages load_pandas,basket_fpgrowth,recs_itemitem,recs_als --repeats "$REPEATS" \
      --out "$OUT/peer_basket_${n}.json" > /dev/null || echo "[peer] basket and lists failed"
done

echo "== Portrait in headless Chromium =="
# One run at a time, this build and the previous commit's in turn (this machine's speed
# drifts by more than the differences measured), then merged per build.
merge() { node -e 'const fs=require("fs");const [out,...ins]=process.argv.slice(1);const js=ins.map(f=>JSON.parse(fs.readFileSync(f,"utf8")));fs.writeFileSync(out,JSON.stringify({...js[0],runs:js.flatMap(j=>j.runs)},null,1)+"\n")' "$@"; }
for n in $SIZES; do
  csv="$PWD/target/fixtures/peer_orders_${n}_seed42.csv"
  runs=(); base_runs=()
  for rep in $(seq 1 "$REPEATS"); do
    node scripts/bench-browser.mjs --csv "$csv" --repeats 1 --out "$OUT/browser_${n}_run${rep}.json"
    runs+=("$OUT/browser_${n}_run${rep}.json")
    if [ -n "$BASE" ]; then
      # the previous commit's page, driven by its own script (its own marks)
      (cd "$BASE" && node scripts/bench-browser.mjs --csv "$csv" --repeats 1 --out "$OLDPWD/$OUT/baseline_browser_${n}_run${rep}.json")
      base_runs+=("$OUT/baseline_browser_${n}_run${rep}.json")
    fi
  done
  merge "$OUT/browser_${n}.json" "${runs[@]}"
  [ -z "$BASE" ] || merge "$OUT/baseline_browser_${n}.json" "${base_runs[@]}"
  rm -f "${runs[@]}" "${base_runs[@]}"
done

if [ -z "${BENCH_SKIP_PEER:-}" ]; then
  echo "== DuckDB-WASM peer =="
  peer_node=.cache/peersnode
  mkdir -p "$peer_node"
  if ! cmp -s "$PEERS/duckdb_wasm/package-lock.json" "$peer_node/package-lock.json" \
     || [ ! -d "$peer_node/node_modules/@duckdb/duckdb-wasm" ]; then
    cp "$PEERS/duckdb_wasm/package.json" "$PEERS/duckdb_wasm/package-lock.json" "$peer_node/"
    (cd "$peer_node" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
  fi
  for n in $SIZES; do
    for rep in $(seq 1 "$REPEATS"); do
      node "$PEERS/duckdb_wasm/bench.mjs" --csv "target/fixtures/peer_orders_${n}_seed42.csv" \
           --out "$OUT/duckdb_wasm_${n}_${rep}.json" --modules "$peer_node/node_modules" \
           --chromium /usr/bin/chromium --repeats 3 || echo "[peer] failed: $OUT/duckdb_wasm_${n}_${rep}.json"
    done
  done
fi

node scripts/bench-report.mjs --dir "$OUT" --sizes "$SIZES" ${BASE:+--baseline "$(git -C "$BASE" rev-parse HEAD)"} | tee "$OUT/table.md"
node scripts/bench-profile.mjs --dir "$OUT" --sizes "$SIZES" | tee -a "$OUT/table.md"
node scripts/bench-predictions.mjs --dir "$OUT" --sizes "$SIZES" | tee -a "$OUT/table.md"
node scripts/bench-recommend.mjs --dir "$OUT" --sizes "$SIZES" | tee -a "$OUT/table.md"
