#pragma once
// Per-file facts gathered while the walk goes from the newest commit to the oldest: changes,
// lines, dates, and each author's part. Renames hand a file's older history to its new path.
// Memory: one record per file present at the revision and one entry per (file, author).
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "history/tree_diff.h"
#include "history/walk.h"

namespace rh::history {

/// One author's part in one file (authors are canonical IdentityTable indices).
struct Contribution {
  int32_t author = -1;
  int64_t commits = 0;     ///< commits changing the file, creation included
  int64_t deliveries = 0;  ///< commits changing it other than creating it (DOA's DL)
  int64_t lines_added = 0;
  int64_t lines_deleted = 0;
  bool first_author = false;  ///< created or re-created it (DOA's FA)
};

struct FileRecord {
  std::string path;
  std::vector<std::string> former_paths;  ///< most recent first
  int64_t commits = 0;
  int64_t lines_added = 0;
  int64_t lines_deleted = 0;
  int64_t first_time = INT64_MAX;
  int64_t last_time = INT64_MIN;
  int32_t creator = -1;      ///< author of the oldest creation, -1 when no person created it
  int64_t deliveries = 0;    ///< sum of the contributions' deliveries
  std::vector<Contribution> contributions;
  int64_t last_commit_seen = -1;  ///< walk position of the last commit counted (one count per commit)
};

class FileTracker {
 public:
  /// `paths`: the files present at the revision; a file's id is its position.
  explicit FileTracker(const std::vector<std::string>& paths);

  /// Records one commit. `author` is the person it counts for, or -1 when it is no authorship
  /// (a bot, an ignored revision). Appends the ids of present files it changed to `changed`.
  void add_commit(const CommitChanges& changes, int64_t time, int32_t author,
                  std::vector<int32_t>& changed);

  const std::vector<FileRecord>& files() const { return files_; }

 private:
  int32_t lookup(const std::string& path) const;
  std::vector<FileRecord> files_;
  int64_t commits_seen_ = 0;
  /// Path -> present file its history belongs to at the current point of the walk
  /// (-1: a path whose history belongs to no present file).
  std::unordered_map<std::string, int32_t> path_to_file_;
};

}  // namespace rh::history
