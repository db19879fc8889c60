#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <memory>

#include "cli/commands.h"
#include "core/safe_output.h"
#include "engine/rule_config.h"
#include "engine/rule_docs.h"
#include "engine/rule_loader.h"
#include "health/check_docs.h"

namespace rh {
namespace {

struct RulesArgs {
  std::string doc_dir;
  std::string check_docs_dir;
  std::vector<std::string> folders;
  std::string config;
};

/// Rewrites the generated sections of DIR/health.md and DIR/scoring.md from the check records.
int write_check_docs(const std::string& dir) {
  auto folder = open_output_folder(dir);
  if (!folder) {
    std::fprintf(stderr, "repohealth rules: %s\n", folder.error().message.c_str());
    return kExitUsage;
  }
  const std::vector<CheckDocSection> sections = render_check_docs();
  for (const char* name : {"health.md", "scoring.md"}) {
    std::ifstream in(dir + "/" + name, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "repohealth rules: cannot read %s/%s\n", dir.c_str(), name);
      return kExitUsage;
    }
    std::stringstream text;
    text << in.rdbuf();
    auto doc = splice_check_docs(name, text.str(), sections);
    if (!doc) {
      std::fprintf(stderr, "repohealth rules: %s\n", doc.error().message.c_str());
      return kExitUsage;
    }
    if (*doc == text.str()) continue;
    auto path = write_file_atomically(*folder, name, *doc);
    if (!path) {
      std::fprintf(stderr, "repohealth rules: %s\n", path.error().message.c_str());
      return kExitUsage;
    }
    std::printf("wrote %s\n", path->c_str());
  }
  return kExitOk;
}

int run(const RulesArgs& a) {
  if (!a.check_docs_dir.empty()) return write_check_docs(a.check_docs_dir);
  RuleCatalog catalog = load_rules(a.folders);
  if (!catalog.errors.empty()) {
    for (const auto& e : catalog.errors) std::fprintf(stderr, "repohealth rules: %s\n", e.c_str());
    return kExitUsage;
  }
  for (const auto& w : catalog.warnings) std::fprintf(stderr, "repohealth rules: warning: %s\n", english(w).c_str());
  if (!a.doc_dir.empty()) {
    auto written = write_rule_docs(catalog.rules, a.doc_dir);
    if (!written) {
      std::fprintf(stderr, "repohealth rules: %s\n", written.error().message.c_str());
      return kExitUsage;
    }
    std::printf("wrote %zu pages to %s\n", written->size(), a.doc_dir.c_str());
    return kExitOk;
  }
  // The effective selection: the given config, else ./.repohealth.yml when present, else defaults.
  auto config = find_config(a.config, ".");
  if (!config) {
    std::fprintf(stderr, "repohealth rules: %s\n", config.error().message.c_str());
    return kExitUsage;
  }
  const std::string& config_path = config->path;
  auto selection = select_rules(catalog, *config);
  if (!selection) {
    std::fprintf(stderr, "repohealth rules: %s\n", selection.error().message.c_str());
    return kExitUsage;
  }
  std::printf("%-52s %-8s %-10s %-7s %-10s %-4s %s\n", "id", "severity", "confidence", "kind", "state", "on", "languages");
  size_t enabled = 0;
  for (size_t i = 0; i < catalog.rules.size(); ++i) {
    const RuleDescriptor& d = catalog.rules[i].descriptor;
    const RuleSelection& sel = (*selection)[i];
    enabled += sel.enabled ? 1 : 0;
    std::string langs = d.languages.empty() ? "any" : fmt::format("{}", fmt::join(d.languages, ","));
    std::printf("%-52s %-8s %-10s %-7s %-10s %-4s %s\n", d.id.c_str(), sel.severity.c_str(), d.confidence.c_str(),
                d.kind.c_str(), d.state.c_str(),
                sel.enabled ? "yes" : "no", langs.c_str());
  }
  std::printf("%zu rules, %zu enabled%s%s\n", catalog.rules.size(), enabled, config_path.empty() ? "" : " by ",
              config_path.c_str());
  return kExitOk;
}

}  // namespace

CommandRun attach_rules(CLI::App& app) {
  auto a = std::make_shared<RulesArgs>();
  app.add_option("--doc", a->doc_dir, "Write the rule reference (Markdown) into this folder, e.g. docs/rules");
  app.add_option("--check-docs", a->check_docs_dir,
                 "Rewrite the generated tables of health.md and scoring.md in this folder (docs) from the check records");
  app.add_option("--rules", a->folders, "Also load the rules of this folder; repeatable")->allow_extra_args(false);
  app.add_option("-c,--config", a->config,
                 "Configuration whose rule choices to show (default: ./.repohealth.yml when present)");
  return [a] { return run(*a); };
}

}  // namespace rh
