#!/usr/bin/env bash
# bench/intake: acquisition registrations per second end to end over HTTP (parse, validate,
# encrypt the seller, screen against the watchlist, write party + item + registration + event in
# one transaction), with WATCHLIST entries on the watchlist, next to the raw single-row insert rate
# of the same database measured in the same run.
#   bench/intake/run.sh [--database postgresql://...] [--watchlist N] [--duration S]
# The issue asks for 1 million watchlist entries and 1 million registered items; the default here
# is 200,000 watchlist entries (about a minute to load); pass --watchlist 1000000 for the full size.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=10; database=""; watchlist=200000
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --database) database=$2; shift 2 ;;
    --watchlist) watchlist=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
cmake --preset release >/dev/null
cmake --build --preset release --target recirc >/dev/null
work=$(mktemp -d /tmp/recirc-intake.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
db_args=(); [ -n "$database" ] && db_args=(--database "$database")
build/release/src/app/recirc demo --data-dir "$work" --listen "127.0.0.1:$port" "${db_args[@]}" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q "listening" "$work/server.log" && break; sleep 0.1; done
base="http://127.0.0.1:$port"

session() {  # user → "cookie-file csrf"
  local json; json=$(curl -sf -c "$work/$1.cookies" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"recirc-demo\"}" "$base/api/v1/session")
  printf '%s' "$json" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["csrf_token"], d["organisation"]["id"])'
}
read -r police_csrf _ < <(session police.chaoyang)
python3 - "$watchlist" > "$work/watchlist.csv" <<'PY'
import sys
n = int(sys.argv[1])
print("identifier_kind,identifier_value,status,note")
for i in range(n):
    first = "86%012d" % i
    s = 0
    for k, ch in enumerate(first):
        d = int(ch)
        if k % 2 == 1:
            d *= 2
            d = d - 9 if d > 9 else d
        s += d
    print("imei,%s%d,black,bench" % (first, (10 - s % 10) % 10))
PY
start=$(date +%s.%N)
curl -sf -b "$work/police.chaoyang.cookies" -H "X-CSRF-Token: $police_csrf" -H 'Content-Type: text/csv' \
  --data-binary @"$work/watchlist.csv" "$base/api/v1/police/watchlist/import" >/dev/null
load_s=$(python3 -c "import time; print(f'{time.time() - $start:.1f}')")

read -r clerk_csrf clerk_org < <(session shop.clerk)
outlet=$(curl -sf -b "$work/shop.clerk.cookies" "$base/api/v1/organisations/$clerk_org/outlets" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
key=$(curl -sf -b "$work/shop.clerk.cookies" -H "X-CSRF-Token: $clerk_csrf" -H 'Content-Type: application/json' \
  -d '{"name":"bench"}' "$base/api/v1/api-keys" | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')

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
echo "bench/intake (wrk -t2 -c32 -d${duration}s over HTTP; $watchlist watchlist entries loaded in ${load_s}s)"
printf '  %-52s %8s /s   p99 %7s ms   non-2xx %s\n' "registrations (API key, full screening), $dbname" "$rps" "$p99" "$bad"
printf '  %-52s %8s /s\n' "raw single-row inserts, one per transaction" "$raw"
python3 -c "print(f'  registrations / raw inserts: {$rps / $raw:.2f}')"
