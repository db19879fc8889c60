// Degree of authorship, main authors, the greedy truck factor and temporal coupling on records
// built by hand.
#include "history/ownership.h"

#include <gtest/gtest.h>

#include <cmath>

#include "history/coupling.h"

namespace rh::history {
namespace {

Contribution contribution(int32_t author, int64_t commits, int64_t deliveries, bool first,
                          int64_t added = 0) {
  Contribution c;
  c.author = author;
  c.commits = commits;
  c.deliveries = deliveries;
  c.first_author = first;
  c.lines_added = added;
  return c;
}

TEST(Ownership, DegreeOfAuthorship) {
  EXPECT_DOUBLE_EQ(degree_of_authorship(false, 0, 0), 3.293);
  EXPECT_DOUBLE_EQ(degree_of_authorship(true, 0, 0), 3.293 + 1.098);
  EXPECT_DOUBLE_EQ(degree_of_authorship(false, 10, 0), 3.293 + 1.64);
  EXPECT_DOUBLE_EQ(degree_of_authorship(false, 0, 9), 3.293 - 0.321 * std::log(10.0));
}

TEST(Ownership, AuthorsNeedANormalisedDoaAbove075) {
  // 0: creator, no edits; 1: 6 edits; 2: one edit. Deliveries 7.
  // DOA0 = 4.391 - 0.321 ln 8 = 3.7235; DOA1 = 3.293 + 0.984 - 0.321 ln 2 = 4.0545 (max);
  // DOA2 = 3.457 - 0.321 ln 7 = 2.8324 -> 0.699 < 0.75.
  FileRecord f;
  f.path = "x";
  f.contributions = {contribution(0, 1, 0, true), contribution(1, 6, 6, false),
                     contribution(2, 1, 1, false)};
  f.deliveries = 7;
  Authorship a = authorship(f);
  EXPECT_NEAR(a.doa[0], 3.7235, 1e-4);
  EXPECT_NEAR(a.doa[1], 4.0545, 1e-4);
  EXPECT_NEAR(a.doa[2], 2.8324, 1e-4);
  EXPECT_EQ(a.author, (std::vector<bool>{true, true, false}));
}

TEST(Ownership, FileHistoryTieBreaks) {
  // Two people with one commit each: the one with more lines is the main author; equal lines:
  // the smaller id.
  FileRecord f;
  f.path = "x";
  f.commits = 2;
  f.first_time = 0;
  f.last_time = 86400;
  f.creator = 1;
  f.contributions = {contribution(1, 1, 0, true, 2), contribution(0, 1, 1, false, 2)};
  f.deliveries = 1;
  std::vector<std::string> keys = {"a@x", "b@x"};
  FileHistory h = file_history(f, keys, {true, false}, 10 * 86400);
  EXPECT_EQ(h.main_author, "a@x");
  EXPECT_DOUBLE_EQ(h.main_author_share, 0.5);
  EXPECT_EQ(h.main_author_by_lines, "a@x");
  EXPECT_DOUBLE_EQ(h.main_author_by_lines_share, 0.5);
  EXPECT_EQ(h.creator, "b@x");
  EXPECT_EQ(h.age_days, 10);
  EXPECT_EQ(h.first_change, "1970-01-01T00:00:00Z");
  EXPECT_DOUBLE_EQ(h.fragmentation, 0.5);
  EXPECT_FALSE(h.knowledge_lost);  // a@x is active and an author
}

TEST(Ownership, GreedyTruckFactor) {
  std::vector<std::string> keys = {"a", "b", "c"};
  std::vector<int64_t> rank = {0, 1, 2};
  std::vector<bool> all(3, true);
  // a knows 4 files, b 2, c 1 of 6 files: remove a -> b, c cover 3/6 = 0.5 (not below half)
  // -> remove b -> c covers 1/6 -> stop: 2.
  std::vector<std::vector<int32_t>> files = {{0}, {0}, {0, 1}, {0}, {1}, {2}};
  TruckFactor tf = greedy_truck_factor(files, all, rank, keys);
  EXPECT_EQ(tf.value, 2);
  EXPECT_EQ(tf.authors, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(tf.files, 6);
  EXPECT_DOUBLE_EQ(tf.coverage, 0.1667);
  // Without a (inactive): b and c cover 3/6 -> remove b (2 files) -> 1/6: 1.
  TruckFactor active = greedy_truck_factor(files, {false, true, true}, rank, keys);
  EXPECT_EQ(active.value, 1);
  EXPECT_EQ(active.authors, std::vector<std::string>{"b"});
  // Already under half: 0.
  TruckFactor none = greedy_truck_factor(files, {false, false, true}, rank, keys);
  EXPECT_EQ(none.value, 0);
  EXPECT_TRUE(none.authors.empty());
  // Ties go to the better-ranked author.
  std::vector<std::vector<int32_t>> tied = {{0}, {1}};
  TruckFactor t = greedy_truck_factor(tied, all, {1, 0, 2}, keys);
  EXPECT_EQ(t.authors.front(), "b");
  EXPECT_EQ(greedy_truck_factor({}, all, rank, keys).value, 0);
}

TEST(Coupling, CodeMaatThresholds) {
  CouplingCounter c(4);
  // Files 0 and 1 together 5 times, 0 alone 2 times: degree 5 / ((7 + 5) / 2) = 0.8333.
  for (int i = 0; i < 5; ++i) c.add_commit({0, 1}, 2);
  c.add_commit({0}, 1);
  c.add_commit({0}, 1);
  // Files 2 and 3 together 4 times only: below the 5 shared commits.
  for (int i = 0; i < 4; ++i) c.add_commit({2, 3}, 2);
  // A large commit is ignored entirely.
  c.add_commit({0, 1, 2, 3}, 31);
  auto pairs = c.result({"a", "b", "c", "d"});
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].path_a, "a");
  EXPECT_EQ(pairs[0].path_b, "b");
  EXPECT_EQ(pairs[0].shared_commits, 5);
  EXPECT_EQ(pairs[0].commits_a, 7);
  EXPECT_EQ(pairs[0].commits_b, 5);
  EXPECT_DOUBLE_EQ(pairs[0].degree, 0.8333);
  // Degree under 30 %: 5 shared of 30 and 5 commits -> 5 / 17.5 = 0.286.
  CouplingCounter low(2);
  for (int i = 0; i < 5; ++i) low.add_commit({0, 1}, 2);
  for (int i = 0; i < 25; ++i) low.add_commit({0}, 1);
  EXPECT_TRUE(low.result({"a", "b"}).empty());
}

}  // namespace
}  // namespace rh::history
