#include "engine/rule_catalog.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "core/embedded.h"

namespace rh {

Result<std::vector<RuleSummary>> embedded_rule_summaries() {
  std::vector<RuleSummary> out;
  for (const auto& f : embedded_files()) {
    if (f.path.starts_with("languages/") || f.path.starts_with("workspace/")) continue;
    YAML::Node n;
    try {
      n = YAML::Load(std::string(f.bytes));
    } catch (const YAML::Exception& e) {
      return Error{"rules/" + std::string(f.path) + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg};
    }
    RuleSummary r;
    r.id = n["id"].as<std::string>("");
    r.title = n["title"].as<std::string>("");
    r.severity = n["severity"].as<std::string>("");
    r.kind = n["kind"].as<std::string>("");
    r.state = n["state"].as<std::string>("stable");
    if (n["languages"]) r.languages = n["languages"].as<std::vector<std::string>>();
    r.source = "rules/" + std::string(f.path);
    out.push_back(std::move(r));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

}  // namespace rh
