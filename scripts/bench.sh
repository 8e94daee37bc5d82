#!/usr/bin/env bash
# make bench: the figures the SPA is held to, printed, never asserted (they depend on the
# machine; the first-load ceiling that bytes make deterministic is in make test):
#
#   1. first load of dist/index.html, file by file (raw, gzip -9, brotli -q 11)
#   2. in a browser: the district page's first load until its proposals show, what every
#      other page adds on its first visit, and the total for visiting every page
#   3. the wasm by crate and by largest function (names kept, read with twiggy)
#   4. Lighthouse, mobile, on the district page and on the Leptos floor (bench/floor),
#      side by side: default (simulated) throttling, then DevTools (applied) throttling
#   5. static files against the JSON API: latency on one connection, throughput on 50
#   6. the database: supports written per second with none lost, and list reads per
#      second and p99, on SQLite (one process) and on PostgreSQL (one process, and two
#      behind nginx: scripts/scaled.sh)
#   7. the district widget: the loader's and the widget's bytes, and its time to first
#      content on a host page and on a throttled phone
#
# It installs what only it needs first (scripts/setup.sh --bench: twiggy, wrk, Lighthouse).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

section() { printf '\n==> %s\n' "$*"; }

if [[ "${1:-}" != "--with-servers" ]]; then
  scripts/setup.sh --bench
  section "1. First load, from dist/index.html"
  node scripts/bundle-size.mjs dist
  section "Building the Leptos floor (bench/floor) with the SPA's profile"
  (cd bench/floor && TRUNK_OFFLINE=true trunk build --release) >target/floor-build.log 2>&1 ||
    { tail -n 40 target/floor-build.log; exit 1; }
  echo "floor: $(du -sh target/floor-dist | cut -f1) in target/floor-dist"
  # The scaled shape (GOLMOK_SCALED_URL, GOLMOK_SCALED_SERVERS) around two servers: the
  # floor's (GOLMOK_FLOOR_URL) around the app's on SQLite (GOLMOK_BASE_URL).
  cargo build --release --quiet -p golmok-server
  exec scripts/scaled.sh env GOLMOK_SERVE_STATIC=target/floor-dist GOLMOK_SERVE_VAR=GOLMOK_FLOOR_URL \
    scripts/with-server.sh scripts/with-server.sh scripts/bench.sh --with-servers
fi

section "2. What a browser downloads, page by page"
node scripts/bench-routes.mjs dist
section "3. The wasm by crate and by function"
node scripts/bench-wasm-size.mjs 25
section "4. Lighthouse: the district page against the Leptos floor"
node scripts/bench-lighthouse.mjs "$GOLMOK_BASE_URL/d/eungubi-seo" "$GOLMOK_FLOOR_URL/" 3
echo
GOLMOK_LH_THROTTLING=devtools node scripts/bench-lighthouse.mjs "$GOLMOK_BASE_URL/d/eungubi-seo" "$GOLMOK_FLOOR_URL/" 3
section "5. Static files and the API under load"
node scripts/bench-load.mjs 5 dist
section "6. The database: SQLite against PostgreSQL, one process against two behind nginx"
read -r first_server _ <<<"$GOLMOK_SCALED_SERVERS"
node scripts/bench-db.mjs 5 "SQLite, 1 process=$GOLMOK_BASE_URL" \
  "PostgreSQL, 1 process=$first_server" "PostgreSQL, 2 processes + nginx=$GOLMOK_SCALED_URL"
section "7. The district widget"
node scripts/bench-embed.mjs dist 5
