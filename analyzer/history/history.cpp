// analyse_history: opens the repository, reads the commit graph once, diffs each commit once
// (newest first) and hands the changes to the per-file, per-person, coupling and practice
// accumulators; then derives the repository figures.
#include "history/history.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/git_source.h"
#include "core/repo_paths.h"
#include "history/churn.h"
#include "history/coupling.h"
#include "core/dates.h"
#include "history/git_handles.h"
#include "history/history_cache.h"
#include "history/identity.h"
#include "history/organisations.h"
#include "history/ownership.h"
#include "history/practice.h"
#include "history/tree_diff.h"
#include "history/walk.h"

namespace rh {
namespace {

using namespace rh::history;
namespace fs = std::filesystem;

/// What one person (a canonical identity) did, over the commits that count as authorship.
struct PersonStats {
  int64_t commits = 0;
  int64_t commits_last_12_months = 0;
  int64_t lines_added = 0;
  int64_t lines_deleted = 0;
  int64_t first_time = INT64_MAX;
  int64_t last_time = INT64_MIN;
};

/// Files of `tree` below `prefix` ("" or ending in '/'), named relative to it, sorted.
std::vector<std::string> present_files(git_tree* tree, const std::string& prefix) {
  std::vector<std::string> all;
  git_tree_walk(
      tree, GIT_TREEWALK_PRE,
      [](const char* root, const git_tree_entry* e, void* payload) -> int {
        if (git_tree_entry_type(e) == GIT_OBJECT_BLOB)
          static_cast<std::vector<std::string>*>(payload)->push_back(std::string(root) +
                                                                     git_tree_entry_name(e));
        return 0;
      },
      &all);
  std::vector<std::string> out;
  for (auto& p : all)
    if (p.compare(0, prefix.size(), prefix) == 0) out.push_back(p.substr(prefix.size()));
  std::sort(out.begin(), out.end());
  return out;
}

std::string commit_list(const std::vector<std::string>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size() && i < 5; ++i) out += (i ? ", " : "") + ids[i].substr(0, 12);
  if (ids.size() > 5) out += ", …";
  return out;
}

/// The walk proper and everything derived from it; `head` is the revision's commit id.
class HistoryRun {
 public:
  /// `prefix`: the scanned folder relative to the working tree ("" or ending in '/').
  HistoryRun(git_repository* repo, const HistoryOptions& options, std::string prefix,
             HistoryFacts& out, HistoryRunStats& stats)
      : repo_(repo), opt_(options), prefix_(std::move(prefix)), out_(out),
        repo_facts_(out.repository), stats_(stats) {}

  void run(const git_oid& head, int64_t since);

 private:
  void process(int32_t idx);
  void people_and_files();
  void practice();
  void add_notes();

  git_repository* repo_;
  const HistoryOptions& opt_;
  std::string prefix_;
  HistoryFacts& out_;
  RepoHistory& repo_facts_;
  HistoryRunStats& stats_;
  std::unique_ptr<HistoryCache> cache_;  ///< null without --cache

