#include "engine/metric_rules.h"

#include <cmath>
#include <cstdint>

#include "core/classify.h"

namespace rh {
namespace {

struct FunctionMetricRow {
  const char* name;
  int64_t FunctionMetrics::*field;
  const char* label;
};
const FunctionMetricRow kFunctionMetrics[] = {
    {"function.nloc", &FunctionMetrics::nloc, "lines of code"},
    {"function.cyclomatic", &FunctionMetrics::cyclomatic, "cyclomatic complexity"},
    {"function.cognitive", &FunctionMetrics::cognitive, "cognitive complexity"},
    {"function.params", &FunctionMetrics::params, "parameters"},
    {"function.max_nesting", &FunctionMetrics::max_nesting, "nesting depth"},
    {"function.tokens", &FunctionMetrics::tokens, "tokens"},
};

struct FileMetricRow {
  const char* name;
  int64_t (*value)(const FileFacts&);
  const char* label;
};
const FileMetricRow kFileMetrics[] = {
    {"file.nloc", [](const FileFacts& f) { return f.lines.code; }, "lines of code"},
    {"file.lines", [](const FileFacts& f) { return f.lines.total; }, "lines"},
    {"file.functions", [](const FileFacts& f) { return static_cast<int64_t>(f.functions.size()); }, "functions"},
};

/// The innermost function of FUNCTIONS (in source order) that holds functions[i], or -1.
int64_t enclosing(const std::vector<FunctionMetrics>& functions, size_t i) {
  const FunctionMetrics& f = functions[i];
  for (size_t j = i; j-- > 0;) {
    const FunctionMetrics& g = functions[j];
    if (g.start_line <= f.start_line && f.end_line <= g.end_line) return static_cast<int64_t>(j);
  }
  return -1;
}

std::string number(double d) {
  if (std::floor(d) == d) return std::to_string(static_cast<int64_t>(d));
  std::string s = std::to_string(d);
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

}  // namespace

constexpr const char* kCloneLines = "clone.lines";

const std::vector<std::string>& metric_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& r : kFunctionMetrics) out.push_back(r.name);
    for (const auto& r : kFileMetrics) out.push_back(r.name);
    out.push_back(kCloneLines);
    return out;
  }();
  return names;
}

bool is_scan_metric(const std::string& name) { return name == kCloneLines; }

void match_scan_metrics(const ScanResult& result, const std::vector<MetricRule>& rules, std::vector<ScanMatch>& out) {
  for (const MetricRule& mr : rules) {
    if (mr.spec->metric.metric != kCloneLines) continue;
    for (const CloneGroup& g : result.duplication.groups) {
      if (static_cast<double>(g.lines) <= mr.threshold) continue;
      for (size_t i = 0; i < g.locations.size(); ++i) {
        const CloneLocation& at = g.locations[i];
        std::string others, key = std::to_string(g.tokens);
        for (size_t k = 0; k < g.locations.size(); ++k) {
          key += "|" + g.locations[k].path;  // paths, not lines: stable across edits above
          if (k == i) continue;
          if (!others.empty()) others += ", ";
          others += g.locations[k].path + ":" + std::to_string(g.locations[k].start_line);
        }
        ScanMatch m;
        m.path = at.path;
        m.match.rule = mr.rule;
        m.match.start_line = at.start_line;
        m.match.start_column = 1;
        m.match.end_line = at.end_line;
        m.match.end_column = 1;
        m.match.matched = key;
        m.match.vars = {{"name", at.path},
                        {"value", std::to_string(at.end_line - at.start_line + 1)},
                        {"threshold", number(mr.threshold)},
                        {"tokens", std::to_string(g.tokens)},
                        {"others", others}};
        out.push_back(std::move(m));
      }
    }
  }
}

void match_metrics(const FileInput& file, const std::vector<MetricRule>& rules, const std::vector<bool>& enabled,
                   std::vector<RawMatch>& out) {
  // Migrations and generated code are nobody's to simplify: no maintainability findings.
  if (!file.facts || is_machine_written(file.role)) return;
  for (const MetricRule& mr : rules) {
    if (!enabled[mr.rule] || is_scan_metric(mr.spec->metric.metric)) continue;
    const std::string& metric = mr.spec->metric.metric;
    auto add = [&](int64_t value, const char* label, int64_t start, int64_t end, const std::string& function) {
      if (static_cast<double>(value) <= mr.threshold) return;
      RawMatch m;
      m.rule = mr.rule;
      m.start_line = start;
      m.start_column = 1;
      m.end_line = end;
      m.end_column = 1;
      m.matched = metric + ":" + function;
      m.function = function;
      m.function_known = true;
      m.vars = {{"name", function.empty() ? std::string(file.path) : function},
                {"value", std::to_string(value)},
                {"threshold", number(mr.threshold)},
                {"metric", label}};
      out.push_back(std::move(m));
    };
    const auto& functions = file.facts->functions;
    for (const auto& row : kFunctionMetrics) {
      if (metric != row.name || !file.facts->parsed) continue;
      for (size_t i = 0; i < functions.size(); ++i) {
        const FunctionMetrics& fn = functions[i];
        // A nested function's cognitive increments are also its enclosing function's: when that
        // one is reported, the nested one is not reported a second time for the same code.
        if (row.field == &FunctionMetrics::cognitive && fn.nested) {
          const int64_t parent = enclosing(functions, i);
          if (parent >= 0 && static_cast<double>(functions[static_cast<size_t>(parent)].cognitive) > mr.threshold)
            continue;
        }
        add(fn.*row.field, row.label, fn.start_line, fn.start_line, fn.name);
      }
    }
    for (const auto& row : kFileMetrics)
      if (metric == row.name) add(row.value(*file.facts), row.label, 1, 1, "");
  }
}

}  // namespace rh
