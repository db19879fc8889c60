// Vectorscan databases compiled at build time (engine/hs_prebuilt.h): a database read from a blob
// matches exactly as one compiled at run time, and a damaged or foreign blob is never trusted (the
// engine compiles instead).
#include "engine/hs_prebuilt.h"

#include <gtest/gtest.h>
#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <tuple>

#include "core/config.h"
#include "engine/engine_test_support.h"
#include "engine/rule_set.h"
#include "support/test_support.h"

namespace rh {
namespace {

using Expressions = std::vector<HsDatabase::Expression>;
using Hits = std::vector<std::tuple<unsigned, unsigned long long>>;

/// Every (expression id, match end) of `db` on `text`.
Hits scan(const HsDatabase& db, std::string_view text) {
  hs_scratch_t* scratch = nullptr;
  EXPECT_EQ(hs_alloc_scratch(db.get(), &scratch), HS_SUCCESS);
  Hits hits;
  hs_scan(
      db.get(), text.data(), static_cast<unsigned>(text.size()), 0, scratch,
      [](unsigned id, unsigned long long, unsigned long long to, unsigned, void* ctx) -> int {
        static_cast<Hits*>(ctx)->emplace_back(id, to);
        return 0;
      },
      &hits);
  hs_free_scratch(scratch);
  return hits;
}

const Expressions kSecrets = {
    {R"((?i)(password|passwd|secret)\s*[:=]\s*["'][^"'\s]{6,}["'])", HS_FLAG_MULTILINE, 0},
    {R"(AKIA[0-9A-Z]{16})", HS_FLAG_MULTILINE, 1},
    {R"(^-----BEGIN [A-Z ]*PRIVATE KEY-----$)", HS_FLAG_MULTILINE, 2},
    {R"(https?://[^\s/:@]+:[^\s/:@]+@[\w.-]+)", HS_FLAG_MULTILINE, 3},
};
constexpr std::string_view kText =
    "db_password = \"hunter2hunter2\"\nkey = AKIAABCDEFGHIJKLMNOP\n-----BEGIN RSA PRIVATE KEY-----\n"
    "url = https://user:pw@example.org/x\nnothing here\nSECRET: 'abcdefgh'\n";

/// The offset of the first byte of the entry's serialized database in a one-entry blob.
size_t only_database_at(const std::string& blob) {
  uint64_t db_at = 0;
  std::memcpy(&db_at, blob.data() + 16 + 3 * 8, sizeof db_at);  // header (16), then key_hash, key_at, key_size
  return db_at;
}

TEST(HsPrebuilt, DeserializedDatabaseMatchesLikeACompiledOne) {
  auto blob = build_hs_database_blob({kSecrets});
  ASSERT_TRUE(blob) << blob.error().message;
  auto prebuilt = find_prebuilt_hs_database(*blob, kSecrets);
  ASSERT_NE(prebuilt, nullptr);
  use_prebuilt_hs_databases({});
  HsDatabase::CompileError error;
  auto compiled = HsDatabase::compile(kSecrets, &error);
  ASSERT_NE(compiled, nullptr) << error.message;
  const Hits want = scan(*compiled, kText);
  EXPECT_GE(want.size(), 4u);
  EXPECT_EQ(scan(*prebuilt, kText), want);
}

TEST(HsPrebuilt, OnlyTheSameExpressionsFlagsAndIdsAreFound) {
  auto blob = build_hs_database_blob({kSecrets});
  ASSERT_TRUE(blob);
  Expressions other_id = kSecrets, other_flags = kSecrets, other_regex = kSecrets;
  other_id[1].id = 7;
  other_flags[0].flags |= HS_FLAG_CASELESS;
  other_regex[2].regex += "x";
  EXPECT_EQ(find_prebuilt_hs_database(*blob, other_id), nullptr);
  EXPECT_EQ(find_prebuilt_hs_database(*blob, other_flags), nullptr);
  EXPECT_EQ(find_prebuilt_hs_database(*blob, other_regex), nullptr);
  EXPECT_EQ(find_prebuilt_hs_database(*blob, Expressions(kSecrets.begin(), kSecrets.begin() + 2)), nullptr);
  EXPECT_NE(find_prebuilt_hs_database(*blob, kSecrets), nullptr);
}

TEST(HsPrebuilt, DamagedOrForeignBlobsAreRefused) {
  auto blob = build_hs_database_blob({kSecrets});
  ASSERT_TRUE(blob);
  std::string damaged = *blob;
  damaged[only_database_at(damaged) + 100] ^= 0x5a;  // inside the serialized database
  EXPECT_EQ(find_prebuilt_hs_database(damaged, kSecrets), nullptr);
  std::string truncated = blob->substr(0, blob->size() / 2);
  EXPECT_EQ(find_prebuilt_hs_database(truncated, kSecrets), nullptr);
  std::string foreign = *blob;
  foreign[0] = 'X';  // not our magic
  EXPECT_EQ(find_prebuilt_hs_database(foreign, kSecrets), nullptr);
  EXPECT_EQ(find_prebuilt_hs_database(std::string(40, '\xff'), kSecrets), nullptr);
  EXPECT_EQ(find_prebuilt_hs_database("", kSecrets), nullptr);
}

TEST(HsPrebuilt, BytesThatDoNotDeserializeAreRefused) {
  auto blob = build_hs_database_blob({kSecrets});
  ASSERT_TRUE(blob);
  // Foreign bytes behind a matching checksum: Vectorscan's own checks refuse them.
  std::string foreign = *blob;
  uint64_t db_at = 0, db_size = 0;
  std::memcpy(&db_at, foreign.data() + 16 + 3 * 8, sizeof db_at);
  std::memcpy(&db_size, foreign.data() + 16 + 4 * 8, sizeof db_size);
  std::memset(foreign.data() + db_at, 'x', db_size);
  const uint64_t hash = XXH64(foreign.data() + db_at, db_size, 0);
  std::memcpy(foreign.data() + 16 + 5 * 8, &hash, sizeof hash);
  EXPECT_EQ(find_prebuilt_hs_database(foreign, kSecrets), nullptr);
}

TEST(HsPrebuilt, CompileFallsBackWhenTheBlobIsDamaged) {
  auto blob = build_hs_database_blob({kSecrets});
  ASSERT_TRUE(blob);
  std::string damaged = *blob;
  damaged[only_database_at(damaged) + 100] ^= 0x5a;
  use_prebuilt_hs_databases(damaged);
  const HsPrebuiltStats before = hs_prebuilt_stats();
  HsDatabase::CompileError error;
  auto db = HsDatabase::compile(kSecrets, &error);
  const HsPrebuiltStats after = hs_prebuilt_stats();
  use_prebuilt_hs_databases({});
  ASSERT_NE(db, nullptr) << error.message;
  EXPECT_EQ(after.found, before.found);
  EXPECT_EQ(after.compiled, before.compiled + 1);
  EXPECT_GE(scan(*db, kText).size(), 4u);

  use_prebuilt_hs_databases(*blob);  // intact: taken from the blob
  auto taken = HsDatabase::compile(kSecrets, &error);
  const HsPrebuiltStats last = hs_prebuilt_stats();
  use_prebuilt_hs_databases({});
  ASSERT_NE(taken, nullptr);
  EXPECT_EQ(last.found, after.found + 1);
  EXPECT_EQ(last.compiled, after.compiled);
}

// The build's path end to end: record what loading the built-in rules compiles, prebuild it, and
// load again from the blob: nothing is compiled, and every fixture under rules/ gets the same
// findings.
TEST(HsPrebuilt, BuiltInRulesFromTheBlobFindTheSame) {
  std::vector<Expressions> recorded;
  record_hs_compiles(&recorded);
  auto compiled = RuleSet::load(Config{}, {});
  record_hs_compiles(nullptr);
  ASSERT_TRUE(compiled) << compiled.error().message;
  ASSERT_FALSE(recorded.empty());
  auto blob = build_hs_database_blob(recorded);
  ASSERT_TRUE(blob) << blob.error().message;

  use_prebuilt_hs_databases(*blob);
  const HsPrebuiltStats before = hs_prebuilt_stats();
  auto prebuilt = RuleSet::load(Config{}, {});
  const HsPrebuiltStats after = hs_prebuilt_stats();
  ASSERT_TRUE(prebuilt) << prebuilt.error().message;
  EXPECT_EQ(after.compiled, before.compiled);
  EXPECT_GE(after.found - before.found, 1u);

  size_t files = 0, findings = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(RH_SOURCE_DIR) + "/rules")) {
    if (!entry.is_regular_file() || entry.path().extension() == ".yml") continue;
    const std::string content = test::read_file(entry.path());
    const std::string path = entry.path().filename().string();
    auto want = test::run_rules(**compiled, path, content).findings;
    auto got = test::run_rules(**prebuilt, path, content).findings;
    ASSERT_EQ(got.size(), want.size()) << entry.path();
    for (size_t i = 0; i < want.size(); ++i) {
      EXPECT_EQ(got[i].rule_id, want[i].rule_id) << entry.path();
      EXPECT_EQ(got[i].start_line, want[i].start_line) << entry.path();
      EXPECT_EQ(got[i].start_column, want[i].start_column) << entry.path();
      EXPECT_EQ(got[i].end_column, want[i].end_column) << entry.path();
      EXPECT_EQ(got[i].message, want[i].message) << entry.path();
    }
    ++files;
    findings += want.size();
  }
  use_prebuilt_hs_databases({});
  EXPECT_GT(files, 50u);
  EXPECT_GT(findings, 50u);
}

