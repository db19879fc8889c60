// Message, tag and path classifiers of the release and traceability practice.
#include "history/practice.h"

#include "core/repo_paths.h"

#include <gtest/gtest.h>

namespace rh::history {
namespace {

TEST(Practice, IssueReferences) {
  EXPECT_TRUE(references_issue("Fix crash, closes #12"));
  EXPECT_TRUE(references_issue("#7 at the start"));
  EXPECT_TRUE(references_issue("fix(app): handle errors PROJ-42"));
  EXPECT_TRUE(references_issue("GH-301 follow-up"));
  EXPECT_TRUE(references_issue("see https://github.com/o/r/issues/15 for details"));
  EXPECT_TRUE(references_issue("see https://gitlab.example/g/p/-/issues/3"));
  EXPECT_TRUE(references_issue("https://gitlab.example/g/p/-/merge_requests/8"));
  EXPECT_TRUE(references_issue("https://bugs.example/show_bug.cgi?id=99"));
  EXPECT_FALSE(references_issue("Use UTF-8 everywhere"));
  EXPECT_FALSE(references_issue("Switch to SHA-256 and ISO-8601 dates, RFC-3339"));
  EXPECT_FALSE(references_issue("Escape &#123; entities"));
  EXPECT_FALSE(references_issue("Port to C# and F#"));
  EXPECT_FALSE(references_issue("Bump version to 1.2.3"));
  EXPECT_FALSE(references_issue("color: #fff and #1a2b3c"));
  EXPECT_FALSE(references_issue("abcPROJ-1 is not a key"));
}

TEST(Practice, ConventionalCommits) {
  EXPECT_TRUE(is_conventional_commit("feat: add api"));
  EXPECT_TRUE(is_conventional_commit("fix(parser): handle EOF"));
  EXPECT_TRUE(is_conventional_commit("refactor!: drop old API"));
  EXPECT_TRUE(is_conventional_commit("build(deps)!: bump x"));
  EXPECT_TRUE(is_conventional_commit("Docs: capitalised type"));
  EXPECT_FALSE(is_conventional_commit("feat:missing space"));
  EXPECT_FALSE(is_conventional_commit("feat: "));
  EXPECT_FALSE(is_conventional_commit("Add feature"));
  EXPECT_FALSE(is_conventional_commit("Note: not a type"));
  EXPECT_FALSE(is_conventional_commit("feat(): empty scope"));
  EXPECT_FALSE(is_conventional_commit("WIP: something"));
}

TEST(Practice, PullRequests) {
  EXPECT_TRUE(is_pull_request_merge("Merge pull request #7 from carol/docs\n\ndocs"));
  EXPECT_TRUE(is_pull_request_merge("Merge branch 'f' into 'main'\n\nSee merge request g/p!12"));
  EXPECT_TRUE(is_pull_request_merge("Merged in feature/x (pull request #4)\n"));
  EXPECT_TRUE(is_pull_request_merge("Merged PR 1234: Add thing"));
  EXPECT_TRUE(is_pull_request_merge("Merge pull request 'Add x' (#5) from dev into main"));
  EXPECT_FALSE(is_pull_request_merge("Merge branch 'dev'"));
  EXPECT_FALSE(is_pull_request_merge("Merge pull request from nowhere"));
  EXPECT_TRUE(is_squashed_pull_request("feat: faster app (#12)"));
  EXPECT_TRUE(is_squashed_pull_request("Fix typo (#3) "));
  EXPECT_FALSE(is_squashed_pull_request("Fix #3 now"));
  EXPECT_FALSE(is_squashed_pull_request("Fix (#3) early"));
  EXPECT_FALSE(is_squashed_pull_request("(#)"));
}

TEST(Practice, VersionTags) {
  for (const char* t : {"v1.0.0", "1.2.3", "v0.1.0-rc.1", "1.0.0-alpha+001", "v10.20.30+build.5"})
    EXPECT_TRUE(is_semver_tag(t)) << t;
  for (const char* t : {"v1.0", "1.2", "v01.2.3", "1.2.3.4", "release-1.2.3", "latest", "v1.2.3-"})
    EXPECT_FALSE(is_semver_tag(t)) << t;
  for (const char* t : {"v1.0", "1.2", "v2", "release-2024.03", "v1.2.3-rc1", "app/v1.4.0", "1.2.3.4"})
    EXPECT_TRUE(is_version_tag(t)) << t;
  for (const char* t : {"latest", "nightly", "stable", "v", "2024", "build-7"})
    EXPECT_FALSE(is_version_tag(t)) << t;
}

TEST(Practice, ChangelogPaths) {
  for (const char* p : {"CHANGELOG.md", "changelog", "CHANGES.rst", "HISTORY.md", "NEWS",
                        "docs/RELEASE_NOTES.md", "changelog.d/123.feature.md", ".changeset/x.md",
                        "newsfragments/42.bugfix"})
    EXPECT_TRUE(is_changelog_path(p)) << p;
  for (const char* p : {"history.py", "src/changes.js", "node_modules/x/CHANGELOG.md",
                        "vendor/lib/CHANGES.md", "README.md", "news.html"})
    EXPECT_FALSE(is_changelog_path(p)) << p;
}

TEST(Practice, MedianAndShare) {
  EXPECT_DOUBLE_EQ(median({}), 0.0);
  EXPECT_DOUBLE_EQ(median({{5, 1}}), 5.0);
  EXPECT_DOUBLE_EQ(median({{1, 1}, {2, 1}}), 1.5);
  EXPECT_DOUBLE_EQ(median({{1, 6}, {2, 8}, {3, 2}}), 2.0);
  EXPECT_DOUBLE_EQ(median({{1, 2}, {10, 1}}), 1.0);
  EXPECT_DOUBLE_EQ(share(1, 3), 0.3333);
  EXPECT_DOUBLE_EQ(share(2, 3), 0.6667);
  EXPECT_DOUBLE_EQ(share(1, 0), 0.0);
}

}  // namespace
}  // namespace rh::history
