#include "core/folder_source.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "core/file_source.h"
#include "support/test_support.h"

namespace rh {
namespace {
namespace fs = std::filesystem;
using rh::test::TempDir;
using rh::test::write_file;

std::vector<std::string> paths_of(const SourceListing& listing) {
  std::vector<std::string> out;
  for (const auto& e : listing.entries) out.push_back(e.path);
  return out;
}

const SourceEntry* find(const SourceListing& listing, const std::string& path) {
  for (const auto& e : listing.entries)
    if (e.path == path) return &e;
  return nullptr;
}

/// Every path is relative, '/' separated, sorted, and nothing is under .git.
void expect_well_formed(const SourceListing& listing) {
  std::vector<std::string> paths = paths_of(listing);
  EXPECT_TRUE(std::is_sorted(paths.begin(), paths.end()));
  for (const auto& p : paths) {
    EXPECT_FALSE(p.empty());
    EXPECT_NE(p.front(), '/') << p;
    EXPECT_NE(p.rfind("../", 0), 0u) << p;
    EXPECT_EQ(p.find('\\'), std::string::npos) << p;
    EXPECT_NE(p.rfind(".git/", 0), 0u) << p;
    EXPECT_EQ(p.find("/.git/"), std::string::npos) << p;
  }
}

std::unique_ptr<FileSource> open_plain(const fs::path& root) {
  auto source = open_folder_source(fs::canonical(root), make_gitignore_filter(), "folder");
  EXPECT_TRUE(source.ok()) << (source.ok() ? "" : source.error().message);
  return source.ok() ? std::move(*source) : nullptr;
}

TEST(FolderSource, ListsFilesSortedRelativeWithSizes) {
  TempDir dir;
  write_file(dir.path(), "b.txt", "bee");
  write_file(dir.path(), "a/z.py", "print(1)\n");
  write_file(dir.path(), "a/b/c.txt", "");
  write_file(dir.path(), "a.txt", "12345");
  fs::create_directories(dir.path() / "empty/folder");
  auto source = open_plain(dir.path());
  ASSERT_TRUE(source);
  EXPECT_EQ(source->kind(), "folder");
  auto listing = source->list();
  ASSERT_TRUE(listing.ok()) << listing.error().message;
  EXPECT_EQ(paths_of(*listing),
            (std::vector<std::string>{"a.txt", "a/b/c.txt", "a/z.py", "b.txt"}));
  expect_well_formed(*listing);
  EXPECT_EQ(find(*listing, "a.txt")->size, 5);
  EXPECT_EQ(find(*listing, "a/b/c.txt")->size, 0);
  EXPECT_EQ(find(*listing, "a.txt")->kind, SourceEntry::Kind::regular);
  EXPECT_TRUE(find(*listing, "a.txt")->blob_id.empty());
  EXPECT_TRUE(listing->notes.empty());
}

TEST(FolderSource, ReadsCappedContent) {
  TempDir dir;
  write_file(dir.path(), "sub/file.txt", "0123456789");
  auto source = open_plain(dir.path());
  ASSERT_TRUE(source);
  auto listing = source->list();
  ASSERT_TRUE(listing.ok());
  const SourceEntry* e = find(*listing, "sub/file.txt");
  ASSERT_TRUE(e);
  EXPECT_EQ(*source->read(*e, 1000), "0123456789");
  EXPECT_EQ(*source->read(*e, 4), "0123");
  EXPECT_EQ(*source->read(*e, 0), "");
  EXPECT_EQ(*source->read(*e, -1), "0123456789");
}

TEST(FolderSource, NeverEntersGitFolders) {
  TempDir dir;
  write_file(dir.path(), "keep.txt", "x");
  write_file(dir.path(), ".git/config", "[core]\n");
  write_file(dir.path(), "nested/.git/HEAD", "ref: refs/heads/main\n");
  write_file(dir.path(), "nested/file.txt", "y");
  auto source = open_plain(dir.path());
  ASSERT_TRUE(source);
  auto listing = source->list();
  ASSERT_TRUE(listing.ok());
  EXPECT_EQ(paths_of(*listing), (std::vector<std::string>{"keep.txt", "nested/file.txt"}));
  expect_well_formed(*listing);
}

TEST(FolderSource, SymlinksAreListedNotFollowed) {
  TempDir dir;
  const fs::path& root = dir.path();
  write_file(root, "real/data.txt", "inside data");
  fs::create_symlink("/etc/passwd", root / "passwd");
  fs::create_symlink("real/data.txt", root / "good_link");
  fs::create_symlink("../outside.txt", root / "escape");
  fs::create_symlink("b", root / "a");  // a -> b -> a
  fs::create_symlink("a", root / "b");
  fs::create_symlink("..", root / "real/up");  // a folder loop
  fs::create_symlink(".", root / "real/self");
  fs::create_directory_symlink("/etc", root / "etc_dir");
  fs::create_symlink("missing_target", root / "dangling");
  write_file(root, ".git/config", "secret");
  fs::create_symlink(".git/config", root / "to_git");
  auto source = open_plain(root);
  ASSERT_TRUE(source);
  auto listing = source->list();
  ASSERT_TRUE(listing.ok());
  expect_well_formed(*listing);
  EXPECT_EQ(paths_of(*listing),
            (std::vector<std::string>{"a", "b", "dangling", "escape", "etc_dir", "good_link",
                                      "passwd", "real/data.txt", "real/self", "real/up",
                                      "to_git"}));
  for (const char* name : {"a", "b", "dangling", "escape", "etc_dir", "passwd", "real/self",
                           "real/up", "to_git"}) {
    const SourceEntry* e = find(*listing, name);
    ASSERT_TRUE(e) << name;
    EXPECT_EQ(e->kind, SourceEntry::Kind::symlink) << name;
    EXPECT_FALSE(e->link_inside) << name;
    auto read = source->read(*e, 1 << 20);
    EXPECT_FALSE(read.ok()) << name;
    if (!read.ok()) {
      EXPECT_NE(read.error().message.find(name), std::string::npos);
    }
  }
  EXPECT_EQ(find(*listing, "passwd")->link_target, "/etc/passwd");
  EXPECT_EQ(find(*listing, "real/up")->link_target, "..");
  const SourceEntry* good = find(*listing, "good_link");
  EXPECT_EQ(good->kind, SourceEntry::Kind::symlink);
  EXPECT_EQ(good->link_target, "real/data.txt");
  EXPECT_TRUE(good->link_inside);
  auto content = source->read(*good, 100);
  ASSERT_TRUE(content.ok()) << content.error().message;
  EXPECT_EQ(*content, "inside data");
}

TEST(FolderSource, ReadRefusesALinkThatChangedSinceListing) {
  TempDir dir;
  write_file(dir.path(), "data.txt", "ok");
  fs::create_symlink("data.txt", dir.path() / "link");
  auto source = open_plain(dir.path());
  ASSERT_TRUE(source);
  auto listing = source->list();
  ASSERT_TRUE(listing.ok());
  SourceEntry link = *find(*listing, "link");
  ASSERT_TRUE(link.link_inside);
  fs::remove(dir.path() / "link");
  fs::create_symlink("/etc/passwd", dir.path() / "link");
  EXPECT_FALSE(source->read(link, 100).ok());
  // A regular entry replaced by a link is not followed either.
  SourceEntry data = *find(*listing, "data.txt");
  fs::remove(dir.path() / "data.txt");
  fs::create_symlink("/etc/passwd", dir.path() / "data.txt");
  auto read = source->read(data, 100);
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("data.txt"), std::string::npos);
}

TEST(FolderSource, SpecialFilesAreNotedNotListed) {
  TempDir dir;
  write_file(dir.path(), "x.txt", "x");
  ASSERT_EQ(::mkfifo((dir.path() / "pipe").c_str(), 0644), 0);
  auto source = open_plain(dir.path());
  ASSERT_TRUE(source);
  auto listing = source->list();
  ASSERT_TRUE(listing.ok());
  EXPECT_EQ(paths_of(*listing), std::vector<std::string>{"x.txt"});
  ASSERT_EQ(listing->notes.size(), 1u);
  EXPECT_EQ(listing->notes[0].path, "pipe");
  SourceEntry fake;
  fake.path = "pipe";
  EXPECT_FALSE(source->read(fake, 10).ok());  // must not block on the FIFO
}

TEST(FolderSource, HonoursGitignoreWithNegationAndNesting) {
  TempDir dir;
  const fs::path& root = dir.path();
  write_file(root, ".gitignore",
             "# build output\n*.log\n!keep.log\nbuild/\n/top_only.txt\ndocs/*.tmp\n"
             "cache/\n!cache/kept.txt\n");
  write_file(root, "a.log", "");
  write_file(root, "keep.log", "");
  write_file(root, "src/deep/b.log", "");
  write_file(root, "src/deep/keep.log", "");
  write_file(root, "build/out.o", "");
  write_file(root, "src/build/out.o", "");
  write_file(root, "build.txt", "");  // a file named like the folder pattern with a suffix
  write_file(root, "top_only.txt", "");
  write_file(root, "src/top_only.txt", "");
  write_file(root, "docs/a.tmp", "");
  write_file(root, "docs/x/a.tmp", "");
  write_file(root, "cache/kept.txt", "");  // the folder is ignored: not re-included
  write_file(root, "sub/.gitignore", "*.dat\n!*.log\n/local\n");
  write_file(root, "sub/a.dat", "");
  write_file(root, "sub/x.log", "");
  write_file(root, "sub/local", "");
  write_file(root, "sub/inner/local", "");
  write_file(root, "other/a.dat", "");
  auto source = open_plain(root);
  ASSERT_TRUE(source);
  auto listing = source->list();
  ASSERT_TRUE(listing.ok());
  expect_well_formed(*listing);
  EXPECT_EQ(paths_of(*listing),
            (std::vector<std::string>{".gitignore", "build.txt", "docs/x/a.tmp", "keep.log",
                                      "other/a.dat", "src/deep/keep.log", "src/top_only.txt",
                                      "sub/.gitignore", "sub/inner/local", "sub/x.log"}));
}

TEST(FolderSource, IgnoredFoldersAreNotEntered) {
  TempDir dir;
  write_file(dir.path(), ".gitignore", "node_modules/\n");
  write_file(dir.path(), "node_modules/pkg/index.js", "");
  fs::create_directories(dir.path() / "node_modules/locked");
  ::chmod((dir.path() / "node_modules/locked").c_str(), 0);
  write_file(dir.path(), "index.js", "");
  auto source = open_plain(dir.path());
  ASSERT_TRUE(source);
  auto listing = source->list();
  ASSERT_TRUE(listing.ok());
  EXPECT_EQ(paths_of(*listing), (std::vector<std::string>{".gitignore", "index.js"}));
  EXPECT_TRUE(listing->notes.empty());
}

TEST(FolderSource, SymlinkedGitignoreIsNotFollowed) {
  TempDir dir;
  write_file(dir.path(), "elsewhere/patterns", "*.txt\n");
  fs::create_symlink("elsewhere/patterns", dir.path() / ".gitignore");
  write_file(dir.path(), "a.txt", "");
  auto source = open_plain(dir.path());
  ASSERT_TRUE(source);
  auto listing = source->list();
  ASSERT_TRUE(listing.ok());
  EXPECT_NE(find(*listing, "a.txt"), nullptr);
}

TEST(FolderSource, ReadOfAMissingFileNamesIt) {
  TempDir dir;
  auto source = open_plain(dir.path());
  ASSERT_TRUE(source);
  SourceEntry missing;
  missing.path = "no/such/file.txt";
  auto read = source->read(missing, 10);
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("no/such/file.txt"), std::string::npos);
  SourceEntry escape;
  escape.path = "../etc/passwd";
  EXPECT_FALSE(source->read(escape, 10).ok());
}

