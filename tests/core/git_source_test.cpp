#include "core/git_source.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "core/file_source.h"
#include "support/test_support.h"

namespace rh {
namespace {
namespace fs = std::filesystem;
using rh::test::git;
using rh::test::sh_quote;
using rh::test::TempDir;
using rh::test::write_file;

const char* kDay1 = "2024-01-15T12:00:00Z";
const char* kDay2 = "2024-02-20T12:00:00Z";

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

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

struct Opened {
  std::unique_ptr<FileSource> source;
  SourceInfo info;
  SourceListing listing;
};

/// Opens and lists; fails the test on an error.
Opened open_and_list(const fs::path& root, const std::string& rev = "", bool worktree = false) {
  Opened out;
  auto source = open_source({root.string(), rev, worktree}, &out.info);
  EXPECT_TRUE(source.ok()) << (source.ok() ? "" : source.error().message);
  if (!source.ok()) return out;
  out.source = std::move(*source);
  auto listing = out.source->list();
  EXPECT_TRUE(listing.ok()) << (listing.ok() ? "" : listing.error().message);
  if (listing.ok()) out.listing = std::move(*listing);
  std::vector<std::string> paths = paths_of(out.listing);
  EXPECT_TRUE(std::is_sorted(paths.begin(), paths.end()));
  for (const auto& p : paths) {
    EXPECT_NE(p.rfind(".git/", 0), 0u) << p;
    EXPECT_EQ(p.find("/.git/"), std::string::npos) << p;
    EXPECT_NE(p.front(), '/') << p;
  }
  return out;
}

std::string read_entry(Opened& o, const std::string& path, int64_t max = 1 << 20) {
  const SourceEntry* e = find(o.listing, path);
  if (!e) {
    ADD_FAILURE() << "no entry " << path;
    return "";
  }
  auto r = o.source->read(*e, max);
  if (!r.ok()) {
    ADD_FAILURE() << r.error().message;
    return "";
  }
  return *r;
}

/// A repository with two commits (tag v1 on the first) and a dirty working tree.
class GitRepo : public ::testing::Test {
 protected:
  void SetUp() override {
    repo = tmp.path() / "repo";
    fs::create_directories(repo);
    git(repo, "init -q");
    write_file(repo, "a.txt", "one\n");
    write_file(repo, "dir/b.py", "print('b')\n");
    write_file(repo, "dir/sub/c.md", "# c\n");
    git(repo, "add -A", kDay1);
    git(repo, "commit -q -m first", kDay1);
    git(repo, "tag v1", kDay1);
    first = trimmed(git(repo, "rev-parse HEAD"));
    write_file(repo, "a.txt", "two two\n");
    write_file(repo, "c.txt", "new\n");
    git(repo, "rm -q dir/b.py", kDay2);
    git(repo, "add -A", kDay2);
    git(repo, "commit -q -m second", kDay2);
    second = trimmed(git(repo, "rev-parse HEAD"));
    // The working tree differs from every commit.
    write_file(repo, "a.txt", "uncommitted\n");
    write_file(repo, "untracked.txt", "u\n");
  }

