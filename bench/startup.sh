#!/bin/sh
# Start-up of the whole binary: `repohealth scan` of a folder holding one 2-line Python file,
# run RUNS times (default 7), alternating with cloc on the same folder when cloc is installed.
# Prints the median wall time, the median CPU time (user + system) and the peak memory of each,
# and, with --callgrind, repohealth's instruction count under valgrind (steady on a noisy
# machine, where wall times are not).
#
#   bench/startup.sh [--binary build/repohealth] [--runs N] [--callgrind]
set -eu
binary=build/repohealth
runs=7
callgrind=0
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --callgrind) callgrind=1; shift ;;
    *) echo "usage: bench/startup.sh [--binary PATH] [--runs N] [--callgrind]" >&2; exit 2 ;;
  esac
done
[ -x "$binary" ] || { echo "bench/startup.sh: no binary at $binary (build first)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/one"
printf 'def f(x):\n  return x\n' > "$work/one/a.py"

# One timed run: appends "wall cpu kb" to $2.
timed() {
  out=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/t" "$@" >/dev/null 2>&1 || true
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/t" >> "$out"
}
i=0
while [ "$i" -lt "$runs" ]; do
  timed "$work/rh" "$binary" scan "$work/one" --out "$work/out" --quiet
  if command -v cloc >/dev/null; then timed "$work/cloc" cloc --quiet "$work/one"; fi
  i=$((i + 1))
done
median() {  # column $2 of file $1
  sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'
}
report() {
  printf '%-12s wall %6s s   cpu %6s s   peak %7s KB\n' "$1" "$(median "$2" 1)" "$(median "$2" 2)" "$(median "$2" 3)"
}
echo "median of $runs runs on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
report repohealth "$work/rh"
if [ -f "$work/cloc" ]; then
  report cloc "$work/cloc"
  awk -v a="$(median "$work/rh" 1)" -v b="$(median "$work/cloc" 1)" 'BEGIN { if (b > 0) printf "ratio        %.2f of cloc'"'"'s wall time\n", a / b }'
fi
if [ "$callgrind" = 1 ]; then
  valgrind --tool=callgrind --callgrind-out-file="$work/cg" "$binary" scan "$work/one" --out "$work/out" --quiet \
    >/dev/null 2>"$work/cg.err" || true
  printf 'instructions %s (callgrind, all threads)\n' "$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/cg.err")"
fi
