#!/usr/bin/env bash
# Performance figures for backtriage, from one run on this machine, each with
# its target (issue 13) and a baseline measured in the same run. Builds a
# Release tree of its own (BENCH_BUILD_DIR, default build-bench) and prints:
#   1. a single triage (text, JSON, HTML) against a C program that exits at
#      once: median of interleaved runs, target at most 2x;
#   2. batch throughput on 100,000 generated version-2 cases: full reports
#      evaluated on one core (--jobs 1; into a file or a pipe a second
#      thread writes), into /dev/null, a file and a pipe, against `cat`
#      writing the same bytes to the same place (target: 150,000 cases/s, or
#      at most 1.5x cat, whichever is the lower bar); --brief (target
#      400,000 cases/s);
#      CDS Hooks cards (no target); and full and brief on every core;
#   3. the interview: answer to next prompt on a pseudo-terminal, against a C
#      program that only reads a line and prompts (target 5 ms);
#   4. rule-engine build and fixpoint time for 100 .. 100,000 rules;
#   5. peak memory of a 1,000,000-line batch against a 10,000-line one, brief
#      and full reports (whose remembered findings are bounded).
# With BENCH_BEFORE=/path/to/an/older/backtriage, sections 1 and 2 time it
# too, in the same run. When CLIPS 6.30 is installed (Debian package
# clips), section 2 also times its level decision on the same cases
# (tests/bench/clips), loaded as facts and run to the end.
# Not part of ctest: timings belong to a quiet machine, not to CI.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${BENCH_BUILD_DIR:-$repo/build-bench}
runs=${BENCH_RUNS:-50}
cases=${BENCH_CASES:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== building (Release) in $build"
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBACKTRIAGE_BENCH=ON \
  -DBACKTRIAGE_TESTS=OFF >/dev/null
ninja -C "$build" backtriage rule_scaling >/dev/null
# Every program timed is a fresh copy in one place, written the same way:
# how a file came to be (the linker's scattered writes, or one `cp`) changes
# how fast the kernel maps it in, and was worth 0.09 ms of a 1.1 ms start
# between two copies of one binary on this machine (2026-12-06).
cp "$build/backtriage" "$work/backtriage"
bin=$work/backtriage
if [ -n "${BENCH_BEFORE:-}" ]; then
  cp "$BENCH_BEFORE" "$work/backtriage-before"
  BENCH_BEFORE=$work/backtriage-before
fi
cat >"$work/baseline.c" <<'C'
int main(void) { return 0; }
C
cat >"$work/prompt.c" <<'C'
/* The interview's floor: read a line, write a prompt, 15 times. */
#include <stdio.h>
int main(void) {
  char line[256];
  for (int i = 0; i < 15; ++i) {
    fputs("Answer yes, no or not sure.\n   > ", stderr);
    if (!fgets(line, sizeof line, stdin)) return 1;
  }
  return 0;
}
C
cc -O2 "$work/baseline.c" -o "$work/baseline"
cc -O2 "$work/prompt.c" -o "$work/prompt"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"

echo "== 1. single triage vs C baseline (median of $runs interleaved runs; target <= 2.00x)"
calm="--no-input --no-red-flags --duration-weeks 2 --sensation dull --spread one-spot --region lower"
python3 "$here/startup_time.py" "$runs" \
  "c-baseline=$work/baseline" \
  "triage-text=$bin $calm" \
  "triage-json=$bin $calm --json" \
  "triage-html=$bin $calm --format html" \
  "triage-brief=$bin $calm --json --brief" \
  ${BENCH_BEFORE:+"before-text=$BENCH_BEFORE $calm" "before-html=$BENCH_BEFORE $calm --format html"}

echo "== 2. batch throughput ($cases generated cases, best of 3)"
python3 "$here/gen_cases.py" "$cases" >"$work/cases.jsonl"
"$bin" batch <"$work/cases.jsonl" >"$work/reports.jsonl" || [ $? -eq 65 ]
"$bin" batch --brief <"$work/cases.jsonl" >"$work/brief.jsonl" || [ $? -eq 65 ]
echo "   full reports: $(du -m "$work/reports.jsonl" | cut -f1) MB; brief: $(du -m "$work/brief.jsonl" | cut -f1) MB"
best_cpu() {  # the best of 3 by wall seconds, as "WALL CPU": best_cpu INPUT OUTPUT COMMAND...
  local b=1e9 c= s cpu
  for _ in 1 2 3; do
    read -r s _ cpu < <(python3 "$here/batch_run.py" "$@")
    if python3 -c "import sys; sys.exit(not $s < $b)"; then b=$s c=$cpu; fi
  done
  echo "$b $c"
}
best() {  # best wall seconds of 3: best INPUT OUTPUT COMMAND...
  local s _
  read -r s _ < <(best_cpu "$@")
  echo "$s"
}
jobs=$(nproc)
# Into a file or a pipe, batch writes on a thread of its own
# (src/cli/write_behind.h): the kernel's copy, as long as `cat` takes,
# overlaps evaluating. So those rows give the CPU seconds of both threads
# beside the wall time; into /dev/null there is no writer thread (nothing is
# copied). A pipe is emptied by `cat` into /dev/null (batch_run.py).
for place in /dev/null file pipe; do
  out=$place; [[ $place == file ]] && out=$work/out.jsonl
  cat_s=$(best "$work/reports.jsonl" "$out" /bin/cat)
  read -r full_s full_cpu < <(best_cpu "$work/cases.jsonl" "$out" "$bin" batch --jobs 1)
  python3 - "$cases" "$cat_s" "$full_s" "$full_cpu" "$place" <<'PY'
import sys
n, cat_s, full_s, cpu, place = (int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]),
                                float(sys.argv[4]), sys.argv[5])
