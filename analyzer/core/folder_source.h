#pragma once
// The folder side of FileSource: a walk of a folder on disk that never follows a symbolic link
// (a linked folder is listed as a symlink entry, never entered) and never enters `.git`. What is
// left out is decided by a WalkFilter: the folder's own .gitignore files (plain folders) or git's
// rules (a repository's working tree, git_source.cpp).
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/file_source.h"

namespace rh {

/// Decides, during a folder walk, which paths are left out. Paths are relative to the walk root,
/// '/' separated; "" is the root itself.
class WalkFilter {
 public:
  virtual ~WalkFilter() = default;
  /// The walk entered folder `rel` (on disk at `abs`) and is about to test its entries.
  virtual void enter_folder(const std::string& rel, const std::filesystem::path& abs,
                            std::vector<SourceNote>& notes) = 0;
  /// The walk is done with folder `rel`.
  virtual void leave_folder(const std::string& rel) = 0;
  /// Whether the entry is left out; a folder left out is not entered.
  virtual bool excluded(const std::string& rel, bool is_dir) = 0;
  /// Whether folder `rel` is listed as one submodule entry instead of being walked.
  virtual bool is_submodule(const std::string& /*rel*/, const std::filesystem::path& /*abs*/) {
    return false;
  }
};

/// Leaves out what the .gitignore files found in the walked tree ignore.
std::unique_ptr<WalkFilter> make_gitignore_filter();

/// A source over the folder `root` (canonical, an existing folder). `kind` is "folder" or
/// "worktree". Errors when the folder cannot be opened.
Result<std::unique_ptr<FileSource>> open_folder_source(const std::filesystem::path& root,
                                                       std::unique_ptr<WalkFilter> filter,
                                                       std::string kind);

}  // namespace rh
