// The per-file cache through the binary (docs/cache.md): a warm scan writes the same facts,
// damaged cache files are rebuilt with one warning, concurrent scans share a cache.
#include <filesystem>

#include "e2e/e2e_support.h"

namespace rh::test {
namespace {
namespace fs = std::filesystem;

void make_repo(const fs::path& repo) {
  write_file(repo, "src/app.py",
             "import subprocess\n\n\ndef run(cmd, flag):\n    if flag and cmd:\n        "
             "subprocess.call(cmd, shell=True)\n    return 1\n");
  std::string body;
  for (int i = 0; i < 30; ++i) body += "  total = total + values[" + std::to_string(i) + "] * factor;\n";
  write_file(repo, "src/a.js", "function a(values, factor) {\n  let total = 0;\n" + body + "  return total;\n}\n");
  write_file(repo, "src/b.js", "function b(values, factor) {\n  let total = 0;\n" + body + "  return total;\n}\n");
  write_file(repo, "README.md", "# Demo\n");
  git(repo, "init -q");
  git(repo, "add -A");
  git(repo, "commit -q -m init");
}

/// facts.json without what may differ between two scans of the same tree.
nlohmann::json comparable(nlohmann::json facts) {
  facts["scan"].erase("started_at");
  facts["scan"].erase("duration_ms");
  facts["scan"].erase("cache");
  return facts;
}

size_t warnings_naming(const nlohmann::json& facts, const std::string& word) {
  size_t n = 0;
  for (const auto& note : facts["notifications"])
    if (note["level"] == "warning" && note["message"].get<std::string>().find(word) != std::string::npos) ++n;
  return n;
}

TEST(CacheScan, WarmScanWritesTheSameFactsFromTheCache) {
  TempDir repo, cache;
  make_repo(repo.path());
  const std::string flags = "--cache " + sh_quote(cache.str());
  ScanRun cold = scan(repo.str(), flags);
  ASSERT_EQ(cold.command.exit_code, 0) << cold.command.err;
  ScanRun warm = scan(repo.str(), flags);
  ASSERT_EQ(warm.command.exit_code, 0) << warm.command.err;
  EXPECT_EQ(cold.facts["scan"]["cache"]["hits"], 0);
  EXPECT_EQ(cold.facts["scan"]["cache"]["misses"], 4);
  EXPECT_EQ(warm.facts["scan"]["cache"]["hits"], 4);
  EXPECT_EQ(warm.facts["scan"]["cache"]["misses"], 0);
  EXPECT_EQ(warm.facts["scan"]["cache"]["path"], cache.str() + "/files-v2.sqlite");
  EXPECT_EQ(comparable(warm.facts).dump(1), comparable(cold.facts).dump(1));
  EXPECT_GT(warm.facts["duplication"]["groups"].size(), 0u);  // clone tokens came from the cache

  // A changed rule configuration analyses everything again.
  write_file(repo.path(), ".repohealth.yml", "rules:\n  python.security.subprocess-shell-true:\n    enabled: false\n");
  ScanRun configured = scan(repo.str(), flags);
  ASSERT_EQ(configured.command.exit_code, 0) << configured.command.err;
  EXPECT_EQ(configured.facts["scan"]["cache"]["hits"], 0);

  // --no-cache: no cache, no counters.
  ScanRun none = scan(repo.str(), "--no-cache");
  ASSERT_EQ(none.command.exit_code, 0) << none.command.err;
  EXPECT_FALSE(none.facts["scan"].contains("cache"));
  EXPECT_EQ(comparable(none.facts).dump(1), comparable(configured.facts).dump(1));
}

TEST(CacheScan, TheHistoryIsCachedInTheSameFolderWhichStaysPrivate) {
  TempDir repo, parent, outside;
  make_repo(repo.path());
  write_file(repo.path(), "src/app.py", "def run():\n    return 2\n");
  git(repo.path(), "commit -q -am second");
  const fs::path cache = parent.path() / "new" / "cache";
  const std::string flags = "--cache " + sh_quote(cache.string());
  ScanRun cold = scan(repo.str(), flags);
  ASSERT_EQ(cold.command.exit_code, 0) << cold.command.err;
  ASSERT_TRUE(cold.facts["history"].is_object());
  EXPECT_TRUE(fs::is_regular_file(cache / "history-v1.sqlite"));
  EXPECT_EQ(fs::status(cache).permissions() & fs::perms::all, fs::perms::owner_all);  // 0700
  ScanRun warm = scan(repo.str(), flags);
  ASSERT_EQ(warm.command.exit_code, 0) << warm.command.err;
  EXPECT_EQ(comparable(warm.facts).dump(1), comparable(cold.facts).dump(1));  // history included

  // A link planted where the history cache lives is removed, never written through.
  write_file(outside.path(), "victim", "keep me\n");
  fs::remove(cache / "history-v1.sqlite");
  fs::create_symlink(outside.path() / "victim", cache / "history-v1.sqlite");
  ScanRun planted = scan(repo.str(), flags);
  ASSERT_EQ(planted.command.exit_code, 0) << planted.command.err;
  EXPECT_EQ(read_file(outside.path() / "victim"), "keep me\n");
  EXPECT_FALSE(fs::is_symlink(cache / "history-v1.sqlite"));
  EXPECT_EQ(comparable(planted.facts)["history"]["repository"], comparable(cold.facts)["history"]["repository"]);
}

TEST(CacheScan, DefaultLocationIsUnderXdgCacheHome) {
  TempDir repo;
  make_repo(repo.path());
  ScanRun run = scan(repo.str());
  ASSERT_EQ(run.command.exit_code, 0) << run.command.err;
  EXPECT_EQ(run.facts["scan"]["cache"]["path"], (test_cache_home() / "repohealth/files-v2.sqlite").string());
  EXPECT_TRUE(fs::exists(test_cache_home() / "repohealth/files-v2.sqlite"));
}

TEST(CacheScan, TruncatedAndForeignCacheFilesAreRebuiltWithOneWarning) {
  TempDir repo, cache;
  make_repo(repo.path());
  const std::string flags = "--cache " + sh_quote(cache.str());
  const fs::path file = cache.path() / "files-v2.sqlite";
  ASSERT_EQ(scan(repo.str(), flags).command.exit_code, 0);
  fs::resize_file(file, fs::file_size(file) / 3);
  ScanRun truncated = scan(repo.str(), flags);
  ASSERT_EQ(truncated.command.exit_code, 0) << truncated.command.err;
  EXPECT_EQ(warnings_naming(truncated.facts, "cache"), 1u) << truncated.facts["notifications"].dump();
  EXPECT_EQ(truncated.facts["scan"]["cache"]["misses"], 4);
  ScanRun after = scan(repo.str(), flags);  // rebuilt: used again, quietly
  EXPECT_EQ(warnings_naming(after.facts, "cache"), 0u);
  EXPECT_EQ(after.facts["scan"]["cache"]["hits"], 4);

  write_file(cache.path(), "files-v2.sqlite", "{\"not\": \"a database\"}\n");
  ScanRun foreign = scan(repo.str(), flags);
  ASSERT_EQ(foreign.command.exit_code, 0) << foreign.command.err;
  EXPECT_EQ(warnings_naming(foreign.facts, "cache"), 1u) << foreign.facts["notifications"].dump();
  EXPECT_EQ(comparable(foreign.facts)["files"], comparable(after.facts)["files"]);
}

TEST(CacheScan, UnusableCacheFolderMeansAScanWithoutCacheAndOneWarning) {
  TempDir repo, scratch;
  make_repo(repo.path());
  write_file(scratch.path(), "file", "a file, not a folder");
  ScanRun run = scan(repo.str(), "--cache " + sh_quote((scratch.path() / "file").string()));
  ASSERT_EQ(run.command.exit_code, 0) << run.command.err;
  EXPECT_EQ(warnings_naming(run.facts, "cache"), 1u) << run.facts["notifications"].dump();
  EXPECT_FALSE(run.facts["scan"].contains("cache"));
}

TEST(CacheScan, TwoConcurrentScansShareOneCache) {
  TempDir repo, cache, out1, out2;
  make_repo(repo.path());
  for (int i = 0; i < 40; ++i)
    write_file(repo.path(), "gen/m" + std::to_string(i) + ".py",
               "def f" + std::to_string(i) + "(x):\n    if x > " + std::to_string(i) + ":\n        return x\n    return 0\n");
  git(repo.path(), "add -A");
  git(repo.path(), "commit -q -m more");
  auto command = [&](const TempDir& out) {
    return "XDG_CACHE_HOME=/nonexistent " + sh_quote(repohealth_binary()) + " scan " + sh_quote(repo.str()) +
           " --out " + sh_quote(out.str()) + " --format json -q -j 1 --cache " + sh_quote(cache.str());
  };
  for (int round = 0; round < 2; ++round) {  // a cold pair, then a warm pair
    CommandResult both = run(command(out1) + " & a=$!; " + command(out2) + " & b=$!; wait $a && wait $b");
    ASSERT_EQ(both.exit_code, 0) << both.err;
    auto f1 = nlohmann::json::parse(read_file(out1.path() / "facts.json"));
    auto f2 = nlohmann::json::parse(read_file(out2.path() / "facts.json"));
    EXPECT_EQ(warnings_naming(f1, "cache") + warnings_naming(f2, "cache"), 0u);
    EXPECT_EQ(comparable(f1).dump(1), comparable(f2).dump(1));
    EXPECT_EQ(f1["scan"]["cache"]["hits"].get<int>() + f1["scan"]["cache"]["misses"].get<int>(), 44);
    if (round == 1) EXPECT_EQ(f1["scan"]["cache"]["hits"], 44);
  }
}

}  // namespace
}  // namespace rh::test
