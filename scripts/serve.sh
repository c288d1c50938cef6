#!/usr/bin/env bash
# Builds the page (release, size-tuned) and serves it on http://127.0.0.1:8080
# with the default scenario. Installs missing build tools first.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
./scripts/setup.sh build
exec trunk serve --release --address 127.0.0.1 --port "${PORT:-8080}" "$@"
