#!/usr/bin/env bash
# Installs what repohealth needs on Debian 12 (idempotent: skips installed packages), then the
# pinned tree-sitter grammars from package.json + package-lock.json.
#   scripts/setup.sh            build dependencies
#   scripts/setup.sh --test     plus what the tests need: chromium and poppler-utils (the HTML
#                               browser test and its PDF check), clang-14
#                               with its sanitizer and libFuzzer runtimes and llvm-symbolizer
#                               (scripts/test-sanitizers.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config git nodejs npm python3
  libclang-14-dev libtree-sitter-dev libgit2-dev nlohmann-json3-dev
  libyaml-cpp-dev libcli11-dev libvectorscan-dev libtbb-dev libkainjow-mustache-dev
  libxxhash-dev libsqlite3-dev libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev
)
if [ "${1:-}" = "--test" ]; then
  packages+=(chromium poppler-utils clang-14 libclang-rt-14-dev llvm-14)
fi

missing=()
for p in "${packages[@]}"; do
  # A tool already on PATH (e.g. node and npm from another source) counts as installed.
  case "$p" in
    nodejs) command -v node >/dev/null 2>&1 && continue ;;
    npm) command -v npm >/dev/null 2>&1 && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Grammars (and dev tools such as the SARIF multitool): from the committed lock, without
# install scripts (they would build Node bindings). Skipped when the lock is unchanged.
stamp=node_modules/.repohealth-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "setup: npm ci" >&2
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
