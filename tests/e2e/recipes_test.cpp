// CI recipes shipped with repohealth (docs/ci.md): the GitHub composite action (action.yml), the
// GitLab CI template (ci/gitlab/repohealth.gitlab-ci.yml) and the pre-commit hook
// (.pre-commit-hooks.yaml) are valid YAML with the fields their hosts need, the action is safe
// from script injection and pins what it uses, and the GitLab recipe's scan works.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>

#include "reports/writers.h"
#include "support/test_support.h"

namespace rh::test {
namespace {

namespace fs = std::filesystem;

YAML::Node load(const std::string& rel) {
  fs::path p = fs::path(source_dir()) / rel;
  EXPECT_TRUE(fs::exists(p)) << p;
  try {
    return YAML::LoadFile(p.string());
  } catch (const YAML::Exception& e) {
    ADD_FAILURE() << rel << ": not valid YAML: " << e.what();
    return YAML::Node();
  }
}

/// Calls `visit(key, text)` for every scalar in the document; `key` is the map key the scalar
/// is the value of ("" in sequences).
void each_scalar(const YAML::Node& node, const std::string& key,
                 const std::function<void(const std::string&, const std::string&)>& visit) {
  if (node.IsScalar()) {
    visit(key, node.Scalar());
  } else if (node.IsSequence()) {
    for (const auto& item : node) each_scalar(item, "", visit);
  } else if (node.IsMap()) {
    for (const auto& kv : node) each_scalar(kv.second, kv.first.Scalar(), visit);
  }
}

/// The expression text of a scalar: the `${{ }}` spans, or all of it for `if:` (GitHub reads an
/// `if:` value as an expression without the braces).
std::vector<std::string> expressions(const std::string& key, const std::string& text) {
  if (key == "if") return {text};
  std::vector<std::string> out;
  static const std::regex span(R"(\$\{\{([^}]*)\}\})");
  for (std::sregex_iterator it(text.begin(), text.end(), span), end; it != end; ++it) out.push_back((*it)[1]);
  return out;
}

std::set<std::string> used_inputs(const YAML::Node& action) {
  std::set<std::string> used;
  static const std::regex ref(R"(\binputs\.([A-Za-z0-9_-]+))");
  each_scalar(action, "", [&](const std::string& key, const std::string& text) {
    for (const auto& expr : expressions(key, text))
      for (std::sregex_iterator it(expr.begin(), expr.end(), ref), end; it != end; ++it)
        used.insert((*it)[1]);
  });
  return used;
}

std::string all_run_text(const YAML::Node& steps) {
  std::string out;
  for (const auto& step : steps)
    if (step["run"]) out += step["run"].as<std::string>() + "\n";
  return out;
}

TEST(Recipes, ActionIsACompositeActionWithDocumentedInputs) {
  YAML::Node action = load("action.yml");
  ASSERT_TRUE(action.IsMap());
  EXPECT_FALSE(action["name"].as<std::string>("").empty());
  EXPECT_FALSE(action["description"].as<std::string>("").empty());
  ASSERT_TRUE(action["runs"].IsMap());
  EXPECT_EQ(action["runs"]["using"].as<std::string>(""), "composite");
  ASSERT_TRUE(action["runs"]["steps"].IsSequence());

  ASSERT_TRUE(action["inputs"].IsMap());
  std::set<std::string> declared;
  for (const auto& kv : action["inputs"]) {
    const std::string name = kv.first.Scalar();
    declared.insert(name);
    EXPECT_FALSE(kv.second["description"].as<std::string>("").empty()) << "input " << name;
  }
  for (const char* name :
       {"path", "args", "new-since", "config", "category", "upload-sarif", "fail-on-gate", "version"})
    EXPECT_TRUE(declared.count(name)) << "input " << name;
  EXPECT_EQ(action["inputs"]["path"]["default"].as<std::string>(""), ".");
  EXPECT_EQ(action["inputs"]["category"]["default"].as<std::string>(""), "repohealth");
  EXPECT_EQ(action["inputs"]["upload-sarif"]["default"].as<std::string>(""), "true");
  EXPECT_EQ(action["inputs"]["fail-on-gate"]["default"].as<std::string>(""), "true");
  const std::string new_since = action["inputs"]["new-since"]["default"].as<std::string>("");
  EXPECT_NE(new_since.find("github.event.pull_request.base"), std::string::npos) << new_since;

  for (const auto& name : used_inputs(action))
    EXPECT_TRUE(declared.count(name)) << "undeclared input " << name;

  ASSERT_TRUE(action["outputs"].IsMap());
  for (const char* name : {"exit-code", "sarif", "report-dir"}) {
    EXPECT_FALSE(action["outputs"][name]["description"].as<std::string>("").empty()) << name;
    EXPECT_NE(action["outputs"][name]["value"].as<std::string>("").find("steps."), std::string::npos) << name;
  }
}

TEST(Recipes, ActionRunStepsTakeInputsThroughTheEnvironment) {
  YAML::Node steps = load("action.yml")["runs"]["steps"];
  ASSERT_TRUE(steps.IsSequence());
  int runs = 0;
  for (const auto& step : steps) {
    if (!step["run"]) continue;
    ++runs;
    const std::string name = step["name"].as<std::string>("(unnamed)");
    EXPECT_EQ(step["shell"].as<std::string>(""), "bash") << name;
    const std::string script = step["run"].as<std::string>();
    // Interpolated text becomes shell code: inputs and event data must go through env:.
    EXPECT_EQ(script.find("${{ inputs."), std::string::npos) << name;
    EXPECT_EQ(script.find("inputs."), std::string::npos) << name;
    EXPECT_EQ(script.find("github.event"), std::string::npos) << name;
  }
  EXPECT_GE(runs, 3);
  const std::string scripts = all_run_text(steps);
  EXPECT_NE(scripts.find("scripts/setup.sh"), std::string::npos);
  EXPECT_NE(scripts.find("scripts/build.sh"), std::string::npos);
  EXPECT_NE(scripts.find("GITHUB_ACTION_PATH"), std::string::npos) << "builds from the action's own checkout";
  EXPECT_NE(scripts.find("--format sarif,md,json --gate"), std::string::npos);
  EXPECT_NE(scripts.find("--new-since"), std::string::npos);
  EXPECT_NE(scripts.find("GITHUB_STEP_SUMMARY"), std::string::npos);
}

TEST(Recipes, ActionPinsWhatItUsesByFullCommit) {
  YAML::Node steps = load("action.yml")["runs"]["steps"];
  static const std::regex pinned(R"(^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$)");
  int uses = 0;
  bool uploads = false;
  for (const auto& step : steps) {
    if (!step["uses"]) continue;
    ++uses;
    const std::string ref = step["uses"].as<std::string>();
    EXPECT_TRUE(std::regex_match(ref, pinned)) << ref << " is not pinned to a 40-hex commit";
    if (ref.starts_with("github/codeql-action/upload-sarif@")) {
      uploads = true;
      const std::string sarif = step["with"]["sarif_file"].as<std::string>("");
      EXPECT_NE(sarif.find("steps.scan.outputs.sarif"), std::string::npos) << sarif;
      EXPECT_NE(step["if"].as<std::string>("").find("inputs.upload-sarif"), std::string::npos);
    }
  }
  EXPECT_GE(uses, 1);
  EXPECT_TRUE(uploads);
}

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
