// The first screen of the HTML report: the ranked top risks (reports/top_risks.h) right after
// the grades, and under each grade the inputs that moved it.
#include "reports/html_sections.h"
#include "reports/svg_charts.h"
#include "reports/top_risks.h"

namespace rh::html {

Data top_risks(const Context& c) {
  const auto& t = c.t;
  Data x;
  if (!c.result.health) {
    x.set("not_rated", t.text("risk.not_rated"));
    return x;
  }
  List rows;
  int rank = 0;
  for (const Risk& k : rh::top_risks(c.result, t)) {
    Data row;
    row.set("rank", std::to_string(++rank));
    row.set("title", k.title);
    row.set("dimension", t.text("dimension." + k.dimension));
    row.set("points", t.format("risk.points", {{"points", "−" + t.decimal(k.points, 1)}}));
    // A check's summary and remedy quote repository content: marked up by message_html.
    set_text(row, "evidence_html", k.check ? message_html(t, k.check->summary_message, k.check->summary)
                                           : html_escape(k.evidence));
    List where;
    for (const auto& l : k.locations) where.push_back(Data("location", l));
    row.set("locations", where);
    row.set("has_locations", !k.locations.empty());
    set_text(row, "more", k.more_locations > 0 ? t.format("risk.more", {{"n", t.integer(k.more_locations)}}) : "");
    List people;
    for (const auto& p : k.people) people.push_back(Data("name", p));
    row.set("people", people);
    row.set("has_people", !k.people.empty());
    set_text(row, "remedy_html", k.remedy.empty()  ? ""
                                 : k.check ? message_html(t, k.check->remedy_message, k.check->remedy)
                                           : html_escape(k.remedy));
    row.set("actor", t.text("risk.actor_" + k.actor));
    rows.push_back(row);
  }
  x.set("risks", rows);
  x.set("has_risks", !rows.empty());
  return x;
}

List grade_movers(const Context& c, const DimensionScore& d) {
  List out;
  for (const auto& m : rh::grade_movers(c.result, d, c.t)) out.push_back(Data("text", m));
  return out;
}

}  // namespace rh::html
