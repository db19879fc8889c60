#include "history/tree_diff.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "history/git_handles.h"

namespace rh::history {
namespace {

constexpr size_t kMaxRenamePairs = 1000 * 1000;
/// git's default: a file is renamed when at least 50 % of it is kept (diff.renames, -M50%).
constexpr uint16_t kRenameSimilarity = 50;

/// A change with what is needed to count its lines later.
struct Entry {
  FileChange change;
  git_oid old_id{};
  git_oid new_id{};
  uint32_t old_mode = 0;
  uint32_t new_mode = 0;
  bool dropped = false;  ///< the deleted side of a rename
};

std::string_view base_name(std::string_view p) {
  size_t slash = p.rfind('/');
  return slash == std::string_view::npos ? p : p.substr(slash + 1);
}

bool same_kind(uint32_t a, uint32_t b) {
  return (a == GIT_FILEMODE_LINK) == (b == GIT_FILEMODE_LINK);
}

/// Lines added and deleted between two blobs (a null id: no blob). The contents are compared
/// as buffers, so no .gitattributes (of the working tree or elsewhere) is consulted: the result
/// depends on the revision only. Binary is detected from the content, as git does.
void count_lines_of(git_repository* repo, const git_oid* old_id, const git_oid* new_id,
                    FileChange& fc, int64_t& unreadable) {
  BlobPtr old_blob, new_blob;
  for (auto [id, blob] : {std::pair{old_id, &old_blob}, std::pair{new_id, &new_blob}}) {
    if (!id || git_oid_is_zero(id)) continue;
    git_blob* raw = nullptr;
    if (git_blob_lookup(&raw, repo, id) != 0) {
      unreadable += 1;  // a blob is missing from the object database
      git_error_clear();
      return;
    }
    blob->reset(raw);
  }
  if ((old_blob && git_blob_is_binary(old_blob.get())) ||
      (new_blob && git_blob_is_binary(new_blob.get()))) {
    fc.binary = true;
    fc.lines = true;
    return;
  }
  // Counted from the hunk headers of a diff without context: no line callbacks, no patch object.
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.context_lines = 0;
  opts.interhunk_lines = 0;
  struct Counts {
    size_t added = 0, deleted = 0;
  } counts;
  auto hunk = [](const git_diff_delta*, const git_diff_hunk* h, void* payload) -> int {
    auto* c = static_cast<Counts*>(payload);
    c->added += static_cast<size_t>(h->new_lines);
    c->deleted += static_cast<size_t>(h->old_lines);
    return 0;
  };
  // Blobs, not buffers: git_diff_buffers hashes both contents again (two thirds of its time).
  // Without paths no attributes are looked up (libgit2 uses the "auto" driver).
  if (git_diff_blobs(old_blob.get(), nullptr, new_blob.get(), nullptr, &opts, nullptr, nullptr,
                     hunk, nullptr, &counts) != 0) {
    unreadable += 1;
    git_error_clear();
    return;
  }
  fc.lines_added = static_cast<int64_t>(counts.added);
  fc.lines_deleted = static_cast<int64_t>(counts.deleted);
  fc.lines = true;
}

/// Compares two trees (either may be null: empty) entry by entry in git's tree order, going
/// into subtrees only when their ids differ (what git's own tree diff does). Appends one Entry
/// per added, deleted or modified blob; submodules are skipped. False when a subtree is missing.
class TreeWalker {
 public:
  TreeWalker(git_repository* repo, std::vector<Entry>& out) : repo_(repo), out_(out) {}

  bool compare(const git_tree* a, const git_tree* b, const std::string& prefix) {
    const size_t na = a ? git_tree_entrycount(a) : 0;
    const size_t nb = b ? git_tree_entrycount(b) : 0;
    size_t i = 0, j = 0;
    while (i < na || j < nb) {
      const git_tree_entry* ea = i < na ? git_tree_entry_byindex(a, i) : nullptr;
      const git_tree_entry* eb = j < nb ? git_tree_entry_byindex(b, j) : nullptr;
      int c = !ea ? 1 : !eb ? -1 : order(ea, eb);
      if (c < 0) {
        if (!side(ea, prefix, true)) return false;
        ++i;
      } else if (c > 0) {
        if (!side(eb, prefix, false)) return false;
        ++j;
      } else {
        if (!both(ea, eb, prefix)) return false;
        ++i;
        ++j;
      }
    }
    return true;
  }
  std::string missing;  ///< id of a tree that could not be read

 private:
  static bool is_tree(const git_tree_entry* e) { return git_tree_entry_type(e) == GIT_OBJECT_TREE; }
  static bool is_blob(const git_tree_entry* e) { return git_tree_entry_type(e) == GIT_OBJECT_BLOB; }

