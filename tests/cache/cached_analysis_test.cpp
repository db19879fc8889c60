#include "cli/cached_analysis.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>

#include "core/model_json.h"
#include "engine/scan_rules.h"
#include "lang/compile_commands.h"
#include "support/test_support.h"

namespace rh {
namespace {

/// Counts reads per path: the proof that a cache hit reads no contents.
class CountingSource : public FileSource {
 public:
  explicit CountingSource(std::unique_ptr<FileSource> inner) : inner_(std::move(inner)) {}
  Result<SourceListing> list() override { return inner_->list(); }
  Result<std::string> read(const SourceEntry& entry, int64_t max_bytes) override {
    {
      std::lock_guard lock(mu_);
      ++reads_[entry.path];
    }
    return inner_->read(entry, max_bytes);
  }
  std::string kind() const override { return inner_->kind(); }
  int reads() {
    std::lock_guard lock(mu_);
    int n = 0;
    for (const auto& [path, count] : reads_) n += count;
    return n;
  }
  void clear() {
    std::lock_guard lock(mu_);
    reads_.clear();
  }

 private:
  std::unique_ptr<FileSource> inner_;
  std::mutex mu_;
  std::map<std::string, int> reads_;
};

void write_project(const std::filesystem::path& root) {
  test::write_file(root, "app/run.py",
                   "import subprocess\n\n\ndef run(cmd, flag):\n    if flag and cmd:\n        "
                   "subprocess.call(cmd, shell=True)\n    return 1\n");
  std::string body;
  for (int i = 0; i < 30; ++i) body += "    total = total + values[" + std::to_string(i) + "] * factor\n";
  test::write_file(root, "app/a.py", "def a(values, factor):\n    total = 0\n" + body + "    return total\n");
  test::write_file(root, "app/b.py", "def b(values, factor):\n    total = 0\n" + body + "    return total\n");
  test::write_file(root, "web/main.js", "function f(a) { if (a) { return 1; } return 2; }\n");
  test::write_file(root, "data/blob.bin", std::string("\0\1\2\3binary", 10));
  test::write_file(root, "notes.txt", "plain text\n");
}

struct Pass {
  std::vector<FileOutcome> outcomes;
  std::optional<CacheUse> use;
  std::vector<Notification> notes;
  int reads = 0;
};

/// What the pipeline does around the parallel loop, sequentially.
Pass analyse_all(CountingSource& source, const std::string& cache_dir, const Config& config, const std::string& tool,
                 const CompileCommands* commands = nullptr) {
  Pass run;
  auto listing = source.list();
  EXPECT_TRUE(listing.ok());
  auto rules = prepare_scan_rules(config, {}, "");
  EXPECT_TRUE(rules.ok());
  std::vector<Message> warnings;
  auto cache = FileCache::open(FileCacheOptions{cache_dir}, warnings);
  EXPECT_TRUE(cache);
  EXPECT_TRUE(warnings.empty());
  CachedAnalysis cached(cache.get(), analysis_settings(config, {}, tool), config, rules->rules.get(), commands);
  source.clear();
  for (const auto& entry : listing->entries) run.outcomes.push_back(cached.analyse(source, entry));
  run.reads = source.reads();
  run.use = cached.finish(run.notes);
  return run;
}

std::string as_json(const std::vector<FileOutcome>& outcomes) {
  ScanResult r;
  for (const auto& o : outcomes) {
    if (o.facts) r.files.push_back(*o.facts);
    if (o.skipped) r.skipped.push_back(*o.skipped);
    r.notifications.insert(r.notifications.end(), o.notes.begin(), o.notes.end());
    r.findings.insert(r.findings.end(), o.findings.begin(), o.findings.end());
  }
  return facts_json_text(r);
}

std::unique_ptr<CountingSource> git_source(const std::filesystem::path& repo) {
  SourceInfo info;
  auto source = open_source({repo.string(), "", false}, &info);
  EXPECT_TRUE(source.ok());
  EXPECT_EQ(info.kind, "git-tree");
  return std::make_unique<CountingSource>(std::move(*source));
}

class CachedAnalysisTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_project(repo_.path());
    test::git(repo_.path(), "init -q");
    test::git(repo_.path(), "add -A");
    test::git(repo_.path(), "commit -q -m init");
  }
  test::TempDir repo_, cache_;
};

