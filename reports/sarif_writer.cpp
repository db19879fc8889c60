// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, the rules that ran
// (or produced a result) as reportingDescriptors, one result per finding with a repository-
// relative location, GitHub's line hash and repohealth's own fingerprint, suppressions and
// baseline state; the files that were not analysed as tool execution notifications.
// GitHub's limits are respected: 25 000 results (the most severe kept) and 25 000 rules per run.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "reports/line_hash.h"
#include "reports/sarif_parts.h"
#include "reports/writers.h"

namespace rh {
namespace {

using ojson = nlohmann::ordered_json;

constexpr size_t kMaxResults = 25000;
constexpr size_t kMaxRules = 25000;

/// The bytes of the files results point at, read once each through ReportOptions::read_source.
class SourceFiles {
 public:
  explicit SourceFiles(const SourceReader& reader) : reader_(reader) {}

  struct File {
    std::vector<std::string> lines;   ///< without line ends
    std::vector<std::string> hashes;  ///< primaryLocationLineHash per line
  };

  const File* get(const std::string& path) {
    if (!reader_) return nullptr;
    auto it = files_.find(path);
    if (it == files_.end()) {
      std::optional<File> file;
      if (auto bytes = reader_(path)) {
        file.emplace();
        file->hashes = line_hashes(*bytes);
        file->lines = split_lines(*bytes);
      }
      it = files_.emplace(path, std::move(file)).first;
    }
    return it->second ? &*it->second : nullptr;
  }

 private:
  static std::vector<std::string> split_lines(std::string_view s) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\n' || s[i] == '\r') {
        out.emplace_back(s.substr(start, i - start));
        if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
        start = i + 1;
      }
    }
    out.emplace_back(s.substr(start));
    return out;
  }

  const SourceReader& reader_;
  std::map<std::string, std::optional<File>> files_;
};

ojson artifact_location(const std::string& path) {
  return {{"uri", sarif_uri(path)}, {"uriBaseId", kSrcRootBase}};
}

/// Region with UTF-16 columns (SARIF's default column kind) when the file can be read; the
/// model's byte columns otherwise (the same for ASCII lines).
ojson region_json(const Finding& f, const SourceFiles::File* file) {
  int64_t start_line = std::max<int64_t>(1, f.start_line);
  int64_t end_line = std::max(start_line, f.end_line);
  int64_t start_col = std::max<int64_t>(1, f.start_column);
  int64_t end_col = f.end_column;
  auto line_text = [&](int64_t line) -> const std::string* {
    if (!file || line < 1 || line > static_cast<int64_t>(file->lines.size())) return nullptr;
    return &file->lines[static_cast<size_t>(line - 1)];
  };
  if (const std::string* l = line_text(start_line)) start_col = utf16_column(*l, start_col);
  if (const std::string* l = line_text(end_line)) {
    end_col = end_col > 0 ? utf16_column(*l, end_col) : static_cast<int64_t>(utf8_to_utf16(*l).size()) + 1;
  }
  ojson r;
  r["startLine"] = start_line;
  r["startColumn"] = start_col;
  r["endLine"] = end_line;
  if (end_col > 0) {
    if (end_line == start_line && end_col <= start_col) end_col = start_col + 1;
    r["endColumn"] = end_col;
  }
  std::string snippet = f.snippet;
  if (snippet.empty() && file) {
    for (int64_t l = start_line; l <= std::min(end_line, start_line + 9); ++l)
      if (const std::string* t = line_text(l)) snippet += *t + "\n";
  }
  if (!snippet.empty()) r["snippet"] = {{"text", snippet}};
  return r;
}

/// A few lines around the region, for viewers that show context (SARIF2011). It must be a
/// proper superset of the region (SARIF1008): none for regions longer than 20 lines, which
/// carry their own context, nor when the region already spans the whole file.
std::optional<ojson> context_region(int64_t start_line, int64_t end_line, const SourceFiles::File* file) {
  if (!file || file->lines.empty() || end_line - start_line > 20) return std::nullopt;
  int64_t n = static_cast<int64_t>(file->lines.size());
  int64_t from = std::clamp<int64_t>(start_line - 2, 1, n);
  int64_t to = std::clamp<int64_t>(end_line + 2, from, n);
  if (from >= start_line && to <= end_line) return std::nullopt;
  std::string text;
  for (int64_t l = from; l <= to; ++l) text += file->lines[static_cast<size_t>(l - 1)] + "\n";
  return ojson{{"startLine", from}, {"endLine", to}, {"snippet", {{"text", text}}}};
}

/// Lines of each file where a secret rule reported a secret: no text read again from the file
/// around them (region snippet, contextRegion) goes into the log, whatever finding it is for.
using SecretLines = std::map<std::string, std::set<int64_t>>;

