#include "cli/pipeline.h"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_group.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "core/classify.h"
#include "core/dates.h"
#include "core/file_source.h"
#include "cache/build_identity.h"
#include "cache/file_cache.h"
#include "cli/cached_analysis.h"
#include "cli/duplication_step.h"
#include "cli/file_analysis.h"
#include "cli/health_step.h"
#include "cli/new_code_step.h"
#include "cli/progress.h"
#include "lang/clang_frontend.h"
#include "engine/scan_rules.h"
#include "health/licence_match.h"
#include "history/people_privacy.h"

namespace rh {
namespace {

std::string iso_utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

ScanOutcome run_scan(const ScanRequest& request) {
  ScanOutcome outcome;
  const auto started = std::chrono::steady_clock::now();
  ScanResult& result = outcome.result;
  result.scan.tool_version = REPOHEALTH_VERSION;
  {  // absolute, so that reports name the repository and `report` finds its files from anywhere
    std::error_code ec;
    std::filesystem::path root = std::filesystem::absolute(request.root, ec).lexically_normal();
    std::string text = ec ? request.root : root.string();
    while (text.size() > 1 && text.back() == '/') text.pop_back();
    result.scan.root = text;
  }
  result.scan.revision_spec = request.worktree ? "" : (request.rev.empty() ? "HEAD" : request.rev);
  result.scan.started_at = iso_utc_now();
  {
    auto as_of = normalise_as_of(request.as_of.empty() ? today_utc() : request.as_of);
    if (!as_of) {
      outcome.error = {ScanError::Kind::usage,
                       "--as-of '" + request.as_of + "' is not a date (use YYYY-MM-DD or an ISO 8601 timestamp)"};
      return outcome;
    }
    result.scan.as_of = *as_of;
  }
  result.scan.show_emails = request.show_emails;

  SourceInfo info;
  auto source = open_source(SourceOptions{request.root, request.rev, request.worktree}, &info);
  if (!source) {
    outcome.error = {ScanError::Kind::usage, source.error().message};
    return outcome;
  }
  result.scan.source = info.kind;
  result.scan.revision = info.revision;
  result.scan.branch = info.branch;
  for (const auto& note : info.notes) result.notifications.push_back(notification("note", "", note));

  auto listing = (*source)->list();
  if (!listing) {
    outcome.error = {ScanError::Kind::analysis, listing.error().message};
    return outcome;
  }
  // A file whose object the listing could not find (a missing blob) is noted once, here; it is
  // recorded as skipped ("unreadable") rather than read again and noted a second time.
  std::map<std::string, std::string> listing_problems;
  for (const auto& note : listing->notes) {
    result.notifications.push_back(notification("warning", note.path, note.message));
    listing_problems.emplace(note.path, english(note.message));
  }

  std::optional<NewCode> new_code;
  if (!request.new_since.empty()) {
    auto changes = prepare_new_code(request);
    if (!changes) {
      outcome.error = {ScanError::Kind::usage, changes.error().message};
      return outcome;
    }
    new_code = std::move(*changes);
  }

  // Entry-level skips first (no reading), then the files to analyse.
  std::vector<const SourceEntry*> todo;
  for (const auto& entry : listing->entries) {
    if (request.only_paths && !request.only_paths->count(entry.path)) continue;
    if (auto problem = listing_problems.find(entry.path);
        problem != listing_problems.end() && entry.kind != SourceEntry::Kind::submodule)
      result.skipped.push_back(SkippedFile{entry.path, "unreadable", problem->second});
    else if (auto skip = skip_by_entry(entry, request.config))
      result.skipped.push_back(std::move(*skip));
    else
      todo.push_back(&entry);
  }

  // Rules are compiled once for the whole scan; a bad rule or config entry is the user's to fix.
  std::optional<ScanRules> compiled;
  const ScanRules* rules = request.prepared_rules;
  if (!rules) {
    auto prepared = prepare_scan_rules(request.config, request.rule_folders, request.baseline);
    if (!prepared) {
      outcome.error = {ScanError::Kind::usage, prepared.error().message};
      return outcome;
    }
    rules = &compiled.emplace(std::move(*prepared));
  }

  std::shared_ptr<const CompileCommands> compile_commands;
  if (!request.compile_commands.empty()) {
    auto loaded = CompileCommands::load(request.compile_commands, request.root);
    if (!loaded) {
      outcome.error = {ScanError::Kind::usage, loaded.error().message};
      return outcome;
    }
    compile_commands = std::make_shared<const CompileCommands>(std::move(*loaded));
  }
  ScopedCompileCommands compile_scope(compile_commands);  // C/C++ files parse with their flags

  const int jobs = request.jobs > 0 ? request.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  result.scan.jobs = jobs;
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, jobs);
  std::vector<FileOutcome> outcomes(todo.size());
  Progress progress(request.progress);
  progress.phase("parsing", todo.size());
  FileSource& src = **source;
  // The history walk runs beside file analysis, on its own repository handle.
  std::optional<Result<HistoryFacts>> history;
  const bool want_history = request.history && info.is_git && !info.is_empty;
  tbb::task_group background;
  if (want_history) {
    HistoryOptions options = request.history_options;
    if (options.org_mapping.empty()) options.org_mapping = request.config.organisations;
    options.as_of = as_of_instant(result.scan.as_of);
    if (options.cache_dir.empty()) options.cache_dir = request.cache_dir;  // the same folder as the files'
    background.run([&history, &request, options] {
      history.emplace(analyse_history(request.root, request.rev, options));
    });
  }
  if (request.health && !request.only_paths) background.run([] { prepare_licence_texts(); });
  // The per-file cache: looked up by each analysis thread, new results written once after.
  std::unique_ptr<FileCache> file_cache;
  if (!request.cache_note.empty()) result.notifications.push_back(notification("note", "", request.cache_note));
  if (!request.cache_dir.empty()) {
    std::vector<Message> warnings;
    file_cache = FileCache::open(FileCacheOptions{request.cache_dir}, warnings);
    for (auto& w : warnings) result.notifications.push_back(notification("warning", "", std::move(w)));
  }
  CachedAnalysis cached(file_cache.get(),
                        file_cache ? analysis_settings(request.config, request.rule_folders,
                                                       request.cache_tool.empty() ? build_identity() : request.cache_tool)
                                   : "",
                        request.config, rules->rules.get(), compile_commands.get());
  tbb::parallel_for(size_t{0}, todo.size(), [&](size_t i) {
    Progress::File in_analysis = progress.file(todo[i]->path);
    outcomes[i] = cached.analyse(src, *todo[i]);
  });
  result.scan.cache = cached.finish(result.notifications);
  if (want_history) progress.phase("history");
  background.wait();
  progress.phase("duplication");
  detect_duplication(outcomes, request.clones, result.duplication);

