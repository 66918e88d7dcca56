#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 server on loopback for the tests, in a temporary directory.
#   scripts/postgres-test-server.sh start DIR [--durable]   -> prints the libpq URI on stdout
#   scripts/postgres-test-server.sh stop DIR
# Without --durable, fsync, synchronous commit and full-page writes are off (tests only). With
# --durable the server keeps PostgreSQL's defaults (every commit flushed to disk), as a
# production server would: the benchmarks use it.
# PostgreSQL refuses to run as root, so as root the server runs as the 'postgres' system user
# that Debian's package creates.
set -euo pipefail
cmd=${1:?start or stop}; dir=${2:?directory}; mode=${3:-}
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    as_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    # By default durability is off: this server holds only test data that each run creates again.
    durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "$mode" = "--durable" ] && durability=""
    as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir $durability -c max_connections=300" \
      start >/dev/null
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_pg "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
