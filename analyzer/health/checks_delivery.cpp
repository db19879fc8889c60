// Build and delivery checks: CI configuration, tests and their share of the code, dependency
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
    if (std::string system = ci_system(e->path); !system.empty()) c.evidence.push_back({e->path, 0, system});
  if (repo.empty())
    conclude(c, "inconclusive", "The repository has no files.");
  else if (c.evidence.empty())
    conclude(c, "fail", "No CI configuration (GitHub Actions, GitLab CI, Jenkins, …).",
             "Build and test every change in CI, e.g. a .github/workflows/ci.yml or .gitlab-ci.yml.");
  else {
    std::vector<std::string> systems;
    for (const auto& ev : c.evidence)
      if (std::find(systems.begin(), systems.end(), ev.text) == systems.end()) systems.push_back(ev.text);
    std::string names;
    for (const auto& s : systems) names += (names.empty() ? "" : ", ") + s;
    conclude(c, "pass", "CI: " + names + ".");
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
  std::ostringstream ratio;
  ratio.precision(2);
  ratio << std::fixed << t.ratio;
  const std::string figures = std::to_string(t.test_files) + " test files (" + std::to_string(t.test_code_lines) +
                              " code lines) against " + std::to_string(t.product_files) + " product files (" +
                              std::to_string(t.product_code_lines) + " code lines): ratio " + ratio.str();
  // The figures are the summary; the evidence names where the tests are.
  for (const auto& [folder, n] : test_folders(test_paths))
    c.evidence.push_back({folder, 0, std::to_string(n) + (n == 1 ? " test file" : " test files")});
  if (repo.empty())
    conclude(c, "inconclusive", "The repository has no files.");
  else if (t.product_files == 0 && t.test_files == 0)
    conclude(c, "not_applicable", "No program code was analysed.");
  else if (t.test_files == 0)
    conclude(c, "fail", "No test code found (" + std::to_string(t.product_files) + " product files).",
             "Add automated tests beside the code (tests/, *_test.*, *.spec.*) and run them in CI.");
  else if (t.ratio < kMinTestRatio)
    conclude(c, "warn", "Little test code: " + figures + ".",
             "Cover the most changed and most complex code with tests first (see the hotspots).");
  else
    conclude(c, "pass", figures + ".");
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
    c.evidence.push_back({e->path, 0, found.empty() ? "no lock file" : "locked by " + found});
  }
  if (repo.empty())
    conclude(c, "inconclusive", "The repository has no files.");
  else if (manifests == 0)
    conclude(c, "not_applicable", "No dependency manifest with a lock-file convention (npm, Composer, Bundler, Cargo, Go, Pipenv, Poetry, Gradle…).");
  else if (locked == manifests)
    conclude(c, "pass", "All " + std::to_string(manifests) + " dependency manifests have a lock file.");
  else
    conclude(c, locked == 0 ? "fail" : "warn",
             std::to_string(manifests - locked) + " of " + std::to_string(manifests) + " dependency manifests have no lock file.",
             "Commit the lock file so every build uses the same reviewed dependency versions.");
  out.checks.push_back(std::move(c));
}

void dependency_updates_check(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("build.dependency-updates");
  for (const auto* e : repo.files()) {
    const std::string p = lower_path(e->path);
    if (p == ".github/dependabot.yml" || p == ".github/dependabot.yaml")
      c.evidence.push_back({e->path, 0, "Dependabot"});
    for (std::string_view r : {"renovate.json", "renovate.json5", ".renovaterc", ".renovaterc.json", ".github/renovate.json",
                               ".github/renovate.json5", ".gitlab/renovate.json", ".gitlab/renovate.json5"})
      if (p == r) c.evidence.push_back({e->path, 0, "Renovate"});
  }
  std::vector<const SourceEntry*> dependencies = repo.find([](std::string_view path) {
    const std::string base = lower_path(base_name(path));
    if (is_test_path(path)) return false;  // fixtures are not the product's dependencies
    return base == "requirements.txt" || base == "pom.xml" || base == "dockerfile" || is_github_workflow(path) ||
           std::any_of(lock_rules().begin(), lock_rules().end(), [&](const LockRule& r) { return r.manifest == base; });
  });
  if (repo.empty()) {
    conclude(c, "inconclusive", "The repository has no files.");
  } else if (!c.evidence.empty()) {
    conclude(c, "pass", "Dependency updates: " + c.evidence.front().text + " (" + c.evidence.front().path + ").");
  } else if (dependencies.empty()) {
    conclude(c, "not_applicable", "No dependency manifests, Dockerfiles or workflows to keep up to date.");
  } else {
    for (const auto* e : dependencies) c.evidence.push_back({e->path, 0, "not kept up to date automatically"});
    conclude(c, "fail", "No automated dependency updates (Dependabot or Renovate).",
             "Configure Dependabot (.github/dependabot.yml) or Renovate so security updates arrive as reviewed changes.");
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
      c.evidence.push_back({e->path, 0, "container image definition"});
    else if (base == "docker-compose.yml" || base == "docker-compose.yaml" || base == "compose.yml" || base == "compose.yaml")
      c.evidence.push_back({e->path, 0, "Compose file"});
    else if (base == "chart.yaml")
      c.evidence.push_back({e->path, 0, "Helm chart"});
  }
  if (repo.empty())
    conclude(c, "inconclusive", "The repository has no files.");
  else if (c.evidence.empty())
    conclude(c, "fail", "No Dockerfile, Containerfile, Compose file or Helm chart.",
             "Deliver the product as a container image with a committed Dockerfile (and a compose file for its services).");
  else
    conclude(c, "pass", std::to_string(c.evidence.size()) + " container definition" + (c.evidence.size() == 1 ? "" : "s") +
                            " (" + c.evidence.front().path + (c.evidence.size() > 1 ? ", …" : "") + ").");
  out.checks.push_back(std::move(c));
}

}  // namespace

void delivery_checks(const Repo& repo, HealthFacts& out) {
  ci_check(repo, out);
  tests_check(repo, out);
  lock_files_check(repo, out);
  dependency_updates_check(repo, out);
  container_check(repo, out);
}

}  // namespace rh::health
