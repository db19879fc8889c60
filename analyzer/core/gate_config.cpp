// Reads the `gate:` section of .repohealth.yml (core/gate_config.h).
#include "core/gate_config.h"

#include "core/config.h"
#include "core/config_yaml.h"
#include "core/scoring_config.h"

#include <algorithm>

namespace rh {
namespace {
using namespace config_yaml;

std::string read_counts(const std::string& f, const std::string& name, const YAML::Node& n,
                        std::map<std::string, int64_t>& out) {
  if (!n.IsMap()) return where(f, n) + ": 'gate." + name + "' must be a mapping of severity: count, e.g. {error: 0}";
  for (const auto& kv : n) {
    const std::string sev = kv.first.as<std::string>();
    if (!is_severity(sev)) {
      std::string hint = did_you_mean(sev, {"error", "warning", "note"});
      return where(f, kv.first) + ": 'gate." + name + "': '" + sev + "' is not a severity (error, warning or note)" +
             (hint.empty() ? "" : " (did you mean '" + hint + "'?)");
    }
    auto d = as_number(kv.second);
    if (!d || *d < 0 || *d != static_cast<double>(static_cast<int64_t>(*d)))
      return where(f, kv.second) + ": 'gate." + name + "." + sev + "' must be a whole number of findings, 0 or more";
    out[sev] = static_cast<int64_t>(*d);
  }
  return "";
}

std::string read_whole(const std::string& f, const std::string& name, const YAML::Node& n, int64_t min,
                       std::optional<int64_t>& out) {
  auto d = as_number(n);
  if (!d || *d < static_cast<double>(min) || *d != static_cast<double>(static_cast<int64_t>(*d)))
    return where(f, n) + ": 'gate." + name + "' must be a whole number, " + std::to_string(min) + " or more";
  out = static_cast<int64_t>(*d);
  return "";
}

}  // namespace

std::string read_gate_config(const std::string& f, const YAML::Node& n, GateConfig& g) {
  if (!n.IsMap()) return where(f, n) + ": 'gate' must be a mapping of conditions (docs/ci.md)";
  g.configured = true;
  static const std::vector<std::string> known = {"max_findings",       "max_new_findings",  "no_new",
                                                 "max_new_cyclomatic", "max_new_cognitive", "max_new_duplication",
                                                 "min_truck_factor",   "min_grades",        "min_confidence"};
  for (const auto& kv : n) {
    const std::string key = kv.first.as<std::string>();
    const YAML::Node& v = kv.second;
    std::string err;
    if (key == "max_findings" || key == "max_new_findings") {
      err = read_counts(f, key, v, key == "max_findings" ? g.max_findings : g.max_new_findings);
    } else if (key == "no_new") {
      auto list = v.IsScalar() ? Result<std::vector<std::string>>(std::vector<std::string>{v.as<std::string>()})
                               : string_list(f, "gate.no_new", v);
      if (!list) return list.error().message;
      g.no_new = *list;
    } else if (key == "max_new_cyclomatic") {
      err = read_whole(f, key, v, 1, g.max_new_cyclomatic);
    } else if (key == "max_new_cognitive") {
      err = read_whole(f, key, v, 0, g.max_new_cognitive);
    } else if (key == "min_truck_factor") {
      err = read_whole(f, key, v, 0, g.min_truck_factor);
    } else if (key == "max_new_duplication") {
      auto d = as_number(v);
      if (!d || *d < 0 || *d > 100) return where(f, v) + ": 'gate.max_new_duplication' must be a percentage, 0 to 100";
      g.max_new_duplication = *d;
    } else if (key == "min_confidence") {
      const std::string c = v.IsScalar() ? v.as<std::string>() : "";
      if (c != "high" && c != "medium" && c != "low")
        return where(f, v) + ": 'gate.min_confidence' must be high, medium or low";
      g.min_confidence = c;
    } else if (key == "min_grades") {
      if (!v.IsMap()) return where(f, v) + ": 'gate.min_grades' must be a mapping of dimension: grade, e.g. {security: C}";
      for (const auto& d : v) {
        std::vector<std::string> dims = score_dimensions();
        dims.push_back("overall");
        const std::string dim = d.first.as<std::string>();
        if (std::find(dims.begin(), dims.end(), dim) == dims.end())
          return unknown_key(f, d.first, dim, dims, " in 'gate.min_grades' (a health dimension or overall)");
        std::string grade = d.second.IsScalar() ? d.second.as<std::string>() : "";
        if (grade.size() != 1 || grade[0] < 'A' || grade[0] > 'E')
          return where(f, d.second) + ": 'gate.min_grades." + d.first.as<std::string>() + "' must be a grade A to E";
        g.min_grades.emplace_back(d.first.as<std::string>(), grade);
      }
    } else {
      return unknown_key(f, kv.first, key, known, " in 'gate'");
    }
    if (!err.empty()) return err;
    g.where[key] = where(f, kv.first);
  }
  return "";
}

}  // namespace rh