  TempDir tmp;
  fs::path repo;
  std::string first, second;
};

TEST_F(GitRepo, ListsHeadFromTheObjectDatabase) {
  Opened o = open_and_list(repo);
  ASSERT_TRUE(o.source);
  EXPECT_EQ(o.source->kind(), "git-tree");
  EXPECT_EQ(o.info.kind, "git-tree");
  EXPECT_EQ(o.info.revision, second);
  EXPECT_EQ(o.info.branch, "main");
  EXPECT_TRUE(o.info.is_git);
  EXPECT_FALSE(o.info.is_bare);
  EXPECT_FALSE(o.info.is_shallow);
  EXPECT_FALSE(o.info.is_empty);
  EXPECT_EQ(paths_of(o.listing), (std::vector<std::string>{"a.txt", "c.txt", "dir/sub/c.md"}));
  EXPECT_TRUE(o.listing.notes.empty());
  const SourceEntry* a = find(o.listing, "a.txt");
  EXPECT_EQ(a->size, 8);
  EXPECT_EQ(a->blob_id, trimmed(git(repo, "rev-parse HEAD:a.txt")));
  EXPECT_EQ(read_entry(o, "a.txt"), "two two\n");
  EXPECT_EQ(read_entry(o, "a.txt", 3), "two");
}

TEST_F(GitRepo, ListsAnOlderRevisionByTagShortShaAndAncestry) {
  std::string short_sha = trimmed(git(repo, "rev-parse --short HEAD~1"));
  for (const std::string& rev : {std::string("v1"), short_sha, std::string("HEAD~1"), first}) {
    SCOPED_TRACE(rev);
    Opened o = open_and_list(repo, rev);
    ASSERT_TRUE(o.source);
    EXPECT_EQ(o.info.revision, first);
    EXPECT_EQ(o.info.branch, "main");
    EXPECT_EQ(paths_of(o.listing),
              (std::vector<std::string>{"a.txt", "dir/b.py", "dir/sub/c.md"}));
    EXPECT_EQ(read_entry(o, "a.txt"), "one\n");
    EXPECT_EQ(read_entry(o, "dir/b.py"), "print('b')\n");
  }
}

TEST_F(GitRepo, UnknownRevisionIsAnErrorNamingIt) {
  SourceInfo info;
  auto source = open_source({repo.string(), "no-such-branch", false}, &info);
  ASSERT_FALSE(source.ok());
  EXPECT_NE(source.error().message.find("no-such-branch"), std::string::npos);
  auto blob = open_source({repo.string(), "HEAD:a.txt", false}, &info);
  ASSERT_FALSE(blob.ok());
  EXPECT_NE(blob.error().message.find("HEAD:a.txt"), std::string::npos);
}

TEST_F(GitRepo, SubfolderListsItsFilesRelativeToIt) {
  Opened o = open_and_list(repo / "dir", "v1");
  ASSERT_TRUE(o.source);
  EXPECT_EQ(paths_of(o.listing), (std::vector<std::string>{"b.py", "sub/c.md"}));
  EXPECT_EQ(read_entry(o, "b.py"), "print('b')\n");
  fs::create_directories(repo / "notes");
  Opened untracked = open_and_list(repo / "notes");
  EXPECT_TRUE(untracked.listing.entries.empty());
  EXPECT_FALSE(untracked.info.notes.empty());
}

TEST_F(GitRepo, DetachedHeadHasNoBranch) {
  git(repo, "checkout -q -f --detach HEAD~1");
  Opened o = open_and_list(repo);
  EXPECT_EQ(o.info.revision, first);
  EXPECT_EQ(o.info.branch, "");
}

TEST_F(GitRepo, BareClone) {
  git(tmp.path(), "clone -q --bare " + sh_quote(repo.string()) + " bare.git");
  Opened o = open_and_list(tmp.path() / "bare.git");
  ASSERT_TRUE(o.source);
  EXPECT_TRUE(o.info.is_bare);
  EXPECT_EQ(o.info.revision, second);
  EXPECT_EQ(paths_of(o.listing), (std::vector<std::string>{"a.txt", "c.txt", "dir/sub/c.md"}));
  EXPECT_EQ(read_entry(o, "c.txt"), "new\n");
  Opened old = open_and_list(tmp.path() / "bare.git", "v1");
  EXPECT_EQ(read_entry(old, "a.txt"), "one\n");
  SourceInfo info;
  EXPECT_FALSE(open_source({(tmp.path() / "bare.git").string(), "", true}, &info).ok());
}

TEST_F(GitRepo, ShallowClone) {
  git(tmp.path(), "clone -q --depth 1 " + sh_quote("file://" + repo.string()) + " shallow");
  Opened o = open_and_list(tmp.path() / "shallow");
  ASSERT_TRUE(o.source);
  EXPECT_TRUE(o.info.is_shallow);
  EXPECT_FALSE(o.info.notes.empty());
  EXPECT_EQ(o.info.revision, second);
  EXPECT_EQ(paths_of(o.listing), (std::vector<std::string>{"a.txt", "c.txt", "dir/sub/c.md"}));
}

TEST(GitSource, EmptyRepositoryHasNoEntries) {
  TempDir tmp;
  git(tmp.path(), "init -q");
  Opened o = open_and_list(tmp.path());
  ASSERT_TRUE(o.source);
  EXPECT_EQ(o.info.kind, "git-tree");
  EXPECT_TRUE(o.info.is_git);
  EXPECT_TRUE(o.info.is_empty);
  EXPECT_EQ(o.info.branch, "main");
  EXPECT_TRUE(o.listing.entries.empty());
  EXPECT_NE(std::find(o.info.notes.begin(), o.info.notes.end(), msg("source.no_commits")), o.info.notes.end());
  SourceInfo info;
  auto rev = open_source({tmp.str(), "HEAD~3", false}, &info);
  ASSERT_FALSE(rev.ok());
  EXPECT_NE(rev.error().message.find("HEAD~3"), std::string::npos);
}

TEST(GitSource, SubmoduleIsListedNotOpened) {
  TempDir tmp;
  fs::path lib = tmp.path() / "lib";
  fs::create_directories(lib);
  git(lib, "init -q");
  write_file(lib, "lib.c", "int f(void) { return 1; }\n");
  git(lib, "add -A");
  git(lib, "commit -q -m lib");
  std::string lib_head = trimmed(git(lib, "rev-parse HEAD"));
  fs::path app = tmp.path() / "app";
  fs::create_directories(app);
  git(app, "init -q");
  write_file(app, "main.c", "int main(void) { return 0; }\n");
  git(app, "-c protocol.file.allow=always submodule add -q " + sh_quote(lib.string()) +
               " vendor/lib");
  git(app, "add -A");
  git(app, "commit -q -m app");
  Opened o = open_and_list(app);
  ASSERT_TRUE(o.source);
  EXPECT_EQ(paths_of(o.listing),
            (std::vector<std::string>{".gitmodules", "main.c", "vendor/lib"}));
  const SourceEntry* sub = find(o.listing, "vendor/lib");
  EXPECT_EQ(sub->kind, SourceEntry::Kind::submodule);
  EXPECT_EQ(sub->blob_id, lib_head);
  EXPECT_FALSE(o.source->read(*sub, 100).ok());

  Opened work = open_and_list(app, "", true);
  ASSERT_TRUE(work.source);
  EXPECT_EQ(paths_of(work.listing),
            (std::vector<std::string>{".gitmodules", "main.c", "vendor/lib"}));
  EXPECT_EQ(find(work.listing, "vendor/lib")->kind, SourceEntry::Kind::submodule);
}

fs::path loose_object(const fs::path& repo, const std::string& id) {
  return repo / ".git/objects" / id.substr(0, 2) / id.substr(2);
}

TEST(GitSource, MissingObjectsAreNotedAndListingContinues) {
  TempDir tmp;
  fs::path repo = tmp.path();
  git(repo, "init -q");
  write_file(repo, "keep.txt", "keep\n");
  write_file(repo, "lost.txt", "this blob will be deleted\n");
  write_file(repo, "gone/inner.txt", "inside a lost tree\n");
  write_file(repo, "z/last.txt", "last\n");
  git(repo, "add -A");
  git(repo, "commit -q -m c");
  std::string lost = trimmed(git(repo, "rev-parse HEAD:lost.txt"));
  std::string gone = trimmed(git(repo, "rev-parse HEAD:gone"));
  ASSERT_TRUE(fs::remove(loose_object(repo, lost)));
  ASSERT_TRUE(fs::remove(loose_object(repo, gone)));
  // Declared as a partial clone, the way `git clone --filter` marks one.
  git(repo, "config core.repositoryformatversion 1");
  git(repo, "config extensions.partialClone origin");

  Opened o = open_and_list(repo);
  ASSERT_TRUE(o.source);
  EXPECT_EQ(paths_of(o.listing), (std::vector<std::string>{"keep.txt", "lost.txt", "z/last.txt"}));
  const SourceEntry* e = find(o.listing, "lost.txt");
  EXPECT_EQ(e->size, -1);
  EXPECT_EQ(e->blob_id, lost);
  ASSERT_EQ(o.listing.notes.size(), 2u);
  bool blob_noted = false, tree_noted = false;
  for (const auto& note : o.listing.notes) {
    if (note.path == "lost.txt" && english(note.message).find("object " + lost + " missing") == 0)
      blob_noted = true;
    if (note.path == "gone" && english(note.message).find("object " + gone + " missing") == 0)
      tree_noted = true;
  }
  EXPECT_TRUE(blob_noted);
  EXPECT_TRUE(tree_noted);
  auto read = o.source->read(*e, 100);
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("lost.txt"), std::string::npos);
  EXPECT_NE(read.error().message.find(lost), std::string::npos);
  EXPECT_EQ(read_entry(o, "keep.txt"), "keep\n");
}

TEST(GitSource, SymlinksInTheTree) {
  TempDir tmp;
  fs::path repo = tmp.path();
  git(repo, "init -q");
  write_file(repo, "dir/data.txt", "data\n");
  fs::create_symlink("/etc/passwd", repo / "passwd");
  fs::create_symlink("dir/data.txt", repo / "good");
  fs::create_symlink("../data.txt", repo / "dir/sub_link_up");  // dir/sub_link_up -> data.txt
  fs::create_directories(repo / "dir/deeper");
  fs::create_symlink("../data.txt", repo / "dir/deeper/up");
  fs::create_symlink("../outside.txt", repo / "escape");
  fs::create_symlink("b", repo / "a");
  fs::create_symlink("a", repo / "b");
  fs::create_symlink("good", repo / "link_to_link");
  fs::create_symlink("dir", repo / "dir_link");
  git(repo, "add -A");
  git(repo, "commit -q -m links");
  Opened o = open_and_list(repo);
  ASSERT_TRUE(o.source);
  for (const char* name : {"passwd", "escape", "a", "b", "link_to_link", "dir_link",
                           "dir/sub_link_up"}) {
    const SourceEntry* e = find(o.listing, name);
    ASSERT_TRUE(e) << name;
    EXPECT_EQ(e->kind, SourceEntry::Kind::symlink) << name;
    EXPECT_FALSE(e->link_inside) << name;
    EXPECT_FALSE(o.source->read(*e, 100).ok()) << name;
  }
  EXPECT_EQ(find(o.listing, "passwd")->link_target, "/etc/passwd");
  for (const char* name : {"good", "dir/deeper/up"}) {
    const SourceEntry* e = find(o.listing, name);
    ASSERT_TRUE(e) << name;
    EXPECT_TRUE(e->link_inside) << name;
    EXPECT_EQ(read_entry(o, name), "data\n");
  }
}

TEST(GitSource, WorktreeHonoursGitignoreAndTrackedFiles) {
  TempDir tmp;
  fs::path repo = tmp.path();
  git(repo, "init -q");
  write_file(repo, ".gitignore", "*.log\n!keep.log\nbuild/\n");
  write_file(repo, "src/.gitignore", "*.tmp\n");
  write_file(repo, "src/main.c", "int main;\n");
  write_file(repo, "forced.log", "tracked although ignored\n");
  git(repo, "add .gitignore src");
  git(repo, "add -f forced.log");
  git(repo, "commit -q -m c");
  write_file(repo, "new.txt", "untracked, not ignored\n");
  write_file(repo, "debug.log", "");
  write_file(repo, "keep.log", "");
  write_file(repo, "build/out.o", "");
  write_file(repo, "src/x.tmp", "");
  write_file(repo, "x.tmp", "");
  write_file(repo, "excluded.dat", "");
  write_file(repo, ".git/info/exclude", "excluded.dat\n");
  write_file(repo, "src/main.c", "int main(void);\n");  // modified, not committed
  Opened o = open_and_list(repo, "", true);
  ASSERT_TRUE(o.source);
  EXPECT_EQ(o.source->kind(), "worktree");
  EXPECT_EQ(o.info.kind, "worktree");
  EXPECT_TRUE(o.info.is_git);
  EXPECT_EQ(o.info.branch, "main");
  EXPECT_EQ(paths_of(o.listing),
            (std::vector<std::string>{".gitignore", "forced.log", "keep.log", "new.txt",
                                      "src/.gitignore", "src/main.c", "x.tmp"}));
  EXPECT_EQ(read_entry(o, "src/main.c"), "int main(void);\n");
  EXPECT_EQ(find(o.listing, "src/main.c")->size, 16);

  Opened sub = open_and_list(repo / "src", "", true);
  EXPECT_EQ(paths_of(sub.listing), (std::vector<std::string>{".gitignore", "main.c"}));
}

TEST(GitSource, NothingUnderGitIsListed) {
  TempDir tmp;
  fs::path repo = tmp.path();
  git(repo, "init -q");
  write_file(repo, "f.txt", "f\n");
  git(repo, "add -A");
  git(repo, "commit -q -m c");
  for (bool worktree : {false, true}) {
    Opened o = open_and_list(repo, "", worktree);
    EXPECT_EQ(paths_of(o.listing), std::vector<std::string>{"f.txt"}) << worktree;
  }
  // An embedded repository in the working tree is one submodule entry, never walked.
  fs::create_directories(repo / "embedded");
  git(repo / "embedded", "init -q");
  write_file(repo, "embedded/inner.txt", "i\n");
  Opened work = open_and_list(repo, "", true);
  EXPECT_EQ(paths_of(work.listing), (std::vector<std::string>{"embedded", "f.txt"}));
  EXPECT_EQ(find(work.listing, "embedded")->kind, SourceEntry::Kind::submodule);
}

TEST_F(GitRepo, ConcurrentReadsMatchSequentialReads) {
  Opened o = open_and_list(repo, "v1");
  ASSERT_TRUE(o.source);
  std::vector<std::string> expected;
  for (const auto& e : o.listing.entries) expected.push_back(*o.source->read(e, 1 << 20));
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int round = 0; round < 50; ++round)
        for (size_t i = 0; i < o.listing.entries.size(); ++i) {
          auto r = o.source->read(o.listing.entries[i], 1 << 20);
          if (!r.ok() || *r != expected[i]) ++mismatches;
        }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace rh