rate, ratio = n / full_s, full_s / cat_s
met = [name for name, ok in (("150,000/s", rate >= 150_000), ("1.5x cat", ratio <= 1.5)) if ok]
print(f"   full, jobs 1, into {place:9}: {rate:9,.0f} cases/s ({full_s:.2f} s, {cpu:.2f} s CPU), "
      f"{ratio:.2f}x cat ({cat_s:.2f} s)  target 150,000/s or <= 1.5x cat: "
      + ("met (" + " and ".join(met) + ")" if met else "NOT met"))
PY
done
if [[ -n ${BENCH_BEFORE:-} ]]; then
  for place in file pipe; do
    out=$place; [[ $place == file ]] && out=$work/out.jsonl
    read -r s cpu < <(best_cpu "$work/cases.jsonl" "$out" "$BENCH_BEFORE" batch --jobs 1)
    python3 -c "print(f'   before: full, jobs 1, into $place : {$cases/$s:9,.0f} cases/s ({$s:.2f} s, {$cpu:.2f} s CPU)')"
  done
fi
rm -f "$work/out.jsonl"
brief_s=$(best "$work/cases.jsonl" /dev/null "$bin" batch --brief --jobs 1)
python3 -c "r=$cases/$brief_s; print(f'   brief, jobs 1, into /dev/null : {r:9,.0f} cases/s ({$brief_s:.2f} s)  target 400,000/s: ' + ('met' if r >= 400000 else 'NOT met'))"
# CDS Hooks cards (no target): the full report, hashed for the card's id,
# and a Markdown detail.
cds_s=$(best "$work/cases.jsonl" /dev/null "$bin" batch --format cds-hooks --jobs 1)
python3 -c "print(f'   cds-hooks, jobs 1, into /dev/null : {$cases/$cds_s:9,.0f} cases/s ({$cds_s:.2f} s)')"
if [[ -n ${BENCH_BEFORE:-} ]]; then
  for mode in full brief cds-hooks; do
    flag=(); [[ $mode == brief ]] && flag=(--brief)
    [[ $mode == cds-hooks ]] && flag=(--format cds-hooks)
    s=$(best "$work/cases.jsonl" /dev/null "$BENCH_BEFORE" batch "${flag[@]}" --jobs 1)
    python3 -c "print(f'   before: $mode, jobs 1, into /dev/null : {$cases/$s:9,.0f} cases/s ({$s:.2f} s)')"
  done
fi
if command -v clips >/dev/null; then
  python3 "$here/clips/cases_to_clips.py" <"$work/cases.jsonl" >"$work/cases.fct"
  cp "$here/clips/triage.clp" "$work/"
  printf '(load* triage.clp)\n(load-facts cases.fct)\n(run)\n(exit)\n' >"$work/run.clp"
  # CLIPS reads its files from the working directory; the level of each case.
  clips_s=$(cd "$work" && best /dev/null /dev/null "$(command -v clips)" -f2 run.clp)
  brief_s=$(best "$work/cases.jsonl" /dev/null "$bin" batch --brief --jobs 1)
  full_s=$(best "$work/cases.jsonl" /dev/null "$bin" batch --jobs 1)
  python3 -c "print(f'   CLIPS 6.30, level only      : {$cases/$clips_s:9,.0f} cases/s ({$clips_s:.2f} s); '
                    f'backtriage brief {$clips_s/$brief_s:.2f}x, full {$clips_s/$full_s:.2f}x its rate')"
fi
for mode in full brief; do
  flag=(); [[ $mode == brief ]] && flag=(--brief)
  s=$(best "$work/cases.jsonl" /dev/null "$bin" batch "${flag[@]}" --jobs "$jobs")
  python3 -c "print(f'   $mode, jobs $jobs, into /dev/null : {$cases/$s:9,.0f} cases/s ({$s:.2f} s)')"
done
# Every core evaluating, and the writer thread besides.
read -r s cpu < <(best_cpu "$work/cases.jsonl" "$work/out.jsonl" "$bin" batch --jobs "$jobs")
python3 -c "print(f'   full, jobs $jobs, into file      : {$cases/$s:9,.0f} cases/s ({$s:.2f} s, {$cpu:.2f} s CPU)')"
rm -f "$work/out.jsonl"

echo "== 3. interview: answer to next prompt on a pseudo-terminal (target 5 ms)"
printf '   %-12s' "c-prompt:"; python3 "$here/interview_latency.py" "$work/prompt" 20
printf '   %-12s' "backtriage:"; python3 "$here/interview_latency.py" "$bin" 20

echo "== 4. rule engine scaling (best of 3-5 runs each)"
"$build/tests/bench/rule_scaling"

echo "== 5. batch peak memory (jobs 1): brief, and full reports, whose 'assumed' findings are remembered up to a bound"
head -n 10000 "$work/cases.jsonl" >"$work/small.jsonl"
# A million distinct lines (not the 100,000 again): a full report's
# remembered findings grow with distinct lines until their bound.
python3 "$here/gen_cases.py" 1000000 7 >"$work/large.jsonl"
for mode in --brief ""; do
  read -r _ small_kb _ < <(python3 "$here/batch_run.py" "$work/small.jsonl" /dev/null "$bin" batch $mode)
  read -r _ large_kb _ < <(python3 "$here/batch_run.py" "$work/large.jsonl" /dev/null "$bin" batch $mode)
  python3 -c "print(f'   {\"${mode:-full}\":8} 10,000 lines {$small_kb} KiB, 1,000,000 lines {$large_kb} KiB  {$large_kb / $small_kb:.2f}x')"
done
