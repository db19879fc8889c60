// Markdown for a pull-request comment or a GitHub job summary: grades, gate verdict (when the
// model has one), new findings first, top hotspots, the most complex functions and what was not
// analysed. Link-free (no links, no mentions, no issue references: every repository string is a
// code span) and always under 65 000 characters (GitHub's comment limit is 65 536).
#include <algorithm>
#include <map>

#include "reports/i18n.h"
#include "reports/report_data.h"
#include "reports/sarif_parts.h"
#include "reports/writers.h"

namespace rh {
namespace {

constexpr size_t kMaxChars = 65000;
constexpr size_t kMessageChars = 200;
constexpr size_t kTopRows = 10;

/// Cuts UTF-8 text to at most `max` bytes on a character boundary, with an ellipsis.
std::string clip(std::string s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

/// Repository text as an inline code span that is safe in a table cell: no Markdown, HTML,
/// links or @mentions are interpreted inside; pipes are escaped for the table; line breaks
/// become spaces.
std::string code(std::string s, size_t max = kMessageChars) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  s = clip(std::move(s), max);
  if (s.empty()) return "";
  size_t longest = 0, run = 0;
  for (char c : s) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string escaped;
  for (char c : s) {
    if (c == '|') escaped += '\\';
    escaped += c;
  }
  std::string fence(longest + 1, '`');
  bool pad = escaped.front() == '`' || escaped.back() == '`';
  return fence + (pad ? " " : "") + escaped + (pad ? " " : "") + fence;
}

/// An analyzer message in the report's language: its prose as text, repository content (paths,
/// names) as code spans; the English text of older facts.json, which quotes repository text,
/// wholly as a code span.
std::string message_md(const Translation& t, const Message& m, const std::string& fallback) {
  if (m.empty()) return code(fallback);
  static const MessageStyle style{nullptr, [](std::string_view s) { return code(std::string(s)); }};
  return t.message(m, fallback, style);
}

std::string table_row(const std::vector<std::string>& cells) {
  std::string row = "|";
  for (const auto& c : cells) row += " " + c + " |";
  return row + "\n";
}

std::string table_head(const std::vector<std::string>& cells) {
  std::string sep = "|";
  for (size_t i = 0; i < cells.size(); ++i) sep += " --- |";
  return table_row(cells) + sep + "\n";
}

std::string location(const Finding& f) {
  return f.start_line > 0 ? f.path + ":" + std::to_string(f.start_line) : f.path;
}

/// A findings table with as many rows as `budget` bytes allow, and a line counting the rest.
std::string findings_table(const std::vector<const Finding*>& list, const Translation& t, size_t budget) {
  std::string out =
      table_head({t.text("md.severity"), t.text("md.rule"), t.text("md.location"), t.text("md.message")});
  size_t shown = 0;
  for (const Finding* f : list) {
    std::string row = table_row({t.text("severity." + sarif_level(f->severity)), code(f->rule_id, 120),
                                 code(location(*f), 160), code(f->message)});
    if (out.size() + row.size() + 200 > budget) break;
    out += row;
    ++shown;
  }
  if (shown < list.size())
    out += "\n" +
           t.format("md.more_findings", {{"n", t.integer(static_cast<int64_t>(list.size() - shown))}}) + "\n";
  return out;
}

std::string hotspots_part(const ScanResult& r, const Translation& t) {
  std::string out = "### " + t.text("md.hotspots") + "\n\n";
  if (!r.history) return out + t.text("common.not_analysed") + ": " + t.text("reason.history") + "\n\n";
  const auto& hs = r.history->repository.hotspots;
  if (hs.empty()) return out + t.text("common.none") + "\n\n";
  out += table_head({t.text("hotspots.file"), t.text("hotspots.commits"), t.text("hotspots.complexity"),
                     t.text("hotspots.score")});
  for (size_t i = 0; i < hs.size() && i < kTopRows; ++i)
    out += table_row({code(hs[i].path, 160), t.integer(hs[i].commits), t.integer(hs[i].complexity),
                      t.integer(hs[i].score)});
  return out + "\n";
}

std::string functions_part(const ReportData& d, const Translation& t) {
  std::string out = "### " + t.text("md.functions") + "\n\n";
  if (d.worst_functions.empty()) return out + t.text("common.none") + "\n\n";
  out += table_head({t.text("complexity.function"), t.text("complexity.location"),
                     t.text("complexity.cyclomatic"), t.text("complexity.cognitive"),
                     t.text("complexity.nloc")});
  for (size_t i = 0; i < d.worst_functions.size() && i < kTopRows; ++i) {
    const auto& w = d.worst_functions[i];
    out += table_row(
        {code(w.function->name, 120), code(w.file->path + ":" + std::to_string(w.function->start_line), 160),
         t.integer(w.function->cyclomatic), t.integer(w.function->cognitive), t.integer(w.function->nloc)});
  }
  return out + "\n";
}

bool any_maintainability(const ScanResult& r) {
  return std::any_of(r.files.begin(), r.files.end(),
                     [](const FileFacts& f) { return f.maintainability_index.has_value(); });
}

/// One line with the duplicated share and the average maintainability index, when measured.
std::string metrics_line(const ScanResult& r, const Translation& t) {
  std::string out;
  if (r.duplication.min_tokens > 0)
    out += t.text("figures.duplication") + ": " + t.percent(r.duplication.duplicated_percent / 100.0, 1);
  if (any_maintainability(r)) {
    double sum = 0;
    int64_t n = 0;
    for (const auto& f : r.files)
      if (f.maintainability_index) {
        sum += *f.maintainability_index;
        ++n;
      }
    if (!out.empty()) out += " · ";
    out += t.text("md.mi_average") + ": " + t.decimal(sum / static_cast<double>(n));
  }
  return out.empty() ? out : out + "\n\n";
}

/// The grades line, and the failing checks (a pull-request comment should say what to fix).
std::string grades_part(const ScanResult& r, const Translation& t) {
  if (!r.health)
    return "**" + t.text("overview.grades") + ":** " + t.text("common.not_analysed") + " (" + t.text("reason.scoring") + ")\n\n";
  const Scores& s = r.health->scores;
  auto grade = [&](const std::string& g, const std::optional<double>& score) {
    return g.empty() ? std::string("–") : "**" + g + "** (" + t.decimal(*score, 1) + ")";
  };
  std::string out = "**" + t.text("overview.grades") + ":** " + t.text("dimension.overall") + " " + grade(s.overall_grade, s.overall);
  for (const auto& d : s.dimensions) out += " · " + t.text("dimension." + d.id) + " " + grade(d.grade, d.score);
  out += "\n\n";
  std::vector<const HealthCheck*> failing;
  for (const auto& c : r.health->checks)
    if (c.status == "fail") failing.push_back(&c);
  if (!failing.empty()) {
    out += "**" + t.text("checks.title") + ":** " + t.text("status.fail") + " (" + t.integer(static_cast<int64_t>(failing.size())) + ")\n\n";
    for (const HealthCheck* c : failing)
      out += "- " + t.catalogue("check." + c->id + ".title", c->title) + ": " + message_md(t, c->summary_message, c->summary) +
             (c->remedy.empty() ? "" : " " + message_md(t, c->remedy_message, c->remedy)) + "\n";
    out += "\n";
  }
  // The requirements in one line per framework: id and status (titles are in the HTML report).
  for (const char* framework : {"community", "standard_for_public_code"}) {
    std::string line;
    for (const auto& q : r.health->requirements)
      if (q.framework == framework)
        line += (line.empty() ? "" : " · ") + q.id + " " + t.text("requirement_status." + q.status);
    if (!line.empty())
      out += "**" + t.text(std::string(framework) == "community" ? "health.requirements_community" : "health.requirements_spc") +
             ":** " + line + "\n\n";
  }
  return out;
}

std::string gaps_part(const ScanResult& r, const ReportData& d, const Translation& t) {
  std::string out = "### " + t.text("gaps.title") + "\n\n";
  if (!r.health) out += "- " + t.text("overview.grades") + ": " + t.text("reason.scoring") + "\n";
  if (r.duplication.min_tokens <= 0)
    out += "- " + t.text("duplication.title") + ": " + t.text("reason.duplication") + "\n";
  if (!any_maintainability(r))
    out += "- " + t.text("complexity.maintainability") + ": " + t.text("reason.maintainability") + "\n";
  if (!r.health) out += "- " + t.text("checks.title") + ": " + t.text("reason.checks") + "\n";
  if (!r.history) out += "- " + t.text("ownership.title") + ": " + t.text("reason.history") + "\n";
  if (r.history && r.history->repository.shallow)
    out += "- " + t.format("gaps.shallow", {{"n", t.integer(r.history->repository.shallow_depth)}}) + "\n";
  if (d.parse_failures > 0)
    out += "- " + t.format("gaps.parse_failures", {{"n", t.integer(d.parse_failures)}}) + "\n";
  for (const auto& [reason, n] : d.skipped_by_reason)
    out +=
        "- " + t.format("md.skipped", {{"n", t.integer(n)}, {"reason", t.text("skipped." + reason)}}) + "\n";
  if (!r.notifications.empty())
    out += "- " +
           t.format("md.notifications", {{"n", t.integer(static_cast<int64_t>(r.notifications.size()))}}) +
           "\n";
  return out + "\n";
}

}  // namespace

std::string render_markdown(const ScanResult& r, const ReportOptions& options) {
  const Translation& t = Translation::get(options.lang);
  const ReportData d = report_data(r, kTopRows);
  auto count = [&](const char* sev) {
    return d.findings_by_severity.count(sev) ? d.findings_by_severity.at(sev) : 0;
  };

  std::string head = "## " + t.text("md.title") + ": " + code(d.repository, 120);
  if (!d.revision_short.empty()) head += " " + code(d.revision_short);
  head += "\n\n";
  if (!r.scan.as_of.empty()) head += t.format("md.as_of", {{"date", t.as_of(r.scan.as_of)}}) + "\n\n";
  head += grades_part(r, t);
  if (r.gate) {
    head += "**" + t.text("md.gate") + ":** " + t.text(r.gate->passed ? "md.gate_passed" : "md.gate_failed") +
            (r.gate->source == "default" ? " " + t.text("md.gate_default") : "") + "\n\n";
    head += table_head({t.text("md.condition"), t.text("md.actual"), t.text("md.limit"), t.text("md.verdict")});
    for (const auto& c : r.gate->conditions) {
      std::string verdict = c.status == "passed"   ? t.text("md.passed")
                            : c.status == "failed" ? t.text("md.failed")
                                                   : t.text("md.not_evaluated");
      if (!c.detail.empty()) verdict += " " + code(c.detail);
      head += table_row({code(c.name), c.actual.empty() ? "" : code(c.actual), code(c.threshold), verdict});
    }
    head += "\n";
  }
  head += t.format("md.summary", {{"files", t.integer(static_cast<int64_t>(r.files.size()))},
                                  {"code", t.integer(d.code_lines)},
                                  {"functions", t.integer(d.functions)}}) +
          "\n\n";
  head += metrics_line(r, t);
  if (r.rules.empty() && r.findings.empty()) {
    head += "**" + t.text("findings.title") + ":** " + t.text("common.not_analysed") + " (" +
            t.text("reason.rules") + ")\n\n";
  } else {
    head += "**" + t.text("findings.title") + ":** " +
            t.format("md.findings_counts", {{"open", t.integer(d.findings_open)},
                                            {"error", t.integer(count("error"))},
                                            {"warning", t.integer(count("warning"))},
                                            {"note", t.integer(count("note"))},
                                            {"suppressed", t.integer(d.findings_suppressed)}}) +
            "\n\n";
  }

  const std::string tail = hotspots_part(r, t) + functions_part(d, t) + gaps_part(r, d, t) + "<sub>" +
                           t.format("md.footer", {{"version", r.scan.tool_version}}) + "</sub>\n";

  // Findings get what is left of the budget: new ones first when a baseline was used.
  std::string middle;
  const std::vector<const Finding*> reading = findings_for_reading(r);
  if (!reading.empty()) {
    size_t budget = kMaxChars - std::min(kMaxChars, head.size() + tail.size() + 400);
    std::vector<const Finding*> fresh, rest;
    for (const Finding* f : reading)
      (d.baseline_used && f->baseline_state == "new" ? fresh : rest).push_back(f);
    if (d.baseline_used) {
      middle += "### " + t.format("md.new_findings", {{"n", t.integer(static_cast<int64_t>(fresh.size()))}}) +
                "\n\n";
      middle +=
          fresh.empty() ? t.text("common.none") + "\n\n" : findings_table(fresh, t, budget * 2 / 3) + "\n";
    }
    if (!rest.empty()) {
      middle += "### " +
                t.format(d.baseline_used ? "md.other_findings" : "md.all_findings",
                         {{"n", t.integer(static_cast<int64_t>(rest.size()))}}) +
                "\n\n";
      middle += findings_table(rest, t, budget > middle.size() ? budget - middle.size() : 0) + "\n";
    }
  }
  std::string out = head + middle + tail;
  if (out.size() >= kMaxChars) out = clip(out, kMaxChars - 8) + "\n";  // never reached in practice
  return out;
}

}  // namespace rh
