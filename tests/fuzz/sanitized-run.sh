#!/usr/bin/env bash
# Builds the engine, its tests and the fuzz targets with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer; runs the engine and CLI tests under them; then fuzzes each
# target for a short bounded time starting from its corpus. Any sanitizer report fails.
# Usage: sanitized-run.sh SOURCE_DIR BUILD_DIR [SECONDS_PER_TARGET]
# (For hours of fuzzing with a corpus kept between runs, see long-run.sh.)
set -euo pipefail
src=$1
build=$2
seconds=${3:-20}
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

bash "$(dirname "$0")/build-fuzzers.sh" "$src" "$build" engine_tests
"$build/tests/engine/engine_tests"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for target in expr rules case library; do
  mkdir -p "$work/$target"
  cp "$src/tests/fuzz/corpus/$target/"* "$work/$target/"
  # -rss_limit_mb: the loader must stay small even on hostile input.
  "$build/tests/fuzz/fuzz_$target" "$work/$target" -max_total_time="$seconds" -rss_limit_mb=2048 \
    -timeout=10 -print_final_stats=1 2>&1 | tail -n 12
done
echo "sanitized engine tests and fuzzing: no findings"
