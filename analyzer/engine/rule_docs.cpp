#include "engine/rule_docs.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/rule_pages.h"
#include "core/safe_output.h"

namespace rh {
namespace {

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string languages(const Rule& r) {
  return r.descriptor.languages.empty() ? "any file" : join(r.descriptor.languages, ", ");
}

std::string matcher(const Rule& r) {
  const std::string& k = r.descriptor.kind;
  if (k == "query") return "```scheme\n" + r.query.source + (r.query.source.ends_with('\n') ? "" : "\n") + "```\n";
  if (k == "pattern") {
    std::string s = "Regular expression: `` " + r.pattern.regex + " ``";
    if (r.pattern.min_entropy > 0) s += "; value entropy at least " + std::to_string(r.pattern.min_entropy).substr(0, 4) + " bits per character";
    if (r.pattern.skip_placeholders) s += "; placeholders (`changeme`, `${VAR}`, `<password>`…) are not reported";
    return s + ".\n";
  }
  if (k == "call") {
    std::string s = "Calls to `" + join(r.call.callees, "`, `") + "`";
    for (const auto& a : r.call.arguments) {
      std::string which = a.index >= 0 ? "argument " + std::to_string(a.index + 1) : "keyword `" + a.keyword + "`";
      std::vector<std::string> conds;
      if (a.present) conds.push_back(*a.present ? "present" : "absent");
      if (a.literal) conds.push_back(*a.literal ? "a literal" : "not a literal");
      if (!a.equals.empty()) conds.push_back("one of `" + join(a.equals, "`, `") + "`");
      if (!a.matches.empty()) conds.push_back("matching `" + a.matches + "`");
      s += "; " + which + " " + join(conds, " and ");
    }
    return s + ".\n";
  }
  if (k == "metric") {
    std::ostringstream t;
    t << r.metric.threshold;
    return "`" + r.metric.metric + "` above " + t.str() + " (configurable: `thresholds: {" + r.metric.metric +
           ": N}` or `rules: {" + r.descriptor.id + ": {threshold: N}}`).\n";
  }
  if (k == "repo") return "Repository check `" + r.repo_check + "` (analyzer/health).\n";
  return "";
}

std::string page(const std::string& pack, const std::vector<const Rule*>& rules) {
  std::string out = std::string(kRuleDocsMarker) + "\n\n# Rules: " + pack + "\n\n";
  out += "| id | title | severity | confidence | kind | state |\n| --- | --- | --- | --- | --- | --- |\n";
  for (const Rule* r : rules)
    out += "| [" + r->descriptor.id + "](#" + rule_page_anchor(r->descriptor.id) + ") | " + r->descriptor.title + " | " +
           r->descriptor.severity + " | " + r->descriptor.confidence + " | " + r->descriptor.kind + " | " +
           r->descriptor.state + " |\n";
  for (const Rule* r : rules) {
    const RuleDescriptor& d = r->descriptor;
    out += "\n## " + d.id + "\n\n**" + d.title + "**\n\n";
    out += "- severity: " + d.severity + (d.security_severity.empty() ? "" : " (security severity " + d.security_severity + ")") + "\n";
    out += "- kind: " + d.kind + "; languages: " + languages(*r) + "\n";
    out += "- state: " + d.state + "; confidence: " + d.confidence + "\n";
    out += "- tags: " + join(d.tags, ", ") + "\n";
    if (!r->include_paths.empty()) out += "- only in: `" + join(r->include_paths, "`, `") + "`\n";
    if (!r->exclude_paths.empty()) out += "- not in: `" + join(r->exclude_paths, "`, `") + "`\n";
    if (!r->exclude_roles.empty()) out += "- not in files of role: `" + join(r->exclude_roles, "`, `") + "` (docs/roles.md)\n";
    out += "- message: " + d.message + "\n";
    if (auto da = d.translations.find("da"); da != d.translations.end())
      out += "- Dansk: **" + da->second.title + "**; besked: " + da->second.message + "\n";
    out += "\n";
    std::string desc = d.description;
    for (size_t at = desc.find("\n### "); at != std::string::npos; at = desc.find("\n### ", at + 6))
      desc.insert(at + 1, "#");  // nest the description's headings under the rule's
    out += desc + "\n#### Matcher\n\n" + matcher(*r);
  }
  return out;
}

}  // namespace

std::map<std::string, std::string> render_rule_docs(const std::vector<Rule>& rules) {
  std::map<std::string, std::vector<const Rule*>> packs;
  for (const auto& r : rules) packs[rule_pack(r.descriptor.id)].push_back(&r);
  std::map<std::string, std::string> out;
  std::string index = std::string(kRuleDocsMarker) + "\n\n# Rule reference\n\n" + std::to_string(rules.size()) +
                      " rules. Each rule is a YAML file under `rules/<pack>/<category>/` with its fixture beside "
                      "it; the format is in [docs/rules.md](../rules.md).\n\n";
  index += "| pack | rules |\n| --- | --- |\n";
  for (const auto& [pack, list] : packs) index += "| [" + pack + "](" + pack + ".md) | " + std::to_string(list.size()) + " |\n";
  index += "\n| id | severity | confidence | kind | state | languages |\n| --- | --- | --- | --- | --- | --- |\n";
  for (const auto& [pack, list] : packs)
    for (const Rule* r : list)
      index += "| [" + r->descriptor.id + "](" + pack + ".md#" + rule_page_anchor(r->descriptor.id) + ") | " + r->descriptor.severity +
               " | " + r->descriptor.confidence + " | " + r->descriptor.kind + " | " + r->descriptor.state + " | " +
               languages(*r) + " |\n";
  out["README.md"] = index;
  for (const auto& [pack, list] : packs) out[pack + ".md"] = page(pack, list);
  return out;
}

Result<std::vector<std::string>> write_rule_docs(const std::vector<Rule>& rules, const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Error{dir + ": cannot create folder: " + ec.message()};
  auto pages = render_rule_docs(rules);
  for (const auto& entry : fs::directory_iterator(dir, ec)) {  // pages of packs that are gone
    std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".md" || pages.count(name)) continue;
    std::ifstream in(entry.path());
    std::string first;
    std::getline(in, first);
    if (first == kRuleDocsMarker) fs::remove(entry.path(), ec);
  }
  auto folder = open_output_folder(dir);
  if (!folder) return folder.error();
  std::vector<std::string> written;
  for (const auto& [name, text] : pages) {
    auto path = write_file_atomically(*folder, name, text);
    if (!path) return path.error();
    written.push_back(*path);
  }
  return written;
}

}  // namespace rh
