#include "engine/baseline.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace rh {
namespace {

using json = nlohmann::json;

void add_sarif(const json& doc, Baseline& b) {
  for (const auto& run : doc["runs"]) {
    if (!run.is_object() || !run.contains("results")) continue;
    for (const auto& res : run["results"]) {
      if (!res.is_object() || !res.contains("ruleId")) continue;
      std::string rule = res["ruleId"].get<std::string>();
      // One entry per result: repohealth's own fingerprint (partialFingerprints
      // "repohealthFingerprint/v1"); line hashes of other tools do not identify our findings.
      std::string fp;
      for (const char* key : {"partialFingerprints", "fingerprints"}) {
        if (!res.contains(key) || !res[key].is_object()) continue;
        for (auto it = res[key].begin(); it != res[key].end(); ++it)
          if (fp.empty() && it.value().is_string() && it.key().find("repohealth") != std::string::npos)
            fp = it.value().get<std::string>();
      }
      if (!fp.empty()) ++b.entries[{rule, fp}];
    }
  }
}

}  // namespace

Result<Baseline> read_baseline(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path + ": baseline file not found"};
  std::stringstream ss;
  ss << in.rdbuf();
  json doc;
  try {
    doc = json::parse(ss.str());
  } catch (const json::exception& e) {
    return Error{path + ": baseline is not valid JSON: " + e.what()};
  }
  Baseline b;
  b.path = path;
  try {
    if (doc.is_object() && doc.contains("runs") && doc["runs"].is_array()) {
      add_sarif(doc, b);
    } else if (doc.is_object() && doc.contains("findings") && doc["findings"].is_array()) {
      for (const auto& f : doc["findings"])
        ++b.entries[{f.at("rule_id").get<std::string>(), f.at("fingerprint").get<std::string>()}];
    } else {
      return Error{path + ": baseline must be a repohealth facts.json (with 'findings') or a SARIF log (with 'runs')"};
    }
  } catch (const json::exception& e) {
    return Error{path + ": baseline has an unexpected shape: " + e.what()};
  }
  return b;
}

void apply_baseline(const Baseline& baseline, std::vector<Finding>& findings) {
  auto left = baseline.entries;
  for (Finding& f : findings) {
    auto it = left.find({f.rule_id, f.fingerprint});
    if (it != left.end() && it->second > 0) {
      --it->second;
      f.baseline_state = "unchanged";
      if (!f.suppression) f.suppression = Suppression{"baseline", "in baseline " + baseline.path};
    } else {
      f.baseline_state = "new";
    }
  }
}

}  // namespace rh
