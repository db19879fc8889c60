#!/usr/bin/env bash
# Quick start 1: set up, build, and scan this repository into repohealth-report/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
build=${BUILD_DIR:-build}
"$build/repohealth" scan . --out repohealth-report
