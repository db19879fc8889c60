// Each score's arithmetic, recomputed by hand from docs/scoring.md.
#include <gtest/gtest.h>

#include "health/scoring.h"

namespace rh {
namespace {

FileFacts code_file(const std::string& path, int64_t code, std::optional<double> mi,
                    std::vector<std::pair<int64_t, int64_t>> functions /* nloc, cognitive */) {
  FileFacts f;
  f.path = path;
  f.language = "python";
  f.lines.code = code;
  f.maintainability_index = mi;
  for (auto [nloc, cognitive] : functions) {
    FunctionMetrics fn;
    fn.nloc = nloc;
    fn.cognitive = cognitive;
    f.functions.push_back(fn);
  }
  return f;
}

HealthCheck check(const std::string& id, const std::string& dimension, const std::string& status) {
  HealthCheck c;
  c.id = id;
  c.dimension = dimension;
  c.status = status;
  return c;
}

double points_of(const DimensionScore& d, const std::string& name) {
  for (const auto& in : d.inputs)
    if (in.name == name) return in.points;
  ADD_FAILURE() << "no input " << name;
  return 1;
}

TEST(Scoring, GradeBoundaries) {
  const std::vector<double> b = {85, 70, 55, 40};
  EXPECT_EQ(grade_for(100, b), "A");
  EXPECT_EQ(grade_for(85, b), "A");
  EXPECT_EQ(grade_for(84.9, b), "B");
  EXPECT_EQ(grade_for(70, b), "B");
  EXPECT_EQ(grade_for(55, b), "C");
  EXPECT_EQ(grade_for(40, b), "D");
  EXPECT_EQ(grade_for(39.9, b), "E");
  EXPECT_EQ(grade_for(0, b), "E");
  EXPECT_EQ(grade_for(80, {90, 80, 60, 50}), "B");
}

TEST(Scoring, MaintainabilityWorkedExample) {
  // docs/scoring.md: 1000 function NLOC, 100 of them in a function above cognitive 15 (share
  // 0.1: 60 x 0.1 = 6); no file above 1000 code lines (0); 4.5 % duplicated (4.5); 250 of 2000
  // code lines in a file with an index below 20 (share 0.125: 40 x 0.125 = 5). 100 - 15.5 = 84.5.
  ScanResult r;
  r.files = {code_file("a.py", 900, 50, {{500, 3}}), code_file("b.py", 250, 10, {{100, 20}}),
             code_file("c.py", 850, 60, {{400, 15}})};
  r.duplication.min_tokens = 50;
  r.duplication.duplicated_percent = 4.5;
  DimensionScore d = score_maintainability(r);
  EXPECT_DOUBLE_EQ(points_of(d, "complexity"), -6);
  EXPECT_DOUBLE_EQ(points_of(d, "size"), 0);
  EXPECT_DOUBLE_EQ(points_of(d, "duplication"), -4.5);
  EXPECT_DOUBLE_EQ(points_of(d, "maintainability_index"), -5);
  ASSERT_TRUE(d.score);
  EXPECT_DOUBLE_EQ(*d.score, 84.5);
}

TEST(Scoring, MaintainabilityCapsAndLargeFiles) {
  // Everything complex (60 x 1 capped at 30), all code in one 3000-line file (30 x 1 capped at
  // 15), 40 % duplicated (capped at 25), index 5 (40 x 1 capped at 20): 100 - 90 = 10.
  ScanResult r;
  r.files = {code_file("big.py", 3000, 5, {{2000, 40}})};
  r.duplication.min_tokens = 50;
  r.duplication.duplicated_percent = 40;
  DimensionScore d = score_maintainability(r);
  EXPECT_DOUBLE_EQ(points_of(d, "complexity"), -30);
  EXPECT_DOUBLE_EQ(points_of(d, "size"), -15);
  EXPECT_DOUBLE_EQ(points_of(d, "duplication"), -25);
  EXPECT_DOUBLE_EQ(points_of(d, "maintainability_index"), -20);
  EXPECT_DOUBLE_EQ(*d.score, 10);
  // A file of 1200 code lines beside 800 others: share 0.6, 30 x 0.6 = 18 capped at 15.
  r.files = {code_file("big.py", 1200, 50, {}), code_file("small.py", 800, 50, {})};
  r.duplication.duplicated_percent = 0;
  d = score_maintainability(r);
  EXPECT_DOUBLE_EQ(points_of(d, "size"), -15);
  r.files = {code_file("big.py", 1100, 50, {})};
  for (int i = 0; i < 11; ++i) r.files.push_back(code_file("small" + std::to_string(i) + ".py", 990, 50, {}));
  d = score_maintainability(r);  // share 1100 / 11990 = 0.0917: 30 x 0.0917 = 2.75, shown to one decimal
  EXPECT_NEAR(points_of(d, "size"), -2.8, 1e-9);
}

TEST(Scoring, MaintainabilityIsNotRatedWithoutCode) {
  ScanResult r;
  FileFacts data;
  data.path = "x.json";
  data.language = "json";
  data.lines.code = 40;
  r.files = {data};
  DimensionScore d = score_maintainability(r);
  EXPECT_FALSE(d.score);
  EXPECT_FALSE(d.reason.empty());
  r.duplication.min_tokens = 0;  // clone detection off: not counted, said so
  r.files = {code_file("a.py", 10, 50, {})};
  d = score_maintainability(r);
  EXPECT_DOUBLE_EQ(*d.score, 100);
  EXPECT_EQ(d.inputs[2].name, "duplication");
  EXPECT_EQ(d.inputs[2].value, "not measured");
}

TEST(Scoring, SecurityCountsOpenSecurityFindingsAndChecks) {
  ScanResult r;
  r.files = {code_file("a.py", 10, 50, {})};
  RuleDescriptor sec{"py.security.x", "x", "error", "query", {}, {"security"}, "high", "stable", "", ""};
  RuleDescriptor med{"py.security.m", "m", "warning", "query", {}, {"security"}, "medium", "stable", "", ""};
  RuleDescriptor low{"py.security.l", "l", "warning", "query", {}, {"security"}, "low", "stable", "", ""};
  RuleDescriptor secret{"generic.secrets.y", "y", "error", "pattern", {}, {"security", "secret"}, "high", "stable", "", ""};
  RuleDescriptor style{"py.style.z", "z", "warning", "query", {}, {"maintainability"}, "high", "stable", "", ""};
  RuleDescriptor checkout{"repo.workflows.untrusted-checkout", "c", "error", "repo", {}, {"security"}, "high", "stable", "", ""};
  RuleDescriptor secrets_check{"repo.hygiene.secrets", "s", "warning", "repo", {}, {"security"}, "medium", "stable", "", ""};
  r.rules = {sec, med, low, secret, style, checkout, secrets_check};
  auto finding = [](const std::string& rule, const std::string& severity, bool suppressed = false) {
    Finding f;
    f.rule_id = rule;
    f.severity = severity;
    if (suppressed) f.suppression = Suppression{"config", "accepted"};
    return f;
  };
  // High: 2 errors and 1 note, 15 + 15 + 1 = 31, capped at 25 per rule. Medium: 3 warnings,
  // 3 x 5 x 0.5 = 7.5. Low: 4 warnings, x 0. A suppressed error, a secret, a non-security
  // warning and a repo rule's finding (counted by its check) do not count.
  for (int i = 0; i < 2; ++i) r.findings.push_back(finding("py.security.x", "error"));
  r.findings.push_back(finding("py.security.x", "note"));
  for (int i = 0; i < 3; ++i) r.findings.push_back(finding("py.security.m", "warning"));
  for (int i = 0; i < 4; ++i) r.findings.push_back(finding("py.security.l", "warning"));
  r.findings.push_back(finding("py.security.x", "error", true));
  r.findings.push_back(finding("generic.secrets.y", "error"));
  r.findings.push_back(finding("py.style.z", "warning"));
  r.findings.push_back(finding("repo.workflows.untrusted-checkout", "error"));
  // Checks: untrusted checkout fails (20, rule high), permissions warn (5 / 2 = 2.5, no rule: x 1),
  // secrets fail (30, rule medium: x 0.5 = 15).
  std::vector<HealthCheck> checks = {check("workflows.untrusted-checkout", "security", "fail"),
                                     check("workflows.permissions", "security", "warn"),
                                     check("hygiene.secrets", "security", "fail")};
  DimensionScore d = score_security(r, checks);
  EXPECT_DOUBLE_EQ(points_of(d, "py.security.x"), -25);
  EXPECT_DOUBLE_EQ(points_of(d, "py.security.m"), -7.5);
  EXPECT_DOUBLE_EQ(points_of(d, "py.security.l"), 0);
  for (const auto& in : d.inputs) {
    EXPECT_NE(in.name, "generic.secrets.y");
    EXPECT_NE(in.name, "py.style.z");
    EXPECT_NE(in.name, "repo.workflows.untrusted-checkout");
  }
  EXPECT_DOUBLE_EQ(points_of(d, "workflows.untrusted-checkout"), -20);
  EXPECT_DOUBLE_EQ(points_of(d, "workflows.permissions"), -2.5);
  EXPECT_DOUBLE_EQ(points_of(d, "hygiene.secrets"), -15);
  EXPECT_DOUBLE_EQ(*d.score, 100 - 25 - 7.5 - 0 - 20 - 2.5 - 15);  // 30
  EXPECT_EQ(grade_for(*d.score, {85, 70, 55, 40}), "E");

  // At high confidence the secrets check's 30 points are capped at 25, like any one rule.
  r.rules[6].confidence = "high";
  EXPECT_DOUBLE_EQ(points_of(score_security(r, checks), "hygiene.secrets"), -25);
  // Many findings of one rule never take the dimension below 75 on their own.
  ScanResult one;
  one.files = r.files;
  one.rules = {sec};
  for (int i = 0; i < 40; ++i) one.findings.push_back(finding("py.security.x", "error"));
  EXPECT_DOUBLE_EQ(*score_security(one, {}).score, 75);
  // Nothing open: one input saying so.
  one.findings.clear();
  EXPECT_DOUBLE_EQ(points_of(score_security(one, {}), "findings"), 0);
  EXPECT_DOUBLE_EQ(*score_security(one, {}).score, 100);
}

TEST(Scoring, ConfidenceFactorsAndSeverityPoints) {
  EXPECT_DOUBLE_EQ(confidence_factor("high"), 1);
  EXPECT_DOUBLE_EQ(confidence_factor("medium"), 0.5);
  EXPECT_DOUBLE_EQ(confidence_factor("low"), 0);
  EXPECT_DOUBLE_EQ(severity_points("error"), 15);
  EXPECT_DOUBLE_EQ(severity_points("warning"), 5);
  EXPECT_DOUBLE_EQ(severity_points("note"), 1);
}

TEST(Scoring, KnowledgeFromTheHistory) {
  ScanResult r;
  EXPECT_FALSE(score_knowledge(r).score);  // no history: not rated
  r.history.emplace();
  RepoHistory& h = r.history->repository;
  h.truck_factor.files = 10;
  h.truck_factor.value = 2;             // 20
  h.knowledge_loss.line_share = 0.25;   // 60 x 0.25 = 15
  h.elephant_factor = 1;                // 15
  h.active_contributors = 3;            // 0
  DimensionScore d = score_knowledge(r);
  EXPECT_DOUBLE_EQ(points_of(d, "truck_factor"), -20);
  EXPECT_DOUBLE_EQ(points_of(d, "knowledge_loss"), -15);
  EXPECT_DOUBLE_EQ(points_of(d, "elephant_factor"), -15);
  EXPECT_DOUBLE_EQ(points_of(d, "active_authors"), 0);
  EXPECT_DOUBLE_EQ(*d.score, 50);
  h.truck_factor.value = 1;             // 40
  h.knowledge_loss.line_share = 0.9;    // 54, capped at 30
  h.elephant_factor = 3;                // 0
  h.active_contributors = 0;            // 15
  d = score_knowledge(r);
  EXPECT_DOUBLE_EQ(*d.score, 100 - 40 - 30 - 0 - 15);
  h.truck_factor.files = 0;  // nobody authored anything: not rated
  EXPECT_FALSE(score_knowledge(r).score);
}

TEST(Scoring, ChecksTakeTheirPointsFailFullWarnHalf) {
  // licence.present fails (30), docs.readme warns (20 / 2 = 10), the changelog is inconclusive
  // (0, listed as not counted), the rest pass: 100 - 40 = 60.
  std::vector<HealthCheck> checks = {check("licence.present", "documentation", "fail"),
                                     check("docs.readme", "documentation", "warn"),
                                     check("docs.changelog", "documentation", "inconclusive"),
                                     check("docs.contributing", "documentation", "pass"),
                                     check("build.ci", "process", "fail")};
  DimensionScore d = score_from_checks("documentation", checks);
  EXPECT_DOUBLE_EQ(points_of(d, "licence.present"), -30);
  EXPECT_DOUBLE_EQ(points_of(d, "docs.readme"), -10);
  EXPECT_DOUBLE_EQ(points_of(d, "docs.changelog"), 0);
  EXPECT_EQ(d.inputs[2].rule, "not counted: inconclusive");
  EXPECT_DOUBLE_EQ(*d.score, 60);
  // Every check inconclusive: not rated.
  DimensionScore none = score_from_checks("documentation", {check("docs.readme", "documentation", "inconclusive")});
  EXPECT_FALSE(none.score);
}

TEST(Scoring, OverallIsTheWeightedMeanOfRatedDimensions) {
  // maintainability 84.5 (the worked example), knowledge not rated (no history), documentation
  // 60, process 80 (CI fails), security 100. Weights: security 2, documentation 0.5, others 1.
  ScanResult r;
  r.files = {code_file("a.py", 900, 50, {{500, 3}}), code_file("b.py", 250, 10, {{100, 20}}),
             code_file("c.py", 850, 60, {{400, 15}})};
  r.duplication.min_tokens = 50;
  r.duplication.duplicated_percent = 4.5;
  HealthFacts h;
  h.checks = {check("licence.present", "documentation", "fail"), check("docs.readme", "documentation", "warn"),
              check("build.ci", "process", "fail")};
  ScoringConfig config;
  config.weights["security"] = 2;
  config.weights["documentation"] = 0.5;
  Scores s = score_health(r, h, config);
  ASSERT_EQ(s.dimensions.size(), 5u);
  EXPECT_EQ(s.dimensions[0].grade, "B");  // 84.5
  EXPECT_EQ(s.dimensions[1].grade, "A");  // 100
  EXPECT_EQ(s.dimensions[2].grade, "");   // knowledge: not rated
  EXPECT_EQ(s.dimensions[3].grade, "B");  // 80
  EXPECT_EQ(s.dimensions[4].grade, "C");  // 60
  const double expected = (84.5 * 1 + 100 * 2 + 80 * 1 + 60 * 0.5) / (1 + 2 + 1 + 0.5);
  ASSERT_TRUE(s.overall);
  EXPECT_NEAR(*s.overall, expected, 0.05);
  EXPECT_EQ(s.overall_grade, grade_for(*s.overall, config.boundaries));
  EXPECT_EQ(s.boundaries, config.boundaries);
}

}  // namespace
}  // namespace rh
