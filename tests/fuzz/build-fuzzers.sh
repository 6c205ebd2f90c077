#!/usr/bin/env bash
# Configures and builds the clang tree with AddressSanitizer, UndefinedBehaviorSanitizer and
# the libFuzzer targets (shared by sanitized-run.sh and long-run.sh).
# Usage: build-fuzzers.sh SOURCE_DIR BUILD_DIR [EXTRA_TARGETS...]
set -euo pipefail
src=$1
build=$2
shift 2
CC=clang CXX=clang++ cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCONTINUUM_BUILD_GUI=OFF -DCONTINUUM_SANITIZE=ON -DCONTINUUM_FUZZ=ON >/dev/null
cmake --build "$build" --target fuzz_expr fuzz_rules fuzz_case fuzz_library "$@"
