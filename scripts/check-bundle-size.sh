#!/usr/bin/env bash
# Fails when the first load of dist/ (everything index.html loads) is over 250 KB
# (256000 bytes) of gzip -9, printing the figures. GOLMOK_BUNDLE_BUDGET overrides.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
exec node scripts/bundle-size.mjs --check "${1:-dist}"
