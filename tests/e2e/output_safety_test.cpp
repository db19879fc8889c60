// A scanned repository must not make repohealth write outside --out: committed links named like
// the reports, or an output folder that is a link, are never written through.
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e/e2e_support.h"

namespace rh::test {
namespace {

namespace fs = std::filesystem;

/// A repository committing `repohealth-report/<name>` links that point at `outside`.
void commit_hostile_links(const fs::path& repo, const fs::path& outside) {
  git(repo, "init -q -b main");
  write_file(repo, "app.py", "def main():\n    return 1\n");
  fs::create_directories(repo / "repohealth-report");
  fs::create_symlink(outside / "victim.md", repo / "repohealth-report/report.md");
  fs::create_symlink(outside / "planted.json", repo / "repohealth-report/facts.json");
  fs::create_symlink(outside / "planted.html", repo / "repohealth-report/report.html");
  git(repo, "add -A");
  git(repo, "commit -q -m 'links named like the reports'");
}

TEST(OutputSafety, DefaultScanInTheCheckoutReplacesCommittedLinks) {
  TempDir repo, outside;
  write_file(outside.path(), "victim.md", "not yours\n");
  commit_hostile_links(repo.path(), outside.path());

  // The default --out (repohealth-report/) in the checkout, as the GitLab template used to run.
  CommandResult r = run_repohealth("scan . --format md,json,html -q --no-history", repo.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(outside.path() / "victim.md"), "not yours\n");
  EXPECT_FALSE(fs::exists(outside.path() / "planted.json"));
  EXPECT_FALSE(fs::exists(outside.path() / "planted.html"));
  EXPECT_FALSE(fs::is_symlink(repo.path() / "repohealth-report/facts.json"));
  EXPECT_NE(read_file(repo.path() / "repohealth-report/facts.json").find("\"findings\""), std::string::npos);
}

TEST(OutputSafety, OutputFolderThatIsALinkInTheRepositoryIsRefused) {
  TempDir repo, outside;
  git(repo.path(), "init -q -b main");
  write_file(repo.path(), "app.py", "x = 1\n");
  fs::create_symlink(outside.path(), repo.path() / "repohealth-report");
  git(repo.path(), "add -A");
  git(repo.path(), "commit -q -m 'output folder is a link'");

  CommandResult r = run_repohealth("scan . -q --no-history", repo.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("symbolic link"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_empty(outside.path()));

  // `report` re-renders facts of that repository: the same folder is refused there too.
  TempDir out;
  CommandResult scan = run_repohealth("scan . -q --no-history --format json --out " + sh_quote(out.str()), repo.path());
  ASSERT_EQ(scan.exit_code, 0) << scan.err;
  CommandResult report =
      run_repohealth("report " + sh_quote((out.path() / "facts.json").string()) + " --format md", repo.path());
  EXPECT_EQ(report.exit_code, 2);
  EXPECT_TRUE(fs::is_empty(outside.path()));
}

}  // namespace
}  // namespace rh::test
