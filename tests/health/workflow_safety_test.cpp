// Workflow safety checks against the fixture workflows in tests/health/fixtures/workflows/. Each
// fixture carries its expectations inline: a comment `# expect: <kind>[, <kind>]` (or `// expect:`
// inside JavaScript) says the next line must be reported with those kinds, `# ok: <kind>` marks a
// look-alike that must not be. Every finding must be expected, and every expectation found.
#include "health/workflow_safety.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

namespace rh {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(RH_SOURCE_DIR) / "tests/health/fixtures/workflows";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using Finding = std::pair<int64_t, std::string>;  ///< line, kind

/// Kinds listed after `marker` ("expect:" or "ok:") in a comment line, for the following line.
std::set<Finding> marked(const std::string& text, const std::string& marker) {
  std::set<Finding> out;
  std::istringstream in(text);
  std::string line;
  for (int64_t n = 1; std::getline(in, line); ++n) {
    size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || !(line.compare(start, 1, "#") == 0 || line.compare(start, 2, "//") == 0)) continue;
    size_t m = line.find(marker, start);
    if (m == std::string::npos || line.find_first_not_of("#/ ", start) != m) continue;
    std::stringstream kinds(line.substr(m + marker.size()));
    for (std::string kind; std::getline(kinds, kind, ',');) {
      kind.erase(0, kind.find_first_not_of(' '));
      kind.erase(kind.find_last_not_of(" \r") + 1);
      if (!kind.empty()) out.insert({n + 1, kind});
    }
  }
  return out;
}

std::vector<WorkflowIssue> check_fixture(const std::string& name) { return check_workflow(read(kFixtures / name)); }

const WorkflowIssue* find(const std::vector<WorkflowIssue>& issues, const std::string& kind, int64_t line) {
  auto it = std::find_if(issues.begin(), issues.end(), [&](const WorkflowIssue& i) { return i.kind == kind && i.line == line; });
  return it == issues.end() ? nullptr : &*it;
}

TEST(WorkflowSafety, FixturesReportExactlyWhatTheyExpect) {
  int fixtures = 0;
  for (const auto& entry : fs::directory_iterator(kFixtures)) {
    const fs::path& p = entry.path();
    if (p.extension() != ".yml" && p.extension() != ".yaml") continue;
    if (fs::file_size(p) == 0) continue;  // no line to carry an expectation: see EmptyFile
    ++fixtures;
    const std::string text = read(p);
    std::set<Finding> got;
    for (const WorkflowIssue& i : check_workflow(text)) {
      got.insert({i.line, i.kind});
      EXPECT_FALSE(i.text.empty()) << p.filename() << ":" << i.line;
    }
    const std::set<Finding> expected = marked(text, "expect:");
    for (const Finding& f : expected)
      EXPECT_TRUE(got.count(f)) << p.filename().string() << ":" << f.first << " missed " << f.second;
    for (const Finding& f : got)
      EXPECT_TRUE(expected.count(f)) << p.filename().string() << ":" << f.first << " unexpected " << f.second;
    for (const Finding& f : marked(text, "ok:"))
      EXPECT_FALSE(got.count(f)) << p.filename().string() << ":" << f.first << " look-alike reported as " << f.second;
  }
  EXPECT_GE(fixtures, 12);
}

TEST(WorkflowSafety, SafeWorkflowHasNoIssues) { EXPECT_TRUE(check_fixture("safe.yml").empty()); }

TEST(WorkflowSafety, TextsNameTheJobStepAndValue) {
  auto pins = check_fixture("pinning.yml");
  ASSERT_TRUE(find(pins, "unpinned_action", 11));
  EXPECT_EQ(find(pins, "unpinned_action", 11)->text,
            "job 'build' step 2 uses actions/checkout@v4 (a tag, not a full commit SHA)");
  ASSERT_TRUE(find(pins, "unpinned_action", 32));
  EXPECT_EQ(find(pins, "unpinned_action", 32)->text,
            "job 'shared' calls reusable workflow some-org/workflows/.github/workflows/release.yml@main "
            "(a branch or tag name, not a full commit SHA)");

  auto checkout = check_fixture("pr_target_checkout.yml");
  ASSERT_TRUE(find(checkout, "untrusted_checkout", 15));
  const std::string& text = find(checkout, "untrusted_checkout", 15)->text;
  EXPECT_NE(text.find("job 'test' step 1"), std::string::npos) << text;
  EXPECT_NE(text.find("${{ github.event.pull_request.head.sha }}"), std::string::npos) << text;
  EXPECT_NE(text.find("pull_request_target"), std::string::npos) << text;
  ASSERT_TRUE(find(checkout, "untrusted_checkout", 36));
  EXPECT_NE(find(checkout, "untrusted_checkout", 36)->text.find("env.PR_SHA = github.event.pull_request.head.sha"),
            std::string::npos);

  auto injection = check_fixture("injection.yml");
  ASSERT_TRUE(find(injection, "script_injection", 15));
  EXPECT_NE(find(injection, "script_injection", 15)->text.find("attacker-controlled (an issue title"), std::string::npos);
  // Only contexts an outsider writes count: numbers, SHAs, run ids and the repository's name do not.
  EXPECT_FALSE(find(injection, "script_injection", 23));
  EXPECT_FALSE(find(injection, "script_injection", 27));
  ASSERT_TRUE(find(injection, "script_injection", 35));
  EXPECT_NE(find(injection, "script_injection", 35)->text.find("a commit message"), std::string::npos);
  ASSERT_TRUE(find(injection, "script_injection", 48));
  EXPECT_NE(find(injection, "script_injection", 48)->text.find("github-script"), std::string::npos);

  auto secrets = check_fixture("secrets.yml");
  ASSERT_TRUE(find(secrets, "secret_echoed", 17));
  EXPECT_EQ(find(secrets, "secret_echoed", 17)->text,
            "job 'publish' step 1 prints secrets.TOKEN to the log: echo ${{ secrets.TOKEN }}");

  auto perms = check_fixture("no_permissions.yml");
  ASSERT_EQ(perms.size(), 1u);
  EXPECT_NE(perms[0].text.find("'deploy'"), std::string::npos);
  EXPECT_EQ(perms[0].text.find("'test'"), std::string::npos);
}

