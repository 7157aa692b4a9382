#!/usr/bin/env bash
# Performance figures for backtriage, from one run on this machine. Builds a
# Release tree of its own (BENCH_BUILD_DIR, default build-bench) and prints:
#   1. single-triage wall time against a C program that exits at once
#      (median of interleaved runs);
#   2. batch throughput on 100,000 generated cases, full and --brief, with
#      --jobs 1 and --jobs $(nproc);
#   3. rule-engine build and fixpoint time for 100 .. 100,000 rules;
#   4. peak memory of a 1,000,000-line batch against a 10,000-line one.
# Not part of ctest: timings belong to a quiet machine, not to CI.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${BENCH_BUILD_DIR:-$repo/build-bench}
runs=${BENCH_RUNS:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== building (Release) in $build"
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBACKTRIAGE_BENCH=ON \
  -DBACKTRIAGE_TESTS=OFF >/dev/null
ninja -C "$build" backtriage rule_scaling >/dev/null
bin=$build/backtriage
echo 'int main(void){return 0;}' >"$work/baseline.c"
cc -O2 "$work/baseline.c" -o "$work/baseline"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"

echo "== 1. single triage vs C baseline (median of $runs interleaved runs)"
calm="--no-input --no-red-flags --duration-weeks 2 --sensation dull --spread one_spot --region lower"
python3 "$here/startup_time.py" "$runs" \
  "c-baseline=$work/baseline" \
  "triage-json=$bin $calm --json" \
  "triage-text=$bin $calm" \
  "triage-brief=$bin $calm --json --brief"

echo "== 2. batch throughput (100,000 generated cases)"
python3 "$here/gen_cases.py" 100000 >"$work/cases.jsonl"
jobs=$(nproc)
for mode in full brief; do
  flag=(); [[ $mode == brief ]] && flag=(--brief)
  for j in 1 "$jobs"; do
    read -r seconds _ < <(python3 "$here/batch_run.py" "$work/cases.jsonl" "$bin" batch "${flag[@]}" --jobs "$j")
    python3 -c "print(f'$mode\tjobs $j\t{100000 / $seconds:,.0f} cases/s\t({$seconds:.2f} s)')"
  done
done

echo "== 3. rule engine scaling (best of 3-5 runs each)"
"$build/tests/bench/rule_scaling"

echo "== 4. batch peak memory (--brief, jobs 1)"
head -n 10000 "$work/cases.jsonl" >"$work/small.jsonl"
for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$work/cases.jsonl"; done >"$work/large.jsonl"
read -r _ small_kb < <(python3 "$here/batch_run.py" "$work/small.jsonl" "$bin" batch --brief)
read -r _ large_kb < <(python3 "$here/batch_run.py" "$work/large.jsonl" "$bin" batch --brief)
python3 -c "print(f'10,000 lines\t{$small_kb} KiB\n1,000,000 lines\t{$large_kb} KiB\t{$large_kb / $small_kb:.2f}x')"
