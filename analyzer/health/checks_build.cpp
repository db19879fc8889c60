// The build.* checks: CI configuration, tests and their share of the code, dependency
// manifests and their lock files, automated dependency updates, a container definition.
#include <algorithm>
#include <map>
#include <cmath>
#include <sstream>

#include "core/classify.h"
#include "core/language.h"
#include "core/repo_paths.h"
#include "health/checks.h"
#include "health/workflow_safety.h"

namespace rh::health {
namespace {

constexpr double kMinTestRatio = 0.1;  ///< test code lines per product code line below which tests "warn"

std::string folder_of(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(path.substr(0, slash));
}

/// CI systems by their configuration files: the system's name, or "" when the path is none.
std::string ci_system(std::string_view path) {
  const std::string p = lower_path(path);
  if (is_github_workflow(path)) return "GitHub Actions";
  if (p == ".gitlab-ci.yml" || p == ".gitlab-ci.yaml") return "GitLab CI";
  if (p == ".circleci/config.yml" || p == ".circleci/config.yaml") return "CircleCI";
  if (p == "jenkinsfile" || (p.rfind("jenkinsfile", 0) == 0 && p.find('/') == std::string::npos)) return "Jenkins";
  if (p == "azure-pipelines.yml" || p == "azure-pipelines.yaml" || p.rfind(".azure-pipelines/", 0) == 0) return "Azure Pipelines";
  if (p == ".travis.yml") return "Travis CI";
  if (p == "bitbucket-pipelines.yml") return "Bitbucket Pipelines";
  if (p == ".drone.yml") return "Drone";
  if (p == ".woodpecker.yml" || p == ".woodpecker.yaml" || p.rfind(".woodpecker/", 0) == 0) return "Woodpecker";
  if (p.rfind(".gitea/workflows/", 0) == 0 || p.rfind(".forgejo/workflows/", 0) == 0) return "Gitea/Forgejo Actions";
  if (p == ".buildkite/pipeline.yml") return "Buildkite";
  if (p == "appveyor.yml" || p == ".appveyor.yml") return "AppVeyor";
  return "";
}

void ci_check(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("build.ci");
  for (const auto* e : repo.files())
    if (std::string system = ci_system(e->path); !system.empty()) c.evidence.push_back(quote(e->path, 0, system));
  if (repo.empty())
    conclude(c, "inconclusive", msg("common.no_files"));
  else if (c.evidence.empty())
    conclude(c, "fail", msg("build.ci.missing"), msg("build.ci.remedy"));
  else {
    std::vector<std::string> systems;
    for (const auto& ev : c.evidence)
      if (std::find(systems.begin(), systems.end(), ev.text) == systems.end()) systems.push_back(ev.text);
    std::string names;
    for (const auto& s : systems) names += (names.empty() ? "" : ", ") + s;
    conclude(c, "pass", msg("build.ci.pass", {text_arg("systems", names)}));
  }
  out.checks.push_back(std::move(c));
}

/// The outermost folders holding test files ("tests/", "modules/foo/tests/"), each with its count of
/// test files; a test file at the top level is named itself.
std::map<std::string, int64_t> test_folders(const std::vector<std::string>& test_paths) {
  std::map<std::string, int64_t> folders;
  for (const auto& p : test_paths) {
    std::string dir = folder_of(p);
    std::string key = dir.empty() ? p : dir + "/";
    for (std::string up = dir; !up.empty(); up = folder_of(up))
      if (folders.count(up + "/")) key = up + "/";
    ++folders[key];
  }
  // A folder found after one of its sub-folders absorbs it.
  for (auto it = folders.begin(); it != folders.end();) {
    bool nested = false;
    for (std::string up = folder_of(it->first.substr(0, it->first.size() - 1)); !up.empty() && it->first.back() == '/'; up = folder_of(up))
      if (auto outer = folders.find(up + "/"); outer != folders.end() && outer != it) {
        outer->second += it->second;
        nested = true;
        break;
      }
    it = nested ? folders.erase(it) : std::next(it);
  }
  return folders;
}

void tests_check(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("build.tests");
  TestFacts& t = out.tests;
  std::vector<std::string> test_paths;
  for (const auto& f : repo.result().files) {
    const LanguageInfo* lang = find_language(f.language);
    if (!lang || lang->data || in_vendored_folder(f.path)) continue;
    // Test code against product code; fixtures, examples, docs, migrations and generated code
    // are neither (files[].role, core/classify.h).
    if (f.role == "test") {
      ++t.test_files;
      t.test_code_lines += f.lines.code;
      test_paths.push_back(f.path);
    } else if (f.role == kProductRole) {
      ++t.product_files;
      t.product_code_lines += f.lines.code;
    }
  }
  t.ratio = t.product_code_lines > 0
                ? std::round(10000.0 * static_cast<double>(t.test_code_lines) / static_cast<double>(t.product_code_lines)) / 10000.0
                : 0;
  auto figures = [&](std::string key) {
    return msg(std::move(key), {int_arg("tests", t.test_files), int_arg("test_lines", t.test_code_lines),
                                int_arg("products", t.product_files), int_arg("product_lines", t.product_code_lines),
                                decimal_arg("ratio", t.ratio, 2)});
  };
  // The figures are the summary; the evidence names where the tests are.
  for (const auto& [folder, n] : test_folders(test_paths))
    c.evidence.push_back(evidence(folder, 0, msg("build.tests.folder", {int_arg("n", n)})));
  if (repo.empty())
    conclude(c, "inconclusive", msg("common.no_files"));
  else if (t.product_files == 0 && t.test_files == 0)
    conclude(c, "not_applicable", msg("build.tests.no_code"));
  else if (t.test_files == 0)
    conclude(c, "fail", msg("build.tests.none", {int_arg("products", t.product_files)}), msg("build.tests.remedy_none"));
  else if (t.ratio < kMinTestRatio)
    conclude(c, "warn", figures("build.tests.little"), msg("build.tests.remedy_little"));
  else
    conclude(c, "pass", figures("build.tests.pass"));
  out.checks.push_back(std::move(c));
}

struct LockRule {
  std::string manifest;            ///< base name, lower case
  std::vector<std::string> locks;  ///< base names, any one of them in the same or an enclosing folder
};

const std::vector<LockRule>& lock_rules() {
  static const std::vector<LockRule> rules = {
      {"package.json", {"package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "bun.lock"}},
      {"composer.json", {"composer.lock"}},
      {"gemfile", {"gemfile.lock"}},
      {"cargo.toml", {"cargo.lock"}},
      {"go.mod", {"go.sum"}},
      {"pipfile", {"pipfile.lock"}},
      {"pyproject.toml", {"poetry.lock", "uv.lock", "pdm.lock", "pipfile.lock", "requirements.txt"}},
      {"pubspec.yaml", {"pubspec.lock"}},
      {"mix.exs", {"mix.lock"}},
      {"build.gradle", {"gradle.lockfile"}},
      {"build.gradle.kts", {"gradle.lockfile"}},
  };
  return rules;
}

void lock_files_check(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("build.lock-files");
  std::vector<std::string> present;
  for (const auto* e : repo.files()) present.push_back(lower_path(e->path));
  std::sort(present.begin(), present.end());
  auto has = [&](const std::string& p) { return std::binary_search(present.begin(), present.end(), p); };
  int64_t manifests = 0, locked = 0;
  for (const auto* e : repo.files()) {
    if (is_sample(role_by_path(e->path))) continue;  // tests, fixtures, examples: not the product's dependencies
    const std::string base = lower_path(base_name(e->path));
    auto rule = std::find_if(lock_rules().begin(), lock_rules().end(), [&](const LockRule& r) { return r.manifest == base; });
    if (rule == lock_rules().end()) continue;
    ++manifests;
    std::string found;
    for (std::string dir = lower_path(folder_of(e->path));; dir = folder_of(dir)) {
      for (const auto& lock : rule->locks)
        if (has(dir.empty() ? lock : dir + "/" + lock)) found = dir.empty() ? lock : dir + "/" + lock;
      if (!found.empty() || dir.empty()) break;
    }
    if (!found.empty()) ++locked;
    c.evidence.push_back(evidence(e->path, 0, found.empty() ? msg("build.lock-files.none") : msg("build.lock-files.locked", {text_arg("lock", found)})));
  }
  if (repo.empty())
    conclude(c, "inconclusive", msg("common.no_files"));
  else if (manifests == 0)
    conclude(c, "not_applicable", msg("build.lock-files.no_manifests"));
  else if (locked == manifests)
    conclude(c, "pass", msg("build.lock-files.pass", {int_arg("n", manifests)}));
  else
    conclude(c, locked == 0 ? "fail" : "warn",
             msg("build.lock-files.missing", {int_arg("n", manifests - locked), int_arg("of", manifests)}),
             msg("build.lock-files.remedy"));
  out.checks.push_back(std::move(c));
}

void dependency_updates_check(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("build.dependency-updates");
  for (const auto* e : repo.files()) {
    const std::string p = lower_path(e->path);
    if (p == ".github/dependabot.yml" || p == ".github/dependabot.yaml")
      c.evidence.push_back(quote(e->path, 0, "Dependabot"));
    for (std::string_view r : {"renovate.json", "renovate.json5", ".renovaterc", ".renovaterc.json", ".github/renovate.json",
                               ".github/renovate.json5", ".gitlab/renovate.json", ".gitlab/renovate.json5"})
      if (p == r) c.evidence.push_back(quote(e->path, 0, "Renovate"));
  }
  std::vector<const SourceEntry*> dependencies = repo.find([](std::string_view path) {
    const std::string base = lower_path(base_name(path));
    if (is_test_path(path)) return false;  // fixtures are not the product's dependencies
    return base == "requirements.txt" || base == "pom.xml" || base == "dockerfile" || is_github_workflow(path) ||
           std::any_of(lock_rules().begin(), lock_rules().end(), [&](const LockRule& r) { return r.manifest == base; });
  });
  if (repo.empty()) {
    conclude(c, "inconclusive", msg("common.no_files"));
  } else if (!c.evidence.empty()) {
    conclude(c, "pass", msg("build.dependency-updates.pass", {text_arg("tool", c.evidence.front().text), text_arg("path", c.evidence.front().path)}));
  } else if (dependencies.empty()) {
    conclude(c, "not_applicable", msg("build.dependency-updates.nothing"));
  } else {
    for (const auto* e : dependencies) c.evidence.push_back(evidence(e->path, 0, msg("build.dependency-updates.not_updated")));
    conclude(c, "fail", msg("build.dependency-updates.missing"), msg("build.dependency-updates.remedy"));
  }
  out.checks.push_back(std::move(c));
}

void container_check(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("build.container");
  for (const auto* e : repo.files()) {
    if (is_sample(role_by_path(e->path))) continue;  // a Dockerfile of an example or a test is not the delivery
    const std::string base = lower_path(base_name(e->path));
    // Dockerfile, Dockerfile.prod, Containerfile; not `x.dockerfile`, a name fixtures and
    // snippets use as often as images do.
    const LanguageInfo* lang = detect_language(e->path, "");
    if ((base == "dockerfile" || base == "containerfile" || base.rfind("dockerfile.", 0) == 0) && lang &&
        lang->id == "dockerfile")
      c.evidence.push_back(evidence(e->path, 0, msg("build.container.image")));
    else if (base == "docker-compose.yml" || base == "docker-compose.yaml" || base == "compose.yml" || base == "compose.yaml")
      c.evidence.push_back(evidence(e->path, 0, msg("build.container.compose")));
    else if (base == "chart.yaml")
      c.evidence.push_back(evidence(e->path, 0, msg("build.container.helm")));
  }
  if (repo.empty())
    conclude(c, "inconclusive", msg("common.no_files"));
  else if (c.evidence.empty())
    conclude(c, "fail", msg("build.container.missing"), msg("build.container.remedy"));
  else
    conclude(c, "pass", msg("build.container.pass", {int_arg("n", static_cast<int64_t>(c.evidence.size())),
                                                     text_arg("first", c.evidence.front().path + (c.evidence.size() > 1 ? ", …" : ""))}));
  out.checks.push_back(std::move(c));
}

}  // namespace

void build_checks(const Repo& repo, HealthFacts& out) {
  ci_check(repo, out);
  tests_check(repo, out);
  lock_files_check(repo, out);
  dependency_updates_check(repo, out);
  container_check(repo, out);
}

}  // namespace rh::health
