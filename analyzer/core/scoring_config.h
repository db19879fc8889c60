#pragma once
// How the health scores are combined and graded, as `.repohealth.yml` states it (`scoring:`).
// Used by analyzer/health/scoring.cpp; reference: docs/scoring.md.
#include <map>
#include <string>
#include <vector>

namespace rh {

/// The five dimensions, in report order.
inline const std::vector<std::string>& score_dimensions() {
  static const std::vector<std::string> d = {"maintainability", "security", "knowledge", "process", "documentation"};
  return d;
}

struct ScoringConfig {
  /// Weight of each dimension in the overall score (0 leaves a dimension out of it).
  std::map<std::string, double> weights = {
      {"maintainability", 1}, {"security", 1}, {"knowledge", 1}, {"process", 1}, {"documentation", 1}};
  /// Lowest score of grade A, B, C and D, descending; below the last is E.
  std::vector<double> boundaries = {85, 70, 55, 40};
};

}  // namespace rh
namespace YAML {
class Node;
}
namespace rh {
/// Reads the `scoring:` section (scoring_config.cpp); returns "" or an error naming file and line.
std::string read_scoring_config(const std::string& file, const YAML::Node& node, ScoringConfig& scoring);
}  // namespace rh