  /// git's tree order (base_name_compare): names compared bytewise, a tree's name as if it
  /// ended with '/'. 0 only for the same name and kind (tree or not).
  static int order(const git_tree_entry* a, const git_tree_entry* b) {
    std::string_view x = git_tree_entry_name(a), y = git_tree_entry_name(b);
    const size_t len = std::min(x.size(), y.size());
    if (int c = x.substr(0, len).compare(y.substr(0, len)); c != 0) return c < 0 ? -1 : 1;
    auto next = [&](std::string_view n, const git_tree_entry* e) -> unsigned char {
      return n.size() > len ? static_cast<unsigned char>(n[len]) : is_tree(e) ? '/' : 0;
    };
    unsigned char cx = next(x, a), cy = next(y, b);
    return cx < cy ? -1 : cx > cy ? 1 : 0;
  }

  TreePtr lookup(const git_tree_entry* e) {
    git_tree* t = nullptr;
    if (git_tree_lookup(&t, repo_, git_tree_entry_id(e)) != 0) {
      missing = oid_hex(*git_tree_entry_id(e));
      git_error_clear();
      return nullptr;
    }
    return TreePtr(t);
  }

  /// An entry on one side only: a whole subtree or a blob added or deleted.
  bool side(const git_tree_entry* e, const std::string& prefix, bool deleted) {
    std::string path = prefix + git_tree_entry_name(e);
    if (is_tree(e)) {
      TreePtr t = lookup(e);
      if (!t) return false;
      return deleted ? compare(t.get(), nullptr, path + "/") : compare(nullptr, t.get(), path + "/");
    }
    if (!is_blob(e)) return true;  // submodule
    Entry x;
    if (deleted) {
      x.change.kind = ChangeKind::deleted;
      x.change.old_path = std::move(path);
      x.old_id = *git_tree_entry_id(e);
      x.old_mode = git_tree_entry_filemode(e);
    } else {
      x.change.kind = ChangeKind::added;
      x.change.path = std::move(path);
      x.new_id = *git_tree_entry_id(e);
      x.new_mode = git_tree_entry_filemode(e);
    }
    out_.push_back(std::move(x));
    return true;
  }

  bool both(const git_tree_entry* a, const git_tree_entry* b, const std::string& prefix) {
    const bool same_id = git_oid_equal(git_tree_entry_id(a), git_tree_entry_id(b));
    if (is_tree(a) && is_tree(b)) {
      if (same_id) return true;
      TreePtr ta = lookup(a), tb = lookup(b);
      if (!ta || !tb) return false;
      return compare(ta.get(), tb.get(), prefix + git_tree_entry_name(a) + "/");
    }
    if (is_blob(a) && is_blob(b)) {
      if (same_id && git_tree_entry_filemode(a) == git_tree_entry_filemode(b)) return true;
      Entry x;
      x.change.kind = ChangeKind::modified;
      x.change.old_path = x.change.path = prefix + git_tree_entry_name(a);
      x.old_id = *git_tree_entry_id(a);
      x.new_id = *git_tree_entry_id(b);
      x.old_mode = git_tree_entry_filemode(a);
      x.new_mode = git_tree_entry_filemode(b);
      out_.push_back(std::move(x));
      return true;
    }
    // A blob replaced by a submodule or the reverse: only the blob side is a file.
    return (is_blob(a) ? side(a, prefix, true) : true) && (is_blob(b) ? side(b, prefix, false) : true);
  }