  std::vector<std::string> paths_;
  bool has_changelog_ = false;
  MailmapPtr mailmap_;
  std::unique_ptr<IdentityTable> ids_;
  CommitGraph graph_;
  std::vector<bool> analysed_;  ///< in the range asked for (--since, --max-commits)
  std::vector<bool> counted_;   ///< analysed, readable, and touching the scanned folder
  int64_t reference_ = 0;
  std::unique_ptr<FileTracker> tracker_;
  std::unique_ptr<CouplingCounter> coupling_;
  std::unique_ptr<TreeDiffer> differ_;
  std::vector<PersonStats> people_;
  std::map<int64_t, int64_t> files_per_commit_, lines_per_commit_;
  int64_t first_time_ = INT64_MAX, last_time_ = INT64_MIN;
  int64_t unreadable_blobs_ = 0, rename_failures_ = 0, renames_skipped_ = 0;
  int64_t ignore_unresolved_ = 0;
  bool limited_ = false;  ///< --max-commits cut the history
  std::vector<Message> diff_errors_;
  std::vector<int32_t> changed_;  // reused per commit
  CommitChanges changes_;         // reused per commit
};

void HistoryRun::run(const git_oid& head, int64_t since) {
  // The revision's tree: present files, .mailmap, .git-blame-ignore-revs.
  TreePtr tree;
  {
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo_, &head) == 0) {
      CommitPtr commit(raw);
      git_tree* t = nullptr;
      if (git_commit_tree(&t, commit.get()) == 0) tree.reset(t);
    }
    if (!tree) out_.notes.push_back(msg("history.tree_unreadable", {text_arg("problem", git_error_text())}));
  }
  if (tree) paths_ = present_files(tree.get(), prefix_);
  for (const auto& p : paths_)
    if (is_changelog_path(p) && std::count(p.begin(), p.end(), '/') <= 1) has_changelog_ = true;
  mailmap_ = load_mailmap(repo_, tree.get());
  ids_ = std::make_unique<IdentityTable>(mailmap_.get());

  if (!opt_.cache_dir.empty()) cache_ = HistoryCache::open(opt_.cache_dir, out_.notes);
  graph_ = read_commit_graph(repo_, head, opt_.first_parent, *ids_, cache_.get(),
                             &stats_.commits_read);
  if (opt_.merge_aliases) ids_->merge_aliases();
  if (BlobPtr blob = blob_at(repo_, tree.get(), ".git-blame-ignore-revs")) {
    IgnoreRevs revs = parse_ignore_revs(repo_, blob_text(blob.get()));
    ignore_unresolved_ = revs.unresolved;
    for (const git_oid& id : revs.ids)
      if (auto it = graph_.index.find(id); it != graph_.index.end())
        graph_.commits[static_cast<size_t>(it->second)].flags |= kIgnored;
  }

  const GraphCommit& top = graph_.commits.front();
  reference_ = opt_.as_of.value_or(top.commit_time);
  repo_facts_.revision = oid_hex(head);
  repo_facts_.shallow = graph_.shallow;
  repo_facts_.shallow_depth = graph_.shallow_depth;
  if (top.flags & kUnreadable) {
    repo_facts_.unreadable_commits.push_back(oid_hex(top.id));
    out_.notes.push_back(msg("history.head_unreadable", {text_arg("commit", oid_hex(top.id))}));
    return;
  }
  repo_facts_.reference_date = iso_utc(reference_);
  if (reference_ < top.commit_time)
    out_.notes.push_back(msg("history.reference_before_commit", {date_arg("reference", iso_utc(reference_)),
                                                                 date_arg("committed", iso_utc(top.commit_time))}));

  analysed_.assign(graph_.commits.size(), false);
  int64_t taken = 0;
  for (int32_t idx : graph_.order) {
    const GraphCommit& c = graph_.commits[static_cast<size_t>(idx)];
    if (!opt_.since.empty() && !(c.flags & kUnreadable) && c.commit_time < since) continue;
    if (opt_.max_commits > 0 && taken >= opt_.max_commits) {
      limited_ = true;
      break;
    }
    analysed_[static_cast<size_t>(idx)] = true;
    taken += 1;
  }

  counted_.assign(graph_.commits.size(), false);
  tracker_ = std::make_unique<FileTracker>(paths_);
  coupling_ = std::make_unique<CouplingCounter>(paths_.size());
  differ_ = std::make_unique<TreeDiffer>(repo_);
  people_.assign(ids_->size(), PersonStats{});
  for (int32_t idx : graph_.order)
    if (analysed_[static_cast<size_t>(idx)]) process(idx);
  cache_.reset();  // writes what is left

  if (repo_facts_.commits > 0) {
    repo_facts_.first_commit_date = iso_utc(first_time_);
    repo_facts_.last_commit_date = iso_utc(last_time_);
  }
  people_and_files();
  practice();
  add_notes();
}

