#pragma once
// Applies .repohealth.yml to the rule catalog: which rules run, at what severity and
// threshold, and where their findings are suppressed. Rule ids, packs and metric names the
// config names are checked here against the catalog ("file:line: unknown rule id … did you
// mean …").
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/error.h"
#include "engine/rule_loader.h"
#include "engine/suppression.h"

namespace rh {

struct RuleSelection {
  bool enabled = false;
  std::string severity;             ///< effective severity
  std::optional<double> threshold;  ///< metric rules: the config's override
  std::vector<PathSuppression> suppressions;
};

struct SelectOptions {
  bool all_states = false;         ///< enable preview and deprecated rules too (fixture runner, debug)
  std::vector<std::string> only;   ///< when not empty: only these rule ids (debug query)
  bool compile_now = false;        ///< compile every language's queries while building (tests)
};

/// One selection per catalog rule (same order). Errors name the config file and line.
Result<std::vector<RuleSelection>> select_rules(const RuleCatalog& catalog, const Config& config,
                                                const SelectOptions& options = {});

}  // namespace rh
