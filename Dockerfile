# repohealth as a container image: ghcr.io/repohealth/repohealth:<version>, what the GitHub
# action (action.yml) runs. Built and published by .github/workflows/release.yml on a version
# tag; by hand: docs/ci.md#the-container-image.
#
#   docker build -t repohealth .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/src" -w /src repohealth scan . --out /src/repohealth-report
#
# Build stage: the same scripts a developer runs (scripts/setup.sh installs the Debian 12
# packages and the pinned grammars, scripts/build.sh builds), without tests and benchmarks.
FROM debian:bookworm-slim AS build
WORKDIR /src
# The package list and the grammar lock change less often than the code: their own layer.
COPY scripts/setup.sh scripts/setup.sh
COPY package.json package-lock.json ./
RUN scripts/setup.sh && rm -rf /var/lib/apt/lists/*
COPY . .
RUN BUILD_DIR=/build scripts/build.sh -DREPOHEALTH_TESTS=OFF -DREPOHEALTH_BENCH=OFF \
 && strip --strip-debug -o /repohealth /build/repohealth \
 && /repohealth version

# Runtime stage: the shared libraries the binary links (the runtime packages of setup.sh's
# -dev packages; tests/e2e/action_test.cpp checks them against the binary), libclang 14 for
# C/C++ (loaded on demand) with its built-in headers (stddef.h…, which --compile-commands
# parses that follow includes need), nothing else: no compiler, no git, no node.
FROM debian:bookworm-slim
LABEL org.opencontainers.image.source=https://github.com/repohealth/repohealth \
      org.opencontainers.image.description="repohealth: code review and repository health analysis" \
      org.opencontainers.image.licenses=MPL-2.0
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      libgit2-1.5 libtree-sitter0 libyaml-cpp0.7 libvectorscan5 libtbb12 libxxhash0 libsqlite3-0 libfmt9 \
      libclang1-14 libclang-common-14-dev \
 && rm -rf /var/lib/apt/lists/*
# The checkout to scan belongs to whoever ran actions/checkout (another user than the image's):
# libgit2 reads the system git config, where these folders are declared safe.
COPY ci/github/gitconfig /etc/gitconfig
COPY --from=build /repohealth /usr/local/bin/repohealth
COPY ci/github/scan.sh /usr/local/share/repohealth/github-action-scan.sh
# Not root. uid 1001 is the runner user on GitHub-hosted runners, which owns the workspace and
# the step's output files that the action's scan step writes.
RUN useradd --uid 1001 --user-group --create-home --shell /usr/sbin/nologin repohealth \
 && repohealth version
USER repohealth
ENV XDG_CACHE_HOME=/tmp/repohealth-cache
ENTRYPOINT ["repohealth"]
CMD ["--help"]
