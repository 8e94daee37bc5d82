#!/usr/bin/env bash
# Runs a command against a real Golmok server: builds the server (release) if needed,
# starts it on a free 127.0.0.1 port with a fresh temporary SQLite database, the demo
# data and the built SPA (dist/), waits for /api/v1/health, then runs the command with
# GOLMOK_BASE_URL=http://127.0.0.1:PORT in its environment. The server and the database
# are gone when this exits, whatever happens.
#
#   scripts/with-server.sh node --test tests/e2e/*.test.mjs
#
# GOLMOK_SERVE_STATIC serves another build than dist/, and GOLMOK_SERVE_VAR names the
# variable that gets the address instead of GOLMOK_BASE_URL: make bench runs the SPA and
# the Leptos floor (bench/floor) side by side this way.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

(($#)) || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }
static_dir="${GOLMOK_SERVE_STATIC:-dist}"
url_var="${GOLMOK_SERVE_VAR:-GOLMOK_BASE_URL}"
[[ -f "$static_dir/index.html" ]] || { echo "with-server: $static_dir/index.html is missing; run make build" >&2; exit 1; }

cargo build --release --quiet -p golmok-server
server_bin="${CARGO_TARGET_DIR:-target}/release/golmok-server"

work=$(mktemp -d "${TMPDIR:-/tmp}/golmok-e2e.XXXXXX")
server_pid=
cleanup() {
  local status=$?
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if ((status != 0)) && [[ -s "$work/server.log" ]]; then
    echo "--- server log (last 40 lines) ---" >&2
    tail -n 40 "$work/server.log" >&2
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A pretend portal on another origin, served by the browser itself (tests/e2e/deploy.test.mjs),
# calls this server's API: allow it through CORS.
export GOLMOK_E2E_PORTAL_ORIGIN="${GOLMOK_E2E_PORTAL_ORIGIN:-http://portal.localhost:8123}"

# Port 0: the system picks a free port; the server prints the address it got. The
# variables a deployer may have set must not leak into the test server.
env -u GOLMOK_LISTEN -u GOLMOK_DATABASE -u GOLMOK_STATIC -u GOLMOK_DEMO \
  -u GOLMOK_CORS_ORIGINS -u GOLMOK_CONNECT_SRC RUST_LOG="${RUST_LOG:-golmok_server=warn}" \
  "$server_bin" --demo --static "$static_dir" --database "$work/golmok.db" --listen 127.0.0.1:0 \
  --cors-origin "$GOLMOK_E2E_PORTAL_ORIGIN" \
  >"$work/server.log" 2>&1 &
server_pid=$!

base_url=
for _ in $(seq 1 600); do
  kill -0 "$server_pid" 2>/dev/null || { echo "with-server: the server exited" >&2; exit 1; }
  base_url=$(sed -n 's|^Golmok is running at \(http://[^/]*\)/.*|\1|p' "$work/server.log" | head -n 1)
  [[ -n "$base_url" ]] && break
  sleep 0.1
done
[[ -n "$base_url" ]] || { echo "with-server: the server did not start within 60 s" >&2; exit 1; }
# Node is there anyway (the tests need it); curl may not be.
node -e '
  const url = process.argv[1] + "/api/v1/health";
  const deadline = Date.now() + 60000;
  (async () => {
    for (;;) {
      try { if ((await fetch(url)).ok) return; } catch {}
      if (Date.now() > deadline) { console.error("with-server: no 200 from " + url + " within 60 s"); process.exit(1); }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
' "$base_url"
echo "with-server: Golmok at $base_url (database $work/golmok.db)"

# The command must not pass these on to a nested with-server.sh.
env -u GOLMOK_SERVE_STATIC -u GOLMOK_SERVE_VAR "$url_var=$base_url" "$@"
