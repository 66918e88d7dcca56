#!/usr/bin/env bash
# The test command: sets everything up, builds, and runs every test.
#   1. installs dependencies (scripts/setup.sh), checks formatting;
#   2. builds the debug preset (address and undefined-behaviour sanitizers, warnings as errors);
#   3. starts a throw-away PostgreSQL server on loopback and runs the C++ tests (ctest): every
#      repository and integration test runs on SQLite and on PostgreSQL;
#   4. builds the web app and runs its unit tests, the validator cross-check, the kill -9
#      failure test (both databases) and the browser tests
#      (Debian's Chromium driven by playwright-core), which save screenshots to test-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

echo "== module boundaries (include graph)"
bash scripts/check-modules.sh

bash scripts/setup.sh

echo "== format check (clang-format)"
files=$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' 'bench/*.hpp')
clang-format --dry-run --Werror $files

echo "== build (debug: sanitizers, warnings as errors)"
cmake --preset debug >/dev/null
cmake --build --preset debug -j "$(nproc)"

echo "== web app build"
(cd web && npm run build --silent)

pgdir=$(mktemp -d /tmp/recirc-pg.XXXXXX)
cleanup() { bash scripts/postgres-test-server.sh stop "$pgdir"; rm -rf "$pgdir"; }
trap cleanup EXIT
export RECIRC_TEST_POSTGRES=$(bash scripts/postgres-test-server.sh start "$pgdir")
export RECIRC_REQUIRE_POSTGRES=1
echo "== PostgreSQL test server at ${RECIRC_TEST_POSTGRES}"

echo "== C++ tests (ctest)"
ctest --preset debug

echo "== web unit tests (vitest)"
(cd web && npx vitest run)

echo "== cross-checks and browser tests (node --test)"
mkdir -p test-artifacts/browser
RECIRC_BUILD_DIR="$root/build/debug" RECIRC_BIN="$root/build/debug/src/app/recirc" \
  RECIRC_WEB_ROOT="$root/web/dist" node --test --test-concurrency=1 tests/crosscheck/ tests/failure/ tests/browser/
