#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster: a new cluster in a temporary
# folder, on a free port of 127.0.0.1 only, trusting local connections, tuned for speed
# over durability (it is thrown away). The command gets
#   GOLMOK_TEST_POSTGRES=postgres://postgres@127.0.0.1:PORT/postgres
# (tests create a fresh database per server from it). It also accepts TLS, as a managed
# PostgreSQL requires, with a certificate for 127.0.0.1 from a CA made for this run:
#   GOLMOK_TEST_POSTGRES_CA=FILE   that CA, for ?sslmode=verify-full&sslrootcert=FILE
# The cluster is stopped and removed when this exits, whatever happens. Fails if no
# cluster can be started.
#
#   scripts/with-postgres.sh cargo test -p golmok-server
#
# PostgreSQL comes from Debian's packages (scripts/setup.sh installs them). It refuses to
# run as root, so as root the cluster belongs to the `postgres` user those packages made.
set -euo pipefail
cd "$(dirname "$0")/.."

(($#)) || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[[ -x "$bin/initdb" && -x "$bin/pg_ctl" ]] ||
  { echo "with-postgres: no PostgreSQL server found (run scripts/setup.sh)" >&2; exit 1; }

as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || { echo "with-postgres: running as root, and there is no postgres user" >&2; exit 1; }
  as_owner=(runuser -u postgres --)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/golmok-pg.XXXXXX")
((${#as_owner[@]})) && chown postgres: "$work"
port=$(node -e '
  const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });
')

cleanup() {
  local status=$?
  "${as_owner[@]}" "$bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  if ((status != 0)) && [[ -s "$work/postgres.log" ]]; then
    echo "--- PostgreSQL log (last 20 lines) ---" >&2
    tail -n 20 "$work/postgres.log" >&2
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"${as_owner[@]}" "$bin/initdb" -D "$work/data" -U postgres --auth=trust --encoding=UTF8 \
  --locale=C.UTF-8 --no-sync >"$work/initdb.log" 2>&1 ||
  { cat "$work/initdb.log" >&2; exit 1; }
command -v openssl >/dev/null || { echo "with-postgres: openssl is missing (run scripts/setup.sh)" >&2; exit 1; }
ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
openssl req -x509 "${ec[@]}" -days 2 -subj /CN=golmok-test-ca -keyout "$work/ca.key" -out "$work/ca.crt" 2>/dev/null
openssl req "${ec[@]}" -subj /CN=127.0.0.1 -keyout "$work/server.key" -out "$work/server.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n' >"$work/server.ext"
openssl x509 -req -in "$work/server.csr" -CA "$work/ca.crt" -CAkey "$work/ca.key" -CAcreateserial \
  -days 2 -extfile "$work/server.ext" -out "$work/server.crt" 2>/dev/null
chmod 600 "$work/server.key"
((${#as_owner[@]})) && chown postgres: "$work/server.key" "$work/server.crt"
"${as_owner[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/postgres.log" -w -t 60 start \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c ssl=on -c ssl_cert_file=$work/server.crt -c ssl_key_file=$work/server.key" \
  >/dev/null ||
  { echo "with-postgres: the cluster did not start" >&2; exit 1; }
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') at 127.0.0.1:$port"

GOLMOK_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/postgres" GOLMOK_TEST_POSTGRES_CA="$work/ca.crt" "$@"
