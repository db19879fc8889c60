// `repohealth gate FACTS.json`: judges the quality gate on an earlier scan without scanning again.
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/commands.h"
#include "core/config.h"
#include "core/model_json.h"
#include "engine/gate.h"
#include "reports/writers.h"

namespace rh {
namespace {

struct GateArgs {
  std::string facts;
  std::string config;
  bool use_default = false;
  bool quiet = false;
};

int run(const GateArgs& a) {
  auto result = read_facts_file(a.facts);
  if (!result) {
    std::fprintf(stderr, "repohealth gate: %s\n", result.error().message.c_str());
    return kExitUsage;
  }
  // The conditions: --config, else the scanned repository's .repohealth.yml, else the default.
  Config config;
  std::string path = a.config;
  std::error_code ec;
  if (path.empty() && !a.use_default) {
    auto implicit = std::filesystem::path(result->scan.root) / ".repohealth.yml";
    if (!result->scan.root.empty() && std::filesystem::is_regular_file(implicit, ec)) path = implicit.string();
  }
  if (!path.empty()) {
    auto loaded = load_config(path);
    if (!loaded) {
      std::fprintf(stderr, "repohealth gate: %s\n", loaded.error().message.c_str());
      return kExitUsage;
    }
    config = std::move(*loaded);
  }
  const bool configured = config.gate.configured && !a.use_default;
  result->gate = configured ? evaluate_gate(*result, config.gate, "config")
                            : evaluate_gate(*result, default_gate(), "default");
  if (!a.quiet) std::fputs(gate_summary(*result->gate).c_str(), stdout);
  return result->gate->passed ? kExitOk : kExitGateFailed;
}

}  // namespace

CommandRun attach_gate(CLI::App& app) {
  auto a = std::make_shared<GateArgs>();
  app.add_option("facts", a->facts, "facts.json written by an earlier scan")->required();
  app.add_option("-c,--config", a->config,
                 "Configuration with the `gate:` conditions (default: the scanned repository's .repohealth.yml)");
  app.add_flag("--default", a->use_default, "Judge the built-in default gate, whatever the config says");
  app.add_flag("-q,--quiet", a->quiet, "Print nothing; the exit code tells the verdict");
  return [a] { return run(*a); };
}

}  // namespace rh
