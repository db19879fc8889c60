// Health sections of the HTML report: the grades in the overview, and the checks with their
// evidence, the requirement mapping and the score breakdown (core/health_model.h).
#include <map>

#include "reports/html_sections.h"
#include "reports/svg_charts.h"

namespace rh::html {
namespace {

constexpr size_t kEvidenceRows = 8;

std::string status_class(const std::string& status) {
  if (status == "pass" || status == "met") return "pass";
  if (status == "fail" || status == "not_met") return "fail";
  if (status == "warn" || status == "partly") return "warn";
  return "neutral";  // not applicable, inconclusive, needs a person
}

std::string signed_points(const Translation& t, double points) {
  if (points == 0) return "0";
  return "−" + t.decimal(-points, 1);
}

Data grade_row(const Translation& t, const std::string& name, const std::optional<double>& score,
               const std::string& grade, const std::string& reason) {
  Data row;
  row.set("name", name);
  set_text(row, "grade", grade);
  row.set("grade_class", grade.empty() ? std::string("grade-none") : "grade-" + grade);
  set_text(row, "score", score ? t.decimal(*score, 1) : "");
  set_text(row, "reason", score ? "" : t.text("health.not_rated") + ": " + reason);
  return row;
}

}  // namespace

std::string check_title(const Translation& t, const HealthCheck& c) { return t.catalogue("check." + c.id + ".title", c.title); }

std::string message_html(const Translation& t, const Message& m, const std::string& fallback) {
  static const MessageStyle style{[](std::string_view s) { return html_escape(s); },
                                  [](std::string_view s) { return "<span translate=\"no\">" + html_escape(s) + "</span>"; }};
  return t.message(m, fallback, style);
}

Data grades(const Context& c) {
  const auto& t = c.t;
  if (!c.result.health) return not_analysed(t, "reason.checks");
  const Scores& s = c.result.health->scores;
  Data g;
  List rows;
  for (const auto& d : s.dimensions) {
    Data row = grade_row(t, t.text("dimension." + d.id), d.score, d.grade, t.message(d.reason_message, d.reason));
    List movers = grade_movers(c, d);
    row.set("has_movers", !movers.empty());
    row.set("movers", movers);
    rows.push_back(row);
  }
  g.set("dimensions", rows);
  g.set("overall", grade_row(t, t.text("dimension.overall"), s.overall, s.overall_grade, t.text("health.no_dimension")));
  std::string bounds;
  const char* letters[] = {"A", "B", "C", "D"};
  for (size_t i = 0; i < s.boundaries.size() && i < 4; ++i)
    bounds += (bounds.empty() ? "" : ", ") + std::string(letters[i]) + " ≥ " + t.decimal(s.boundaries[i], 0);
  g.set("boundaries", t.format("health.boundaries", {{"bounds", bounds}}));
  return g;
}

Data checks(const Context& c) {
  const auto& t = c.t;
  if (!c.result.health) return not_analysed(t, "reason.checks");
  const HealthFacts& h = *c.result.health;
  Data x;
  const LicenceFacts& lic = h.licence;
  x.set("licence", lic.licence.empty() ? t.text("health.licence_unknown")
                                       : t.format("health.licence", {{"licence", lic.licence}}) + " " +
                                             t.text(lic.community_default ? "health.licence_default" : "health.licence_not_default"));
  std::map<std::string, int64_t> counts;
  for (const auto& ch : h.checks) ++counts[ch.status];
  x.set("counts", t.format("health.counts", {{"pass", t.integer(counts["pass"])},
                                             {"fail", t.integer(counts["fail"])},
                                             {"warn", t.integer(counts["warn"])},
                                             {"other", t.integer(counts["inconclusive"] + counts["not_applicable"])}}));
  List dims;
  for (const auto& d : h.scores.dimensions) {
    List rows;
    for (const auto& ch : h.checks) {
      if (ch.dimension != d.id) continue;
      Data row;
      row.set("id", ch.id);
      row.set("title", check_title(t, ch));
      row.set("status", t.text("status." + ch.status));
      row.set("status_class", status_class(ch.status));
      row.set("summary_html", message_html(t, ch.summary_message, ch.summary));
      set_text(row, "remedy_html", ch.remedy.empty() ? "" : message_html(t, ch.remedy_message, ch.remedy));
      List ev;
      for (size_t i = 0; i < ch.evidence.size() && i < kEvidenceRows; ++i) {
        Data e;
        set_text(e, "where", ch.evidence[i].path.empty() ? "" : location(ch.evidence[i].path, ch.evidence[i].line));
        e.set("text_html", message_html(t, ch.evidence[i].message, ch.evidence[i].text));
        ev.push_back(e);
      }
      row.set("evidence", ev);
      row.set("has_evidence", !ev.empty());
      set_text(row, "more",
               ch.evidence.size() > kEvidenceRows
                   ? t.format("common.more", {{"n", t.integer(static_cast<int64_t>(ch.evidence.size() - kEvidenceRows))}})
                   : "");
      rows.push_back(row);
    }
    Data dim;
    dim.set("name", t.text("dimension." + d.id));
    dim.set("checks", rows);
    dim.set("has_checks", !rows.empty());
    set_text(dim, "grade", d.grade);
    dim.set("grade_class", d.grade.empty() ? std::string("grade-none") : "grade-" + d.grade);
    set_text(dim, "score", d.score ? t.decimal(*d.score, 1) : "");
    set_text(dim, "reason", d.score ? "" : t.text("health.not_rated") + ": " + t.message(d.reason_message, d.reason));
    List inputs;
    for (const auto& in : d.inputs) {
      Data row;
      const auto* spec_check = [&]() -> const HealthCheck* {
        for (const auto& ch : h.checks)
          if (ch.id == in.name) return &ch;
        return nullptr;
      }();
      row.set("name", spec_check ? check_title(t, *spec_check) : t.text_or("score_input." + in.name, in.name));
      row.set("value", spec_check ? t.text("status." + in.value) : t.message(in.value_message, in.value));
      row.set("points", signed_points(t, in.points));
      row.set("rule", t.message(in.rule_message, in.rule));
      inputs.push_back(row);
    }
    dim.set("inputs", inputs);
    dims.push_back(dim);
  }
  x.set("dimensions", dims);
  for (const char* framework : {"community", "standard_for_public_code"}) {
    List reqs;
    for (const auto& r : h.requirements) {
      if (r.framework != framework) continue;
      Data row;
      row.set("id", r.id);
      row.set("title", t.catalogue("requirement." + r.id + ".title", r.title));
      row.set("status", t.text("requirement_status." + r.status));
      row.set("status_class", status_class(r.status));
      std::string evidence;
      for (const auto& id : r.checks)
        for (const auto& ch : h.checks)
          if (ch.id == id) evidence += (evidence.empty() ? "" : "; ") + check_title(t, ch) + " (" + t.text("status." + ch.status) + ")";
      set_text(row, "checks", evidence);
      set_text(row, "person", r.person.empty() ? "" : t.catalogue("requirement." + r.id + ".person", r.person));
      reqs.push_back(row);
    }
    x.set(std::string(framework), reqs);
  }
  return x;
}

}  // namespace rh::html