TEST_F(CachedAnalysisTest, SecondRunReadsNothingAndGivesTheSameOutcomes) {
  auto source = git_source(repo_.path());
  Config config;
  Pass cold = analyse_all(*source, cache_.str(), config, "tool-1");
  EXPECT_EQ(cold.use->hits, 0);
  EXPECT_EQ(cold.use->misses, 6);
  EXPECT_EQ(cold.reads, 6);
  EXPECT_TRUE(cold.notes.empty());
  Pass warm = analyse_all(*source, cache_.str(), config, "tool-1");
  EXPECT_EQ(warm.use->hits, 6);
  EXPECT_EQ(warm.use->misses, 0);
  EXPECT_EQ(warm.reads, 0);  // no contents of a cached blob are read
  EXPECT_EQ(as_json(warm.outcomes), as_json(cold.outcomes));
  // Clone tokens come back too, so clone detection needs no parse.
  ASSERT_EQ(warm.outcomes.size(), cold.outcomes.size());
  size_t with_tokens = 0;
  for (size_t i = 0; i < cold.outcomes.size(); ++i) {
    EXPECT_EQ(warm.outcomes[i].clone_tokens.hashes, cold.outcomes[i].clone_tokens.hashes);
    EXPECT_EQ(warm.outcomes[i].clone_tokens.first_lines, cold.outcomes[i].clone_tokens.first_lines);
    EXPECT_EQ(warm.outcomes[i].clone_tokens.last_lines, cold.outcomes[i].clone_tokens.last_lines);
    with_tokens += cold.outcomes[i].clone_tokens.size() > 0;
  }
  EXPECT_GE(with_tokens, 3u);
  EXPECT_NE(as_json(cold.outcomes).find("subprocess"), std::string::npos);  // a finding is in there
}

TEST_F(CachedAnalysisTest, AChangedFileIsAnalysedAgainAndOnlyIt) {
  auto source = git_source(repo_.path());
  Config config;
  analyse_all(*source, cache_.str(), config, "tool-1");
  test::write_file(repo_.path(), "web/main.js", "function g(a) { while (a) { a--; } }\n");
  test::git(repo_.path(), "commit -q -am change");
  auto changed = git_source(repo_.path());
  Pass run = analyse_all(*changed, cache_.str(), config, "tool-1");
  EXPECT_EQ(run.use->hits, 5);
  EXPECT_EQ(run.use->misses, 1);
  EXPECT_EQ(run.reads, 1);
}

TEST_F(CachedAnalysisTest, ToolConfigAndRulesInvalidate) {
  auto source = git_source(repo_.path());
  Config config;
  analyse_all(*source, cache_.str(), config, "tool-1");
  EXPECT_EQ(analyse_all(*source, cache_.str(), config, "tool-2").use->hits, 0);  // another build
  Config smaller = config;
  smaller.max_file_size = 20;
  Pass run = analyse_all(*source, cache_.str(), smaller, "tool-1");
  EXPECT_EQ(run.use->hits, 0);
  bool too_large = false;
  for (const auto& o : run.outcomes) too_large |= o.skipped && o.skipped->reason == "too_large";
  EXPECT_TRUE(too_large);
  Config off = config;
  off.rules.push_back(RuleSetting{"python.security.subprocess-shell-true", false, "", std::nullopt, {}, "", ""});
  EXPECT_EQ(analyse_all(*source, cache_.str(), off, "tool-1").use->hits, 0);
  // A user rule folder's contents are part of the key.
  test::TempDir rules;
  test::write_file(rules.path(), "r.txt", "one");
  const std::string a = analysis_settings(config, {rules.str()}, "t");
  test::write_file(rules.path(), "r.txt", "two");
  EXPECT_NE(analysis_settings(config, {rules.str()}, "t"), a);
  EXPECT_EQ(analysis_settings(config, {rules.str()}, "t"), analysis_settings(config, {rules.str()}, "t"));
  // And the unchanged settings still hit.
  EXPECT_EQ(analyse_all(*source, cache_.str(), config, "tool-1").use->hits, 6);
}

