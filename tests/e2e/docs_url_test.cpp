// End-to-end: where the SARIF rules' helpUri points (docs/reports.md#sarif): the default rule
// reference, `docs_url:` in .repohealth.yml, `--docs-url` on scan and report (the flag wins), and
// a URL that is not http(s) refused with exit code 2 naming where it came from.
#include <gtest/gtest.h>

#include "core/rule_pages.h"
#include "e2e/e2e_support.h"

namespace rh::test {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

void build_repo(const fs::path& repo, const std::string& config) {
  git(repo, "init -q");
  write_file(repo, "app.py", "import subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n");
  if (!config.empty()) write_file(repo, ".repohealth.yml", config);
  git(repo, "add -A");
  git(repo, "commit -q -m init");
}

/// helpUri of every rule in the SARIF of `out`, after checking that each ends in the rule's page.
std::vector<std::string> help_uris(const fs::path& out) {
  json log = json::parse(read_file(out / "report.sarif"));
  std::vector<std::string> uris;
  for (const auto& rule : log["runs"][0]["tool"]["driver"]["rules"]) {
    const std::string uri = rule.value("helpUri", "");
    EXPECT_TRUE(uri.ends_with("/" + rule_page(rule["id"]))) << uri;
    uris.push_back(uri);
  }
  EXPECT_FALSE(uris.empty());
  return uris;
}

bool all_start_with(const std::vector<std::string>& uris, const std::string& base) {
  for (const auto& u : uris)
    if (!u.starts_with(base)) return false;
  return true;
}

std::string scan(const fs::path& repo, const fs::path& out, const std::string& extra = "") {
  return "scan " + sh_quote(repo.string()) + " -q --no-history --no-cache --format sarif,json --out " +
         sh_quote(out.string()) + extra;
}

}  // namespace

TEST(DocsUrlE2E, DefaultConfigAndFlag) {
  TempDir plain, configured, out;
  build_repo(plain.path(), "");
  build_repo(configured.path(), "docs_url: https://intranet.example/rh/rules\n");

  auto r = run_repohealth(scan(plain.path(), out.path() / "default"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(all_start_with(help_uris(out.path() / "default"), kDefaultDocsUrl));

  r = run_repohealth(scan(configured.path(), out.path() / "config"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(all_start_with(help_uris(out.path() / "config"), "https://intranet.example/rh/rules/"));

  r = run_repohealth(scan(configured.path(), out.path() / "flag", " --docs-url https://docs.example.org/"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(all_start_with(help_uris(out.path() / "flag"), "https://docs.example.org/"));

  // `report` renders again from facts.json with its own flag (default: the built-in base).
  r = run_repohealth("report " + sh_quote((out.path() / "flag" / "facts.json").string()) +
                     " --format sarif --docs-url http://mirror.example/rules/ --out " +
                     sh_quote((out.path() / "report").string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(all_start_with(help_uris(out.path() / "report"), "http://mirror.example/rules/"));
}

TEST(DocsUrlE2E, NotHttpIsRefused) {
  TempDir plain, configured, out;
  build_repo(plain.path(), "");
  build_repo(configured.path(), "docs_url: file:///etc/\n");

  auto r = run_repohealth(scan(plain.path(), out.path() / "a", " --docs-url " + sh_quote("javascript:alert(1)")));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--docs-url"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out.path() / "a" / "report.sarif"));

  r = run_repohealth(scan(configured.path(), out.path() / "b"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(".repohealth.yml:1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("docs_url"), std::string::npos) << r.err;

  r = run_repohealth("report " + sh_quote((out.path() / "none.json").string()) + " --docs-url ftp://x/");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--docs-url"), std::string::npos) << r.err;
}

}  // namespace rh::test
