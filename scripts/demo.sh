#!/usr/bin/env bash
# The main job: sets everything up, builds recirc (release) and the web app, and starts the
# server with demo data on the embedded SQLite database (var/recirc.db). Prints the URL and the
# demo logins. Extra arguments go to `recirc demo` (for example --listen 0.0.0.0:8080).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target recirc -j "$(nproc)"
(cd web && npm run build --silent)
exec build/release/src/app/recirc demo --data-dir var --web-root web/dist "$@"