TEST(CachedAnalysis, FolderSourcesReadEachFileOnceForItsHash) {
  test::TempDir folder, cache;
  write_project(folder.path());
  SourceInfo info;
  auto opened = open_source({folder.str(), "", false}, &info);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(info.kind, "folder");
  CountingSource source(std::move(*opened));
  Pass cold = analyse_all(source, cache.str(), Config{}, "t");
  EXPECT_EQ(cold.reads, 6);  // hashed and analysed from one read
  Pass warm = analyse_all(source, cache.str(), Config{}, "t");
  EXPECT_EQ(warm.use->hits, 6);
  EXPECT_EQ(warm.reads, 6);  // the hash needs the bytes; nothing is parsed
  EXPECT_EQ(as_json(warm.outcomes), as_json(cold.outcomes));
  test::write_file(folder.path(), "notes.txt", "other text\n");
  EXPECT_EQ(analyse_all(source, cache.str(), Config{}, "t").use->misses, 1);
}

TEST(CachedAnalysis, FilesACompileCommandNamesAreNeverCached) {
  // Their parse follows includes on disk, which the key cannot see.
  test::TempDir folder, cache;
  test::write_file(folder.path(), "a.c", "#include \"a.h\"\nint f(int x) { return x > 1 ? X : 0; }\n");
  test::write_file(folder.path(), "a.h", "#define X 2\n");
  test::write_file(folder.path(), "b.c", "int g(int x) { return x; }\n");
  auto commands = CompileCommands::parse(
      "[{\"directory\": \"" + folder.str() + "\", \"file\": \"a.c\", \"arguments\": [\"cc\", \"-c\", \"a.c\"]}]",
      "cc.json", folder.str());
  ASSERT_TRUE(commands.ok()) << commands.error().message;
  SourceInfo info;
  auto opened = open_source({folder.str(), "", false}, &info);
  ASSERT_TRUE(opened.ok());
  CountingSource source(std::move(*opened));
  analyse_all(source, cache.str(), Config{}, "t", &*commands);
  Pass warm = analyse_all(source, cache.str(), Config{}, "t", &*commands);
  EXPECT_EQ(warm.use->hits, 2);    // a.h, b.c
  EXPECT_EQ(warm.use->misses, 1);  // a.c, analysed again
}

TEST(CachedAnalysis, AnOutcomeCutByATimeBudgetIsNotKept) {
  // Another machine could finish what this one cut, so the cut outcome is analysed again.
  test::TempDir repo, cache;
  std::string script = "#!/bin/bash\n";
  for (int i = 0; i < 200; ++i) script += "eval \"$cmd" + std::to_string(i) + "\"\n";
  test::write_file(repo.path(), "run.sh", script);
  test::git(repo.path(), "init -q");
  test::git(repo.path(), "add -A");
  test::git(repo.path(), "commit -q -m init");
  auto source = git_source(repo.path());
  Config config;
  auto listing = source->list();
  ASSERT_TRUE(listing.ok());
  auto rules = prepare_scan_rules(config, {}, "");
  ASSERT_TRUE(rules.ok());
  rules->rules->set_query_budget(QueryBudget{64, std::chrono::milliseconds(0)});
  for (int run = 0; run < 2; ++run) {
    std::vector<Message> warnings;
    auto file_cache = FileCache::open(FileCacheOptions{cache.str()}, warnings);
    ASSERT_TRUE(file_cache);
    CachedAnalysis cached(file_cache.get(), analysis_settings(config, {}, "tool-1"), config, rules->rules.get(), nullptr);
    source->clear();
    FileOutcome out = cached.analyse(*source, listing->entries.at(0));
    EXPECT_TRUE(out.time_cut);
    EXPECT_EQ(source->reads(), 1) << "run " << run;  // read (and analysed) again on the second run
    std::vector<Notification> notes;
    EXPECT_EQ(cached.finish(notes)->hits, 0);
  }
}

TEST(CachedAnalysis, DamagedRecordsAreNotDecoded) {
  FileOutcome o;
  o.skipped = SkippedFile{"a", "binary", "NUL byte"};
  o.clone_tokens.add(12345, 3, 4);
  FileCacheRecord r = encode_outcome(o);
  auto back = decode_outcome(r);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->skipped, o.skipped);
  EXPECT_EQ(back->clone_tokens.first_lines, std::vector<uint32_t>{3});
  EXPECT_EQ(back->clone_tokens.last_lines, std::vector<uint32_t>{4});
  FileCacheRecord cut = r;
  cut.outcome.resize(cut.outcome.size() / 2);
  EXPECT_FALSE(decode_outcome(cut));
  FileCacheRecord bad_tokens = r;
  bad_tokens.tokens.pop_back();
  EXPECT_FALSE(decode_outcome(bad_tokens));
}

}  // namespace
}  // namespace rh
