// `repohealth debug query RULE FILE`: runs one rule on one file and shows every match with
// what it captured (query captures, the value of a pattern, the callee), before and after it
// becomes a finding. RULE is a rule id or the path of a rule file being written.
#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "core/language.h"
#include "engine/rule_set.h"
#include "lang/frontend.h"
#include "lang/line_counter.h"

namespace rh {
namespace {

struct DebugQueryArgs {
  std::string rule;
  std::string file;
  std::string language;
  std::vector<std::string> folders;
  bool calls = false;
};

std::string read_all(const std::string& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  ok = static_cast<bool>(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int run(const DebugQueryArgs& a) {
  RuleCatalog catalog = load_rules(a.folders);
  std::string id = a.rule;
  if (id.ends_with(".yml") || id.ends_with(".yaml")) {  // a rule file being written
    bool ok = false;
    std::string text = read_all(id, ok);
    Rule r;
    if (!ok) catalog.errors.push_back(id + ": cannot read");
    else if (parse_rule(text, id, r, catalog.errors)) {
      id = r.descriptor.id;
      std::erase_if(catalog.rules, [&](const Rule& x) { return x.descriptor.id == id; });
      catalog.rules.push_back(std::move(r));
      std::sort(catalog.rules.begin(), catalog.rules.end(),
                [](const Rule& x, const Rule& y) { return x.descriptor.id < y.descriptor.id; });
    }
  }
  SelectOptions only;
  only.all_states = true;
  only.compile_now = true;
  only.only = {id};
  auto rules = RuleSet::build(catalog, Config{}, only);
  if (!rules) {
    std::fprintf(stderr, "repohealth debug query: %s\n", rules.error().message.c_str());
    return kExitUsage;
  }
  bool ok = false;
  const std::string content = read_all(a.file, ok);
  if (!ok) {
    std::fprintf(stderr, "repohealth debug query: cannot read %s\n", a.file.c_str());
    return kExitUsage;
  }
  const LanguageInfo* language = a.language.empty() ? detect_language(a.file, std::string_view(content).substr(0, 8192))
                                                    : find_language(a.language);
  FileFacts facts;
  facts.path = a.file;
  std::vector<Notification> notes;
  FileSyntax syntax;
  if (language) {
    facts.language = language->id;
    facts.lines = count_lines(content, language->comments);
    if (Frontend* fe = frontend_for(*language)) fe->analyze(FrontendInput{a.file, content, language}, facts, notes, &syntax);
  }
  const Rule& rule = (*rules)->rules().front();
  std::printf("rule %s (%s) on %s (%s, %s, %zu call sites)\n", id.c_str(), rule.descriptor.kind.c_str(), a.file.c_str(),
              language ? language->id.c_str() : "no language", syntax.tree ? "syntax tree" : "no syntax tree",
              syntax.calls.size());
  for (const auto& n : notes) std::printf("  %s: %s\n", n.level.c_str(), n.message.c_str());
  if (a.calls)
    for (const CallSite& c : syntax.calls) {
      std::printf("  call %" PRId64 ":%" PRId64 " %s(", c.line, c.column, c.callee.c_str());
      for (size_t i = 0; i < c.arguments.size(); ++i)
        std::printf("%s%s%s%s", i ? ", " : "", c.arguments[i].keyword.empty() ? "" : (c.arguments[i].keyword + "=").c_str(),
                    c.arguments[i].text.c_str(), c.arguments[i].literal ? " [literal]" : "");
      std::printf(") in %s\n", c.function.empty() ? "<file>" : c.function.c_str());
    }
  std::vector<Notification> cuts;  // what the per-file budget cut (docs/metrics.md#per-file-budget)
  FileInput input{a.file, content, language, language ? &syntax : nullptr, language ? &facts : nullptr, {}, &cuts};
  std::vector<RawMatch> raw;
  (*rules)->match_raw(input, raw);
  for (const RawMatch& m : raw) {
    Finding f = (*rules)->finding_of(m, input);
    std::printf("\n%s:%" PRId64 ":%" PRId64 "-%" PRId64 ":%" PRId64 "  %s\n", a.file.c_str(), f.start_line, f.start_column,
                f.end_line, f.end_column, f.message.c_str());
    for (const auto& [name, value] : m.vars) std::printf("  @%s = %s\n", name.c_str(), value.c_str());
    std::printf("  function: %s  fingerprint: %s\n", f.function.empty() ? "<file>" : f.function.c_str(),
                f.fingerprint.c_str());
    if (f.suppression)
      std::printf("  suppressed (%s): %s\n", f.suppression->kind.c_str(), f.suppression->justification.c_str());
    std::printf("  | %s\n", f.snippet.c_str());
  }
  std::printf("\n%zu match%s\n", raw.size(), raw.size() == 1 ? "" : "es");
  for (const auto& n : cuts) std::printf("  %s: %s\n", n.level.c_str(), n.message.c_str());
  return kExitOk;
}

}  // namespace

CommandRun attach_debug_query(CLI::App& app) {
  auto a = std::make_shared<DebugQueryArgs>();
  app.add_option("rule", a->rule, "Rule id, or the path of a rule file (.yml)")->required();
  app.add_option("file", a->file, "Source file to run it on")->required();
  app.add_option("--language", a->language, "Language id instead of detecting it");
  app.add_option("--rules", a->folders, "Also load the rules of this folder; repeatable")->allow_extra_args(false);
  app.add_flag("--calls", a->calls, "List the call sites the frontend extracted (for call rules)");
  return [a] { return run(*a); };
}

}  // namespace rh
