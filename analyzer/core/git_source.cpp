#include "core/git_source.h"

#include <git2.h>
#include <sys/stat.h>

#include <algorithm>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/folder_source.h"
#include "core/git_ptr.h"

namespace rh {
namespace fs = std::filesystem;
namespace {

/// Deeper trees are not walked (and noted): protects the stack against hostile repositories.
constexpr int kMaxTreeDepth = 1024;
/// A symbolic link's target longer than this is cut (PATH_MAX on Linux).
constexpr size_t kMaxLinkTarget = 4096;

using RepoPtr = GitPtr<git_repository, git_repository_free>;
using ObjectPtr = GitPtr<git_object, git_object_free>;
using TreePtr = GitPtr<git_tree, git_tree_free>;
using BlobPtr = GitPtr<git_blob, git_blob_free>;
using RefPtr = GitPtr<git_reference, git_reference_free>;
using OdbPtr = GitPtr<git_odb, git_odb_free>;
using IndexPtr = GitPtr<git_index, git_index_free>;
using TreeEntryPtr = GitPtr<git_tree_entry, git_tree_entry_free>;

/// What a failed object read means for a note or an error: "object <id> missing" when the
/// object database does not hold it (damaged or partial clone).
Message object_problem(int code, const git_oid* id) {
  if (code == GIT_ENOTFOUND) return msg("source.object_missing", {text_arg("object", oid_hex(*id))});
  return msg("source.object_unreadable", {text_arg("object", oid_hex(*id)), text_arg("problem", git_error_text())});
}

std::string join_rel(const std::string& folder, std::string_view name) {
  return folder.empty() ? std::string(name) : folder + "/" + std::string(name);
}

bool is_dot_git(std::string_view name) {
  if (name.size() != 4 || name[0] != '.') return false;
  for (size_t i = 1; i < 4; ++i)
    if ((name[i] | 0x20) != ".git"[i]) return false;
  return true;
}

/// Tree entry names a checkout could not write safely; a hostile tree may hold them.
bool is_safe_name(std::string_view name) {
  return !name.empty() && name != "." && name != ".." && !is_dot_git(name) &&
         name.find('/') == std::string_view::npos;
}

/// The path (relative to the listed root) a symbolic link at `link_path` names, when it stays
/// inside the root: relative target, no escape through "..", no .git component.
std::optional<std::string> resolve_link(std::string_view link_path, std::string_view target) {
  if (target.empty() || target.front() == '/' || target.find('\0') != std::string_view::npos)
    return std::nullopt;
  std::vector<std::string_view> parts;
  auto split_into = [&](std::string_view text, bool dots) {
    while (!text.empty()) {
      size_t slash = text.find('/');
      std::string_view part = text.substr(0, slash);
      text.remove_prefix(slash == std::string_view::npos ? text.size() : slash + 1);
      if (part.empty() || (dots && part == ".")) continue;
      if (dots && part == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else {
        parts.push_back(part);
      }
    }
    return true;
  };
  size_t slash = link_path.rfind('/');
  if (slash != std::string_view::npos) split_into(link_path.substr(0, slash), false);
  if (!split_into(target, true) || parts.empty()) return std::nullopt;
  std::string out;
  for (std::string_view part : parts) {
    if (is_dot_git(part)) return std::nullopt;
    if (!out.empty()) out += '/';
    out += part;
  }
  return out;
}

/// libgit2 objects must not be used by two threads at once: each reader borrows its own handle
/// on the same repository, and gives it back when done.
class RepoPool {
 public:
  class Lease {
   public:
    Lease(RepoPool* pool, RepoPtr repo) : pool_(pool), repo_(std::move(repo)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (repo_) pool_->give_back(std::move(repo_));
    }
    git_repository* get() const { return repo_.get(); }

   private:
    RepoPool* pool_;
    RepoPtr repo_;
  };

  RepoPool(std::string git_dir, RepoPtr first) : git_dir_(std::move(git_dir)) {
    idle_.push_back(std::move(first));
  }

  Result<Lease> borrow() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!idle_.empty()) {
        RepoPtr repo = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(repo));
      }
    }
    git_repository* repo = nullptr;
    if (git_repository_open_ext(&repo, git_dir_.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH,
                                nullptr) != 0)
      return Error{"cannot open the git repository " + git_dir_ + ": " + git_error_text()};
    return Lease(this, RepoPtr(repo));
  }

 private:
  void give_back(RepoPtr repo) {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(repo));
  }

  std::string git_dir_;
  std::mutex mutex_;
  std::vector<RepoPtr> idle_;
};

