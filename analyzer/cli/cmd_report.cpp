#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "core/model_json.h"
#include "reports/writers.h"

namespace rh {

CommandRun attach_report(CLI::App& app) {
  struct Args {
    std::string facts;
    std::string out = "repohealth-report";
    std::vector<std::string> formats{"json"};
  };
  auto a = std::make_shared<Args>();
  app.add_option("facts", a->facts, "facts.json written by an earlier scan")->required();
  app.add_option("-o,--out", a->out, "Folder the reports are written to")->capture_default_str();
  app.add_option("-f,--format", a->formats, "Report formats, comma separated (json)")
      ->delimiter(',')
      ->capture_default_str();
  return [a] {
    auto formats = resolve_formats(a->formats);
    if (!formats) {
      std::fprintf(stderr, "repohealth report: %s\n", formats.error().message.c_str());
      return kExitUsage;
    }
    auto result = read_facts_file(a->facts);
    if (!result) {
      std::fprintf(stderr, "repohealth report: %s\n", result.error().message.c_str());
      return kExitUsage;
    }
    auto written = write_reports(*result, *formats, a->out);
    if (!written) {
      std::fprintf(stderr, "repohealth report: %s\n", written.error().message.c_str());
      return kExitAnalysis;
    }
    for (const auto& p : *written) std::printf("wrote %s\n", p.c_str());
    return kExitOk;
  };
}

}  // namespace rh
