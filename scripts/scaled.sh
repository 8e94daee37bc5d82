#!/usr/bin/env bash
# The scaled shape on one machine: PostgreSQL on loopback (a throwaway cluster,
# scripts/with-postgres.sh), two `golmok-server` processes on it started at the same
# moment (both with --demo: the data is seeded once), and nginx in front of them, balancing
# requests between the two and serving the same SPA they serve. Everything is gone when
# it stops.
#
#   scripts/scaled.sh COMMAND [ARGS...]   run COMMAND with GOLMOK_BASE_URL=http://nginx
#                                         (also in GOLMOK_SCALED_URL; the two servers'
#                                         own addresses in GOLMOK_SCALED_SERVERS)
#   scripts/scaled.sh --serve             keep it running on $GOLMOK_LISTEN (make run-scaled)
#
# The release server and dist/ must be built (make build); nginx comes from Debian's
# packages (scripts/setup.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

(($#)) || { echo "usage: $0 COMMAND [ARGS...] | --serve" >&2; exit 2; }
# First a PostgreSQL cluster; then everything else, inside it.
if [[ -z "${GOLMOK_TEST_POSTGRES:-}" ]]; then
  exec scripts/with-postgres.sh "$0" "$@"
fi

server_bin="${CARGO_TARGET_DIR:-target}/release/golmok-server"
[[ -x "$server_bin" ]] || { echo "scaled: $server_bin is missing; run make build" >&2; exit 1; }
[[ -f dist/index.html ]] || { echo "scaled: dist/index.html is missing; run make build" >&2; exit 1; }
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x "$nginx_bin" ]] || { echo "scaled: nginx is missing (run scripts/setup.sh)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/golmok-scaled.XXXXXX")
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if ((status != 0)); then
    for log in "$work"/*.log; do
      [[ -s "$log" ]] && { echo "--- $(basename "$log") (last 20 lines) ---" >&2; tail -n 20 "$log" >&2; }
    done
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# One database for the shape, as a managed PostgreSQL would give.
database="${GOLMOK_TEST_POSTGRES%/*}/golmok"
psql "$GOLMOK_TEST_POSTGRES" -qc 'CREATE DATABASE golmok' >/dev/null

# The e2e tests' pretend portal on another origin calls the API (as with-server.sh).
export GOLMOK_E2E_PORTAL_ORIGIN="${GOLMOK_E2E_PORTAL_ORIGIN:-http://portal.localhost:8123}"
portal="$GOLMOK_E2E_PORTAL_ORIGIN"
servers=()
for n in 1 2; do
  env -u GOLMOK_LISTEN -u GOLMOK_DATABASE -u GOLMOK_STATIC -u GOLMOK_DEMO \
    -u GOLMOK_CORS_ORIGINS -u GOLMOK_CONNECT_SRC RUST_LOG="${RUST_LOG:-golmok_server=warn}" \
    "$server_bin" --demo --static dist --database "$database" --listen 127.0.0.1:0 \
    --cors-origin "$portal" --trusted-proxy 127.0.0.1 >"$work/server$n.log" 2>&1 &
  pids+=($!)
done
for n in 1 2; do
  address=
  for _ in $(seq 1 600); do
    address=$(sed -n 's|^Golmok is running at http://\([^/]*\)/.*|\1|p' "$work/server$n.log" | head -n 1)
    [[ -n "$address" ]] && break
    kill -0 "${pids[$((n - 1))]}" 2>/dev/null || { echo "scaled: server $n exited" >&2; exit 1; }
    sleep 0.1
  done
  [[ -n "$address" ]] || { echo "scaled: server $n did not start within 60 s" >&2; exit 1; }
  servers+=("$address")
done

if [[ "$1" == "--serve" ]]; then
  listen="${GOLMOK_LISTEN:-127.0.0.1:8080}"
else
  listen="127.0.0.1:$(free_port)"
fi
mkdir -p "$work/nginx"
# As root, nginx's workers would otherwise run as `nobody`, who cannot use this folder.
user_line=$([[ $(id -u) -eq 0 ]] && echo 'user root;' || true)
cat >"$work/nginx.conf" <<NGINX
$user_line
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  # Round robin over the servers, on kept-alive connections. A request that finds its
  # server not answering, or answering 502-504 (503: its database does not answer), goes
  # to the other if it is repeatable (not a POST); three such failures leave a server out
  # for 5 s. Open-source nginx has no active health checks; a real load balancer polls
  # /api/v1/health as well.
  upstream golmok {
    server ${servers[0]} max_fails=3 fail_timeout=5s;
    server ${servers[1]} max_fails=3 fail_timeout=5s;
    keepalive 32;
  }
  server {
    listen $listen;
    client_max_body_size 64k;
    location / {
      proxy_pass http://golmok;
      proxy_next_upstream error timeout http_502 http_503 http_504;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
NGINX
"$nginx_bin" -p "$work/nginx" -c "$work/nginx.conf" -e "$work/nginx.log" -g 'daemon off;' &
pids+=($!)
node -e '
  const url = process.argv[1] + "/api/v1/health";
  const deadline = Date.now() + 30000;
  (async () => {
    for (;;) {
      try { if ((await fetch(url)).ok) return; } catch {}
      if (Date.now() > deadline) { console.error("scaled: no 200 from " + url); process.exit(1); }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
' "http://$listen"
echo "scaled: http://$listen/ -> nginx -> ${servers[*]} -> PostgreSQL ($database)"

if [[ "$1" == "--serve" ]]; then
  echo "Golmok (scaled) at http://$listen/ ; Ctrl-C stops everything"
  wait "${pids[-1]}"
else
  # GOLMOK_SCALED_*: for a command that nests another server (make bench) and still
  # wants this shape, through nginx or one server directly.
  GOLMOK_BASE_URL="http://$listen" GOLMOK_SCALED_URL="http://$listen" \
    GOLMOK_SCALED_SERVERS="http://${servers[0]} http://${servers[1]}" "$@"
fi