/// The files of one tree (a commit's root tree or one of its folders), read from the object
/// database.
class GitTreeSource : public FileSource {
 public:
  GitTreeSource(std::unique_ptr<RepoPool> pool, std::optional<git_oid> tree)
      : pool_(std::move(pool)), tree_(tree) {}

  Result<SourceListing> list() override {
    SourceListing listing;
    if (!tree_) return listing;
    auto lease = pool_->borrow();
    if (!lease) return lease.error();
    git_repository* repo = lease->get();
    git_tree* raw_tree = nullptr;
    if (int rc = git_tree_lookup(&raw_tree, repo, &*tree_); rc != 0)
      return Error{"cannot list the tree: " + english(object_problem(rc, &*tree_))};
    TreePtr tree(raw_tree);
    git_odb* raw_odb = nullptr;
    if (git_repository_odb(&raw_odb, repo) != 0)
      return Error{"cannot open the object database: " + git_error_text()};
    OdbPtr odb(raw_odb);
    Walk walk{repo, odb.get(), &listing};
    walk_tree(walk, tree.get(), "", 0);
    mark_links_inside(listing.entries);
    std::sort(listing.entries.begin(), listing.entries.end(),
              [](const SourceEntry& a, const SourceEntry& b) { return a.path < b.path; });
    return listing;
  }

