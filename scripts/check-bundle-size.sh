#!/usr/bin/env bash
# Fails when the first load of dist/ (everything index.html loads, and the modules its
# scripts import: what the district page needs before it shows) is over 160 KB
# (163840 bytes) of gzip -9, printing the figures. GOLMOK_BUNDLE_BUDGET overrides.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
exec node scripts/bundle-size.mjs --check "${1:-dist}"
