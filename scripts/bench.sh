#!/usr/bin/env bash
# Prints what a first visit downloads from dist/: every file index.html loads, raw,
# gzip -9 and brotli -q 11, with totals. Build first (make bench does).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
exec node scripts/bundle-size.mjs "${1:-dist}"
