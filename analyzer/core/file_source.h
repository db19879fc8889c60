#pragma once
// The one interface through which file contents are read, with two kinds of implementation:
// a git tree at a revision (blobs from the object database, no checkout) and a folder on disk
// (the working tree of a repository honouring .gitignore, or a plain folder).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/message.h"

namespace rh {

struct SourceEntry {
  enum class Kind { regular, symlink, submodule };
  std::string path;  ///< repository-relative, '/' separated, never starting with '/' or "../"
  Kind kind = Kind::regular;
  int64_t size = -1;       ///< bytes; -1 when not known without reading
  std::string blob_id;     ///< hex object id (git sources), empty for folders
  std::string link_target; ///< for symlinks: the target as stored
  bool link_inside = false;///< for symlinks: the target resolves to a file inside the root
};

/// What the source could not provide while listing (missing objects, unreadable folders).
struct SourceNote {
  std::string path;
  Message message;
};

struct SourceListing {
  std::vector<SourceEntry> entries;  ///< sorted by path
  std::vector<SourceNote> notes;
};

class FileSource {
 public:
  virtual ~FileSource() = default;
  /// Lists every file (never directories, never anything under .git/).
  virtual Result<SourceListing> list() = 0;
  /// Reads at most max_bytes of a regular entry (or of the file a link_inside symlink names).
  virtual Result<std::string> read(const SourceEntry& entry, int64_t max_bytes) = 0;
  /// "git-tree", "worktree" or "folder".
  virtual std::string kind() const = 0;
};

struct SourceOptions {
  std::string root;     ///< the path the user gave
  std::string rev;      ///< revision for git-tree mode ("" = HEAD)
  bool worktree = false;///< read the working tree (honouring .gitignore) instead of a git tree
};

/// Facts about the opened location, for ScanInfo.
struct SourceInfo {
  std::string kind;
  std::string revision;  ///< full commit id in git-tree mode
  std::string branch;
  bool is_git = false;
  bool is_bare = false;
  bool is_shallow = false;
  bool is_empty = false;  ///< a git repository with no commits
  std::vector<Message> notes;  ///< things a reviewer should know (shallow, no commits…)
};

/// Opens the right source for a path: a git tree when the path is (inside) a git repository
/// and not in worktree mode, otherwise a folder walk. Errors name the path or revision.
Result<std::unique_ptr<FileSource>> open_source(const SourceOptions& options, SourceInfo* info);

}  // namespace rh