  git_repository* repo_;
  std::vector<Entry>& out_;
};

}  // namespace

bool TreeDiffer::diff(const git_oid* parent_tree, const git_oid& tree, bool count_lines,
                      CommitChanges& out, Message& error) {
  out = CommitChanges{};
  // The parent's tree of one commit is usually the tree of the next one diffed: keep it.
  auto take = [&](const git_oid& id, TreePtr& out) {
    if (kept_ && git_oid_equal(&kept_id_, &id)) {
      out = std::move(kept_);
      return true;
    }
    git_tree* raw = nullptr;
    if (git_tree_lookup(&raw, repo_, &id) != 0) return false;
    out.reset(raw);
    return true;
  };
  TreePtr new_tree, old_tree;
  if (!take(tree, new_tree)) {
    error = msg("history.tree_missing", {text_arg("tree", oid_hex(tree)), text_arg("problem", git_error_text())});
    return false;
  }
  if (parent_tree && !take(*parent_tree, old_tree)) {
    error = msg("history.parent_tree_missing", {text_arg("tree", oid_hex(*parent_tree)), text_arg("problem", git_error_text())});
    return false;
  }

  std::vector<Entry> entries;
  TreeWalker walker(repo_, entries);
  if (!walker.compare(old_tree.get(), new_tree.get(), "")) {
    error = msg("history.subtree_missing", {text_arg("tree", walker.missing), text_arg("parent", oid_hex(tree))});
    return false;
  }
  std::vector<size_t> added, deleted;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].change.kind == ChangeKind::added) added.push_back(i);
    if (entries[i].change.kind == ChangeKind::deleted) deleted.push_back(i);
  }

  auto make_rename = [&](Entry& to, Entry& from) {
    to.change.kind = ChangeKind::renamed;
    to.change.old_path = from.change.old_path;
    to.old_id = from.old_id;
    from.dropped = true;
  };

  if (!added.empty() && !deleted.empty()) {
    // 1. Exact renames: the same blob id (empty files are not paired; a same-named file first).
    git_oid empty_blob;
    git_oid_fromstr(&empty_blob, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
    std::unordered_map<git_oid, std::vector<size_t>, OidHash, OidEqual> deleted_by_id;
    for (size_t k : deleted)
      if (!git_oid_equal(&entries[k].old_id, &empty_blob))
        deleted_by_id[entries[k].old_id].push_back(k);
    std::vector<size_t> added_left;
    for (size_t a : added) {
      auto it = deleted_by_id.find(entries[a].new_id);
      if (it == deleted_by_id.end()) {
        added_left.push_back(a);
        continue;
      }
      auto& candidates = it->second;
      size_t pick = candidates.size();
      for (size_t c = 0; c < candidates.size(); ++c) {
        const Entry& del = entries[candidates[c]];
        if (!same_kind(del.old_mode, entries[a].new_mode)) continue;
        if (pick == candidates.size()) pick = c;
        if (base_name(del.change.old_path) == base_name(entries[a].change.path)) {
          pick = c;
          break;
        }
      }
      if (pick == candidates.size()) {
        added_left.push_back(a);
        continue;
      }
      make_rename(entries[a], entries[candidates[pick]]);
      candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(pick));
      if (candidates.empty()) deleted_by_id.erase(it);
    }
    std::vector<size_t> deleted_left;
    for (size_t k : deleted)
      if (!entries[k].dropped) deleted_left.push_back(k);

    // 2. Renames with edits, by content, among the files left.
    if (!added_left.empty() && !deleted_left.empty()) {
      if (added_left.size() * deleted_left.size() > kMaxRenamePairs) {
        out.renames_skipped = true;
      } else {
        std::vector<const char*> paths;
        std::unordered_map<std::string, size_t> by_new, by_old;
        for (size_t a : added_left) {
          paths.push_back(entries[a].change.path.c_str());
          by_new[entries[a].change.path] = a;
        }
        for (size_t k : deleted_left) {
          paths.push_back(entries[k].change.old_path.c_str());
          by_old[entries[k].change.old_path] = k;
        }
        git_diff_options sub = GIT_DIFF_OPTIONS_INIT;
        sub.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH | GIT_DIFF_SKIP_BINARY_CHECK;
        sub.pathspec.strings = const_cast<char**>(paths.data());
        sub.pathspec.count = paths.size();
        git_diff* raw_sub = nullptr;
        git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
        find.flags = GIT_DIFF_FIND_RENAMES;
        find.rename_threshold = kRenameSimilarity;
        find.rename_limit = 1000;
        int rc = git_diff_tree_to_tree(&raw_sub, repo_, old_tree.get(), new_tree.get(), &sub);
        DiffPtr rename_diff(rc == 0 ? raw_sub : nullptr);
        if (rc == 0) rc = git_diff_find_similar(raw_sub, &find);
        if (rc != 0) {
          out.renames_unknown = true;
          git_error_clear();
        } else {
          for (size_t i = 0; i < git_diff_num_deltas(raw_sub); ++i) {
            const git_diff_delta* d = git_diff_get_delta(raw_sub, i);
            if (d->status != GIT_DELTA_RENAMED) continue;
            auto to = by_new.find(d->new_file.path);
            auto from = by_old.find(d->old_file.path);
            if (to == by_new.end() || from == by_old.end()) continue;
            make_rename(entries[to->second], entries[from->second]);
          }
        }
      }
    }
  }

  if (parent_tree) {
    kept_id_ = *parent_tree;
    kept_ = std::move(old_tree);
  }
  out.files.reserve(entries.size());
  for (Entry& e : entries) {
    if (e.dropped) continue;
    if (count_lines) {
      if (git_oid_equal(&e.old_id, &e.new_id))
        e.change.lines = true;  // identical content (exact rename, mode change): no lines
      else
        count_lines_of(repo_, e.change.kind == ChangeKind::added ? nullptr : &e.old_id,
                       e.change.kind == ChangeKind::deleted ? nullptr : &e.new_id, e.change,
                       out.unreadable_blobs);
    }
    out.files.push_back(std::move(e.change));
  }
  return true;
}

}  // namespace rh::history