/// Keeps the changes below the scanned folder, named relative to it (a rename across its
/// border becomes an addition or a deletion). Returns whether any change is left.
bool within_folder(const std::string& prefix, std::vector<FileChange>& files) {
  if (prefix.empty()) return !files.empty();
  auto strip = [&](std::string& p) {
    if (p.empty() || p.compare(0, prefix.size(), prefix) != 0) return false;
    p.erase(0, prefix.size());
    return true;
  };
  std::vector<FileChange> kept;
  for (FileChange& fc : files) {
    const bool in_new = strip(fc.path), in_old = strip(fc.old_path);
    if (!in_new && !in_old) continue;
    if (fc.kind == ChangeKind::renamed && !in_old) fc.kind = ChangeKind::added;
    if (fc.kind == ChangeKind::renamed && !in_new) fc.kind = ChangeKind::deleted;
    if (!in_new) fc.path.clear();
    if (!in_old) fc.old_path.clear();
    kept.push_back(std::move(fc));
  }
  files = std::move(kept);
  return !files.empty();
}

void HistoryRun::process(int32_t idx) {
  GraphCommit& c = graph_.commits[static_cast<size_t>(idx)];
  if (c.flags & kUnreadable) {
    repo_facts_.unreadable_commits.push_back(oid_hex(c.id));
    return;
  }
  const bool merge = (c.flags & kMerge) != 0;
  const bool bot = ids_->at(c.author).bot && !opt_.include_bots;
  const bool ignored = (c.flags & kIgnored) != 0;
  const int32_t person = ids_->canonical(c.author);
  // With all parents walked, a merge's changes are its branch's commits, seen on their own:
  // it is diffed only to know whether it touches the scanned folder.
  const bool merge_skipped = merge && !opt_.first_parent;
  const bool in_window =
      opt_.lines_all || within_months(c.time, reference_, opt_.line_window_months);
  const bool count_lines = in_window && !merge;
  changes_ = CommitChanges{};
  if (!merge_skipped || !prefix_.empty()) {
    const git_oid* parent_tree = nullptr;
    if (c.parent_count > 0) {
      const GraphCommit& p = graph_.commits[static_cast<size_t>(graph_.parent(c, 0))];
      if (p.flags & kUnreadable) {
        repo_facts_.unreadable_commits.push_back(oid_hex(c.id));
        return;
      }
      parent_tree = &p.tree;
    }
    if (cache_ && cache_->load(parent_tree, c.tree, count_lines, changes_)) {
      stats_.commits_from_cache += 1;
    } else {
      Message error;
      stats_.commits_diffed += 1;
      if (!differ_->diff(parent_tree, c.tree, count_lines, changes_, error)) {
        repo_facts_.unreadable_commits.push_back(oid_hex(c.id));
        diff_errors_.push_back(error);
        return;
      }
      if (cache_) cache_->store(parent_tree, c.tree, count_lines, changes_);
    }
    // A scan of a folder counts the commits that change something in it (git log -- folder).
    if (!prefix_.empty() && !within_folder(prefix_, changes_.files)) return;
  }

  counted_[static_cast<size_t>(idx)] = true;
  repo_facts_.commits += 1;
  if (merge) repo_facts_.merges += 1;
  if (ids_->at(c.author).bot) repo_facts_.bot_commits += 1;
  if (ignored) repo_facts_.ignored_commits += 1;
  first_time_ = std::min(first_time_, c.time);
  last_time_ = std::max(last_time_, c.time);
  if (!merge) {
    TraceabilityPractice& t = repo_facts_.traceability;
    t.commits += 1;
    if (c.flags & kIssueRef) t.issue_references += 1;
    if (c.flags & kConventional) t.conventional_commits += 1;
    if (c.flags & kSigned) t.signed_commits += 1;
  }
  if (merge_skipped) return;
  unreadable_blobs_ += changes_.unreadable_blobs;
  if (changes_.renames_unknown) rename_failures_ += 1;
  if (changes_.renames_skipped) renames_skipped_ += 1;

  int64_t lines = 0;
  for (const FileChange& fc : changes_.files) {
    if ((!fc.path.empty() && is_changelog_path(fc.path)) ||
        (!fc.old_path.empty() && is_changelog_path(fc.old_path)))
      c.flags |= kChangelog;
    if (!fc.lines) continue;
    if (fc.binary) repo_facts_.binary_changes += 1;
    repo_facts_.lines_added += fc.lines_added;
    repo_facts_.lines_deleted += fc.lines_deleted;
    lines += fc.lines_added + fc.lines_deleted;
  }
  if (!merge) {
    files_per_commit_[static_cast<int64_t>(changes_.files.size())] += 1;
    if (count_lines) lines_per_commit_[lines] += 1;
  }

  const bool authorship = !bot && !ignored;
  changed_.clear();
  tracker_->add_commit(changes_, c.time, authorship ? person : -1, changed_);
  coupling_->add_commit(changed_, changes_.files.size());
  if (!authorship) return;
  PersonStats& s = people_[static_cast<size_t>(person)];
  s.commits += 1;
  if (within_months(c.time, reference_, 12)) s.commits_last_12_months += 1;
  s.first_time = std::min(s.first_time, c.time);
  s.last_time = std::max(s.last_time, c.time);
  for (const FileChange& fc : changes_.files) {
    if (!fc.lines) continue;
    s.lines_added += fc.lines_added;
    s.lines_deleted += fc.lines_deleted;
  }
}

