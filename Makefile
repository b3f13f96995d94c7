# Portrait — the two commands that matter:
#   make run    build everything and serve the app on http://127.0.0.1:8080 (sample shop built in)
#   make test   run every test (native, wasm-bindgen-test, front-end unit, browser end-to-end)
# Both install what is missing first (scripts/setup.sh, idempotent).

SHELL := /bin/bash
PORT ?= 8080
WASM := target/wasm32-unknown-unknown/release/portrait.wasm
PY := .cache/venv/bin/python
FIXTURES := target/fixtures
PEER_SEED := 42

.PHONY: fuzz run test build setup setup-test wasm web cli types fixtures test-native test-wasm test-web typecheck test-browser bench fmt clean

run: build
	node scripts/serve.mjs --port $(PORT)

build: setup wasm web cli

setup:
	@bash scripts/setup.sh run

setup-test:
	@bash scripts/setup.sh test

# The page needs no function names (panics abort): without the name section the wasm is
# ~40 KB gzip smaller.
wasm:
	cargo build --release --lib --target wasm32-unknown-unknown --no-default-features
	wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir pkg $(WASM)

web:
	node scripts/build-web.mjs

cli:
	cargo build --release --bin portrait

# Rewrites www/api/generated/ from the Rust types and the analysis registry (src/typegen/);
# tests/generated_types.rs fails while the committed files are stale.
types:
	PORTRAIT_WRITE_TYPES=1 cargo test --profile ci --test generated_types

# Generated (not committed) fixtures: the peer generator's 100k- and 1M-row files (the
# clustering reference, tests/clusters_reference.rs) and the GBK / XLSX
# copies of UCI Online Retail. Each script skips work that is already done. The committed
# reference fixtures (filter reference, platform exports) are rebuilt and compared (a
# workbook's zip stamps the time, so the platform workbooks are not compared byte for byte).
fixtures: setup-test
	$(PY) scripts/rfm_reference.py --rows 100000 --seed $(PEER_SEED) --cache $(FIXTURES) --out-dir $(FIXTURES)/rfm-check
	cmp tests/fixtures/rfm/peer_100000_seed42.csv $(FIXTURES)/rfm-check/peer_100000_seed42.csv
	$(PY) scripts/make_retail_copies.py $(FIXTURES)
	[ -s $(FIXTURES)/peer_orders_1000000_seed42.csv ] || $(PY) ../shared/bench/peers/gen_orders.py --rows 1000000 --seed $(PEER_SEED) --out $(FIXTURES)/peer_orders_1000000_seed42.csv
	$(PY) scripts/filter_reference.py --out-dir $(FIXTURES)/filter-check
	if [ -d $(FIXTURES)/filter-check ]; then diff -r tests/fixtures/filter $(FIXTURES)/filter-check; fi
	$(PY) scripts/platform_fixtures.py --out-dir $(FIXTURES)/platforms-check
	$(PY) scripts/profile_reference.py --cache $(FIXTURES) --out-dir $(FIXTURES)/profile-check
	for f in $(FIXTURES)/profile-check/*; do cmp "$$f" tests/fixtures/profile/$$(basename "$$f"); done
	diff -r -x '*.xlsx' tests/fixtures/platforms $(FIXTURES)/platforms-check
	$(PY) scripts/people_reference.py --cache $(FIXTURES) --out-dir $(FIXTURES)/people-check
	for f in $(FIXTURES)/people-check/*; do cmp "$$f" tests/fixtures/people/$$(basename "$$f"); done
	$(PY) scripts/cohorts_reference.py --cache $(FIXTURES) --out-dir $(FIXTURES)/cohorts-check
	for f in $(FIXTURES)/cohorts-check/*; do cmp "$$f" tests/fixtures/cohorts/$$(basename "$$f"); done

test: setup-test fixtures test-native test-wasm test-web build typecheck test-browser
	@echo "make test: all suites passed"

test-native:
	cargo test --profile ci

test-wasm:
	cargo test --profile ci --target wasm32-unknown-unknown --no-default-features --test wasm_bindings

test-web:
	npm test

# the page's TypeScript against the wasm bindings' declarations (pkg/, made by `build`)
typecheck:
	npm run typecheck

test-browser:
	npm run test:browser

bench: build
	bash scripts/bench.sh

# Coverage-guided fuzzing of the ingest (fuzz/): FUZZ_SECONDS per target (default 60).
fuzz:
	bash scripts/fuzz.sh $(or $(FUZZ_SECONDS),60)

fmt:
	cargo fmt

clean:
	rm -rf target pkg www/dist
