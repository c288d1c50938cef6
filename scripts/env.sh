# Sourced by the other scripts: paths and pinned versions, one place.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
TRUNK_VERSION="0.21.14"
# wasm-bindgen-cli must equal the wasm-bindgen crate version in Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
export TRUNK_VERSION WASM_BINDGEN_VERSION
# node_modules/.bin first so binaryen's wasm-opt 132 wins over any other wasm-opt.
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CHROME_BIN="${CHROME_BIN:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

step() { # step "label" command...: run and time one step, fail loudly.
  local label="$1"; shift
  local t0=$SECONDS
  echo "==> $label"
  if "$@"; then
    echo "<== $label: ok in $((SECONDS - t0)) s"
  else
    local rc=$?
    echo "<== $label: FAILED (exit $rc) after $((SECONDS - t0)) s" >&2
    exit "$rc"
  fi
}