void HistoryRun::people_and_files() {
  const size_t n = ids_->size();
  std::vector<std::string> keys(n);
  std::vector<bool> active(n, false), person(n, false);
  for (size_t i = 0; i < n; ++i) {
    keys[i] = ids_->at(static_cast<int32_t>(i)).key;
    const PersonStats& s = people_[i];
    person[i] = s.commits > 0;
    active[i] = s.commits > 0 && within_months(s.last_time, reference_, 12);
  }

  // Files.
  const auto& records = tracker_->files();
  out_.files.reserve(records.size());
  std::vector<std::vector<int32_t>> file_authors;  // files with people history: DOA authors
  std::vector<int64_t> files_authored(n, 0);
  for (const FileRecord& r : records) {
    out_.files.push_back(file_history(r, keys, active, reference_));
    if (r.contributions.empty()) continue;
    Authorship a = authorship(r);
    file_authors.emplace_back();
    for (size_t i = 0; i < r.contributions.size(); ++i) {
      if (!a.author[i]) continue;
      file_authors.back().push_back(r.contributions[i].author);
      files_authored[static_cast<size_t>(r.contributions[i].author)] += 1;
    }
  }

  // People, most commits first.
  std::vector<int32_t> order;
  for (size_t i = 0; i < n; ++i)
    if (person[i]) order.push_back(static_cast<int32_t>(i));
  std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    const PersonStats& x = people_[static_cast<size_t>(a)];
    const PersonStats& y = people_[static_cast<size_t>(b)];
    if (x.commits != y.commits) return x.commits > y.commits;
    return keys[static_cast<size_t>(a)] < keys[static_cast<size_t>(b)];
  });
  // A domain only one person writes from, looking like their name, is their own: an individual.
  std::map<std::string, int64_t> people_per_domain;
  for (int32_t id : order) {
    const std::string d = email_domain(ids_->at(id).email);
    if (!d.empty()) people_per_domain[registrable_domain(d)] += 1;
  }
  auto personal = [&](const Identity& ident) {
    const std::string d = email_domain(ident.email);
    return !d.empty() && people_per_domain[registrable_domain(d)] == 1 && looks_personal(d, ident.name);
  };
  std::vector<int64_t> rank(n, INT64_MAX);
  std::map<std::string, Organisation> orgs;
  std::map<std::string, std::vector<int32_t>> org_members;
  for (size_t r = 0; r < order.size(); ++r) {
    const int32_t id = order[r];
    rank[static_cast<size_t>(id)] = static_cast<int64_t>(r);
    const Identity& ident = ids_->at(id);
    const PersonStats& s = people_[static_cast<size_t>(id)];
    Contributor c;
    c.id = ident.key;
    c.name = ident.name;
    c.email = ident.email;
    OrgOf org = organisation_of(ident.email, ident.key, opt_.org_mapping, personal(ident));
    c.organisation = org.name;
    c.aliases = ids_->aliases(id);
    c.commits = s.commits;
    c.commits_last_12_months = s.commits_last_12_months;
    c.lines_added = s.lines_added;
    c.lines_deleted = s.lines_deleted;
    c.first_commit = iso_utc(s.first_time);
    c.last_commit = iso_utc(s.last_time);
    c.active = active[static_cast<size_t>(id)];
    c.files_authored = files_authored[static_cast<size_t>(id)];
    repo_facts_.authors.push_back(c);
    Organisation& o = orgs[org.name];
    o.name = org.name;
    o.kind = org.kind;
    o.authors += 1;
    o.active_authors += c.active ? 1 : 0;
    o.commits += s.commits;
    o.commits_last_12_months += s.commits_last_12_months;
    org_members[org.name].push_back(id);
  }
  repo_facts_.contributors = static_cast<int64_t>(order.size());
  for (int32_t id : order) repo_facts_.active_contributors += active[static_cast<size_t>(id)] ? 1 : 0;

  // Bots (when they are not counted as people), most commits first.
  if (!opt_.include_bots) {
    std::vector<int64_t> bot_commits(n, 0);
    for (size_t i = 0; i < graph_.commits.size(); ++i) {
      const GraphCommit& c = graph_.commits[i];
      if (counted_[i] && ids_->at(c.author).bot)
        bot_commits[static_cast<size_t>(ids_->canonical(c.author))] += 1;
    }
    for (size_t i = 0; i < n; ++i) {
      if (bot_commits[i] == 0) continue;
      const Identity& ident = ids_->at(static_cast<int32_t>(i));
      repo_facts_.bots.push_back({ident.key, ident.name, ident.email, bot_commits[i]});
    }
    std::sort(repo_facts_.bots.begin(), repo_facts_.bots.end(),
              [](const BotAccount& a, const BotAccount& b) {
                return a.commits != b.commits ? a.commits > b.commits : a.id < b.id;
              });
  }

  // Truck factor over all people, then over active people only.
  repo_facts_.truck_factor = greedy_truck_factor(file_authors, person, rank, keys);
  repo_facts_.active_truck_factor = greedy_truck_factor(file_authors, active, rank, keys);

  KnowledgeLoss& k = repo_facts_.knowledge_loss;
  for (const FileHistory& f : out_.files) {
    if (f.doa_authors.empty()) continue;
    k.files += 1;
    if (f.knowledge_lost) k.files_lost += 1;
  }
  k.files_without_authors = static_cast<int64_t>(out_.files.size()) - k.files;
  k.file_share = share(k.files_lost, k.files);

  // Organisations: files owned through their DOA authors.
  std::map<std::string, std::string> org_of_person;
  for (const Contributor& c : repo_facts_.authors) org_of_person[c.id] = c.organisation;
  for (const FileHistory& f : out_.files) {
    std::vector<std::string> owners;
    for (const std::string& a : f.doa_authors) owners.push_back(org_of_person[a]);
    std::sort(owners.begin(), owners.end());
    owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
    for (const std::string& o : owners) orgs[o].files_owned += 1;
  }
  std::vector<int64_t> recent;
  for (auto& [name, o] : orgs) {
    repo_facts_.organisations.push_back(o);
    recent.push_back(o.commits_last_12_months);
  }
  std::sort(repo_facts_.organisations.begin(), repo_facts_.organisations.end(),
            [](const Organisation& a, const Organisation& b) {
              return a.commits != b.commits ? a.commits > b.commits : a.name < b.name;
            });
  repo_facts_.elephant_factor = elephant_factor(recent);
  repo_facts_.coupling = coupling_->result(paths_);
}

