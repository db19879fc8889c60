#include "cache/file_cache.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "cache/build_identity.h"
#include "support/test_support.h"

namespace rh {
namespace {
namespace fs = std::filesystem;

std::unique_ptr<FileCache> open_cache(const std::string& dir, std::vector<Message>& warnings, int64_t today = 20000) {
  FileCacheOptions o;
  o.dir = dir;
  o.today = today;
  return FileCache::open(o, warnings);
}

void fill(const std::string& dir, int n) {
  std::vector<Message> warnings;
  auto cache = open_cache(dir, warnings);
  ASSERT_TRUE(cache);
  for (int i = 0; i < n; ++i)
    cache->put("key" + std::to_string(i), "p" + std::to_string(i),
               {"outcome" + std::to_string(i) + std::string(2000, 'o'), std::string(3000, 't')});
  cache->flush();
  EXPECT_TRUE(cache->take_warnings().empty());
}

TEST(FileCache, StoresAndFindsRecordsAcrossOpens) {
  test::TempDir dir;
  const std::string folder = dir.str() + "/new/cache";
  fill(folder, 3);
  struct stat st {};
  ASSERT_EQ(::stat(folder.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);  // created private
  std::vector<Message> warnings;
  auto cache = open_cache(folder, warnings);
  ASSERT_TRUE(cache);
  EXPECT_TRUE(warnings.empty());
  auto r = cache->get("key1", "p1");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->outcome, "outcome1" + std::string(2000, 'o'));
  EXPECT_EQ(r->tokens, std::string(3000, 't'));
  EXPECT_FALSE(cache->get("key1", "other/path"));  // the path is checked too
  EXPECT_FALSE(cache->get("nokey", "p1"));
  EXPECT_EQ(cache->records(), 3u);
  EXPECT_TRUE(cache->take_warnings().empty());
}

/// A foreign or truncated file: one warning, moved aside, and the cache works again at once.
void expect_rebuilt(const std::string& folder, const std::string& file) {
  std::vector<Message> warnings;
  auto cache = open_cache(folder, warnings);
  ASSERT_TRUE(cache) << (warnings.empty() ? "" : english(warnings.front()));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(english(warnings.front()).find(file), std::string::npos) << english(warnings.front());
  EXPECT_TRUE(fs::exists(file + ".broken"));
  EXPECT_FALSE(cache->get("key1", "p1"));
  cache->put("k", "p", {"o", "t"});
  cache->flush();
  EXPECT_TRUE(cache->take_warnings().empty());
  EXPECT_EQ(cache->records(), 1u);
}

TEST(FileCache, ForeignFileIsRebuiltWithOneWarning) {
  test::TempDir dir;
  const std::string folder = dir.str();
  const std::string file = folder + "/" + FileCache::kFileName;
  test::write_file(dir.path(), FileCache::kFileName, "this is not a database, it is text\n" + std::string(5000, 'z'));
  expect_rebuilt(folder, file);
}

TEST(FileCache, AnotherApplicationsDatabaseIsRebuilt) {
  test::TempDir dir;
  const std::string file = dir.str() + "/" + FileCache::kFileName;
  {
    auto db = SqliteDb::open(file);
    ASSERT_TRUE(std::holds_alternative<std::unique_ptr<SqliteDb>>(db));
    ASSERT_FALSE(std::get<0>(db)->exec("CREATE TABLE files(x); PRAGMA user_version=7"));
  }
  expect_rebuilt(dir.str(), file);
}

TEST(FileCache, TruncatedFileIsRebuiltWithOneWarning) {
  test::TempDir dir;
  const std::string folder = dir.str();
  const std::string file = folder + "/" + FileCache::kFileName;
  fill(folder, 200);
  const auto size = fs::file_size(file);
  ASSERT_GT(size, 100000u);
  fs::resize_file(file, 1000);  // part of the first page only
  expect_rebuilt(folder, file);
}

TEST(FileCache, DamageFoundDuringLookupsIsReportedOnceAndRebuiltAtFlush) {
  test::TempDir dir;
  const std::string folder = dir.str();
  const std::string file = folder + "/" + FileCache::kFileName;
  fill(folder, 200);
  fs::resize_file(file, fs::file_size(file) / 2);  // the header survives, later pages are gone
  std::vector<Message> warnings;
  auto cache = open_cache(folder, warnings);
  ASSERT_TRUE(cache);
  int found = 0;
  for (int i = 0; i < 200; ++i) found += cache->get("key" + std::to_string(i), "p" + std::to_string(i)) ? 1 : 0;
  EXPECT_LT(found, 200);
  cache->put("fresh", "p", {"o", "t"});
  cache->flush();
  auto w = cache->take_warnings();
  w.insert(w.end(), warnings.begin(), warnings.end());
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(english(w.front()).find(file), std::string::npos) << english(w.front());
  std::vector<Message> again;
  auto reopened = open_cache(folder, again);
  ASSERT_TRUE(reopened);
  EXPECT_TRUE(again.empty());
  EXPECT_TRUE(reopened->get("fresh", "p"));
}

TEST(FileCache, PlantedLinksAreRemovedNeverWrittenThrough) {
  test::TempDir dir;
  const std::string folder = dir.str() + "/cache";
  fs::create_directories(folder);
  test::write_file(dir.path(), "outside/db", "");
  test::write_file(dir.path(), "outside/wal", "");
  fs::create_symlink(dir.path() / "outside/db", folder + "/" + FileCache::kFileName);
  fs::create_symlink(dir.path() / "outside/wal", folder + "/" + FileCache::kFileName + "-wal");
  std::vector<Message> warnings;
  auto cache = open_cache(folder, warnings);
  ASSERT_TRUE(cache);
  EXPECT_EQ(warnings.size(), 1u);
  cache->put("k", "p", {"o", "t"});
  cache->flush();
  EXPECT_EQ(test::read_file(dir.path() / "outside/db"), "");
  EXPECT_EQ(test::read_file(dir.path() / "outside/wal"), "");
  EXPECT_FALSE(fs::is_symlink(folder + "/" + FileCache::kFileName));
}

TEST(FileCache, OldRecordsAreDroppedAndUsedOnesKept) {
  test::TempDir dir;
  std::vector<Message> warnings;
  {
    auto cache = open_cache(dir.str(), warnings, 1000);
    cache->put("old", "p", {"o", "t"});
    cache->put("kept", "q", {"o", "t"});
    cache->flush();
  }
  {
    auto cache = open_cache(dir.str(), warnings, 1020);
    EXPECT_TRUE(cache->get("kept", "q"));  // used on day 1020
    cache->put("new", "r", {"o", "t"});
    cache->flush();
  }
  auto cache = open_cache(dir.str(), warnings, 1040);  // 40 days after "old", 20 after "kept"
  cache->put("newer", "s", {"o", "t"});
  cache->flush();
  EXPECT_FALSE(cache->get("old", "p"));
  EXPECT_TRUE(cache->get("kept", "q"));
  EXPECT_TRUE(cache->get("new", "r"));
  EXPECT_TRUE(warnings.empty());
}

TEST(FileCache, SizeBoundDropsLeastRecentlyUsed) {
  test::TempDir dir;
  std::vector<Message> warnings;
  FileCacheOptions o;
  o.dir = dir.str();
  o.max_bytes = 10000;
  for (int day = 1; day <= 6; ++day) {
    o.today = 5000 + day;
    auto cache = FileCache::open(o, warnings);
    cache->put("k" + std::to_string(day), "p", {std::string(3000, 'x'), ""});
    cache->flush();
  }
  o.today = 5010;
  auto cache = FileCache::open(o, warnings);
  EXPECT_LE(cache->records(), 3u);
  EXPECT_TRUE(cache->get("k6", "p"));
  EXPECT_FALSE(cache->get("k1", "p"));
}

TEST(FileCache, DefaultLocationFollowsXdgThenHome) {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  const std::string saved_xdg = xdg ? xdg : "", saved_home = home ? home : "";
  ::setenv("XDG_CACHE_HOME", "/x/cache", 1);
  EXPECT_EQ(default_cache_dir(), "/x/cache/repohealth");
  ::setenv("XDG_CACHE_HOME", "relative", 1);  // not absolute: ignored, as the XDG spec says
  ::setenv("HOME", "/home/u", 1);
  EXPECT_EQ(default_cache_dir(), "/home/u/.cache/repohealth");
  ::unsetenv("XDG_CACHE_HOME");
  ::unsetenv("HOME");
  Message why;
  EXPECT_EQ(default_cache_dir(&why), "");
  EXPECT_NE(english(why).find("--cache"), std::string::npos);
  if (xdg) ::setenv("XDG_CACHE_HOME", saved_xdg.c_str(), 1);
  if (home) ::setenv("HOME", saved_home.c_str(), 1);
}

}  // namespace
}  // namespace rh

