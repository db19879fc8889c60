#include "core/config.h"

#include "core/config_yaml.h"
#include "core/rule_pages.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <cstdlib>
#include <functional>
#include <optional>

namespace rh {
namespace config_yaml {

std::string where(const std::string& file, const YAML::Node& node) {
  const YAML::Mark m = node.Mark();
  return file + ":" + std::to_string(m.line + 1);
}

/// An e-mail domain as `organisations:` takes it: "acme.dk", "mail.kommune.dk"; no '@', no spaces.
std::string check_mail_domain(const std::string& file, const YAML::Node& node, const std::string& domain) {
  const bool ok = !domain.empty() && domain.find_first_of("@ \t/:") == std::string::npos &&
                  domain.find('.') != std::string::npos && domain.front() != '.' && domain.back() != '.';
  if (ok) return "";
  return where(file, node) + ": '" + domain + "' is not an e-mail domain (write the part after '@', e.g. acme.dk)";
}

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

Result<std::vector<std::string>> string_list(const std::string& file, const std::string& key,
                                             const YAML::Node& node) {
  if (!node.IsSequence())
    return Error{where(file, node) + ": '" + key + "' must be a list of strings, e.g. [\"docs/**\"]"};
  std::vector<std::string> out;
  for (const auto& item : node) {
    if (!item.IsScalar())
      return Error{where(file, item) + ": each entry of '" + key + "' must be a string"};
    out.push_back(item.as<std::string>());
  }
  return out;
}

std::string unknown_key(const std::string& file, const YAML::Node& key_node, const std::string& key,
                        const std::vector<std::string>& known, const std::string& section) {
  std::string hint = did_you_mean(key, known);
  std::string msg = where(file, key_node) + ": unknown key '" + key + "'" + section;
  if (!hint.empty()) return msg + " (did you mean '" + hint + "'?)";
  msg += " (known keys:";
  for (const auto& k : known) msg += " " + k;
  return msg + ")";
}

/// true/false, on/off, yes/no.
std::optional<bool> as_switch(const YAML::Node& n) {
  if (!n.IsScalar()) return std::nullopt;
  std::string v = n.as<std::string>();
  std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::tolower(c); });
  if (v == "true" || v == "on" || v == "yes") return true;
  if (v == "false" || v == "off" || v == "no") return false;
  return std::nullopt;
}

std::optional<double> as_number(const YAML::Node& n) {
  if (!n.IsScalar()) return std::nullopt;
  std::string v = n.as<std::string>();
  if (v.empty()) return std::nullopt;
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  if (end != v.c_str() + v.size()) return std::nullopt;
  return d;
}

bool is_severity(const std::string& s) { return s == "error" || s == "warning" || s == "note"; }

/// A path in the config, relative to the config file's folder.
std::string relative_to(const std::string& config_path, const std::string& p) {
  std::filesystem::path path(p);
  if (path.is_absolute()) return p;
  return (std::filesystem::path(config_path).parent_path() / path).lexically_normal().string();
}

}  // namespace config_yaml

