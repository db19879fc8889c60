#pragma once
// Owning handles for libgit2 objects (freed on scope exit) and small helpers shared by the
// history units. libgit2 only: the history never runs a git subprocess.
#include <git2.h>

#include "core/git_ptr.h"

#include <cstring>
#include <functional>
#include <memory>
#include <string>

namespace rh::history {

using rh::GitPtr;
using rh::git_error_text;
using rh::oid_hex;

using RepoPtr = GitPtr<git_repository, git_repository_free>;
using CommitPtr = GitPtr<git_commit, git_commit_free>;
using TreePtr = GitPtr<git_tree, git_tree_free>;
using DiffPtr = GitPtr<git_diff, git_diff_free>;
using PatchPtr = GitPtr<git_patch, git_patch_free>;
using ObjectPtr = GitPtr<git_object, git_object_free>;
using ReferencePtr = GitPtr<git_reference, git_reference_free>;
using BlobPtr = GitPtr<git_blob, git_blob_free>;
using TagPtr = GitPtr<git_tag, git_tag_free>;
using MailmapPtr = GitPtr<git_mailmap, git_mailmap_free>;
using TreeEntryPtr = GitPtr<git_tree_entry, git_tree_entry_free>;

/// The scanned folder relative to the working tree, "" or ending in '/' (history.cpp).
std::string folder_prefix(git_repository* repo, const std::string& path);

struct OidHash {
  size_t operator()(const git_oid& id) const {
    size_t h;
    std::memcpy(&h, id.id, sizeof h);
    return h;
  }
};
struct OidEqual {
  bool operator()(const git_oid& a, const git_oid& b) const { return git_oid_equal(&a, &b); }
};

/// Reads a blob at `path` in `tree` (nullptr when absent or unreadable).
inline BlobPtr blob_at(git_repository* repo, git_tree* tree, const char* path) {
  git_tree_entry* raw = nullptr;
  if (!tree || git_tree_entry_bypath(&raw, tree, path) != 0) return nullptr;
  TreeEntryPtr entry(raw);
  if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB) return nullptr;
  git_blob* blob = nullptr;
  if (git_blob_lookup(&blob, repo, git_tree_entry_id(entry.get())) != 0) return nullptr;
  return BlobPtr(blob);
}

inline std::string blob_text(git_blob* blob) {
  return std::string(static_cast<const char*>(git_blob_rawcontent(blob)),
                     static_cast<size_t>(git_blob_rawsize(blob)));
}

}  // namespace rh::history
