#include <algorithm>
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
    std::string lang = "en";
    std::string category;
    std::string docs_url = kDefaultDocsUrl;
  };
  auto a = std::make_shared<Args>();
  app.add_option("facts", a->facts, "facts.json written by an earlier scan")->required();
  app.add_option("-o,--out", a->out, "Folder the reports are written to")->capture_default_str();
  app.add_option("-f,--format", a->formats, "Report formats, comma separated: sarif, html, md, json, gitlab")
      ->delimiter(',')
      ->capture_default_str();
  app.add_option("--lang", a->lang, "Report language: en or da")->capture_default_str();
  app.add_option("--category", a->category, "SARIF automationDetails.id (GitHub code scanning's category)");
  app.add_option("--docs-url", a->docs_url, "Base URL of the rule reference (docs/rules/) for SARIF helpUri")
      ->capture_default_str();
  return [a] {
    auto formats = resolve_formats(a->formats);
    if (!formats) {
      std::fprintf(stderr, "repohealth report: %s\n", formats.error().message.c_str());
      return kExitUsage;
    }
    ReportOptions options;
    options.lang = a->lang;
    options.category = a->category;
    options.docs_url = a->docs_url;
    if (auto ok = check_report_options(options); !ok) {
      std::fprintf(stderr, "repohealth report: %s\n", ok.error().message.c_str());
      return kExitUsage;
    }
    auto result = read_facts_file(a->facts);
    if (!result) {
      std::fprintf(stderr, "repohealth report: %s\n", result.error().message.c_str());
      return kExitUsage;
    }
    // SARIF line hashes: the repository is read again when it is still where it was scanned.
    if (std::find(formats->begin(), formats->end(), find_writer("sarif")) != formats->end())
      options.read_source = open_source_reader(result->scan);
    // The repository the facts describe is as untrusted here as in the scan.
    auto folder = open_output_folder(a->out, result->scan.root);
    if (!folder) {
      std::fprintf(stderr, "repohealth report: %s\n", folder.error().message.c_str());
      return kExitUsage;
    }
    auto written = write_reports(*result, *formats, *folder, options);
    if (!written) {
      std::fprintf(stderr, "repohealth report: %s\n", written.error().message.c_str());
      return kExitAnalysis;
    }
    for (const auto& p : *written) std::printf("wrote %s\n", p.c_str());
    return kExitOk;
  };
}

}  // namespace rh