  Result<std::string> read(const SourceEntry& entry, int64_t max_bytes) override {
    if (entry.kind == SourceEntry::Kind::submodule)
      return Error{"cannot read " + entry.path + ": it is a submodule"};
    auto lease = pool_->borrow();
    if (!lease) return lease.error();
    git_repository* repo = lease->get();
    git_oid id;
    if (entry.kind == SourceEntry::Kind::symlink) {
      auto target = find_link_target(repo, entry);
      if (!target) return target.error();
      id = *target;
    } else if (entry.blob_id.size() != GIT_OID_HEXSZ ||
               git_oid_fromstrn(&id, entry.blob_id.data(), entry.blob_id.size()) != 0) {
      return Error{"cannot read " + entry.path + ": no object id '" + entry.blob_id + "'"};
    }
    git_blob* raw_blob = nullptr;
    if (int rc = git_blob_lookup(&raw_blob, repo, &id); rc != 0)
      return Error{"cannot read " + entry.path + ": " + english(object_problem(rc, &id))};
    BlobPtr blob(raw_blob);
    auto size = static_cast<uint64_t>(git_blob_rawsize(blob.get()));
    if (max_bytes >= 0) size = std::min(size, static_cast<uint64_t>(max_bytes));
    return std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                       static_cast<size_t>(size));
  }

  std::string kind() const override { return "git-tree"; }

 private:
  struct Walk {
    git_repository* repo;
    git_odb* odb;
    SourceListing* out;
  };

  /// Walks by hand rather than with git_tree_walk, which stops at the first missing tree.
  void walk_tree(Walk& w, const git_tree* tree, const std::string& rel, int depth) {
    size_t count = git_tree_entrycount(tree);
    for (size_t i = 0; i < count; ++i) {
      const git_tree_entry* item = git_tree_entry_byindex(tree, i);
      std::string_view name = git_tree_entry_name(item);
      std::string path = join_rel(rel, name);
      const git_oid* id = git_tree_entry_id(item);
      if (!is_safe_name(name)) {
        w.out->notes.push_back({path, msg("source.unsafe_name")});
        continue;
      }
      SourceEntry entry;
      entry.path = path;
      entry.blob_id = oid_hex(*id);
      switch (git_tree_entry_filemode(item)) {
        case GIT_FILEMODE_TREE: {
          if (depth + 1 >= kMaxTreeDepth) {
            w.out->notes.push_back({path, msg("source.too_deep")});
            continue;
          }
          git_tree* raw_sub = nullptr;
          if (int rc = git_tree_lookup(&raw_sub, w.repo, id); rc != 0) {
            w.out->notes.push_back({path, nest("source.folder_missing", "reason", object_problem(rc, id))});
            continue;
          }
          TreePtr sub(raw_sub);
          walk_tree(w, sub.get(), path, depth + 1);
          continue;
        }
        case GIT_FILEMODE_BLOB:
        case GIT_FILEMODE_BLOB_EXECUTABLE: {
          size_t size = 0;
          git_object_t type = GIT_OBJECT_ANY;
          if (int rc = git_odb_read_header(&size, &type, w.odb, id); rc == 0)
            entry.size = static_cast<int64_t>(size);
          else
            w.out->notes.push_back({path, object_problem(rc, id)});
          break;
        }
        case GIT_FILEMODE_LINK: {
          entry.kind = SourceEntry::Kind::symlink;
          git_blob* raw_blob = nullptr;
          if (int rc = git_blob_lookup(&raw_blob, w.repo, id); rc == 0) {
            BlobPtr blob(raw_blob);
            auto size = static_cast<size_t>(git_blob_rawsize(blob.get()));
            entry.size = static_cast<int64_t>(size);
            entry.link_target.assign(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                                     std::min(size, kMaxLinkTarget));
          } else {
            w.out->notes.push_back({path, object_problem(rc, id)});
          }
          break;
        }
        case GIT_FILEMODE_COMMIT:
          entry.kind = SourceEntry::Kind::submodule;
          break;
        default:
          w.out->notes.push_back({path, msg("source.unknown_mode")});
          continue;
      }
      w.out->entries.push_back(std::move(entry));
    }
  }

  /// A link is inside when its target, taken relative to the link's folder, names a regular
  /// file of the listed tree (a link to a link is not followed further).
  static void mark_links_inside(std::vector<SourceEntry>& entries) {
    std::unordered_set<std::string_view> regular;
    for (const SourceEntry& e : entries)
      if (e.kind == SourceEntry::Kind::regular) regular.insert(e.path);
    for (SourceEntry& e : entries) {
      if (e.kind != SourceEntry::Kind::symlink) continue;
      auto target = resolve_link(e.path, e.link_target);
      e.link_inside = target && regular.count(*target) > 0;
    }
  }

  Result<git_oid> find_link_target(git_repository* repo, const SourceEntry& entry) {
    std::string refused = "cannot read " + entry.path + ": a symbolic link to '" +
                          entry.link_target + "', which is not a file in the scanned tree";
    auto target = resolve_link(entry.path, entry.link_target);
    if (!entry.link_inside || !target || !tree_) return Error{refused};
    git_tree* raw_tree = nullptr;
    if (int rc = git_tree_lookup(&raw_tree, repo, &*tree_); rc != 0)
      return Error{"cannot read " + entry.path + ": " + english(object_problem(rc, &*tree_))};
    TreePtr tree(raw_tree);
    git_tree_entry* raw_item = nullptr;
    if (git_tree_entry_bypath(&raw_item, tree.get(), target->c_str()) != 0) return Error{refused};
    TreeEntryPtr item(raw_item);
    git_filemode_t mode = git_tree_entry_filemode(item.get());
    if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) return Error{refused};
    return *git_tree_entry_id(item.get());
  }

  std::unique_ptr<RepoPool> pool_;
  std::optional<git_oid> tree_;  ///< the listed tree; none for an empty repository
};

/// Git's view of a working tree: tracked files always, untracked ones unless ignored
/// (.gitignore files, .git/info/exclude, core.excludesFile), through libgit2.
class WorktreeFilter : public WalkFilter {
 public:
  /// `prefix` is the walk root relative to the working tree, "" or ending in '/'.
  WorktreeFilter(RepoPtr repo, std::string prefix)
      : repo_(std::move(repo)), prefix_(std::move(prefix)) {}

  Result<bool> load_index() {
    git_index* raw = nullptr;
    if (git_repository_index(&raw, repo_.get()) != 0)
      return Error{"cannot read the git index: " + git_error_text()};
    IndexPtr index(raw);
    size_t count = git_index_entrycount(index.get());
    for (size_t i = 0; i < count; ++i) {
      const git_index_entry* e = git_index_get_byindex(index.get(), i);
      std::string path = e->path;
      if ((e->mode & 0170000) == GIT_FILEMODE_COMMIT) gitlinks_.insert(path);
      for (size_t slash = path.find('/'); slash != std::string::npos;
           slash = path.find('/', slash + 1))
        tracked_dirs_.insert(path.substr(0, slash));
      tracked_.insert(std::move(path));
    }
    return true;
  }

