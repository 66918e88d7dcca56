#!/usr/bin/env bash
# bench/market: orders placed per second over HTTP (lock the offer row, check holds, rebuild the
# disclosure from the item's events to confirm the accepted version, insert the order, reserve
# the offer, append the event — one transaction), next to the raw single-row insert rate of the
# same database measured in the same run. Each order takes a different published offer, so every
# successful request is a real order; requests after the offers run out are 409s and not counted.
#   bench/market/run.sh [--database postgresql://...] [--offers N] [--duration S] [--connections C]
# C concurrent connections (default 16) let the server group concurrent orders into one commit.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=5; database=""; offers=3000; threads=2; connections=16
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --database) database=$2; shift 2 ;;
    --offers) offers=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
cmake --preset release >/dev/null
cmake --build --preset release --target recirc >/dev/null
work=$(mktemp -d /tmp/recirc-market.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
db_args=(); [ -n "$database" ] && db_args=(--database "$database")
# The offers are published at once: no statutory hold period for the benchmark's own items.
printf '[registry]\nhold_days = 0\n' >"$work/recirc.toml"
build/release/src/app/recirc demo --config "$work/recirc.toml" --data-dir "$work" \
  --listen "127.0.0.1:$port" "${db_args[@]}" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q "listening" "$work/server.log" && break; sleep 0.1; done
base="http://127.0.0.1:$port"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"

start=$(date +%s.%N)
python3 bench/market/setup.py "$base" "$offers" > "$work/offers.txt"
setup_s=$(python3 -c "import time; print(f'{time.time() - $start:.1f}')")

json=$(curl -sf -c "$work/clerk.cookies" -H 'Content-Type: application/json' \
  -d '{"username":"shop.clerk","password":"recirc-demo"}' "$base/api/v1/session")
csrf=$(printf '%s' "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
key=$(curl -sf -b "$work/clerk.cookies" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"name":"bench"}' "$base/api/v1/api-keys" | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')

result=$(RECIRC_OFFERS="$work/offers.txt" RECIRC_KEY=$key RECIRC_THREADS=$threads \
  wrk -t$threads -c$connections -d"${duration}s" --latency -s bench/market/orders.lua "$base" | python3 -c '
import re, sys
t = sys.stdin.read()
total = int(re.search(r"(\d+) requests in ([\d.]+)(ms|s)", t).group(1))
m = re.search(r"(\d+) requests in ([\d.]+)(ms|s)", t)
secs = float(m.group(2)) / (1000 if m.group(3) == "ms" else 1)
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
bad = int(bad.group(1)) if bad else 0
p = re.search(r"99%\s+([\d.]+)(us|ms|s)", t)
p99 = float(p.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p.group(2)]
print(f"{(total - bad) / secs:.0f} {p99:.1f} {total - bad} {bad}")')
read -r rps p99 ok bad <<<"$result"
if [ "$bad" -gt 0 ]; then
  # Requests after the last offer are 409s: the run ended early, so orders/s is a floor.
  echo "warning: the $offers offers ran out ($bad requests refused); orders/s below is a floor, re-run with more --offers" >&2
fi

if [ -z "$database" ]; then
  raw=$(python3 - "$work/raw.db" <<'PY'
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA journal_mode=WAL"); c.execute("PRAGMA synchronous=NORMAL")
c.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
n, start = 20000, time.time()
for i in range(n):
    c.execute("INSERT INTO t (v) VALUES (?)", ("x" * 100,))
print(f"{n / (time.time() - start):.0f}")
PY
)
  dbname="SQLite (WAL, synchronous=NORMAL)"
else
  psql -q "$database" -c "DROP TABLE IF EXISTS recirc_bench_raw; CREATE TABLE recirc_bench_raw (id BIGSERIAL PRIMARY KEY, v TEXT)"
  echo "INSERT INTO recirc_bench_raw (v) VALUES (repeat('x', 100));" > "$work/raw.sql"
  pgbench=$(ls /usr/lib/postgresql/*/bin/pgbench | tail -n 1)
  raw=$("$pgbench" -n -c1 -T5 -f "$work/raw.sql" "$database" 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | cut -d. -f1)
  psql -q "$database" -c "DROP TABLE recirc_bench_raw"
  dbname="PostgreSQL"
fi
echo "bench/market (wrk -t$threads -c$connections -d${duration}s over HTTP; $offers offers set up in ${setup_s}s)"
printf '  %-52s %8s /s   p99 %7s ms   orders %s, refused %s\n' "orders placed (API key, simulated provider), $dbname" "$rps" "$p99" "$ok" "$bad"
printf '  %-52s %8s /s\n' "raw single-row inserts, one per transaction" "$raw"
python3 -c "print(f'  orders / raw inserts: {$rps / $raw:.2f}')"
