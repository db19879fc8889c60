#include "reports/markdown_parts.h"

#include <algorithm>
#include <set>

#include "reports/rule_text.h"
#include "reports/sarif_parts.h"
#include "reports/top_risks.h"

namespace rh::md {

std::string clip(std::string s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

std::string code(std::string s, size_t max) {
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

std::string finding_head(const Translation& t) {
  return table_head({t.text("md.severity"), t.text("md.rule"), t.text("md.location"), t.text("md.message")});
}

std::string finding_row(const Finding& f, const std::vector<RuleDescriptor>& rules, const Translation& t,
                        const RowLimits& limits) {
  const std::string location = f.start_line > 0 ? f.path + ":" + std::to_string(f.start_line) : f.path;
  return table_row({t.text("severity." + sarif_level(f.severity)), code(f.rule_id, limits.rule),
                    code(location, limits.location), code(finding_message(f, rules, t.lang()), limits.message)});
}

std::string findings_table(const std::vector<const Finding*>& list, const std::vector<RuleDescriptor>& rules,
                           const Translation& t, size_t max_rows,
                           size_t max_bytes, const RowLimits& limits, size_t& shown) {
  shown = 0;
  if (list.empty()) return "";
  std::string out = finding_head(t);
  for (const Finding* f : list) {
    if (shown >= max_rows) break;
    std::string row = finding_row(*f, rules, t, limits);
    if (out.size() + row.size() > max_bytes) break;
    out += row;
    ++shown;
  }
  return shown == 0 ? "" : out;
}

std::string grades(const ScanResult& r, const Translation& t, bool with_scores) {
  if (!r.health) return t.text("common.not_analysed") + " (" + t.text("reason.scoring") + ")";
  const Scores& s = r.health->scores;
  auto grade = [&](const std::string& g, const std::optional<double>& score) {
    if (g.empty()) return std::string("–");
    return "**" + g + "**" + (with_scores ? " (" + t.decimal(*score, 1) + ")" : "");
  };
  std::string out = t.text("dimension.overall") + " " + grade(s.overall_grade, s.overall);
  for (const auto& d : s.dimensions) out += " · " + t.text("dimension." + d.id) + " " + grade(d.grade, d.score);
  return out;
}

namespace {

/// The failing health checks with what to do (a pull-request comment should say what to fix).
std::string failing_checks(const HealthFacts& h, const Translation& t) {
  std::vector<const HealthCheck*> failing;
  for (const auto& c : h.checks)
    if (c.status == "fail") failing.push_back(&c);
  if (failing.empty()) return "";
  std::string out = "**" + t.text("checks.title") + ":** " + t.text("status.fail") + " (" +
                    t.integer(static_cast<int64_t>(failing.size())) + ")\n\n";
  for (const HealthCheck* c : failing)
    out += "- " + t.catalogue("check." + c->id + ".title", c->title) + ": " + message_md(t, c->summary_message, c->summary) +
           (c->remedy.empty() ? "" : " " + message_md(t, c->remedy_message, c->remedy)) + "\n";
  return out + "\n";
}

/// The requirements in one line per framework: id and status (titles are in the HTML report).
std::string requirement_lines(const HealthFacts& h, const Translation& t) {
  std::string out;
  for (const char* framework : {"community", "standard_for_public_code"}) {
    std::string line;
    for (const auto& q : h.requirements)
      if (q.framework == framework) line += (line.empty() ? "" : " · ") + q.id + " " + t.text("requirement_status." + q.status);
    if (line.empty()) continue;
    const char* label = std::string(framework) == "community" ? "health.requirements_community" : "health.requirements_spc";
    out += "**" + t.text(label) + ":** " + line + "\n\n";
  }
  return out;
}

}  // namespace

std::string checks_part(const ScanResult& r, const Translation& t) {
  return r.health ? failing_checks(*r.health, t) + requirement_lines(*r.health, t) : "";
}

namespace {

bool any_maintainability(const ScanResult& r) {
  return std::any_of(r.files.begin(), r.files.end(),
                     [](const FileFacts& f) { return f.maintainability_index.has_value(); });
}

/// "… and 12 more in report.html." under a table cut to its first rows; "" when nothing was cut.
std::string more_line(int64_t more, const Translation& t) {
  return more > 0 ? t.format("md.more_in_html", {{"n", t.integer(more)}}) + "\n\n" : "";
}

}  // namespace

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

std::string findings_counts(const ScanResult& r, const ReportData& d, const Translation& t) {
  if (r.rules.empty() && r.findings.empty())
    return t.text("common.not_analysed") + " (" + t.text("reason.rules") + ")";
  auto count = [&](const char* sev) {
    return d.findings_by_severity.count(sev) ? d.findings_by_severity.at(sev) : 0;
  };
  return t.format("md.findings_counts", {{"open", t.integer(d.findings_open)},
                                         {"error", t.integer(count("error"))},
                                         {"warning", t.integer(count("warning"))},
                                         {"note", t.integer(count("note"))},
                                         {"suppressed", t.integer(d.findings_suppressed)}});
}

namespace {

/// Repository strings as code spans, joined by `separator`.
std::string code_list(const std::vector<std::string>& items, const char* separator, size_t max) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + code(item, max);
  return out;
}

/// One numbered risk with its places, people and remedy as a nested list. Rule titles (which
/// the repository's own rules may set) and check summaries (which quote its files) are code
/// spans; the other texts come from the catalogues.
std::string risk_item(const Risk& k, int rank, bool rule_title, const Translation& t) {
  const std::string title = rule_title ? code(k.title, 120) : "**" + k.title + "**";
  const std::string evidence = k.check ? message_md(t, k.check->summary_message, k.check->summary) : k.evidence;
  const std::string remedy = k.check && !k.remedy.empty() ? message_md(t, k.check->remedy_message, k.check->remedy) : k.remedy;
  std::string out = std::to_string(rank) + ". " + title + " (" + t.text("risk.dimension") + ": " +
                    t.text("dimension." + k.dimension) + ", " +
                    t.format("risk.points", {{"points", "−" + t.decimal(k.points, 1)}}) + ")" +
                    (evidence.empty() ? "" : ": " + evidence) + "\n";
  if (!k.locations.empty())
    out += "   - " + t.text("risk.where") + ": " + code_list(k.locations, " ", 160) +
           (k.more_locations > 0 ? " " + t.format("risk.more", {{"n", t.integer(k.more_locations)}}) : "") + "\n";
  if (!k.people.empty()) out += "   - " + t.text("risk.people") + ": " + code_list(k.people, ", ", 80) + "\n";
  if (!k.remedy.empty())
    out += "   - **" + t.text("risk.remedy") + "** (" + t.text("risk.actor_" + k.actor) + "): " + remedy + "\n";
  return out;
}

}  // namespace

std::string top_risks_part(const ScanResult& r, const Translation& t) {
  std::string out = "### " + t.text("risk.title") + "\n\n";
  if (!r.health) return out + t.text("risk.not_rated") + "\n\n";
  const std::vector<Risk> risks = top_risks(r, t);
  if (risks.empty()) return out + t.text("risk.none") + "\n\n";
  std::set<std::string> rules;
  for (const auto& d : r.rules) rules.insert(d.id);
  out += t.text("risk.intro") + "\n\n";
  int rank = 0;
  for (const Risk& k : risks) out += risk_item(k, ++rank, rules.count(k.input) > 0, t);
  return out + "\n";
}

std::string hotspots_part(const ScanResult& r, const Translation& t, size_t rows) {
  std::string out = "### " + t.text("md.hotspots") + "\n\n";
  if (!r.history) return out + t.text("common.not_analysed") + ": " + t.text("reason.history") + "\n\n";
  const auto& hs = r.history->repository.hotspots;
  if (hs.empty()) return out + t.text("common.none") + "\n\n";
  out += table_head({t.text("hotspots.file"), t.text("hotspots.commits"), t.text("hotspots.complexity"),
                     t.text("hotspots.score")});
  for (size_t i = 0; i < hs.size() && i < rows; ++i)
    out += table_row({code(hs[i].path, 160), t.integer(hs[i].commits), t.integer(hs[i].complexity),
                      t.integer(hs[i].score)});
  return out + "\n" + more_line(static_cast<int64_t>(hs.size()) - static_cast<int64_t>(std::min(rows, hs.size())), t);
}

std::string functions_part(const ScanResult&, const ReportData& d, const Translation& t, size_t rows) {
  std::string out = "### " + t.text("md.functions") + "\n\n";
  if (d.worst_functions.empty()) return out + t.text("common.none") + "\n\n";
  out += table_head({t.text("complexity.function"), t.text("complexity.location"),
                     t.text("complexity.cyclomatic"), t.text("complexity.cognitive"),
                     t.text("complexity.nloc")});
  size_t shown = 0;
  for (; shown < d.worst_functions.size() && shown < rows; ++shown) {
    const auto& w = d.worst_functions[shown];
    out += table_row(
        {code(w.function->name, 120), code(w.file->path + ":" + std::to_string(w.function->start_line), 160),
         t.integer(w.function->cyclomatic), t.integer(w.function->cognitive), t.integer(w.function->nloc)});
  }
  return out + "\n" + more_line(d.functions - static_cast<int64_t>(shown), t);
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

}  // namespace rh::md