  void enter_folder(const std::string&, const fs::path&, std::vector<SourceNote>&) override {}
  void leave_folder(const std::string&) override {}

  bool excluded(const std::string& rel, bool is_dir) override {
    std::string path = prefix_ + rel;
    if (is_dir ? tracked_dirs_.count(path) || gitlinks_.count(path) : tracked_.count(path))
      return false;
    if (is_dir) path += '/';
    int ignored = 0;
    if (git_ignore_path_is_ignored(&ignored, repo_.get(), path.c_str()) != 0) return false;
    return ignored == 1;
  }

  /// Registered submodules and embedded repositories (a folder holding .git) are not walked.
  bool is_submodule(const std::string& rel, const fs::path& abs) override {
    std::string path = prefix_ + rel;
    if (gitlinks_.count(path)) return true;
    if (tracked_dirs_.count(path)) return false;
    struct stat st {};
    return ::lstat((abs / ".git").c_str(), &st) == 0;
  }

 private:
  RepoPtr repo_;
  std::string prefix_;
  std::unordered_set<std::string> tracked_;
  std::unordered_set<std::string> tracked_dirs_;
  std::unordered_set<std::string> gitlinks_;
};

/// The short name of the branch HEAD is on (also when it has no commit yet), else "".
std::string head_branch(git_repository* repo) {
  git_reference* raw = nullptr;
  if (git_reference_lookup(&raw, repo, "HEAD") != 0) return "";
  RefPtr head(raw);
  if (git_reference_type(head.get()) != GIT_REFERENCE_SYMBOLIC) return "";
  std::string_view target = git_reference_symbolic_target(head.get());
  constexpr std::string_view heads = "refs/heads/";
  if (target.substr(0, heads.size()) != heads) return "";
  return std::string(target.substr(heads.size()));
}

/// `path` relative to `dir` when it is `dir` or below it ("" for `dir` itself).
std::optional<std::string> relative_below(const fs::path& path, const fs::path& dir) {
  fs::path rel = path.lexically_relative(dir);
  if (rel.empty() || *rel.begin() == "..") return std::nullopt;
  if (rel == ".") return std::string();
  return rel.generic_string();
}

fs::path canonical_or_self(const char* path) {
  std::error_code ec;
  fs::path out = fs::canonical(path, ec);
  return ec ? fs::path(path) : out;
}

Result<std::unique_ptr<FileSource>> open_worktree(RepoPtr repo, const fs::path& root,
                                                  SourceInfo* info) {
  info->kind = "worktree";
  const char* workdir = git_repository_workdir(repo.get());
  if (!workdir)
    return Error{root.string() + " is a bare git repository: it has no working tree to read "
                 "(drop --worktree to read its files at a revision)"};
  fs::path work = canonical_or_self(workdir);
  if (relative_below(root, canonical_or_self(git_repository_path(repo.get()))))
    return Error{root.string() + " is inside a git directory, not in a working tree"};
  auto prefix = relative_below(root, work);
  if (!prefix)
    return Error{root.string() + " is not inside the repository's working tree " +
                 work.string()};
  auto filter = std::make_unique<WorktreeFilter>(std::move(repo),
                                                 prefix->empty() ? "" : *prefix + "/");
  if (auto loaded = filter->load_index(); !loaded) return loaded.error();
  return open_folder_source(root, std::move(filter), "worktree");
}

