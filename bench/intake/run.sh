#!/usr/bin/env bash
# bench/intake: acquisition registrations per second end to end over HTTP (parse, validate,
# encrypt the seller, screen against the watchlist, write party + item + registration + event in
# one transaction), with ITEMS items already registered and WATCHLIST entries on the watchlist,
# next to the raw single-row insert rate of the same database measured in the same run.
#   bench/intake/run.sh [--database postgresql://...] [--items N] [--watchlist N] [--duration S]
# Defaults are the issue's size: 1,000,000 registered items and 1,000,000 watchlist entries.
# The items are loaded by `recirc seed --items N` (the same RegistrationService code, 500
# registrations per transaction); the watchlist through the HTTP import route in files of
# 200,000 lines (each file one transaction). With --database the run creates a fresh database
# next to the one named (same server) and drops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=30; database=""; watchlist=1000000; items=1000000
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --database) database=$2; shift 2 ;;
    --watchlist) watchlist=$2; shift 2 ;;
    --items) items=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
cmake --preset release >/dev/null
cmake --build --preset release --target recirc >/dev/null
work=$(mktemp -d /tmp/recirc-intake.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
db_args=(); bench_db=""
if [ -n "$database" ]; then
  bench_db="recirc_bench_$$"
  psql -q "$database" -c "CREATE DATABASE $bench_db"
  database="${database%/*}/$bench_db"
  db_args=(--database "$database")
fi
server=""
cleanup() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; }
  [ -n "$bench_db" ] && psql -q "${database%/*}/postgres" -c "DROP DATABASE IF EXISTS $bench_db" || true
  rm -rf "$work"
}
trap cleanup EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date +%s.%N)
build/release/src/app/recirc seed --items "$items" --data-dir "$work" "${db_args[@]}" >"$work/seed.log" 2>&1 ||
  { cat "$work/seed.log" >&2; exit 1; }
seed_s=$(python3 -c "import time; print(f'{time.time() - $start:.0f}')")
build/release/src/app/recirc demo --data-dir "$work" --listen "127.0.0.1:$port" "${db_args[@]}" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 600); do grep -q "listening" "$work/server.log" && break; sleep 0.1; done
base="http://127.0.0.1:$port"

session() {  # user → "cookie-file csrf"
  local json; json=$(curl -sf -c "$work/$1.cookies" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"recirc-demo\"}" "$base/api/v1/session")
  printf '%s' "$json" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["csrf_token"], d["organisation"]["id"])'
}
read -r police_csrf _ < <(session police.chaoyang)
# The watchlist in files of 200,000 lines, each imported in one request (the route takes 32 MiB).
python3 - "$watchlist" "$work/watchlist" <<'PY'
import sys
n, prefix = int(sys.argv[1]), sys.argv[2]
chunk, out = 200000, None
for i in range(n):
    if i % chunk == 0:
        if out: out.close()
        out = open("%s.%05d.csv" % (prefix, i // chunk), "w")
        out.write("identifier_kind,identifier_value,status,note\n")
    first = "86%012d" % i
    s = 0
    for k, ch in enumerate(first):
        d = int(ch)
        if k % 2 == 1:
            d *= 2
            d = d - 9 if d > 9 else d
        s += d
    out.write("imei,%s%d,black,bench\n" % (first, (10 - s % 10) % 10))
out.close()
PY
start=$(date +%s.%N)
for f in "$work"/watchlist.*.csv; do
  curl -sf -b "$work/police.chaoyang.cookies" -H "X-CSRF-Token: $police_csrf" -H 'Content-Type: text/csv' \
    --data-binary @"$f" "$base/api/v1/police/watchlist/import" >/dev/null
done
load_s=$(python3 -c "import time; print(f'{time.time() - $start:.1f}')")

read -r clerk_csrf clerk_org < <(session shop.clerk)
outlet=$(curl -sf -b "$work/shop.clerk.cookies" "$base/api/v1/organisations/$clerk_org/outlets" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
key=$(curl -sf -b "$work/shop.clerk.cookies" -H "X-CSRF-Token: $clerk_csrf" -H 'Content-Type: application/json' \
  -d '{"name":"bench"}' "$base/api/v1/api-keys" | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')

load_wrk=$(cut -d' ' -f1-3 /proc/loadavg)
result=$(RECIRC_OUTLET=$outlet RECIRC_KEY=$key wrk -t2 -c32 -d"${duration}s" --latency \
  -s bench/intake/intake.lua "$base" | python3 -c '
import re, sys
t = sys.stdin.read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
m = re.search(r"99%\s+([\d.]+)(us|ms|s)", t)
p99 = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
print(f"{rps:.0f} {p99:.1f} {bad.group(1) if bad else 0}")')
read -r rps p99 bad <<<"$result"

# The raw single-row insert rate of the same database: one row per transaction.
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
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
rss_mb() { awk -v k="$1:" '$1 == k { printf "%.0f", $2 / 1024 }' "/proc/$server/status"; }
rss_now=$(rss_mb VmRSS); rss_peak=$(rss_mb VmHWM)
echo "bench/intake (wrk -t2 -c32 -d${duration}s over HTTP)"
echo "  $(grep -m1 '^registered' "$work/seed.log") [recirc seed, ${seed_s}s in all]"
echo "  $(grep -m1 'caught up' "$work/seed.log")"
echo "  $watchlist watchlist entries imported over HTTP in ${load_s}s"
echo "  load average (1/5/15 min) before the seed: $load_before, before wrk: $load_wrk, at the end: $load_after"
printf '  %-52s %8s /s   p99 %7s ms   non-2xx %s\n' "registrations (API key, full screening), $dbname" "$rps" "$p99" "$bad"
printf '  %-52s %8s /s\n' "raw single-row inserts, one per transaction" "$raw"
python3 -c "print(f'  registrations / raw inserts: {$rps / $raw:.2f}')"
echo "  server memory with $items items: RSS $rss_now MB at the end, peak $rss_peak MB"