TEST(FolderSource, UnreadableFileIsAnErrorNamingIt) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  TempDir dir;
  write_file(dir.path(), "secret.txt", "s");
  auto source = open_plain(dir.path());
  ASSERT_TRUE(source);
  ::chmod((dir.path() / "secret.txt").c_str(), 0);
  SourceEntry secret;
  secret.path = "secret.txt";
  auto denied = source->read(secret, 10);
  ASSERT_FALSE(denied.ok());
  EXPECT_NE(denied.error().message.find("secret.txt"), std::string::npos);
}

TEST(FolderSource, UnreadableFolderIsNoted) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads folders whatever their mode";
  TempDir dir;
  write_file(dir.path(), "locked/a.txt", "");
  write_file(dir.path(), "b.txt", "");
  ::chmod((dir.path() / "locked").c_str(), 0);
  auto source = open_plain(dir.path());
  ASSERT_TRUE(source);
  auto listing = source->list();
  ASSERT_TRUE(listing.ok());
  EXPECT_EQ(paths_of(*listing), std::vector<std::string>{"b.txt"});
  ASSERT_FALSE(listing->notes.empty());
  EXPECT_EQ(listing->notes[0].path, "locked");
}

TEST(OpenSource, PlainFolderAndPathErrors) {
  TempDir dir;
  write_file(dir.path(), "f.txt", "x");
  SourceInfo info;
  auto folder = open_source({dir.str(), "", false}, &info);
  ASSERT_TRUE(folder.ok()) << folder.error().message;
  EXPECT_EQ((*folder)->kind(), "folder");
  EXPECT_EQ(info.kind, "folder");
  EXPECT_FALSE(info.is_git);

  std::string nowhere = (dir.path() / "does-not-exist").string();
  auto missing = open_source({nowhere, "", false}, &info);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "path does not exist: " + nowhere);

  std::string file = (dir.path() / "f.txt").string();
  auto not_dir = open_source({file, "", false}, &info);
  ASSERT_FALSE(not_dir.ok());
  EXPECT_NE(not_dir.error().message.find(file), std::string::npos);

  auto rev = open_source({dir.str(), "v1.0", false}, &info);
  ASSERT_FALSE(rev.ok());
  EXPECT_NE(rev.error().message.find("v1.0"), std::string::npos);

  auto worktree = open_source({dir.str(), "", true}, &info);
  ASSERT_TRUE(worktree.ok());
  EXPECT_EQ((*worktree)->kind(), "folder");
}

TEST(OpenSource, UnreadableRootIsAnError) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads folders whatever their mode";
  TempDir dir;
  fs::create_directories(dir.path() / "locked");
  ::chmod((dir.path() / "locked").c_str(), 0);
  auto source = open_source({(dir.path() / "locked").string(), "", false}, nullptr);
  ASSERT_FALSE(source.ok());
  EXPECT_NE(source.error().message.find("locked"), std::string::npos);
}

}  // namespace
}  // namespace rh
