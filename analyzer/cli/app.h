#pragma once
namespace rh {
/// Parses the command line, runs the subcommand, returns the process exit code:
/// 0 ok / gate passed, 1 gate failed, 2 usage or configuration error, 3 analysis failed.
int run_cli(int argc, char** argv);
}  // namespace rh
