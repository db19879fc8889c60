#pragma once
// The cache folder's safety rules, shared by every cache kept in it (the per-file cache, the
// history cache): folders private to the user, and database files that are plain files.
#include <string>

#include "core/message.h"

namespace rh {

/// mkdir -p, new folders 0700 (the cache holds facts about private code). False, with `why`,
/// when a folder cannot be created or the path is not a folder.
bool make_dirs(const std::string& dir, Message& why);

/// The database `file` and its companions (-wal, -shm, -journal) must be plain files: a link
/// planted in the cache folder is removed (the link only, never what it names) rather than
/// written through. True, with `what`, when something was removed.
bool remove_non_files(const std::string& file, Message& what);

}  // namespace rh
