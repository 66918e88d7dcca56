#!/usr/bin/env bash
# bench/run-all.sh: every benchmark of bench/ at a stated size, then one table: each figure next
# to the limit it is measured against in the same run, the ratio, issue 14's target and whether it
# is met, with the load average and the commit. Run it on a quiet machine: nothing else building or
# testing (the load average is printed before and after each benchmark).
#   bench/run-all.sh [--size full|quick] [--postgres postgresql://...] [--no-postgres] [--out DIR]
# full:  the issue's sizes (1,000,000 items + 1,000,000 watchlist, 10,000,000 leaves, 1,000,000
#        listings, 10,000,000 statistics transactions); about an hour on two cores.
# quick: a tenth of that (100,000 items + 100,000 watchlist, 1,000,000 leaves, 200,000 listings,
#        1,000,000 transactions); about a quarter of an hour. The table says which size ran.
# Without --postgres a durable PostgreSQL server (every commit flushed, PostgreSQL's defaults) is
# started in a temporary directory for the PostgreSQL rows; --no-postgres leaves them out.
set -euo pipefail
cd "$(dirname "$0")/.."
size=quick; postgres=""; with_postgres=1; out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --postgres) postgres=$2; shift 2 ;;
    --no-postgres) with_postgres=0; shift ;;
    --out) out=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$size" in
  full) items=1000000; leaves=10000000; listings=1000000; transactions=10000000; offers=20000 ;;
  quick) items=100000; leaves=1000000; listings=200000; transactions=1000000; offers=6000 ;;
  *) echo "--size is full or quick" >&2; exit 2 ;;
esac
[ -n "$out" ] || out=$(mktemp -d /tmp/recirc-run-all.XXXXXX)
mkdir -p "$out"
pgdir=""
cleanup() { [ -z "$pgdir" ] || bash scripts/postgres-test-server.sh stop "$pgdir/pg" >/dev/null 2>&1 || true; }
trap cleanup EXIT
if [ "$with_postgres" = 1 ] && [ -z "$postgres" ]; then
  pgdir=$(mktemp -d /tmp/recirc-run-all-pg.XXXXXX)
  chmod 755 "$pgdir"
  postgres=$(bash scripts/postgres-test-server.sh start "$pgdir/pg" --durable)
fi

cmake --preset release >/dev/null
cmake --build --preset release --target recirc recirc_tlog_bench search_bench recirc_stats_bench >/dev/null

# Each benchmark's output goes to $out/<name>.txt, with the load average around it.
run() {
  local name=$1; shift
  echo "== $name: $*" >&2
  { echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    "$@"
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"; } >"$out/$name.txt" 2>&1 ||
    echo "   $name failed: see $out/$name.txt" >&2
}
fresh_pg() {  # a new database on the PostgreSQL server, for benchmarks that seed their own data
  local name="recirc_runall_$1_$$"
  psql -q "$postgres" -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
  echo "${postgres%/*}/$name"
}

run idle bash bench/idle/run.sh --seconds 60
run http bash bench/http/run.sh --duration 10
run intake-sqlite bash bench/intake/run.sh --items "$items" --watchlist "$items" --duration 30
run market-sqlite bash bench/market/run.sh --offers "$offers" --duration 3
run tlog-sqlite bash bench/tlog/run.sh --leaves "$leaves"
run search bash bench/search/run.sh --listings "$listings" --queries 1000 ${postgres:+--postgres "$postgres"}
run stats-sqlite bash bench/stats/run.sh --transactions "$transactions" --runs 50
if [ "$with_postgres" = 1 ]; then
  run intake-postgres bash bench/intake/run.sh --database "$postgres" --items "$items" \
    --watchlist "$items" --duration 30
  run market-postgres bash bench/market/run.sh --database "$(fresh_pg market)" --offers 3000 --duration 3
  run tlog-postgres bash bench/tlog/run.sh --database "$(fresh_pg tlog)" --leaves 1000000
fi
python3 bench/summarise.py "$out" "$size" "$(git rev-parse --short HEAD)"
