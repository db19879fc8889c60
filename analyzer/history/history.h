#pragma once
// The ownership half of repohealth: one walk of a repository's git history (libgit2 only) giving
// per-file history, ownership and truck factor, organisations, temporal coupling, and release and
// traceability practice. Definitions: docs/history.md.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/model.h"

namespace rh {

struct HistoryOptions {
  bool first_parent = false;   ///< follow first parents only (merges then stand for their branch)
  std::string since;           ///< ISO date; commits with an older commit date are left out
  int64_t max_commits = 0;     ///< newest N commits only; 0 = all
  bool lines_all = false;      ///< --history-lines all: count lines over all history
  int line_window_months = 12; ///< else lines are counted for commits this recent
  bool include_bots = false;   ///< count bots as people
  bool merge_aliases = true;   ///< one person: identical names with different e-mail addresses
  std::vector<std::pair<std::string, std::string>> org_mapping;  ///< domain -> organisation
  int hotspots_top = 20;      ///< for the caller of compute_hotspots (analyse_history ignores it)
  /// The reference instant every window ends at (seconds since 1970, UTC): `scan` always sets it
  /// from scan.as_of (as_of_instant). Unset: the revision's commit date.
  std::optional<int64_t> as_of;
  /// Folder of the history cache (history-v1.sqlite: each commit's changes, so a later scan
  /// diffs only new commits; docs/history.md). Empty: no cache.
  std::string cache_dir;
};

/// What one walk did, for tests and benchmarks (not part of the facts).
struct HistoryRunStats {
  int64_t commits_diffed = 0;      ///< commits whose trees were compared
  int64_t commits_from_cache = 0;  ///< commits whose changes came from the history cache
  int64_t commits_read = 0;        ///< commit objects read from git (the others: from the cache)
};

/// Walks the history of `rev` ("" = HEAD) in the repository containing `repo_path`. Errors: not a
/// git repository, unknown revision, bad --since. A repository without commits gives empty facts
/// with a note; damaged or shallow history gives what can be read, with notes.
Result<HistoryFacts> analyse_history(const std::string& repo_path, const std::string& rev,
                                     const HistoryOptions& options,
                                     HistoryRunStats* stats = nullptr);

/// Joins history with the file metrics, run once both are done: hotspots (commits x sum of
/// cyclomatic complexity, the top `top_n`) and the line-weighted knowledge loss.
void compute_hotspots(HistoryFacts& history, const std::vector<FileFacts>& files, int top_n);

}  // namespace rh
