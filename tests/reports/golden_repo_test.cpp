// Golden SARIF and Markdown of a fixed repository the test builds (fixed files, authors and
// dates, so the same commit ids), scanned by the binary. Run-specific values are normalised:
// the scan time, the temporary path, the tool version. Every SARIF is validated against the
// SARIF schema and with the SARIF Multitool. Regenerate with RH_UPDATE_GOLDEN=1.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "golden.h"
#include "sarif_validation.h"
#include "support/test_support.h"

namespace rh {
namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
  return s;
}

std::string normalise(std::string text, const std::string& temp_root) {
  text = replace_all(text, temp_root, "<tmp>");
  text = std::regex_replace(text, std::regex(R"("startTimeUtc": "[^"]*")"), R"("startTimeUtc": "<time>")");
  text = std::regex_replace(text, std::regex(R"("semanticVersion": "[^"]*")"),
                            R"("semanticVersion": "<version>")");
  text = std::regex_replace(text, std::regex(R"(<sub>repohealth [^<]*</sub>)"),
                            "<sub>repohealth <version></sub>");
  // Whether there are notes, and how many, depends on the grammars built in (see build_dependent).
  text = std::regex_replace(
      text, std::regex(R"(- \d+ (notes? from the scan|bemærkning(er)? fra analysen)[^\n]*\n)"), "");
  return text;
}

/// Notes that depend on how the binary was built (which grammars it has), not on the repository.
bool build_dependent(const std::string& message) {
  return message.find("is not built into this binary") != std::string::npos;
}

/// The golden keeps the full descriptors of the rules with results; the other enabled rules
/// (the whole rule catalogue, which grows independently of this test) are kept as their ids.
std::string golden_sarif(const std::string& text) {
  auto log = nlohmann::ordered_json::parse(text);
  auto& run = log["runs"][0];
  std::set<std::string> used;
  for (const auto& r : run["results"]) used.insert(r["ruleId"].get<std::string>());
  for (auto& rule : run["tool"]["driver"]["rules"])
    if (!used.count(rule["id"].get<std::string>()))
      rule = {{"id", rule["id"]}, {"golden", "descriptor left out"}};
  auto& notes = run["invocations"][0]["toolExecutionNotifications"];
  nlohmann::ordered_json kept = nlohmann::ordered_json::array();
  for (const auto& n : notes)
    if (!build_dependent(n["message"]["text"].get<std::string>())) kept.push_back(n);
  notes = kept;
  return log.dump(2) + "\n";
}

/// The fixed repository: Python with a shell call and a complex function, JavaScript, a
/// workflow, a README, vendored code; three commits by two people and a release tag.
void build_fixed_repository(const std::filesystem::path& repo) {
  using test::git;
  using test::write_file;
  std::filesystem::create_directories(repo);
  git(repo, "init -q");
  git(repo, "remote add origin https://git.example.org/acme/sample-repo.git");
  write_file(repo, "README.md", "# Sample\n\nA fixed repository for the report tests.\n");
  write_file(repo, "app/main.py",
             "import subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n\n\n"
             "def classify(a, b, c):\n    if a and b:\n        return 1\n    elif b or c:\n        return 2\n"
             "    for x in range(a):\n        if x % 2:\n            continue\n        while c:\n            "
             "c -= 1\n"
             "    return 3\n");
  write_file(repo, "vendor/lib.js", "function vendored() { return 1; }\n");
  git(repo, "add -A", "2023-01-10T09:00:00Z", "Ada Lovelace <ada@acme.example>");
  git(repo, "commit -q -m 'Start the sample (#1)'", "2023-01-10T09:00:00Z",
      "Ada Lovelace <ada@acme.example>");
  write_file(repo, "web/page.py",
             "def render(items):\n    out = ''\n    for i in items:\n"
             "        if i.visible and i.name:\n            out += i.name\n        elif i.hidden:\n          "
             "  continue\n"
             "    return out\n");
  write_file(repo, ".github/workflows/ci.yml",
             "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n");
  git(repo, "add -A", "2023-06-01T10:00:00Z", "Bo Hansen <bo@kommune.example>");
  git(repo, "commit -q -m 'feat: web page'", "2023-06-01T10:00:00Z", "Bo Hansen <bo@kommune.example>");
  git(repo, "tag v1.0.0", "2023-06-01T10:00:00Z");
  write_file(repo, "app/util.py", "def helper(value):\n    return value * 2\n");
  git(repo, "add -A", "2024-02-01T11:00:00Z", "Ada Lovelace <ada@acme.example>");
  git(repo, "commit -q -m 'Add a helper (#2)'", "2024-02-01T11:00:00Z", "Ada Lovelace <ada@acme.example>");
}

TEST(GoldenRepository, SarifAndMarkdown) {
  test::TempDir dir;
  auto repo = dir.path() / "sample-repo";
  build_fixed_repository(repo);
  auto out = dir.path() / "out";
  auto r =
      test::run_repohealth("scan " + test::sh_quote(repo.string()) + " --out " +
                           test::sh_quote(out.string()) +
                           " --format sarif,md,json -q --category repohealth --as-of 2024-06-01");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string sarif = normalise(test::read_file(out / "report.sarif"), dir.str());
  test::expect_golden("repo.sarif", golden_sarif(sarif));
  test::expect_golden("repo.md", normalise(test::read_file(out / "report.md"), dir.str()));
  // The Danish Markdown, re-rendered from facts.json without re-analysing.
  auto da = dir.path() / "da";
  r = test::run_repohealth("report " + test::sh_quote((out / "facts.json").string()) +
                           " --format md --lang da --out " + test::sh_quote(da.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  test::expect_golden("repo.da.md", normalise(test::read_file(da / "report.md"), dir.str()));
  test::expect_valid_sarif(out / "report.sarif");
}

TEST(GoldenRepository, ReportCommandRendersAnEarlierScanTheSame) {
  test::TempDir dir;
  auto repo = dir.path() / "sample-repo";
  build_fixed_repository(repo);
  auto out = dir.path() / "out";
  ASSERT_EQ(test::run_repohealth("scan " + test::sh_quote(repo.string()) + " --out " +
                                 test::sh_quote(out.string()) + " --format sarif,md,json,html -q")
                .exit_code,
            0);
  auto again = dir.path() / "again";
  auto r = test::run_repohealth("report " + test::sh_quote((out / "facts.json").string()) +
                                " --format sarif,md,html --out " + test::sh_quote(again.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* name : {"report.sarif", "report.md", "report.html"})
    EXPECT_EQ(test::read_file(out / name), test::read_file(again / name)) << name;
}

TEST(GoldenRepository, ScanWritesAllFourFormatsByDefault) {
  test::TempDir dir;
  auto repo = dir.path() / "sample-repo";
  build_fixed_repository(repo);
  auto out = dir.path() / "out";
  auto r = test::run_repohealth("scan " + test::sh_quote(repo.string()) + " --out " +
                                test::sh_quote(out.string()) + " -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* name : {"report.sarif", "report.html", "report.md", "facts.json"})
    EXPECT_TRUE(std::filesystem::exists(out / name)) << name;
}

TEST(GoldenRepository, UnknownLanguageIsAUsageError) {
  test::TempDir dir;
  auto r = test::run_repohealth("scan " + test::sh_quote(dir.str()) + " --lang fr -q --out " +
                                test::sh_quote((dir.path() / "out").string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown report language 'fr' (available: da, en)"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace rh