void HistoryRun::practice() {
  std::vector<TagInfo> tags = read_tags(repo_, graph_, analysed_);
  repo_facts_.releases = release_practice(graph_, counted_, tags, reference_, has_changelog_);
  TraceabilityPractice& t = repo_facts_.traceability;
  t.issue_reference_share = share(t.issue_references, t.commits);
  t.conventional_share = share(t.conventional_commits, t.commits);
  t.signed_share = share(t.signed_commits, t.commits);
  mainline_practice(graph_, counted_, t);
  t.median_commit_files = median(files_per_commit_);
  t.median_commit_lines = median(lines_per_commit_);
}

void HistoryRun::add_notes() {
  auto& notes = out_.notes;
  if (graph_.shallow)
    notes.push_back(msg("history.shallow", {int_arg("depth", graph_.shallow_depth)}));
  if (!opt_.since.empty())
    notes.push_back(msg("history.limited_since", {date_arg("since", opt_.since)}));
  if (limited_)
    notes.push_back(msg("history.limited_commits", {int_arg("n", opt_.max_commits)}));
  if (!repo_facts_.unreadable_commits.empty())
    notes.push_back(msg("history.unreadable_commits",
                        {int_arg("n", static_cast<int64_t>(repo_facts_.unreadable_commits.size())),
                         text_arg("commits", commit_list(repo_facts_.unreadable_commits))}));
  for (size_t i = 0; i < diff_errors_.size() && i < 3; ++i) notes.push_back(diff_errors_[i]);
  if (unreadable_blobs_ > 0)
    notes.push_back(msg("history.unreadable_blobs", {int_arg("n", unreadable_blobs_)}));
  if (rename_failures_ > 0)
    notes.push_back(msg("history.rename_failures", {int_arg("n", rename_failures_)}));
  if (renames_skipped_ > 0)
    notes.push_back(msg("history.renames_skipped", {int_arg("n", renames_skipped_)}));
  if (ignore_unresolved_ > 0)
    notes.push_back(msg("history.ignore_revs_unresolved", {int_arg("n", ignore_unresolved_)}));
}

}  // namespace

