#include "engine/scan_rules.h"

#include <algorithm>
#include <tuple>

namespace rh {

Result<ScanRules> prepare_scan_rules(const Config& config, const std::vector<std::string>& folders,
                                     const std::string& baseline_path) {
  ScanRules out;
  auto rules = RuleSet::load(config, folders);
  if (!rules) return rules.error();
  out.rules = std::move(*rules);
  const std::string& path = baseline_path.empty() ? config.baseline : baseline_path;
  if (!path.empty()) {
    auto b = read_baseline(path);
    if (!b) return b.error();
    out.baseline = std::move(*b);
  }
  return out;
}

void finish_scan_rules(const ScanRules& rules, ScanResult& result) {
  if (!rules.rules) return;
  result.rules = rules.rules->descriptors();
  rules.rules->match_scan(result, result.findings);
  std::stable_sort(result.findings.begin(), result.findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.path, a.start_line, a.rule_id, a.start_column) < std::tie(b.path, b.start_line, b.rule_id, b.start_column);
  });
  if (rules.baseline) apply_baseline(*rules.baseline, result.findings);
  for (const auto& note : rules.rules->notes()) result.notifications.push_back(notification("note", "", note));
  for (const auto& w : rules.rules->warnings()) result.notifications.push_back(notification("warning", "", w));
}

}  // namespace rh
