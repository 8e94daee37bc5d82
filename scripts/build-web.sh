#!/usr/bin/env bash
# Builds the SPA for release into dist/ (Trunk; cargo profile wasm-release, wasm-opt).
# Run scripts/setup.sh first (make build does).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

# Fetch crates up front, then let Trunk run offline: it then uses the pinned wasm-bindgen
# and wasm-opt from PATH or fails loudly, instead of trying to download them.
cargo fetch --quiet
TRUNK_OFFLINE=true trunk build --release "$@"
echo "build-web: dist/ is ready ($(du -sh dist | cut -f1))"
