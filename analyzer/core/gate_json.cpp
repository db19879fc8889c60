// facts.json for the new-code classification and the gate verdict (core/gate_model.h).
#include "core/model_json.h"

namespace rh {

ojson new_code_to_json(const NewCode& n) {
  ojson j;
  j["since"] = n.since;
  j["merge_base"] = n.merge_base;
  j["new_findings"] = n.new_findings;
  j["unchanged_findings"] = n.unchanged_findings;
  j["absent_findings"] = n.absent_findings;
  j["files"] = ojson::array();
  for (const auto& f : n.files) {
    ojson lines = ojson::array();
    for (const auto& [a, b] : f.lines) lines.push_back(ojson::array({a, b}));
    j["files"].push_back({{"path", f.path}, {"old_path", f.old_path}, {"status", f.status}, {"lines", lines}});
  }
  return j;
}

void new_code_from_json(const ojson& j, NewCode& n) {
  n.since = j.at("since").get<std::string>();
  n.merge_base = j.at("merge_base").get<std::string>();
  n.new_findings = j.at("new_findings").get<int64_t>();
  n.unchanged_findings = j.at("unchanged_findings").get<int64_t>();
  n.absent_findings = j.at("absent_findings").get<int64_t>();
  for (const auto& f : j.at("files")) {
    ChangedFile c;
    c.path = f.at("path").get<std::string>();
    c.old_path = f.at("old_path").get<std::string>();
    c.status = f.at("status").get<std::string>();
    for (const auto& r : f.at("lines")) c.lines.emplace_back(r.at(0).get<int64_t>(), r.at(1).get<int64_t>());
    n.files.push_back(std::move(c));
  }
}

ojson gate_to_json(const GateResult& g) {
  ojson j;
  j["passed"] = g.passed;
  j["source"] = g.source;
  j["conditions"] = ojson::array();
  for (const auto& c : g.conditions)
    j["conditions"].push_back({{"name", c.name},
                               {"actual", c.actual},
                               {"threshold", c.threshold},
                               {"status", c.status},
                               {"detail", c.detail}});
  return j;
}

void gate_from_json(const ojson& j, GateResult& g) {
  g.passed = j.at("passed").get<bool>();
  g.source = j.at("source").get<std::string>();
  for (const auto& c : j.at("conditions"))
    g.conditions.push_back({c.at("name").get<std::string>(), c.at("actual").get<std::string>(),
                            c.at("threshold").get<std::string>(), c.at("status").get<std::string>(),
                            c.at("detail").get<std::string>()});
}

}  // namespace rh
