#!/usr/bin/env bash
# Installs what Portrait's build and tests need, idempotently (each step checks first):
#   rust wasm32 target, the wasm-bindgen CLI pinned by Cargo.lock, npm packages from the lock
#   file, and — for `make test` (argument `test`) — Debian chromium + chromium-driver and a
#   Python venv (numpy, pandas, openpyxl) for the reference fixtures.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-run}"
say() { printf '[setup] %s\n' "$*"; }

apt_updated=0
apt_install() {
  if [ "$(id -u)" != 0 ]; then say "need: apt-get install $* (run as root)"; exit 2; fi
  if [ "$apt_updated" = 0 ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# 1. Rust: wasm32 target
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen CLI, exactly the version in Cargo.lock (the crate and the CLI must agree)
[ -f Cargo.lock ] || cargo generate-lockfile -q
want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, "", $0); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$want" != "$have" ]; then
  say "cargo install wasm-bindgen-cli --version $want (have: ${have:-none})"
  # not --locked: its lock pins a crate version the registry no longer serves (TOOLCHAIN.md)
  cargo install -q wasm-bindgen-cli --version "$want"
fi

# 3. Node + npm packages from the lock file (never a browser download)
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
stamp=node_modules/.portrait-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  say "npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

# 4. Debian chromium + chromium-driver (browser tests; also lets `make run` users test)
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "apt-get install chromium chromium-driver"
  apt_install chromium chromium-driver
fi

# 5. CJK fonts, so Chinese screenshots of the browser tests show glyphs (the page itself uses
#    system font stacks and never downloads a font)
if [ "$what" = test ] && ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  say "apt-get install fonts-noto-cjk"
  apt_install fonts-noto-cjk
fi

# 6. Python venv for the reference fixtures (tests only)
if [ "$what" = test ]; then
  venv=.cache/venv
  req=scripts/requirements-fixtures.txt
  if [ ! -x "$venv/bin/python" ]; then
    command -v python3 >/dev/null || apt_install python3 python3-venv
    say "python3 -m venv $venv"
    python3 -m venv "$venv" || { apt_install python3-venv; python3 -m venv "$venv"; }
  fi
  if ! cmp -s "$req" "$venv/.portrait-req"; then
    say "pip install -r $req"
    "$venv/bin/pip" install -q -r "$req"
    cp "$req" "$venv/.portrait-req"
  fi
fi
say "ok"
