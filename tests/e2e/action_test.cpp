// The GitHub action (action.yml), the container image it runs (Dockerfile, .dockerignore) and
// the workflows in .github/workflows/: valid YAML, every action pinned by a full commit with its
// version beside it, no `${{ }}` inside a script, minimal permissions, the image that of this
// version, and a Dockerfile whose runtime stage holds what the binary needs (checked against
// the binary built here, since Docker itself is not available to the tests).
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

#include "support/test_support.h"
#include "yaml_support.h"

namespace rh::test {
namespace {

namespace fs = std::filesystem;

const char* kImage = "ghcr.io/repohealth/repohealth";

std::string project_version() {
  static const std::regex re(R"(project\(repohealth VERSION ([0-9.]+))");
  const std::string cmake = read_file(fs::path(source_dir()) / "CMakeLists.txt");
  std::smatch m;
  EXPECT_TRUE(std::regex_search(cmake, m, re));
  return m.size() > 1 ? m[1].str() : "";
}

/// action.yml and every workflow file.
std::vector<std::string> github_yaml_files() {
  std::vector<std::string> out{"action.yml"};
  for (const auto& e : fs::directory_iterator(fs::path(source_dir()) / ".github" / "workflows"))
    if (e.path().extension() == ".yml" || e.path().extension() == ".yaml")
      out.push_back(".github/workflows/" + e.path().filename().string());
  return out;
}

/// Every step of a workflow (all jobs) or of a composite action.
std::vector<YAML::Node> steps_of(const YAML::Node& doc) {
  std::vector<YAML::Node> out;
  if (doc["runs"] && doc["runs"]["steps"])
    for (const auto& s : doc["runs"]["steps"]) out.push_back(s);
  if (doc["jobs"])
    for (const auto& job : doc["jobs"])
      for (const auto& s : job.second["steps"]) out.push_back(s);
  return out;
}

const YAML::Node* step_named(const std::vector<YAML::Node>& steps, const std::string& id) {
  for (const auto& s : steps)
    if (s["id"].as<std::string>("") == id) return &s;
  return nullptr;
}

/// The Dockerfile as instructions (continuation lines joined, comments dropped), per stage.
std::vector<std::vector<std::string>> dockerfile_stages() {
  std::istringstream in(read_file(fs::path(source_dir()) / "Dockerfile"));
  std::vector<std::vector<std::string>> stages;
  std::string line, current;
  while (std::getline(in, line)) {
    if (current.empty() && (line.empty() || line[0] == '#')) continue;
    if (!line.empty() && line.back() == '\\') {
      current += line.substr(0, line.size() - 1) + " ";
      continue;
    }
    current += line;
    if (current.starts_with("FROM ")) stages.emplace_back();
    EXPECT_FALSE(stages.empty()) << "an instruction before FROM: " << current;
    if (!stages.empty()) stages.back().push_back(current);
    current.clear();
  }
  return stages;
}

std::vector<std::string> words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

TEST(Action, CompositeActionRunsTheImageOfThisVersion) {
  YAML::Node action = load_yaml("action.yml");
  ASSERT_TRUE(action.IsMap());
  EXPECT_EQ(action["runs"]["using"].as<std::string>(""), "composite");
  const auto steps = steps_of(action);
  const YAML::Node* scan = step_named(steps, "scan");
  ASSERT_NE(scan, nullptr);
  EXPECT_EQ((*scan)["uses"].as<std::string>(""), "docker://" + std::string(kImage) + ":" + project_version())
      << "the image tag is the version in CMakeLists.txt (the release workflow publishes it)";
  // The entry script is the one the Dockerfile puts into the image.
  const std::string entry = (*scan)["with"]["entrypoint"].as<std::string>("");
  bool copied = false;
  for (const auto& stage : dockerfile_stages())
    for (const auto& ins : stage) copied |= ins.starts_with("COPY ") && ins.ends_with(" " + entry);
  EXPECT_TRUE(copied) << entry << " is not copied into the image";
  // Nothing is built per run.
  for (const auto& s : steps) {
    const std::string run = s["run"].as<std::string>("");
    EXPECT_EQ(run.find("build.sh"), std::string::npos);
    EXPECT_EQ(run.find("setup.sh"), std::string::npos);
  }
}

TEST(Action, InputsAndOutputs) {
  YAML::Node action = load_yaml("action.yml");
  std::set<std::string> declared;
  for (const auto& kv : action["inputs"]) {
    declared.insert(kv.first.Scalar());
    EXPECT_FALSE(kv.second["description"].as<std::string>("").empty()) << "input " << kv.first.Scalar();
  }
  for (const char* name : {"path", "args", "new-since", "config", "category", "docs-url", "upload-sarif", "comment",
                           "github-token", "fail-on-gate"})
    EXPECT_TRUE(declared.count(name)) << "input " << name;
  EXPECT_EQ(action["inputs"]["path"]["default"].as<std::string>(""), ".");
  EXPECT_EQ(action["inputs"]["category"]["default"].as<std::string>(""), "repohealth");
  EXPECT_EQ(action["inputs"]["upload-sarif"]["default"].as<std::string>(""), "true");
  EXPECT_EQ(action["inputs"]["comment"]["default"].as<std::string>(""), "true");
  EXPECT_EQ(action["inputs"]["fail-on-gate"]["default"].as<std::string>(""), "true");
  EXPECT_NE(action["inputs"]["new-since"]["default"].as<std::string>("").find("github.event.pull_request.base"),
            std::string::npos);
  // Every input used is declared.
  static const std::regex ref(R"(\binputs\.([A-Za-z0-9_-]+))");
  each_scalar(action, "", [&](const std::string& key, const std::string& text) {
    for (const auto& expr : expressions(key, text))
      for (std::sregex_iterator it(expr.begin(), expr.end(), ref), end; it != end; ++it)
        EXPECT_TRUE(declared.count((*it)[1])) << "undeclared input " << (*it)[1];
  });
  for (const char* name : {"exit-code", "sarif", "report-dir"}) {
    EXPECT_FALSE(action["outputs"][name]["description"].as<std::string>("").empty()) << name;
    EXPECT_NE(action["outputs"][name]["value"].as<std::string>("").find("steps."), std::string::npos) << name;
  }
  // The scan container gets the inputs through its environment, as ci/github/scan.sh reads them.
  const std::string script = read_file(fs::path(source_dir()) / "ci/github/scan.sh");
  const std::vector<YAML::Node> action_steps = steps_of(action);  // step_named points into it
  const YAML::Node* scan = step_named(action_steps, "scan");
  ASSERT_NE(scan, nullptr);
  for (const auto& kv : (*scan)["env"]) {
    const std::string var = kv.first.Scalar();
    EXPECT_TRUE(script.find("$" + var) != std::string::npos || script.find("${" + var) != std::string::npos)
        << var << " is not read by ci/github/scan.sh";
  }
  for (const char* flag : {"--format sarif,md,json --gate", "--new-since", "--docs-url", "--category", "--config"})
    EXPECT_NE(script.find(flag), std::string::npos) << flag;
}

TEST(Action, ScriptsTakeValuesThroughTheEnvironment) {
  for (const auto& file : github_yaml_files()) {
    YAML::Node doc = load_yaml(file);
    for (const auto& step : steps_of(doc)) {
      const std::string name = step["name"].as<std::string>(step["uses"].as<std::string>("(unnamed)"));
      // Interpolated text becomes code: a run script or a github-script script takes nothing
      // from `${{ }}`.
      if (step["run"]) EXPECT_EQ(step["run"].as<std::string>().find("${{"), std::string::npos) << file << ": " << name;
      if (step["with"] && step["with"]["script"])
        EXPECT_EQ(step["with"]["script"].as<std::string>().find("${{"), std::string::npos) << file << ": " << name;
      if (file == "action.yml" && step["run"]) EXPECT_EQ(step["shell"].as<std::string>(""), "bash") << name;
    }
  }
}

TEST(Action, EveryActionIsPinnedByFullCommitWithItsVersion) {
  static const std::regex pinned(R"(^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$)");
  static const std::regex line_re(R"(uses:\s*(\S+)\s*(#\s*(v[0-9][0-9.]*))?)");
  int uses = 0;
  bool upload = false;
  for (const auto& file : github_yaml_files()) {
    for (const auto& step : steps_of(load_yaml(file))) {
      if (!step["uses"]) continue;
      ++uses;
      const std::string ref = step["uses"].as<std::string>();
      if (ref.starts_with("docker://")) {
        EXPECT_EQ(file, "action.yml") << ref;
        EXPECT_TRUE(ref.starts_with("docker://" + std::string(kImage) + ":")) << ref;
        continue;
      }
      EXPECT_TRUE(std::regex_match(ref, pinned)) << file << ": " << ref << " is not pinned to a 40-hex commit";
      if (ref.starts_with("github/codeql-action/upload-sarif@")) upload = true;
    }
    // The version the commit stands for, in a comment on the same line.
    std::istringstream in(read_file(fs::path(source_dir()) / file));
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (!std::regex_search(line, m, line_re) || m[1].str().starts_with("docker://")) continue;
      EXPECT_TRUE(m[3].matched) << file << ": no `# vX.Y.Z` after " << m[1];
      if (m[1].str().starts_with("github/codeql-action/upload-sarif@"))
        EXPECT_TRUE(m[3].str().starts_with("v4.")) << "upload-sarif at its current major version, v4";
    }
  }
  EXPECT_GE(uses, 3);
  EXPECT_TRUE(upload);
}

TEST(Action, PullRequestCommentIsOneCommentUpdatedInPlace) {
  const auto steps = steps_of(load_yaml("action.yml"));
  const YAML::Node* comment = nullptr;
  for (const auto& s : steps)
    if (s["uses"].as<std::string>("").starts_with("actions/github-script@")) comment = &s;
  ASSERT_NE(comment, nullptr);
  const std::string cond = (*comment)["if"].as<std::string>("");
  EXPECT_NE(cond.find("inputs.comment == 'true'"), std::string::npos) << cond;
  EXPECT_NE(cond.find("github.event_name == 'pull_request'"), std::string::npos) << cond;
  EXPECT_NE((*comment)["env"]["REPORT_MD"].as<std::string>("").find("report.md"), std::string::npos);
  const std::string script = (*comment)["with"]["script"].as<std::string>("");
  for (const char* part : {"<!-- repohealth-report -->", "startsWith(marker)", "updateComment", "createComment",
                           "listComments", "403", "process.env.REPORT_MD"})
    EXPECT_NE(script.find(part), std::string::npos) << part;
}

TEST(Action, WorkflowsHaveMinimalPermissions) {
  for (const auto& file : github_yaml_files()) {
    if (file == "action.yml") continue;
    YAML::Node wf = load_yaml(file);
    ASSERT_TRUE(wf["permissions"]) << file << ": top-level permissions";
    const YAML::Node top = wf["permissions"];
    EXPECT_TRUE(top.IsMap() && top.size() == 0) << file << ": top-level `permissions: {}`, jobs ask for theirs";
    for (const auto& job : wf["jobs"]) {
      const YAML::Node perms = job.second["permissions"];
      ASSERT_TRUE(perms && perms.IsMap()) << file << ": job " << job.first.Scalar() << " lists its permissions";
      for (const auto& p : perms) {
        const std::string scope = p.first.Scalar(), level = p.second.Scalar();
        EXPECT_TRUE(level == "read" || level == "none" || (level == "write" && (scope == "packages")))
            << file << ": " << scope << ": " << level;
      }
    }
  }
  // The release workflow publishes the image of the tagged version.
  YAML::Node release = load_yaml(".github/workflows/release.yml");
  EXPECT_EQ(release["env"]["IMAGE"].as<std::string>(""), kImage);
  bool tags = false;
  for (const auto& t : release["on"]["push"]["tags"]) tags |= t.as<std::string>() == "v*";
  EXPECT_TRUE(tags);
  std::string runs;
  for (const auto& s : steps_of(release)) runs += s["run"].as<std::string>("") + "\n";
  for (const char* part : {"docker build", "docker push \"$IMAGE:$VERSION\"", "CMakeLists.txt", "action.yml"})
    EXPECT_NE(runs.find(part), std::string::npos) << part;
}

TEST(Action, DockerfileBuildsWithTheScriptsAndRunsRepohealthAsAnotherUser) {
  auto stages = dockerfile_stages();
  ASSERT_EQ(stages.size(), 2u) << "a build stage and a runtime stage";
  EXPECT_EQ(stages[0][0], "FROM debian:bookworm-slim AS build");
  EXPECT_EQ(stages[1][0], "FROM debian:bookworm-slim");
  std::string build;
  for (const auto& ins : stages[0]) build += ins + "\n";
  EXPECT_NE(build.find("scripts/setup.sh"), std::string::npos);
  EXPECT_NE(build.find("scripts/build.sh -DREPOHEALTH_TESTS=OFF -DREPOHEALTH_BENCH=OFF"), std::string::npos);
  std::string user, entrypoint;
  for (const auto& ins : stages[1]) {
    if (ins.starts_with("USER ")) user = ins.substr(5);
    if (ins.starts_with("ENTRYPOINT ")) entrypoint = ins.substr(11);
    if (ins.starts_with("COPY ") && ins.find("--from=") == std::string::npos) {
      auto w = words(ins);  // COPY SRC DEST: the source is in the repository and not ignored
      ASSERT_EQ(w.size(), 3u) << ins;
      EXPECT_TRUE(fs::is_regular_file(fs::path(source_dir()) / w[1])) << ins;
    }
  }
  EXPECT_EQ(entrypoint, R"(["repohealth"])");
  EXPECT_FALSE(user.empty());
  EXPECT_NE(user, "root");
  EXPECT_NE(user, "0");
  EXPECT_TRUE(fs::is_regular_file(fs::path(source_dir()) / ".dockerignore"));
  const std::string ignore = read_file(fs::path(source_dir()) / ".dockerignore");
  for (const char* entry : {"node_modules/", "build*/", ".git"}) EXPECT_NE(ignore.find(entry), std::string::npos) << entry;
}

/// The runtime stage's packages (and what they depend on) provide every library the binary
/// links and the libclang it loads: the binary built here has the same dependencies as the one
/// the build stage makes (same Debian 12 packages, same scripts).
TEST(Action, DockerRuntimePackagesCoverTheBinary) {
  std::vector<std::string> packages;
  const auto stages = dockerfile_stages();
  ASSERT_FALSE(stages.empty());
  for (const auto& ins : stages.back()) {
    auto w = words(ins);
    auto install = std::find(w.begin(), w.end(), "install");
    for (auto it = install; it != w.end() && *it != "&&"; ++it)
      if (it != install && !it->starts_with("-")) packages.push_back(*it);
  }
  ASSERT_FALSE(packages.empty()) << "the runtime stage installs packages";
  std::string list;
  for (const auto& p : packages) list += " " + sh_quote(p);
  CommandResult deps = run("apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks "
                           "--no-replaces --no-enhances" + list + " 2>/dev/null");
  if (deps.exit_code != 0 || deps.out.empty()) GTEST_SKIP() << "apt-cache cannot list the packages' dependencies";
  std::set<std::string> closure(packages.begin(), packages.end());
  static const std::regex name(R"((?:^|Depends: )<?([a-z0-9][a-z0-9.+-]+))");
  std::istringstream in(deps.out);
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    std::string trimmed = line.substr(line.find_first_not_of(' ') == std::string::npos ? 0 : line.find_first_not_of(' '));
    if (std::regex_search(trimmed, m, name)) closure.insert(m[1]);
  }
  std::vector<std::string> libs;
  CommandResult ldd = run("ldd " + sh_quote(RH_BINARY) + " | awk '$3 ~ /^\\// {print $3}'");
  ASSERT_EQ(ldd.exit_code, 0) << ldd.err;
  std::istringstream lin(ldd.out);
  for (std::string lib; std::getline(lin, lib);) libs.push_back(lib);
  ASSERT_GE(libs.size(), 5u) << ldd.out;
  libs.push_back(RH_LIBCLANG_PATH);  // loaded on demand, not linked
  for (const auto& lib : libs) {
    // Debian 12 merged /lib into /usr/lib: dpkg knows a file by the path its package ships.
    CommandResult owner = run("dpkg -S " + sh_quote(lib) + " 2>/dev/null | head -1");
    if (owner.out.empty()) owner = run("dpkg -S " + sh_quote(fs::weakly_canonical(lib).string()) + " 2>/dev/null | head -1");
    ASSERT_FALSE(owner.out.empty()) << lib << " belongs to no package";
    std::string pkg = owner.out.substr(0, owner.out.find(':'));
    EXPECT_TRUE(closure.count(pkg)) << lib << " (" << pkg << ") is not in the image's runtime stage";
  }
}

}  // namespace
}  // namespace rh::test
