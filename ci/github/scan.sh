#!/usr/bin/env bash
# The GitHub action's scan step (action.yml), run inside the repohealth image
# (/usr/local/share/repohealth/github-action-scan.sh) in the workspace, /github/workspace.
# Everything comes from the environment, never from text pasted into this script:
#   SCAN_PATH EXTRA_ARGS NEW_SINCE CONFIG CATEGORY DOCS_URL  the action's inputs
#   REPORT_DIR  folder for the reports, relative to the workspace; it must not exist yet
# Writes exit-code=N to $GITHUB_OUTPUT and exits 0: the action gives the verdict last, after
# the job summary, the pull-request comment and the upload.
set -uo pipefail

out=${REPORT_DIR:?}
code=3
if [ -e "$out" ] || [ -L "$out" ]; then
  # Something the checkout brought, or a leftover: never written into or through.
  echo "::error::repohealth: $out exists in the workspace; the reports are not written there"
else
  # shellcheck disable=SC2054  # sarif,md,json is one argument, the list of formats
  args=(scan "${SCAN_PATH:-.}" --out "$out" --format sarif,md,json --gate)
  if [ -n "${CATEGORY:-}" ]; then args+=(--category "$CATEGORY"); fi
  if [ -n "${CONFIG:-}" ]; then args+=(--config "$CONFIG"); fi
  if [ -n "${NEW_SINCE:-}" ]; then args+=(--new-since "$NEW_SINCE"); fi
  if [ -n "${DOCS_URL:-}" ]; then args+=(--docs-url "$DOCS_URL"); fi
  read -r -d '' -a extra <<< "${EXTRA_ARGS:-}" || true  # words on any line, no globbing
  args+=(${extra[@]+"${extra[@]}"})
  repohealth "${args[@]}"
  code=$?
fi
echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"
exit 0
