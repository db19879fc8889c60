// Reports are never written through a symbolic link the scanned repository controls, and a
// reader never sees half a file (core/safe_output.h).
#include "core/safe_output.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "support/test_support.h"

namespace rh {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::TempDir;
using test::write_file;

TEST(SafeOutput, CreatesMissingFoldersAndWritesWhole) {
  TempDir tmp;
  auto folder = open_output_folder((tmp.path() / "a/b/out").string(), tmp.str());
  ASSERT_TRUE(folder) << folder.error().message;
  auto written = write_file_atomically(*folder, "facts.json", "{\"x\": 1}\n");
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_EQ(read_file(tmp.path() / "a/b/out/facts.json"), "{\"x\": 1}\n");
  // No temporary file is left behind.
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path() / "a/b/out")) ++entries;
  EXPECT_EQ(entries, 1);
}

TEST(SafeOutput, ReplacesALinkedReportInsteadOfWritingThroughIt) {
  TempDir repo, outside;
  write_file(outside.path(), "victim.txt", "keep me\n");
  fs::create_directories(repo.path() / "repohealth-report");
  fs::create_symlink(outside.path() / "victim.txt", repo.path() / "repohealth-report/report.md");
  fs::create_symlink(outside.path() / "new.txt", repo.path() / "repohealth-report/facts.json");  // dangling

  auto folder = open_output_folder((repo.path() / "repohealth-report").string(), repo.str());
  ASSERT_TRUE(folder) << folder.error().message;
  ASSERT_TRUE(write_file_atomically(*folder, "report.md", "# report\n"));
  ASSERT_TRUE(write_file_atomically(*folder, "facts.json", "{}\n"));

  EXPECT_EQ(read_file(outside.path() / "victim.txt"), "keep me\n");
  EXPECT_FALSE(fs::exists(outside.path() / "new.txt"));
  EXPECT_FALSE(fs::is_symlink(repo.path() / "repohealth-report/report.md"));
  EXPECT_EQ(read_file(repo.path() / "repohealth-report/report.md"), "# report\n");
}

TEST(SafeOutput, RefusesAnOutputFolderThroughALinkInsideTheRepository) {
  TempDir repo, outside;
  fs::create_symlink(outside.path(), repo.path() / "repohealth-report");
  auto folder = open_output_folder((repo.path() / "repohealth-report").string(), repo.str());
  ASSERT_FALSE(folder);
  EXPECT_NE(folder.error().message.find("symbolic link"), std::string::npos) << folder.error().message;
  EXPECT_NE(folder.error().message.find("repohealth-report"), std::string::npos);

  // A link higher up inside the repository is refused too, even to a folder inside it.
  fs::create_directories(repo.path() / "real");
  fs::create_symlink(repo.path() / "real", repo.path() / "docs");
  EXPECT_FALSE(open_output_folder((repo.path() / "docs/out").string(), repo.str()));
  EXPECT_TRUE(fs::is_empty(outside.path()));
}

TEST(SafeOutput, FollowsLinksOutsideTheRepository) {
  // The user's own links (a /tmp that is a link, a home folder) are not the repository's.
  TempDir repo, mine;
  fs::create_directories(mine.path() / "real");
  fs::create_symlink(mine.path() / "real", mine.path() / "link");
  auto folder = open_output_folder((mine.path() / "link/out").string(), repo.str());
  ASSERT_TRUE(folder) << folder.error().message;
  ASSERT_TRUE(write_file_atomically(*folder, "report.md", "x"));
  EXPECT_EQ(read_file(mine.path() / "real/out/report.md"), "x");

  // A checkout reached through the user's own link is guarded below that link.
  fs::create_symlink(repo.path(), mine.path() / "checkout");
  fs::create_symlink(mine.path() / "real", repo.path() / "out");
  EXPECT_FALSE(open_output_folder((mine.path() / "checkout/out").string(), (mine.path() / "checkout").string()));
}

TEST(SafeOutput, AFileInTheWayIsAClearError) {
  TempDir tmp;
  write_file(tmp.path(), "out", "a file, not a folder");
  auto folder = open_output_folder((tmp.path() / "out").string());
  ASSERT_FALSE(folder);
  EXPECT_NE(folder.error().message.find("not a folder"), std::string::npos) << folder.error().message;
  EXPECT_FALSE(write_file_atomically(OutputFolder(), "../x", "y"));
}

TEST(SafeOutput, ConcurrentWritersNeverLeaveHalfAFile) {
  // Two writers replace one file over and over while a reader checks that every read is one of
  // the two whole texts: a rename is atomic, a truncate-and-rewrite is not.
  TempDir tmp;
  auto folder = open_output_folder(tmp.str());
  ASSERT_TRUE(folder);
  const std::string a = "{\"a\": \"" + std::string(200000, 'a') + "\"}\n";
  const std::string b = "{\"b\": \"" + std::string(300000, 'b') + "\"}\n";
  ASSERT_TRUE(write_file_atomically(*folder, "facts.json", a));
  std::vector<std::thread> writers;
  for (const std::string* text : {&a, &b})
    writers.emplace_back([&, text] {
      for (int i = 0; i < 40; ++i) ASSERT_TRUE(write_file_atomically(*folder, "facts.json", *text));
    });
  int torn = 0;
  for (int i = 0; i < 200; ++i) {
    std::string seen = read_file(tmp.path() / "facts.json");
    if (seen != a && seen != b) ++torn;
  }
  for (auto& t : writers) t.join();
  EXPECT_EQ(torn, 0);
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path())) ++entries;
  EXPECT_EQ(entries, 1);
}

}  // namespace
}  // namespace rh
