#include "reports/sarif_parts.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/rule_pages.h"

namespace rh {

using ojson = nlohmann::ordered_json;

namespace {

constexpr size_t kMaxTags = 20;  // GitHub shows at most 20 tags per rule

bool has_tag(const std::vector<std::string>& tags, const std::string& tag) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

/// The first paragraph of a Markdown description, as one line of plain text.
std::string first_paragraph(const std::string& markdown) {
  std::string out;
  size_t pos = 0;
  while (pos < markdown.size()) {
    size_t end = markdown.find('\n', pos);
    if (end == std::string::npos) end = markdown.size();
    std::string line = markdown.substr(pos, end - pos);
    pos = end + 1;
    size_t first = line.find_first_not_of(" \t>*-");
    if (first != std::string::npos && line[first] == '#') {  // a heading: not part of the text
      if (!out.empty()) break;
      continue;
    }
    if (first == std::string::npos) {
      if (!out.empty()) break;  // a blank line ends the paragraph
      continue;
    }
    if (!out.empty()) out += ' ';
    out += line.substr(first);
  }
  while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
  return out;
}

std::string problem_severity(const std::string& level) { return level == "note" ? "recommendation" : level; }

}  // namespace

int severity_rank(const std::string& s) {
  if (s == "error") return 3;
  if (s == "warning") return 2;
  if (s == "note") return 1;
  return 0;
}

std::string sarif_level(const std::string& s) {
  return s == "error" || s == "note" || s == "none" ? s : "warning";
}

std::string sarif_uri(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string rule_name(const std::string& id) {
  size_t dot = id.rfind('.');
  std::string last = dot == std::string::npos ? id : id.substr(dot + 1);
  std::string out;
  bool upper = true;
  for (unsigned char c : last) {
    if (!std::isalnum(c)) {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(c)) : static_cast<char>(c);
    upper = false;
  }
  return out.empty() ? "Rule" : out;
}

ojson rule_descriptor_json(const RuleDescriptor& rule, const std::string& docs_url) {
  const std::string title = rule.title.empty() ? rule.id : rule.title;
  const std::string full = rule.description.empty() ? title : first_paragraph(rule.description);
  const std::string help = rule.description.empty() ? title : rule.description;
  const std::string level = sarif_level(rule.severity);
  ojson d;
  d["id"] = rule.id;
  d["name"] = rule_name(rule.id);
  d["shortDescription"] = {{"text", title}};
  d["fullDescription"] = {{"text", full.empty() ? title : full}};
  d["help"] = {{"text", help}, {"markdown", help}};
  // Built-in ids are URL-safe; a user rule's id is percent-encoded like a path.
  d["helpUri"] = docs_base(docs_url) + sarif_uri(rule_pack(rule.id)) + ".md#" + sarif_uri(rule_page_anchor(rule.id));
  d["defaultConfiguration"] = {{"level", level}};
  std::vector<std::string> tags;
  for (const auto& t : rule.tags)
    if (!t.empty() && !has_tag(tags, t)) tags.push_back(t);
  // GitHub only counts security-severity on rules tagged "security".
  if (!rule.security_severity.empty() && !has_tag(tags, "security")) tags.insert(tags.begin(), "security");
  if (tags.size() > kMaxTags) tags.resize(kMaxTags);
  ojson props;
  props["tags"] = tags;
  if (!rule.confidence.empty()) props["precision"] = rule.confidence;  // SARIF's name for it
  props["problem.severity"] = problem_severity(level);
  if (!rule.security_severity.empty()) props["security-severity"] = rule.security_severity;
  d["properties"] = props;
  return d;
}

std::set<std::string> existing_paths(const ScanResult& result) {
  std::set<std::string> out;
  for (const auto& f : result.files) out.insert(f.path);
  for (const auto& s : result.skipped)
    if (s.reason != "submodule") out.insert(s.path);
  if (result.history)
    for (const auto& f : result.history->files) out.insert(f.path);
  return out;
}

std::string repository_anchor(const ScanResult& result, const std::set<std::string>& paths) {
  for (const char* name : {"README.md", "README", "README.rst", "README.txt", "readme.md", "Readme.md"})
    if (paths.count(name)) return name;
  if (!result.files.empty()) return result.files.front().path;
  return paths.empty() ? "" : *paths.begin();
}

std::vector<SkippedNotice> skipped_notices(const ScanResult& result) {
  std::vector<SkippedNotice> out;
  std::map<std::string, int64_t> others;
  // A file the scan already has a notification about (a missing object) is reported once.
  std::set<std::string> noted;
  for (const auto& n : result.notifications)
    if (!n.path.empty()) noted.insert(n.path);
  for (const auto& s : result.skipped) {
    if ((s.reason == "unreadable" || s.reason == "too_large") && noted.count(s.path)) continue;
    if (s.reason == "unreadable" || s.reason == "too_large") {
      std::string text = "Not analysed (" + s.reason + ")";
      if (!s.detail.empty()) text += ": " + s.detail;
      out.push_back({s.reason == "unreadable" ? "warning" : "note", text + ".", s.path});
    } else {
      others[s.reason]++;
    }
  }
  for (const auto& [reason, n] : others)
    out.push_back({"note",
                   std::to_string(n) + (n == 1 ? " file was" : " files were") + " not analysed (" + reason +
                       "); facts.json lists them.",
                   ""});
  return out;
}

}  // namespace rh
