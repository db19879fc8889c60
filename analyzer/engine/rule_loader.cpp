// Rule files -> Rule, checked against the schema (docs/rules.md).
#include "engine/rule_loader.h"

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "core/classify.h"
#include "core/config.h"
#include "core/embedded.h"
#include "core/language.h"
#include "core/message_template.h"
#include "engine/metric_rules.h"

namespace rh {
namespace {

const std::vector<std::string> kTopKeys = {
    "id",      "title",       "severity", "kind",       "languages", "state",   "confidence", "precision",
    "tags",    "security_severity",       "message",    "description", "fix",   "example",
    "references", "paths",    "query",    "call",       "pattern",   "metric",  "repo",       "da"};
const std::vector<std::string> kKinds = {"query", "call", "pattern", "metric", "repo"};

std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

/// Reads typed fields of one YAML mapping, recording schema errors with file and line.
class Fields {
 public:
  Fields(const YAML::Node& map, const std::string& file, const std::string& prefix,
         std::vector<std::string>& errors)
      : map_(map), file_(file), prefix_(prefix), errors_(errors) {}

  std::string at(const YAML::Node& n) const { return file_ + ":" + std::to_string(n.Mark().line + 1); }
  void fail(const YAML::Node& n, const std::string& key, const std::string& what) {
    errors_.push_back(at(n) + ": field '" + prefix_ + key + "': " + what);
    ok_ = false;
  }
  bool ok() const { return ok_; }
  void taint() { ok_ = false; }
  YAML::Node node(const std::string& key) const { return map_[key]; }
  bool has(const std::string& key) const { return static_cast<bool>(map_[key]); }

  void missing(const std::string& key, const std::string& what) {
    errors_.push_back(at(map_) + ": field '" + prefix_ + key + "' is missing (" + what + ")");
    ok_ = false;
  }

  bool text(const std::string& key, std::string& out, bool required, const std::string& what = "a string") {
    YAML::Node n = map_[key];
    if (!n) {
      if (required) missing(key, what);
      return false;
    }
    if (!n.IsScalar() || n.as<std::string>().empty()) {
      fail(n, key, "must be " + what);
      return false;
    }
    out = n.as<std::string>();
    return true;
  }

