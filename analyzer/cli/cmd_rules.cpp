#include <fmt/format.h>

#include <cstdio>

#include "cli/commands.h"
#include "engine/rule_catalog.h"

namespace rh {

CommandRun attach_rules(CLI::App&) {
  return [] {
    auto rules = embedded_rule_summaries();
    if (!rules) {
      std::fprintf(stderr, "repohealth rules: %s\n", rules.error().message.c_str());
      return kExitUsage;
    }
    std::printf("%-48s %-8s %-7s %-10s %s\n", "id", "severity", "kind", "state", "languages");
    for (const auto& r : *rules)
      std::printf("%-48s %-8s %-7s %-10s %s\n", r.id.c_str(), r.severity.c_str(), r.kind.c_str(),
                  r.state.c_str(), fmt::format("{}", fmt::join(r.languages, ",")).c_str());
    std::printf("%zu rules\n", rules->size());
    return kExitOk;
  };
}

}  // namespace rh
