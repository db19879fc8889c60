#include "core/model_json.h"

#include <fstream>
#include <sstream>

namespace rh {
namespace {

// A field table per struct keeps writing and reading in one place.
#define RH_FIELD(j, obj, name) j[#name] = obj.name

ojson lines_json(const LineCounts& l) {
  ojson j;
  RH_FIELD(j, l, total);
  RH_FIELD(j, l, code);
  RH_FIELD(j, l, comment);
  RH_FIELD(j, l, blank);
  return j;
}

ojson function_json(const FunctionMetrics& f) {
  ojson j;
  RH_FIELD(j, f, name);
  RH_FIELD(j, f, start_line);
  RH_FIELD(j, f, end_line);
  RH_FIELD(j, f, params);
  RH_FIELD(j, f, nloc);
  RH_FIELD(j, f, cyclomatic);
  RH_FIELD(j, f, cognitive);
  RH_FIELD(j, f, max_nesting);
  RH_FIELD(j, f, tokens);
  if (f.nested) j["nested"] = true;
  function_metrics_to_json(f, j);
  return j;
}

ojson file_json(const FileFacts& f) {
  ojson j;
  RH_FIELD(j, f, path);
  RH_FIELD(j, f, language);
  RH_FIELD(j, f, role);
  RH_FIELD(j, f, size_bytes);
  RH_FIELD(j, f, blob_id);
  j["lines"] = lines_json(f.lines);
  RH_FIELD(j, f, parsed);
  RH_FIELD(j, f, parse_errors);
  file_metrics_to_json(f, j);
  j["functions"] = ojson::array();
  for (const auto& fn : f.functions) j["functions"].push_back(function_json(fn));
  return j;
}

ojson scan_info_json(const ScanInfo& s) {
  ojson j;
  RH_FIELD(j, s, tool_version);
  RH_FIELD(j, s, root);
  RH_FIELD(j, s, source);
  RH_FIELD(j, s, revision);
  RH_FIELD(j, s, revision_spec);
  RH_FIELD(j, s, branch);
  RH_FIELD(j, s, repository_uri);
  RH_FIELD(j, s, started_at);
  RH_FIELD(j, s, as_of);
  RH_FIELD(j, s, show_emails);
  RH_FIELD(j, s, duration_ms);
  RH_FIELD(j, s, jobs);
  if (s.cache) j["cache"] = {{"path", s.cache->path}, {"hits", s.cache->hits}, {"misses", s.cache->misses}};
  return j;
}
#undef RH_FIELD

/// Reading: every field is required and typed; the first problem is reported with its path
/// in the document (e.g. "files[3].functions[0].nloc").
class Reader {
 public:
  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }
  void fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }

  template <class T>
  void get(const ojson& j, const char* key, T& out, const std::string& where) {
    if (failed()) return;
    auto it = j.find(key);
    if (it == j.end()) {
      error_ = where + "." + key + " is missing";
      return;
    }
    try {
      out = it->template get<T>();
    } catch (const nlohmann::json::exception&) {
      error_ = where + "." + key + " has the wrong type (" + it->type_name() + ")";
    }
  }
  const ojson* array(const ojson& j, const char* key, const std::string& where) {
    if (failed()) return nullptr;
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) {
      error_ = where + "." + key + (it == j.end() ? " is missing" : " is not an array");
      return nullptr;
    }
    return &*it;
  }
  const ojson* object(const ojson& j, const char* key, const std::string& where) {
    if (failed()) return nullptr;
    auto it = j.find(key);
    if (it == j.end() || !it->is_object()) {
      error_ = where + "." + key + (it == j.end() ? " is missing" : " is not an object");
      return nullptr;
    }
    return &*it;
  }

 private:
  std::string error_;
};

void read_lines(Reader& r, const ojson& j, LineCounts& l, const std::string& w) {
  r.get(j, "total", l.total, w);
  r.get(j, "code", l.code, w);
  r.get(j, "comment", l.comment, w);
  r.get(j, "blank", l.blank, w);
}

