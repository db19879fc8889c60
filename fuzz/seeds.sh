#!/usr/bin/env bash
# Collects the fuzzers' seed corpora from the test fixtures into SEED_DIR/<target>/ (nothing is
# committed: the seeds are the fixtures, framed as each target reads its input).
#   fuzz/seeds.sh BUILD_DIR SEED_DIR
# BUILD_DIR's repohealth writes a facts.json of tests/e2e/fixtures/basic for the facts target.
set -euo pipefail
cd "$(dirname "$0")/.."
build=$1
out=$2
mkdir -p "$out"/{config,facts,glob,sniff,treesitter,clang}

# config: the project's own .repohealth.yml and the examples in docs/configuration.md.
cp .repohealth.yml "$out/config/project.yml"
awk -v dir="$out/config" '/^```yaml/ {n++; f=dir "/docs-" n ".yml"; on=1; next}
                          /^```/ {on=0; next}
                          on {print > f}' docs/configuration.md

# facts: a facts.json and a SARIF log made by a scan, and the SARIF goldens (baselines).
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
XDG_CACHE_HOME="$scratch/cache" "$build/repohealth" scan tests/e2e/fixtures/basic --out "$scratch/out" \
  --format json,sarif --no-history --no-cache -q || true
for f in "$scratch"/out/*.json "$scratch"/out/*.sarif tests/reports/golden/*.sarif; do
  [ -f "$f" ] && cp "$f" "$out/facts/$(basename "$f")"
done

# glob: .gitignore text, NUL, a path.
n=0
for ignore in .gitignore; do
  for path in build/x.o src/lang/a.py node_modules/tree-sitter/src/parser.c docs/rules/x.md; do
    n=$((n + 1))
    { cat "$ignore"; printf '\0%s' "$path"; } > "$out/glob/seed-$n"
  done
done
printf '*.min.js\n!keep.min.js\n/build/\ndocs/**\n**/test_*.py\na/**/b\n[!a-z]?\\#x\0a/x/y/b' > "$out/glob/patterns"

# sniff: file name, NUL, the file (every language fixture).
for f in tests/lang/fixtures/*/* tests/e2e/fixtures/basic/*; do
  name=$(basename "$f")
  [ "$name" = expected.yml ] && continue
  { printf '%s\0' "$name"; cat "$f"; } > "$out/sniff/$(basename "$(dirname "$f")")-$name"
done

# treesitter: one byte naming the language (its index in treesitter_fuzz.cpp's list, which is
# sorted as these folders are), then the file.
i=0
for dir in $(ls tests/lang/fixtures | LC_ALL=C sort); do
  case "$dir" in c | cpp) continue ;; esac
  for f in tests/lang/fixtures/"$dir"/*; do
    [ "$(basename "$f")" = expected.yml ] && continue
    { printf "\\x$(printf %02x "$i")"; cat "$f"; } > "$out/treesitter/$dir-$(basename "$f")"
  done
  i=$((i + 1))
done

# clang: 0 = C, 1 = C++, then the file.
for f in tests/lang/fixtures/c/*; do
  [ "$(basename "$f")" = expected.yml ] || { printf '\x00'; cat "$f"; } > "$out/clang/c-$(basename "$f")"
done
for f in tests/lang/fixtures/cpp/*; do
  [ "$(basename "$f")" = expected.yml ] || { printf '\x01'; cat "$f"; } > "$out/clang/cpp-$(basename "$f")"
done
