#pragma once
// The engine's part of a scan, as the pipeline uses it: build the RuleSet (and read the
// baseline) once before files are analysed; after, mark baseline findings and sort.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/error.h"
#include "core/model.h"
#include "engine/baseline.h"
#include "engine/rule_set.h"

namespace rh {

struct ScanRules {
  std::unique_ptr<RuleSet> rules;
  std::optional<Baseline> baseline;
};

/// Rules: embedded + config.rule_folders + `folders`; baseline: `baseline_path`, else the
/// config's. Errors are the user's to fix (exit 2) and name file and line.
Result<ScanRules> prepare_scan_rules(const Config& config, const std::vector<std::string>& folders,
                                     const std::string& baseline_path);

/// Fills result.rules, runs the scan-level rules (clones: so call it after result.duplication
/// is filled), marks findings against the baseline, sorts them by path, line, rule, and adds
/// the rule set's notes to the notifications.
void finish_scan_rules(const ScanRules& rules, ScanResult& result);

}  // namespace rh
