#!/usr/bin/env bash
# The whole test suite, as the README and .ci/run call it: installs what is missing
# (Debian's postgresql and chromium, the project in .venv), starts a throw-away PostgreSQL
# server on loopback for the postgres tests, runs pytest, stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium chromium-driver)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

bash scripts/install.sh

pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pgdir=$(mktemp -d /tmp/reelgraph-pg.XXXXXX)
chown -R postgres:postgres "$pgdir" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
port=$(( 20000 + RANDOM % 20000 ))
as_pg "$pgbin/initdb -D $pgdir/data -A trust -U postgres >/dev/null"
as_pg "$pgbin/pg_ctl -D $pgdir/data -o '-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off' -l $pgdir/log -w start >/dev/null"
stop_pg() { as_pg "$pgbin/pg_ctl -D $pgdir/data -m immediate stop >/dev/null" || true; rm -rf "$pgdir"; }
trap stop_pg EXIT
as_pg "$pgbin/createdb -h 127.0.0.1 -p $port -U postgres reelgraph_test"
export REELGRAPH_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/reelgraph_test"
export REELGRAPH_CHROMIUM=${REELGRAPH_CHROMIUM:-$(command -v chromium)}

"$root/.venv/bin/ruff" check src tests bench
"$root/.venv/bin/python" -m pytest "$@"
