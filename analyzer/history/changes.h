#pragma once
// What changed between a reference and the analysed revision, for new-code mode
// (`scan --new-since REF`): the merge base of the two, and each added or changed file with the
// lines added or changed on the new side (libgit2 tree-to-tree diff, renames followed).
#include <string>

#include "core/error.h"
#include "core/gate_model.h"

namespace rh {

/// `rev` "" = HEAD. Paths are relative to `repo_path` when it is a folder inside the working
/// tree (files outside it are left out). Errors: not a repository, unknown REF or revision
/// (usage errors), no common history.
Result<NewCode> changes_since(const std::string& repo_path, const std::string& rev, const std::string& since_ref);

/// Whether any of the lines [start, end] lies in `file`'s changed ranges.
bool touches_changed_lines(const ChangedFile& file, int64_t start, int64_t end);

}  // namespace rh
