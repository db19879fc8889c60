#pragma once
// Baseline: the findings of an earlier scan (its facts.json or SARIF), matched by rule id and
// fingerprint. A finding in the baseline is marked `unchanged` and suppressed (kind baseline);
// the others are `new`. Each baseline entry matches one finding (two identical findings need
// two entries).
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/findings_model.h"

namespace rh {

struct Baseline {
  std::string path;
  std::map<std::pair<std::string, std::string>, int> entries;  ///< (rule id, fingerprint) -> count
};

/// Reads facts.json (`findings[].rule_id/fingerprint`) or SARIF
/// (`runs[].results[].ruleId/partialFingerprints/fingerprints`). Errors name the file.
Result<Baseline> read_baseline(const std::string& path);

/// Marks `findings` against the baseline (see above).
void apply_baseline(const Baseline& baseline, std::vector<Finding>& findings);

}  // namespace rh
