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
    conclude(c, "inconclusive", "The repository has no files.");
  } else if (!e) {
    conclude(c, "fail", "No README.", "Add a README.md saying what the product is for, how to install it and how to use it.");
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
    if (!purpose) missing.push_back("purpose");
    if (!install) missing.push_back("installation");
    if (!usage) missing.push_back("usage");
    std::string found = std::to_string(r.words) + " words, " + std::to_string(r.headings.size()) + " headings";
    c.evidence.push_back({e->path, 0, found});
    std::string gaps;
    for (const auto& m : missing) gaps += (gaps.empty() ? "" : ", ") + m;
    if (r.words < kReadmeMinWords || r.lines <= 1)
      conclude(c, "fail", e->path + " is not substantive (" + found + ").",
               "Describe the product's purpose and target group, installation and usage in the README.");
    else if (r.words < kReadmeGoodWords || !missing.empty())
      conclude(c, "warn", e->path + " (" + found + ")" + (gaps.empty() ? " is short." : " has no section on " + gaps + "."),
               "Add sections on " + (gaps.empty() ? std::string("purpose, installation and usage") : gaps) + " to the README.");
    else
      conclude(c, "pass", e->path + " covers purpose, installation and usage (" + found + ").");
  }
  out.checks.push_back(std::move(c));
}

/// Present or not: a policy document found by its usual names.
void document_check(const Repo& repo, HealthFacts& out, const std::string& id, const std::vector<std::string>& stems,
                    const std::string& what, const std::string& remedy) {
  HealthCheck c = make_check(id);
  if (repo.empty()) {
    conclude(c, "inconclusive", "The repository has no files.");
  } else if (const SourceEntry* e = repo.document(stems)) {
    c.evidence.push_back({e->path, 0, "found"});
    conclude(c, "pass", what + ": " + e->path + ".");
  } else {
    conclude(c, "fail", "No " + what + " found.", remedy);
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
    conclude(c, "inconclusive", "The repository has no files.");
  else if (found.empty())
    conclude(c, "fail", "No changelog.", "Keep a CHANGELOG.md (keepachangelog.com) updated with every release.");
  else {
    c.evidence.push_back({found.front()->path, 0, "found"});
    conclude(c, "pass", "Changelog: " + found.front()->path + ".");
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
    if (std::find(site_configs.begin(), site_configs.end(), p) != site_configs.end()) c.evidence.push_back({e->path, 0, "documentation site configuration"});
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
  if (doc_files > 0) c.evidence.insert(c.evidence.begin(), {first + "/", 0, std::to_string(doc_files) + " files"});
  if (repo.empty())
    conclude(c, "inconclusive", "The repository has no files.");
  else if (!c.evidence.empty())
    conclude(c, "pass", doc_files > 0 ? "Documentation folder " + first + "/ with " + std::to_string(doc_files) + " files."
                                      : "Documentation site configuration found.");
  else
    conclude(c, "fail", "No documentation folder (docs/) and no documentation site configuration.",
             "Add a docs/ folder covering architecture, operation and maintenance.");
  out.checks.push_back(std::move(c));
}

void publiccode_check(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("docs.publiccode");
  const SourceEntry* e = repo.publiccode().entry;
  if (repo.empty()) {
    conclude(c, "inconclusive", "The repository has no files.");
  } else if (!e) {
    conclude(c, "fail", "No publiccode.yml at the top level.",
             "Add a publiccode.yml (yml.publiccode.tools) describing the product, its licence and its maintenance.");
  } else {
    const PubliccodeFacts& p = repo.publiccode().facts;
    for (const auto& problem : p.problems)
      c.evidence.push_back({e->path, problem.line, problem.key + ": " + problem.message});
    if (p.problems.empty())
      conclude(c, "pass", e->path + " (version " + p.version + ") carries the required keys.");
    else
      conclude(c, "fail", e->path + " has " + std::to_string(p.problems.size()) + " problem" +
                              (p.problems.size() == 1 ? "" : "s") + " with required keys.",
               "Fix the keys listed in the evidence (publiccode.yml standard, yml.publiccode.tools).");
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
      c.evidence.push_back({e->path, 0, "style or lint configuration"});
    if (base == "pyproject.toml" && p == base) {
      const std::string& text = repo.read(*e);
      for (std::string_view tool : {"[tool.ruff", "[tool.black", "[tool.pylint", "[tool.flake8", "[tool.isort"})
        if (text.find(tool) != std::string::npos) {
          c.evidence.push_back({e->path, 0, std::string(tool.substr(1)) + " configured"});
          break;
        }
    }
  }
  if (c.evidence.empty())
    if (const SourceEntry* guide = repo.document({"contributing"})) {
      std::string text = ascii_lower(repo.read(*guide));
      for (std::string_view w : {"coding style", "code style", "style guide", "coding standard", "linter", "lint "})
        if (text.find(w) != std::string::npos) {
          c.evidence.push_back({guide->path, 0, "mentions " + std::string(w)});
          break;
        }
    }
  if (repo.empty())
    conclude(c, "inconclusive", "The repository has no files.");
  else if (c.evidence.empty())
    conclude(c, "fail", "No coding standard documented and no formatter or linter configured.",
             "Commit the formatter and linter configuration (e.g. .editorconfig, .clang-format, ESLint, PHP_CodeSniffer) and name it in CONTRIBUTING.");
  else
    conclude(c, "pass", std::to_string(c.evidence.size()) + " style or lint configuration" +
                            (c.evidence.size() == 1 ? "" : "s") + " found.");
  out.checks.push_back(std::move(c));
}

}  // namespace

void documentation_checks(const Repo& repo, HealthFacts& out) {
  readme_check(repo, out);
  document_check(repo, out, "docs.contributing", {"contributing"}, "contribution guide",
                 "Add CONTRIBUTING.md: how to report issues, propose changes, and what review a change gets.");
  document_check(repo, out, "docs.code-of-conduct", {"code_of_conduct", "code-of-conduct", "codeofconduct"},
                 "code of conduct", "Adopt a code of conduct (e.g. the Contributor Covenant) in CODE_OF_CONDUCT.md.");
  document_check(repo, out, "docs.security-policy", {"security"}, "security policy",
                 "Add SECURITY.md saying how to report a vulnerability privately and which versions get fixes.");
  changelog_check(repo, out);
  documentation_folder_check(repo, out);
  publiccode_check(repo, out);
  coding_standards_check(repo, out);
}

}  // namespace rh::health