// The built-in pattern rules are one database whatever the config turns off and whatever the
// user adds, so the build's database is found: a disabled rule is compiled in but never reported,
// and only the user's rule compiles at run time.
TEST(HsPrebuilt, ConfigAndUserRulesKeepTheBuiltInDatabase) {
  std::vector<Expressions> recorded;
  record_hs_compiles(&recorded);
  auto defaults = RuleSet::load(Config{}, {});
  record_hs_compiles(nullptr);
  ASSERT_TRUE(defaults) << defaults.error().message;
  auto blob = build_hs_database_blob(recorded);
  ASSERT_TRUE(blob);

  test::TempDir dir;
  test::write_file(dir.path(), "mine/shouty.yml",
                   test::rule_yaml("mine.shouty", "pattern", "", "pattern:\n  regex: 'LOUD[A-Z]+'\n"));
  Config config;
  RuleSetting off;
  off.id = "generic.hygiene.todo-fixme";
  off.enabled = false;
  config.rules.push_back(off);

  use_prebuilt_hs_databases(*blob);
  const HsPrebuiltStats start = hs_prebuilt_stats();
  ASSERT_TRUE(RuleSet::load(Config{}, {}));
  const HsPrebuiltStats before = hs_prebuilt_stats();
  auto custom = RuleSet::load(config, {(dir.path() / "mine").string()});
  const HsPrebuiltStats after = hs_prebuilt_stats();
  use_prebuilt_hs_databases({});
  ASSERT_TRUE(custom) << custom.error().message;
  EXPECT_EQ(after.compiled - before.compiled, 1u);  // the user's rule alone
  EXPECT_EQ(after.found - before.found, before.found - start.found);  // everything the defaults found

  const std::string text = "def f():\n    # TODO later\n    return 'LOUDNOISES'\n";
  auto ids = [](const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const Finding& f : findings) out.push_back(f.rule_id + ":" + std::to_string(f.start_line));
    return out;
  };
  auto with_defaults = ids(test::run_rules(**defaults, "a.py", text).findings);
  auto with_custom = ids(test::run_rules(**custom, "a.py", text).findings);
  auto has = [](const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); };
  EXPECT_TRUE(has(with_defaults, "generic.hygiene.todo-fixme:2"));
  EXPECT_FALSE(has(with_custom, "generic.hygiene.todo-fixme:2"));
  EXPECT_TRUE(has(with_custom, "mine.shouty:3"));
  EXPECT_FALSE(has(with_defaults, "mine.shouty:3"));
}

}  // namespace
}  // namespace rh
