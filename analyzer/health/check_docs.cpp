#include "health/check_docs.h"

#include <array>
#include <sstream>
#include <utility>

#include "health/checks.h"
#include "health/health.h"

namespace rh {
namespace {

/// The dimensions as docs/health.md groups the checks, with their headings.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kDimensions = {{
    {"documentation", "Documentation and governance"},
    {"process", "Process and delivery"},
    {"security", "Security"},
    {"knowledge", "Knowledge and ownership"},
    {"maintainability", "Maintainability"},
}};

std::string number(double v) {
  std::ostringstream o;
  o << v;
  return o.str();
}

/// "`a`, `b`", or "–" for none.
std::string code_list(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "`" : ", `") + id + "`";
  return out.empty() ? "–" : out;
}

std::string check_tables() {
  std::string out;
  for (const auto& [dimension, heading] : kDimensions) {
    std::string rows;
    for (const CheckSpec& c : check_catalog())
      if (c.dimension == dimension) rows += "| `" + c.id + "` | " + c.title + ". " + c.looks_for + " |\n";
    if (rows.empty()) continue;
    out += (out.empty() ? "" : "\n") + std::string("### ") + std::string(heading) + "\n\n";
    out += "| check | what it looks for |\n| --- | --- |\n" + rows;
  }
  return out;
}

std::string requirement_tables() {
  const std::vector<Requirement> reqs = health::map_requirements({});
  std::string out;
  for (const auto& [framework, heading, column] :
       std::array<std::array<std::string_view, 3>, 2>{{
           {"community", "The community's product requirements", "requirement"},
           {"standard_for_public_code", "Standard for Public Code (Foundation for Public Code, 16 criteria)", "criterion"},
       }}) {
    out += (out.empty() ? "" : "\n") + std::string("### ") + std::string(heading) + "\n\n";
    out += "| id | " + std::string(column) + " | checks | needs a person for |\n| --- | --- | --- | --- |\n";
    for (const Requirement& r : reqs)
      if (r.framework == framework)
        out += "| " + r.id + " | " + r.title + " | " + code_list(r.checks) + " | " + (r.person.empty() ? "–" : r.person) +
               " |\n";
  }
  return out;
}

std::string points_table() {
  std::string out = "| check | dimension | fail takes | warn takes |\n| --- | --- | --- | --- |\n";
  for (const CheckSpec& c : check_catalog())
    out += "| `" + c.id + "` | " + c.dimension + " | " + number(c.points) + " | " + number(c.points / 2) + " |\n";
  return out;
}

}  // namespace

std::vector<CheckDocSection> render_check_docs() {
  return {{"health.md", "checks", check_tables()},
          {"health.md", "requirements", requirement_tables()},
          {"scoring.md", "check-points", points_table()}};
}

std::string check_doc_begin(std::string_view name) {
  return "<!-- generated: " + std::string(name) + " (repohealth rules --check-docs docs; edit rules/repo/) -->";
}
std::string check_doc_end(std::string_view name) { return "<!-- end of generated: " + std::string(name) + " -->"; }

Result<std::string> splice_check_docs(std::string_view document, std::string doc,
                                      const std::vector<CheckDocSection>& sections) {
  for (const CheckDocSection& s : sections) {
    if (s.document != document) continue;
    const std::string begin = check_doc_begin(s.name) + "\n", end = check_doc_end(s.name);
    const size_t from = doc.find(begin);
    const size_t to = from == std::string::npos ? std::string::npos : doc.find(end, from);
    if (to == std::string::npos)
      return Error{std::string(document) + ": the markers of the generated section '" + s.name + "' are missing (" +
                   check_doc_begin(s.name) + " ... " + end + ")"};
    doc.replace(from + begin.size(), to - from - begin.size(), s.text + "\n");
  }
  return doc;
}

}  // namespace rh
