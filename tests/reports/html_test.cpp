// HTML report: one self-contained file, every section present (or saying "not analysed"),
// translated, and small enough for a repository of 2 000 files.
#include <gtest/gtest.h>

#include <chrono>

#include "html_safety.h"
#include "report_fixture.h"
#include "reports/writers.h"
#include "core/model_json.h"

namespace rh {
namespace {

TEST(Html, SelfContainedWithEverySection) {
  std::string html = render_html(test::sample_model(), {});
  test::expect_no_executable_markup(html);
  for (const char* id : {"overview", "figures", "hotspots", "complexity", "duplication", "ownership",
                         "process", "checks", "findings", "gaps"})
    EXPECT_NE(html.find(std::string("<section id=\"") + id + "\""), std::string::npos) << id;
  // The only URLs are the SVG namespace, never something to fetch.
  for (const char* scheme : {"http://", "https://"})
    for (size_t p = html.find(scheme); p != std::string::npos; p = html.find(scheme, p + 1))
      EXPECT_EQ(html.compare(p, 26, "http://www.w3.org/2000/svg"), 0) << html.substr(p - 20, 60);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("size: A4"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
}

TEST(Html, GateVerdictInTheOverview) {
  ScanResult r = test::sample_model();
  EXPECT_EQ(render_html(r, {}).find("class=\"gate\""), std::string::npos);  // no gate judged: no block
  GateResult g;
  g.passed = false;
  g.source = "default";
  g.conditions.push_back({"no_new.security", "1", "0", "failed", "python.security.os-system <script>x</script>"});
  g.conditions.push_back({"min_grades.security", "", "C", "not_evaluated", "health grades are not computed"});
  r.gate = g;
  std::string html = render_html(r, {});
  test::expect_no_executable_markup(html);
  EXPECT_NE(html.find("class=\"gate\""), std::string::npos);
  EXPECT_NE(html.find("✘ failed"), std::string::npos);
  EXPECT_NE(html.find("<code>no_new.security</code>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;x&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("– not evaluated"), std::string::npos);
  ReportOptions da;
  da.lang = "da";
  EXPECT_NE(render_html(r, da).find("✘ ikke opfyldt"), std::string::npos);
}

TEST(Html, SectionsWithoutDataSayNotAnalysed) {
  ScanResult r = test::sample_model();
  r.history.reset();
  r.duplication = {};
  for (auto& f : r.files) f.maintainability_index.reset();
  r.rules.clear();
  r.findings.clear();
  r.health.reset();
  std::string html = render_html(r, {});
  auto section = [&](const std::string& id) {
    size_t start = html.find("<section id=\"" + id + "\"");
    return html.substr(start, html.find("</section>", start) - start);
  };
  for (const char* id : {"ownership", "process", "checks", "duplication", "findings"})
    EXPECT_NE(section(id).find("Not analysed."), std::string::npos) << id;
  EXPECT_NE(section("hotspots").find("complexity only"), std::string::npos);
  EXPECT_EQ(section("complexity").find("Not analysed.</strong> No functions"), std::string::npos);
  EXPECT_NE(section("complexity").find("Not analysed.</strong> The maintainability index"),
            std::string::npos);
  std::string full = render_html(test::sample_model(), {});
  EXPECT_NE(full.find("18.1% of the code lines are duplicated"), std::string::npos);
  EXPECT_NE(full.find("web/<wbr>app.js:70–81"), std::string::npos);
  EXPECT_NE(full.find("Average maintainability index 52.8 over 3 files; below 10: 1, from 10 to 19: 0."),
            std::string::npos);
  ReportOptions da;
  da.lang = "da";
  EXPECT_NE(render_html(r, da).find("Ikke analyseret."), std::string::npos);
}

TEST(Html, DanishTextsNumbersAndDates) {
  ReportOptions da;
  da.lang = "da";
  std::string html = render_html(test::sample_model(), da);
  EXPECT_NE(html.find("<html lang=\"da\">"), std::string::npos);
  EXPECT_NE(html.find("Sundhedsrapport for kodebasen"), std::string::npos);
  EXPECT_NE(html.find("1. juni 2024 kl. 12.34 UTC"), std::string::npos);
  EXPECT_NE(html.find("29. februar 2024"), std::string::npos);
  EXPECT_NE(html.find("71 %"), std::string::npos);
  EXPECT_NE(html.find(">25,0<"), std::string::npos);  // median lines per commit
  std::string en = render_html(test::sample_model(), {});
  EXPECT_NE(en.find("1 June 2024, 12:34 UTC"), std::string::npos);
  EXPECT_NE(en.find(">25.0<"), std::string::npos);
  EXPECT_NE(en.find("71%"), std::string::npos);
}

/// A model the size of a 2 000-file repository with plenty of findings and history.
ScanResult large_model() {
  ScanResult r = test::sample_model();
  r.files.clear();
  r.findings.clear();
  r.history->files.clear();
  r.history->repository.hotspots.clear();
  for (int i = 0; i < 2000; ++i) {
    std::string path = "src/component_" + std::to_string(i / 40) + "/sub_folder/module_file_number_" +
                       std::to_string(i) + ".py";
    std::vector<FunctionMetrics> fns;
    for (int k = 0; k < 12; ++k)
      fns.push_back(
          test::fn("function_with_a_name_" + std::to_string(k), k * 10 + 1, k * 10 + 9, 1 + (i * k) % 40, k));
    r.files.push_back(test::file(path, i % 3 ? "python" : "javascript", 50 + (i * 37) % 900, fns));
    FileHistory h;
    h.path = path;
    h.commits = 1 + i % 50;
    h.main_author = "person" + std::to_string(i % 60) + "@org" + std::to_string(i % 12) + ".example";
    r.history->files.push_back(h);
    if (i < 20) r.history->repository.hotspots.push_back({path, h.commits, 100, 100 * h.commits});
    for (int k = 0; k < 3; ++k) {
      Finding f = test::finding(r.rules[(i + k) % r.rules.size()].id, "warning", path, 10 + k, 1, 20,
                                "a finding message that explains what is wrong at this place",
                                "    some_code(x, y)  # and a comment");
      r.findings.push_back(f);
    }
  }
  for (int p = 0; p < 60; ++p) {
    Contributor c;
    c.id = "person" + std::to_string(p) + "@org" + std::to_string(p % 12) + ".example";
    c.name = "Person Number " + std::to_string(p);
    r.history->repository.authors.push_back(c);
  }
  for (int s = 0; s < 500; ++s)
    r.skipped.push_back({"vendor/pkg/file" + std::to_string(s) + ".js", "vendored", "vendor/"});
  return r;
}

TEST(Html, UnderTwoMegabytesForTwoThousandFiles) {
  ScanResult r = large_model();
  auto start = std::chrono::steady_clock::now();
  std::string html = render_html(r, {});
  auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(html.size(), 2u * 1024 * 1024) << "the report of 2 000 files is " << html.size() << " bytes";
  EXPECT_GT(html.size(), 100u * 1024) << "the large model is really rendered";
  std::printf("HTML for 2 000 files, 6 000 findings: %zu bytes in %lld ms\n", html.size(),
              static_cast<long long>(ms));
  test::expect_no_executable_markup(html);
}

}  // namespace
}  // namespace rh

namespace rh {
namespace {

TEST(Html, GradesChecksRequirementsAndScoreInputs) {
  const ScanResult r = test::sample_model();
  std::string en = render_html(r, {});
  // Overview: the overall grade and each dimension, a dimension that could not be rated says why.
  EXPECT_NE(en.find("grade grade-A\">A</span><span class=\"grade-name\">Overall</span>"), std::string::npos);
  EXPECT_NE(en.find("Knowledge and ownership"), std::string::npos);
  EXPECT_NE(en.find("Not rated: the git history was not analysed"), std::string::npos);
  EXPECT_NE(en.find("A ≥ 85, B ≥ 70, C ≥ 55, D ≥ 40"), std::string::npos);
  // Checks by dimension with status, evidence and remedy; the repository's strings escaped.
  EXPECT_NE(en.find("id=\"check-docs.readme\""), std::string::npos);
  EXPECT_NE(en.find("<span class=\"status fail\">Fail</span>"), std::string::npos);
  EXPECT_NE(en.find("<span class=\"status neutral\">Inconclusive</span>"), std::string::npos);
  // Repository content inside an analyzer message is marked translate="no".
  EXPECT_NE(en.find("<code translate=\"no\">docs/æøå notes.py</code> <span translate=\"no\">SPDX-License-Identifier: "
                    "GPL-2.0-only</span> (the repository licence is <span translate=\"no\">MPL-2.0</span>)"),
            std::string::npos);
  EXPECT_NE(en.find("Describe the product&#39;s purpose"), std::string::npos);
  EXPECT_NE(en.find("Licence: MPL-2.0. This is the community&apos;s default licence."), std::string::npos);
  // Requirements of both frameworks; what needs a person is said, not guessed.
  EXPECT_NE(en.find("<strong>F2</strong> An OSI-approved licence"), std::string::npos);
  EXPECT_NE(en.find("Needs a person:</strong> Whether an independent party"), std::string::npos);
  EXPECT_NE(en.find("<strong>SPC-12</strong>"), std::string::npos);
  // Score inputs and the points they took.
  EXPECT_NE(en.find("Complex functions"), std::string::npos);
  EXPECT_NE(en.find(">−6.0<"), std::string::npos);

  ReportOptions da;
  da.lang = "da";
  std::string dk = render_html(r, da);
  EXPECT_NE(dk.find("Vedligeholdelse"), std::string::npos);
  EXPECT_NE(dk.find("En fyldestgørende README"), std::string::npos);  // check titles translated
  // Summaries, remedies, evidence and score rules in Danish, numbers written the Danish way.
  EXPECT_NE(dk.find("<span translate=\"no\">README.md</span> siger for lidt (3 ord, 1 overskrift)."), std::string::npos);
  EXPECT_NE(dk.find("Beskriv produktets formål og målgruppe"), std::string::npos);
  EXPECT_NE(dk.find("forhold 0,0"), std::string::npos);
  EXPECT_NE(dk.find("60 × andelen, højst 30"), std::string::npos);
  EXPECT_NE(dk.find("Om en uafhængig part har gennemgået koden"), std::string::npos);
  EXPECT_NE(dk.find("Kræver en person"), std::string::npos);
  EXPECT_NE(dk.find(">−6,0<"), std::string::npos);
}

TEST(Html, WithoutHealthTheGradesSayNotAnalysed) {
  ScanResult r = test::sample_model();
  r.health.reset();
  std::string en = render_html(r, {});
  EXPECT_NE(en.find("--no-health"), std::string::npos);
  EXPECT_EQ(en.find("class=\"grade-card"), std::string::npos);
}

}  // namespace
}  // namespace rh

namespace rh {
namespace {

TEST(HealthFacts, RoundTripThroughFactsJson) {
  // `report facts.json` renders the health part from the file alone: it must come back whole.
  ScanResult r = test::sample_model();
  r.files.front().spdx_license = "MPL-2.0";
  std::string text = facts_json_text(r);
  auto back = scan_result_from_json(ojson::parse(text));
  ASSERT_TRUE(back) << back.error().message;
  ASSERT_TRUE(back->health);
  EXPECT_EQ(*back->health, *r.health);
  EXPECT_EQ(back->files.front().spdx_license, "MPL-2.0");
  EXPECT_EQ(facts_json_text(*back), text);
  // A health section of the wrong shape is an error naming it.
  ojson doc = ojson::parse(text);
  doc["health"]["checks"][0]["status"] = 3;
  auto bad = scan_result_from_json(doc);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("$.health"), std::string::npos) << bad.error().message;
}

}  // namespace
}  // namespace rh
