#!/usr/bin/env bash
# Runs every check: formatting, lints (host and wasm32), native tests, browser
# tests in headless Chromium, a release build, the bundle budget and the
# end-to-end tests against that build. Installs missing tools first.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
t_start=$SECONDS

step "setup (installs only what is missing)" ./scripts/setup.sh all
step "cargo fmt --check" cargo fmt --all --check
step "clippy (host, all targets)" cargo clippy --workspace --all-targets --locked -- -D warnings
step "clippy (wasm32: app lib, bins, browser tests; engine lib)" cargo clippy -p turnaround -p turnaround-engine --lib --bins --target wasm32-unknown-unknown --locked -- -D warnings
step "clippy (wasm32: browser tests)" cargo clippy -p turnaround --tests --target wasm32-unknown-unknown --locked -- -D warnings
step "native tests (engine, codec, charts)" cargo test --workspace --locked
step "browser tests (wasm-bindgen-test, headless Chromium)" \
  cargo test -p turnaround --target wasm32-unknown-unknown --locked
step "release build (trunk)" trunk build --release
# The budget was 350 KB. Model 3, the readable page, councils, fail-safe,
# "what drives the answer" and the meeting record took the bundle to 480 KB
# (page 377 KB, worker 103 KB). 500 KB caps further growth; the 350 KB goal
# belongs to the open performance issue and is missed, not met.
# Scenarios side by side and the embed view (issue 12, items 3 and 5) add
# 19 KB (main at 485.4 KB, with them 504.6 KB): the side-by-side panel about
# 14 KB (its table 4 KB), the embed view, its snippet and the typed view
# settings about 5 KB. 510 KB holds them; the lead decides whether to keep
# this or cut elsewhere.
# Issue 14 (several workers: slices, their merge and the binary messages,
# off-view charts) adds about 12 KB (page 3, worker 9; 504.6 -> 516.8 KB).
# 520 KB holds them; a separate commit, so the lead can drop it and cut
# elsewhere.
# Offline and installing (issue 12 item 6) adds 6.7 KB (517.4 -> 524.1 KB):
# sw.js 1.0 KB, the page 5.7 KB (service-worker hook and its web-sys
# bindings, the update notice, paper details kept for a reload). 525 KB
# holds it; a separate commit, so the lead can drop it and cut elsewhere.
# Size cuts (branch bundle) took 61.5 KB off (main at ce032ed 524.8 ->
# 463.3 KB); one by one: worker messages as bincode, not serde-wasm-bindgen
# (28.4), decimals parsed by the browser (12.1), Unicode lower-casing by the
# browser (7.6), one chart backend type (3.8), one copy of the stable sort
# (2.8), minified JS glue (2.6), page wasm-opt --converge
# --low-memory-unused (2.3). 466 KB kept about 3 KB of room; the page's
# later features took all but 0.3 of it (465.7 at 5c521b9). The engine's
# structure-of-arrays step and simd128 binning (engine/src/sim/lanes.rs,
# binned.rs) then added 2.3 KB to the worker (468.0) for an engine about 25%
# faster in WebAssembly (README, "Measured"). 470 KB keeps 2 KB of room.
# The fourth round's idle-time URL write and canvas size check took 0.6 KB
# of it (468.7); the fifth round's data tables built on opening 0.5 KB and
# charts held until in view 0.2 KB, downloads that free their timer 0.1 KB
# (469.6 after the review).
step "bundle budget (wasm + js, brotli)" node scripts/bundle-size.mjs dist 470
step "end-to-end tests (headless Chromium, release build on loopback)" \
  node --test --test-concurrency=1 --test-reporter=spec tests/e2e/
echo "all checks passed in $((SECONDS - t_start)) s"