  bool choice(const std::string& key, std::string& out, const std::vector<std::string>& allowed, bool required) {
    if (!text(key, out, required, "one of " + join(allowed))) return false;
    if (std::find(allowed.begin(), allowed.end(), out) != allowed.end()) return true;
    std::string hint = did_you_mean(out, allowed);
    fail(map_[key], key,
         "'" + out + "' is not one of " + join(allowed) + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
    return false;
  }

  bool list(const std::string& key, std::vector<std::string>& out, bool required) {
    YAML::Node n = map_[key];
    if (!n) {
      if (required) missing(key, "a list of strings");
      return false;
    }
    if (n.IsScalar()) {  // a lone string is a list of one
      out.push_back(n.as<std::string>());
      return true;
    }
    if (!n.IsSequence()) {
      fail(n, key, "must be a list of strings");
      return false;
    }
    for (const auto& item : n) {
      if (!item.IsScalar()) {
        fail(item, key, "each entry must be a string");
        return false;
      }
      out.push_back(item.as<std::string>());
    }
    return true;
  }

  bool number(const std::string& key, double& out, bool required) {
    YAML::Node n = map_[key];
    if (!n) {
      if (required) missing(key, "a number");
      return false;
    }
    try {
      if (!n.IsScalar()) throw YAML::Exception(n.Mark(), "");
      out = n.as<double>();
      return true;
    } catch (const YAML::Exception&) {
      fail(n, key, "must be a number");
      return false;
    }
  }

  bool boolean(const std::string& key, bool& out) {
    YAML::Node n = map_[key];
    if (!n) return false;
    try {
      if (!n.IsScalar()) throw YAML::Exception(n.Mark(), "");
      out = n.as<bool>();
      return true;
    } catch (const YAML::Exception&) {
      fail(n, key, "must be true or false");
      return false;
    }
  }

  bool mapping(const std::string& key, bool required) {
    YAML::Node n = map_[key];
    if (!n) {
      if (required) missing(key, "a mapping");
      return false;
    }
    if (!n.IsMap()) {
      fail(n, key, "must be a mapping");
      return false;
    }
    return true;
  }

  void only(const std::vector<std::string>& known) {
    for (const auto& kv : map_) {
      std::string key = kv.first.as<std::string>();
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      std::string hint = did_you_mean(key, known);
      errors_.push_back(at(kv.first) + ": unknown field '" + prefix_ + key + "'" +
                        (hint.empty() ? " (known: " + join(known) + ")" : " (did you mean '" + hint + "'?)"));
      ok_ = false;
    }
  }

 private:
  const YAML::Node map_;  // a handle: copies share the document
  std::string file_, prefix_;
  std::vector<std::string>& errors_;
  bool ok_ = true;
};

std::string file_stem(const std::string& file) {
  std::string name = std::filesystem::path(file).filename().string();
  return name.substr(0, name.find('.'));
}

/// The 1-based line where a scalar's text starts (block scalars start on the next line).
int content_line(const YAML::Node& n, std::string_view text) {
  const YAML::Mark m = n.Mark();
  bool block = m.pos >= 0 && static_cast<size_t>(m.pos) < text.size() && (text[m.pos] == '|' || text[m.pos] == '>');
  return m.line + 1 + (block ? 1 : 0);
}

/// `literal_wrappers: {"_": [0], ngettext: [0, 1]}`: callee -> positions of its message arguments.
void parse_wrappers(const YAML::Node& map, Fields& f, ArgumentCondition& c) {
  for (const auto& kv : map) {
    std::vector<int> positions;
    const YAML::Node& v = kv.second;
    bool ok = v.IsSequence() && v.size() > 0;
    for (const auto& p : v) {
      try {
        positions.push_back(p.as<int>());
      } catch (const YAML::Exception&) {
        ok = false;
      }
    }
    if (!ok || std::any_of(positions.begin(), positions.end(), [](int p) { return p < 0; })) {
      f.fail(kv.first, "literal_wrappers", "each wrapper maps to a list of 0-based argument positions ([0], [0, 1])");
      continue;
    }
    c.literal_wrappers.emplace_back(kv.first.as<std::string>(), std::move(positions));
  }
}

bool parse_call(const YAML::Node& n, const std::string& file, CallSpec& call,
                std::vector<std::string>& errors) {
  Fields f(n, file, "call.", errors);
  f.only({"callees", "not_callees", "arguments"});
  f.list("callees", call.callees, true);
  f.list("not_callees", call.not_callees, false);
  YAML::Node args = n["arguments"];
  if (!args) return f.ok();
  if (!args.IsSequence()) {
    f.fail(args, "arguments", "must be a list of conditions ({index: 0, literal: false})");
    return false;
  }
  bool ok = true;
  for (const auto& a : args) {
    if (!a.IsMap()) {
      f.fail(a, "arguments", "each entry must be a mapping");
      continue;
    }
    Fields af(a, file, "call.arguments.", errors);
    af.only({"index", "keyword", "present", "literal", "equals", "matches", "literal_wrappers"});
    ArgumentCondition c;
    double index = -1;
    if (af.number("index", index, false)) c.index = static_cast<int>(index);
    af.text("keyword", c.keyword, false);
    if ((c.index < 0) == c.keyword.empty())
      af.fail(a, "index", "give exactly one of 'index' (0-based position) and 'keyword'");
    bool b = false;
    if (af.boolean("present", b)) c.present = b;
    if (af.boolean("literal", b)) c.literal = b;
    af.list("equals", c.equals, false);
    af.text("matches", c.matches, false);
    if (af.mapping("literal_wrappers", false)) parse_wrappers(a["literal_wrappers"], af, c);
    ok = ok && af.ok();
    call.arguments.push_back(std::move(c));
  }
  return ok && f.ok();
}

void parse_kind(Fields& f, const YAML::Node& root, std::string_view text, const std::string& file, Rule& r,
                std::vector<std::string>& errors) {
  const std::string& kind = r.descriptor.kind;
  for (const auto& k : kKinds)
    if (k != kind && f.has(k)) f.fail(f.node(k), k, "belongs to kind '" + k + "', but this rule's kind is '" + kind + "'");
  if (kind == "query") {
    if (f.text("query", r.query.source, true, "a tree-sitter query")) r.query.line = content_line(root["query"], text);
  } else if (kind == "call") {
    if (f.mapping("call", true) && !parse_call(root["call"], file, r.call, errors)) f.taint();
  } else if (kind == "pattern") {
    if (!f.mapping("pattern", true)) return;
    Fields p(root["pattern"], file, "pattern.", errors);
    p.only({"regex", "entropy", "skip_placeholders", "allow", "redact", "check", "min_length"});
    p.text("regex", r.pattern.regex, true, "a regular expression");
    p.number("entropy", r.pattern.min_entropy, false);
    p.boolean("skip_placeholders", r.pattern.skip_placeholders);
    p.list("allow", r.pattern.allow, false);
    p.boolean("redact", r.pattern.redact);
    p.choice("check", r.pattern.check, {"secret", "url-password", "url-default-password", "jwt"}, false);
    double min_length = 0;
    if (p.number("min_length", min_length, false)) r.pattern.min_length = static_cast<size_t>(std::max(0.0, min_length));
    if (!p.ok()) f.taint();
  } else if (kind == "metric") {
    if (!f.mapping("metric", true)) return;
    Fields m(root["metric"], file, "metric.", errors);
    m.only({"name", "threshold"});
    m.choice("name", r.metric.metric, metric_names(), true);
    m.number("threshold", r.metric.threshold, true);
    if (!m.ok()) f.taint();
  } else if (kind == "repo") {
    if (!f.mapping("repo", true)) return;
    Fields m(root["repo"], file, "repo.", errors);
    // The check's record: read by health/health.cpp and core/message.cpp.
    m.only({"check", "dimension", "points", "order", "requirements", "looks_for", "messages"});
    m.text("check", r.repo_check, true, "the name of a health check");
    if (!m.ok()) f.taint();
  }
}

void check_languages(Fields& f, Rule& r) {
  const bool needed = r.descriptor.kind == "query" || r.descriptor.kind == "call";
  f.list("languages", r.descriptor.languages, needed);
  std::vector<std::string> known;
  for (const auto& l : languages()) known.push_back(l.id);
  for (const auto& id : r.descriptor.languages) {
    if (find_language(id)) continue;
    std::string hint = did_you_mean(id, known);
    f.fail(f.node("languages"), "languages",
           "unknown language '" + id + "'" + (hint.empty() ? " (see rules/languages/)" : " (did you mean '" + hint + "'?)"));
  }
}

void check_tags(Fields& f, Rule& r) {
  f.list("tags", r.descriptor.tags, true);
  static const std::regex cwe("CWE-[0-9]+"), owasp("OWASP-A[0-9]{2}(:2021)?");
  for (const auto& t : r.descriptor.tags) {
    if (t.starts_with("CWE") && !std::regex_match(t, cwe)) f.fail(f.node("tags"), "tags", "'" + t + "' is not of the form CWE-79");
    if (t.starts_with("OWASP") && !std::regex_match(t, owasp))
      f.fail(f.node("tags"), "tags", "'" + t + "' is not of the form OWASP-A03");
  }
  std::string sev;
  if (f.text("security_severity", sev, false, "a number from 0.0 to 10.0")) {
    char* end = nullptr;
    double d = std::strtod(sev.c_str(), &end);
    if (end != sev.c_str() + sev.size() || d < 0 || d > 10)
      f.fail(f.node("security_severity"), "security_severity", "must be a number from 0.0 to 10.0");
    r.descriptor.security_severity = sev;
  }
}

/// `confidence: high|medium|low`; the legacy `precision: very-high|high|medium|low` (very-high
/// read as high) is accepted with a deprecation warning.
void check_confidence(Fields& f, const YAML::Node& root, Rule& r,
                      std::vector<Message>* warnings) {
  std::string& c = r.descriptor.confidence;
  const std::string& severity = r.descriptor.severity;
  if (!f.has("precision")) {
    // Only high-confidence findings may be errors (docs/precision.md).
    if (f.choice("confidence", c, {"high", "medium", "low"}, true) && severity == "error" && c != "high")
      f.fail(root["confidence"], "confidence",
             "severity 'error' needs confidence 'high' (only high-confidence findings may be errors); make it a "
             "warning or the rule precise");
    return;
  }
  if (f.has("confidence")) {
    f.fail(root["precision"], "precision", "give 'confidence' only ('precision' is its deprecated old name)");
    return;
  }
  if (!f.choice("precision", c, {"very-high", "high", "medium", "low"}, true)) return;
  if (c == "very-high") c = "high";
  if (warnings)
    warnings->push_back(msg("rules.precision_deprecated", {text_arg("where", f.at(root["precision"])), text_arg("confidence", c)}));
  // A rule written before confidence existed keeps loading: an error it cannot back is demoted.
  if (severity == "error" && c != "high") {
    r.descriptor.severity = "warning";
    if (warnings)
      warnings->push_back(msg("rules.error_demoted", {text_arg("where", f.at(root["severity"])),
                                                      text_arg("rule", r.descriptor.id), text_arg("confidence", c)}));
  }
}

std::string placeholder_list(std::vector<std::string> keys) {
  if (keys.empty()) return "none";
  std::sort(keys.begin(), keys.end());
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "{" : ", {") + k + "}";
  return out;
}

/// `da: {title, message}`: the rule's title and message in Danish (docs/rules.md). The message
/// is filled from the same finding arguments as the English one, so it must have the same
/// placeholders.
void parse_translation(Fields& f, const YAML::Node& root, const std::string& lang, const std::string& file, Rule& r,
                       std::vector<std::string>& errors) {
  if (!f.mapping(lang, false)) return;
  Fields t(root[lang], file, lang + ".", errors);
  t.only({"title", "message"});
  RuleText text;
  t.text("title", text.title, true);
  if (t.text("message", text.message, true) && !r.descriptor.message.empty()) {
    std::vector<std::string> ours = placeholders(text.message), english = placeholders(r.descriptor.message);
    std::sort(ours.begin(), ours.end());
    std::sort(english.begin(), english.end());
    if (ours != english)
      t.fail(root[lang]["message"], "message",
             "has the placeholders " + placeholder_list(ours) + ", but 'message' has " + placeholder_list(english) +
                 " (a translation fills the same values)");
  }
  if (!t.ok()) {
    f.taint();
    return;
  }
  r.descriptor.translations.emplace(lang, std::move(text));
}

}  // namespace

bool parse_rule(std::string_view text, const std::string& file, Rule& r, std::vector<std::string>& errors,
                std::vector<Message>* warnings) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    errors.push_back(file + ":" + std::to_string(e.mark.line + 1) + ": invalid YAML: " + e.msg);
    return false;
  }
  if (!root.IsMap()) {
    errors.push_back(file + ":1: a rule file must be a mapping of fields (id, title, severity, kind…)");
    return false;
  }
  r = Rule{};
  r.source = file;
  Fields f(root, file, "", errors);
  f.only(kTopKeys);
  RuleDescriptor& d = r.descriptor;
  static const std::regex id_form("[a-z0-9][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)+");
  if (f.text("id", d.id, true, "a namespaced id such as python.security.eval")) {
    if (!std::regex_match(d.id, id_form))
      f.fail(root["id"], "id", "'" + d.id + "' is not of the form <pack>.<category>.<name> (lower case, digits, - and _)");
    else if (d.id.substr(d.id.rfind('.') + 1) != file_stem(file))
      f.fail(root["id"], "id",
             "'" + d.id + "' must end in the file's name '" + file_stem(file) + "' (the id is the file stem)");
  }
  f.text("title", d.title, true);
  f.choice("severity", d.severity, {"error", "warning", "note"}, true);
  f.choice("kind", d.kind, kKinds, true);
  f.choice("state", d.state, {"preview", "stable", "deprecated"}, true);
  check_confidence(f, root, r, warnings);
  f.text("message", d.message, true);
  parse_translation(f, root, "da", file, r, errors);
  f.text("description", r.why, true, "Markdown: why it matters");
  f.text("fix", r.fix, true, "Markdown: how to fix it");
  if (f.mapping("example", true)) {
    Fields ex(root["example"], file, "example.", errors);
    ex.only({"bad", "good"});
    ex.text("bad", r.example_bad, true, "code that is reported");
    ex.text("good", r.example_good, true, "the fixed code");
    if (!ex.ok()) f.taint();
  }
  f.list("references", r.references, false);
  if (f.mapping("paths", false)) {
    Fields p(root["paths"], file, "paths.", errors);
    p.only({"include", "exclude", "exclude_roles", "exclude_scripts"});
    p.list("include", r.include_paths, false);
    p.boolean("exclude_scripts", r.exclude_scripts);
    p.list("exclude", r.exclude_paths, false);
    if (p.list("exclude_roles", r.exclude_roles, false))
      for (const auto& role : r.exclude_roles)
        if (std::find(file_roles().begin(), file_roles().end(), role) == file_roles().end())
          p.fail(p.node("exclude_roles"), "exclude_roles",
                 "'" + role + "' is not a role (product, test, fixture, example, docs, migration, generated)");
    if (!p.ok()) f.taint();
  }
  check_languages(f, r);
  check_tags(f, r);
  if (!d.kind.empty() && std::find(kKinds.begin(), kKinds.end(), d.kind) != kKinds.end())
    parse_kind(f, root, text, file, r, errors);
  if (!f.ok()) return false;
  d.description = compose_description(r);
  return true;
}