void read_function(Reader& r, const ojson& j, FunctionMetrics& f, const std::string& w) {
  r.get(j, "name", f.name, w);
  r.get(j, "start_line", f.start_line, w);
  r.get(j, "end_line", f.end_line, w);
  r.get(j, "params", f.params, w);
  r.get(j, "nloc", f.nloc, w);
  r.get(j, "cyclomatic", f.cyclomatic, w);
  r.get(j, "cognitive", f.cognitive, w);
  r.get(j, "max_nesting", f.max_nesting, w);
  r.get(j, "tokens", f.tokens, w);
  if (j.contains("nested")) r.get(j, "nested", f.nested, w);  // optional: written only when true
  if (!r.failed()) r.fail(function_metrics_from_json(j, f, w));
}

void read_file(Reader& r, const ojson& j, FileFacts& f, const std::string& w) {
  r.get(j, "path", f.path, w);
  r.get(j, "language", f.language, w);
  if (j.contains("role")) r.get(j, "role", f.role, w);  // optional: facts files before roles are product
  r.get(j, "size_bytes", f.size_bytes, w);
  r.get(j, "blob_id", f.blob_id, w);
  if (const ojson* l = r.object(j, "lines", w)) read_lines(r, *l, f.lines, w + ".lines");
  r.get(j, "parsed", f.parsed, w);
  r.get(j, "parse_errors", f.parse_errors, w);
  if (!r.failed()) r.fail(file_metrics_from_json(j, f, w));
  if (const ojson* fns = r.array(j, "functions", w)) {
    for (size_t i = 0; i < fns->size() && !r.failed(); ++i) {
      f.functions.emplace_back();
      read_function(r, (*fns)[i], f.functions.back(), w + ".functions[" + std::to_string(i) + "]");
    }
  }
}

}  // namespace

ojson to_json(const ScanResult& result) {
  ojson j;
  j["schema_version"] = result.schema_version;
  j["scan"] = scan_info_json(result.scan);
  j["files"] = ojson::array();
  for (const auto& f : result.files) j["files"].push_back(file_json(f));
  j["skipped"] = ojson::array();
  for (const auto& s : result.skipped)
    j["skipped"].push_back({{"path", s.path}, {"reason", s.reason}, {"detail", s.detail}});
  j["notifications"] = ojson::array();
  for (const auto& n : result.notifications) {
    ojson note = {{"level", n.level}, {"path", n.path}, {"message", n.message}};
    put_message(note, "text_message", n.text);
    j["notifications"].push_back(std::move(note));
  }
  j["rules"] = ojson::array();
  for (const auto& rule : result.rules) j["rules"].push_back(rule_to_json(rule));
  j["findings"] = ojson::array();
  for (const auto& f : result.findings) j["findings"].push_back(finding_to_json(f));
  j["duplication"] = duplication_to_json(result.duplication);
  j["history"] = result.history ? history_to_json(*result.history) : ojson(nullptr);
  j["new_code"] = result.new_code ? new_code_to_json(*result.new_code) : ojson(nullptr);
  j["gate"] = result.gate ? gate_to_json(*result.gate) : ojson(nullptr);
  j["health"] = result.health ? health_to_json(*result.health) : ojson(nullptr);
  return j;
}

