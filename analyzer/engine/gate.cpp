#include "engine/gate.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "history/changes.h"

namespace rh {
namespace {

bool open(const Finding& f) { return !f.suppression && f.baseline_state != "absent"; }

/// New-code information is present: --new-since, or a baseline that set baseline_state.
bool knows_new(const ScanResult& r) {
  if (r.new_code) return true;
  return std::any_of(r.findings.begin(), r.findings.end(), [](const Finding& f) { return !f.baseline_state.empty(); });
}

bool is_new(const Finding& f) { return f.baseline_state == "new"; }

/// Open and new: with a baseline, unchanged findings are suppressed; with --new-since they stay
/// open but are not new.
bool counts_as_new(const Finding& f) { return is_new(f) && !f.suppression; }

int confidence_rank(const std::string& c) { return c == "high" ? 3 : c == "medium" ? 2 : c == "low" ? 1 : 0; }

std::string list_text(const std::vector<std::string>& items, size_t most = 5) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < most; ++i) out += (out.empty() ? "" : ", ") + items[i];
  if (items.size() > most) out += fmt::format(" and {} more", items.size() - most);
  return out;
}

std::string number(double v) {
  std::string s = fmt::format("{:.1f}", v);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

void add(GateResult& g, std::string name, std::string actual, std::string threshold, bool passed, std::string detail) {
  g.conditions.push_back({std::move(name), std::move(actual), std::move(threshold), passed ? "passed" : "failed",
                          passed ? "" : std::move(detail)});
  if (!passed) g.passed = false;
}

void not_evaluated(GateResult& g, std::string name, std::string threshold, std::string why) {
  g.conditions.push_back({std::move(name), "", std::move(threshold), "not_evaluated", std::move(why)});
}

const char* kNoNewCode = "needs --new-since REF or --baseline FILE";

/// Functions that are new or whose lines changed, with their file.
std::vector<std::pair<const FunctionMetrics*, const FileFacts*>> changed_functions(const ScanResult& r) {
  std::vector<std::pair<const FunctionMetrics*, const FileFacts*>> out;
  std::unordered_map<std::string, const ChangedFile*> changed;
  for (const auto& c : r.new_code->files) changed.emplace(c.path, &c);
  for (const auto& f : r.files) {
    auto it = changed.find(f.path);
    if (it == changed.end()) continue;
    for (const auto& fn : f.functions)
      if (touches_changed_lines(*it->second, fn.start_line, fn.end_line)) out.emplace_back(&fn, &f);
  }
  return out;
}

void complexity_condition(GateResult& g, const ScanResult& r, const char* name, int64_t limit,
                          int64_t FunctionMetrics::*metric) {
  if (!r.new_code) return not_evaluated(g, name, std::to_string(limit), "needs --new-since REF");
  int64_t worst = 0;
  std::vector<std::string> over;
  for (const auto& [fn, file] : changed_functions(r)) {
    worst = std::max(worst, fn->*metric);
    if (fn->*metric > limit) over.push_back(fmt::format("{} ({}:{}, {})", fn->name, file->path, fn->start_line, fn->*metric));
  }
  add(g, name, std::to_string(worst), std::to_string(limit), over.empty(), list_text(over));
}

void duplication_condition(GateResult& g, const ScanResult& r, double limit) {
  const char* name = "max_new_duplication";
  if (!r.new_code) return not_evaluated(g, name, number(limit) + "%", "needs --new-since REF");
  std::map<std::string, std::set<int64_t>> cloned;  // path -> lines inside a clone
  for (const auto& group : r.duplication.groups)
    for (const auto& loc : group.locations)
      for (int64_t l = loc.start_line; l <= loc.end_line; ++l) cloned[loc.path].insert(l);
  int64_t changed = 0, duplicated = 0;
  for (const auto& c : r.new_code->files) {
    auto it = cloned.find(c.path);
    for (const auto& [a, b] : c.lines) {
      changed += b - a + 1;
      if (it != cloned.end())
        for (int64_t l = a; l <= b; ++l) duplicated += it->second.count(l);
    }
  }
  const double share = changed ? 100.0 * static_cast<double>(duplicated) / static_cast<double>(changed) : 0.0;
  add(g, name, number(share) + "%", number(limit) + "%", share <= limit,
      fmt::format("{} of {} changed lines are inside clones", duplicated, changed));
}

}  // namespace

GateConfig default_gate() {
  GateConfig g;
  g.max_new_findings["error"] = 0;
  g.no_new = {"security"};
  g.min_confidence = "high";  // only findings a reviewer can defend fail a build (docs/precision.md)
  return g;
}

