#pragma once
// `metric` kind: thresholds on the metrics the frontends measure (FunctionMetrics, FileFacts).
// The metric names are a table: adding a metric is a row here and a rule file.
#include <string>
#include <vector>

#include "engine/match_input.h"
#include "engine/rule.h"

namespace rh {

/// Every metric a rule can name: "function.cyclomatic", "file.nloc"…, "clone.lines".
const std::vector<std::string>& metric_names();

/// Metrics known only once every file is analysed (clone detection across files): matched by
/// match_scan_metrics on the ScanResult, not per file.
bool is_scan_metric(const std::string& name);

struct MetricRule {
  size_t rule = 0;
  const Rule* spec = nullptr;
  double threshold = 0;  ///< the rule's, or the config's override
};

/// Reports every function (or the file) whose metric is above its rule's threshold.
void match_metrics(const FileInput& file, const std::vector<MetricRule>& rules, const std::vector<bool>& enabled,
                   std::vector<RawMatch>& out);

/// A scan-level match: which file it is in, and the match in it.
struct ScanMatch {
  std::string path;
  RawMatch match;
};
/// `clone.lines`: one match per location of every clone group longer than the threshold.
void match_scan_metrics(const ScanResult& result, const std::vector<MetricRule>& rules, std::vector<ScanMatch>& out);

}  // namespace rh
