#!/usr/bin/env bash
# bench/stats: the city dashboard (StatisticsService over the rollups) against the naive GROUP BY
# over the raw transactions, in the same run.
#   bench/stats/run.sh [--database postgresql://...] [--transactions N] [--runs R]
# Default: a fresh SQLite file and 10,000,000 transactions. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
database=""; transactions=10000000; runs=50
while [ $# -gt 0 ]; do
  case "$1" in
    --database) database=$2; shift 2 ;;
    --transactions) transactions=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
cmake --preset release >/dev/null
cmake --build --preset release --target recirc_stats_bench >/dev/null
work=$(mktemp -d /tmp/recirc-stats.XXXXXX)
trap 'rm -rf "$work"' EXIT
[ -n "$database" ] || database="sqlite://$work/stats.db"
echo "commit $(git rev-parse --short HEAD)"
build/release/bench/recirc_stats_bench --database "$database" --transactions "$transactions" \
  --runs "$runs"
