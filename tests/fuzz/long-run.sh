#!/usr/bin/env bash
# The long fuzzing run (not part of ctest): each libFuzzer target under ASan+UBSan for
# SECONDS_PER_TARGET (default 1800, half an hour), one after another at low priority, growing
# a corpus kept in WORK_DIR between runs. Prints, per target, the executions, the corpus size
# and any findings; exits 1 when there is a finding (a crash, a leak, a sanitizer report, a
# timeout or an input that breaks a target's own checks), whose input is saved in
# WORK_DIR/findings/. Turn each finding into a fix and a file in tests/fuzz/corpus/<target>/,
# which the ordinary suite then replays on every run.
# Usage: long-run.sh SOURCE_DIR BUILD_DIR [SECONDS_PER_TARGET] [WORK_DIR] [TARGETS...]
#   e.g. bash tests/fuzz/long-run.sh . build-san 1800 /var/tmp/continuum-fuzz
set -uo pipefail
src=$1
build=$2
seconds=${3:-1800}
work=${4:-/var/tmp/continuum-fuzz}
shift $(( $# < 4 ? $# : 4 ))
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(expr rules case library)
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

bash "$(dirname "$0")/build-fuzzers.sh" "$src" "$build" || exit 2
mkdir -p "$work/findings"
status=0
summary=""
for target in "${targets[@]}"; do
  corpus="$work/corpus/$target"
  mkdir -p "$corpus"
  cp -n "$src/tests/fuzz/corpus/$target/"* "$corpus/" 2>/dev/null
  log="$work/$target.log"
  nice -n 10 "$build/tests/fuzz/fuzz_$target" "$corpus" -max_total_time="$seconds" \
    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$work/findings/$target-" >"$log" 2>&1
  code=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  files=$(find "$corpus" -type f | wc -l)
  found=$(find "$work/findings" -name "$target-*" -type f | wc -l)
  [ "$code" -ne 0 ] && status=1
  summary+="$target: ${runs:-?} executions in ${seconds} s, corpus $files inputs, findings $found (exit $code)"$'\n'
done
printf '%s' "$summary"
exit $status
