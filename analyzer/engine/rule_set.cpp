#include "engine/rule_set.h"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "core/classify.h"
#include "core/glob.h"
#include "engine/finding_builder.h"
#include "engine/suppression.h"

namespace rh {
namespace {

std::string join_lines(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "\n") + s;
  return out;
}

/// Replaces every `from` in `s`; a short `from` (a password like `db`) only where it stands
/// alone, not inside a longer word (`mariadb`).
void replace_all(std::string& s, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  const bool bounded = from.size() < 8;
  for (size_t at = s.find(from); at != std::string::npos;) {
    const size_t end = at + from.size();
    if (bounded && ((at > 0 && word(s[at - 1])) || (end < s.size() && word(s[end])))) {
      at = s.find(from, at + 1);
      continue;
    }
    s.replace(at, from.size(), to);
    at = s.find(from, at + to.size());
  }
}

}  // namespace

Result<std::unique_ptr<RuleSet>> RuleSet::build(const RuleCatalog& catalog, const Config& config,
                                                const SelectOptions& options) {
  // Every problem is reported at once: bad rule files, then bad config entries, then matchers
  // of the valid rules that do not compile.
  std::vector<std::string> errors = catalog.errors;
  auto selection = select_rules(catalog, config, options);
  if (!selection) {
    errors.push_back(selection.error().message);
    return Error{join_lines(errors)};
  }
  std::unique_ptr<RuleSet> set(new RuleSet());
  set->warnings_ = catalog.warnings;
  std::vector<std::pair<size_t, const Rule*>> by_kind[4];  // query, pattern, call, metric
  set->rules_.reserve(catalog.rules.size());
  std::vector<const Rule*> disabled_patterns;  // built-in: still in the (prebuilt) database
  for (size_t i = 0; i < catalog.rules.size(); ++i) {
    const RuleSelection& s = (*selection)[i];
    if (!s.enabled && catalog.rules[i].embedded && catalog.rules[i].descriptor.kind == "pattern")
      disabled_patterns.push_back(&catalog.rules[i]);
    if (!s.enabled) continue;
    Rule r = catalog.rules[i];
    r.descriptor.severity = s.severity;
    if (s.threshold) r.metric.threshold = *s.threshold;
    set->rules_.push_back(std::move(r));
    set->suppressions_.push_back(s.suppressions);
  }
  for (size_t i = 0; i < set->rules_.size(); ++i) {
    const Rule& r = set->rules_[i];
    const std::string& k = r.descriptor.kind;
    if (k == "query") by_kind[0].emplace_back(i, &r);
    if (k == "pattern") by_kind[1].emplace_back(i, &r);
    if (k == "call") by_kind[2].emplace_back(i, &r);
    if (k == "metric") set->metrics_.push_back({i, &r, r.metric.threshold});
  }
  set->queries_.build(by_kind[0], errors, set->notes_, options.compile_now);
  set->patterns_.build(by_kind[1], set->scratch_, errors, disabled_patterns);
  set->calls_.build(by_kind[2], set->scratch_, errors);
  if (!errors.empty()) return Error{join_lines(errors)};
  return set;
}

Result<std::unique_ptr<RuleSet>> RuleSet::load(const Config& config, const std::vector<std::string>& folders,
                                               const SelectOptions& options) {
  std::vector<std::string> all = config.rule_folders;
  all.insert(all.end(), folders.begin(), folders.end());
  return build(load_rules(all), config, options);
}

namespace {
/// A program run from the command line: a `#!` first line, or a Python main guard.
bool is_script(std::string_view content) {
  if (content.starts_with("#!")) return true;
  return content.find("if __name__ == \"__main__\"") != std::string_view::npos ||
         content.find("if __name__ == '__main__'") != std::string_view::npos;
}
}  // namespace

std::vector<bool> RuleSet::applicable(const FileInput& file) const {
  std::vector<bool> on(rules_.size(), false);
  for (size_t i = 0; i < rules_.size(); ++i) {
    const Rule& r = rules_[i];
    if (!applies_to_language(r.descriptor.languages, file.language)) continue;
    if (!r.include_paths.empty() &&
        std::none_of(r.include_paths.begin(), r.include_paths.end(), [&](const auto& g) { return glob_match(g, file.path); }))
      continue;
    if (std::any_of(r.exclude_paths.begin(), r.exclude_paths.end(), [&](const auto& g) { return glob_match(g, file.path); }))
      continue;
    if (!r.exclude_roles.empty()) {
      const std::string_view role = file.role.empty() ? kProductRole : file.role;
      if (std::find(r.exclude_roles.begin(), r.exclude_roles.end(), role) != r.exclude_roles.end()) continue;
    }
    if (r.exclude_scripts && is_script(file.content)) continue;
    on[i] = true;
  }
  return on;
}

