#pragma once
// The scan's health step (analyzer/health): checks and requirement mapping before the findings
// are finished (so the `repo` rules' findings meet baselines and sorting like any other), the
// scores after (so they count findings as finally suppressed).
#include <vector>

#include "core/config.h"
#include "core/file_source.h"
#include "core/model.h"

namespace rh {

class RuleSet;

/// Fills result.health (without scores) and appends the repo rules' findings.
void run_health_checks(const std::vector<SourceEntry>& entries, FileSource& source, const Config& config,
                       const RuleSet& rules, ScanResult& result);
/// Fills result.health->scores (no-op without health).
void score_health_step(const Config& config, ScanResult& result);

}  // namespace rh