Result<std::unique_ptr<FileSource>> open_tree(RepoPtr repo, const fs::path& root,
                                              const std::string& rev, SourceInfo* info) {
  info->kind = "git-tree";
  std::string git_dir = git_repository_path(repo.get());
  // The folder of the tree to list: `root` relative to the working tree; the whole tree when
  // `root` is the git directory itself (bare repositories) or inside it.
  std::string prefix;
  if (!relative_below(root, canonical_or_self(git_dir.c_str()))) {
    if (const char* workdir = git_repository_workdir(repo.get()))
      prefix = relative_below(root, canonical_or_self(workdir)).value_or("");
  }
  git_repository* r = repo.get();
  std::string spec = rev.empty() ? "HEAD" : rev;
  if (rev.empty() && git_repository_head_unborn(r) == 1) {
    info->is_empty = true;
    info->notes.push_back(msg("source.no_commits"));
    return std::unique_ptr<FileSource>(new GitTreeSource(
        std::make_unique<RepoPool>(git_dir, std::move(repo)), std::nullopt));
  }
  git_object* raw_object = nullptr;
  if (git_revparse_single(&raw_object, r, spec.c_str()) != 0)
    return Error{"unknown revision '" + spec + "' in " + root.string() + ": " + git_error_text()};
  ObjectPtr object(raw_object);
  git_object* raw_commit = nullptr;
  if (git_object_peel(&raw_commit, object.get(), GIT_OBJECT_COMMIT) != 0)
    return Error{"revision '" + spec + "' in " + root.string() +
                 " does not name a commit: " + git_error_text()};
  ObjectPtr commit(raw_commit);
  const auto* as_commit = reinterpret_cast<const git_commit*>(commit.get());
  info->revision = oid_hex(*git_commit_id(as_commit));
  git_oid tree_id = *git_commit_tree_id(as_commit);
  git_tree* raw_tree = nullptr;
  if (int rc = git_tree_lookup(&raw_tree, r, &tree_id); rc != 0)
    return Error{"cannot read the tree of revision '" + spec + "' (" + info->revision +
                 "): " + english(object_problem(rc, &tree_id))};
  TreePtr tree(raw_tree);
  std::optional<git_oid> listed = tree_id;
  if (!prefix.empty()) {
    git_tree_entry* raw_item = nullptr;
    if (git_tree_entry_bypath(&raw_item, tree.get(), prefix.c_str()) == 0 &&
        git_tree_entry_type(raw_item) == GIT_OBJECT_TREE) {
      listed = *git_tree_entry_id(raw_item);
    } else {
      listed.reset();
      info->notes.push_back(msg("source.prefix_untracked", {text_arg("folder", prefix), text_arg("revision", spec)}));
    }
    git_tree_entry_free(raw_item);
  }
  tree.reset();
  commit.reset();
  object.reset();
  return std::unique_ptr<FileSource>(
      new GitTreeSource(std::make_unique<RepoPool>(git_dir, std::move(repo)), listed));
}

}  // namespace

void ensure_libgit2() {
  static std::once_flag once;
  std::call_once(once, [] {
    git_libgit2_init();
    git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
    // Partial clones (missing blobs are then noted, never fetched) declare this extension.
    const char* extensions[] = {"partialclone"};
    git_libgit2_opts(GIT_OPT_SET_EXTENSIONS, extensions, size_t{1});
    // Memory and time of reading big repositories (the history walk reads every commit and
    // tree; issue 15). Objects are read as git reads them, without hashing each one again
    // (libgit2's strict verification costs half the walk; git only checks hashes in fsck).
    // Pack files are mapped in 32 MB windows, at most 64 MB at a time (libgit2's default maps
    // up to 8 GB: the whole pack stays in memory), and parsed objects are cached up to 16 MB
    // (default 256 MB).
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, size_t{32} << 20);
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, size_t{64} << 20);
    git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, ssize_t{16} << 20);
  });
}

Result<std::unique_ptr<FileSource>> open_git_source(const fs::path& root,
                                                    const SourceOptions& options,
                                                    SourceInfo* info) {
  ensure_libgit2();
  git_repository* raw = nullptr;
  int rc = git_repository_open_ext(&raw, root.c_str(), 0, nullptr);
  if (rc == GIT_ENOTFOUND) return std::unique_ptr<FileSource>();
  if (rc != 0)
    return Error{"cannot open the git repository at " + root.string() + ": " + git_error_text()};
  RepoPtr repo(raw);
  info->is_git = true;
  info->is_bare = git_repository_is_bare(repo.get()) == 1;
  info->is_shallow = git_repository_is_shallow(repo.get()) == 1;
  if (info->is_shallow)
    info->notes.push_back(msg("source.shallow"));
  info->branch = head_branch(repo.get());
  if (options.worktree) return open_worktree(std::move(repo), root, info);
  return open_tree(std::move(repo), root, options.rev, info);
}

}  // namespace rh
