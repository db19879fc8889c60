#!/usr/bin/env bash
# Runs every libFuzzer target of a RH_FUZZ build for a bounded time on the seeds fuzz/seeds.sh
# collects. A crash, a leak, a sanitizer report, an input slower than -timeout or a run over
# -rss_limit_mb fails the run; the input that did it is kept as BUILD_DIR/fuzz-artifacts/
# <target>-crash-* (or -leak-, -timeout-, -oom-) and replays with `BUILD_DIR/fuzz/<target> FILE`.
#   fuzz/run.sh BUILD_DIR [SECONDS_PER_TARGET]   (default 40; RH_FUZZ_TARGETS="glob sniff" for some)
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(cd "$1" && pwd)
seconds=${2:-40}
targets=${RH_FUZZ_TARGETS:-config facts glob sniff treesitter clang}
here=$(pwd)

# The same sanitizer settings as scripts/test-sanitizers.sh.
. scripts/sanitizers/env.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fuzz/seeds.sh "$build" "$work/seeds"
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"

failed=()
for t in $targets; do
  mkdir -p "$work/corpus/$t"
  start=$(date +%s)
  echo "fuzz: $t for ${seconds}s" >&2
  if ! "$build/fuzz/${t}_fuzz" "$work/corpus/$t" "$work/seeds/$t" -max_total_time="$seconds" \
      -timeout=30 -rss_limit_mb=2560 -artifact_prefix="$artifacts/$t-" \
      -print_final_stats=1 >"$work/$t.log" 2>&1; then
    failed+=("$t")
    tail -n 60 "$work/$t.log" >&2
  fi
  grep -E '^stat::number_of_executed_units|^Done [0-9]+ runs' "$work/$t.log" | tr '\n' ' ' >&2 || true
  echo "($(($(date +%s) - start)) s)" >&2
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (inputs in $artifacts)" >&2
  exit 1
fi
echo "fuzz: every target ran ${seconds}s without a finding" >&2
