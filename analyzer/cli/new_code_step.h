#pragma once
// New-code mode (`scan --new-since REF`): what changed since the merge base of REF and the
// analysed revision, and each finding classified as new or unchanged against the merge base's
// findings in the changed files (found by a second scan limited to those files).
#include <optional>

#include "cli/pipeline.h"

namespace rh {

/// The changes, before the scan (an unknown REF is a usage error and nothing is analysed).
Result<NewCode> prepare_new_code(const ScanRequest& request);

/// After the scan: scans the merge base's versions of the changed files with the same compiled
/// `rules`, classifies result.findings and stores `new_code` in the result.
std::optional<ScanError> finish_new_code(const ScanRequest& request, const ScanRules& rules, NewCode new_code,
                                         ScanResult& result);

}  // namespace rh
