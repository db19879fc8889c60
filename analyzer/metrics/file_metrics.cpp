#include "metrics/file_metrics.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace rh {

FunctionTotals function_totals(const std::vector<FunctionMetrics>& functions) {
  FunctionTotals t;
  for (const FunctionMetrics& f : functions) {
    ++t.count;
    t.nloc += f.nloc;
    t.cyclomatic += f.cyclomatic;
    if (!f.nested) t.cognitive += f.cognitive;  // a nested one's is in its enclosing function's
    t.tokens += f.tokens;
    t.max_nloc = std::max(t.max_nloc, f.nloc);
    t.max_cyclomatic = std::max(t.max_cyclomatic, f.cyclomatic);
    t.max_cognitive = std::max(t.max_cognitive, f.cognitive);
    t.max_params = std::max(t.max_params, f.params);
    t.max_nesting = std::max(t.max_nesting, f.max_nesting);
  }
  return t;
}

double maintainability_index(double halstead_volume, int64_t cyclomatic_sum, int64_t code_lines,
                             int64_t comment_lines) {
  if (halstead_volume <= 0 || code_lines <= 0) return 100.0;
  const double comment_percent = 100.0 * static_cast<double>(comment_lines) / static_cast<double>(code_lines);
  const double comment_radians = comment_percent * std::numbers::pi / 180.0;
  const double raw = 171.0 - 5.2 * std::log(halstead_volume) - 0.23 * static_cast<double>(cyclomatic_sum) -
                     16.2 * std::log(static_cast<double>(code_lines)) + 50.0 * std::sin(std::sqrt(2.46 * comment_radians));
  const double scaled = std::clamp(raw * 100.0 / 171.0, 0.0, 100.0);
  return std::round(scaled * 100.0) / 100.0;
}

void finish_file_metrics(FileFacts& facts) {
  facts.totals = function_totals(facts.functions);
  if (facts.parsed)
    facts.maintainability_index = maintainability_index(facts.halstead.volume, facts.totals.cyclomatic,
                                                        facts.lines.code, facts.lines.comment);
  else
    facts.maintainability_index.reset();
}

}  // namespace rh
