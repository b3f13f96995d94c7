#!/usr/bin/env bash
# Coverage-guided fuzzing of every ingest entry point (fuzz/fuzz_targets/), seeded from the
# test fixtures. Not part of `make test`.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]    default: 60 s, every target
# Crashes and hangs land in fuzz/artifacts/<target>/; each one found becomes a regression
# test in tests/ingest_bad_input.rs. The machine has only the stable toolchain: cargo-fuzz's
# nightly flags are allowed for this recipe alone with RUSTC_BOOTSTRAP=1 (TOOLCHAIN.md).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(ingest_text ingest_xlsx encoding inspect split_wire)
fi
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "[fuzz] cargo install cargo-fuzz"
  cargo install --locked cargo-fuzz
fi
seed() { # target, files...
  local dir="fuzz/corpus/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$dir/$(basename "$f" | tr -c 'A-Za-z0-9._-' '_')"
  done
  return 0
}
text_seeds=(tests/fixtures/platforms/*.csv tests/fixtures/platforms/*.txt tests/fixtures/golden/*.csv tests/fixtures/web/*.csv tests/fixtures/ingest/*)
seed ingest_text "${text_seeds[@]}"
# a JSON export (an array of order records, as json_source.rs reads it)
printf '%s\n' '[{"order_id": "A1", "customer_id": "c1", "order_date": "2024-03-01 10:00:00",' \
  ' "quantity": 2, "unit_price": 9.5, "category": "茶"},' \
  ' {"order_id": "A2", "customer_id": null, "order_date": "2024-03-02", "quantity": "1",' \
  ' "unit_price": "¥12.00", "tags": ["x", 1]}]' > fuzz/corpus/ingest_text/orders.json
seed encoding "${text_seeds[@]}"
seed inspect "${text_seeds[@]}"
# the xlsx target prepends the zip signature itself
mkdir -p fuzz/corpus/ingest_xlsx
for f in tests/fixtures/platforms/*.xlsx tests/fixtures/ingest/*.xlsx; do
  [ -f "$f" ] && tail -c +5 "$f" > "fuzz/corpus/ingest_xlsx/$(basename "$f")"
done
mkdir -p fuzz/corpus/split_wire target
# the split wire's seeds: real tails of the fixtures, as the tail worker encodes them
PORTRAIT_FUZZ_SEEDS=fuzz/corpus/split_wire cargo test --profile ci --test ingest_split \
  split_wires_round_trip_and_seed_the_fuzzer -- --quiet >/dev/null
status=0
for t in "${targets[@]}"; do
  echo "[fuzz] $t for ${seconds}s"
  # -timeout: an input taking over 10 s is a hang; -rss_limit_mb: 2 GB is a leak
  rc=0
  RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz --sanitizer none --release "$t" \
    "fuzz/corpus/$t" -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 > "target/fuzz-$t.log" 2>&1 || rc=$?
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY|==[0-9]+== ERROR)|Done [0-9]+ runs" \
    "target/fuzz-$t.log" || true
  if [ "$rc" != "0" ]; then
    echo "[fuzz] $t FOUND A CRASH OR HANG (exit $rc): see fuzz/artifacts/$t and target/fuzz-$t.log"
    status=1
  fi
done
exit $status
