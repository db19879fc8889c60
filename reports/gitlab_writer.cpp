// GitLab Code Quality report (gl-code-quality-report.json, the Code Climate issue subset GitLab
// reads from `artifacts: reports: codequality`): a JSON array with one issue per open finding
// (not suppressed, not absent from the code), each with `description`, `check_name`, a unique
// and stable `fingerprint`, `severity`, `categories` and a repository-relative `location`.
#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "reports/sarif_parts.h"
#include "reports/sha256.h"
#include "reports/writers.h"
#include "core/text.h"

namespace rh {
namespace {

using ojson = nlohmann::ordered_json;

/// Versioned, so a change of the fingerprint recipe is a deliberate break, not an accident.
constexpr std::string_view kFingerprintVersion = "repohealth-gitlab/v1";

/// Code Climate categories for rule tags and rule id segments (lower case). A `CWE-*` tag on a
/// rule that is not tagged `security` (debug code, swallowed errors) counts as "Bug Risk".
struct TagCategory {
  std::string_view tag;
  std::string_view category;
};
constexpr TagCategory kCategories[] = {
    {"security", "Security"},       {"secret", "Security"},         {"secrets", "Security"},
    {"duplication", "Duplication"}, {"complexity", "Complexity"},   {"hygiene", "Style"},
    {"style", "Style"},             {"performance", "Performance"}, {"reliability", "Bug Risk"},
    {"correctness", "Bug Risk"},    {"bug", "Bug Risk"},            {"compatibility", "Compatibility"},
    {"portability", "Compatibility"}, {"clarity", "Clarity"},       {"readability", "Clarity"},
    {"documentation", "Clarity"},   {"health", "Clarity"},
};
/// Used only when no tag above matched: broad tags that more specific ones refine.
constexpr TagCategory kFallbackCategories[] = {{"maintainability", "Complexity"}};
constexpr std::string_view kDefaultCategory = "Bug Risk";

/// The rule's tags (and `security` for a rule with a security severity) plus the segments of
/// its id between language and name ("python.security.subprocess-shell" -> "security"), so a
/// finding whose rule has no descriptor in the model is still categorised. Lower case.
std::vector<std::string> finding_tags(const Finding& f, const RuleDescriptor* rule) {
  std::vector<std::string> tags;
  if (rule) {
    for (const auto& t : rule->tags) tags.push_back(ascii_lower(t));
    if (!rule->security_severity.empty()) tags.push_back("security");  // as in SARIF
  }
  size_t first = f.rule_id.find('.'), last = f.rule_id.rfind('.');
  if (first != std::string::npos && last > first) {
    std::string middle = f.rule_id.substr(first + 1, last - first - 1);
    size_t pos = 0;
    while (pos <= middle.size()) {
      size_t dot = std::min(middle.find('.', pos), middle.size());
      tags.push_back(ascii_lower(middle.substr(pos, dot - pos)));
      pos = dot + 1;
    }
  }
  return tags;
}

bool has(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::vector<std::string> categories(const std::vector<std::string>& tags) {
  std::vector<std::string> out;
  auto add = [&](std::string_view c) {
    if (!has(out, c)) out.emplace_back(c);
  };
  const bool security = has(tags, "security");
  for (const auto& t : tags) {
    if (t.starts_with("cwe-") && !security) add("Bug Risk");
    for (const auto& m : kCategories)
      if (t == m.tag) add(m.category);
  }
  if (out.empty())
    for (const auto& t : tags)
      for (const auto& m : kFallbackCategories)
        if (t == m.tag) add(m.category);
  if (out.empty()) add(kDefaultCategory);
  return out;
}

/// error -> critical, warning -> major, note -> minor; a note tagged `hygiene` (a TODO, a print
/// call) -> info. `blocker` is left to GitLab users' own judgement: no rule is that sure.
std::string gitlab_severity(const Finding& f, const std::vector<std::string>& tags) {
  if (f.severity == "error") return "critical";
  if (f.severity == "note") return has(tags, "hygiene") ? "info" : "minor";
  return "major";  // warning, and anything unknown (as the SARIF writer does)
}

std::string hex(const std::array<uint8_t, 32>& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (uint8_t b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

/// SHA-256 of rule id, path and repohealth's own fingerprint (rule, normalised matched text,
/// enclosing function: no line number, so it survives edits elsewhere in the file), plus an
/// occurrence counter for findings that share all three. Line and message stand in for a
/// finding without a fingerprint. Unique within the report: `taken` holds the ones given out.
std::string issue_fingerprint(const Finding& f, std::map<std::string, int>& occurrences,
                              std::set<std::string>& taken) {
  std::string key(kFingerprintVersion);
  for (const std::string& part : {f.rule_id, f.path,
                                  f.fingerprint.empty() ? std::to_string(f.start_line) + ":" + f.message
                                                        : f.fingerprint}) {
    key += '\0';
    key += part;
  }
  int& n = occurrences[key];
  std::string digest;
  do {
    digest = hex(sha256(key + '\0' + std::to_string(n++)));
  } while (!taken.insert(digest).second);
  return digest;
}

bool is_open(const Finding& f) { return !f.suppression && f.baseline_state != "absent"; }

}  // namespace

std::string render_gitlab(const ScanResult& result, const ReportOptions&) {
  std::map<std::string, const RuleDescriptor*> rules;
  for (const auto& r : result.rules) rules[r.id] = &r;
  const std::set<std::string> paths = existing_paths(result);
  std::map<std::string, int> occurrences;
  std::set<std::string> taken;

  ojson issues = ojson::array();
  for (const Finding& f : result.findings) {
    if (!is_open(f)) continue;
    // A repository-level finding naming no existing file is shown where the SARIF writer shows
    // it (README.md or the first file, line 1), so GitLab's link leads somewhere.
    const bool relocated = f.path.empty() || !paths.count(f.path);
    std::string path = relocated ? repository_anchor(result, paths) : f.path;
    if (path.empty()) path = f.path;
    if (path.empty()) continue;  // no file at all to point at
    auto rule = rules.find(f.rule_id);
    const std::vector<std::string> tags = finding_tags(f, rule == rules.end() ? nullptr : rule->second);
    const int64_t begin = relocated ? 1 : std::max<int64_t>(1, f.start_line);
    const int64_t end = relocated ? 1 : std::max(begin, f.end_line);

    ojson issue;
    issue["type"] = "issue";
    issue["description"] = f.message.empty() ? f.rule_id : f.message;
    issue["check_name"] = f.rule_id;
    issue["fingerprint"] = issue_fingerprint(f, occurrences, taken);
    issue["severity"] = gitlab_severity(f, tags);
    issue["categories"] = categories(tags);
    issue["location"] = {{"path", path}, {"lines", {{"begin", begin}, {"end", end}}}};
    issue["engine_name"] = "repohealth";
    issues.push_back(std::move(issue));
  }
  return issues.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace rh