bool touches_secret(const SecretLines& secrets, const std::string& path, int64_t from, int64_t to) {
  auto it = secrets.find(path);
  if (it == secrets.end()) return false;
  auto line = it->second.lower_bound(from);
  return line != it->second.end() && *line <= to;
}

/// `secret`: the finding's rule reports secrets; its region carries only the finding's own
/// (masked) snippet, never lines read again from the file.
ojson result_json(const Finding& f, const std::string& path, size_t rule_index, bool relocated, bool secret,
                  const SecretLines& secrets, SourceFiles& sources) {
  const SourceFiles::File* file = sources.get(path);
  ojson r;
  r["ruleId"] = f.rule_id;
  r["ruleIndex"] = rule_index;
  r["level"] = sarif_level(f.severity);
  r["message"] = {{"text", f.message.empty() ? f.rule_id : f.message}};
  ojson physical;
  physical["artifactLocation"] = artifact_location(path);
  Finding located = f;
  if (relocated) {  // line 1 of the file the repository-level finding is shown on
    located = Finding{};
    located.start_line = located.start_column = located.end_line = 1;
  }
  physical["region"] = region_json(located, file);
  int64_t start_line = physical["region"]["startLine"].get<int64_t>();
  const int64_t end_line = physical["region"]["endLine"].get<int64_t>();
  if ((secret || touches_secret(secrets, path, start_line, end_line)) && (f.snippet.empty() || relocated))
    physical["region"].erase("snippet");
  auto ctx = secret ? std::nullopt : context_region(start_line, end_line, file);
  if (ctx && !touches_secret(secrets, path, (*ctx)["startLine"].get<int64_t>(), (*ctx)["endLine"].get<int64_t>()))
    physical["contextRegion"] = *ctx;
  r["locations"] = ojson::array({{{"physicalLocation", physical}}});
  ojson fingerprints = ojson::object();
  if (file && start_line <= static_cast<int64_t>(file->hashes.size()))
    fingerprints["primaryLocationLineHash"] = file->hashes[static_cast<size_t>(start_line - 1)];
  if (!f.fingerprint.empty()) fingerprints[kOwnFingerprintKey] = f.fingerprint;
  if (!fingerprints.empty()) r["partialFingerprints"] = fingerprints;
  if (f.suppression) {
    ojson s;
    s["kind"] = f.suppression->kind == "in_source" ? "inSource" : "external";
    s["status"] = "accepted";
    if (!f.suppression->justification.empty()) s["justification"] = f.suppression->justification;
    r["suppressions"] = ojson::array({s});
  }
  if (!f.baseline_state.empty()) r["baselineState"] = f.baseline_state;
  ojson props = ojson::object();
  if (!f.function.empty()) props["function"] = f.function;
  if (relocated) props["reportedPath"] = f.path;
  if (!props.empty()) r["properties"] = props;
  return r;
}

/// Which findings fit GitHub's limit: the most severe, unsuppressed before suppressed; the
/// kept ones stay in model order (by path, line, rule).
std::vector<size_t> kept_findings(const std::vector<Finding>& findings) {
  std::vector<size_t> order(findings.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (order.size() <= kMaxResults) return order;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Finding& x = findings[a];
    const Finding& y = findings[b];
    if (severity_rank(x.severity) != severity_rank(y.severity))
      return severity_rank(x.severity) > severity_rank(y.severity);
    return !x.suppression && y.suppression;
  });
  order.resize(kMaxResults);
  std::sort(order.begin(), order.end());
  return order;
}

ojson notification(const std::string& level, const std::string& text, const std::string& path) {
  ojson n;
  n["level"] = level == "error" || level == "warning" ? level : "note";
  n["message"] = {{"text", text}};
  if (!path.empty())
    n["locations"] = ojson::array({{{"physicalLocation", {{"artifactLocation", artifact_location(path)}}}}});
  return n;
}

/// Every rule that ran, plus any rule a finding names without a descriptor, sorted by id; past
/// GitHub's limit the rules that produced results are kept first.
std::vector<RuleDescriptor> run_rules(const ScanResult& result) {
  std::vector<RuleDescriptor> rules = result.rules;
  std::set<std::string> known, used;
  for (const auto& r : rules) known.insert(r.id);
  for (const auto& f : result.findings) {
    used.insert(f.rule_id);
    if (!known.insert(f.rule_id).second) continue;
    RuleDescriptor d;
    d.id = d.title = f.rule_id;
    d.severity = f.severity;
    rules.push_back(std::move(d));
  }
  auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
  std::sort(rules.begin(), rules.end(), by_id);
  if (rules.size() > kMaxRules) {
    std::stable_partition(rules.begin(), rules.end(), [&](const auto& r) { return used.count(r.id) > 0; });
    rules.resize(kMaxRules);
    std::sort(rules.begin(), rules.end(), by_id);
  }
  return rules;
}