namespace {
using namespace config_yaml;

std::string read_rule_setting(const std::string& f, const std::string& id, const YAML::Node& n,
                              RuleSetting& out) {
  out.id = id;
  out.where = where(f, n);
  if (auto on = as_switch(n)) {
    out.enabled = *on;
    return "";
  }
  if (!n.IsMap())
    return where(f, n) + ": 'rules." + id + "' must be on/off or a mapping of enabled, severity, " +
           "threshold, exclude, reason";
  static const std::vector<std::string> known = {"enabled", "severity", "threshold", "exclude", "reason"};
  for (const auto& kv : n) {
    const std::string key = kv.first.as<std::string>();
    const YAML::Node& v = kv.second;
    if (key == "enabled") {
      auto on = as_switch(v);
      if (!on) return where(f, v) + ": 'rules." + id + ".enabled' must be true or false";
      out.enabled = *on;
    } else if (key == "severity") {
      if (!v.IsScalar() || !is_severity(v.as<std::string>()))
        return where(f, v) + ": 'rules." + id + ".severity' must be error, warning or note";
      out.severity = v.as<std::string>();
    } else if (key == "threshold") {
      auto d = as_number(v);
      if (!d) return where(f, v) + ": 'rules." + id + ".threshold' must be a number";
      out.threshold = *d;
    } else if (key == "exclude") {
      auto r = string_list(f, "rules." + id + ".exclude", v);
      if (!r) return r.error().message;
      out.exclude = *r;
    } else if (key == "reason") {
      if (!v.IsScalar()) return where(f, v) + ": 'rules." + id + ".reason' must be a string";
      out.reason = v.as<std::string>();
    } else {
      return unknown_key(f, kv.first, key, known, " in 'rules." + id + "'");
    }
  }
  return "";
}

std::string read_ignore_entry(const std::string& f, const YAML::Node& n, IgnoreEntry& out) {
  out.where = where(f, n);
  if (!n.IsMap()) return where(f, n) + ": each 'ignore' entry must be a mapping of paths, rules, reason";
  static const std::vector<std::string> known = {"paths", "rules", "reason"};
  for (const auto& kv : n) {
    const std::string key = kv.first.as<std::string>();
    if (key == "paths" || key == "rules") {
      auto r = string_list(f, "ignore." + key, kv.second);
      if (!r) return r.error().message;
      (key == "paths" ? out.paths : out.rules) = *r;
    } else if (key == "reason") {
      if (!kv.second.IsScalar()) return where(f, kv.second) + ": 'ignore.reason' must be a string";
      out.reason = kv.second.as<std::string>();
    } else {
      return unknown_key(f, kv.first, key, known, " in an 'ignore' entry");
    }
  }
  if (out.paths.empty() && out.rules.empty())
    return out.where + ": an 'ignore' entry needs 'paths', 'rules' or both";
  return "";
}

/// The table of top-level keys: name -> how to read it.
using KeyReader = std::function<std::string(const std::string& file, const YAML::Node&, Config&)>;

std::string read_list(const std::string& f, const char* key, const YAML::Node& n, std::vector<std::string>& out) {
  auto r = string_list(f, key, n);
  if (!r) return r.error().message;
  out = *r;
  return "";
}

const std::vector<std::pair<std::string, KeyReader>>& key_table() {
  static const std::vector<std::pair<std::string, KeyReader>> table = {
      {"exclude",
       [](const std::string& f, const YAML::Node& n, Config& c) { return read_list(f, "exclude", n, c.exclude); }},
      {"vendored",
       [](const std::string& f, const YAML::Node& n, Config& c) { return read_list(f, "vendored", n, c.vendored); }},
      {"max_file_size",
       [](const std::string& f, const YAML::Node& n, Config& c) -> std::string {
         if (!n.IsScalar()) return where(f, n) + ": 'max_file_size' must be a size such as 2MiB";
         auto r = parse_size(n.as<std::string>());
         if (!r) return where(f, n) + ": 'max_file_size': " + r.error().message;
         c.max_file_size = *r;
         return "";
       }},
      {"preview",
       [](const std::string& f, const YAML::Node& n, Config& c) -> std::string {
         auto on = as_switch(n);
         if (!on) return where(f, n) + ": 'preview' must be true or false";
         c.preview = *on;
         return "";
       }},
      {"packs",
       [](const std::string& f, const YAML::Node& n, Config& c) -> std::string {
         if (!n.IsMap()) return where(f, n) + ": 'packs' must be a mapping of pack: on|off, e.g. {python: on}";
         for (const auto& kv : n) {
           auto on = as_switch(kv.second);
           if (!on) return where(f, kv.second) + ": pack '" + kv.first.as<std::string>() + "' must be on or off";
           c.packs.push_back({kv.first.as<std::string>(), *on, where(f, kv.first)});
         }
         return "";
       }},
      {"rules",
       [](const std::string& f, const YAML::Node& n, Config& c) -> std::string {
         if (!n.IsMap()) return where(f, n) + ": 'rules' must be a mapping of rule id: settings";
         for (const auto& kv : n) {
           RuleSetting s;
           std::string err = read_rule_setting(f, kv.first.as<std::string>(), kv.second, s);
           if (!err.empty()) return err;
           s.where = where(f, kv.first);
           c.rules.push_back(std::move(s));
         }
         return "";
       }},
      {"thresholds",
       [](const std::string& f, const YAML::Node& n, Config& c) -> std::string {
         if (!n.IsMap())
           return where(f, n) + ": 'thresholds' must be a mapping of metric: number, e.g. {function.cyclomatic: 20}";
         for (const auto& kv : n) {
           auto d = as_number(kv.second);
           if (!d) return where(f, kv.second) + ": threshold '" + kv.first.as<std::string>() + "' must be a number";
           c.thresholds.push_back({kv.first.as<std::string>(), *d, where(f, kv.first)});
         }
         return "";
       }},
      {"ignore",
       [](const std::string& f, const YAML::Node& n, Config& c) -> std::string {
         if (!n.IsSequence()) return where(f, n) + ": 'ignore' must be a list of {paths, rules, reason}";
         for (const auto& item : n) {
           IgnoreEntry e;
           std::string err = read_ignore_entry(f, item, e);
           if (!err.empty()) return err;
           c.ignore.push_back(std::move(e));
         }
         return "";
       }},
      {"rule_folders",
       [](const std::string& f, const YAML::Node& n, Config& c) -> std::string {
         std::string err = read_list(f, "rule_folders", n, c.rule_folders);
         for (auto& p : c.rule_folders) p = relative_to(f, p);
         return err;
       }},
      {"baseline",
       [](const std::string& f, const YAML::Node& n, Config& c) -> std::string {
         if (!n.IsScalar()) return where(f, n) + ": 'baseline' must be a file name (facts.json or SARIF)";
         c.baseline = relative_to(f, n.as<std::string>());
         return "";
       }},
      {"language",
       [](const std::string& f, const YAML::Node& n, Config& c) -> std::string {
         std::string v = n.IsScalar() ? n.as<std::string>() : "";
         if (v != "en" && v != "da") {
           std::string hint = did_you_mean(v, {"en", "da"});
           return where(f, n) + ": 'language' must be en or da" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)");
         }
         c.language = v;
         return "";
       }},
      {"docs_url",
       [](const std::string& f, const YAML::Node& n, Config& c) -> std::string {
         std::string v = n.IsScalar() ? n.as<std::string>() : "";
         if (std::string why = check_docs_url(v); !why.empty())
           return where(f, n) + ": 'docs_url' must be the http(s) URL of the folder holding the rule pages "
                                "(docs/rules/): " + why;
         c.docs_url = v;
         return "";
       }},
      {"gate", [](const std::string& f, const YAML::Node& n, Config& c) { return read_gate_config(f, n, c.gate); }},
      {"scoring",
       [](const std::string& f, const YAML::Node& n, Config& c) { return read_scoring_config(f, n, c.scoring); }},
      {"organisations",
       [](const std::string& f, const YAML::Node& n, Config& c) -> std::string {
         if (!n.IsMap())
           return where(f, n) + ": 'organisations' must be a mapping of e-mail domain: organisation name, or of "
                                "organisation name: [domains]";
         for (const auto& kv : n) {
           const std::string key = kv.first.as<std::string>();
           if (kv.second.IsScalar()) {  // acme.dk: Acme A/S
             if (std::string err = check_mail_domain(f, kv.first, key); !err.empty()) return err;
             c.organisations.emplace_back(key, kv.second.as<std::string>());
           } else if (kv.second.IsSequence() && kv.second.size() > 0) {  // Magenta ApS: [magenta.dk, magenta-aps.dk]
             for (const auto& d : kv.second) {
               if (!d.IsScalar()) return where(f, d) + ": the domains of '" + key + "' must be e-mail domains";
               if (std::string err = check_mail_domain(f, d, d.as<std::string>()); !err.empty()) return err;
               c.organisations.emplace_back(d.as<std::string>(), key);
             }
           } else {
             return where(f, kv.second) + ": organisation for '" + key +
                    "' must be a name (domain: name) or a list of domains (name: [domain, domain])";
           }
         }
         return "";
       }},
  };
  return table;
}

}  // namespace

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = std::max<size_t>(3, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

Result<Config> find_config(const std::string& explicit_path, const std::string& root) {
  if (!explicit_path.empty()) return load_config(explicit_path);
  if (root.empty()) return Config{};
  std::filesystem::path implicit = std::filesystem::path(root) / ".repohealth.yml";
  std::error_code ec;
  if (std::filesystem::is_regular_file(implicit, ec)) return load_config(implicit.string());
  return Config{};
}

Result<int64_t> parse_size(const std::string& text) {
  size_t i = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  if (i == 0 || i > 15) return Error{"'" + text + "' is not a size (examples: 2097152, 500KiB, 2MiB)"};
  int64_t n = std::stoll(text.substr(0, i));
  std::string unit = text.substr(i);
  while (!unit.empty() && unit.front() == ' ') unit.erase(0, 1);
  std::transform(unit.begin(), unit.end(), unit.begin(), [](unsigned char c) { return std::tolower(c); });
  int64_t mult = 1;
  if (unit.empty() || unit == "b")
    mult = 1;
  else if (unit == "k" || unit == "kb" || unit == "kib")
    mult = 1024;
  else if (unit == "m" || unit == "mb" || unit == "mib")
    mult = 1024 * 1024;
  else if (unit == "g" || unit == "gb" || unit == "gib")
    mult = 1024LL * 1024 * 1024;
  else
    return Error{"unknown unit '" + unit + "' in '" + text + "' (use B, KiB, MiB or GiB)"};
  return n * mult;
}

Result<Config> load_config(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Error{path + ": config file not found"};
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::Exception& e) {
    return Error{path + ":" + std::to_string(e.mark.line + 1) + ": invalid YAML: " + e.msg};
  }
  Config config;
  config.path = path;
  if (root.IsNull()) return config;  // an empty file is a valid, empty config
  if (!root.IsMap()) return Error{where(path, root) + ": the config must be a mapping of keys"};
  std::vector<std::string> known;
  for (const auto& [name, _] : key_table()) known.push_back(name);
  for (const auto& kv : root) {
    const std::string key = kv.first.as<std::string>();
    auto it = std::find_if(key_table().begin(), key_table().end(),
                           [&](const auto& row) { return row.first == key; });
    if (it == key_table().end()) return Error{unknown_key(path, kv.first, key, known, "")};
    std::string err = it->second(path, kv.second, config);
    if (!err.empty()) return Error{err};
  }
  return config;
}

}  // namespace rh
