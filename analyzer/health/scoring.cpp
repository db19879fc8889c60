#include "health/scoring.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "core/classify.h"
#include "core/language.h"
#include "health/health.h"

namespace rh {
namespace {

// Maintainability (docs/scoring.md, "Maintainability").
constexpr double kComplexCognitive = 15;    ///< a function above this cognitive complexity is complex
constexpr double kComplexityFactor = 60, kComplexityCap = 30;
constexpr double kLargeFileLines = 1000;    ///< a file above this many code lines is large
constexpr double kSizeFactor = 30, kSizeCap = 15;
constexpr double kDuplicationFactor = 1, kDuplicationCap = 25;
constexpr double kLowMaintainability = 20;  ///< maintainability index below this is hard to maintain
constexpr double kMiFactor = 40, kMiCap = 20;
// Security: points per open finding by severity, times its rule's confidence factor; no one rule
// (or one check) takes more than kRuleCap, so none can take the dimension below 75 alone.
constexpr double kErrorPoints = 15, kWarningPoints = 5, kNotePoints = 1;
constexpr double kHighFactor = 1, kMediumFactor = 0.5, kLowFactor = 0;
constexpr double kRuleCap = 25;
// Knowledge.
constexpr double kKnowledgeLossFactor = 60, kKnowledgeLossCap = 30;

double round1(double v) { return std::round(v * 10) / 10; }

std::string fixed(double v, int decimals) {
  std::ostringstream o;
  o.precision(decimals);
  o << std::fixed << v;
  return o.str();
}

std::string percent(double share) { return fixed(100 * share, 1) + " %"; }

void add(DimensionScore& d, std::string name, std::string value, double points, std::string rule) {
  const double taken = round1(std::abs(points));
  d.inputs.push_back({std::move(name), std::move(value), taken == 0 ? 0.0 : -taken, std::move(rule)});
}

void finish(DimensionScore& d) {
  double s = 100;
  for (const auto& in : d.inputs) s += in.points;
  d.score = round1(std::clamp(s, 0.0, 100.0));
}

bool has_tag(const RuleDescriptor& r, const char* tag) {
  return std::find(r.tags.begin(), r.tags.end(), tag) != r.tags.end();
}

/// fail: the check's points; warn: half; anything else nothing (inconclusive noted as such).
void add_check(DimensionScore& d, const HealthCheck& c) {
  const CheckSpec* spec = find_check_spec(c.id);
  const double points = spec ? spec->points : 0;
  if (points == 0) return;
  const double taken = c.status == "fail" ? points : c.status == "warn" ? points / 2 : 0;
  add(d, c.id, c.status, taken,
      c.status == "inconclusive" ? "not counted: inconclusive"
                                 : "fail takes " + fixed(points, 0) + ", warn " + fixed(points / 2, 1));
}

}  // namespace

std::string grade_for(double score, const std::vector<double>& b) {
  static const char* grades[] = {"A", "B", "C", "D"};
  for (size_t i = 0; i < b.size() && i < 4; ++i)
    if (score >= b[i]) return grades[i];
  return "E";
}

DimensionScore score_maintainability(const ScanResult& r) {
  DimensionScore d;
  d.id = "maintainability";
  double fn_nloc = 0, complex_nloc = 0, code = 0, large = 0, mi_code = 0, low_mi = 0;
  int64_t complex_functions = 0, large_files = 0, low_mi_files = 0;
  for (const auto& f : r.files) {
    const LanguageInfo* lang = find_language(f.language);
    // Product code only: tests, fixtures, examples and docs are not the product; migrations and
    // generated code are nobody's to maintain (files[].role, docs/roles.md).
    if (!lang || lang->data || f.lines.code == 0 || f.role != kProductRole) continue;
    code += static_cast<double>(f.lines.code);
    if (static_cast<double>(f.lines.code) > kLargeFileLines) {
      large += static_cast<double>(f.lines.code);
      ++large_files;
    }
    if (f.maintainability_index) {
      mi_code += static_cast<double>(f.lines.code);
      if (*f.maintainability_index < kLowMaintainability) {
        low_mi += static_cast<double>(f.lines.code);
        ++low_mi_files;
      }
    }
    for (const auto& fn : f.functions) {
      fn_nloc += static_cast<double>(fn.nloc);
      if (static_cast<double>(fn.cognitive) > kComplexCognitive) {
        complex_nloc += static_cast<double>(fn.nloc);
        ++complex_functions;
      }
    }
  }
  if (code == 0) {
    d.reason = "no program code was analysed";
    return d;
  }
  const double complex_share = fn_nloc > 0 ? complex_nloc / fn_nloc : 0;
  add(d, "complexity", percent(complex_share) + " of function code in " + std::to_string(complex_functions) + " functions above cognitive 15",
      std::min(kComplexityCap, kComplexityFactor * complex_share), "60 x share, at most 30");
  const double large_share = large / code;
  add(d, "size", percent(large_share) + " of code in " + std::to_string(large_files) + " files over 1000 code lines",
      std::min(kSizeCap, kSizeFactor * large_share), "30 x share, at most 15");
  if (r.duplication.min_tokens > 0) {
    // Product code's share when the scan recorded it (facts files before roles did not).
    const Duplication& dup = r.duplication;
    const double dup_percent = dup.product_code_lines > 0 ? 100.0 * static_cast<double>(dup.product_duplicated_lines) /
                                                                static_cast<double>(dup.product_code_lines)
                                                          : dup.duplicated_percent;
    add(d, "duplication", fixed(dup_percent, 1) + " % duplicated lines",
        std::min(kDuplicationCap, kDuplicationFactor * dup_percent), "1 per percent, at most 25");
  }
  else
    add(d, "duplication", "not measured", 0, "not counted: clone detection did not run");
  const double low_share = mi_code > 0 ? low_mi / mi_code : 0;
  add(d, "maintainability_index", percent(low_share) + " of code in " + std::to_string(low_mi_files) + " files with an index below 20",
      std::min(kMiCap, kMiFactor * low_share), "40 x share, at most 20");
  finish(d);
  return d;
}

double severity_points(const std::string& severity) {
  return severity == "error" ? kErrorPoints : severity == "warning" ? kWarningPoints : severity == "note" ? kNotePoints : 0;
}

/// high counts fully, medium half, low not at all; a rule without a confidence counts fully.
double confidence_factor(const std::string& confidence) {
  return confidence == "medium" ? kMediumFactor : confidence == "low" ? kLowFactor : kHighFactor;
}

namespace {

/// Open findings of one security rule, by severity.
struct RuleCount {
  const RuleDescriptor* rule = nullptr;
  std::map<std::string, int64_t> by_severity;
};

std::string counts_text(const RuleCount& c) {
  std::string out;
  for (const char* sev : {"error", "warning", "note"}) {
    auto it = c.by_severity.find(sev);
    if (it == c.by_severity.end()) continue;
    out += (out.empty() ? "" : ", ") + std::to_string(it->second) + " " + sev;
  }
  return out + " open, confidence " + (c.rule->confidence.empty() ? "unknown" : c.rule->confidence);
}

const char* kFindingRule = "error 15, warning 5, note 1 each; x1 high, x0.5 medium, x0 low confidence; at most 25 per rule";

}  // namespace

DimensionScore score_security(const ScanResult& r, const std::vector<HealthCheck>& checks) {
  DimensionScore d;
  d.id = "security";
  std::map<std::string, const RuleDescriptor*> rules;
  for (const auto& rule : r.rules) rules[rule.id] = &rule;
  std::map<std::string, RuleCount> open;  // by rule id, so inputs come in id order
  for (const auto& f : r.findings) {
    auto it = rules.find(f.rule_id);
    if (f.suppression || it == rules.end() || it->second->kind == "repo") continue;
    if (!has_tag(*it->second, "security") || has_tag(*it->second, "secret")) continue;
    RuleCount& c = open[f.rule_id];
    c.rule = it->second;
    ++c.by_severity[f.severity];
  }
  bool judged = !r.files.empty();
  for (const auto& c : checks)
    if (c.dimension == "security" && (c.status == "pass" || c.status == "fail" || c.status == "warn")) judged = true;
  if (!judged) {
    d.reason = "nothing was analysed";
    return d;
  }
  if (open.empty()) add(d, "findings", "none open", 0, kFindingRule);
  for (const auto& [id, c] : open) {
    double points = 0;
    for (const auto& [sev, n] : c.by_severity) points += severity_points(sev) * static_cast<double>(n);
    const double factor = confidence_factor(c.rule->confidence);
    add(d, id, counts_text(c), std::min(kRuleCap, factor * points),
        factor == 0 ? std::string("not counted: low confidence") : std::string(kFindingRule));
  }
  // A security check takes its points times the confidence of the repo rule reporting it.
  for (const auto& c : checks) {
    if (c.dimension != "security") continue;
    const CheckSpec* spec = find_check_spec(c.id);
    const double full = spec ? spec->points : 0;
    if (full == 0) continue;
    auto rule = rules.find("repo." + c.id);
    const double factor = rule == rules.end() ? kHighFactor : confidence_factor(rule->second->confidence);
    const double taken = c.status == "fail" ? full : c.status == "warn" ? full / 2 : 0;
    std::string why = c.status == "inconclusive" ? "not counted: inconclusive"
                                                 : "fail takes " + fixed(full, 0) + ", warn " + fixed(full / 2, 1);
    if (factor != kHighFactor) why += "; x" + fixed(factor, 1) + " (" + rule->second->confidence + " confidence)";
    if (full * factor > kRuleCap) why += "; at most 25";
    add(d, c.id, c.status, std::min(kRuleCap, taken * factor), why);
  }
  finish(d);
  return d;
}

DimensionScore score_knowledge(const ScanResult& r) {
  DimensionScore d;
  d.id = "knowledge";
  if (!r.history) {
    d.reason = r.scan.source == "folder" ? "not a git repository" : "the git history was not analysed";
    return d;
  }
  const RepoHistory& h = r.history->repository;
  if (h.truck_factor.files == 0) {
    d.reason = "no file has an author in the history";
    return d;
  }
  const int64_t tf = h.truck_factor.value;
  add(d, "truck_factor", std::to_string(tf), tf <= 1 ? 40 : tf == 2 ? 20 : 0, "1 or less takes 40, 2 takes 20");
  add(d, "knowledge_loss", percent(h.knowledge_loss.line_share) + " of lines",
      std::min(kKnowledgeLossCap, kKnowledgeLossFactor * h.knowledge_loss.line_share), "60 x share, at most 30");
  const int64_t ef = h.elephant_factor;
  add(d, "elephant_factor", ef > 0 ? std::to_string(ef) : "unknown", ef == 1 ? 15 : ef == 2 ? 5 : 0,
      "1 takes 15, 2 takes 5");
  add(d, "active_authors", std::to_string(h.active_contributors), h.active_contributors == 0 ? 15 : 0,
      "none active in 12 months takes 15");
  finish(d);
  return d;
}

DimensionScore score_from_checks(const std::string& dimension, const std::vector<HealthCheck>& checks) {
  DimensionScore d;
  d.id = dimension;
  bool judged = false;
  for (const auto& c : checks)
    if (c.dimension == dimension) {
      add_check(d, c);
      if (c.status == "pass" || c.status == "fail" || c.status == "warn") judged = true;
    }
  if (!judged) {
    d.inputs.clear();
    d.reason = "no check could be judged (all inconclusive or not applicable)";
    return d;
  }
  finish(d);
  return d;
}

Scores score_health(const ScanResult& r, const HealthFacts& h, const ScoringConfig& config) {
  Scores s;
  s.boundaries = config.boundaries;
  s.dimensions = {score_maintainability(r), score_security(r, h.checks), score_knowledge(r),
                  score_from_checks("process", h.checks), score_from_checks("documentation", h.checks)};
  double total = 0, weights = 0;
  for (auto& d : s.dimensions) {
    auto w = config.weights.find(d.id);
    d.weight = w == config.weights.end() ? 1 : w->second;
    if (!d.score) continue;
    d.grade = grade_for(*d.score, config.boundaries);
    total += d.weight * *d.score;
    weights += d.weight;
  }
  if (weights > 0) {
    s.overall = round1(total / weights);
    s.overall_grade = grade_for(*s.overall, config.boundaries);
  }
  return s;
}

}  // namespace rh
