#include "cli/app.h"

#include <cstdio>
#include <exception>

#include "cli/commands.h"
#include "cli/prebuilt.h"

namespace rh {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"scan", "Analyse a repository or folder and write reports", attach_scan},
      {"report", "Render reports from an earlier scan's facts.json", attach_report},
      {"rules", "List the rules repohealth knows", attach_rules},
      {"gate", "Judge the quality gate on an earlier scan's facts.json (exit 1 when it fails)", attach_gate},
      {"version", "Print the version and the libraries built in", attach_version},
      {"debug", "Developer views of one file: metrics, syntax tree", attach_debug},
  };
  return table;
}

int run_cli(int argc, char** argv) {
  use_embedded_hs_databases();  // the built-in rules' regexes, compiled at build time
  CLI::App app{"repohealth: code review and repository health analysis", "repohealth"};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Help for every subcommand");
  std::vector<std::pair<CLI::App*, CommandRun>> runs;
  for (const Command& c : commands()) {
    CLI::App* sub = app.add_subcommand(std::string(c.name), std::string(c.help));
    runs.emplace_back(sub, c.attach(*sub));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  for (auto& [sub, run] : runs) {
    if (!sub->parsed()) continue;
    try {
      return run();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "repohealth: internal error: %s\n", e.what());
      return kExitAnalysis;
    }
  }
  return kExitUsage;
}

}  // namespace rh
