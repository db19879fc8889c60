#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "reports/terminal_wrap.h"
#include "reports/writers.h"

namespace rh {
namespace {

/// Repository-controlled text goes to a terminal: control characters could move the cursor or
/// change colours, so they are shown as '?'.
std::string printable(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  return out;
}

/// The gate's lines before wrapping.
std::string gate_lines(const GateResult& gate) {
  std::string out = fmt::format("  quality gate ({}): {}\n", gate.source == "config" ? "configured" : "default",
                                gate.passed ? "PASSED" : "FAILED");
  for (const auto& c : gate.conditions) {
    const char* mark = c.status == "passed" ? "✔" : c.status == "failed" ? "✘" : "–";
    std::string line = fmt::format("    {} {}: {}", mark, printable(c.name),
                                   c.status == "not_evaluated" ? "not evaluated" : printable(c.actual));
    line += fmt::format(" (limit {})", printable(c.threshold));
    if (!c.detail.empty()) line += " — " + printable(c.detail);
    out += line + "\n";
  }
  return out;
}

}  // namespace

std::string gate_summary(const GateResult& gate, size_t width) { return wrap_text(gate_lines(gate), width); }

std::string terminal_summary(const ScanResult& r, size_t width) {
  std::string out;
  out += fmt::format("repohealth {} — {} ({}{}{}){}\n", r.scan.tool_version, printable(r.scan.root),
                     r.scan.source, r.scan.revision.empty() ? "" : " ", r.scan.revision.substr(0, 12),
                     r.scan.as_of.empty() ? "" : ", as of " + printable(r.scan.as_of));
  std::map<std::string, std::pair<int64_t, int64_t>> by_language;  // files, code lines
  int64_t functions = 0;
  std::vector<std::pair<const FunctionMetrics*, const FileFacts*>> all;
  for (const auto& f : r.files) {
    auto& row = by_language[f.language];
    row.first += 1;
    row.second += f.lines.code;
    functions += static_cast<int64_t>(f.functions.size());
    for (const auto& fn : f.functions) all.emplace_back(&fn, &f);
  }
  out += fmt::format("  files analysed: {}   functions: {}   skipped: {}   notes: {}\n", r.files.size(),
                     functions, r.skipped.size(), r.notifications.size());
  if (!by_language.empty()) {
    out += "  language          files   code lines\n";
    for (const auto& [lang, row] : by_language)
      out += fmt::format("    {:<14} {:>7} {:>12}\n", printable(lang), row.first, row.second);
  }
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    if (a.first->cyclomatic != b.first->cyclomatic) return a.first->cyclomatic > b.first->cyclomatic;
    if (a.second->path != b.second->path) return a.second->path < b.second->path;
    return a.first->start_line < b.first->start_line;
  });
  if (!all.empty()) {
    out += "  most complex functions (cyclomatic):\n";
    for (size_t i = 0; i < std::min<size_t>(5, all.size()); ++i)
      out += fmt::format("    {:>4}  {}  {}:{}\n", all[i].first->cyclomatic, printable(all[i].first->name),
                         printable(all[i].second->path), all[i].first->start_line);
  }
  if (!r.skipped.empty()) {
    std::map<std::string, int> reasons;
    for (const auto& s : r.skipped) reasons[s.reason]++;
    out += "  skipped by reason:";
    for (const auto& [reason, n] : reasons) out += fmt::format(" {} {}", reason, n);
    out += "\n";
  }
  if (!r.rules.empty() || !r.findings.empty()) {
    std::map<std::string, int64_t> by_severity, by_rule;
    int64_t suppressed = 0;
    for (const auto& f : r.findings) {
      if (f.suppression) {
        ++suppressed;
        continue;
      }
      ++by_severity[f.severity];
      ++by_rule[f.rule_id];
    }
    const int64_t open = static_cast<int64_t>(r.findings.size()) - suppressed;
    out += fmt::format("  findings: {} open (error {}, warning {}, note {}), {} suppressed; {} rules ran\n", open,
                       by_severity["error"], by_severity["warning"], by_severity["note"], suppressed, r.rules.size());
    std::vector<std::pair<std::string, int64_t>> top(by_rule.begin(), by_rule.end());
    std::stable_sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (size_t i = 0; i < std::min<size_t>(5, top.size()); ++i)
      out += fmt::format("    {:>5}  {}\n", top[i].second, printable(top[i].first));
  }
  if (r.history) {
    const RepoHistory& h = r.history->repository;
    out += fmt::format("  history: {} commits, {} contributors ({} active), {} organisations, elephant factor {}\n",
                       h.commits, h.contributors, h.active_contributors, organisation_count(h), h.elephant_factor);
    // People by name; their addresses only when the scan kept them (--show-emails).
    std::string names;
    for (const auto& id : h.truck_factor.authors) {
      std::string name = id;
      for (const auto& a : h.authors)
        if (a.id == id) name = (a.name.empty() ? id : a.name) + (r.scan.show_emails && !a.email.empty() ? " <" + a.email + ">" : "");
      names += (names.empty() ? "" : ", ") + printable(name);
    }
    out += fmt::format("  truck factor: {}{}{}{}   active only: {}\n", h.truck_factor.value, names.empty() ? "" : " (",
                       names, names.empty() ? "" : ")", h.active_truck_factor.value);
    if (!h.hotspots.empty())
      out += fmt::format("  top hotspot: {} ({} commits x complexity {})\n", printable(h.hotspots.front().path),
                         h.hotspots.front().commits, h.hotspots.front().complexity);
  }
  if (r.health) {
    const Scores& s = r.health->scores;
    auto grade = [](const std::string& g, const std::optional<double>& v) {
      return g.empty() ? std::string("-") : fmt::format("{} ({:.1f})", g, *v);
    };
    out += "  grades: overall " + grade(s.overall_grade, s.overall);
    for (const auto& d : s.dimensions) out += ", " + d.id + " " + grade(d.grade, d.score);
    out += "\n";
    std::map<std::string, int> counts;
    std::string failing;
    for (const auto& c : r.health->checks) {
      ++counts[c.status];
      if (c.status == "fail") failing += (failing.empty() ? "" : ", ") + c.id;
    }
    out += fmt::format("  health checks: {} pass, {} fail, {} warn, {} inconclusive, {} not applicable\n", counts["pass"],
                       counts["fail"], counts["warn"], counts["inconclusive"], counts["not_applicable"]);
    if (!failing.empty()) out += "    failing: " + failing + "\n";
    if (!r.health->licence.licence.empty())
      out += "  licence: " + printable(r.health->licence.licence) +
             (r.health->licence.community_default ? " (the community default)\n" : "\n");
  }
  if (r.new_code)
    out += fmt::format("  new code since {}: {} changed files, {} new findings, {} unchanged, {} fixed\n",
                       printable(r.new_code->since), r.new_code->files.size(), r.new_code->new_findings,
                       r.new_code->unchanged_findings, r.new_code->absent_findings);
  if (r.gate) out += gate_lines(*r.gate);
  out += fmt::format("  time: {:.2f} s with {} jobs\n", r.scan.duration_ms / 1000.0, r.scan.jobs);
  return wrap_text(out, width);
}

}  // namespace rh
