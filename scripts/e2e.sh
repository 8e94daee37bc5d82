#!/usr/bin/env bash
# End-to-end tests: Playwright (playwright-core driving the system Chromium) against the
# real server with a fresh database, the demo data and the release SPA from dist/.
#
#   scripts/e2e.sh                          all of tests/e2e/*.test.mjs
#   scripts/e2e.sh tests/e2e/vote.test.mjs  some of them
#
# GOLMOK_E2E_HEADED=1 shows the browser; failures leave screenshots in
# tests/e2e/test-results/. GOLMOK_E2E_SHAPE=scaled runs them through the scaled shape
# instead (scripts/scaled.sh: nginx, two servers, PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

[[ -f dist/index.html ]] || scripts/build-web.sh
if (($#)); then files=("$@"); else files=(tests/e2e/*.test.mjs); fi
rm -rf tests/e2e/test-results
# One test file at a time: each runs its own Chromium, and the machine may be small.
runner=scripts/with-server.sh
[[ "${GOLMOK_E2E_SHAPE:-}" == scaled ]] && runner=scripts/scaled.sh
exec "$runner" node --test --test-concurrency=1 "${files[@]}"
