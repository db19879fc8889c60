// SARIF writer: the structure GitHub code scanning needs, on the fixed sample model.
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include <nlohmann/json.hpp>

#include "golden.h"
#include "report_fixture.h"
#include "core/rule_pages.h"
#include "reports/line_hash.h"
#include "reports/sarif_parts.h"
#include "reports/writers.h"
#include "sarif_validation.h"

namespace rh {
namespace {

using json = nlohmann::json;

json sarif_of(const ScanResult& r, ReportOptions o = {}) { return json::parse(render_sarif(r, o)); }

ReportOptions with_sources() {
  ReportOptions o;
  o.read_source = test::sample_reader();
  o.category = "repohealth";
  return o;
}

const json* result_for(const json& run, const std::string& rule, const std::string& uri) {
  for (const auto& r : run["results"])
    if (r["ruleId"] == rule && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri)
      return &r;
  return nullptr;
}

TEST(Sarif, OneRunWithToolAndRules) {
  json log = sarif_of(test::sample_model(), with_sources());
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const json& driver = log["runs"][0]["tool"]["driver"];
  EXPECT_EQ(driver["name"], "repohealth");
  EXPECT_EQ(driver["semanticVersion"], "0.1.0");
  EXPECT_TRUE(driver.contains("informationUri"));
  // Every rule that ran (also those without results) plus the one a finding names.
  ASSERT_EQ(driver["rules"].size(), 6u);
  const json& shell = driver["rules"][4];
  EXPECT_EQ(shell["id"], "python.security.subprocess-shell");
  EXPECT_EQ(shell["name"], "SubprocessShell");
  EXPECT_EQ(shell["shortDescription"]["text"], "Subprocess with shell=True");
  EXPECT_EQ(shell["fullDescription"]["text"],
            "Subprocess with shell=True is risky. It matters.");  // first paragraph
  EXPECT_NE(shell["help"]["markdown"].get<std::string>().find("## How to fix"), std::string::npos);
  EXPECT_EQ(shell["help"]["text"], shell["help"]["markdown"]);
  EXPECT_EQ(shell["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(shell["properties"]["security-severity"], "8.8");
  EXPECT_EQ(shell["properties"]["precision"], "high");
  EXPECT_EQ(shell["properties"]["problem.severity"], "error");
  // security-severity only counts on GitHub with a "security" tag, so it is added.
  EXPECT_EQ(shell["properties"]["tags"][0], "security");
  EXPECT_EQ(driver["rules"][1]["properties"]["problem.severity"], "recommendation");
  EXPECT_FALSE(driver["rules"][1]["properties"].contains("security-severity"));
}

/// helpUri: the documentation base URL joined to the rule's page in the rule reference.
TEST(Sarif, EveryRuleLinksToItsPageInTheRuleReference) {
  static const std::regex absolute(R"(^https?://[^/?#\s]+/[^\s]*$)");
  const json log = sarif_of(test::sample_model(), with_sources());
  const json& rules = log["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_FALSE(rules.empty());
  for (const auto& rule : rules) {
    const std::string id = rule["id"], uri = rule.value("helpUri", "");
    EXPECT_TRUE(std::regex_match(uri, absolute)) << id << ": " << uri;
    EXPECT_TRUE(uri.starts_with(kDefaultDocsUrl)) << uri;
    EXPECT_TRUE(uri.ends_with("/" + rule_page(id))) << id << ": " << uri;
  }
  EXPECT_EQ(rules[4]["helpUri"],
            "https://github.com/repohealth/repohealth/blob/main/docs/rules/python.md#pythonsecuritysubprocess-shell");

  // Another base, with or without the closing slash.
  for (const std::string base : {"https://docs.example.org/repohealth/rules", "http://intranet.local/rh/"}) {
    ReportOptions o = with_sources();
    o.docs_url = base;
    const json other = sarif_of(test::sample_model(), o);
    for (const auto& rule : other["runs"][0]["tool"]["driver"]["rules"])
      EXPECT_EQ(rule["helpUri"], docs_base(base) + rule_page(rule["id"])) << base;
  }
  // An id a user rule may have is percent-encoded, so the URI stays valid.
  ScanResult odd = test::sample_model();
  odd.rules.push_back(RuleDescriptor{.id = "team.x.odd id", .title = "t", .severity = "note"});
  bool found = false;
  const json odd_log = sarif_of(odd);
  for (const auto& rule : odd_log["runs"][0]["tool"]["driver"]["rules"])
    if (rule["id"] == "team.x.odd id") {
      found = true;
      EXPECT_TRUE(rule["helpUri"].get<std::string>().ends_with("/team.md#teamxodd%20id")) << rule["helpUri"];
    }
  EXPECT_TRUE(found);
}

TEST(Sarif, DocsUrlMustBeHttp) {
  for (const char* good : {"https://example.org/docs/rules/", "http://intranet:8080/rules", "HTTPS://Example.org"}) {
    ReportOptions o;
    o.docs_url = good;
    EXPECT_TRUE(check_report_options(o)) << good;
  }
  for (const char* bad : {"", "docs/rules/", "ftp://example.org/rules/", "javascript:alert(1)", "file:///etc/",
                          "https://", "https://exa mple.org/", "https://example.org/rules?x=1",
                          "https://example.org/rules#top", "https://user@example.org/", "https://ex\"ample.org/"}) {
    ReportOptions o;
    o.docs_url = bad;
    auto r = check_report_options(o);
    ASSERT_FALSE(r) << bad;
    EXPECT_NE(r.error().message.find("--docs-url"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("http"), std::string::npos) << r.error().message;
  }
}

TEST(Sarif, ResultsPointAtRulesAndRepositoryRelativeFiles) {
  json log = sarif_of(test::sample_model(), with_sources());
  const json& run = log["runs"][0];
  EXPECT_EQ(run["originalUriBaseIds"].size(), 1u);
  EXPECT_TRUE(run["originalUriBaseIds"].contains("%SRCROOT%"));
  ASSERT_EQ(run["results"].size(), 6u);
  for (const auto& r : run["results"]) {
    size_t index = r["ruleIndex"];
    EXPECT_EQ(run["tool"]["driver"]["rules"][index]["id"], r["ruleId"]);
    const json& loc = r["locations"][0]["physicalLocation"];
    EXPECT_EQ(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    EXPECT_GE(loc["region"]["startLine"].get<int>(), 1);
    EXPECT_TRUE(loc["region"].contains("startColumn"));
    EXPECT_TRUE(loc["region"].contains("endLine"));
    EXPECT_TRUE(loc["region"].contains("endColumn"));
    EXPECT_TRUE(loc["region"].contains("snippet"));
    EXPECT_TRUE(r["partialFingerprints"].contains("primaryLocationLineHash"));
  }
  const json* secret =
      result_for(run, "generic.secrets.hardcoded-password", "docs/%C3%A6%C3%B8%C3%A5%20notes.py");
  ASSERT_NE(secret, nullptr) << run["results"].dump(1);
  EXPECT_EQ((*secret)["baselineState"], "new");
  // Byte column 21 after "password = \"hunter2\"" is UTF-16 column 21 (the line is ASCII there).
  EXPECT_EQ((*secret)["locations"][0]["physicalLocation"]["region"]["endColumn"], 21);
}

TEST(Sarif, LineHashIsTheOneGitHubComputes) {
  json log = sarif_of(test::sample_model(), with_sources());
  const json* shell = result_for(log["runs"][0], "python.security.subprocess-shell", "app/main.py");
  ASSERT_NE(shell, nullptr);
  auto hashes = line_hashes(test::sample_files().at("app/main.py"));
  EXPECT_EQ((*shell)["partialFingerprints"]["primaryLocationLineHash"], hashes[4]);  // line 5
  EXPECT_EQ((*shell)["partialFingerprints"]["repohealthFingerprint/v1"],
            "fp-python.security.subprocess-shell-app/main.py-5");
}

TEST(Sarif, ContextRegionIsAProperSupersetOrAbsent) {
  // SARIF1008: a short region gets two lines either side; a long one (a duplicated block) and
  // one spanning the whole file get none.
  std::string text;
  for (int i = 1; i <= 60; ++i) text += "line " + std::to_string(i) + "\n";
  ScanResult r = test::sample_model();
  r.files.push_back(test::file("long.py", "python", 60, {}));
  r.findings.clear();
  Finding shortf = test::finding(r.rules[0].id, "warning", "long.py", 10, 1, 5, "short", "line 10");
  Finding longf = shortf;
  longf.message = "long";
  longf.start_line = 5;
  longf.end_line = 40;
  Finding whole = shortf;
  whole.message = "whole";
  whole.start_line = 1;
  whole.end_line = 60;
  r.findings = {shortf, longf, whole};
  ReportOptions o;
  o.read_source = [text](const std::string& path) -> std::optional<std::string> {
    if (path == "long.py") return text;
    return std::nullopt;
  };
  json log = sarif_of(r, o);
  std::map<std::string, json> by_message;
  for (const auto& res : log["runs"][0]["results"]) by_message[res["message"]["text"]] = res;
  const json& ctx = by_message["short"]["locations"][0]["physicalLocation"]["contextRegion"];
  EXPECT_EQ(ctx["startLine"], 8);
  EXPECT_EQ(ctx["endLine"], 12);
  EXPECT_FALSE(by_message["long"]["locations"][0]["physicalLocation"].contains("contextRegion"));
  EXPECT_FALSE(by_message["whole"]["locations"][0]["physicalLocation"].contains("contextRegion"));
  test::TempDir dir;
  test::write_file(dir.path(), "long.sarif", log.dump());
  test::expect_valid_sarif(dir.path() / "long.sarif");
}

TEST(Sarif, WithoutSourcesOnlyOurFingerprint) {
  json log = sarif_of(test::sample_model());
  for (const auto& r : log["runs"][0]["results"]) {
    EXPECT_FALSE(r["partialFingerprints"].contains("primaryLocationLineHash"));
    EXPECT_TRUE(r["partialFingerprints"].contains("repohealthFingerprint/v1"));
  }
}

TEST(Sarif, SuppressionsAndBaselineState) {
  json log = sarif_of(test::sample_model(), with_sources());
  const json* s = result_for(log["runs"][0], "python.security.subprocess-shell", "app/util.py");
  ASSERT_NE(s, nullptr);
  ASSERT_EQ((*s)["suppressions"].size(), 1u);
  EXPECT_EQ((*s)["suppressions"][0]["kind"], "inSource");
  EXPECT_EQ((*s)["suppressions"][0]["justification"], "the command is a constant");
  EXPECT_EQ((*s)["baselineState"], "unchanged");
  ScanResult model = test::sample_model();
  model.findings[1].suppression = Suppression{"baseline", ""};
  json log2 = sarif_of(model);
  const json* b = result_for(log2["runs"][0], "python.security.subprocess-shell", "app/main.py");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ((*b)["suppressions"][0]["kind"], "external");
  // No baseline used: no baselineState at all.
  for (auto& f : model.findings) f.baseline_state.clear();
  const json log3 = sarif_of(model);  // held: a range-for over a member of a temporary dangles
  for (const auto& r : log3["runs"][0]["results"]) EXPECT_FALSE(r.contains("baselineState"));
}

TEST(Sarif, RepositoryLevelFindingsPointAtAnExistingFileLineOne) {
  json log = sarif_of(test::sample_model(), with_sources());
  const json* licence = result_for(log["runs"][0], "repo.health.license", "README.md");
  ASSERT_NE(licence, nullptr) << "a finding on a missing LICENSE is shown on README.md";
  EXPECT_EQ((*licence)["locations"][0]["physicalLocation"]["region"]["startLine"], 1);
  EXPECT_EQ((*licence)["properties"]["reportedPath"], "LICENSE");
  EXPECT_EQ((*licence)["locations"][0]["physicalLocation"]["region"]["snippet"]["text"], "# Sample\n");
}

TEST(Sarif, InvocationNotificationsProvenanceAndCategory) {
  json log = sarif_of(test::sample_model(), with_sources());
  const json& run = log["runs"][0];
  const json& inv = run["invocations"][0];
  EXPECT_EQ(inv["executionSuccessful"], true);
  std::string all = inv["toolExecutionNotifications"].dump();
  EXPECT_NE(all.find("1 syntax error (first, line 3"), std::string::npos);
  EXPECT_NE(all.find("too_large"), std::string::npos);
  EXPECT_NE(all.find("data/huge.py"), std::string::npos);
  EXPECT_NE(all.find("not analysed (vendored)"), std::string::npos);
  EXPECT_EQ(run["versionControlProvenance"][0]["repositoryUri"], "https://git.example.org/acme/sample.git");
  EXPECT_EQ(run["versionControlProvenance"][0]["revisionId"], "0123456789abcdef0123456789abcdef01234567");
  EXPECT_EQ(run["versionControlProvenance"][0]["branch"], "main");
  EXPECT_EQ(run["versionControlProvenance"][0]["mappedTo"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(run["automationDetails"]["id"], "repohealth/");
  ScanResult no_remote = test::sample_model();
  no_remote.scan.repository_uri.clear();
  json log2 = sarif_of(no_remote);
  EXPECT_FALSE(log2["runs"][0].contains("versionControlProvenance"));
  EXPECT_FALSE(log2["runs"][0].contains("automationDetails"));
}

TEST(Sarif, KeepsTheMostSevereResultsWithinGitHubsLimit) {
  ScanResult r = test::sample_model();
  r.findings.clear();
  for (int i = 0; i < 25010; ++i) {
    Finding f =
        test::finding(i % 2 ? "python.maintainability.too-complex" : "generic.secrets.hardcoded-password",
                      i < 20 ? "error" : "warning", "app/main.py", 1 + i % 12, 1, 2, "m", "");
    if (i < 20) f.rule_id = "generic.secrets.hardcoded-password";
    r.findings.push_back(f);
  }
  json log = sarif_of(r);
  const json& results = log["runs"][0]["results"];
  ASSERT_EQ(results.size(), 25000u);
  int errors = 0;
  for (const auto& x : results) errors += x["level"] == "error";
  EXPECT_EQ(errors, 20) << "every error is kept";
  std::string notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"].dump();
  EXPECT_NE(notes.find("10 results were left out"), std::string::npos);
}

TEST(Sarif, UrisArePercentEncoded) {
  EXPECT_EQ(sarif_uri("a b/c%d.py"), "a%20b/c%25d.py");
  EXPECT_EQ(sarif_uri("<img src=x onerror=alert(1)>.py"), "%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.py");
  EXPECT_EQ(rule_name("generic.secrets.hardcoded-password"), "HardcodedPassword");
}

TEST(Sarif, GoldenSampleModelIsValid) {
  std::string text = render_sarif(test::sample_model(), with_sources());
  test::expect_golden("sample.sarif", text);
  test::TempDir dir;
  test::write_file(dir.path(), "sample.sarif", text);
  test::expect_valid_sarif(dir.path() / "sample.sarif");
}

}  // namespace
}  // namespace rh
