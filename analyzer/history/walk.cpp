#include "history/walk.h"

#include <algorithm>
#include <fstream>
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

uint16_t classify(const git_commit* c, bool merge) {
  uint16_t flags = merge ? kMerge : 0;
  const char* msg = git_commit_message(c);
  std::string_view message = msg ? msg : "";
  std::string_view subject = message.substr(0, message.find('\n'));
  if (has_header(c, "gpgsig") || has_header(c, "gpgsig-sha256")) flags |= kSigned;
  if (merge) {
    if (is_pull_request_merge(message)) flags |= kPullRequest;
  } else {
    if (references_issue(message)) flags |= kIssueRef;
    if (is_conventional_commit(subject)) flags |= kConventional;
    if (is_squashed_pull_request(subject)) flags |= kPullRequest;
  }
  return flags;
}

}  // namespace

CommitGraph read_commit_graph(git_repository* repo, const git_oid& head, bool first_parent,
                              IdentityTable& identities) {
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
  while (!stack.empty()) {
    int32_t idx = stack.back();
    stack.pop_back();
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo, &g.commits[static_cast<size_t>(idx)].id) != 0) {
      g.commits[static_cast<size_t>(idx)].flags |= kUnreadable;
      continue;
    }
    CommitPtr commit(raw);
    const git_oid id = g.commits[static_cast<size_t>(idx)].id;
    const unsigned int real_parents = git_commit_parentcount(commit.get());
    const bool is_boundary = boundary.count(id) > 0;
    const git_signature* author = git_commit_author(commit.get());

    pending.clear();
    if (!is_boundary) {
      unsigned int follow = first_parent ? std::min(real_parents, 1u) : real_parents;
      for (unsigned int k = 0; k < follow; ++k) {
        const git_oid* pid = git_commit_parent_id(commit.get(), k);
        if (!pid) continue;
        auto [pidx, fresh] = node(*pid);
        pending.push_back(pidx);
        if (fresh) stack.push_back(pidx);
      }
    }
    GraphCommit& c = g.commits[static_cast<size_t>(idx)];  // after node() may have grown the vector
    c.tree = *git_commit_tree_id(commit.get());
    c.commit_time = git_commit_time(commit.get());
    c.time = author ? author->when.time : c.commit_time;
    c.author = identities.intern(author ? author->name : "", author ? author->email : "", c.time,
                                 real_parents >= 2);
    c.parent_slot = static_cast<uint32_t>(g.parents.size());
    c.parent_count = static_cast<uint16_t>(pending.size());
    g.parents.insert(g.parents.end(), pending.begin(), pending.end());
    c.flags |= classify(commit.get(), real_parents >= 2 && !is_boundary);
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
