#pragma once
// The scan pipeline: workspace -> per-file analysis in parallel -> ScanResult.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/error.h"
#include "core/model.h"
#include "engine/scan_rules.h"
#include "history/history.h"
#include "metrics/clones.h"

namespace rh {

struct ScanRequest {
  std::string root;
  std::string rev;        ///< "" = HEAD
  bool worktree = false;  ///< analyse the working tree instead of the committed tree
  int jobs = 0;           ///< 0 = all cores
  bool progress = false;  ///< draw a progress line on stderr
  Config config;
  bool history = true;  ///< walk the git history (concurrently with file analysis)
  bool health = true;   ///< run the repository health checks and score (--no-health turns off)
  std::vector<std::string> rule_folders;  ///< user rule folders (--rules), besides the config's
  std::string baseline;                   ///< baseline file (--baseline), overrides the config's
  HistoryOptions history_options;
  std::string compile_commands;  ///< compile_commands.json for C/C++ (--compile-commands), or ""
  CloneOptions clones;           ///< clone detection thresholds
  std::string new_since;         ///< --new-since REF: classify findings as new or unchanged
  /// --as-of: the reference date every window ends at ("YYYY-MM-DD" or an ISO timestamp);
  /// "" = the day of the scan (UTC). Recorded as scan.as_of.
  std::string as_of;
  /// --show-emails: keep people's e-mail addresses in the facts (and so in the reports); without
  /// it people are named by their names only (history/people_privacy.h).
  bool show_emails = false;
  /// Analyse only these paths (the merge-base scan of new-code mode); others are left out
  /// silently, not listed as skipped.
  std::optional<std::set<std::string>> only_paths;
  /// Rules already compiled for this configuration (the merge-base scan of new-code mode reuses
  /// the head scan's); null: compile them from config, rule_folders and baseline.
  const ScanRules* prepared_rules = nullptr;
  /// The per-file cache's folder (--cache; docs/cache.md); "" = no cache. `cache_note` is
  /// recorded as a note (why there is none, when the default location was unusable).
  std::string cache_dir;
  Message cache_note;
  /// What identifies the analysing build in cache keys; "" = build_identity(). Tests inject it.
  std::string cache_tool;
};

/// Why a scan could not produce a result: usage (bad path, unknown revision) -> exit 2, or the
/// analysis itself failed -> exit 3.
struct ScanError {
  enum class Kind { usage, analysis } kind;
  std::string message;
};

struct ScanOutcome {
  bool ok = false;
  ScanResult result;
  ScanError error{ScanError::Kind::analysis, ""};
};

ScanOutcome run_scan(const ScanRequest& request);

}  // namespace rh
