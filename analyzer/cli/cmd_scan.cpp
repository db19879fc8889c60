#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include "cache/file_cache.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "cli/progress.h"
#include "cli/terminal_width.h"
#include "engine/gate.h"
#include "core/dates.h"
#include "reports/terminal_wrap.h"
#include "reports/writers.h"

namespace rh {
namespace {

struct ScanArgs {
  std::string path = ".";
  std::string out = "repohealth-report";
  std::vector<std::string> formats{"sarif", "html", "md", "json"};
  std::string lang;      ///< report language; "" = the config's (en by default)
  std::string category;  ///< SARIF automationDetails.id
  std::string docs_url;  ///< SARIF helpUri base; "" = the config's, else kDefaultDocsUrl
  std::string rev;
  std::string config;
  bool worktree = false;
  int jobs = 0;
  bool quiet = false;
  std::string new_since;
  bool gate = false;
  std::vector<std::string> rule_folders;
  std::string baseline;
  bool no_history = false;
  bool no_health = false;
  std::string history_lines = "window";
  std::string since;
  int64_t max_commits = 0;
  bool first_parent = false;
  bool include_bots = false;
  bool no_merge_aliases = false;
  int hotspots = 20;
  std::string compile_commands;
  int64_t clone_min_tokens = 50;
  int64_t clone_min_lines = 6;
  std::string as_of;
  bool show_emails = false;
  std::string cache;      ///< --cache DIR; "" = the default location
  bool no_cache = false;
};

int run(const ScanArgs& a) {
  auto formats = resolve_formats(a.formats);
  if (!formats) {
    std::fprintf(stderr, "repohealth scan: %s\n", formats.error().message.c_str());
    return kExitUsage;
  }
  auto config = find_config(a.config, a.path);
  if (!config) {
    std::fprintf(stderr, "repohealth scan: %s\n", config.error().message.c_str());
    return kExitUsage;
  }
  ReportOptions report_options;
  report_options.lang = a.lang.empty() ? config->language : a.lang;
  report_options.category = a.category;
  if (!a.docs_url.empty())
    report_options.docs_url = a.docs_url;
  else if (!config->docs_url.empty())
    report_options.docs_url = config->docs_url;
  if (auto ok = check_report_options(report_options); !ok) {
    std::fprintf(stderr, "repohealth scan: %s\n", ok.error().message.c_str());
    return kExitUsage;
  }
  if (!a.rev.empty() && a.worktree) {
    std::fprintf(stderr, "repohealth scan: --rev and --worktree exclude each other\n");
    return kExitUsage;
  }
  if (!a.since.empty() && !parse_iso_date(a.since)) {
    std::fprintf(stderr, "repohealth scan: --since '%s' is not a date (use YYYY-MM-DD)\n", a.since.c_str());
    return kExitUsage;
  }
  if (!a.as_of.empty() && !normalise_as_of(a.as_of)) {
    std::fprintf(stderr, "repohealth scan: --as-of '%s' is not a date (use YYYY-MM-DD or an ISO 8601 timestamp)\n",
                 a.as_of.c_str());
    return kExitUsage;
  }
  // The output folder is checked (and created) before the scan, so that an --out through a link
  // the repository controls is refused at once, and held open until the reports are written.
  auto out_folder = open_output_folder(a.out, a.path);
  if (!out_folder) {
    std::fprintf(stderr, "repohealth scan: %s\n", out_folder.error().message.c_str());
    return kExitUsage;
  }
  ScanRequest request;
  request.root = a.path;
  request.rev = a.rev;
  request.worktree = a.worktree;
  request.jobs = a.jobs;
  request.progress = !a.quiet;
  request.config = std::move(*config);
  request.rule_folders = a.rule_folders;
  request.baseline = a.baseline;
  request.history = !a.no_history;
  if (!a.no_cache) {
    Message why;
    std::error_code ec;  // absolute, so that scan.cache names the file wherever the facts are read
    request.cache_dir = a.cache.empty() ? default_cache_dir(&why) : std::filesystem::absolute(a.cache, ec).string();
    if (ec) request.cache_dir = a.cache;
    request.cache_note = why;
  }
  request.health = !a.no_health;
  request.history_options.lines_all = a.history_lines == "all";
  request.history_options.since = a.since;
  request.history_options.max_commits = a.max_commits;
  request.history_options.first_parent = a.first_parent;
  request.history_options.include_bots = a.include_bots;
  request.history_options.merge_aliases = !a.no_merge_aliases;
  request.history_options.hotspots_top = a.hotspots;
  request.compile_commands = a.compile_commands;
  request.clones.min_tokens = a.clone_min_tokens;
  request.clones.min_lines = a.clone_min_lines;
  request.new_since = a.new_since;
  request.as_of = a.as_of;
  request.show_emails = a.show_emails;
  ScanOutcome outcome = run_scan(request);
  if (!outcome.ok) {
    std::fprintf(stderr, "repohealth scan: %s\n", outcome.error.message.c_str());
    return outcome.error.kind == ScanError::Kind::usage ? kExitUsage : kExitAnalysis;
  }
  // SARIF line hashes need the analysed files' bytes: read again through the same source.
  if (std::find(formats->begin(), formats->end(), find_writer("sarif")) != formats->end())
    report_options.read_source = open_source_reader(outcome.result.scan);
  // The gate is judged on the finished model, so that every report shows its verdict.
  if (request.config.gate.configured || a.gate)
    outcome.result.gate = request.config.gate.configured ? evaluate_gate(outcome.result, request.config.gate, "config")
                                                         : evaluate_gate(outcome.result, default_gate(), "default");
  std::optional<Progress> writing(std::in_place, request.progress);
  writing->phase("writing reports");
  auto written = write_reports(outcome.result, *formats, *out_folder, report_options);
  writing.reset();  // the line is cleared before the summary
  if (!written) {
    std::fprintf(stderr, "repohealth scan: %s\n", written.error().message.c_str());
    return kExitAnalysis;
  }
  if (!a.quiet) {
    const size_t width = output_width();
    std::fputs(terminal_summary(outcome.result, width).c_str(), stdout);
    for (const auto& p : *written) std::fputs(wrap_line("  wrote " + p, width).c_str(), stdout);
  }
  return outcome.result.gate && !outcome.result.gate->passed ? kExitGateFailed : kExitOk;
}

}  // namespace

CommandRun attach_scan(CLI::App& app) {
  auto a = std::make_shared<ScanArgs>();
  app.add_option("path", a->path, "Repository or folder to analyse")->capture_default_str();
  app.add_option("-o,--out", a->out, "Folder the reports are written to")->capture_default_str();
  app.add_option("-f,--format", a->formats, "Report formats, comma separated: sarif, html, md, json, gitlab")
      ->delimiter(',')
      ->capture_default_str();
  app.add_option("--lang", a->lang, "Report language: en or da (default: the config's, else en)");
  app.add_option("--category", a->category,
                 "SARIF automationDetails.id, GitHub code scanning's category (e.g. repohealth)");
  app.add_option("--docs-url", a->docs_url,
                 "Base URL of the rule reference (docs/rules/) for SARIF helpUri (default: the config's "
                 "docs_url, else repohealth's on GitHub)");
  app.add_option("--rev", a->rev, "Revision to analyse (branch, tag, commit); default HEAD");
  app.add_flag("--worktree", a->worktree,
               "Analyse the working tree (honouring .gitignore) instead of the committed tree");
  app.add_option("-c,--config", a->config, "Configuration file (default: PATH/.repohealth.yml)");
  app.add_option("-j,--jobs", a->jobs, "Parallel jobs (default: all cores)")->check(CLI::Range(0, 1024));
  app.add_flag("-q,--quiet", a->quiet, "No progress and no summary");
  app.add_option("--rules", a->rule_folders, "Folder of your own rules (YAML, see docs/rules.md); repeatable")
      ->allow_extra_args(false);
  app.add_option("--baseline", a->baseline,
                 "Earlier facts.json or SARIF: findings already in it are marked unchanged and suppressed");
  app.add_option("--new-since", a->new_since,
                 "New-code mode: compare with the merge base of this branch, tag or commit; findings "
                 "are new or unchanged");
  app.add_flag("--gate", a->gate,
               "Judge the quality gate (the config's `gate:`, else the default: no new error or security "
               "finding); exit 1 when it fails");
  app.add_flag("--no-history", a->no_history, "Do not walk the git history");
  auto* cache = app.add_option("--cache", a->cache,
                               "Per-file result cache folder (default: $XDG_CACHE_HOME/repohealth, docs/cache.md)");
  app.add_flag("--no-cache", a->no_cache, "Analyse every file; neither read nor write the cache")->excludes(cache);
  app.add_flag("--no-health", a->no_health,
               "Do not run the repository health checks (licence, documentation, CI, workflows…) nor score");
  app.add_option("--history-lines", a->history_lines,
                 "Count added/deleted lines over the last 12 months (window) or all history (all)")
      ->check(CLI::IsMember({"window", "all"}))
      ->capture_default_str();
  app.add_option("--since", a->since, "History: leave out commits older than this date (YYYY-MM-DD)");
  app.add_option("--max-commits", a->max_commits, "History: only the newest N commits (0 = all)")
      ->check(CLI::NonNegativeNumber);
  app.add_flag("--first-parent", a->first_parent, "History: follow first parents only");
  app.add_flag("--include-bots", a->include_bots,
               "History: count bots (dependabot, renovate, github-actions, *[bot]) as people");
  app.add_flag("--no-merge-aliases", a->no_merge_aliases,
               "History: do not merge identities that share a name but differ in e-mail");
  app.add_option("--as-of", a->as_of,
                 "Reference date every window ends at (last 12 months, active people, maintained, releases): "
                 "YYYY-MM-DD or an ISO 8601 timestamp; default: today (UTC). Give it for reproducible re-runs");
  app.add_flag("--show-emails", a->show_emails,
               "Keep people's e-mail addresses in facts.json and the reports (default: names only)");
  app.add_option("--hotspots", a->hotspots, "History: how many hotspots to keep")
      ->capture_default_str()
      ->check(CLI::Range(0, 100000));
  app.add_option("--compile-commands", a->compile_commands,
                 "compile_commands.json: parse the C/C++ files it lists with their flags and includes");
  app.add_option("--clone-min-tokens", a->clone_min_tokens, "Duplication: shortest clone, in tokens")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{10}, int64_t{100000}));
  app.add_option("--clone-min-lines", a->clone_min_lines, "Duplication: shortest clone, in lines")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{1}, int64_t{100000}));
  return [a] { return run(*a); };
}

}  // namespace rh
