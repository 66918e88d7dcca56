#!/usr/bin/env bash
# bench/idle: the CPU time an idle server uses, from /proc/<pid>/stat (user + system ticks), over
# a window with no traffic, after the demo data has been seeded and every consumer has caught up;
# printed next to the limit (1 s of CPU per 60 s, issue 12) and the write transactions the server
# committed meanwhile (from /metrics; an idle server commits none).
#   bench/idle/run.sh [--database URL] [--seconds N]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=60; database=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --database) database=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
cmake --preset release >/dev/null
cmake --build --preset release --target recirc >/dev/null

work=$(mktemp -d /tmp/recirc-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
db_args=(); [ -n "$database" ] && db_args=(--database "$database")
build/release/src/app/recirc demo --data-dir "$work" --web-root "" --listen "127.0.0.1:$port" \
  "${db_args[@]}" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 300); do grep -q "listening" "$work/server.log" && break; sleep 0.1; done
base="http://127.0.0.1:$port"

metric() { curl -sf "$base/metrics" | awk -v m="$1" '$1 == m { print $2 }'; }
caught_up() {
  curl -sf "$base/metrics" | python3 -c '
import re, sys
text = sys.stdin.read()
head = int(re.search(r"^recirc_journal_head (\d+)", text, re.M).group(1))
pos = dict(re.findall(r"^recirc_journal_consumer_position\{consumer=\"([^\"]*)\"\} (\d+)", text, re.M))
runners = re.findall(r"^recirc_journal_consumer_passes_total\{consumer=\"([^\"]*)\"\}", text, re.M)
sys.exit(0 if runners and all(int(pos.get(r, -1)) == head for r in runners) else 1)'
}
for _ in $(seq 600); do caught_up && break; sleep 0.1; done
sleep 2  # the start-up jobs (maintenance, market jobs) have run

ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
hz=$(getconf CLK_TCK)
writes0=$(metric recirc_db_write_transactions_total)
t0=$(ticks)
sleep "$seconds"
t1=$(ticks)
writes1=$(metric recirc_db_write_transactions_total)
rss=$(awk '$1 == "VmRSS:" { printf "%.0f", $2 / 1024 }' "/proc/$server/status")
cpu=$(python3 -c "print(f'{($t1 - $t0) / $hz:.2f}')")
echo "bench/idle ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); database: ${database:-sqlite})"
printf '  %-46s %8s s   limit %s s\n' "CPU time of the idle server over ${seconds} s" "$cpu" \
  "$(python3 -c "print(f'{$seconds / 60:.2f}')")"
printf '  %-46s %8s\n' "write transactions committed meanwhile" "$((writes1 - writes0))"
printf '  %-46s %8s MB   limit 100 MB\n' "resident memory (RSS) of the idle server" "$rss"
