// report.md in its two modes: goldens in English and Danish; new-code mode opens with the gate
// verdict, lists only new findings and stays under 10,000 characters whatever the model holds;
// full mode lists the 20 most severe findings and says how many more there are; no links and
// no markup from the repository.
#include <gtest/gtest.h>

#include <sstream>

#include "golden.h"
#include "html_safety.h"
#include "report_fixture.h"
#include "reports/terminal_wrap.h"
#include "reports/writers.h"

namespace rh {
namespace {

std::string render(const ScanResult& r, const std::string& lang = "en") {
  ReportOptions o;
  o.lang = lang;
  return render_markdown(r, o);
}

GateResult failed_gate() {
  GateResult g;
  g.passed = false;
  g.source = "config";
  g.conditions = {
      {"max_new_findings.error", "1", "0", "failed", "generic.secrets.hardcoded-password"},
      {"max_new_findings.warning", "1", "5", "passed", ""},
      {"no_new.security", "1", "0", "failed", "generic.secrets.hardcoded-password"},
      {"max_new_cyclomatic", "", "15", "not_evaluated", "needs --new-since"},
      {"min_grades.overall", "A", "C", "passed", ""},
  };
  return g;
}

/// The sample model as a pull request sees it: a baseline and a failed gate.
ScanResult new_code_model() {
  ScanResult r = test::sample_model();
  r.gate = failed_gate();
  return r;
}

/// The sample model scanned without a baseline, with 30 more findings of every severity.
ScanResult full_model() {
  ScanResult r = test::sample_model();
  const Finding base = r.findings[1];
  const char* severities[] = {"note", "warning", "error"};
  for (int i = 0; i < 30; ++i) {
    Finding f = base;
    f.severity = severities[i % 3];
    f.rule_id = std::string("python.sample.") + f.severity;
    f.start_line = 100 + i;
    f.message = "sample finding " + std::to_string(i);
    r.findings.push_back(f);
  }
  for (auto& f : r.findings) f.baseline_state.clear();
  GateResult g = failed_gate();
  g.passed = true;
  g.source = "default";
  g.conditions = {{"max_findings.error", "12", "100", "passed", ""}};
  r.gate = g;
  return r;
}

size_t count_of(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

/// Table rows of the findings table (the lines that start with "| " after the head).
size_t finding_rows(const std::string& md) {
  return count_of(md, "\n| Error |") + count_of(md, "\n| Warning |") + count_of(md, "\n| Note |") +
         count_of(md, "\n| Fejl |") + count_of(md, "\n| Advarsel |") + count_of(md, "\n| Bemærkning |");
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

TEST(Markdown, Goldens) {
  for (const char* lang : {"en", "da"}) {
    const std::string suffix = std::string(lang) == "en" ? ".md" : ".da.md";
    test::expect_golden("sample" + suffix, render(test::sample_model(), lang));
    test::expect_golden("new_code" + suffix, render(new_code_model(), lang));
    test::expect_golden("full" + suffix, render(full_model(), lang));
  }
}

TEST(Markdown, NewCodeModeOpensWithTheVerdictAndListsOnlyNewFindings) {
  const std::string md = render(new_code_model());
  const auto lines = lines_of(md);
  ASSERT_GE(lines.size(), 4u);
  EXPECT_EQ(lines[0].rfind("## ✘ Quality gate failed · `sample`", 0), 0u) << md;
  EXPECT_EQ(lines[1], "- ✘ `max_new_findings.error`: `1` (limit `0`) — `generic.secrets.hardcoded-password`");
  EXPECT_NE(md.find("- – `max_new_cyclomatic`: not evaluated — `needs --new-since`"), std::string::npos) << md;
  EXPECT_NE(md.find("- ✔ 2 conditions passed"), std::string::npos) << md;
  EXPECT_LT(md.find("Quality gate"), md.find("### New findings (3)"));
  EXPECT_EQ(finding_rows(md), 3u);
  EXPECT_EQ(md.find("python.security.subprocess-shell"), std::string::npos) << "an unchanged finding is not listed";
  EXPECT_EQ(md.find("python.legacy.print-statement"), std::string::npos) << "an absent finding is not listed";
  // After the table, one line about the whole repository, and nothing else.
  EXPECT_EQ(lines.back().rfind("**Whole repository**, not only this change: Overall **A** · ", 0), 0u) << md;
  EXPECT_EQ(lines[lines.size() - 2].rfind("| ", 0), 0u) << "the context line follows the table";
  EXPECT_EQ(md.find("Top hotspots"), std::string::npos);
  EXPECT_EQ(md.find("What was not analysed"), std::string::npos);
}

TEST(Markdown, NewCodeModeWithoutNewFindingsSaysSo) {
  ScanResult r = new_code_model();
  for (auto& f : r.findings)
    if (f.baseline_state == "new") f.baseline_state = "unchanged";
  r.gate->passed = true;
  for (auto& c : r.gate->conditions)
    if (c.status == "failed") c.status = "passed";
  const std::string md = render(r, "da");
  EXPECT_EQ(md.rfind("## ✔ Kvalitetskravene er opfyldt · `sample`", 0), 0u) << md;
  EXPECT_NE(md.find("### Nye fund (0)\n\nIngen nye fund.\n"), std::string::npos) << md;
  EXPECT_EQ(finding_rows(md), 0u);
}

/// A pull request that brings thousands of findings with long texts everywhere the model
/// allows: the comment stays under 10,000 characters and says what it left out.
TEST(Markdown, NewCodeModeStaysUnderTenThousandCharacters) {
  ScanResult r = new_code_model();
  r.scan.root = std::string(5000, 'r');
  r.scan.tool_version = std::string(5000, 'v');
  const Finding base = r.findings[2];
  r.findings.clear();
  for (int i = 0; i < 5000; ++i) {
    Finding f = base;
    f.rule_id = "python.rule_" + std::to_string(i % 7) + "." + std::string(400, 'i');
    f.path = "src/æøå_module_" + std::to_string(i % 500) + "/" + std::string(600, 'p') + ".py";
    f.start_line = i + 1;
    f.message = std::string(3000, 'x') + " æøå @someone #123 https://example.org";
    f.severity = i % 2 ? "error" : "warning";
    f.baseline_state = i % 5 ? "new" : "unchanged";
    r.findings.push_back(f);
  }
  r.gate->conditions.clear();
  for (int i = 0; i < 40; ++i)
    r.gate->conditions.push_back({"no_new." + std::string(500, 'c'), std::string(500, '9'), std::string(500, '0'),
                                  i % 2 ? "failed" : "not_evaluated", std::string(4000, 'd')});
  for (const char* lang : {"en", "da"}) {
    const std::string md = render(r, lang);
    EXPECT_LT(md.size(), 10000u) << lang;  // bytes; characters are fewer still
    EXPECT_LT(display_columns(md), 10000u) << lang;
    const size_t rows = finding_rows(md);
    EXPECT_GE(rows, 5u) << lang << ": the new findings still get rows";
    EXPECT_LE(rows, 25u) << lang;
    // 4,000 of the findings are new: "… and 3,985 more new findings" / "… og 3.985 nye fund mere".
    const std::string more = std::to_string(4000 - rows);
    const std::string said = std::string(lang) == "en" ? "… and " + more.substr(0, 1) + "," + more.substr(1) + " more"
                                                       : "… og " + more.substr(0, 1) + "." + more.substr(1) + " nye";
    EXPECT_NE(md.find(said), std::string::npos) << lang << "\n" << md;
    EXPECT_NE(md.find(std::string(lang) == "en" ? "more new findings, not shown here: report.html and report.sarif"
                                                : "nye fund mere, som ikke er vist her: report.html og report.sarif"),
              std::string::npos)
        << lang;
    EXPECT_NE(md.find(std::string(lang) == "en" ? "… and 32 more (all conditions are in facts.json under gate)"
                                                : "… og 32 mere (alle betingelser står i facts.json under gate)"),
              std::string::npos)
        << lang << ": 8 of the 40 conditions are listed";
    EXPECT_EQ(lines_of(md).back().rfind(std::string(lang) == "en" ? "**Whole repository**" : "**Hele repositoriet**", 0), 0u);
    test::expect_no_markdown_html(md);
  }
}

TEST(Markdown, NewCodeModeCountsWhatItLeavesOut) {
  ScanResult r = new_code_model();
  const Finding base = r.findings[2];
  for (int i = 0; i < 1234; ++i) {
    Finding f = base;
    f.start_line = i + 100;
    r.findings.push_back(f);
  }
  const std::string md = render(r);
  EXPECT_EQ(finding_rows(md), 25u);
  EXPECT_NE(md.find("### New findings (1,237)"), std::string::npos);
  EXPECT_NE(md.find("… and 1,212 more new findings, not shown here"), std::string::npos) << md;
}

TEST(Markdown, FullModeShowsTheTwentyMostSevereAndWhereTheRestAre) {
  const ScanResult r = full_model();
  for (const char* lang : {"en", "da"}) {
    const std::string md = render(r, lang);
    EXPECT_EQ(finding_rows(md), 20u) << lang;
    const bool en = std::string(lang) == "en";
    EXPECT_NE(md.find(en ? "### The 20 most severe findings (of 35)" : "### De 20 alvorligste fund (af 35)"),
              std::string::npos)
        << lang << md;
    EXPECT_NE(md.find(en ? "… and 15 more findings, not shown here: report.html lists them all by rule, and "
                           "report.sarif and facts.json hold them all."
                         : "… og 15 fund mere, som ikke er vist her: report.html viser dem alle efter regel"),
              std::string::npos)
        << lang << md;
    // Most severe first: every error row before the first warning row, every warning before the first note.
    const std::string error = en ? "\n| Error |" : "\n| Fejl |", warning = en ? "\n| Warning |" : "\n| Advarsel |";
    EXPECT_LT(md.rfind(error), md.find(warning)) << lang;
    EXPECT_NE(md.find(en ? "**Quality gate:** ✔ passed" : "**Kvalitetskrav:** ✔ opfyldt"), std::string::npos);
    EXPECT_NE(md.find(en ? "### Top hotspots" : "### Største hotspots"), std::string::npos);
    EXPECT_EQ(md.find(en ? "New findings" : "Nye fund"), std::string::npos);
  }
}

TEST(Markdown, FullModeIsNotCutAtAByteLimit) {
  ScanResult r = full_model();
  for (auto& f : r.findings) f.message = std::string(5000, 'm');
  for (int i = 0; i < 100; ++i) r.history->repository.hotspots.push_back({"src/h" + std::to_string(i) + ".py", 3, 4, 12});
  const std::string md = render(r);
  EXPECT_EQ(finding_rows(md), 20u);
  EXPECT_NE(md.find("… and 15 more findings"), std::string::npos);
  EXPECT_NE(md.find("… and 92 more in report.html."), std::string::npos) << "the hotspots table says it is cut";
  EXPECT_EQ(lines_of(md).back(), "<sub>repohealth 0.1.0</sub>") << "the report ends whole";
}

TEST(Markdown, FullModeOpensWithTheTopRisks) {
  for (const char* lang : {"en", "da"}) {
    const bool en = std::string(lang) == "en";
    const std::string md = render(full_model(), lang);
    const size_t risks = md.find(en ? "### What matters most\n" : "### Det vigtigste\n");
    ASSERT_NE(risks, std::string::npos) << md;
    EXPECT_LT(risks, md.find(en ? "**Grades:**" : "**Karakterer:**")) << lang;
    EXPECT_NE(md.find("\n1. ", risks), std::string::npos) << lang << ": the risks are a numbered list";
    EXPECT_LT(md.find("\n1. ", risks), md.find(en ? "**Grades:**" : "**Karakterer:**")) << lang;
  }
  // A risk from a rule is titled by the rule, which the repository may define: a code span.
  ScanResult r = full_model();
  for (auto& d : r.rules) d.title = "[click](https://example.org) @someone";
  const std::string md = render(r);
  test::expect_no_markdown_html(md);
  EXPECT_EQ(md.find("\n1. [click]"), std::string::npos) << md.substr(0, 3000);
  // Without grades the risks cannot be ranked, and the section says so.
  r.health.reset();
  EXPECT_NE(render(r).find("### What matters most\n\nThe grades were not computed in this scan, so the risks cannot be "
                           "ranked (--no-health).\n"),
            std::string::npos);
}

TEST(Markdown, RepositoryTextIsInertCodeSpans) {
  for (ScanResult r : {new_code_model(), full_model()}) {
    r.findings[2].message = "a | b `tick` ``double`` [link](https://x) @user #1\nnext line";
    std::string md = render(r);
    EXPECT_NE(md.find("| ```a \\| b `tick` ``double`` [link](https://x) @user #1 next line``` |"),
              std::string::npos)
        << md;
    test::expect_no_markdown_html(md);
  }
}

}  // namespace
}  // namespace rh