struct RunResults {
  ojson results = ojson::array();
  size_t left_out = 0;  ///< findings not in `results` (GitHub's limits)
};

RunResults run_results(const ScanResult& result, const std::map<std::string, size_t>& rule_index,
                       const SourceReader& reader) {
  RunResults out;
  const std::set<std::string> paths = existing_paths(result);
  SourceFiles sources(reader);
  const std::vector<size_t> kept = kept_findings(result.findings);
  out.left_out = result.findings.size() - kept.size();
  std::set<std::string> secret_rules;
  for (const auto& r : result.rules)
    if (std::find(r.tags.begin(), r.tags.end(), "secret") != r.tags.end()) secret_rules.insert(r.id);
  SecretLines secrets;
  for (const auto& f : result.findings)
    if (secret_rules.count(f.rule_id))
      for (int64_t l = f.start_line; l <= std::max(f.start_line, f.end_line); ++l) secrets[f.path].insert(l);
  for (size_t i : kept) {
    const Finding& f = result.findings[i];
    auto idx = rule_index.find(f.rule_id);
    if (idx == rule_index.end()) {  // its rule did not fit in the rule limit
      ++out.left_out;
      continue;
    }
    const bool relocated = f.path.empty() || !paths.count(f.path);
    const std::string path = relocated ? repository_anchor(result, paths) : f.path;
    if (path.empty()) continue;  // a repository without a single file: nowhere to point
    out.results.push_back(
        result_json(f, path, idx->second, relocated, secret_rules.count(f.rule_id) > 0, secrets, sources));
  }
  return out;
}

ojson run_notifications(const ScanResult& result, size_t left_out) {
  ojson out = ojson::array();
  if (left_out > 0)
    out.push_back(
        notification("warning",
                     std::to_string(left_out) +
                         " results were left out: GitHub accepts at most 25000 results and 25000 "
                         "rules per run, and the most severe were kept. Every finding is in facts.json.",
                     ""));
  for (const auto& n : result.notifications) out.push_back(notification(n.level, n.message, n.path));
  for (const auto& s : skipped_notices(result)) out.push_back(notification(s.level, s.message, s.path));
  if (result.history)
    for (const auto& note : result.history->notes) out.push_back(notification("note", english(note), ""));
  return out;
}

std::optional<ojson> provenance(const ScanInfo& scan) {
  if (scan.repository_uri.empty()) return std::nullopt;
  ojson vcs;
  vcs["repositoryUri"] = scan.repository_uri;
  if (!scan.revision.empty()) vcs["revisionId"] = scan.revision;
  if (!scan.branch.empty()) vcs["branch"] = scan.branch;
  vcs["mappedTo"] = {{"uriBaseId", kSrcRootBase}};
  return ojson::array({vcs});
}

}  // namespace

std::string render_sarif(const ScanResult& result, const ReportOptions& options) {
  std::map<std::string, size_t> rule_index;
  ojson driver_rules = ojson::array();
  for (const auto& r : run_rules(result)) {
    rule_index[r.id] = driver_rules.size();
    driver_rules.push_back(rule_descriptor_json(r, options.docs_url));
  }
  RunResults results = run_results(result, rule_index, options.read_source);
  ojson notifications = run_notifications(result, results.left_out);

  ojson invocation;
  invocation["executionSuccessful"] = true;
  if (!result.scan.started_at.empty()) invocation["startTimeUtc"] = result.scan.started_at;
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = notifications;

  ojson run;
  run["tool"] = {{"driver",
                  {{"name", "repohealth"},
                   {"semanticVersion", result.scan.tool_version},
                   {"informationUri", kInformationUri},
                   {"rules", driver_rules}}}};
  run["invocations"] = ojson::array({invocation});
  run["originalUriBaseIds"] = {
      {kSrcRootBase, {{"description", {{"text", "The root of the repository analysed."}}}}}};
  if (auto vcs = provenance(result.scan)) run["versionControlProvenance"] = *vcs;
  if (!options.category.empty()) {
    std::string id = options.category;
    if (id.back() != '/') id += '/';  // as github/codeql-action does: the category is the prefix
    run["automationDetails"] = {{"id", id}};
  }
  run["columnKind"] = "utf16CodeUnits";
  run["results"] = std::move(results.results);

  ojson log;
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = ojson::array({run});
  return log.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace rh
