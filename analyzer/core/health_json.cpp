// facts.json for the health checks, requirements and scores (core/health_model.h).
#include "core/model_json.h"

namespace rh {
namespace {

ojson evidence_json(const std::vector<CheckEvidence>& ev) {
  ojson a = ojson::array();
  for (const auto& e : ev) {
    ojson j = {{"path", e.path}, {"line", e.line}, {"text", e.text}};
    put_message(j, "text_message", e.message);
    a.push_back(std::move(j));
  }
  return a;
}

std::vector<CheckEvidence> evidence_from(const ojson& a) {
  std::vector<CheckEvidence> out;
  for (const auto& e : a)
    out.push_back({e.at("path").get<std::string>(), e.at("line").get<int64_t>(), e.at("text").get<std::string>(),
                   get_message(e, "text_message")});
  return out;
}

ojson declaration_json(const LicenceDeclaration& d) {
  return {{"path", d.path}, {"line", d.line}, {"expression", d.expression}, {"source", d.source}};
}

LicenceDeclaration declaration_from(const ojson& d) {
  return {d.at("path").get<std::string>(), d.at("line").get<int64_t>(), d.at("expression").get<std::string>(),
          d.at("source").get<std::string>()};
}

ojson licence_file_json(const LicenceFile& f) {
  return {{"path", f.path},
          {"spdx_id", f.spdx_id},
          {"name", f.name},
          {"confidence", f.confidence},
          {"osi_approved", f.osi_approved},
          {"alternatives", f.alternatives},
          {"variant_basis", f.variant_basis.path.empty()
                                ? ojson(nullptr)
                                : ojson{{"path", f.variant_basis.path}, {"line", f.variant_basis.line}, {"text", f.variant_basis.text}}}};
}

LicenceFile licence_file_from(const ojson& f) {
  LicenceFile out{f.at("path").get<std::string>(), f.at("spdx_id").get<std::string>(),
                  f.at("name").get<std::string>(), f.at("confidence").get<double>(),
                  f.at("osi_approved").get<bool>(), f.at("alternatives").get<std::vector<std::string>>(), {}};
  if (f.contains("variant_basis") && f["variant_basis"].is_object()) {
    const ojson& b = f["variant_basis"];
    out.variant_basis = {b.at("path").get<std::string>(), b.at("line").get<int64_t>(), b.at("text").get<std::string>()};
  }
  return out;
}

ojson optional_number(const std::optional<double>& v) { return v ? ojson(*v) : ojson(nullptr); }
std::optional<double> optional_from(const ojson& v) {
  return v.is_null() ? std::nullopt : std::optional<double>(v.get<double>());
}

}  // namespace

ojson message_to_json(const Message& m) {
  ojson args = ojson::array();
  for (const auto& a : m.args) {
    ojson arg = {{"name", a.name}, {"value", a.value}};
    if (a.kind != "text") arg["kind"] = a.kind;
    args.push_back(std::move(arg));
  }
  return {{"key", m.key}, {"args", args}};
}

Message message_from_json(const ojson& j) {
  Message m;
  m.key = j.at("key").get<std::string>();
  if (j.contains("args"))
    for (const auto& a : j.at("args"))
      m.args.push_back({a.at("name").get<std::string>(), a.at("value").get<std::string>(), a.value("kind", "text")});
  return m;
}

void put_message(ojson& j, const char* field, const Message& m) {
  if (!m.empty()) j[field] = message_to_json(m);
}

Message get_message(const ojson& j, const char* field) {
  // facts.json written before messages existed has none: the English text is shown.
  return j.contains(field) && j.at(field).is_object() ? message_from_json(j.at(field)) : Message{};
}

ojson health_to_json(const HealthFacts& h) {
  ojson j;
  j["checks"] = ojson::array();
  for (const auto& c : h.checks) {
    ojson check = {{"id", c.id},
                   {"dimension", c.dimension},
                   {"title", c.title},
                   {"status", c.status},
                   {"summary", c.summary},
                   {"remedy", c.remedy},
                   {"evidence", evidence_json(c.evidence)}};
    put_message(check, "summary_message", c.summary_message);
    put_message(check, "remedy_message", c.remedy_message);
    j["checks"].push_back(std::move(check));
  }
  const LicenceFacts& l = h.licence;
  ojson files = ojson::array(), subfolder_files = ojson::array();
  for (const auto& f : l.files) files.push_back(licence_file_json(f));
  for (const auto& f : l.subfolder_files) subfolder_files.push_back(licence_file_json(f));
  ojson declarations = ojson::array(), conflicts = ojson::array(), declaration_conflicts = ojson::array();
  for (const auto& d : l.declarations) declarations.push_back(declaration_json(d));
  for (const auto& d : l.header_conflicts) conflicts.push_back(declaration_json(d));
  for (const auto& d : l.declaration_conflicts) declaration_conflicts.push_back(declaration_json(d));
  j["licence"] = {{"licence", l.licence},
                  {"osi_approved", l.osi_approved},
                  {"community_default", l.community_default},
                  {"files", files},
                  {"declarations", declarations},
                  {"files_with_spdx_header", l.files_with_spdx_header},
                  {"header_conflicts", conflicts},
                  {"declaration_conflicts", declaration_conflicts},
                  {"subfolder_files", subfolder_files}};
  const TestFacts& t = h.tests;
  j["tests"] = {{"test_files", t.test_files},
                {"test_code_lines", t.test_code_lines},
                {"product_files", t.product_files},
                {"product_code_lines", t.product_code_lines},
                {"ratio", t.ratio}};
  j["requirements"] = ojson::array();
  for (const auto& r : h.requirements)
    j["requirements"].push_back({{"id", r.id},
                                 {"framework", r.framework},
                                 {"title", r.title},
                                 {"status", r.status},
                                 {"checks", r.checks},
                                 {"person", r.person}});
  ojson dims = ojson::array();
  for (const auto& d : h.scores.dimensions) {
    ojson inputs = ojson::array();
    for (const auto& in : d.inputs) {
      ojson input = {{"name", in.name}, {"value", in.value}, {"points", in.points}, {"rule", in.rule}};
      put_message(input, "value_message", in.value_message);
      put_message(input, "rule_message", in.rule_message);
      inputs.push_back(std::move(input));
    }
    ojson dim = {{"id", d.id},
                 {"score", optional_number(d.score)},
                 {"grade", d.grade},
                 {"weight", d.weight},
                 {"reason", d.reason},
                 {"inputs", inputs}};
    put_message(dim, "reason_message", d.reason_message);
    dims.push_back(std::move(dim));
  }
  j["scores"] = {{"overall", optional_number(h.scores.overall)},
                 {"overall_grade", h.scores.overall_grade},
                 {"boundaries", h.scores.boundaries},
                 {"dimensions", dims}};
  return j;
}

void health_from_json(const ojson& j, HealthFacts& h) {
  for (const auto& c : j.at("checks"))
    h.checks.push_back({c.at("id").get<std::string>(), c.at("dimension").get<std::string>(),
                        c.at("title").get<std::string>(), c.at("status").get<std::string>(),
                        c.at("summary").get<std::string>(), c.at("remedy").get<std::string>(),
                        evidence_from(c.at("evidence")), get_message(c, "summary_message"),
                        get_message(c, "remedy_message")});
  const ojson& l = j.at("licence");
  h.licence.licence = l.at("licence").get<std::string>();
  h.licence.osi_approved = l.at("osi_approved").get<bool>();
  h.licence.community_default = l.at("community_default").get<bool>();
  for (const auto& f : l.at("files")) h.licence.files.push_back(licence_file_from(f));
  if (l.contains("subfolder_files"))  // facts.json written before sub-folder licences were listed
    for (const auto& f : l.at("subfolder_files")) h.licence.subfolder_files.push_back(licence_file_from(f));
  for (const auto& d : l.at("declarations")) h.licence.declarations.push_back(declaration_from(d));
  h.licence.files_with_spdx_header = l.at("files_with_spdx_header").get<int64_t>();
  for (const auto& d : l.at("header_conflicts")) h.licence.header_conflicts.push_back(declaration_from(d));
  if (l.contains("declaration_conflicts"))
    for (const auto& d : l.at("declaration_conflicts")) h.licence.declaration_conflicts.push_back(declaration_from(d));
  const ojson& t = j.at("tests");
  h.tests = {t.at("test_files").get<int64_t>(), t.at("test_code_lines").get<int64_t>(),
             t.at("product_files").get<int64_t>(), t.at("product_code_lines").get<int64_t>(), t.at("ratio").get<double>()};
  for (const auto& r : j.at("requirements"))
    h.requirements.push_back({r.at("id").get<std::string>(), r.at("framework").get<std::string>(),
                              r.at("title").get<std::string>(), r.at("status").get<std::string>(),
                              r.at("checks").get<std::vector<std::string>>(), r.at("person").get<std::string>()});
  const ojson& s = j.at("scores");
  h.scores.overall = optional_from(s.at("overall"));
  h.scores.overall_grade = s.at("overall_grade").get<std::string>();
  h.scores.boundaries = s.at("boundaries").get<std::vector<double>>();
  for (const auto& d : s.at("dimensions")) {
    DimensionScore ds;
    ds.id = d.at("id").get<std::string>();
    ds.score = optional_from(d.at("score"));
    ds.grade = d.at("grade").get<std::string>();
    ds.weight = d.at("weight").get<double>();
    ds.reason = d.at("reason").get<std::string>();
    ds.reason_message = get_message(d, "reason_message");
    for (const auto& in : d.at("inputs"))
      ds.inputs.push_back({in.at("name").get<std::string>(), in.at("value").get<std::string>(),
                           in.at("points").get<double>(), in.at("rule").get<std::string>(),
                           get_message(in, "value_message"), get_message(in, "rule_message")});
    h.scores.dimensions.push_back(std::move(ds));
  }
}

}  // namespace rh
