#!/usr/bin/env bash
# End-to-end comparison of repohealth's history walk with `git log --numstat --no-renames` on the
# same repositories: this project's own and a larger one the script builds with git fast-import
# (or any repositories given as arguments). Prints times and the ratio repohealth / git log.
#
# usage: bench/history_vs_git_log.sh [-b BUILD_DIR] [REPO...]
# env:   RH_BENCH_COMMITS (10000), RH_BENCH_FILES (3000): size of the generated repository
#        RH_BENCH_RUNS (3): runs per measurement (the best is kept)
#
# repohealth is measured through bench/history_walk_bench (Google Benchmark), twice: with the
# default 12-month line window (blobs opened only for recent commits) and with all lines counted
# (what `git log --numstat` does), and with a warm history cache (a re-scan: nothing new to diff).
# All follow renames, which `git log --no-renames` does not. On a busy machine compare CPU times
# (e.g. /usr/bin/time on history_walk_bench): wall times there are noise.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
build="$src/build"
if [[ "${1:-}" == "-b" ]]; then
  build=$(cd "$2" && pwd)
  shift 2
fi
bench_bin="$build/bench/history_walk_bench"
commits=${RH_BENCH_COMMITS:-10000}
files=${RH_BENCH_FILES:-3000}
runs=${RH_BENCH_RUNS:-3}
out="$src/bench/out"
mkdir -p "$out"

if [[ ! -x "$bench_bin" ]]; then
  echo "building history_walk_bench in $build" >&2
  cmake --build "$build" --target history_walk_bench >&2
fi

# A repository of $commits commits over three years by 25 people in 4 organisations, each commit
# changing 1-5 of $files files (edits and appends), 3% of commits renaming a file.
make_large_repo() {
  local dir="$1"
  rm -rf "$dir"
  git init -q "$dir"
  awk -v commits="$commits" -v files="$files" '
    function content(f, v,    s, i, n) {
      n = 20 + v
      s = ""
      for (i = 1; i <= n; i++) {
        s = s "file " f " line " i " lorem ipsum dolor sit amet"
        if (i % 7 == v % 7) s = s " changed in version " v
        s = s "\n"
      }
      return s
    }
    function emit(path, text) {
      printf "M 100644 inline %s\ndata %d\n%s\n", path, length(text), text
    }
    BEGIN {
      srand(42)
      split("acme.com kommune.dk example.org gmail.com", domains, " ")
      t = 1609459200  # 2021-01-01
      step = int(3 * 365 * 86400 / commits)
      for (f = 0; f < files; f++) { version[f] = 0; path[f] = sprintf("src/m%02d/file%05d.py", f % 40, f) }
      created = 0
      for (c = 1; c <= commits; c++) {
        a = int(rand() * 25)
        t += step
        printf "commit refs/heads/main\n"
        printf "author Person %d <p%d@%s> %d +0000\n", a, a, domains[a % 4 + 1], t
        printf "committer Person %d <p%d@%s> %d +0000\n", a, a, domains[a % 4 + 1], t
        msg = (c % 3 == 0) ? sprintf("fix: change %d (#%d)", c, c) : sprintf("change %d", c)
        printf "data %d\n%s\n", length(msg), msg
        if (created < files) {
          # the first commits create the files, 50 at a time
          for (k = 0; k < 50 && created < files; k++) { emit(path[created], content(created, 0)); created++ }
          continue
        }
        if (rand() < 0.03) {
          f = int(rand() * files)
          old = path[f]
          path[f] = sprintf("src/m%02d/renamed%05d_%d.py", int(rand() * 40), f, c)
          printf "R %s %s\n", old, path[f]
          version[f]++
          emit(path[f], content(f, version[f]))
          continue
        }
        n = 1 + int(rand() * 5)
        for (k = 0; k < n; k++) {
          f = int(rand() * files)
          version[f]++
          emit(path[f], content(f, version[f]))
        }
      }
    }' | git -C "$dir" fast-import --quiet
  git -C "$dir" reset -q --hard main
}

best_of() {  # best wall time in seconds of running "$@" $runs times
  local best="" i start end t
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    t=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    if [[ -z "$best" ]] || awk -v t="$t" -v b="$best" 'BEGIN { exit !(t < b) }'; then best=$t; fi
  done
  printf '%.3f' "$best"
}

repohealth_time() {  # seconds per walk, from the benchmark's CSV (real_time in ms)
  local repo="$1" filter="$2"
  RH_HISTORY_REPO="$repo" RH_BENCH_ITERATIONS="$runs" "$bench_bin" \
    --benchmark_filter="$filter" --benchmark_format=csv 2>/dev/null |
    awk -F, '/^"?BM_/ { printf "%.3f", $3 / 1000 }'
}

compare() {
  local name="$1" repo="$2"
  if ! git -C "$repo" rev-parse -q --verify HEAD >/dev/null 2>&1; then
    echo "$name: no commits yet, skipped"
    return
  fi
  local n g w a c
  n=$(git -C "$repo" rev-list --count HEAD)
  g=$(best_of git -C "$repo" log --numstat --no-renames --format=%H%n%an%n%ae%n%at)
  w=$(repohealth_time "$repo" 'BM_HistoryWalk/window')
  a=$(repohealth_time "$repo" 'BM_HistoryWalk/all_lines')
  c=$(repohealth_time "$repo" 'BM_HistoryWalk/warm_cache')
  ratio() { awk -v x="$1" -v y="$2" 'BEGIN { if (y > 0) printf "%.2f", x / y; else print "-" }'; }
  printf '%-28s %8s %12s %16s %9s %16s %9s %14s\n' "$name" "$n" "$g" "$w" "$(ratio "$w" "$g")" "$a" \
    "$(ratio "$a" "$g")" "$c"
}

large="$out/history-large-$commits"
if [[ ! -d "$large/.git" ]]; then
  echo "building $large ($commits commits, $files files)" >&2
  make_large_repo "$large"
fi

printf '%-28s %8s %12s %16s %9s %16s %9s %14s\n' repository commits "git log s" "repohealth 12m s" ratio \
  "repohealth all s" ratio "warm cache s"
compare "repohealth (this project)" "$src"
compare "generated ($commits commits)" "$large"
for repo in "$@"; do compare "$(basename "$repo")" "$repo"; done
echo "ratio = repohealth / git log --numstat --no-renames (lower is faster); best of $runs runs"