bool is_rule_file(std::string_view rel) {
  if (rel.starts_with("languages/") || rel.starts_with("workspace/") || rel.starts_with("health/") ||
      rel.starts_with("history/"))
    return false;
  std::string_view name = rel.substr(rel.find_last_of('/') == std::string_view::npos ? 0 : rel.find_last_of('/') + 1);
  size_t dot = name.find('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string_view ext = name.substr(dot);
  return ext == ".yml" || ext == ".yaml";
}

namespace {

void add_rule(RuleCatalog& catalog, Rule rule, std::map<std::string, std::string>& seen) {
  auto [it, inserted] = seen.emplace(rule.descriptor.id, rule.source);
  if (!inserted) {
    catalog.errors.push_back(rule.source + ":1: rule id '" + rule.descriptor.id + "' is already defined in " + it->second);
    return;
  }
  catalog.rules.push_back(std::move(rule));
}

void finish(RuleCatalog& c) {
  std::sort(c.rules.begin(), c.rules.end(), [](const Rule& a, const Rule& b) { return a.descriptor.id < b.descriptor.id; });
}

std::map<std::string, std::string> seen_ids(const RuleCatalog& c) {
  std::map<std::string, std::string> seen;
  for (const auto& r : c.rules) seen.emplace(r.descriptor.id, r.source);
  return seen;
}

}  // namespace

const RuleCatalog& embedded_rules() {
  static const RuleCatalog catalog = [] {
    // Reading YAML is most of the cost of loading the rules (yaml-cpp builds a node tree per
    // file): the files are parsed in parallel, then added in their order, as one by one.
    struct Parsed {
      std::string_view path, bytes;
      Rule rule;
      bool ok = false;
      std::vector<std::string> errors;
      std::vector<Message> warnings;
    };
    std::vector<Parsed> files;
    for (const auto& f : embedded_files())
      if (is_rule_file(f.path)) files.push_back(Parsed{f.path, f.bytes, {}, false, {}, {}});
    (void)languages();  // the language registry, once, before the threads ask for it
    // Isolated: while it waits, this thread (inside a static's initialisation) must not pick up
    // an unrelated task that could ask for the same static.
    tbb::this_task_arena::isolate([&files] {
      tbb::parallel_for(size_t{0}, files.size(), [&files](size_t i) {
        Parsed& p = files[i];
        p.ok = parse_rule(p.bytes, "rules/" + std::string(p.path), p.rule, p.errors, &p.warnings);
      });
    });
    RuleCatalog c;
    std::map<std::string, std::string> seen;
    for (Parsed& p : files) {
      c.errors.insert(c.errors.end(), p.errors.begin(), p.errors.end());
      c.warnings.insert(c.warnings.end(), p.warnings.begin(), p.warnings.end());
      if (!p.ok) continue;
      p.rule.embedded = true;
      add_rule(c, std::move(p.rule), seen);
    }
    finish(c);
    return c;
  }();
  return catalog;
}

void load_rule_folder(const std::string& folder, RuleCatalog& catalog) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    catalog.errors.push_back(folder + ": rule folder not found");
    return;
  }
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::string rel = fs::relative(it->path(), folder).generic_string();
    if (is_rule_file(rel)) files.push_back(it->path());
  }
  if (ec) catalog.errors.push_back(folder + ": " + ec.message());
  std::sort(files.begin(), files.end());
  auto seen = seen_ids(catalog);
  for (const auto& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Rule r;
    if (parse_rule(ss.str(), p.string(), r, catalog.errors, &catalog.warnings)) add_rule(catalog, std::move(r), seen);
  }
  finish(catalog);
}

RuleCatalog load_rules(const std::vector<std::string>& folders, bool include_embedded) {
  RuleCatalog c;
  if (include_embedded) c = embedded_rules();
  // Warnings about shipped rule files are for repohealth's own tests (rule_loader_test), not for
  // the user, who cannot act on them.
  c.warnings.clear();
  for (const auto& folder : folders) load_rule_folder(folder, c);
  return c;
}

}  // namespace rh