GateResult evaluate_gate(const ScanResult& r, const GateConfig& gate, const std::string& source) {
  GateResult g;
  g.source = source;
  std::unordered_map<std::string, const RuleDescriptor*> rules;
  for (const auto& rule : r.rules) rules.emplace(rule.id, &rule);
  const bool have_new = knows_new(r);
  // The default gate judges every open finding when nothing tells new from old.
  const bool all_for_new = source == "default" && !have_new;
  // Findings of rules below the gate's confidence are not judged (a rule no longer loaded counts).
  auto confident = [&](const Finding& f) {
    if (gate.min_confidence.empty()) return true;
    auto it = rules.find(f.rule_id);
    return it == rules.end() || confidence_rank(it->second->confidence) >= confidence_rank(gate.min_confidence);
  };

  for (const auto& [sev, limit] : gate.max_findings) {
    std::vector<std::string> ids;
    for (const auto& f : r.findings)
      if (open(f) && f.severity == sev && confident(f)) ids.push_back(fmt::format("{} {}:{}", f.rule_id, f.path, f.start_line));
    add(g, "max_findings." + sev, std::to_string(ids.size()), std::to_string(limit),
        static_cast<int64_t>(ids.size()) <= limit, list_text(ids));
  }
  for (const auto& [sev, limit] : gate.max_new_findings) {
    const std::string name = std::string(all_for_new ? "max_findings." : "max_new_findings.") + sev;
    if (!have_new && !all_for_new) {
      not_evaluated(g, name, std::to_string(limit), kNoNewCode);
      continue;
    }
    std::vector<std::string> ids;
    for (const auto& f : r.findings)
      if (f.severity == sev && confident(f) && (all_for_new ? open(f) : counts_as_new(f)))
        ids.push_back(fmt::format("{} {}:{}", f.rule_id, f.path, f.start_line));
    add(g, name, std::to_string(ids.size()), std::to_string(limit), static_cast<int64_t>(ids.size()) <= limit,
        list_text(ids));
  }
  for (const auto& what : gate.no_new) {
    const std::string name = std::string(all_for_new ? "none." : "no_new.") + what;
    if (!have_new && !all_for_new) {
      not_evaluated(g, name, "0", kNoNewCode);
      continue;
    }
    std::vector<std::string> ids;
    for (const auto& f : r.findings) {
      if (!(all_for_new ? open(f) : counts_as_new(f)) || !confident(f)) continue;
      bool match = f.rule_id == what || f.rule_id.starts_with(what + ".");
      if (auto it = rules.find(f.rule_id); !match && it != rules.end())
        match = std::find(it->second->tags.begin(), it->second->tags.end(), what) != it->second->tags.end();
      if (match) ids.push_back(fmt::format("{} {}:{}", f.rule_id, f.path, f.start_line));
    }
    add(g, name, std::to_string(ids.size()), "0", ids.empty(), list_text(ids));
  }
  if (gate.max_new_cyclomatic)
    complexity_condition(g, r, "max_new_cyclomatic", *gate.max_new_cyclomatic, &FunctionMetrics::cyclomatic);
  if (gate.max_new_cognitive)
    complexity_condition(g, r, "max_new_cognitive", *gate.max_new_cognitive, &FunctionMetrics::cognitive);
  if (gate.max_new_duplication) duplication_condition(g, r, *gate.max_new_duplication);
  if (gate.min_truck_factor) {
    if (!r.history)
      not_evaluated(g, "min_truck_factor", std::to_string(*gate.min_truck_factor), "history was not analysed");
    else {
      const auto& tf = r.history->repository.truck_factor;
      add(g, "min_truck_factor", std::to_string(tf.value), std::to_string(*gate.min_truck_factor),
          tf.value >= *gate.min_truck_factor, "knowledge sits with " + list_text(tf.authors));
    }
  }
  for (const auto& [dimension, grade] : gate.min_grades) {
    const std::string name = "min_grades." + dimension;
    if (!r.health) {
      not_evaluated(g, name, grade, "the health checks did not run (--no-health)");
      continue;
    }
    const Scores& s = r.health->scores;
    std::string actual;
    std::string why;
    if (dimension == "overall") {
      actual = s.overall_grade;
      why = "no dimension could be rated";
    } else {
      for (const auto& d : s.dimensions)
        if (d.id == dimension) {
          actual = d.grade;
          why = d.reason;
        }
    }
    if (actual.empty()) {
      not_evaluated(g, name, grade, dimension + " is not rated: " + why);
      continue;
    }
    // Grades are letters A (best) to E: a grade passes when it is the limit or better.
    add(g, name, actual, grade, actual <= grade, dimension + " is graded " + actual + ", below " + grade);
  }
  return g;
}

void classify_new_findings(NewCode& nc, std::vector<Finding>& findings, const std::vector<Finding>& base_findings) {
  std::map<std::pair<std::string, std::string>, int> base;  // (rule, fingerprint) -> count
  for (const auto& f : base_findings) ++base[{f.rule_id, f.fingerprint}];
  std::unordered_map<std::string, const ChangedFile*> changed;
  for (const auto& c : nc.files) changed.emplace(c.path, &c);
  nc.new_findings = nc.unchanged_findings = 0;
  // Findings of changed files first match the merge base's (a moved finding is not new) ...
  std::vector<Finding*> unmatched;
  for (auto& f : findings) {
    auto it = changed.find(f.path);
    if (it == changed.end()) {
      f.baseline_state = "unchanged";
      ++nc.unchanged_findings;
      continue;
    }
    auto b = base.find({f.rule_id, f.fingerprint});
    if (b != base.end() && b->second > 0) {
      --b->second;
      f.baseline_state = "unchanged";
      ++nc.unchanged_findings;
    } else {
      unmatched.push_back(&f);
    }
  }
  // ... the rest are new where the change touched them (or the file is new).
  for (Finding* f : unmatched) {
    const bool touched = touches_changed_lines(*changed.at(f->path), f->start_line, f->end_line);
    f->baseline_state = touched ? "new" : "unchanged";
    ++(touched ? nc.new_findings : nc.unchanged_findings);
  }
  nc.absent_findings = 0;
  for (const auto& [key, n] : base) nc.absent_findings += n;
}

}  // namespace rh
