#pragma once
// Release and traceability practice: what commit messages, tags and changelogs say about how a
// project releases and links its changes to issues and reviews.
#include <git2.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/history_model.h"
#include "history/walk.h"

namespace rh::history {

/// "#123" (not "&#123;"), "GH-123", tracker keys such as "PROJ-42" (not "UTF-8", "SHA-256"…),
/// or an issue / pull / merge request URL.
bool references_issue(std::string_view message);
/// "type(scope)!: description" with a Conventional Commits type (feat, fix, docs, style, refactor,
/// perf, test, build, ci, chore, revert), case-insensitive.
bool is_conventional_commit(std::string_view subject);
/// Merge commit messages written by GitHub, GitLab, Bitbucket, Gitea and Azure DevOps.
bool is_pull_request_merge(std::string_view message);
/// A squash or rebase merge subject ending in "(#123)", or Azure DevOps' "Merged PR 123: …".
bool is_squashed_pull_request(std::string_view subject);
/// Semantic Versioning 2.0.0 with an optional "v" prefix.
bool is_semver_tag(std::string_view name);
/// A name carrying a version number: "v2", "1.4", "release-2024.03", "v1.2.3-rc1".
bool is_version_tag(std::string_view name);
/// Median of a histogram value -> count; the mean of the two middle values for an even count.
double median(const std::map<int64_t, int64_t>& histogram);
/// Rounds a share to 4 decimals (0 when the denominator is 0).
double share(int64_t part, int64_t whole);

struct TagInfo {
  std::string name;
  int32_t commit = -1;  ///< CommitGraph index
  int64_t time = 0;     ///< tagger date of an annotated tag, else the commit's committer date
};
/// Tags whose commit is in the graph and was analysed (`analysed[i]`), oldest first.
std::vector<TagInfo> read_tags(git_repository* repo, const CommitGraph& graph,
                               const std::vector<bool>& analysed);

/// Fills ReleasePractice from the tags; `reference` is the revision's commit date.
ReleasePractice release_practice(const CommitGraph& graph, const std::vector<bool>& analysed,
                                 const std::vector<TagInfo>& tags, int64_t reference,
                                 bool has_changelog);

/// Mainline commits (first-parent chain of the revision) and those arriving by pull request.
void mainline_practice(const CommitGraph& graph, const std::vector<bool>& analysed,
                       TraceabilityPractice& out);

}  // namespace rh::history
