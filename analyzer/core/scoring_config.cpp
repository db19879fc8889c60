// Reads the `scoring:` section of .repohealth.yml (core/scoring_config.h).
#include "core/scoring_config.h"

#include <algorithm>

#include "core/config.h"
#include "core/config_yaml.h"

namespace rh {
namespace {
using namespace config_yaml;

std::string read_weights(const std::string& f, const YAML::Node& n, ScoringConfig& s) {
  if (!n.IsMap())
    return where(f, n) + ": 'scoring.weights' must be a mapping of dimension: weight, e.g. {security: 2}";
  for (const auto& kv : n) {
    const std::string d = kv.first.as<std::string>();
    if (!s.weights.count(d)) return unknown_key(f, kv.first, d, score_dimensions(), " in 'scoring.weights'");
    auto w = as_number(kv.second);
    if (!w || *w < 0 || *w > 100) return where(f, kv.second) + ": 'scoring.weights." + d + "' must be a number from 0 to 100";
    s.weights[d] = *w;
  }
  double total = 0;
  for (const auto& [_, w] : s.weights) total += w;
  if (total <= 0) return where(f, n) + ": 'scoring.weights' must give at least one dimension a weight above 0";
  return "";
}

std::string read_grades(const std::string& f, const YAML::Node& n, ScoringConfig& s) {
  static const std::vector<std::string> grades = {"A", "B", "C", "D"};
  if (!n.IsMap())
    return where(f, n) + ": 'scoring.grades' must be a mapping of grade: lowest score, e.g. {A: 85, B: 70, C: 55, D: 40}";
  for (const auto& kv : n) {
    const std::string g = kv.first.as<std::string>();
    auto it = std::find(grades.begin(), grades.end(), g);
    if (it == grades.end())
      return unknown_key(f, kv.first, g, grades, " in 'scoring.grades' (E is everything below D)");
    auto v = as_number(kv.second);
    if (!v || *v < 0 || *v > 100) return where(f, kv.second) + ": 'scoring.grades." + g + "' must be a score from 0 to 100";
    s.boundaries[static_cast<size_t>(it - grades.begin())] = *v;
  }
  for (size_t i = 1; i < s.boundaries.size(); ++i)
    if (s.boundaries[i] >= s.boundaries[i - 1])
      return where(f, n) + ": 'scoring.grades' must descend: A above B above C above D (now " + grades[i - 1] + " " +
             std::to_string(static_cast<int>(s.boundaries[i - 1])) + ", " + grades[i] + " " +
             std::to_string(static_cast<int>(s.boundaries[i])) + ")";
  return "";
}

}  // namespace

std::string read_scoring_config(const std::string& f, const YAML::Node& n, ScoringConfig& s) {
  if (!n.IsMap()) return where(f, n) + ": 'scoring' must be a mapping with 'weights' and/or 'grades' (docs/scoring.md)";
  for (const auto& kv : n) {
    const std::string key = kv.first.as<std::string>();
    std::string err;
    if (key == "weights")
      err = read_weights(f, kv.second, s);
    else if (key == "grades")
      err = read_grades(f, kv.second, s);
    else
      return unknown_key(f, kv.first, key, {"weights", "grades"}, " in 'scoring'");
    if (!err.empty()) return err;
  }
  return "";
}

}  // namespace rh
