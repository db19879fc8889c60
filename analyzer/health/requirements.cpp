// The community's product requirements and the Standard for Public Code (rules/health/
// requirements.yml), mapped to the checks whose records name them (`repo.requirements`). Status from the mapped checks' statuses (docs/health.md):
// none mapped -> needs_person; any fail -> not_met; all pass (not applicable ignored) -> met;
// all inconclusive -> inconclusive; otherwise partly.
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "core/embedded.h"
#include "health/checks.h"

namespace rh::health {
namespace {

std::vector<Requirement> load_requirements() {
  std::vector<Requirement> out;
  // Shipped data, checked by tests/health.
  YAML::Node root = YAML::Load(std::string(embedded_text("health/requirements.yml")));
  for (const char* framework : {"community", "standard_for_public_code"})
    for (const auto& r : root[framework]) {
      Requirement q;
      q.id = r["id"].as<std::string>();
      q.framework = framework;
      q.title = r["title"].as<std::string>();
      for (const CheckSpec& c : check_catalog())  // in report order
        if (std::find(c.requirements.begin(), c.requirements.end(), q.id) != c.requirements.end())
          q.checks.push_back(c.id);
      if (r["person"]) q.person = r["person"].as<std::string>();
      out.push_back(std::move(q));
    }
  return out;
}

}  // namespace

std::vector<Requirement> map_requirements(const std::vector<HealthCheck>& checks) {
  static const std::vector<Requirement> catalog = load_requirements();
  std::vector<Requirement> out = catalog;
  for (Requirement& r : out) {
    int pass = 0, fail = 0, inconclusive = 0, other = 0;
    for (const auto& id : r.checks) {
      auto c = std::find_if(checks.begin(), checks.end(), [&](const HealthCheck& h) { return h.id == id; });
      if (c == checks.end() || c->status == "inconclusive")
        ++inconclusive;
      else if (c->status == "pass")
        ++pass;
      else if (c->status == "fail")
        ++fail;
      else if (c->status != "not_applicable")
        ++other;  // warn
    }
    if (r.checks.empty())
      r.status = "needs_person";
    else if (fail > 0)
      r.status = "not_met";
    else if (other == 0 && inconclusive == 0 && pass > 0)
      r.status = "met";
    else if (pass == 0 && other == 0)
      r.status = "inconclusive";
    else
      r.status = "partly";
  }
  return out;
}

}  // namespace rh::health
