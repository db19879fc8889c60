// The single-file HTML health report: reports/templates/*.mustache filled with the section data
// (html_sections.h), translations from reports/i18n/<lang>.yml, the stylesheet and the small
// sorting script inlined. A Content-Security-Policy allows only that style and that script (by
// hash) and no request at all, so the file makes no network request even if opened online.
#include <algorithm>
#include <map>
#include <set>

#include "reports/html_sections.h"
#include "reports/report_assets.h"
#include "reports/sha256.h"
#include "reports/svg_charts.h"
#include "reports/writers.h"

namespace rh {
namespace html {

Data not_analysed(const Translation& t, const char* reason_key) {
  Data d;
  d.set("not_analysed", true);
  d.set("reason", t.text(reason_key));
  return d;
}

Data facts_list(const std::vector<std::pair<std::string, std::string>>& rows) {
  List l;
  for (const auto& [label, value] : rows) {
    Data row;
    row.set("label", label);
    row.set("value", value);
    l.push_back(row);
  }
  return l;
}

void set_text(Data& d, const std::string& key, const std::string& value) {
  if (value.empty())
    d.set(key, false);
  else
    d.set(key, value);
}

std::string location(const std::string& path, int64_t line) {
  return line > 0 ? path + ":" + std::to_string(line) : path;
}

std::string person_name(const ScanResult& result, const std::string& id) {
  if (result.history)
    for (const auto& a : result.history->repository.authors)
      if (a.id == id) {
        const std::string name = a.name.empty() ? id : a.name;
        // E-mail addresses are personal data: shown only when the scan kept them (--show-emails).
        return result.scan.show_emails && !a.email.empty() ? name + " <" + a.email + ">" : name;
      }
  return id;
}

Data overview(const Context& c) {
  const auto& t = c.t;
  const auto& d = c.data;
  Data o;
  o.set("grades", grades(c));
  o.set("top_risks", top_risks(c));
  html::set_text(o, "as_of", t.as_of(c.result.scan.as_of));
  List sentences;
  sentences.push_back(Data(
      "text", t.format("overview.size", {{"files", t.integer(static_cast<int64_t>(c.result.files.size()))},
                                         {"code", t.integer(d.code_lines)},
                                         {"languages", t.integer(static_cast<int64_t>(d.languages.size()))},
                                         {"functions", t.integer(d.functions)}})));
  sentences.push_back(Data(
      "text", t.format("overview.findings", {{"open", t.integer(d.findings_open)},
                                             {"errors", t.integer(d.findings_by_severity.count("error")
                                                                      ? d.findings_by_severity.at("error")
                                                                      : 0)}})));
  if (c.result.history) {
    const auto& repo = c.result.history->repository;
    sentences.push_back(
        Data("text", t.format("overview.people", {{"contributors", t.integer(repo.contributors)},
                                                  {"active", t.integer(repo.active_contributors)},
                                                  {"truck", t.integer(repo.truck_factor.value)}})));
  } else {
    sentences.push_back(Data("text", t.text("reason.history")));
  }
  o.set("sentences", sentences);
  o.set("has_gate", c.result.gate.has_value());
  if (c.result.gate) {
    const GateResult& g = *c.result.gate;
    o.set("gate_verdict", t.text(g.passed ? "md.gate_passed" : "md.gate_failed"));
    o.set("gate_class", g.passed ? "note" : "error");
    set_text(o, "gate_default", g.source == "default" ? t.text("md.gate_default") : "");
    List conditions;
    for (const auto& cond : g.conditions) {
      Data row;
      row.set("name", cond.name);
      row.set("actual", cond.actual);
      row.set("threshold", cond.threshold);
      row.set("verdict", t.text(cond.status == "passed"   ? "md.passed"
                                : cond.status == "failed" ? "md.failed"
                                                          : "md.not_evaluated"));
      row.set("detail", cond.detail);
      conditions.push_back(row);
    }
    o.set("gate_conditions", conditions);
  }
  return o;
}

Data figures(const Context& c) {
  const auto& t = c.t;
  const auto& d = c.data;
  const auto& r = c.result;
  List tiles;
  const std::string na = t.text("common.not_analysed");
  auto tile = [&](const char* key, const std::string& value, const std::string& note = "") {
    Data x;
    x.set("label", t.text(key));
    x.set("value", value);
    x.set("muted", value == na);
    if (!note.empty()) x.set("note", note);
    tiles.push_back(x);
  };
  auto count = [&](const char* sev) {
    return d.findings_by_severity.count(sev) ? d.findings_by_severity.at(sev) : 0;
  };
  tile("figures.files", t.integer(static_cast<int64_t>(r.files.size())),
       t.format("figures.skipped_note", {{"n", t.integer(static_cast<int64_t>(r.skipped.size()))}}));
  tile("figures.code_lines", t.integer(d.code_lines));
  tile("figures.functions", t.integer(d.functions));
  tile("figures.findings", t.integer(d.findings_open),
       t.format("figures.findings_note", {{"error", t.integer(count("error"))},
                                          {"warning", t.integer(count("warning"))},
                                          {"note", t.integer(count("note"))}}));
  tile("figures.duplication",
       r.duplication.min_tokens > 0 ? t.percent(r.duplication.duplicated_percent / 100.0, 1) : na);
  if (r.history) {
    const auto& repo = r.history->repository;
    tile("figures.truck_factor", t.integer(repo.truck_factor.value));
    tile("figures.contributors", t.integer(repo.contributors),
         t.format("figures.active_note", {{"n", t.integer(repo.active_contributors)}}));
    tile("figures.organisations", t.integer(organisation_count(repo)));
    const auto& rel = repo.releases;
    tile("figures.last_release", rel.last_release.empty() ? t.text("common.none") : rel.last_release,
         rel.last_release_date.empty() ? "" : t.date(rel.last_release_date));
  } else {
    for (const char* key :
         {"figures.truck_factor", "figures.contributors", "figures.organisations", "figures.last_release"})
      tile(key, na);
  }
  Data f;
  f.set("tiles", tiles);
  List langs;
  std::vector<ChartBar> bars;
  for (const auto& l : d.languages) {
    Data row;
    row.set("language", l.language);
    row.set("files", t.integer(l.files));
    row.set("code", t.integer(l.code));
    row.set("functions", t.integer(l.functions));
    row.set("share", d.code_lines > 0
                         ? t.percent(static_cast<double>(l.code) / static_cast<double>(d.code_lines))
                         : "–");
    langs.push_back(row);
    bars.push_back({l.language, static_cast<double>(l.code), t.integer(l.code)});
  }
  f.set("languages", langs);
  f.set("has_languages", !d.languages.empty());
  f.set("languages_svg", svg_bars(bars, t.text("figures.size_by_language")));
  return f;
}

Data gaps(const Context& c) {
  const auto& t = c.t;
  const auto& r = c.result;
  Data g;
  List reasons;
  std::map<std::string, std::vector<std::string>> examples;
  for (const auto& s : r.skipped)
    if (examples[s.reason].size() < 5) examples[s.reason].push_back(s.path);
  for (const auto& [reason, n] : c.data.skipped_by_reason) {
    Data row;
    row.set("reason", t.text("skipped." + reason));
    row.set("count", t.integer(n));
    List ex;
    for (const auto& p : examples[reason]) ex.push_back(Data("path_html", html_path(p)));
    row.set("examples", ex);
    set_text(row, "more", n > 5 ? t.format("common.more", {{"n", t.integer(n - 5)}}) : "");
    reasons.push_back(row);
  }
  g.set("skipped", reasons);
  g.set("has_skipped", !r.skipped.empty());
  List notes;
  const size_t max_notes = 200;
  for (size_t i = 0; i < r.notifications.size() && i < max_notes; ++i) {
    const auto& n = r.notifications[i];
    Data row;
    row.set("level", t.text("level." + (n.level.empty() ? std::string("note") : n.level)));
    row.set("path_html", html_path(n.path));
    row.set("message_html", message_html(t, n.text, n.message));
    notes.push_back(row);
  }
  if (r.history)
    for (const auto& n : r.history->notes) {
      Data row;
      row.set("level", t.text("level.note"));
      row.set("path_html", "");
      row.set("message_html", message_html(t, n, ""));
      notes.push_back(row);
    }
  g.set("notes", notes);
  g.set("has_notes", !r.notifications.empty() || (r.history && !r.history->notes.empty()));
  set_text(g, "notes_more",
           r.notifications.size() > max_notes
               ? t.format("common.more",
                          {{"n", t.integer(static_cast<int64_t>(r.notifications.size() - max_notes))}})
               : "");
  if (c.data.parse_failures > 0)
    g.set("parse_failures", t.format("gaps.parse_failures", {{"n", t.integer(c.data.parse_failures)}}));
  if (r.history && r.history->repository.shallow)
    g.set("shallow", t.format("gaps.shallow", {{"n", t.integer(r.history->repository.shallow_depth)}}));
  List missing;
  auto miss = [&](const char* section, const char* reason) {
    Data row;
    row.set("section", t.text(section));
    row.set("reason", t.text(reason));
    missing.push_back(row);
  };
  if (!r.health) miss("overview.grades", "reason.checks");
  if (c.result.duplication.min_tokens <= 0) miss("duplication.title", "reason.duplication");
  if (std::none_of(r.files.begin(), r.files.end(),
                   [](const FileFacts& f) { return f.maintainability_index.has_value(); }))
    miss("complexity.maintainability", "reason.maintainability");
  if (!r.health) miss("checks.title", "reason.checks");
  if (r.rules.empty() && r.findings.empty()) miss("findings.title", "reason.rules");
  if (!r.history) {
    miss("ownership.title", "reason.history");
    miss("process.title", "reason.history");
  }
  g.set("missing", missing);
  return g;
}

}  // namespace html

namespace {

/// The translation keys ("group.key", two levels) as nested Mustache objects, for {{t.group.key}}.
html::Data translations_data(const Translation& t) {
  html::Data root;
  std::map<std::string, html::Data> nested;
  for (const auto& [key, value] : t.texts()) {
    size_t dot = key.find('.');
    if (dot == std::string::npos) {
      root.set(key, value);
    } else {
      nested[key.substr(0, dot)].set(key.substr(dot + 1), value);
    }
  }
  for (auto& [k, v] : nested) root.set(k, v);
  return root;
}

std::string asset(const char* path) { return std::string(report_asset(path)); }

}  // namespace

std::string render_html(const ScanResult& result, const ReportOptions& options) {
  const Translation& t = Translation::get(options.lang);
  const ReportData data = report_data(result);
  const html::Context c{result, data, t};

  const std::string css = asset("html/report.css");
  const std::string js = asset("html/report.js");
  html::Data root;
  root.set("lang", t.lang());
  root.set("t", translations_data(t));
  root.set("css", css);
  root.set("js", js);
  root.set("csp", "default-src 'none'; style-src " + csp_hash(css) + "; script-src " + csp_hash(js) +
                      "; img-src 'none'; base-uri 'none'; form-action 'none'");
  root.set("repository", data.repository);
  html::set_text(root, "revision", data.revision_short);
  html::set_text(root, "branch", result.scan.branch);
  html::set_text(root, "scanned", t.date_time(result.scan.started_at));
  html::set_text(root, "as_of", t.as_of(result.scan.as_of));
  root.set("tool_version", result.scan.tool_version);
  root.set("source", result.scan.source);
  root.set("overview", html::overview(c));
  root.set("figures", html::figures(c));
  root.set("hotspots", html::hotspots(c));
  root.set("complexity", html::complexity(c));
  root.set("duplication", html::duplication(c));
  root.set("ownership", html::ownership(c));
  root.set("process", html::process(c));
  root.set("checks", html::checks(c));
  root.set("findings", html::findings(c));
  root.set("gaps", html::gaps(c));
  // Sections are partials: templates/section_<name>.mustache.
  for (const auto& a : report_assets()) {
    std::string_view p = a.path;
    if (!p.starts_with("templates/") || !p.ends_with(".mustache") || p == "templates/report.html.mustache")
      continue;
    std::string name(p.substr(10, p.size() - 10 - 9));
    std::string text(a.bytes);
    root.set(name, kainjow::mustache::partial([text] { return text; }));
  }
  kainjow::mustache::mustache tmpl(asset("templates/report.html.mustache"));
  if (!tmpl.is_valid())
    return "<!DOCTYPE html><title>repohealth</title><p>template error: " + html_escape(tmpl.error_message());
  return tmpl.render(root);
}

}  // namespace rh
