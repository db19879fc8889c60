#!/usr/bin/env bash
# repohealth and each available peer (lizard, cloc, pmccabe, radon, jscpd, git log --numstat)
# on the same tree in one run, alternating, median of 3: wall time, CPU time, peak memory and
# the ratio per peer, for cold and warm scans. See bench/README.md for the recorded table.
#
# usage: bench/compare.sh REPO [--lizard LIZARD_SRC] [--runs N] [--no-warm] [-b BUILD_DIR]
#   REPO        a git repository (bare or not; HEAD is exported for the peers) or a folder
#   --lizard    a checkout of lizard's source (python3 LIZARD_SRC/lizard.py; nothing installed)
# Peers that are not installed are left out (Debian: cloc pmccabe radon; jscpd from npm).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build="$here/../build"
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -b) build="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
binary="$(cd "$build" && pwd)/repohealth"
if [[ ! -x "$binary" ]]; then
  echo "compare.sh: no repohealth binary at $binary (build first: scripts/build.sh)" >&2
  exit 2
fi
exec python3 "$here/compare.py" --binary "$binary" "${args[@]}"
