#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang, -DRECIRC_FUZZ=ON) and runs each for a
# bounded time:   scripts/fuzz.sh [seconds-per-target] [target ...]   (default 60 s, all targets)
# Seeds come from fuzz/corpus/<target>/ (committed, never written); what a run discovers goes to
# build/fuzz/corpus/<target>/ and crashing inputs to build/fuzz/artifacts/. Prints each target's
# executions, exec/s and coverage; exits non-zero if any target crashed. docs/security.md,
# "Fuzzing", says what the targets check and what they found.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
all_targets=(validators_fuzz json_fields_fuzz describe_json_fuzz checkpoint_fuzz note_fuzz
  proof_file_fuzz tiles_fuzz csv_import_fuzz image_fuzz baseline_csv_fuzz)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)" --target "${targets[@]}" >build/fuzz-build.log 2>&1 ||
  { cat build/fuzz-build.log; exit 1; }

bin=build/fuzz/fuzz
mkdir -p build/fuzz/artifacts build/fuzz/logs
failed=()
printf '%-18s %12s %8s %8s  %s\n' target executions exec/s cov result
for t in "${targets[@]}"; do
  mkdir -p "build/fuzz/corpus/$t"
  log="build/fuzz/logs/$t.log"
  status=0
  # Leaks are reported too (libFuzzer's default); -timeout catches an input that hangs.
  "$bin/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="build/fuzz/artifacts/$t-" "build/fuzz/corpus/$t" "fuzz/corpus/$t" \
    >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -oE '^#[0-9]+.*cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || true)
  if [ "$status" -ne 0 ]; then
    failed+=("$t")
    printf '%-18s %12s %8s %8s  %s\n' "$t" "${execs:--}" "${speed:--}" "${cov:--}" "CRASH (exit $status)"
    grep -E "ERROR: |SUMMARY: |property failed|Test unit written to|^ *#[0-9]+ 0x" "$log" | head -30
  else
    printf '%-18s %12s %8s %8s  %s\n' "$t" "${execs:--}" "${speed:--}" "${cov:--}" ok
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: crashes in ${failed[*]} (logs in build/fuzz/logs, inputs in build/fuzz/artifacts)"
  exit 1
fi
echo "fuzz: no crashes"
