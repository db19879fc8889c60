#pragma once
// The quality gate's conditions, as `.repohealth.yml` states them (`gate:`). Evaluated by
// engine/gate.h; reference: docs/ci.md.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rh {

struct GateConfig {
  bool configured = false;  ///< a `gate:` section was given
  std::map<std::string, int64_t> max_findings;      ///< severity -> most open findings allowed
  std::map<std::string, int64_t> max_new_findings;  ///< severity -> most new findings allowed
  std::vector<std::string> no_new;                  ///< tags or rule ids: no new finding of these
  std::optional<int64_t> max_new_cyclomatic;        ///< highest cyclomatic of a new or changed function
  std::optional<int64_t> max_new_cognitive;
  std::optional<double> max_new_duplication;        ///< percent of changed lines inside clones
  std::optional<int64_t> min_truck_factor;
  std::vector<std::pair<std::string, std::string>> min_grades;  ///< dimension -> lowest grade (A-E)
  /// Finding conditions count only findings of rules with at least this confidence (high |
  /// medium | low); empty counts every finding. The built-in default gate uses high.
  std::string min_confidence;
  std::map<std::string, std::string> where;         ///< condition name -> "file:line"
};

}  // namespace rh