// yaml-cpp marks a literal block scalar at its `|` indicator; the content starts one line below.
TEST(WorkflowSafety, BlockScalarLinesCountFromTheLineAfterTheIndicator) {
  const std::string yaml =
      "on: push\n"                               // 1
      "permissions: {}\n"                        // 2
      "jobs:\n"                                  // 3
      "  a:\n"                                   // 4
      "    steps:\n"                             // 5
      "      - run: |\n"                         // 6
      "\n"                                       // 7
      "          ls\n"                           // 8
      "          echo ${{ secrets.X }}\n"        // 9
      "      - run: |-  # trailing comment\n"    // 10
      "          echo ${{ github.event.issue.title }}\n";  // 11
  auto issues = check_workflow(yaml);
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].kind, "secret_echoed");
  EXPECT_EQ(issues[0].line, 9);
  EXPECT_EQ(issues[1].kind, "script_injection");
  EXPECT_EQ(issues[1].line, 11);
}

TEST(WorkflowSafety, InvalidYamlGivesOneUnreadableIssueWithTheParserLine) {
  auto issues = check_fixture("invalid.yml");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].kind, "unreadable");
  EXPECT_EQ(issues[0].line, 9);
  EXPECT_NE(issues[0].text.find("not valid YAML: "), std::string::npos) << issues[0].text;
}

TEST(WorkflowSafety, EmptyFile) {
  for (const std::string& text : {read(kFixtures / "empty.yml"), std::string("# only a comment\n"), std::string("\n\n")}) {
    auto issues = check_workflow(text);
    ASSERT_EQ(issues.size(), 1u) << text;
    EXPECT_EQ(issues[0].kind, "unreadable");
    EXPECT_EQ(issues[0].line, 1);
  }
}

TEST(WorkflowSafety, OddShapesNeverThrow) {
  for (const char* text : {"on: [", "jobs: 5", "on: push\njobs: {a: 5}", "on: push\njobs:\n  a:\n    steps: {x: 1}\n",
                           "on: {pull_request_target: }\njobs:\n  a:\n    steps: [5, [1], {uses: [1]}, {with: 3}, {run: {a: 1}}]\n",
                           "on: pull_request_target\njobs:\n  a:\n    steps:\n      - uses: actions/checkout\n        with: {ref: [1]}\n",
                           "\t", "a: *unknown", "? [a, b]\n: c\n", "on: push\njobs:\n  ? [x]\n  : {steps: [{run: 'echo ${{ secrets.A'}]}\n",
                           "on: push\npermissions: {}\njobs:\n  a:\n    steps:\n      - run: &r |\n          echo ${{ github.event.issue.title }}\n      - run: *r\n"}) {
    std::vector<WorkflowIssue> issues;
    EXPECT_NO_THROW(issues = check_workflow(text)) << text;
    for (const WorkflowIssue& i : issues) EXPECT_GE(i.line, 1) << text;
  }
}

TEST(WorkflowSafety, IsGithubWorkflow) {
  EXPECT_TRUE(is_github_workflow(".github/workflows/a.yml"));
  EXPECT_TRUE(is_github_workflow(".github/workflows/release.yaml"));
  EXPECT_TRUE(is_github_workflow("./.github/workflows/a.yml"));
  EXPECT_TRUE(is_github_workflow(".github\\workflows\\a.yml"));
  EXPECT_FALSE(is_github_workflow(".github/workflows/sub/a.yml"));
  EXPECT_FALSE(is_github_workflow(".github/workflow/a.yml"));
  EXPECT_FALSE(is_github_workflow("docs/x.yml"));
  EXPECT_FALSE(is_github_workflow("sub/.github/workflows/a.yml"));
  EXPECT_FALSE(is_github_workflow(".github/workflows/a.json"));
  EXPECT_FALSE(is_github_workflow(".github/workflows/.yml"));
  EXPECT_FALSE(is_github_workflow(".github/workflows/"));
  EXPECT_FALSE(is_github_workflow(""));
}

}  // namespace
}  // namespace rh
