#pragma once
// Subcommands are a table (name, help, attach), one file per handler. `attach` adds the
// subcommand's options to its CLI11 app and returns the function that runs it.
#include <CLI/CLI.hpp>

#include <functional>
#include <string_view>
#include <vector>

namespace rh {

inline constexpr int kExitOk = 0;
inline constexpr int kExitGateFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitAnalysis = 3;

using CommandRun = std::function<int()>;

struct Command {
  std::string_view name;
  std::string_view help;
  CommandRun (*attach)(CLI::App& app);
};

CommandRun attach_scan(CLI::App& app);
CommandRun attach_report(CLI::App& app);
CommandRun attach_rules(CLI::App& app);
CommandRun attach_gate(CLI::App& app);
CommandRun attach_version(CLI::App& app);
CommandRun attach_debug(CLI::App& app);
CommandRun attach_debug_query(CLI::App& app);  ///< `debug query RULE FILE` (rule engine)

const std::vector<Command>& commands();

}  // namespace rh
