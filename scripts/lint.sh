#!/usr/bin/env bash
# Module boundaries (scripts/check-modules.sh), then clang-tidy over the project's sources (not
# tests), with the checks in .clang-tidy.
# Needs the compile database of the debug build (scripts/test.sh makes it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/check-modules.sh
[ -f build/debug/compile_commands.json ] || cmake --preset debug >/dev/null
files=$(git ls-files 'src/*.cpp' | grep -v '_test\.cpp$')
echo "== clang-tidy on $(echo "$files" | wc -l) files"
# The verdict comes from the diagnostics, not from xargs' exit code.
printf '%s\n' $files | xargs -P "$(nproc)" -n 4 clang-tidy -p build/debug --quiet \
  >build/clang-tidy.log 2>&1 || true
grep -v "warnings generated" build/clang-tidy.log || true
if grep -q "error:" build/clang-tidy.log; then
  echo "clang-tidy found problems (see above)"; exit 1
fi
echo "clang-tidy: clean"
