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

/// One input: its value and the rule applied as messages of rules/health/messages/scoring.yml,
/// with their English renderings as the texts.
void add(DimensionScore& d, std::string name, Message value, double points, Message rule) {
  const double taken = round1(std::abs(points));
  std::string value_text = english(value), rule_text = english(rule);
  d.inputs.push_back({std::move(name), std::move(value_text), taken == 0 ? 0.0 : -taken, std::move(rule_text),
                      std::move(value), std::move(rule)});
}

/// A check's input: its value is the check's status (a report shows the status word).
void add_status(DimensionScore& d, const std::string& id, const std::string& status, double points, Message rule) {
  const double taken = round1(std::abs(points));
  std::string rule_text = english(rule);
  d.inputs.push_back({id, status, taken == 0 ? 0.0 : -taken, std::move(rule_text), {}, std::move(rule)});
}

void not_rated(DimensionScore& d, std::string key) {
  d.reason_message = msg(std::move(key));
  d.reason = english(d.reason_message);
}

/// The rule of a check: what a fail and a warning take, or that an inconclusive check is not counted.
Message check_rule(const std::string& status, double points) {
  if (status == "inconclusive") return msg("scoring.rule.inconclusive");
  return msg("scoring.rule.check", {decimal_arg("fail", points, 0), decimal_arg("warn", points / 2, 1)});
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
  add_status(d, c.id, c.status, taken, check_rule(c.status, points));
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
    not_rated(d, "scoring.reason.no_code");
    return d;
  }
  const double complex_share = fn_nloc > 0 ? complex_nloc / fn_nloc : 0;
  add(d, "complexity", msg("scoring.value.complexity", {percent_arg("share", complex_share, 1), int_arg("n", complex_functions)}),
      std::min(kComplexityCap, kComplexityFactor * complex_share), msg("scoring.rule.share", {int_arg("factor", 60), int_arg("cap", 30)}));
  const double large_share = large / code;
  add(d, "size", msg("scoring.value.size", {percent_arg("share", large_share, 1), int_arg("n", large_files)}),
      std::min(kSizeCap, kSizeFactor * large_share), msg("scoring.rule.share", {int_arg("factor", 30), int_arg("cap", 15)}));
  if (r.duplication.min_tokens > 0) {
    // Product code's share when the scan recorded it (facts files before roles did not).
    const Duplication& dup = r.duplication;
    const double dup_percent = dup.product_code_lines > 0 ? 100.0 * static_cast<double>(dup.product_duplicated_lines) /
                                                                static_cast<double>(dup.product_code_lines)
                                                          : dup.duplicated_percent;
    add(d, "duplication", msg("scoring.value.duplication", {percent_arg("share", dup_percent / 100, 1)}),
        std::min(kDuplicationCap, kDuplicationFactor * dup_percent), msg("scoring.rule.duplication"));
  }
  else
    add(d, "duplication", msg("scoring.value.not_measured"), 0, msg("scoring.rule.no_clones"));
  const double low_share = mi_code > 0 ? low_mi / mi_code : 0;
  add(d, "maintainability_index", msg("scoring.value.maintainability_index", {percent_arg("share", low_share, 1), int_arg("n", low_mi_files)}),
      std::min(kMiCap, kMiFactor * low_share), msg("scoring.rule.share", {int_arg("factor", 40), int_arg("cap", 20)}));
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

/// "2 error, 1 warning open, confidence high": a count per severity (0 when none) and the
/// severities present as a key ("scoring.value.open.error_warning").
Message counts_message(const RuleCount& c) {
  std::string present;
  std::vector<MessageArg> args;
  for (const char* sev : {"error", "warning", "note"}) {
    auto it = c.by_severity.find(sev);
    args.push_back(int_arg(sev, it == c.by_severity.end() ? 0 : it->second));
    if (it != c.by_severity.end()) present += (present.empty() ? "" : "_") + std::string(sev);
  }
  const std::string& confidence = c.rule->confidence;
  args.push_back(key_arg("confidence", "scoring.confidence." + (confidence.empty() ? std::string("unknown") : confidence)));
  return msg("scoring.value.open." + present, std::move(args));
}

Message finding_rule() { return msg("scoring.rule.findings"); }

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
    not_rated(d, "scoring.reason.nothing");
    return d;
  }
  if (open.empty()) add(d, "findings", msg("scoring.value.none_open"), 0, finding_rule());
  for (const auto& [id, c] : open) {
    double points = 0;
    for (const auto& [sev, n] : c.by_severity) points += severity_points(sev) * static_cast<double>(n);
    const double factor = confidence_factor(c.rule->confidence);
    add(d, id, counts_message(c), std::min(kRuleCap, factor * points),
        factor == 0 ? msg("scoring.rule.low_confidence") : finding_rule());
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
    Message why = check_rule(c.status, full);
    if (c.status != "inconclusive" && (factor != kHighFactor || full * factor > kRuleCap)) {
      const bool scaled = factor != kHighFactor, capped = full * factor > kRuleCap;
      why.key = std::string("scoring.rule.check") + (scaled ? "_scaled" : "") + (capped ? "_capped" : "");
      why.args.push_back(decimal_arg("factor", factor, 1));
      why.args.push_back(key_arg("confidence", "scoring.confidence." + (scaled ? rule->second->confidence : std::string("high"))));
    }
    add_status(d, c.id, c.status, std::min(kRuleCap, taken * factor), why);
  }
  finish(d);
  return d;
}

DimensionScore score_knowledge(const ScanResult& r) {
  DimensionScore d;
  d.id = "knowledge";
  if (!r.history) {
    not_rated(d, r.scan.source == "folder" ? "scoring.reason.not_git" : "scoring.reason.no_history");
    return d;
  }
  const RepoHistory& h = r.history->repository;
  if (h.truck_factor.files == 0) {
    not_rated(d, "scoring.reason.no_authors");
    return d;
  }
  const int64_t tf = h.truck_factor.value;
  add(d, "truck_factor", msg("scoring.value.number", {int_arg("n", tf)}), tf <= 1 ? 40 : tf == 2 ? 20 : 0,
      msg("scoring.rule.truck_factor"));
  add(d, "knowledge_loss", msg("scoring.value.lines", {percent_arg("share", h.knowledge_loss.line_share, 1)}),
      std::min(kKnowledgeLossCap, kKnowledgeLossFactor * h.knowledge_loss.line_share),
      msg("scoring.rule.share", {int_arg("factor", 60), int_arg("cap", 30)}));
  const int64_t ef = h.elephant_factor;
  add(d, "elephant_factor", ef > 0 ? msg("scoring.value.number", {int_arg("n", ef)}) : msg("scoring.value.unknown"),
      ef == 1 ? 15 : ef == 2 ? 5 : 0, msg("scoring.rule.elephant_factor"));
  add(d, "active_authors", msg("scoring.value.number", {int_arg("n", h.active_contributors)}), h.active_contributors == 0 ? 15 : 0,
      msg("scoring.rule.active_authors"));
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
    not_rated(d, "scoring.reason.no_check");
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
