#include "history/changes.h"

#include <git2.h>

#include <algorithm>

#include "core/git_source.h"
#include "history/git_handles.h"

namespace rh {
namespace {

using namespace rh::history;

Result<git_oid> resolve_commit(git_repository* repo, const std::string& spec, const std::string& what) {
  git_object* obj = nullptr;
  if (git_revparse_single(&obj, repo, spec.c_str()) != 0)
    return Error{what + " '" + spec + "' not found: " + git_error_text() + " (give a branch, tag or commit id)"};
  ObjectPtr owned(obj);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) != 0)
    return Error{what + " '" + spec + "' is not a commit: " + git_error_text()};
  git_oid id = *git_object_id(peeled);
  git_object_free(peeled);
  return id;
}

Result<TreePtr> tree_of(git_repository* repo, const git_oid& id) {
  git_commit* c = nullptr;
  if (git_commit_lookup(&c, repo, &id) != 0) return Error{"cannot read commit: " + git_error_text()};
  CommitPtr commit(c);
  git_tree* t = nullptr;
  if (git_commit_tree(&t, commit.get()) != 0) return Error{"cannot read the tree of a commit: " + git_error_text()};
  return TreePtr(t);
}

struct Collect {
  std::string prefix;
  std::vector<ChangedFile>* files;
  ChangedFile* current = nullptr;
};

int on_file(const git_diff_delta* delta, float, void* payload) {
  auto* c = static_cast<Collect*>(payload);
  c->current = nullptr;
  if (delta->status == GIT_DELTA_DELETED || !delta->new_file.path) return 0;
  std::string path = delta->new_file.path;
  if (path.compare(0, c->prefix.size(), c->prefix) != 0) return 0;
  ChangedFile f;
  f.path = path.substr(c->prefix.size());
  if (delta->status == GIT_DELTA_ADDED) {
    f.status = "added";
  } else {
    std::string old = delta->old_file.path ? delta->old_file.path : path;
    f.old_path = old.compare(0, c->prefix.size(), c->prefix) == 0 ? old.substr(c->prefix.size()) : "";
    f.status = delta->status == GIT_DELTA_RENAMED ? "renamed" : "modified";
    if (f.old_path.empty()) f.status = "added";  // moved in from outside the scanned folder
  }
  c->files->push_back(std::move(f));
  c->current = &c->files->back();
  return 0;
}

int on_line(const git_diff_delta*, const git_diff_hunk*, const git_diff_line* line, void* payload) {
  auto* c = static_cast<Collect*>(payload);
  if (!c->current || line->origin != GIT_DIFF_LINE_ADDITION || line->new_lineno <= 0) return 0;
  auto& ranges = c->current->lines;
  const int64_t n = line->new_lineno;
  if (!ranges.empty() && ranges.back().second + 1 == n)
    ranges.back().second = n;
  else
    ranges.emplace_back(n, n);
  return 0;
}

}  // namespace

bool touches_changed_lines(const ChangedFile& file, int64_t start, int64_t end) {
  if (file.status == "added") return true;
  if (end < start) end = start;
  for (const auto& [a, b] : file.lines)
    if (a <= end && start <= b) return true;
  return false;
}

Result<NewCode> changes_since(const std::string& repo_path, const std::string& rev, const std::string& since_ref) {
  ensure_libgit2();
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, repo_path.c_str(), 0, nullptr) != 0)
    return Error{repo_path + ": --new-since needs a git repository (" + git_error_text() + ")"};
  RepoPtr repo(raw);
  auto head = resolve_commit(repo.get(), rev.empty() ? "HEAD" : rev, "revision");
  if (!head) return head.error();
  auto since = resolve_commit(repo.get(), since_ref, "--new-since");
  if (!since) return since.error();
  git_oid base;
  if (git_merge_base(&base, repo.get(), &*head, &*since) != 0)
    return Error{"--new-since '" + since_ref + "' shares no history with the analysed revision"};

  NewCode out;
  out.since = since_ref;
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &base);
  out.merge_base = hex;
  auto old_tree = tree_of(repo.get(), base);
  if (!old_tree) return old_tree.error();
  auto new_tree = tree_of(repo.get(), *head);
  if (!new_tree) return new_tree.error();

  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  options.context_lines = 0;
  git_diff* d = nullptr;
  if (git_diff_tree_to_tree(&d, repo.get(), old_tree->get(), new_tree->get(), &options) != 0)
    return Error{"cannot compare the revisions: " + git_error_text()};
  DiffPtr diff(d);
  git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
  find.flags = GIT_DIFF_FIND_RENAMES;
  git_diff_find_similar(diff.get(), &find);

  Collect collect{folder_prefix(repo.get(), repo_path), &out.files};
  out.files.reserve(git_diff_num_deltas(diff.get()));  // `current` points into the vector
  if (git_diff_foreach(diff.get(), on_file, nullptr, nullptr, on_line, &collect) != 0)
    return Error{"cannot read the changes: " + git_error_text()};
  std::sort(out.files.begin(), out.files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return out;
}

}  // namespace rh
