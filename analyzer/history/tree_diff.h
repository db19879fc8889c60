#pragma once
// The changes of one commit: its tree compared with its first parent's, by tree and blob ids
// (no blob is opened for that). Renames: identical blob ids are paired first (as git does,
// cheap at any size); the files left are compared by content with git_diff_find_similar unless
// that would mean more than a million pairs (git's diff.renameLimit of 1000 squared). Lines are
// counted (blobs opened) only when asked, i.e. inside the line window.
#include <git2.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/message.h"
#include "history/git_handles.h"

namespace rh::history {

enum class ChangeKind { added, deleted, modified, renamed };

struct FileChange {
  ChangeKind kind = ChangeKind::modified;
  std::string old_path;  ///< before the commit (renames and deletions)
  std::string path;      ///< after the commit (empty for deletions)
  int64_t lines_added = 0;
  int64_t lines_deleted = 0;
  bool binary = false;   ///< set when lines were counted and the file is binary
  bool lines = false;    ///< lines_added / lines_deleted were counted
};

struct CommitChanges {
  std::vector<FileChange> files;
  int64_t unreadable_blobs = 0;  ///< changes whose lines could not be counted
  bool renames_unknown = false;  ///< content rename detection failed (a blob is missing)
  bool renames_skipped = false;  ///< too many added and deleted files to compare contents
};

/// Diffs commits of one repository.
class TreeDiffer {
 public:
  explicit TreeDiffer(git_repository* repo) : repo_(repo) {}
  /// Changes from `parent_tree` (null: the empty tree) to `tree`. False (with a message in
  /// `error`) when a tree cannot be read.
  bool diff(const git_oid* parent_tree, const git_oid& tree, bool count_lines, CommitChanges& out,
            Message& error);

 private:
  git_repository* repo_;
  TreePtr kept_;  ///< the last parent tree, often the next tree asked for
  git_oid kept_id_{};
};

}  // namespace rh::history
