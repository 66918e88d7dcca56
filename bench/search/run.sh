#!/usr/bin/env bash
# bench/search: Xapian with CJK n-grams against PostgreSQL full-text search (to_tsvector('simple')
# with a GIN index) and Groonga (in-process libgroonga: TokenBigram + NormalizerAuto, category
# filter, sorted by score; Debian's groonga and libgroonga-dev) over the same synthetic corpus in
# the same run: index rate, queries per second, p50/p99 of 2-3 word queries with a category filter,
# and each engine's recall and precision against the exact answer computed by brute force.
#   bench/search/run.sh [--listings N] [--queries Q] [--postgres postgresql://...]
# Without --postgres a throw-away PostgreSQL server is started in a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
listings=1000000; queries=1000; postgres=""
while [ $# -gt 0 ]; do
  case "$1" in
    --listings) listings=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    --postgres) postgres=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
cmake --preset release >/dev/null
cmake --build --preset release --target search_bench >/dev/null
work=$(mktemp -d /tmp/recirc-search-bench.XXXXXX)
chmod 755 "$work"  # the PostgreSQL server runs as its own user
cleanup() {
  [ -z "${own_pg:-}" ] || bash scripts/postgres-test-server.sh stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "$postgres" ]; then
  postgres=$(bash scripts/postgres-test-server.sh start "$work/pg")
  own_pg=1
fi
build/release/bench/search_bench --listings "$listings" --queries "$queries" \
  --dir "$work/xapian" --postgres "$postgres" --devices data/devices.csv
