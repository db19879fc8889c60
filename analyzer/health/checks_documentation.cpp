// Documentation checks: README (present and substantive), contribution guide, code of conduct,
// security policy, changelog, documentation folder or site, publiccode.yml, coding standards.
#include <algorithm>
#include <cctype>
#include <sstream>

#include "core/repo_paths.h"
#include "core/text.h"
#include "health/checks.h"

namespace rh::health {
namespace {

/// A README is substantive with this many words and a heading (or opening paragraph) for each
/// of purpose, installation and usage; below kReadmeMinWords it fails (docs/health.md).
constexpr int64_t kReadmeMinWords = 30;
constexpr int64_t kReadmeGoodWords = 150;

struct ReadmeFacts {
  int64_t words = 0;
  int64_t lines = 0;
  std::vector<std::string> headings;  ///< lower case
  bool opening_paragraph = false;     ///< 15+ words of prose before the second heading
};

ReadmeFacts read_readme(const std::string& text) {
  ReadmeFacts r;
  std::istringstream in(text);
  std::string line, previous;
  int64_t prose_words = 0;
  int headings_seen = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    ++r.lines;
    std::istringstream words(line);
    std::string w;
    int64_t n = 0;
    while (words >> w) ++n;
    r.words += n;
    std::string heading;
    size_t start = line.find_first_not_of(' ');
    if (start != std::string::npos && (line[start] == '#' || line[start] == '=')) {  // Markdown, AsciiDoc
      size_t t = line.find_first_not_of(line[start] == '#' ? "# " : "= ", start);
      if (t != std::string::npos) heading = line.substr(t);
    } else if (!previous.empty() && line.size() >= 3 &&
               line.find_first_not_of(line[0]) == std::string::npos && (line[0] == '=' || line[0] == '-')) {
      heading = previous;  // reStructuredText or setext underline
    } else if (line.rfind("<h", 0) == 0 && line.size() > 3 && std::isdigit(static_cast<unsigned char>(line[2]))) {
      size_t gt = line.find('>');
      if (gt != std::string::npos) heading = line.substr(gt + 1);
    }
    if (!heading.empty()) {
      std::string low;
      for (char c : heading) low += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.headings.push_back(low);
      ++headings_seen;
    } else if (headings_seen <= 1 && line.find_first_not_of(" \t") != std::string::npos &&
               line.rfind("[!", 0) != 0 && line.rfind("![", 0) != 0) {
      prose_words += n;  // badges and images are not prose
    }
    previous = line;
  }
  r.opening_paragraph = prose_words >= 15;
  return r;
}

bool heading_about(const ReadmeFacts& r, std::initializer_list<std::string_view> words) {
  for (const auto& h : r.headings)
    for (std::string_view w : words)
      if (h.find(w) != std::string::npos) return true;
  return false;
}

void readme_check(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("docs.readme");
  const SourceEntry* e = repo.document({"readme"});
  if (repo.empty()) {
    conclude(c, "inconclusive", msg("common.no_files"));
  } else if (!e) {
    conclude(c, "fail", msg("docs.readme.missing"), msg("docs.readme.remedy_missing"));
  } else {
    ReadmeFacts r = read_readme(repo.read(*e));
    const bool purpose = r.opening_paragraph ||
                         heading_about(r, {"about", "purpose", "overview", "introduction", "description", "what is",
                                           "features", "formål", "om ", "beskrivelse", "introduktion", "hvad er"});
    const bool install = heading_about(r, {"install", "setup", "set up", "set-up", "getting started", "quick start",
                                           "quickstart", "build", "deploy", "requirements", "installer", "opsætning",
                                           "kom i gang", "krav", "byg"});
    const bool usage = heading_about(r, {"usage", "use", "using", "how to", "example", "running", "run ", "configur",
                                         "brug", "anvend", "sådan", "eksempl", "kørsel", "konfigur"});
    std::vector<std::string> missing;
    if (!purpose) missing.push_back("docs.readme.section.purpose");
    if (!install) missing.push_back("docs.readme.section.installation");
    if (!usage) missing.push_back("docs.readme.section.usage");
    auto with_counts = [&](std::string key, std::vector<MessageArg> args = {}) {
      args.insert(args.begin(), {text_arg("path", e->path), int_arg("words", r.words),
                                 int_arg("headings", static_cast<int64_t>(r.headings.size()))});
      return msg(std::move(key), std::move(args));
    };
    c.evidence.push_back(evidence(e->path, 0, with_counts("docs.readme.counts")));
    if (r.words < kReadmeMinWords || r.lines <= 1)
      conclude(c, "fail", with_counts("docs.readme.not_substantive"), msg("docs.readme.remedy_substance"));
    else if (r.words < kReadmeGoodWords || !missing.empty())
      conclude(c, "warn",
               missing.empty() ? with_counts("docs.readme.short")
                               : with_counts("docs.readme.no_section", {keys_arg("gaps", missing)}),
               msg("docs.readme.remedy_sections",
                   {keys_arg("gaps", missing.empty() ? std::vector<std::string>{"docs.readme.section.purpose",
                                                                                "docs.readme.section.installation",
                                                                                "docs.readme.section.usage"}
                                                     : missing)}));
    else
      conclude(c, "pass", with_counts("docs.readme.covered"));
  }
  out.checks.push_back(std::move(c));
}

/// Present or not: a policy document found by its usual names. Messages: <id>.found, <id>.missing,
/// <id>.remedy.
void document_check(const Repo& repo, HealthFacts& out, const std::string& id, const std::vector<std::string>& stems) {
  HealthCheck c = make_check(id);
  if (repo.empty()) {
    conclude(c, "inconclusive", msg("common.no_files"));
  } else if (const SourceEntry* e = repo.document(stems)) {
    c.evidence.push_back(evidence(e->path, 0, msg("common.found")));
    conclude(c, "pass", msg(id + ".found", {text_arg("path", e->path)}));
  } else {
    conclude(c, "fail", msg(id + ".missing"), msg(id + ".remedy"));
  }
  out.checks.push_back(std::move(c));
}

void changelog_check(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("docs.changelog");
  // At the top level, or in a changelog fragment folder (changelog.d/, .changeset/): a
  // docs/history.md is more often about something else than a changelog.
  auto found = repo.find([](std::string_view p) {
    return is_changelog_path(p) && (p.find('/') == std::string_view::npos || in_changelog_folder(p));
  });
  if (repo.empty())
    conclude(c, "inconclusive", msg("common.no_files"));
  else if (found.empty())
    conclude(c, "fail", msg("docs.changelog.missing"), msg("docs.changelog.remedy"));
  else {
    c.evidence.push_back(evidence(found.front()->path, 0, msg("common.found")));
    conclude(c, "pass", msg("docs.changelog.found", {text_arg("path", found.front()->path)}));
  }
  out.checks.push_back(std::move(c));
}

void documentation_folder_check(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("docs.documentation");
  static const std::vector<std::string> site_configs = {
      "mkdocs.yml", "mkdocs.yaml", ".readthedocs.yaml", ".readthedocs.yml", "docusaurus.config.js",
      "docusaurus.config.ts", "book.toml", "antora.yml", "docs/conf.py", "doc/conf.py", "docs/_config.yml",
      "docs/mkdocs.yml", "doxyfile", "docs/index.md", "docs/index.rst", "docs/readme.md", "doc/index.rst"};
  for (const auto* e : repo.files()) {
    const std::string p = lower_path(e->path);
    if (std::find(site_configs.begin(), site_configs.end(), p) != site_configs.end()) c.evidence.push_back(evidence(e->path, 0, msg("docs.documentation.site")));
  }
  int64_t doc_files = 0;
  std::string first;
  for (const auto* e : repo.files()) {
    const std::string p = lower_path(e->path);
    if (p.rfind("docs/", 0) == 0 || p.rfind("doc/", 0) == 0 || p.rfind("documentation/", 0) == 0) {
      if (first.empty()) first = e->path.substr(0, e->path.find('/'));
      ++doc_files;
    }
  }
  if (doc_files > 0)
    c.evidence.insert(c.evidence.begin(), evidence(first + "/", 0, msg("common.files", {int_arg("n", doc_files)})));
  if (repo.empty())
    conclude(c, "inconclusive", msg("common.no_files"));
  else if (!c.evidence.empty())
    conclude(c, "pass", doc_files > 0 ? msg("docs.documentation.folder", {text_arg("folder", first + "/"), int_arg("n", doc_files)})
                                      : msg("docs.documentation.site_found"));
  else
    conclude(c, "fail", msg("docs.documentation.missing"), msg("docs.documentation.remedy"));
  out.checks.push_back(std::move(c));
}

void publiccode_check(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("docs.publiccode");
  const SourceEntry* e = repo.publiccode().entry;
  if (repo.empty()) {
    conclude(c, "inconclusive", msg("common.no_files"));
  } else if (!e) {
    conclude(c, "fail", msg("docs.publiccode.missing"), msg("docs.publiccode.remedy_missing"));
  } else {
    const PubliccodeFacts& p = repo.publiccode().facts;
    for (const auto& problem : p.problems)
      c.evidence.push_back(evidence(e->path, problem.line, problem.message));
    if (p.problems.empty())
      conclude(c, "pass", msg("docs.publiccode.valid", {text_arg("path", e->path), text_arg("version", p.version)}));
    else
      conclude(c, "fail", msg("docs.publiccode.problems", {text_arg("path", e->path), int_arg("n", static_cast<int64_t>(p.problems.size()))}),
               msg("docs.publiccode.remedy_problems"));
  }
  out.checks.push_back(std::move(c));
}

void coding_standards_check(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("docs.coding-standards");
  static const std::vector<std::string> configs = {
      ".editorconfig", ".clang-format", ".clang-tidy", ".eslintrc", ".eslintrc.js", ".eslintrc.cjs", ".eslintrc.json",
      ".eslintrc.yml", ".eslintrc.yaml", "eslint.config.js", "eslint.config.mjs", "eslint.config.cjs",
      "eslint.config.ts", ".prettierrc", ".prettierrc.json", ".prettierrc.yml", ".prettierrc.yaml",
      ".prettierrc.js", "prettier.config.js", "biome.json", "phpcs.xml", "phpcs.xml.dist", ".php-cs-fixer.php",
      ".php-cs-fixer.dist.php", "phpstan.neon", "phpstan.neon.dist", "psalm.xml", ".rubocop.yml", ".golangci.yml",
      ".golangci.yaml", "rustfmt.toml", ".rustfmt.toml", "clippy.toml", ".stylelintrc", ".stylelintrc.json",
      "ruff.toml", ".ruff.toml", ".flake8", ".pylintrc", "pylintrc", "checkstyle.xml", ".pre-commit-config.yaml",
      "stylecop.json", ".scalafmt.conf", "tslint.json", "style.md", "coding_standards.md", "coding-standards.md",
      "codingstandards.md", "styleguide.md", "style_guide.md"};
  for (const auto* e : repo.files()) {
    std::string p = lower_path(e->path);
    std::string base = std::string(base_name(p));
    const bool top = p.find('/') == std::string::npos || p.rfind("docs/", 0) == 0 || p.rfind(".github/", 0) == 0;
    if (top && std::find(configs.begin(), configs.end(), base) != configs.end())
      c.evidence.push_back(evidence(e->path, 0, msg("docs.coding-standards.config")));
    if (base == "pyproject.toml" && p == base) {
      const std::string& text = repo.read(*e);
      for (std::string_view tool : {"[tool.ruff", "[tool.black", "[tool.pylint", "[tool.flake8", "[tool.isort"})
        if (text.find(tool) != std::string::npos) {
          c.evidence.push_back(evidence(e->path, 0, msg("docs.coding-standards.tool", {text_arg("tool", std::string(tool.substr(1)))})));
          break;
        }
    }
  }
  if (c.evidence.empty())
    if (const SourceEntry* guide = repo.document({"contributing"})) {
      std::string text = ascii_lower(repo.read(*guide));
      for (std::string_view w : {"coding style", "code style", "style guide", "coding standard", "linter", "lint "})
        if (text.find(w) != std::string::npos) {
          c.evidence.push_back(evidence(guide->path, 0, msg("docs.coding-standards.mentions", {text_arg("words", std::string(w))})));
          break;
        }
    }
  if (repo.empty())
    conclude(c, "inconclusive", msg("common.no_files"));
  else if (c.evidence.empty())
    conclude(c, "fail", msg("docs.coding-standards.missing"), msg("docs.coding-standards.remedy"));
  else
    conclude(c, "pass", msg("docs.coding-standards.found", {int_arg("n", static_cast<int64_t>(c.evidence.size()))}));
  out.checks.push_back(std::move(c));
}

}  // namespace

void documentation_checks(const Repo& repo, HealthFacts& out) {
  readme_check(repo, out);
  document_check(repo, out, "docs.contributing", {"contributing"});
  document_check(repo, out, "docs.code-of-conduct", {"code_of_conduct", "code-of-conduct", "codeofconduct"});
  document_check(repo, out, "docs.security-policy", {"security"});
  changelog_check(repo, out);
  documentation_folder_check(repo, out);
  publiccode_check(repo, out);
  coding_standards_check(repo, out);
}

}  // namespace rh::health
