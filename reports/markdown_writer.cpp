// report.md: a pull-request comment or a GitHub job summary, in one of two modes.
//
// New-code mode (a baseline was used: --new-since or --baseline): the gate verdict with the
// conditions that failed, the new findings (a capped table, then how many more and where they
// are), one line about the repository as a whole, and nothing else; always under 10,000
// characters, whatever the model holds.
//
// Full mode: the top risks, the grades, the failing checks and the gate, the 20 most severe
// findings and where the rest are, the top hotspots, the most complex functions and what was not
// analysed. Every cut says so in the text; nothing is truncated at a byte limit.
//
// Link-free in both modes: no links, no mentions, no issue references (every repository string
// is a code span, markdown_parts.h).
#include <algorithm>
#include <limits>

#include "reports/i18n.h"
#include "reports/markdown_parts.h"
#include "reports/report_data.h"
#include "reports/writers.h"

namespace rh {
namespace {

using md::code;

/// New-code mode stays under this many characters (counted in bytes, never fewer).
constexpr size_t kNewCodeLimit = 10000;
constexpr size_t kNewRows = 25;       ///< new findings listed at most
constexpr size_t kConditions = 8;     ///< gate conditions listed at most in new-code mode
constexpr size_t kFullRows = 20;      ///< findings listed in full mode
constexpr size_t kTopRows = 10;       ///< hotspots and functions in full mode
constexpr md::RowLimits kNewRowLimits{80, 120, 160};

/// "`sample` `0123456789ab`"
std::string repository_label(const ReportData& d) {
  std::string out = code(d.repository, 80);
  if (!d.revision_short.empty()) out += " " + code(d.revision_short, 40);
  return out;
}

std::string as_of_line(const ScanResult& r, const Translation& t) {
  return r.scan.as_of.empty() ? "" : t.format("md.as_of", {{"date", t.as_of(r.scan.as_of)}}) + "\n\n";
}

std::string summary_counts(const ScanResult& r, const ReportData& d, const Translation& t) {
  return t.format("md.summary", {{"files", t.integer(static_cast<int64_t>(r.files.size()))},
                                 {"code", t.integer(d.code_lines)},
                                 {"functions", t.integer(d.functions)}});
}

std::string condition_verdict(const GateCondition& c, const Translation& t) {
  return c.status == "passed" ? t.text("md.passed") : c.status == "failed" ? t.text("md.failed") : t.text("md.not_evaluated");
}

/// Full mode: the verdict and every condition in a table.
std::string gate_table(const GateResult& gate, const Translation& t) {
  std::string out = "**" + t.text("md.gate") + ":** " + t.text(gate.passed ? "md.gate_passed" : "md.gate_failed") +
                    (gate.source == "default" ? " " + t.text("md.gate_default") : "") + "\n\n";
  out += md::table_head({t.text("md.condition"), t.text("md.actual"), t.text("md.limit"), t.text("md.verdict")});
  for (const auto& c : gate.conditions) {
    std::string verdict = condition_verdict(c, t);
    if (!c.detail.empty()) verdict += " " + code(c.detail);
    out += md::table_row({code(c.name), c.actual.empty() ? "" : code(c.actual), code(c.threshold), verdict});
  }
  return out + "\n";
}

/// New-code mode: the conditions that failed or could not be judged, one line each (at most
/// kConditions, then how many more), and how many passed.
std::string gate_conditions(const GateResult& gate, const Translation& t) {
  std::vector<const GateCondition*> listed;
  for (const char* status : {"failed", "not_evaluated"})
    for (const auto& c : gate.conditions)
      if (c.status == status) listed.push_back(&c);
  const int64_t passed = static_cast<int64_t>(gate.conditions.size() - listed.size());
  std::string out;
  for (size_t i = 0; i < listed.size() && i < kConditions; ++i) {
    const GateCondition& c = *listed[i];
    std::string line = c.status == "failed"
                           ? t.format("md.condition_failed", {{"name", code(c.name, 60)},
                                                              {"actual", c.actual.empty() ? "–" : code(c.actual, 40)},
                                                              {"limit", code(c.threshold, 40)}})
                           : t.format("md.condition_not_evaluated", {{"name", code(c.name, 60)}});
    if (!c.detail.empty()) line += " — " + code(c.detail, 160);
    out += "- " + line + "\n";
  }
  if (listed.size() > kConditions)
    out += "- " + t.format("md.more_conditions", {{"n", t.integer(static_cast<int64_t>(listed.size() - kConditions))}}) + "\n";
  if (passed > 0) out += "- " + t.format("md.conditions_passed", {{"n", t.integer(passed)}}) + "\n";
  return out.empty() ? out : out + "\n";
}

/// New-code mode: the whole repository in one line (grades, size, findings, tool version).
std::string context_line(const ScanResult& r, const ReportData& d, const Translation& t) {
  return t.format("md.context", {{"grades", md::grades(r, t, false)},
                                 {"summary", summary_counts(r, d, t)},
                                 {"findings", md::findings_counts(r, d, t)},
                                 {"version", code(r.scan.tool_version, 40)}}) +
         "\n";
}

std::string new_code_markdown(const ScanResult& r, const ReportData& d, const Translation& t) {
  std::string head;
  if (r.gate) {
    head += "## " + t.text(r.gate->passed ? "md.verdict_passed" : "md.verdict_failed") + " · " + repository_label(d) + "\n\n";
    if (r.gate->source == "default") head += t.text("md.gate_default") + "\n\n";
    head += gate_conditions(*r.gate, t);
  } else {
    head += "## " + t.text("md.title") + ": " + repository_label(d) + "\n\n";
  }
  std::vector<const Finding*> fresh;
  for (const Finding* f : findings_for_reading(r))
    if (f->baseline_state == "new") fresh.push_back(f);
  head += "### " + t.format("md.new_findings", {{"n", t.integer(static_cast<int64_t>(fresh.size()))}}) + "\n\n";
  if (fresh.empty()) head += t.text("md.no_new_findings") + "\n\n";

  const std::string tail = context_line(r, d, t);
  // The rows get what is left once the rest, and the longest "and N more" line, are counted.
  const std::string more_probe = t.format("md.more_new", {{"n", t.integer(static_cast<int64_t>(fresh.size()))}});
  const size_t fixed = head.size() + tail.size() + more_probe.size() + 8;
  const size_t room = fixed < kNewCodeLimit ? kNewCodeLimit - fixed : 0;
  size_t shown = 0;
  std::string table = md::findings_table(fresh, r.rules, t, kNewRows, room, kNewRowLimits, shown);
  if (!table.empty()) table += "\n";
  if (shown < fresh.size())
    table += t.format("md.more_new", {{"n", t.integer(static_cast<int64_t>(fresh.size() - shown))}}) + "\n\n";
  return head + table + tail;
}

std::string full_markdown(const ScanResult& r, const ReportData& d, const Translation& t) {
  std::string out = "## " + t.text("md.title") + ": " + repository_label(d) + "\n\n";
  out += as_of_line(r, t);
  out += md::top_risks_part(r, t);
  out += "**" + t.text("overview.grades") + ":** " + md::grades(r, t, true) + "\n\n";
  out += md::checks_part(r, t);
  if (r.gate) out += gate_table(*r.gate, t);
  out += summary_counts(r, d, t) + "\n\n";
  out += md::metrics_line(r, t);
  out += "**" + t.text("findings.title") + ":** " + md::findings_counts(r, d, t) + "\n\n";

  const std::vector<const Finding*> reading = findings_for_reading(r);
  if (!reading.empty()) {
    const int64_t n = static_cast<int64_t>(reading.size());
    out += "### " +
           (reading.size() > kFullRows
                ? t.format("md.top_findings", {{"shown", t.integer(kFullRows)}, {"n", t.integer(n)}})
                : t.format("md.all_findings", {{"n", t.integer(n)}})) +
           "\n\n";
    size_t shown = 0;
    out += md::findings_table(reading, r.rules, t, kFullRows, std::numeric_limits<size_t>::max(), {}, shown) + "\n";
    if (shown < reading.size())
      out += t.format("md.more_findings", {{"n", t.integer(n - static_cast<int64_t>(shown))}}) + "\n\n";
  }
  out += md::hotspots_part(r, t, kTopRows);
  out += md::functions_part(r, d, t, kTopRows);
  out += md::gaps_part(r, d, t);
  out += "<sub>" + t.format("md.footer", {{"version", r.scan.tool_version}}) + "</sub>\n";
  return out;
}

}  // namespace

std::string render_markdown(const ScanResult& r, const ReportOptions& options) {
  const Translation& t = Translation::get(options.lang);
  const ReportData d = report_data(r, kTopRows);
  return d.baseline_used || r.new_code ? new_code_markdown(r, d, t) : full_markdown(r, d, t);
}

}  // namespace rh