Result<ScanResult> scan_result_from_json(const ojson& doc) {
  if (!doc.is_object()) return Error{"facts document is not a JSON object"};
  ScanResult out;
  Reader r;
  r.get(doc, "schema_version", out.schema_version, "$");
  if (!r.failed() && out.schema_version > kSchemaVersion)
    return Error{"facts schema_version " + std::to_string(out.schema_version) +
                 " is newer than this repohealth understands (" + std::to_string(kSchemaVersion) +
                 "); use a newer repohealth"};
  if (const ojson* s = r.object(doc, "scan", "$")) {
    ScanInfo& i = out.scan;
    const std::string w = "$.scan";
    r.get(*s, "tool_version", i.tool_version, w);
    r.get(*s, "root", i.root, w);
    r.get(*s, "source", i.source, w);
    r.get(*s, "revision", i.revision, w);
    r.get(*s, "revision_spec", i.revision_spec, w);
    r.get(*s, "branch", i.branch, w);
    // Added after schema_version 1 was first written: optional when reading.
    if (s->contains("repository_uri")) r.get(*s, "repository_uri", i.repository_uri, w);
    r.get(*s, "started_at", i.started_at, w);
    if (s->contains("as_of")) r.get(*s, "as_of", i.as_of, w);
    if (s->contains("show_emails")) r.get(*s, "show_emails", i.show_emails, w);
    r.get(*s, "duration_ms", i.duration_ms, w);
    r.get(*s, "jobs", i.jobs, w);
    if (s->contains("cache") && !(*s)["cache"].is_null()) {
      if (const ojson* c = r.object(*s, "cache", w)) {
        CacheUse use;
        r.get(*c, "path", use.path, w + ".cache");
        r.get(*c, "hits", use.hits, w + ".cache");
        r.get(*c, "misses", use.misses, w + ".cache");
        i.cache = std::move(use);
      }
    }
  }
  if (const ojson* files = r.array(doc, "files", "$")) {
    for (size_t k = 0; k < files->size() && !r.failed(); ++k) {
      out.files.emplace_back();
      read_file(r, (*files)[k], out.files.back(), "$.files[" + std::to_string(k) + "]");
    }
  }
  if (const ojson* sk = r.array(doc, "skipped", "$")) {
    for (size_t k = 0; k < sk->size() && !r.failed(); ++k) {
      SkippedFile s;
      std::string w = "$.skipped[" + std::to_string(k) + "]";
      r.get((*sk)[k], "path", s.path, w);
      r.get((*sk)[k], "reason", s.reason, w);
      r.get((*sk)[k], "detail", s.detail, w);
      out.skipped.push_back(std::move(s));
    }
  }
  if (const ojson* ns = r.array(doc, "notifications", "$")) {
    for (size_t k = 0; k < ns->size() && !r.failed(); ++k) {
      Notification n;
      std::string w = "$.notifications[" + std::to_string(k) + "]";
      r.get((*ns)[k], "level", n.level, w);
      r.get((*ns)[k], "path", n.path, w);
      r.get((*ns)[k], "message", n.message, w);
      n.text = get_message((*ns)[k], "text_message");
      out.notifications.push_back(std::move(n));
    }
  }
  if (r.failed()) return Error{r.error()};
  if (const ojson* rules = r.array(doc, "rules", "$")) {
    for (size_t k = 0; k < rules->size(); ++k) {
      auto rule = rule_from_json((*rules)[k], "$.rules[" + std::to_string(k) + "]");
      if (!rule) return rule.error();
      out.rules.push_back(std::move(*rule));
    }
  }
  if (const ojson* fs = r.array(doc, "findings", "$")) {
    for (size_t k = 0; k < fs->size(); ++k) {
      auto f = finding_from_json((*fs)[k], "$.findings[" + std::to_string(k) + "]");
      if (!f) return f.error();
      out.findings.push_back(std::move(*f));
    }
  }
  if (r.failed()) return Error{r.error()};
  if (auto d = doc.find("duplication"); d != doc.end()) {
    if (std::string e = duplication_from_json(*d, out.duplication, "$.duplication"); !e.empty()) return Error{e};
  }
  auto h = doc.find("history");
  if (h != doc.end() && !h->is_null()) {
    HistoryFacts history;
    try {
      history_from_json(*h, history);
    } catch (const nlohmann::json::exception& e) {
      return Error{std::string("$.history: ") + e.what()};
    }
    out.history = std::move(history);
  }
  if (auto n = doc.find("new_code"); n != doc.end() && !n->is_null()) {
    NewCode new_code;
    try {
      new_code_from_json(*n, new_code);
    } catch (const nlohmann::json::exception& e) {
      return Error{std::string("$.new_code: ") + e.what()};
    }
    out.new_code = std::move(new_code);
  }
  if (auto g = doc.find("gate"); g != doc.end() && !g->is_null()) {
    GateResult gate;
    try {
      gate_from_json(*g, gate);
    } catch (const nlohmann::json::exception& e) {
      return Error{std::string("$.gate: ") + e.what()};
    }
    out.gate = std::move(gate);
  }
  if (auto hf = doc.find("health"); hf != doc.end() && !hf->is_null()) {
    HealthFacts health;
    try {
      health_from_json(*hf, health);
    } catch (const nlohmann::json::exception& e) {
      return Error{std::string("$.health: ") + e.what()};
    }
    out.health = std::move(health);
  }
  return out;
}

std::string facts_json_text(const ScanResult& result) {
  return to_json(result).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Result<ScanResult> read_facts_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path + ": cannot open facts file"};
  ojson doc;
  try {
    doc = ojson::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    return Error{path + ": not valid JSON (" + e.what() + ")"};
  }
  auto r = scan_result_from_json(doc);
  if (!r) return Error{path + ": " + r.error().message};
  return r;
}

}  // namespace rh