/// The scanned folder relative to the working tree, "" or ending in '/' (also "" for bare
/// repositories and paths inside the git directory), as the file listing names files.
std::string history::folder_prefix(git_repository* repo, const std::string& path) {
  namespace fs = std::filesystem;
  const char* workdir = git_repository_workdir(repo);
  if (!workdir) return "";
  std::error_code ec;
  fs::path root = fs::weakly_canonical(fs::absolute(path, ec), ec);
  fs::path work = fs::weakly_canonical(fs::path(workdir), ec);
  fs::path git_dir = fs::weakly_canonical(fs::path(git_repository_path(repo)), ec);
  auto below = [](const fs::path& p, const fs::path& dir) {
    fs::path rel = p.lexically_relative(dir);
    return !rel.empty() && *rel.begin() != "..";
  };
  if (below(root, git_dir)) return "";
  fs::path rel = root.lexically_relative(work);
  if (rel.empty() || rel == "." || *rel.begin() == "..") return "";
  return rel.generic_string() + "/";
}

Result<HistoryFacts> analyse_history(const std::string& repo_path, const std::string& rev,
                                     const HistoryOptions& options, HistoryRunStats* stats) {
  HistoryRunStats unused;
  ensure_libgit2();
  HistoryFacts out;
  RepoHistory& r = out.repository;
  r.first_parent = options.first_parent;
  r.since = options.since;
  r.max_commits = options.max_commits;
  r.line_window_months = options.lines_all ? 0 : options.line_window_months;

  int64_t since = 0;
  if (!options.since.empty()) {
    auto t = parse_iso_date(options.since);
    if (!t) return Error{"--since '" + options.since + "' is not a date; use YYYY-MM-DD"};
    since = *t;
  }
  if (!options.lines_all && options.line_window_months <= 0)
    return Error{"the line window must be at least one month"};

  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, repo_path.c_str(), 0, nullptr) != 0)
    return Error{repo_path + ": not a git repository (" + git_error_text() + ")"};
  RepoPtr repo(raw);

  git_oid head;
  const std::string spec = rev.empty() ? "HEAD" : rev;
  git_object* obj = nullptr;
  if (git_revparse_single(&obj, repo.get(), spec.c_str()) == 0) {
    ObjectPtr owned(obj);
    git_object* peeled = nullptr;
    if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) != 0)
      return Error{"revision '" + spec + "' is not a commit: " + git_error_text()};
    head = *git_object_id(peeled);
    git_object_free(peeled);
  } else if (rev.empty() && (git_repository_is_empty(repo.get()) == 1 ||
                             git_repository_head_unborn(repo.get()) == 1)) {
    out.notes.push_back(msg("history.no_commits"));
    return out;
  } else if (rev.empty() && git_reference_name_to_id(&head, repo.get(), "HEAD") == 0) {
    // HEAD names a commit whose object is missing: the walk records it as unreadable.
  } else {
    return Error{"revision '" + spec + "' not found in " + repo_path + ": " + git_error_text() +
                 " (give a branch, tag or commit id)"};
  }

  HistoryRun(repo.get(), options, history::folder_prefix(repo.get(), repo_path), out,
             stats ? *stats : unused)
      .run(head, since);
  return out;
}

}  // namespace rh
