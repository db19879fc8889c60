#pragma once
// The git side of FileSource, through libgit2 only (never a git subprocess): the tree of a commit
// read from the object database (no checkout; bare, shallow, empty and damaged repositories
// included), and a repository's working tree walked with git's ignore rules.
#include <filesystem>
#include <memory>

#include "core/file_source.h"

namespace rh {

/// Opens the source for `root` (a canonical, existing folder) when it is inside a git
/// repository: the tree of options.rev (HEAD when empty) limited to `root`, or with
/// options.worktree the working tree below `root`. Returns a null pointer when `root` is not
/// inside a git repository, an Error naming the path or revision when the repository or the
/// revision cannot be used. Fills `info` (never null).
Result<std::unique_ptr<FileSource>> open_git_source(const std::filesystem::path& root,
                                                    const SourceOptions& options,
                                                    SourceInfo* info);

/// Makes libgit2 ready (once per process). Repository ownership checks are off: repohealth
/// only reads objects and never runs anything a repository's configuration names.
void ensure_libgit2();

}  // namespace rh
