#!/usr/bin/env bash
# Function-by-function agreement of repohealth's cyclomatic complexity with lizard 1.24.0's on
# one repository (a folder, a clone or a bare mirror): per language the functions each tool
# found, the matched pairs, exact CCN agreement, the disagreements a documented difference
# explains (docs/metrics-languages.md), and the largest disagreements with their reasons.
#
# usage: bench/lizard_agreement.sh LIZARD_SRC REPO [options of bench/lizard_agreement.py]
#   LIZARD_SRC  a checkout of lizard's source (its lizard.py is run with python3; nothing is
#               installed), e.g. `git clone --branch 1.24.0 https://github.com/terryyin/lizard`
#   options     --binary PATH (default: build/repohealth), --top N, --json FILE, --name NAME
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [[ $# -lt 2 ]]; then
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
lizard=$1
repo=$2
shift 2
if [[ ! -f "$lizard/lizard.py" ]]; then
  echo "lizard_agreement.sh: $lizard/lizard.py not found: give a checkout of lizard's source" >&2
  exit 2
fi
binary="$here/../build/repohealth"
exec python3 "$here/lizard_agreement.py" --lizard "$lizard" --binary "$binary" "$@" "$repo"
