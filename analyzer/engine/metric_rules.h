#pragma once
// `metric` kind: thresholds on the metrics the frontends measure (FunctionMetrics, FileFacts).
// The metric names are a table: adding a metric is a row here and a rule file.
#include <string>
#include <vector>

#include "engine/match_input.h"
#include "engine/rule.h"

namespace rh {

/// Every metric a rule can name: "function.cyclomatic", "file.nloc"…
const std::vector<std::string>& metric_names();

struct MetricRule {
  size_t rule = 0;
  const Rule* spec = nullptr;
  double threshold = 0;  ///< the rule's, or the config's override
};

/// Reports every function (or the file) whose metric is above its rule's threshold.
void match_metrics(const FileInput& file, const std::vector<MetricRule>& rules, const std::vector<bool>& enabled,
                   std::vector<RawMatch>& out);

}  // namespace rh