namespace rh {
namespace {

TEST(FileCache, HeldByAnotherWriterMeansOneWarningAndNoCrash) {
  test::TempDir dir;
  fill(dir.str(), 2);
  auto other = SqliteDb::open(dir.str() + "/" + FileCache::kFileName);
  ASSERT_TRUE(std::holds_alternative<std::unique_ptr<SqliteDb>>(other));
  SqliteTransaction holds(*std::get<0>(other));
  ASSERT_FALSE(holds.begin());  // another scan writing, for longer than the busy timeout
  std::vector<Message> warnings;
  FileCacheOptions o;
  o.dir = dir.str();
  o.busy_timeout_ms = 100;
  auto cache = FileCache::open(o, warnings);
  ASSERT_TRUE(cache);
  EXPECT_TRUE(warnings.empty());
  EXPECT_TRUE(cache->get("key1", "p1"));  // readers are not blocked (WAL)
  cache->put("new", "p", {"o", "t"});
  cache->flush();
  auto w = cache->take_warnings();
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(english(w.front()).find("another process"), std::string::npos) << english(w.front());
  EXPECT_TRUE(std::filesystem::exists(dir.str() + "/" + FileCache::kFileName));  // not moved aside
  EXPECT_FALSE(std::filesystem::exists(dir.str() + "/" + FileCache::kFileName + ".broken"));
}

}  // namespace
}  // namespace rh

namespace rh {
namespace {

TEST(BuildIdentity, IsTheVersionPlusTheBuildId) {
  const std::string id = build_identity();
  ASSERT_TRUE(id.starts_with(std::string(REPOHEALTH_VERSION) + "+")) << id;
  const std::string tail = id.substr(std::string(REPOHEALTH_VERSION).size() + 1);
  EXPECT_GE(tail.size(), 16u) << id;  // GNU build ids are 20 bytes (40 hex digits)
  EXPECT_EQ(build_identity(), id);
}

}  // namespace
}  // namespace rh
