#pragma once
// Helpers for engine tests: analyse one file the way a scan does (language, frontend, rules).
#include <memory>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/language.h"
#include "engine/rule_set.h"
#include "lang/frontend.h"

namespace rh::test {

struct RuleRun {
  FileFacts facts;
  std::vector<Finding> findings;
  size_t calls = 0;  ///< call sites the frontend extracted
  const LanguageInfo* language = nullptr;
};

/// Detects the language of `path`, runs its frontend and then `rules`.
inline RuleRun run_rules(const RuleSet& rules, const std::string& path, const std::string& content) {
  RuleRun r;
  r.language = detect_language(path, std::string_view(content).substr(0, 1024));
  FileSyntax syntax;
  std::vector<Notification> notes;
  r.facts.path = path;
  if (r.language) {
    r.facts.language = r.language->id;
    if (Frontend* fe = frontend_for(*r.language)) fe->analyze(FrontendInput{path, content, r.language}, r.facts, notes, &syntax);
  }
  r.calls = syntax.calls.size();
  rules.match_file(FileInput{path, content, r.language, r.language ? &syntax : nullptr, r.language ? &r.facts : nullptr, {}},
                   r.findings);
  return r;
}

/// A RuleSet of rule files given as text (file name -> YAML), all states enabled.
inline Result<std::unique_ptr<RuleSet>> rules_from_text(const std::vector<std::pair<std::string, std::string>>& files,
                                                         const Config& config = {}) {
  RuleCatalog catalog;
  for (const auto& [name, text] : files) {
    Rule r;
    if (parse_rule(text, name, r, catalog.errors)) catalog.rules.push_back(std::move(r));
  }
  std::sort(catalog.rules.begin(), catalog.rules.end(),
            [](const Rule& a, const Rule& b) { return a.descriptor.id < b.descriptor.id; });
  SelectOptions options;
  options.all_states = true;
  options.compile_now = true;
  return RuleSet::build(catalog, config, options);
}

/// A minimal valid rule file of a kind, with the matcher given as YAML text.
inline std::string rule_yaml(const std::string& id, const std::string& kind, const std::string& languages,
                             const std::string& matcher, const std::string& message = "found {name}") {
  return "id: " + id + "\ntitle: test rule\nseverity: warning\nkind: " + kind + "\n" +
         (languages.empty() ? "" : "languages: [" + languages + "]\n") +
         "state: stable\nconfidence: high\ntags: [test]\nmessage: \"" + message +
         "\"\ndescription: why\nfix: how\nexample:\n  bad: x\n  good: y\n" + matcher;
}

}  // namespace rh::test
