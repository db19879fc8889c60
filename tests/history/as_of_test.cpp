// One reference date: every window of the history (last 12 months, active people, releases,
// knowledge loss) ends at HistoryOptions::as_of, not at the revision's commit date.
#include <gtest/gtest.h>

#include "core/dates.h"
#include "history_fixture.h"

namespace rh::test {
namespace {

HistoryFacts at(const GitRepo& r, const char* as_of) {
  HistoryOptions o;
  o.as_of = as_of_instant(as_of);
  return analyse(r, o);
}

TEST(AsOf, WindowsEndAtTheReferenceDate) {
  GitRepo r;
  r.write("app.py", numbered("app", 1, 10));
  r.commit("Add app", "2023-01-10T12:00:00Z", "Anna Lund <anna@acme.dk>");
  r.run("tag v1.0.0", "2023-01-10T12:00:00Z");
  r.write("app.py", numbered("app", 1, 12));
  r.commit("Edit app", "2023-02-01T12:00:00Z", "Anna Lund <anna@acme.dk>");

  // Four months after the last commit: Anna is active, the release is recent.
  HistoryFacts soon = at(r, "2023-06-01");
  EXPECT_EQ(soon.repository.reference_date, "2023-06-01T23:59:59Z");
  EXPECT_EQ(soon.repository.active_contributors, 1);
  EXPECT_EQ(soon.repository.releases.releases_last_12_months, 1);
  EXPECT_EQ(soon.repository.releases.days_since_last_release, 142);
  EXPECT_EQ(soon.repository.knowledge_loss.files_lost, 0);
  EXPECT_EQ(soon.repository.lines_added, 12);

  // Sixteen months later the same revision: nobody is active, no release in 12 months, the
  // knowledge is lost, and no lines fall in the window.
  HistoryFacts late = at(r, "2024-06-01");
  EXPECT_EQ(late.repository.reference_date, "2024-06-01T23:59:59Z");
  EXPECT_EQ(late.repository.revision, soon.repository.revision);
  EXPECT_EQ(late.repository.active_contributors, 0);
  EXPECT_EQ(late.repository.releases.releases_last_12_months, 0);
  EXPECT_EQ(late.repository.releases.days_since_last_release, 508);
  EXPECT_EQ(late.repository.knowledge_loss.files_lost, 1);
  EXPECT_EQ(late.repository.lines_added, 0);
  EXPECT_EQ(late.repository.authors[0].commits_last_12_months, 0);

  // A timestamp is taken as it is; without as_of the revision's commit date is the reference.
  EXPECT_EQ(at(r, "2023-02-01T12:00:00Z").repository.reference_date, "2023-02-01T12:00:00Z");
  EXPECT_EQ(analyse(r).repository.reference_date, "2023-02-01T12:00:00Z");
}

TEST(AsOf, AReferenceBeforeTheRevisionIsNoted) {
  GitRepo r;
  r.write("a.txt", "a\n");
  r.commit("a", "2023-01-10T12:00:00Z", "Anna Lund <anna@acme.dk>");
  HistoryFacts h = at(r, "2022-12-31");
  bool noted = false;
  for (const auto& n : h.notes) noted = noted || english(n).find("precedes the revision") != std::string::npos;
  EXPECT_TRUE(noted);
}

TEST(AsOf, Parsing) {
  EXPECT_EQ(normalise_as_of("2024-06-01"), "2024-06-01");
  EXPECT_EQ(normalise_as_of("2024-06-01T14:00:00+02:00"), "2024-06-01T12:00:00Z");
  EXPECT_FALSE(normalise_as_of("June 1st"));
  EXPECT_FALSE(normalise_as_of("2024-02-30"));
  EXPECT_EQ(as_of_instant("2024-06-01"), *parse_iso_date("2024-06-01T23:59:59Z"));
  EXPECT_EQ(today_utc().size(), 10u);
}

}  // namespace
}  // namespace rh::test
