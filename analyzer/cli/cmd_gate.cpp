// `repohealth gate FACTS.json`: judges the quality gate on an earlier scan without scanning again.
#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "cli/terminal_width.h"
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
  auto config = find_config(a.config, a.use_default ? "" : result->scan.root);
  if (!config) {
    std::fprintf(stderr, "repohealth gate: %s\n", config.error().message.c_str());
    return kExitUsage;
  }
  const bool configured = config->gate.configured && !a.use_default;
  result->gate = configured ? evaluate_gate(*result, config->gate, "config")
                            : evaluate_gate(*result, default_gate(), "default");
  if (!a.quiet) std::fputs(gate_summary(*result->gate, output_width()).c_str(), stdout);
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
