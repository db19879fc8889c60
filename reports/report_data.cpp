#include "reports/report_data.h"

#include <algorithm>

#include "reports/sarif_parts.h"

namespace rh {
namespace {

std::string short_name(const ScanInfo& scan) {
  std::string s = scan.repository_uri.empty() ? scan.root : scan.repository_uri;
  while (!s.empty() && (s.back() == '/' || s.back() == '\\')) s.pop_back();
  if (s.size() > 4 && s.compare(s.size() - 4, 4, ".git") == 0) s.resize(s.size() - 4);
  size_t slash = s.find_last_of("/\\:");
  std::string name = slash == std::string::npos ? s : s.substr(slash + 1);
  return name.empty() || name == "." ? s : name;
}

struct BinEdge {
  int64_t low, high;  ///< inclusive; high < 0 = open
  const char* label;
};
const BinEdge kBins[] = {{1, 1, "1"},       {2, 4, "2–4"},     {5, 7, "5–7"},
                         {8, 10, "8–10"},   {11, 15, "11–15"}, {16, 20, "16–20"},
                         {21, 30, "21–30"}, {31, 50, "31–50"}, {51, -1, "51+"}};

}  // namespace

int64_t file_complexity(const FileFacts& file) {
  int64_t sum = 0;
  for (const auto& fn : file.functions) sum += fn.cyclomatic;
  return sum;
}

ReportData report_data(const ScanResult& r, size_t worst_n) {
  ReportData d;
  d.repository = short_name(r.scan);
  d.revision_short = r.scan.revision.substr(0, 12);
  std::map<std::string, LanguageSize> langs;
  std::vector<FunctionRef> all;
  for (auto& b : kBins) d.complexity_bins.push_back({b.label, 0});
  for (const auto& f : r.files) {
    auto& l = langs[f.language];
    l.language = f.language;
    l.files++;
    l.code += f.lines.code;
    l.functions += static_cast<int64_t>(f.functions.size());
    d.code_lines += f.lines.code;
    d.comment_lines += f.lines.comment;
    d.functions += static_cast<int64_t>(f.functions.size());
    if (f.parse_errors > 0) d.parse_failures++;
    for (const auto& fn : f.functions) {
      all.push_back({&f, &fn});
      for (size_t k = 0; k < std::size(kBins); ++k)
        if (fn.cyclomatic >= kBins[k].low && (kBins[k].high < 0 || fn.cyclomatic <= kBins[k].high))
          d.complexity_bins[k].count++;
    }
  }
  for (auto& [_, l] : langs) d.languages.push_back(l);
  std::stable_sort(d.languages.begin(), d.languages.end(),
                   [](const auto& a, const auto& b) { return a.code > b.code; });
  std::stable_sort(all.begin(), all.end(), [](const FunctionRef& a, const FunctionRef& b) {
    if (a.function->cyclomatic != b.function->cyclomatic)
      return a.function->cyclomatic > b.function->cyclomatic;
    return a.function->cognitive > b.function->cognitive;
  });
  if (all.size() > worst_n) all.resize(worst_n);
  d.worst_functions = std::move(all);

  std::map<std::string, RuleGroup> groups;
  std::map<std::string, const RuleDescriptor*> rules;
  for (const auto& rule : r.rules) rules[rule.id] = &rule;
  for (const auto& f : r.findings) {
    if (!f.baseline_state.empty()) d.baseline_used = true;
    auto& g = groups[f.rule_id];
    g.rule_id = f.rule_id;
    if (f.suppression) {
      d.findings_suppressed++;
      g.suppressed++;
      continue;
    }
    d.findings_open++;
    d.findings_by_severity[f.severity]++;
    if (f.baseline_state == "new") d.findings_new++;
    g.findings.push_back(&f);
    if (severity_rank(f.severity) > severity_rank(g.severity)) g.severity = f.severity;
  }
  for (auto& [id, g] : groups) {
    auto it = rules.find(id);
    g.rule = it == rules.end() ? nullptr : it->second;
    if (g.severity.empty() && g.rule) g.severity = g.rule->severity;
    d.rule_groups.push_back(std::move(g));
  }
  std::stable_sort(d.rule_groups.begin(), d.rule_groups.end(), [](const RuleGroup& a, const RuleGroup& b) {
    if (severity_rank(a.severity) != severity_rank(b.severity))
      return severity_rank(a.severity) > severity_rank(b.severity);
    return a.findings.size() > b.findings.size();
  });
  for (const auto& s : r.skipped) d.skipped_by_reason[s.reason]++;
  return d;
}

std::vector<const Finding*> findings_for_reading(const ScanResult& r) {
  std::vector<const Finding*> out;
  for (const auto& f : r.findings)
    if (!f.suppression) out.push_back(&f);
  std::stable_sort(out.begin(), out.end(), [](const Finding* a, const Finding* b) {
    bool an = a->baseline_state == "new", bn = b->baseline_state == "new";
    if (an != bn) return an;
    return severity_rank(a->severity) > severity_rank(b->severity);
  });
  return out;
}

}  // namespace rh
