#include "history/walk.h"

#include <algorithm>
#include <fstream>
#include <memory>
#include <queue>
#include <unordered_set>

#include "history/practice.h"

namespace rh::history {
namespace {

using OidSet = std::unordered_set<git_oid, OidHash, OidEqual>;

/// Boundary commits of a shallow clone, from $GIT_DIR/shallow.
OidSet read_shallow_file(git_repository* repo) {
  OidSet out;
  const char* dir = git_repository_commondir(repo);
  if (!dir) return out;
  std::ifstream in(std::string(dir) + "shallow");
  std::string line;
  while (std::getline(in, line)) {
    git_oid id;
    if (line.size() >= GIT_OID_HEXSZ && git_oid_fromstrn(&id, line.c_str(), GIT_OID_HEXSZ) == 0)
      out.insert(id);
  }
  return out;
}

bool has_header(const git_commit* c, const char* field) {
  git_buf buf = GIT_BUF_INIT;
  int rc = git_commit_header_field(&buf, c, field);
  git_buf_dispose(&buf);
  return rc == 0;
}

/// The facts of a commit's message and headers.
uint8_t message_bits(const git_commit* c) {
  uint8_t bits = 0;
  const char* msg = git_commit_message(c);
  std::string_view message = msg ? msg : "";
  std::string_view subject = message.substr(0, message.find('\n'));
  if (has_header(c, "gpgsig") || has_header(c, "gpgsig-sha256")) bits |= CommitRecord::kSignedBit;
  if (is_pull_request_merge(message)) bits |= CommitRecord::kPullMergeBit;
  if (references_issue(message)) bits |= CommitRecord::kIssueBit;
  if (is_conventional_commit(subject)) bits |= CommitRecord::kConventionalBit;
  if (is_squashed_pull_request(subject)) bits |= CommitRecord::kSquashBit;
  return bits;
}

/// A merge's message tells whether a pull request came in; other commits' whether they name an
/// issue, follow Conventional Commits or are a squashed pull request.
uint16_t classify(uint8_t bits, bool merge) {
  uint16_t flags = merge ? kMerge : 0;
  if (bits & CommitRecord::kSignedBit) flags |= kSigned;
  if (merge) {
    if (bits & CommitRecord::kPullMergeBit) flags |= kPullRequest;
  } else {
    if (bits & CommitRecord::kIssueBit) flags |= kIssueRef;
    if (bits & CommitRecord::kConventionalBit) flags |= kConventional;
    if (bits & CommitRecord::kSquashBit) flags |= kPullRequest;
  }
  return flags;
}

bool read_record(git_repository* repo, const git_oid& id, CommitRecord& r) {
  git_commit* raw = nullptr;
  if (git_commit_lookup(&raw, repo, &id) != 0) return false;
  CommitPtr commit(raw);
  const git_signature* author = git_commit_author(commit.get());
  r.tree = *git_commit_tree_id(commit.get());
  r.commit_time = git_commit_time(commit.get());
  r.time = author ? author->when.time : r.commit_time;
  r.name = author && author->name ? author->name : "";
  r.email = author && author->email ? author->email : "";
  r.parents.clear();
  for (unsigned int k = 0; k < git_commit_parentcount(commit.get()); ++k)
    if (const git_oid* pid = git_commit_parent_id(commit.get(), k)) r.parents.push_back(*pid);
  r.message = message_bits(commit.get());
  return true;
}

}  // namespace

CommitGraph read_commit_graph(git_repository* repo, const git_oid& head, bool first_parent,
                              IdentityTable& identities, CommitStore* store,
                              int64_t* read_from_git) {
  CommitGraph g;
  g.shallow = git_repository_is_shallow(repo) == 1;
  OidSet boundary = g.shallow ? read_shallow_file(repo) : OidSet{};

  auto node = [&](const git_oid& id) {
    auto [it, inserted] = g.index.emplace(id, static_cast<int32_t>(g.commits.size()));
    if (inserted) {
      GraphCommit c;
      c.id = id;
      g.commits.push_back(c);
    }
    return std::pair<int32_t, bool>(it->second, inserted);
  };

  std::vector<int32_t> stack{node(head).first};
  std::vector<int32_t> pending;  // parents of the commit being read
  CommitRecord r;
  // A record is used only for a commit this repository has (a cache shared with another clone
  // must not fill in commits missing here): a look-up in the pack index, nothing inflated.
  git_odb* odb = nullptr;
  if (store && git_repository_odb(&odb, repo) != 0) store = nullptr;
  std::unique_ptr<git_odb, decltype(&git_odb_free)> odb_owner(odb, &git_odb_free);
  while (!stack.empty()) {
    int32_t idx = stack.back();
    stack.pop_back();
    const git_oid id = g.commits[static_cast<size_t>(idx)].id;
    if (!store || !git_odb_exists(odb, &id) || !store->load_commit(id, r)) {
      if (!read_record(repo, id, r)) {
        g.commits[static_cast<size_t>(idx)].flags |= kUnreadable;
        continue;
      }
      if (read_from_git) *read_from_git += 1;
      if (store) store->store_commit(id, r);
    }
    const auto real_parents = static_cast<unsigned int>(r.parents.size());
    const bool is_boundary = boundary.count(id) > 0;

    pending.clear();
    if (!is_boundary) {
      unsigned int follow = first_parent ? std::min(real_parents, 1u) : real_parents;
      for (unsigned int k = 0; k < follow; ++k) {
        auto [pidx, fresh] = node(r.parents[k]);
        pending.push_back(pidx);
        if (fresh) stack.push_back(pidx);
      }
    }
    GraphCommit& c = g.commits[static_cast<size_t>(idx)];  // after node() may have grown the vector
    c.tree = r.tree;
    c.commit_time = r.commit_time;
    c.time = r.time;
    c.author = identities.intern(r.name.c_str(), r.email.c_str(), c.time, real_parents >= 2);
    c.parent_slot = static_cast<uint32_t>(g.parents.size());
    c.parent_count = static_cast<uint16_t>(pending.size());
    g.parents.insert(g.parents.end(), pending.begin(), pending.end());
    c.flags |= classify(r.message, real_parents >= 2 && !is_boundary);
    if (is_boundary) c.flags |= kShallowRoot;
  }

  // Order: Kahn's algorithm over child -> parent edges, the newest committer date first among
  // the commits whose children are all placed (git log's default order, made deterministic).
  std::vector<int32_t> children(g.commits.size(), 0);
  for (const GraphCommit& c : g.commits)
    for (uint32_t k = 0; k < c.parent_count; ++k) children[static_cast<size_t>(g.parent(c, k))] += 1;
  using Item = std::pair<int64_t, int32_t>;  // (commit time, -index)
  std::priority_queue<Item> ready;
  for (size_t i = 0; i < g.commits.size(); ++i)
    if (children[i] == 0) ready.push({g.commits[i].commit_time, -static_cast<int32_t>(i)});
  g.order.reserve(g.commits.size());
  while (!ready.empty()) {
    int32_t idx = -ready.top().second;
    ready.pop();
    g.order.push_back(idx);
    const GraphCommit& c = g.commits[static_cast<size_t>(idx)];
    for (uint32_t k = 0; k < c.parent_count; ++k) {
      int32_t p = g.parent(c, k);
      if (--children[static_cast<size_t>(p)] == 0)
        ready.push({g.commits[static_cast<size_t>(p)].commit_time, -p});
    }
  }

  if (g.shallow) {
    int32_t at = 0;
    while (true) {
      g.shallow_depth += 1;
      const GraphCommit& c = g.commits[static_cast<size_t>(at)];
      if (c.parent_count == 0) break;
      at = g.parent(c, 0);
    }
  }
  return g;
}

}  // namespace rh::history
