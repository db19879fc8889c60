// End-to-end: the history walk inside `repohealth scan` (runs beside file analysis) lands in
// facts.json; its options reach it; it is absent, with a note, when it cannot or should not run.
// The figures themselves are checked in tests/history/designed_history_test.cpp.
#include <gtest/gtest.h>

#include <set>

#include "e2e/e2e_support.h"

namespace rh::test {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const char* kAlice = "Alice <alice@acme.dk>";
const char* kBob = "Bob <bob@vendor.dk>";

/// Two people from two organisations; app.py is changed often and is complex enough to be a hotspot.
void build_repo(const fs::path& repo) {
  git(repo, "init -q -b main");
  write_file(repo, "app.py", "def f(x):\n    if x:\n        return 1\n    return 2\n");
  write_file(repo, "README.md", "# demo\n");
  git(repo, "add -A");
  git(repo, "commit -q -m 'first #1'", "2024-01-10T10:00:00Z", kAlice);
  write_file(repo, "app.py", "def f(x):\n    if x:\n        return 1\n    elif x is None:\n        return 3\n    return 2\n");
  git(repo, "commit -q -am 'fix: none'", "2024-02-10T10:00:00Z", kBob);
  git(repo, "tag v1.0.0", "2024-02-10T10:00:00Z", kBob);
  write_file(repo, "lib.py", "def g():\n    return 0\n");
  git(repo, "add -A");
  git(repo, "commit -q -m 'add lib'", "2024-03-10T10:00:00Z", kAlice);
}

}  // namespace

TEST(HistoryScan, HistoryLandsInFacts) {
  TempDir dir;
  build_repo(dir.path());
  ScanRun r = scan(dir.str(), "--as-of 2024-03-10T10:00:00Z");
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  ASSERT_TRUE(r.facts.contains("history")) << r.facts.dump(1);
  const json& h = r.facts["history"]["repository"];
  EXPECT_EQ(r.facts["scan"]["as_of"], "2024-03-10T10:00:00Z");
  EXPECT_EQ(h["commits"], 3);
  EXPECT_EQ(h["contributors"], 2);
  EXPECT_EQ(h["reference_date"], "2024-03-10T10:00:00Z");
  EXPECT_EQ(h["releases"]["semver_tags"], 1);
  EXPECT_EQ(h["releases"]["last_tag"], "v1.0.0");
  EXPECT_EQ(h["releases"]["commits_since_last_tag"], 1);
  EXPECT_EQ(h["organisations"].size(), 2u);
  // Hotspots join history with the file metrics: app.py (2 commits x cyclomatic 3) is first.
  ASSERT_FALSE(h["hotspots"].empty());
  EXPECT_EQ(h["hotspots"][0]["path"], "app.py");
  EXPECT_EQ(h["hotspots"][0]["commits"], 2);
  EXPECT_EQ(h["hotspots"][0]["complexity"], 3);
  EXPECT_EQ(h["hotspots"][0]["score"], 6);
  const json* app = find_by_path(r.facts["history"]["files"], "app.py");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ((*app)["commits"], 2);
  EXPECT_EQ((*app)["authors"], 2);
  // People are named by their names; no address leaves the scan without --show-emails.
  EXPECT_EQ((*app)["creator"], "Alice");
  EXPECT_EQ(r.facts["scan"]["show_emails"], false);
  EXPECT_EQ(r.facts["history"].dump().find('@'), std::string::npos);
}

TEST(HistoryScan, ShowEmailsKeepsAddresses) {
  TempDir dir;
  build_repo(dir.path());
  ScanRun r = scan(dir.str(), "--as-of 2024-03-10 --show-emails");
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  EXPECT_EQ(r.facts["scan"]["show_emails"], true);
  const json* app = find_by_path(r.facts["history"]["files"], "app.py");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ((*app)["creator"], "alice@acme.dk");
  EXPECT_EQ(r.facts["history"]["repository"]["authors"][0]["email"].get<std::string>().find('@') != std::string::npos, true);
}

/// facts.json without what differs between two runs by design: timings and the output folder.
json without_timings(json facts) {
  facts["scan"].erase("started_at");
  facts["scan"].erase("duration_ms");
  facts["scan"].erase("cache");  // the second scan's files come from the per-file cache
  return facts;
}

TEST(HistoryScan, SameRevisionAndAsOfGiveTheSameFacts) {
  TempDir dir;
  build_repo(dir.path());
  ScanRun first = scan(dir.str(), "--as-of 2025-06-01");
  ScanRun second = scan(dir.str(), "--as-of 2025-06-01");
  ASSERT_EQ(first.command.exit_code, 0) << first.command.err;
  ASSERT_EQ(second.command.exit_code, 0) << second.command.err;
  EXPECT_EQ(first.facts["scan"]["as_of"], "2025-06-01");
  EXPECT_EQ(first.facts["history"]["repository"]["reference_date"], "2025-06-01T23:59:59Z");
  EXPECT_EQ(without_timings(first.facts), without_timings(second.facts));
  // Another reference date changes the windows, not the revision.
  ScanRun earlier = scan(dir.str(), "--as-of 2024-03-31");
  ASSERT_EQ(earlier.command.exit_code, 0) << earlier.command.err;
  EXPECT_EQ(earlier.facts["history"]["repository"]["active_contributors"], 2);
  EXPECT_EQ(first.facts["history"]["repository"]["active_contributors"], 0);
  // Without --as-of the reference date is the day of the scan.
  ScanRun today = scan(dir.str());
  ASSERT_EQ(today.command.exit_code, 0) << today.command.err;
  EXPECT_EQ(today.facts["scan"]["as_of"].get<std::string>().size(), 10u);
  EXPECT_EQ(today.facts["scan"]["as_of"].get<std::string>(),
            today.facts["scan"]["started_at"].get<std::string>().substr(0, 10));
}