Finding RuleSet::to_finding(const RawMatch& m, const FileInput& file, FileText& text) const {
  const Rule& rule = rules_[m.rule];
  Finding f;
  f.rule_id = rule.descriptor.id;
  // Where the file lives may cap the severity: a secret in a test fixture is a warning.
  f.severity = capped_severity(cap_role(file.path, file.role), rule.descriptor.tags, rule.descriptor.severity);
  f.path = std::string(file.path);
  f.start_line = m.start_line;
  f.start_column = m.start_column;
  f.end_line = m.end_line;
  f.end_column = m.end_column;
  if (f.end_line < f.start_line || (f.end_line == f.start_line && f.end_column <= f.start_column)) {
    f.end_line = f.start_line;
    f.end_column = static_cast<int64_t>(text.line(f.start_line).size()) + 1;
  }
  f.function = m.function_known ? m.function
                                : (file.facts ? enclosing_function(file.facts->functions, m.start_line) : "");
  f.arguments = message_arguments(rule.descriptor.message, [&](std::string_view key) -> std::optional<std::string> {
    for (const auto& [k, v] : m.vars)
      if (k == key) return v;
    if (key == "function") return f.function;
    return std::nullopt;
  });
  f.message = interpolate(rule.descriptor.message, f.arguments);
  const bool one_line = rule.descriptor.kind == "metric";
  f.snippet = make_snippet(text, f.start_line, one_line ? f.start_line : f.end_line);
  if (!m.secret.empty()) {
    replace_all(f.snippet, m.secret, redact_value(m.secret));
    replace_all(f.message, m.secret, redact_value(m.secret));
    for (auto& [key, value] : f.arguments) replace_all(value, m.secret, redact_value(m.secret));
  }
  f.fingerprint = finding_fingerprint(f.rule_id, m.matched, f.function);
  f.suppression = inline_suppression(text, f.start_line, f.rule_id);
  if (!f.suppression) f.suppression = config_suppression(suppressions_[m.rule], file.path);
  return f;
}

void RuleSet::match_raw(const FileInput& file, std::vector<RawMatch>& raw) const {
  FileText text(file.content);
  match_raw(file, text, raw);
}

void RuleSet::match_raw(const FileInput& file, FileText& text, std::vector<RawMatch>& raw) const {
  if (rules_.empty()) return;
  std::vector<bool> enabled = applicable(file);
  if (std::none_of(enabled.begin(), enabled.end(), [](bool b) { return b; })) return;
  auto scratch = scratch_.acquire();
  queries_.match(file, enabled, &scratch, raw);
  patterns_.match(file, text, enabled, &scratch, raw);
  calls_.match(file, enabled, scratch.get(), raw);
  match_metrics(file, metrics_, enabled, raw);
  std::sort(raw.begin(), raw.end(), [](const RawMatch& a, const RawMatch& b) {
    return std::tie(a.start_line, a.start_column, a.rule, a.end_line, a.end_column) <
           std::tie(b.start_line, b.start_column, b.rule, b.end_line, b.end_column);
  });
  // One match per rule and start position (two query patterns of a rule may match one node).
  raw.erase(std::unique(raw.begin(), raw.end(),
                        [](const RawMatch& a, const RawMatch& b) {
                          return a.rule == b.rule && a.start_line == b.start_line && a.start_column == b.start_column;
                        }),
            raw.end());
}

Finding RuleSet::finding_of(const RawMatch& m, const FileInput& file) const {
  FileText text(file.content);
  return to_finding(m, file, text);
}

void RuleSet::match_file(const FileInput& file, std::vector<Finding>& out) const {
  std::vector<RawMatch> raw;
  FileText text(file.content);
  match_raw(file, text, raw);
  for (const RawMatch& m : raw) out.push_back(to_finding(m, file, text));
}

void RuleSet::match_scan(const ScanResult& result, std::vector<Finding>& out) const {
  std::vector<ScanMatch> matches;
  match_scan_metrics(result, metrics_, matches);
  for (const ScanMatch& sm : matches) {
    const RawMatch& m = sm.match;
    const Rule& rule = rules_[m.rule];
    FileInput file{sm.path, {}, nullptr, nullptr, nullptr, {}};
    auto it = std::find_if(result.files.begin(), result.files.end(), [&](const FileFacts& f) { return f.path == sm.path; });
    const FileFacts* facts = it != result.files.end() ? &*it : nullptr;
    if (facts) file.language = find_language(facts->language);
    if (facts) file.role = facts->role;
    if (!applicable(file)[m.rule]) continue;
    if (rule.descriptor.kind == "metric" && is_machine_written(file.role)) continue;
    Finding f;
    f.rule_id = rule.descriptor.id;
    f.severity = capped_severity(cap_role(file.path, file.role), rule.descriptor.tags, rule.descriptor.severity);
    f.path = sm.path;
    f.start_line = m.start_line;
    f.start_column = m.start_column;
    f.end_line = m.end_line;
    f.end_column = m.end_column;
    f.function = facts ? enclosing_function(facts->functions, m.start_line) : "";
    f.arguments = message_arguments(rule.descriptor.message, [&](std::string_view key) -> std::optional<std::string> {
      for (const auto& [k, v] : m.vars)
        if (k == key) return v;
      return std::nullopt;
    });
    f.message = interpolate(rule.descriptor.message, f.arguments);
    f.fingerprint = finding_fingerprint(f.rule_id, m.matched, f.function);
    f.suppression = config_suppression(suppressions_[m.rule], f.path);
    out.push_back(std::move(f));
  }
}

size_t RuleSet::scan_patterns(std::string_view path, std::string_view content) const {
  FileInput file{path, content, nullptr, nullptr, nullptr, {}};
  std::vector<bool> enabled(rules_.size(), true);
  FileText text(content);
  auto scratch = scratch_.acquire();
  std::vector<RawMatch> raw;
  patterns_.match(file, text, enabled, &scratch, raw);
  return raw.size();
}

std::vector<Message> RuleSet::notes() const {
  std::vector<Message> out = notes_;
  for (auto& e : queries_.late_errors()) out.push_back(std::move(e));
  return out;
}

std::vector<RuleDescriptor> RuleSet::descriptors() const {
  std::vector<RuleDescriptor> out;
  for (const auto& r : rules_) out.push_back(r.descriptor);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

}  // namespace rh
