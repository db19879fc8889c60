// CI recipes shipped with repohealth (docs/ci.md): the GitLab CI template
// (ci/gitlab/repohealth.gitlab-ci.yml) and the pre-commit hook (.pre-commit-hooks.yaml) are valid
// YAML with the fields their hosts need, the docs cover them and the GitHub action's inputs, and
// the GitLab recipe's scan works. The GitHub action, its image and workflows: action_test.cpp.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "reports/writers.h"
#include "support/test_support.h"
#include "yaml_support.h"

namespace rh::test {
namespace {

namespace fs = std::filesystem;

YAML::Node load(const std::string& rel) { return load_yaml(rel); }

TEST(Recipes, GitlabTemplateReportsCodeQuality) {
  YAML::Node ci = load("ci/gitlab/repohealth.gitlab-ci.yml");
  ASSERT_TRUE(ci.IsMap());
  YAML::Node job = ci["repohealth"];
  ASSERT_TRUE(job.IsMap()) << "the template defines the job `repohealth`";
  EXPECT_NE(job["image"].as<std::string>("").find("debian:12"), std::string::npos);
  ASSERT_TRUE(job["script"].IsSequence());
  std::string script;
  for (const auto& line : job["script"]) script += line.as<std::string>() + "\n";
  EXPECT_NE(script.find("--format gitlab,md,json,sarif --gate"), std::string::npos);
  EXPECT_NE(script.find("--new-since \"$CI_MERGE_REQUEST_DIFF_BASE_SHA\""), std::string::npos);

  const ReportWriter* gitlab = find_writer("gitlab");
  ASSERT_NE(gitlab, nullptr);
  const std::string codequality = job["artifacts"]["reports"]["codequality"].as<std::string>("");
  const std::string expected = "repohealth-report/" + std::string(gitlab->file_name);
  EXPECT_EQ(codequality, expected) << "the file the gitlab writer writes";
  // The scan writes outside the checkout; a fresh artifacts folder replaces whatever the
  // checkout had at that name (a committed link is removed, never followed).
  EXPECT_NE(script.find("out=$(mktemp -d)"), std::string::npos);
  EXPECT_NE(script.find("--out \"$out\""), std::string::npos);
  EXPECT_EQ(script.find("--out repohealth-report"), std::string::npos);
  EXPECT_NE(script.find("rm -rf \"$CI_PROJECT_DIR/repohealth-report\""), std::string::npos);
  EXPECT_EQ(job["artifacts"]["when"].as<std::string>(""), "always") << "reports also when the gate fails";
  bool folder = false;
  for (const auto& p : job["artifacts"]["paths"]) folder |= p.as<std::string>() == "repohealth-report/";
  EXPECT_TRUE(folder) << "the other reports are artifacts too";
}

TEST(Recipes, PreCommitHook) {
  YAML::Node hooks = load(".pre-commit-hooks.yaml");
  ASSERT_TRUE(hooks.IsSequence());
  std::optional<YAML::Node> hook;
  for (const auto& h : hooks)
    if (h["id"].as<std::string>("") == "repohealth") hook.emplace(h);
  ASSERT_TRUE(hook.has_value()) << "a hook with id repohealth";
  for (const char* key : {"id", "name", "entry", "language"})
    EXPECT_FALSE((*hook)[key].as<std::string>("").empty()) << key;
  EXPECT_EQ((*hook)["language"].as<std::string>(), "system");
  EXPECT_FALSE((*hook)["pass_filenames"].as<bool>(true));
  const std::string entry = (*hook)["entry"].as<std::string>();
  EXPECT_TRUE(entry.starts_with("repohealth scan ")) << entry;
  for (const char* arg : {"--worktree", "--gate", "--format md"})
    EXPECT_NE(entry.find(arg), std::string::npos) << arg;
}

TEST(Recipes, DocsCoverEveryActionInput) {
  const std::string doc = read_file(fs::path(source_dir()) / "docs/ci.md");
  for (const auto& kv : load("action.yml")["inputs"])
    EXPECT_NE(doc.find("`" + kv.first.Scalar() + "`"), std::string::npos) << kv.first.Scalar();
  for (const char* part : {"ci/gitlab/repohealth.gitlab-ci.yml", ".pre-commit-hooks.yaml", "--new-since",
                           "--baseline", "repohealth gate", "max_new_findings", "GITHUB_STEP_SUMMARY"})
    EXPECT_NE(doc.find(part), std::string::npos) << part;
  const std::string readme = read_file(fs::path(source_dir()) / "README.md");
  EXPECT_NE(readme.find("(docs/ci.md)"), std::string::npos);
}

/// The GitLab recipe's command line on a small repository: the binary accepts it, and the Code
/// Quality report lands where the template's artifacts say.
TEST(Recipes, GitlabRecipeScanWritesTheCodeQualityReport) {
  TempDir repo, out;
  git(repo.path(), "init -q");
  write_file(repo.path(), "app.py",
             "import subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n");
  git(repo.path(), "add -A");
  git(repo.path(), "commit -q -m init");
  CommandResult r = run_repohealth("scan " + sh_quote(repo.str()) + " --out " + sh_quote(out.str()) +
                                   " --format gitlab,md,json,sarif --gate -q --no-history");
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.exit_code << "\n" << r.err;
  for (const char* file : {"gl-code-quality-report.json", "report.md", "facts.json", "report.sarif"})
    EXPECT_TRUE(fs::exists(out.path() / file)) << file;
  auto issues = nlohmann::json::parse(read_file(out.path() / "gl-code-quality-report.json"));
  ASSERT_TRUE(issues.is_array());
  bool shell = false;
  for (const auto& i : issues)
    shell |= i["check_name"] == "python.security.subprocess-shell-true" &&
             i["location"]["path"] == "app.py" && i["location"]["lines"]["begin"] == 5;
  EXPECT_TRUE(shell) << issues.dump(1);

  CommandResult help = run_repohealth("scan --help");
  EXPECT_NE(help.out.find("gitlab"), std::string::npos) << help.out;
  CommandResult bad = run_repohealth("scan " + sh_quote(repo.str()) + " --format nope -q");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("gitlab"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace rh::test
