// The history cache (HistoryOptions::cache_dir): a walk with the cache gives the same facts as one
// without, a second walk diffs no commit again and reads no commit object, new commits are the
// only ones diffed, line counts missing from a record are counted when a run needs them, and a
// damaged or foreign cache file gives one note and is rebuilt.
#include <sqlite3.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/dates.h"
#include "core/model_json.h"
#include "history/history_cache.h"
#include "history_fixture.h"

namespace rh::test {
namespace {

namespace fs = std::filesystem;
using history::HistoryCache;

/// Four people over two years: edits, a rename with an edit, a binary file, a branch merged.
void build_history(GitRepo& r) {
  r.write("app.py", numbered("app", 1, 30));
  r.write("README.md", "# demo\n");
  r.commit("Add app", "2022-01-10T12:00:00Z", "Bob Berg <bob@acme.com>");
  r.write("app.py", numbered("app", 1, 34));
  r.commit("Grow app #12", "2022-06-01T12:00:00Z", "Alice Andersen <alice@acme.com>");
  r.remove("app.py");
  r.write("src/app.py", numbered("app", 1, 33) + "renamed and edited\n");
  r.commit("Move app", "2023-03-01T12:00:00Z", "Alice Andersen <alice@acme.com>");
  r.run("checkout -q -b topic", "2023-09-01T12:00:00Z");
  r.write("util.py", numbered("util", 1, 8));
  r.write("logo.bin", std::string("PNG\0\x01\x02", 6));
  r.commit("feat: util", "2023-09-01T12:00:00Z", "Carol Holm <carol@kommune.dk>");
  r.run("checkout -q -", "2023-09-02T12:00:00Z");
  r.write("README.md", "# demo\n\nUsage.\n");
  r.commit("docs: usage", "2023-09-02T12:00:00Z", "Bob Berg <bob@acme.com>");
  r.run("merge -q --no-ff -m Merge topic", "2023-09-03T12:00:00Z",
        "Alice Andersen <alice@acme.com>");
  r.write("src/app.py", numbered("app", 1, 36));
  r.write("util.py", numbered("util", 1, 10));
  r.commit("fix: app and util", "2024-03-01T12:00:00Z", "Dan Dahl <dan@example.org>");
}

std::string json_of(const HistoryFacts& h) { return history_to_json(h).dump(1); }

HistoryOptions options_at(const char* as_of) {
  HistoryOptions o;
  o.as_of = as_of_instant(as_of);
  return o;
}

/// The walk the cache tests repeat: as of 2024-06-01, with the history cache in `cache`.
HistoryOptions cached_options(const TempDir& cache) {
  HistoryOptions o = options_at("2024-06-01");
  o.cache_dir = cache.str();
  return o;
}

/// Runs `sql` on the cache file behind the cache's back (a damaged or foreign file).
void exec_on_cache_file(const TempDir& cache, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((cache.path() / HistoryCache::kFileName).c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

HistoryFacts walk(const GitRepo& r, const HistoryOptions& o, HistoryRunStats& stats) {
  stats = {};
  auto result = analyse_history(r.str(), "", o, &stats);
  if (!result) {
    ADD_FAILURE() << result.error().message;
    return {};
  }
  return *result;
}

TEST(HistoryCache, SecondWalkIsIdenticalAndDiffsNothing) {
  GitRepo r;
  build_history(r);
  TempDir cache;
  HistoryOptions plain = options_at("2024-06-01");
  HistoryOptions first_parent = plain;
  first_parent.first_parent = true;
  HistoryOptions all_lines = plain;
  all_lines.lines_all = true;
  for (HistoryOptions o : {plain, first_parent, all_lines}) {
    SCOPED_TRACE(o.first_parent ? "first parent" : o.lines_all ? "all lines" : "default");
    HistoryRunStats stats;
    const std::string without = json_of(walk(r, o, stats));
    o.cache_dir = cache.str();
    const std::string cold = json_of(walk(r, o, stats));
    const std::string warm = json_of(walk(r, o, stats));
    EXPECT_EQ(cold, without);
    EXPECT_EQ(warm, without);
    EXPECT_EQ(stats.commits_diffed, 0);
    EXPECT_EQ(stats.commits_read, 0);  // every commit record came from the cache
    // Six non-merge commits; with first parents only the merge is diffed too (it stands for
    // its branch) and the topic commit is not walked.
    EXPECT_EQ(stats.commits_from_cache, 6);
  }
  EXPECT_TRUE(fs::exists(cache.path() / HistoryCache::kFileName));
}

TEST(HistoryCache, FolderScansShareRecordsWithWholeRepositoryScans) {
  GitRepo r;
  build_history(r);
  TempDir cache;
  HistoryOptions o = options_at("2024-06-01");
  HistoryRunStats stats;
  auto folder = [&](const HistoryOptions& opt) {
    stats = {};
    auto result = analyse_history((r.path() / "src").string(), "", opt, &stats);
    EXPECT_TRUE(static_cast<bool>(result));
    return result ? json_of(*result) : std::string();
  };
  const std::string without = folder(o);
  o.cache_dir = cache.str();
  walk(r, o, stats);  // the whole repository fills the cache
  EXPECT_EQ(folder(o), without);
  // Only the merge: a folder scan compares it with its first parent to know whether it touches
  // the folder, which the whole repository's walk never needed.
  EXPECT_EQ(stats.commits_diffed, 1);
  EXPECT_EQ(stats.commits_read, 0);
}

TEST(HistoryCache, NewCommitsAreTheOnlyOnesDiffed) {
  GitRepo r;
  build_history(r);
  TempDir cache;
  HistoryOptions o = options_at("2024-09-01");
  o.cache_dir = cache.str();
  HistoryRunStats stats;
  walk(r, o, stats);
  EXPECT_EQ(stats.commits_diffed, 6);

  r.write("util.py", numbered("util", 1, 12));
  r.commit("More util", "2024-05-01T12:00:00Z", "Carol Holm <carol@kommune.dk>");
  r.write("src/app.py", numbered("app", 2, 36));
  r.commit("Trim app", "2024-05-02T12:00:00Z", "Erik Eng <erik@acme.com>");
  const std::string cached = json_of(walk(r, o, stats));
  EXPECT_EQ(stats.commits_diffed, 2);
  EXPECT_EQ(stats.commits_from_cache, 6);
  EXPECT_EQ(stats.commits_read, 2);

  HistoryOptions no_cache = o;
  no_cache.cache_dir.clear();
  EXPECT_EQ(cached, json_of(walk(r, no_cache, stats)));
}

TEST(HistoryCache, LinesMissingFromARecordAreCountedWhenNeeded) {
  GitRepo r;
  build_history(r);
  TempDir cache;
  // Years later no commit is in the line window: the records hold no line counts.
  HistoryOptions late = options_at("2030-01-01");
  late.cache_dir = cache.str();
  HistoryRunStats stats;
  const HistoryFacts before = walk(r, late, stats);
  EXPECT_EQ(before.repository.lines_added, 0);
  EXPECT_EQ(stats.commits_diffed, 6);

  // All lines: every commit is diffed again with lines, and the records keep them.
  HistoryOptions all = late;
  all.lines_all = true;
  const std::string counted = json_of(walk(r, all, stats));
  EXPECT_EQ(stats.commits_diffed, 6);
  HistoryOptions all_plain = all;
  all_plain.cache_dir.clear();
  EXPECT_EQ(counted, json_of(walk(r, all_plain, stats)));
  walk(r, all, stats);
  EXPECT_EQ(stats.commits_diffed, 0);

  // Records with lines serve a run that needs none, with the same facts as without them.
  EXPECT_EQ(json_of(walk(r, late, stats)), json_of(before));
  EXPECT_EQ(stats.commits_diffed, 0);
}

/// One walk with a damaged cache file: one note naming the cache, the facts otherwise the same,
/// and the next walk finds a good cache again.
void expect_rebuilt(const GitRepo& r, const TempDir& cache, const std::string& expected) {
  HistoryOptions o = cached_options(cache);
  HistoryRunStats stats;
  HistoryFacts damaged = walk(r, o, stats);
  ASSERT_EQ(damaged.notes.size(), 1u);
  EXPECT_NE(english(damaged.notes[0]).find("history cache"), std::string::npos) << english(damaged.notes[0]);
  EXPECT_NE(english(damaged.notes[0]).find("rebuilt"), std::string::npos) << english(damaged.notes[0]);
  EXPECT_EQ(stats.commits_diffed, 6);
  damaged.notes.clear();
  EXPECT_EQ(json_of(damaged), expected);
  HistoryFacts again = walk(r, o, stats);
  EXPECT_TRUE(again.notes.empty());
  EXPECT_EQ(stats.commits_diffed, 0);
  EXPECT_EQ(json_of(again), expected);
}

TEST(HistoryCache, TruncatedFileIsReportedOnceAndRebuilt) {
  GitRepo r;
  build_history(r);
  TempDir cache;
  HistoryOptions o = cached_options(cache);
  HistoryRunStats stats;
  const std::string expected = json_of(walk(r, o, stats));
  const fs::path file = cache.path() / HistoryCache::kFileName;
  const auto size = fs::file_size(file);
  ASSERT_GT(size, 4096u);
  fs::resize_file(file, size / 2);
  expect_rebuilt(r, cache, expected);
}

TEST(HistoryCache, ForeignFilesAreReportedOnceAndRebuilt) {
  GitRepo r;
  build_history(r);
  HistoryRunStats stats;
  const std::string expected = json_of(walk(r, options_at("2024-06-01"), stats));
  {
    SCOPED_TRACE("not a database");
    TempDir cache;
    std::ofstream(cache.path() / HistoryCache::kFileName) << "these are not the droids\n";
    expect_rebuilt(r, cache, expected);
  }
  {
    SCOPED_TRACE("another program's database");
    TempDir cache;
    ASSERT_NO_FATAL_FAILURE(
        exec_on_cache_file(cache, "CREATE TABLE songs(title TEXT); INSERT INTO songs VALUES('x');"));
    expect_rebuilt(r, cache, expected);
  }
}

TEST(HistoryCache, RecordsThatDoNotDecodeAreReadAgain) {
  GitRepo r;
  build_history(r);
  TempDir cache;
  HistoryOptions o = cached_options(cache);
  HistoryRunStats stats;
  const std::string expected = json_of(walk(r, o, stats));
  ASSERT_NO_FATAL_FAILURE(exec_on_cache_file(cache, "UPDATE changes SET data = x'05ff'; UPDATE commits SET data = x'01'"));
  EXPECT_EQ(json_of(walk(r, o, stats)), expected);
  EXPECT_EQ(stats.commits_diffed, 6);
  EXPECT_EQ(stats.commits_read, 7);
  walk(r, o, stats);
  EXPECT_EQ(stats.commits_diffed, 0);
  EXPECT_EQ(stats.commits_read, 0);
}

TEST(HistoryCache, RecordsDoNotStandInForCommitsTheRepositoryLacks) {
  GitRepo r;
  r.run("config gc.auto 0");
  build_history(r);
  TempDir cache;
  HistoryOptions o = cached_options(cache);
  HistoryRunStats stats;
  walk(r, o, stats);
  // The commit "Move app" goes missing (a damaged clone sharing the cache): the walk sees it as
  // unreadable, as it does without the cache.
  const std::string moved = r.run("rev-parse HEAD~3");
  const fs::path object = r.path() / ".git/objects" / moved.substr(0, 2) / moved.substr(2);
  ASSERT_TRUE(fs::exists(object)) << object;
  fs::permissions(object, fs::perms::owner_all, fs::perm_options::add);
  fs::remove(object);
  const HistoryFacts cached = walk(r, o, stats);
  const auto& unreadable = cached.repository.unreadable_commits;
  EXPECT_NE(std::find(unreadable.begin(), unreadable.end(), moved), unreadable.end());
  HistoryOptions plain = o;
  plain.cache_dir.clear();
  EXPECT_EQ(json_of(cached), json_of(walk(r, plain, stats)));
}

TEST(HistoryCache, ConcurrentWalksShareTheCache) {
  GitRepo r;
  build_history(r);
  TempDir cache;
  HistoryOptions o = options_at("2024-06-01");
  HistoryRunStats stats;
  const std::string expected = json_of(walk(r, o, stats));
  o.cache_dir = cache.str();
  std::string results[4];
  std::vector<std::thread> threads;
  for (auto& out : results)
    threads.emplace_back([&] {
      HistoryRunStats s;
      HistoryFacts h = walk(r, o, s);
      // A walk that waits longer than the cache's busy timeout (a loaded machine, a sanitizer
      // build) walks without the cache and says so: the figures must still be the same.
      std::erase_if(h.notes, [](const Message& m) { return m.key == "cache.history.locked"; });
      out = json_of(h);
    });
  for (auto& t : threads) t.join();
  for (const auto& out : results) EXPECT_EQ(out, expected);
  walk(r, o, stats);
  EXPECT_EQ(stats.commits_diffed, 0);
}

TEST(HistoryCache, RecordFormatRoundTripsAndRejectsGarbage) {
  history::CommitChanges c;
  c.renames_skipped = true;
  history::FileChange renamed;
  renamed.kind = history::ChangeKind::renamed;
  renamed.old_path = "a/old name.py";
  renamed.path = "b/new.py";
  renamed.lines = true;
  renamed.lines_added = 300;
  renamed.lines_deleted = 2;
  history::FileChange edited;
  edited.path = edited.old_path = "x.bin";
  edited.lines = edited.binary = true;
  c.files = {renamed, edited};
  const std::string data = history::encode_changes(c);
  history::CommitChanges back;
  ASSERT_TRUE(history::decode_changes(data.data(), data.size(), back));
  ASSERT_EQ(back.files.size(), 2u);
  EXPECT_TRUE(back.renames_skipped);
  EXPECT_EQ(back.files[0].old_path, "a/old name.py");
  EXPECT_EQ(back.files[0].path, "b/new.py");
  EXPECT_EQ(back.files[0].lines_added, 300);
  EXPECT_EQ(back.files[1].old_path, "x.bin");
  EXPECT_TRUE(back.files[1].binary);
  for (size_t cut = 0; cut < data.size(); ++cut)
    EXPECT_FALSE(history::decode_changes(data.data(), cut, back)) << cut;
  EXPECT_FALSE(history::decode_changes("\x00\xff\xff\xff\xff\x0f", 6, back));

  history::CommitRecord commit;
  git_oid_fromstr(&commit.tree, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
  commit.time = -86400 * 365;  // before 1970
  commit.commit_time = 1717243200;
  commit.name = "Ærø Ødegård";
  commit.email = "aero@example.dk";
  commit.message = history::CommitRecord::kIssueBit | history::CommitRecord::kSignedBit;
  commit.parents = {commit.tree, commit.tree};
  const std::string cdata = history::encode_commit(commit);
  history::CommitRecord cback;
  ASSERT_TRUE(history::decode_commit(cdata.data(), cdata.size(), cback));
  EXPECT_TRUE(git_oid_equal(&cback.tree, &commit.tree));
  EXPECT_EQ(cback.time, commit.time);
  EXPECT_EQ(cback.commit_time, commit.commit_time);
  EXPECT_EQ(cback.name, commit.name);
  EXPECT_EQ(cback.email, commit.email);
  EXPECT_EQ(cback.message, commit.message);
  EXPECT_EQ(cback.parents.size(), 2u);
  for (size_t cut = 0; cut < cdata.size(); ++cut)
    EXPECT_FALSE(history::decode_commit(cdata.data(), cut, cback)) << cut;
}

}  // namespace
}  // namespace rh::test