TEST(HistoryScan, BadAsOfIsAUsageError) {
  TempDir dir;
  build_repo(dir.path());
  ScanRun r = scan(dir.str(), "--as-of yesterday");
  EXPECT_EQ(r.command.exit_code, 2);
  EXPECT_NE(r.command.err.find("--as-of 'yesterday' is not a date"), std::string::npos) << r.command.err;
}

TEST(HistoryScan, OptionsReachTheWalk) {
  TempDir dir;
  build_repo(dir.path());
  ScanRun r = scan(dir.str(), "--max-commits 1 --history-lines all --hotspots 0 --as-of 2024-03-10T10:00:00Z");
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  const json& h = r.facts["history"]["repository"];
  EXPECT_EQ(h["commits"], 1);
  EXPECT_EQ(h["max_commits"], 1);
  EXPECT_EQ(h["line_window_months"], 0);
  EXPECT_TRUE(h["hotspots"].empty());

  ScanRun older = scan(dir.str(), "--rev v1.0.0 --as-of 2024-02-10T10:00:00Z");
  ASSERT_EQ(older.command.exit_code, 0) << older.command.err;
  EXPECT_EQ(older.facts["history"]["repository"]["commits"], 2);
  EXPECT_EQ(older.facts["history"]["repository"]["reference_date"], "2024-02-10T10:00:00Z");
}

TEST(HistoryScan, OrganisationMappingFromConfig) {
  TempDir dir;
  build_repo(dir.path());
  write_file(dir.path(), "cfg.yml", "organisations:\n  acme.dk: Acme Kommune\n  Vendor A/S: [vendor.dk, vendor-aps.dk]\n");
  ScanRun r = scan(dir.str(), "--config " + sh_quote((dir.path() / "cfg.yml").string()));
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  std::set<std::string> names;
  for (const auto& o : r.facts["history"]["repository"]["organisations"]) names.insert(o["name"]);
  EXPECT_EQ(names, (std::set<std::string>{"Acme Kommune", "Vendor A/S"}));
}

TEST(HistoryScan, NoHistoryAndNonGitAndEmpty) {
  TempDir dir;
  build_repo(dir.path());
  ScanRun off = scan(dir.str(), "--no-history");
  ASSERT_EQ(off.command.exit_code, 0) << off.command.err;
  EXPECT_TRUE(off.facts["history"].is_null());

  TempDir plain;
  write_file(plain.path(), "a.py", "x = 1\n");
  ScanRun folder = scan(plain.str());
  ASSERT_EQ(folder.command.exit_code, 0) << folder.command.err;
  EXPECT_TRUE(folder.facts["history"].is_null());
  EXPECT_NE(folder.facts["notifications"].dump().find("history not analysed: not a git repository"),
            std::string::npos);

  TempDir empty;
  git(empty.path(), "init -q");
  ScanRun none = scan(empty.str());
  ASSERT_EQ(none.command.exit_code, 0) << none.command.err;
  EXPECT_TRUE(none.facts["history"].is_null());
  EXPECT_NE(none.facts["notifications"].dump().find("no commits"), std::string::npos);
}

TEST(HistoryScan, BadSinceIsAUsageError) {
  TempDir dir;
  build_repo(dir.path());
  ScanRun r = scan(dir.str(), "--since not-a-date");
  EXPECT_EQ(r.command.exit_code, 2);
  EXPECT_NE(r.command.err.find("--since 'not-a-date' is not a date"), std::string::npos) << r.command.err;
  ScanRun ok = scan(dir.str(), "--since 2024-02-01");
  ASSERT_EQ(ok.command.exit_code, 0) << ok.command.err;
  EXPECT_EQ(ok.facts["history"]["repository"]["commits"], 2);
  EXPECT_EQ(ok.facts["history"]["repository"]["since"], "2024-02-01");
}

/// The terminal summary with its wrapped lines joined: stdout is not a terminal here, so the
/// summary is wrapped to $COLUMNS or 80 columns (docs/reports.md), and a line may continue below.
std::string joined_lines(const std::string& out) {
  std::string s;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] != '\n') {
      s += out[i];
      continue;
    }
    s += ' ';
    while (i + 1 < out.size() && out[i + 1] == ' ') ++i;
  }
  return s;
}

TEST(HistoryScan, SummaryShowsTruckFactor) {
  TempDir dir;
  build_repo(dir.path());
  TempDir out;
  CommandResult c = run_repohealth("scan " + sh_quote(dir.str()) + " --out " + sh_quote(out.str()) +
                                   " --format json --as-of 2024-03-10");
  ASSERT_EQ(c.exit_code, 0) << c.err;
  const std::string summary = joined_lines(c.out);
  EXPECT_NE(summary.find("truck factor: "), std::string::npos) << c.out;
  EXPECT_NE(summary.find("history: 3 commits, 2 contributors (2 active), 2 organisations"), std::string::npos) << c.out;
  EXPECT_NE(summary.find("as of 2024-03-10"), std::string::npos) << c.out;
  EXPECT_EQ(c.out.find('@'), std::string::npos) << c.out;
}

}  // namespace rh::test
