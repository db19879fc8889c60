#!/usr/bin/env bash
# The sanitizer build: configures build-asan/ with clang-14, AddressSanitizer and
# UndefinedBehaviorSanitizer (-O1 -g, no benchmarks, RH_FUZZ so the same build holds the
# libFuzzer targets), builds everything, runs the whole ctest suite under the sanitizers, then
# each fuzz target for a bounded time (fuzz/run.sh). Any report fails the run.
#   scripts/test-sanitizers.sh            build, test, fuzz (RH_FUZZ_SECONDS per target, default 40)
#   RH_FUZZ_SECONDS=0 scripts/test-sanitizers.sh    build and test only
# Needs `scripts/setup.sh --test` (clang-14, its sanitizer and fuzzer runtimes, llvm-symbolizer).
# clang rather than gcc: libFuzzer is clang's, and one build then serves both the suite and the
# fuzzers.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$(pwd)
build=${ASAN_BUILD_DIR:-build-asan}
jobs=$(nproc)

. scripts/sanitizers/env.sh

if [ ! -f "$build/build.ninja" ]; then
  launcher=()
  if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
    "-DCMAKE_C_FLAGS_DEBUG=-O1 -g" "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g" \
    -DRH_FUZZ=ON -DREPOHEALTH_BENCH=OFF -DRH_WERROR="${RH_WERROR:-OFF}" "${launcher[@]}"
fi
start=$(date +%s)
cmake --build "$build" -j "$jobs"
built=$(date +%s)
ctest --test-dir "$build" --output-on-failure -j "$jobs"
tested=$(date +%s)
echo "sanitizers: build $((built - start)) s, ctest $((tested - built)) s" >&2

seconds=${RH_FUZZ_SECONDS:-40}
if [ "$seconds" != 0 ]; then
  fuzz/run.sh "$build" "$seconds"
  echo "sanitizers: fuzzing $(($(date +%s) - tested)) s" >&2
fi
