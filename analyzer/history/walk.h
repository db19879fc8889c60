#pragma once
// The one walk of the history: every commit reachable from the revision, read through libgit2
// without a revwalk (libgit2 1.5's revwalk stops at the first missing object, which is every
// shallow clone), ordered newest first with children before parents. Each commit is then
// diffed once (tree_diff.h).
#include <git2.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "history/git_handles.h"
#include "history/identity.h"

namespace rh::history {

enum CommitFlag : uint16_t {
  kMerge = 1 << 0,         ///< two or more parents
  kSigned = 1 << 1,        ///< carries a gpgsig header
  kIssueRef = 1 << 2,      ///< message references an issue
  kConventional = 1 << 3,  ///< subject follows Conventional Commits
  kPullRequest = 1 << 4,   ///< a merged pull/merge request (merge message or squash subject)
  kUnreadable = 1 << 5,    ///< the commit object could not be read
  kShallowRoot = 1 << 6,   ///< a shallow clone's boundary: its parents are not in the repository
  kIgnored = 1 << 7,       ///< listed in .git-blame-ignore-revs
  kChangelog = 1 << 8,     ///< changed a changelog file (set while diffing)
};

struct GraphCommit {
  git_oid id{};
  git_oid tree{};
  int64_t time = 0;         ///< author date
  int64_t commit_time = 0;  ///< committer date
  int32_t author = -1;      ///< IdentityTable index (before alias merging)
  uint32_t parent_slot = 0; ///< first parent in CommitGraph::parents
  uint16_t parent_count = 0;///< parents followed (0 for roots and shallow boundaries)
  uint16_t flags = 0;
};

struct CommitGraph {
  std::vector<GraphCommit> commits;  ///< [0] is the revision
  std::vector<int32_t> parents;      ///< commit indices
  std::unordered_map<git_oid, int32_t, OidHash, OidEqual> index;
  std::vector<int32_t> order;        ///< newest first, children before parents
  bool shallow = false;
  int64_t shallow_depth = 0;         ///< first-parent chain length of a shallow clone
  int32_t parent(const GraphCommit& c, uint32_t k) const { return parents[c.parent_slot + k]; }
};

/// What the walk needs of one commit object, as read from git or from the history cache.
struct CommitRecord {
  enum MessageBit : uint8_t {
    kSignedBit = 1,        ///< a gpgsig header
    kPullMergeBit = 2,     ///< the message of a forge's pull-request merge
    kIssueBit = 4,         ///< the message references an issue
    kConventionalBit = 8,  ///< the subject follows Conventional Commits
    kSquashBit = 16,       ///< the subject of a squashed pull request
  };
  git_oid tree{};
  int64_t time = 0;         ///< author date (the committer date without an author)
  int64_t commit_time = 0;  ///< committer date
  std::string name, email;  ///< the author as written in the commit (before .mailmap)
  std::vector<git_oid> parents;  ///< all parents, as written
  uint8_t message = 0;      ///< MessageBit
};

/// Where read_commit_graph finds commit records before reading commit objects (the history
/// cache), and keeps the ones it read.
class CommitStore {
 public:
  virtual ~CommitStore() = default;
  virtual bool load_commit(const git_oid& id, CommitRecord& out) = 0;
  virtual void store_commit(const git_oid& id, const CommitRecord& record) = 0;
};

/// Reads the commits reachable from `head` (first parents only when asked) and interns their
/// authors. Commits that cannot be read are kept with kUnreadable and no parents. With a
/// `store`, known commits are taken from it; `read_from_git` counts the commit objects read.
CommitGraph read_commit_graph(git_repository* repo, const git_oid& head, bool first_parent,
                              IdentityTable& identities, CommitStore* store = nullptr,
                              int64_t* read_from_git = nullptr);

}  // namespace rh::history
