#!/usr/bin/env bash
# bench/tlog: leaves sequenced per second (durable) and inclusion-proof latency p50/p99 at
# LEAVES leaves, next to the SHA-256 ceiling measured in the same run.
#   bench/tlog/run.sh [--database postgresql://...] [--leaves N] [--batch B]
# Default: a fresh SQLite file (synchronous=NORMAL, the server's default) and 1,000,000 leaves.
set -euo pipefail
cd "$(dirname "$0")/../.."
database=""; leaves=1000000; batch=1000
while [ $# -gt 0 ]; do
  case "$1" in
    --database) database=$2; shift 2 ;;
    --leaves) leaves=$2; shift 2 ;;
    --batch) batch=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
cmake --preset release >/dev/null
cmake --build --preset release --target recirc_tlog_bench >/dev/null
work=$(mktemp -d /tmp/recirc-tlog.XXXXXX)
trap 'rm -rf "$work"' EXIT
[ -n "$database" ] || database="sqlite://$work/tlog.db"
build/release/bench/recirc_tlog_bench --database "$database" --leaves "$leaves" --batch "$batch"