  for (auto& o : outcomes) {
    if (o.facts) result.files.push_back(std::move(*o.facts));
    if (o.skipped) result.skipped.push_back(std::move(*o.skipped));
    for (auto& n : o.notes) result.notifications.push_back(std::move(n));
    for (auto& f : o.findings) result.findings.push_back(std::move(f));
  }
  auto by_path = [](const auto& a, const auto& b) { return a.path < b.path; };
  std::sort(result.files.begin(), result.files.end(), by_path);
  std::sort(result.skipped.begin(), result.skipped.end(), by_path);
  if (history && history->ok()) {
    result.history = std::move(**history);
    compute_hotspots(*result.history, result.files, request.history_options.hotspots_top);
    // Before the health checks, so that their evidence names people as the reports do.
    if (!request.show_emails) hide_emails(*result.history);
  } else if (history) {
    result.notifications.push_back(
        notification("warning", "", msg("scan.history_failed", {text_arg("problem", history->error().message)})));
  } else if (request.history && info.is_empty) {
    result.notifications.push_back(notification("note", "", msg("scan.history_no_commits")));
  } else if (request.history && !info.is_git) {
    result.notifications.push_back(notification("note", "", msg("scan.history_not_git")));
  }
  // Health checks see the whole listing and the history; the merge-base scan of new-code mode
  // (only_paths) needs findings only.
  progress.phase(request.health && !request.only_paths ? "health" : "rules");
  if (request.health && !request.only_paths) run_health_checks(listing->entries, src, request.config, *rules->rules, result);
  finish_scan_rules(*rules, result);
  score_health_step(request.config, result);
  if (new_code) {
    progress.phase("new code");
    if (auto failed = finish_new_code(request, *rules, std::move(*new_code), result)) {
      outcome.error = *failed;
      return outcome;
    }
  }
  std::stable_sort(result.notifications.begin(), result.notifications.end(), by_path);

  result.scan.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now() - started)
                                .count();
  outcome.ok = true;
  return outcome;
}

}  // namespace rh
