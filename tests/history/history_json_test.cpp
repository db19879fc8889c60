// facts.json's history object: every field written under its own name and read back exactly.
#include <gtest/gtest.h>

#include "core/model_json.h"

namespace rh {
namespace {

HistoryFacts sample() {
  HistoryFacts h;
  RepoHistory& r = h.repository;
  r.revision = "0123456789abcdef0123456789abcdef01234567";
  r.reference_date = "2024-06-01T12:00:00Z";
  r.first_parent = true;
  r.since = "2020-01-01";
  r.max_commits = 100;
  r.line_window_months = 12;
  r.shallow = true;
  r.shallow_depth = 3;
  r.commits = 17;
  r.merges = 1;
  r.bot_commits = 2;
  r.ignored_commits = 1;
  r.unreadable_commits = {"abc"};
  r.first_commit_date = "2022-01-10T12:00:00Z";
  r.last_commit_date = "2024-06-01T12:00:00Z";
  r.lines_added = 32;
  r.lines_deleted = 5;
  r.binary_changes = 1;
  r.contributors = 1;
  r.active_contributors = 1;
  r.authors = {{"a@x", "A \x01<b>", "a@x", "x", {"old@x"}, 6, 4, 16, 1, "2022-05-20T12:00:00Z",
                "2024-06-01T12:00:00Z", true, 5}};
  r.bots = {{"bot@x", "bot[bot]", "bot@x", 1}};
  r.truck_factor = {2, {"a@x", "c@x"}, 9, 0.3333};
  r.active_truck_factor = {1, {"a@x"}, 9, 0.4444};
  r.knowledge_loss = {9, 1, 0.1111, 51, 2, 0.0392, 0};
  r.organisations = {{"x", "organisation", 2, 1, 8, 4, 6}};
  r.elephant_factor = 1;
  r.hotspots = {{"src/app.py", 8, 10, 80}};
  r.coupling = {{"src/app.py", "util.py", 7, 8, 7, 0.9333}};
  r.releases = {2, 2, 2, 1, "v1.1.0", 1, "v1.1.0", "2024-03-02T12:00:00Z", 91, true, 1, 1};
  r.traceability = {16, 5, 0.3125, 11, 0.6875, 1, 0.0625, 15, 2, 0.1333, 2.0, 3.5};
  FileHistory f;
  f.path = "src/app.py";
  f.former_paths = {"app.py"};
  f.commits = 8;
  f.authors = 3;
  f.lines_added = 7;
  f.lines_deleted = 3;
  f.first_change = "2022-01-10T12:00:00Z";
  f.last_change = "2024-03-01T12:00:00Z";
  f.age_days = 873;
  f.age_months = 28;
  f.creator = "b@x";
  f.main_author = "a@x";
  f.main_author_share = 0.5714;
  f.main_author_by_lines = "a@x";
  f.main_author_by_lines_share = 1.0;
  f.doa_authors = {"b@x", "a@x"};
  f.fragmentation = 0.5714;
  f.knowledge_lost = true;
  f.contributions = {{"a@x", 4, 5, 1, false, 3.5963, true}};
  h.files = {f};
  h.notes = {msg("history.shallow", {int_arg("depth", 3)})};
  return h;
}

TEST(HistoryJson, RoundTripsExactly) {
  HistoryFacts h = sample();
  std::string text = history_to_json(h).dump(2);
  HistoryFacts back;
  history_from_json(ojson::parse(text), back);
  EXPECT_EQ(back, h);
  EXPECT_EQ(history_to_json(back).dump(2), text);
}

TEST(HistoryJson, RoundTripsInsideFacts) {
  ScanResult s;
  s.history = sample();
  std::string text = facts_json_text(s);
  auto back = scan_result_from_json(ojson::parse(text));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back->history, *s.history);
  EXPECT_EQ(facts_json_text(*back), text);
}

TEST(HistoryJson, FieldNames) {
  ojson j = history_to_json(sample());
  for (const char* k : {"repository", "files", "notes"}) EXPECT_TRUE(j.contains(k)) << k;
  const ojson& r = j["repository"];
  for (const char* k : {"revision", "reference_date", "commits", "truck_factor", "organisations",
                        "elephant_factor", "hotspots", "coupling", "releases", "traceability"})
    EXPECT_TRUE(r.contains(k)) << k;
  const ojson& f = j["files"][0];
  for (const char* k : {"path", "commits", "authors", "lines_added", "lines_deleted", "first_change",
                        "last_change", "age_months", "main_author", "main_author_share",
                        "doa_authors", "fragmentation"})
    EXPECT_TRUE(f.contains(k)) << k;
  EXPECT_EQ(r["coupling"][0]["degree"], 0.9333);
}

TEST(HistoryJson, ProblemsNameTheField) {
  ojson j = history_to_json(sample());
  j["files"][0]["contributions"][0].erase("doa");
  HistoryFacts h;
  try {
    history_from_json(j, h);
    FAIL() << "expected an error";
  } catch (const nlohmann::json::exception& e) {
    EXPECT_NE(std::string(e.what()).find("files[0].contributions[0].doa is missing"),
              std::string::npos)
        << e.what();
  }
  ojson k = history_to_json(sample());
  k["repository"]["commits"] = "many";
  ScanResult s;
  ojson doc = to_json(s);
  doc["history"] = k;
  auto r = scan_result_from_json(doc);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("$.history: "), std::string::npos);
  EXPECT_NE(r.error().message.find("repository.commits has the wrong type (string)"),
            std::string::npos)
      << r.error().message;
}

}  // namespace
}  // namespace rh
