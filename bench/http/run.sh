#!/usr/bin/env bash
# bench/http: requests per second and p99 latency of an authenticated JSON read route
# (GET /api/v1/session with a bearer API key: parse, authenticate against the database,
# serialise JSON) next to a bare route (GET /healthz) of the same server, in the same run.
# wrk and the server share this machine's cores, so the figures are a floor, not a ceiling.
#   bench/http/run.sh [--database URL] [--duration SECONDS] [--connections N]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=10; connections=64; database=""
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --database) database=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/setup.sh" >&2; exit 1; }
cmake --preset release >/dev/null
cmake --build --preset release --target recirc >/dev/null

work=$(mktemp -d /tmp/recirc-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
db_args=(); [ -n "$database" ] && db_args=(--database "$database")
# The access log is on, as in production (written to a file, not a terminal).
build/release/src/app/recirc demo --data-dir "$work" --web-root "" --listen "127.0.0.1:$port" \
  "${db_args[@]}" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q "listening" "$work/server.log" && break; sleep 0.1; done
base="http://127.0.0.1:$port"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"

# Log in as the demo shop administrator and make an API key for the authenticated route.
login=$(curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
  -d '{"username":"shop.admin","password":"recirc-demo"}' "$base/api/v1/session")
csrf=$(printf '%s' "$login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
key=$(curl -sf -b "$work/cookies" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"name":"bench"}' "$base/api/v1/api-keys" | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')

run() {  # prints "<requests/s> <p99 ms>"
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$@" | python3 -c '
import re, sys
text = sys.stdin.read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
m = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
p99 = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if errors: sys.exit("non-2xx responses: " + errors.group(1))
print(f"{rps:.0f} {p99:.2f}")'
}
read -r bare_rps bare_p99 < <(run "$base/healthz")
read -r auth_rps auth_p99 < <(run -H "Authorization: Bearer $key" "$base/api/v1/session")
echo "bench/http (wrk -t2 -c$connections -d${duration}s, same machine; database: ${database:-sqlite})"
printf '  %-44s %10s req/s   p99 %8s ms\n' "GET /healthz (bare route)" "$bare_rps" "$bare_p99"
printf '  %-44s %10s req/s   p99 %8s ms\n' "GET /api/v1/session (API key, DB, JSON)" "$auth_rps" "$auth_p99"
python3 -c "print(f'  authenticated / bare: {$auth_rps / $bare_rps:.2f} of the bare rate')"
