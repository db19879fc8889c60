// Top risks: ranked by the points their scoring input took (times the dimension's weight),
// explained with figures, places and people, with a remedy and who acts; the HTML report shows
// them right after the grades (id="top-risks").
#include <gtest/gtest.h>

#include "reports/i18n.h"
#include "reports/top_risks.h"
#include "reports/writers.h"
#include "tests/reports/report_fixture.h"

namespace rh {
namespace {

using test::sample_model;

ScanResult knowledge_model() {
  ScanResult r = sample_model();
  // The knowledge dimension rated: the truck factor (1: Ada) costs 40, the elephant factor 15.
  for (auto& d : r.health->scores.dimensions)
    if (d.id == "knowledge") {
      d.score = 45;
      d.grade = "D";
      d.reason.clear();
      d.inputs = {{"truck_factor", "1", -40, "40 when 1 or less"},
                  {"knowledge_loss", "20.0 %", -12, "60 x share, at most 30"},
                  {"elephant_factor", "1", -15, "15 when 1"}};
    }
  r.history->files[1].knowledge_lost = true;
  r.history->files[1].doa_authors = {"cy@old.example"};
  return r;
}

TEST(TopRisks, RankedByPointsTakenAndExplained) {
  const ScanResult r = sample_model();
  const auto risks = top_risks(r, Translation::get("en"));
  // The sample's inputs with points: docs.readme 20, build.tests 10, complexity 6, licence.headers 5.
  ASSERT_EQ(risks.size(), 4u);
  EXPECT_EQ(risks[0].input, "docs.readme");
  EXPECT_EQ(risks[1].input, "build.tests");
  EXPECT_EQ(risks[2].input, "complexity");
  EXPECT_EQ(risks[3].input, "licence.headers");
  for (const auto& k : risks) {
    EXPECT_FALSE(k.title.empty()) << k.input;
    EXPECT_FALSE(k.evidence.empty()) << k.input;
    EXPECT_FALSE(k.remedy.empty()) << k.input;
    EXPECT_TRUE(k.actor == "maintainer" || k.actor == "product_owner" || k.actor == "steering_group") << k.input;
  }
  EXPECT_EQ(risks[0].actor, "product_owner");  // documentation is the product owner's
  EXPECT_EQ(risks[0].locations, std::vector<std::string>{"README.md"});
  EXPECT_EQ(risks[1].actor, "maintainer");
  // Complexity: the share and the functions above cognitive 15, most complex first.
  EXPECT_EQ(risks[2].evidence,
            "73% of the function code is in 2 functions with a cognitive complexity above 15.");
  EXPECT_EQ(risks[2].locations, (std::vector<std::string>{"web/app.js:1 render", "app/main.py:8 complicated"}));
}

TEST(TopRisks, PeopleByNameAndTheSteeringGroupForKnowledge) {
  const ScanResult r = knowledge_model();
  const auto risks = top_risks(r, Translation::get("en"));
  ASSERT_GE(risks.size(), 3u);
  EXPECT_EQ(risks[0].input, "truck_factor");
  EXPECT_EQ(risks[0].title, "The product depends on 1 person");
  EXPECT_EQ(risks[0].people, std::vector<std::string>{"Ada Lovelace"});  // a name, never the e-mail address
  EXPECT_EQ(risks[0].actor, "steering_group");
  EXPECT_EQ(risks[1].input, "docs.readme");
  EXPECT_EQ(risks[2].input, "elephant_factor");
  EXPECT_EQ(risks[2].people, std::vector<std::string>{"acme.example"});
  const auto all = top_risks(r, Translation::get("en"), 10);
  auto loss = std::find_if(all.begin(), all.end(), [](const Risk& k) { return k.input == "knowledge_loss"; });
  ASSERT_NE(loss, all.end());
  EXPECT_EQ(loss->people, std::vector<std::string>{"Cy Gone"});
  EXPECT_EQ(loss->locations, std::vector<std::string>{"app/util.py"});
  EXPECT_EQ(loss->actor, "product_owner");
}

TEST(TopRisks, AtMostFiveAndTheDimensionWeightCounts) {
  ScanResult r = knowledge_model();
  EXPECT_LE(top_risks(r, Translation::get("en")).size(), 5u);
  EXPECT_EQ(top_risks(r, Translation::get("en"), 2).size(), 2u);
  // Documentation weighted 3: docs.readme (20 x 3) now outranks the truck factor (40 x 1).
  for (auto& d : r.health->scores.dimensions)
    if (d.id == "documentation") d.weight = 3;
  const auto risks = top_risks(r, Translation::get("en"));
  EXPECT_EQ(risks[0].input, "docs.readme");
  EXPECT_DOUBLE_EQ(risks[0].weight, 60);
  EXPECT_DOUBLE_EQ(risks[0].points, 20);
}

TEST(TopRisks, SecurityRuleInputNamesItsFindings) {
  ScanResult r = sample_model();
  for (auto& d : r.health->scores.dimensions)
    if (d.id == "security") {
      d.score = 75;
      d.grade = "B";
      d.inputs = {{"python.security.subprocess-shell", "1 error", -15, "15 per error, at most 25"}};
    }
  const auto risks = top_risks(r, Translation::get("en"));
  ASSERT_FALSE(risks.empty());
  EXPECT_EQ(risks[0].input, "docs.readme");
  EXPECT_EQ(risks[1].input, "python.security.subprocess-shell");
  EXPECT_EQ(risks[1].title, "Subprocess with shell=True");
  EXPECT_EQ(risks[1].evidence, "1 open finding, 1 error among them.");  // the suppressed one is not counted
  EXPECT_EQ(risks[1].locations, std::vector<std::string>{"app/main.py:5"});
}

TEST(TopRisks, NothingWithoutScoresAndSmallInputsLeftOut) {
  ScanResult r = sample_model();
  r.health.reset();
  EXPECT_TRUE(top_risks(r, Translation::get("en")).empty());
  r = sample_model();
  for (auto& d : r.health->scores.dimensions)
    for (auto& in : d.inputs) in.points = -0.5;
  EXPECT_TRUE(top_risks(r, Translation::get("en")).empty());
}

TEST(TopRisks, DanishTextsDiffer) {
  const ScanResult r = knowledge_model();
  const auto en = top_risks(r, Translation::get("en"));
  const auto da = top_risks(r, Translation::get("da"));
  ASSERT_EQ(en.size(), da.size());
  EXPECT_EQ(da[0].title, "Produktet afhænger af 1 person");
  for (size_t i = 0; i < en.size(); ++i) {
    if (en[i].input.find('.') != std::string::npos) continue;  // check texts: the health catalogue's part
    EXPECT_NE(en[i].title, da[i].title) << en[i].input;
    EXPECT_NE(en[i].evidence, da[i].evidence) << en[i].input;
    EXPECT_NE(en[i].remedy, da[i].remedy) << en[i].input;
  }
}

TEST(TopRisks, GradeMoversMostPointsFirst) {
  const ScanResult r = sample_model();
  const DimensionScore* doc = nullptr;
  for (const auto& d : r.health->scores.dimensions)
    if (d.id == "documentation") doc = &d;
  ASSERT_NE(doc, nullptr);
  const auto movers = grade_movers(r, *doc, Translation::get("en"));
  ASSERT_EQ(movers.size(), 2u);
  EXPECT_TRUE(movers[0].ends_with(" −20.0")) << movers[0];
  EXPECT_NE(movers[1].find("−5.0"), std::string::npos);
}

TEST(TopRisks, HtmlShowsThemRightAfterTheGradesWithRepositoryTextEscaped) {
  ScanResult r = knowledge_model();
  r.history->repository.authors[0].name = "Ada <script>alert(1)</script>";
  for (const char* lang : {"en", "da"}) {
    ReportOptions options;
    options.lang = lang;
    const std::string html = render_html(r, options);
    const size_t grades = html.find("class=\"grade-cards\"");
    const size_t risks = html.find("id=\"top-risks\"");
    ASSERT_NE(grades, std::string::npos);
    ASSERT_NE(risks, std::string::npos);
    EXPECT_LT(grades, risks);
    EXPECT_LT(risks, html.find("id=\"figures\""));
    EXPECT_EQ(html.find("<script>alert(1)"), std::string::npos);
    EXPECT_NE(html.find("Ada &lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find(std::string(lang) == "en" ? "Steering group" : "Styregruppen"), std::string::npos);
  }
}

}  // namespace
}  // namespace rh
