#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs each one for
# SECONDS, at most JOBS at once (default: the number of cores), then prints
# executions, executions per second, coverage and crashes per target.
#
#   tests/fuzz/run.sh 600                  # ten minutes per target
#   BUILD_DIR=build-fuzz JOBS=2 tests/fuzz/run.sh 60
#
# The seed corpora in tests/fuzz/corpus are never modified: each run works
# on a copy under $BUILD_DIR/fuzz-work. Crashing inputs land in
# $BUILD_DIR/fuzz-work/<target>/crashes; keep each one as a regression in
# tests/fuzz/regressions/<target>/ once it is fixed. Exit status: 0 when no
# target crashed.
set -euo pipefail
seconds=${1:?usage: tests/fuzz/run.sh SECONDS}
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
build_dir=${BUILD_DIR:-$source_dir/build-fuzz}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
targets=(fuzz_rule_loader fuzz_answers fuzz_flag_value)

if [ ! -f "$build_dir/build.ninja" ]; then
  cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBACKTRIAGE_FUZZ=ON -DBACKTRIAGE_TESTS=OFF
fi
cmake --build "$build_dir" --target "${targets[@]}"

work=$build_dir/fuzz-work
run_one() {
  local target=$1 dir=$work/$1
  rm -rf "$dir" && mkdir -p "$dir/corpus" "$dir/crashes"
  cp "$here/corpus/$target/"* "$dir/corpus/"
  # Old crashers first: a regression must not come back.
  local regressions=("$here/regressions/$target/"*)
  if [ -e "${regressions[0]}" ]; then
    "$build_dir/tests/fuzz/$target" "${regressions[@]}" >"$dir/regressions.log" 2>&1 ||
      { echo "$target: a regression input fails again, see $dir/regressions.log"; return 1; }
  fi
  "$build_dir/tests/fuzz/$target" "$dir/corpus" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$dir/crashes/" \
    >"$dir/fuzz.log" 2>&1 || true
}

running=0
for target in "${targets[@]}"; do
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
  run_one "$target" &
  running=$((running + 1))
done
wait

status=0
printf '%-18s %12s %10s %8s %8s %8s\n' target execs execs/s cov ft crashes
for target in "${targets[@]}"; do
  log=$work/$target/fuzz.log
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 || true)
  cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$last")
  crashes=$(find "$work/$target/crashes" -type f | wc -l)
  printf '%-18s %12s %10s %8s %8s %8s\n' "$target" "${execs:-?}" "${rate:-?}" "${cov:-?}" \
    "${ft:-?}" "$crashes"
  if [ "$crashes" -gt 0 ] || [ -z "$execs" ]; then
    status=1
    find "$work/$target/crashes" -type f -printf '  %p\n'
    [ -z "$execs" ] && echo "  no final stats: see $log"
  fi
done
exit $status
