#!/usr/bin/env bash
# Quick start 2: set up (with test dependencies), build, and run every test; then the same suite
# under AddressSanitizer and UndefinedBehaviorSanitizer and each fuzz target for a bounded time
# (scripts/test-sanitizers.sh, its own build folder).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
scripts/build.sh
build=${BUILD_DIR:-build}
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
scripts/test-sanitizers.sh
