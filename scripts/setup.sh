#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there.
# Safe to rerun. Usage: scripts/setup.sh [build|all]
#   build: wasm32 target, Trunk, wasm-bindgen-cli, node packages (wasm-opt)
#   all:   build + Chromium and ChromeDriver for the browser tests (default)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
mode="${1:-all}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
# Tool builds only: no LTO and many codegen units saves minutes per install.
fast_install() { CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo install "$@"; }

for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  echo "setup: installing trunk $TRUNK_VERSION"
  fast_install trunk --version "$TRUNK_VERSION" --locked
fi
# No --locked: the CLI's own lockfile pins a crate version the registry lacks.
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] ||
   ! command -v wasm-bindgen-test-runner >/dev/null; then
  echo "setup: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  fast_install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
# Node packages (binaryen's wasm-opt, playwright-core) exactly as locked.
if ! cmp -s package-lock.json node_modules/.turnaround-lock 2>/dev/null; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.turnaround-lock
fi
if [ "$(command -v wasm-opt)" != "$ROOT/node_modules/.bin/wasm-opt" ]; then
  echo "setup: wasm-opt on PATH is $(command -v wasm-opt), expected binaryen's from node_modules" >&2
  exit 1
fi

if [ "$mode" = all ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "setup: installing Debian chromium and chromium-driver"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
fi
echo "setup: ready (trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, $(wasm-opt --version))"
