#pragma once
// The rules repohealth knows: the packs embedded from rules/ (every YAML file outside
// rules/languages/ and rules/workspace/).
#include <string>
#include <vector>

#include "core/error.h"

namespace rh {

struct RuleSummary {
  std::string id;
  std::string title;
  std::string severity;
  std::string kind;
  std::vector<std::string> languages;
  std::string state;  ///< preview | stable | deprecated
  std::string source; ///< embedded path or user file
};

Result<std::vector<RuleSummary>> embedded_rule_summaries();

}  // namespace rh
