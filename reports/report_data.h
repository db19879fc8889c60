#pragma once
// Figures the HTML and Markdown reports share, derived from the model only (counting, sorting,
// grouping; never analysis).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/model.h"

namespace rh {

struct LanguageSize {
  std::string language;
  int64_t files = 0;
  int64_t code = 0;
  int64_t functions = 0;
};

struct FunctionRef {
  const FileFacts* file = nullptr;
  const FunctionMetrics* function = nullptr;
};

struct RuleGroup {
  std::string rule_id;
  const RuleDescriptor* rule = nullptr;  ///< null when the model has no descriptor for it
  std::string severity;                  ///< the most severe of its findings
  std::vector<const Finding*> findings;  ///< unsuppressed, in model order
  int64_t suppressed = 0;
};

struct HistogramBin {
  std::string label;  ///< "1", "2–4", "51+"
  int64_t count = 0;
};

struct ReportData {
  std::string repository;  ///< a short name: the remote's last segment, or the scanned folder
  std::string revision_short;
  int64_t code_lines = 0;
  int64_t comment_lines = 0;
  int64_t functions = 0;
  std::vector<LanguageSize> languages;                  ///< most code first
  std::map<std::string, int64_t> findings_by_severity;  ///< unsuppressed: error, warning, note
  int64_t findings_open = 0;
  int64_t findings_suppressed = 0;
  int64_t findings_new = 0;  ///< baseline_state == "new"
  bool baseline_used = false;
  std::vector<RuleGroup> rule_groups;        ///< most severe first, then most findings
  std::vector<FunctionRef> worst_functions;  ///< highest cyclomatic first
  std::vector<HistogramBin> complexity_bins;
  std::map<std::string, int64_t> skipped_by_reason;
  int64_t parse_failures = 0;  ///< files with syntax errors or not parsed
};

ReportData report_data(const ScanResult& result, size_t worst_functions = 20);

/// Sum of the cyclomatic complexity of a file's functions.
int64_t file_complexity(const FileFacts& file);

/// Findings in the order a reader wants them: new first (when a baseline was used), then by
/// severity, then model order. Suppressed findings are left out.
std::vector<const Finding*> findings_for_reading(const ScanResult& result);

}  // namespace rh
