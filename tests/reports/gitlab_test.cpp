// GitLab Code Quality report: the fields GitLab reads, with the right JSON types and values, open
// findings only, unique and stable fingerprints, repository-relative paths.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "report_fixture.h"
#include "reports/writers.h"

namespace rh {
namespace {

using nlohmann::json;

json render(const ScanResult& r) {
  std::string text = render_gitlab(r, {});
  json j = json::parse(text);  // throws (fails the test) when it is not JSON
  EXPECT_TRUE(j.is_array());
  return j;
}

const json* issue_for(const json& issues, const std::string& check_name, const std::string& path) {
  for (const auto& i : issues)
    if (i["check_name"] == check_name && i["location"]["path"] == path) return &i;
  return nullptr;
}

TEST(GitlabCodeQuality, IsRegisteredButNotADefaultFormat) {
  const ReportWriter* w = find_writer("gitlab");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->file_name, "gl-code-quality-report.json");
  auto err = resolve_formats({"nope"});
  ASSERT_FALSE(err);
  EXPECT_NE(err.error().message.find("gitlab"), std::string::npos) << err.error().message;
}

TEST(GitlabCodeQuality, EveryIssueHasTheRequiredFieldsWithTheRightTypes) {
  const json issues = render(test::sample_model());
  ASSERT_FALSE(issues.empty());
  const std::set<std::string> severities = {"info", "minor", "major", "critical", "blocker"};
  const std::set<std::string> known_categories = {"Bug Risk", "Clarity",     "Compatibility", "Complexity",
                                                  "Duplication", "Performance", "Security",      "Style"};
  for (const auto& i : issues) {
    SCOPED_TRACE(i.dump());
    ASSERT_TRUE(i.is_object());
    ASSERT_TRUE(i.contains("description") && i["description"].is_string());
    EXPECT_FALSE(i["description"].get<std::string>().empty());
    ASSERT_TRUE(i.contains("check_name") && i["check_name"].is_string());
    ASSERT_TRUE(i.contains("fingerprint") && i["fingerprint"].is_string());
    EXPECT_EQ(i["fingerprint"].get<std::string>().find_first_not_of("0123456789abcdef"), std::string::npos);
    ASSERT_TRUE(i.contains("severity") && i["severity"].is_string());
    EXPECT_TRUE(severities.count(i["severity"].get<std::string>()));
    ASSERT_TRUE(i.contains("location") && i["location"].is_object());
    ASSERT_TRUE(i["location"].contains("path") && i["location"]["path"].is_string());
    ASSERT_TRUE(i["location"].contains("lines") && i["location"]["lines"].is_object());
    ASSERT_TRUE(i["location"]["lines"].contains("begin"));
    EXPECT_TRUE(i["location"]["lines"]["begin"].is_number_integer());
    EXPECT_GE(i["location"]["lines"]["begin"].get<int64_t>(), 1);
    ASSERT_TRUE(i.contains("categories") && i["categories"].is_array());
    EXPECT_FALSE(i["categories"].empty());
    for (const auto& c : i["categories"]) EXPECT_TRUE(known_categories.count(c.get<std::string>())) << c;
  }
}

TEST(GitlabCodeQuality, PathsAreRepositoryRelative) {
  ScanResult r = test::sample_model();
  r.scan.root = "/home/someone/sample";
  for (const auto& i : render(r)) {
    std::string path = i["location"]["path"];
    EXPECT_FALSE(path.empty());
    EXPECT_NE(path.front(), '/') << path;
    EXPECT_FALSE(path.starts_with("./")) << path;
    EXPECT_EQ(path.find("/home/someone"), std::string::npos) << path;
    EXPECT_EQ(path.find('\\'), std::string::npos) << path;
    EXPECT_EQ(path.find(".."), std::string::npos) << path;
  }
  EXPECT_NE(issue_for(render(r), "generic.secrets.hardcoded-password", "docs/æøå notes.py"), nullptr)
      << "non-ASCII paths are kept as they are (UTF-8), not percent-encoded";
}

TEST(GitlabCodeQuality, OnlyOpenFindings) {
  const json issues = render(test::sample_model());
  // The sample has 6 findings: one suppressed in source, one absent from the code.
  EXPECT_EQ(issues.size(), 4u) << issues.dump(1);
  EXPECT_EQ(issue_for(issues, "python.security.subprocess-shell", "app/util.py"), nullptr) << "suppressed";
  EXPECT_EQ(issue_for(issues, "python.legacy.print-statement", "app/util.py"), nullptr) << "absent";
  const json* shell = issue_for(issues, "python.security.subprocess-shell", "app/main.py");
  ASSERT_NE(shell, nullptr);
  EXPECT_EQ((*shell)["description"], "subprocess.call is run with shell=True");
  EXPECT_EQ((*shell)["location"]["lines"]["begin"], 5);
  EXPECT_EQ((*shell)["severity"], "critical");
  EXPECT_EQ((*shell)["categories"], json::array({"Security"})) << "a rule with a security severity";
}

TEST(GitlabCodeQuality, SeveritiesAndCategories) {
  const json issues = render(test::sample_model());
  const json* secret = issue_for(issues, "generic.secrets.hardcoded-password", "docs/æøå notes.py");
  ASSERT_NE(secret, nullptr);
  EXPECT_EQ((*secret)["severity"], "critical");
  EXPECT_EQ((*secret)["categories"], json::array({"Security"}));
  const json* complex = issue_for(issues, "python.maintainability.too-complex", "app/main.py");
  ASSERT_NE(complex, nullptr);
  EXPECT_EQ((*complex)["severity"], "major");
  EXPECT_EQ((*complex)["categories"], json::array({"Complexity"}));
  EXPECT_EQ((*complex)["location"]["lines"]["end"], 12);

  ScanResult r = test::sample_model();
  r.rules.push_back(test::rule("python.hygiene.print-call", "print left in code", "note", "call",
                               {"hygiene", "maintainability"}));
  r.rules.push_back(test::rule("generic.maintainability.duplicated-code", "Duplicated code", "note", "metric",
                               {"maintainability", "duplication"}));
  r.rules.push_back(test::rule("python.hygiene.breakpoint", "breakpoint left in code", "warning", "call",
                               {"hygiene", "CWE-489"}));
  r.findings.push_back(
      test::finding("python.hygiene.print-call", "note", "app/main.py", 4, 1, 5, "print call", "print"));
  r.findings.push_back(
      test::finding("python.hygiene.breakpoint", "warning", "app/main.py", 9, 1, 5, "breakpoint()", "x"));
  r.findings.push_back(test::finding("generic.maintainability.duplicated-code", "note", "app/util.py", 1, 1,
                                     0, "12 lines are duplicated", ""));
  const json more = render(r);
  const json* print = issue_for(more, "python.hygiene.print-call", "app/main.py");
  ASSERT_NE(print, nullptr);
  EXPECT_EQ((*print)["severity"], "info") << "notes tagged hygiene are info";
  EXPECT_EQ((*print)["categories"], json::array({"Style"}));
  const json* breakpoint = issue_for(more, "python.hygiene.breakpoint", "app/main.py");
  ASSERT_NE(breakpoint, nullptr);
  EXPECT_EQ((*breakpoint)["severity"], "major");
  EXPECT_EQ((*breakpoint)["categories"], json::array({"Style", "Bug Risk"})) << "a CWE tag without security";
  const json* dup = issue_for(more, "generic.maintainability.duplicated-code", "app/util.py");
  ASSERT_NE(dup, nullptr);
  EXPECT_EQ((*dup)["severity"], "minor");
  EXPECT_EQ((*dup)["categories"], json::array({"Duplication"}));
}

TEST(GitlabCodeQuality, RepositoryLevelFindingsPointAtAnExistingFile) {
  const json issues = render(test::sample_model());
  EXPECT_EQ(issue_for(issues, "repo.health.license", "LICENSE"), nullptr);
  const json* licence = issue_for(issues, "repo.health.license", "README.md");
  ASSERT_NE(licence, nullptr) << issues.dump(1);
  EXPECT_EQ((*licence)["location"]["lines"]["begin"], 1);
  EXPECT_EQ((*licence)["severity"], "minor");
}

TEST(GitlabCodeQuality, FingerprintsAreUniqueAndStable) {
  ScanResult r = test::sample_model();
  // Three findings of one rule with the same matched text in the same function: only the
  // occurrence counter tells them apart.
  Finding dup = r.findings[1];
  dup.start_line = 6;
  r.findings.insert(r.findings.begin() + 2, dup);
  dup.start_line = 7;
  r.findings.insert(r.findings.begin() + 3, dup);
  Finding no_fp = r.findings[1];
  no_fp.fingerprint.clear();
  r.findings.push_back(no_fp);
  r.findings.push_back(no_fp);
  const json issues = render(r);
  std::set<std::string> seen;
  for (const auto& i : issues)
    EXPECT_TRUE(seen.insert(i["fingerprint"].get<std::string>()).second) << i.dump();
  EXPECT_EQ(seen.size(), issues.size());

  // Stable: the same model gives the same fingerprints; a line shift elsewhere in the file does
  // not change a finding's fingerprint (it is not derived from the line).
  EXPECT_EQ(render(r), issues);
  ScanResult shifted = test::sample_model();
  shifted.findings[1].start_line += 10;
  shifted.findings[1].end_line += 10;
  const json before = render(test::sample_model()), after = render(shifted);
  ASSERT_EQ(before.size(), after.size());
  for (size_t i = 0; i < before.size(); ++i) EXPECT_EQ(before[i]["fingerprint"], after[i]["fingerprint"]);
}

TEST(GitlabCodeQuality, EmptyArrayWithoutFindings) {
  ScanResult r = test::sample_model();
  r.findings.clear();
  EXPECT_EQ(render_gitlab(r, {}), "[]\n");
  EXPECT_EQ(render_gitlab(ScanResult{}, {}), "[]\n");
  ScanResult only_closed = test::sample_model();
  std::erase_if(only_closed.findings,
                [](const Finding& f) { return !f.suppression && f.baseline_state != "absent"; });
  ASSERT_FALSE(only_closed.findings.empty());
  EXPECT_EQ(render(only_closed), json::array());
}

}  // namespace
}  // namespace rh
