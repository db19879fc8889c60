// People and organisations on designed histories: names come from authored (non-merge) commits,
// free-mail and personal domains are individuals, several domains can be one organisation,
// renames follow git's 50 % similarity, and hide_emails leaves no address in the facts.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "core/dates.h"
#include "core/model_json.h"
#include "history/people_privacy.h"
#include "history_fixture.h"

namespace rh::test {
namespace {

const char* kAnna = "Anna Lund <anna@acme.dk>";
const char* kBo = "Bo Holm <bo@kommune.dk>";

HistoryOptions as_of(const char* date) {
  HistoryOptions o;
  o.as_of = as_of_instant(date);
  return o;
}

/// Anna writes a1, a2; Bo writes b1, b2 (b2 on a branch). The merge of Bo's branch is recorded
/// with Anna's name and Bo's address, as a forge may write it: the name is not authorship.
void two_people(GitRepo& r) {
  r.write("a1.txt", numbered("a1", 1, 5));
  r.commit("Add a1", "2024-01-10T12:00:00Z", kAnna);
  r.write("b1.txt", numbered("b1", 1, 5));
  r.commit("Add b1", "2024-01-11T12:00:00Z", kBo);
  r.run("checkout -q -b side");
  r.write("b2.txt", numbered("b2", 1, 5));
  r.commit("Add b2", "2024-01-12T12:00:00Z", kBo);
  r.run("checkout -q main");
  r.write("a2.txt", numbered("a2", 1, 5));
  r.commit("Add a2", "2024-01-13T12:00:00Z", kAnna);
  r.run("merge -q --no-ff -m 'Merge branch side' side", "2024-01-14T12:00:00Z", "Anna Lund <bo@kommune.dk>");
}

TEST(People, ANameSeenOnlyOnAMergeDoesNotJoinTwoPeople) {
  GitRepo r;
  two_people(r);
  HistoryFacts h = analyse(r, as_of("2024-02-01"));
  EXPECT_EQ(h.repository.contributors, 2);
  EXPECT_EQ(h.repository.truck_factor.value, 2);
  const Contributor* bo = find_author(h, "bo@kommune.dk");
  ASSERT_NE(bo, nullptr);
  EXPECT_EQ(bo->name, "Bo Holm");  // the newer merge's name does not rename him
  EXPECT_TRUE(bo->aliases.empty());
  const Contributor* anna = find_author(h, "anna@acme.dk");
  ASSERT_NE(anna, nullptr);
  EXPECT_TRUE(anna->aliases.empty());
  EXPECT_EQ(organisation_count(h.repository), 2);
}

TEST(People, TheSameNameOnAuthoredCommitsStillJoinsAddresses) {
  GitRepo r;
  two_people(r);
  r.write("a3.txt", numbered("a3", 1, 5));
  r.commit("Add a3", "2024-01-15T12:00:00Z", "Anna Lund <anna.lund@gmail.com>");
  HistoryFacts h = analyse(r, as_of("2024-02-01"));
  EXPECT_EQ(h.repository.contributors, 2);
  const Contributor* anna = find_author(h, "anna@acme.dk");
  ASSERT_NE(anna, nullptr);
  EXPECT_EQ(anna->aliases, std::vector<std::string>{"anna.lund@gmail.com"});
}

TEST(People, AForgeMergeWithTheFullNameJoinsTheSamePerson) {
  // A forge writes the account's full name on its merges: "Sine Jespersen <sine@aarhus.dk>"
  // for an address whose commits say "Sine". That agrees with her authored name, so her private
  // address, which commits as "Sine Jespersen", is the same person.
  GitRepo r;
  r.write("a.txt", numbered("a", 1, 5));
  r.commit("a", "2024-01-10T12:00:00Z", "Sine <sine@aarhus.dk>");
  r.run("checkout -q -b side");
  r.write("b.txt", numbered("b", 1, 5));
  r.commit("b", "2024-01-11T12:00:00Z", "Sine Jespersen <sine.jespersen@gmail.com>");
  r.run("checkout -q main");
  r.write("c.txt", numbered("c", 1, 5));
  r.commit("c", "2024-01-12T12:00:00Z", "Sine <sine@aarhus.dk>");
  r.run("merge -q --no-ff -m 'Merge pull request #3 from sine/side' side", "2024-01-13T12:00:00Z",
        "Sine Jespersen <sine@aarhus.dk>");
  HistoryFacts h = analyse(r, as_of("2024-02-01"));
  EXPECT_EQ(h.repository.contributors, 1);
  const Contributor* sine = find_author(h, "sine@aarhus.dk");
  ASSERT_NE(sine, nullptr);
  EXPECT_EQ(sine->aliases, std::vector<std::string>{"sine.jespersen@gmail.com"});
  EXPECT_EQ(h.repository.truck_factor.value, 1);
}

TEST(People, FreeMailAndPersonalDomainsAreIndividuals) {
  GitRepo r;
  r.write("a.txt", "a\n");
  r.commit("a", "2024-01-10T12:00:00Z", "Kim Berg <kim.berg@yahoo.dk>");
  r.write("b.txt", "b\n");
  r.commit("b", "2024-01-11T12:00:00Z", "Ole Nyborg <ole@stofanet.dk>");
  r.write("c.txt", "c\n");
  r.commit("c", "2024-01-12T12:00:00Z", "Jens Jensen <jens@jensen.dk>");  // his own domain
  r.write("d.txt", "d\n");
  r.commit("d", "2024-01-13T12:00:00Z", "Lis Dahl <lis@magenta.dk>");    // one person, a firm's domain
  r.write("e.txt", "e\n");
  r.commit("e", "2024-01-14T12:00:00Z", "Per Friis <per@magenta-aps.dk>");
  r.write("f.txt", "f\n");
  r.commit("f", "2024-01-15T12:00:00Z", "Sara Krog <sara@laptop.local>");
  HistoryFacts h = analyse(r, as_of("2024-02-01"));
  std::map<std::string, std::string> kind;
  for (const auto& o : h.repository.organisations) kind[o.name] = o.kind;
  EXPECT_EQ(kind["kim.berg@yahoo.dk"], "individual");
  EXPECT_EQ(kind["ole@stofanet.dk"], "individual");
  EXPECT_EQ(kind["jens@jensen.dk"], "individual");
  EXPECT_EQ(kind["sara@laptop.local"], "individual");
  EXPECT_EQ(kind["magenta.dk"], "organisation");
  EXPECT_EQ(kind["magenta-aps.dk"], "organisation");
  EXPECT_EQ(organisation_count(h.repository), 2);

  // Two domains, one organisation (`organisations: {Magenta ApS: [magenta.dk, magenta-aps.dk]}`).
  HistoryOptions mapped = as_of("2024-02-01");
  mapped.org_mapping = {{"magenta.dk", "Magenta ApS"}, {"magenta-aps.dk", "Magenta ApS"}};
  HistoryFacts m = analyse(r, mapped);
  EXPECT_EQ(organisation_count(m.repository), 1);
  const Organisation* magenta = nullptr;
  for (const auto& o : m.repository.organisations)
    if (o.name == "Magenta ApS") magenta = &o;
  ASSERT_NE(magenta, nullptr);
  EXPECT_EQ(magenta->authors, 2);
  EXPECT_EQ(magenta->commits, 2);
}

TEST(People, RenamesFollowGitsFiftyPercentSimilarity) {
  GitRepo r;
  const std::string kept = numbered("kept", 1, 20);
  r.write("mostly.txt", kept);
  r.write("little.txt", numbered("little", 1, 20));
  r.commit("Add", "2024-01-10T12:00:00Z", kAnna);
  r.remove("mostly.txt");
  r.remove("little.txt");
  // 14 of 20 lines kept (70 %): a rename; 4 of 20 kept (20 %): a new file.
  r.write("moved/mostly.txt", numbered("kept", 1, 14) + numbered("new", 15, 20));
  r.write("moved/little.txt", numbered("little", 1, 4) + numbered("other", 5, 20));
  r.commit("Move and edit", "2024-01-11T12:00:00Z", kBo);
  HistoryFacts h = analyse(r, as_of("2024-02-01"));
  const FileHistory* mostly = find_file(h, "moved/mostly.txt");
  ASSERT_NE(mostly, nullptr);
  EXPECT_EQ(mostly->former_paths, std::vector<std::string>{"mostly.txt"});
  EXPECT_EQ(mostly->commits, 2);
  const FileHistory* little = find_file(h, "moved/little.txt");
  ASSERT_NE(little, nullptr);
  EXPECT_TRUE(little->former_paths.empty());
}

TEST(People, HideEmailsLeavesNoAddress) {
  GitRepo r;
  two_people(r);
  r.write("c.txt", "c\n");
  r.commit("c", "2024-01-15T12:00:00Z", "Kim Berg <kim.berg@gmail.com>");
  r.write("d.txt", "d\n");
  r.commit("d", "2024-01-16T12:00:00Z", "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>");
  r.write("e.txt", "e\n");
  r.commit("e", "2024-01-17T12:00:00Z", "sam@example.net <sam@example.net>");  // a name that is an address
  HistoryFacts h = analyse(r, as_of("2024-02-01"));
  const RepoHistory before = h.repository;
  hide_emails(h);
  const std::string text = history_to_json(h).dump();
  EXPECT_EQ(text.find('@'), std::string::npos) << text;
  // The same people, counts and order; named by their names.
  ASSERT_EQ(h.repository.authors.size(), before.authors.size());
  std::vector<std::string> ids;
  for (const auto& a : h.repository.authors) ids.push_back(a.id);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "Anna Lund"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "Bo Holm"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "sam"), ids.end());
  EXPECT_EQ(h.repository.truck_factor.value, before.truck_factor.value);
  for (const auto& a : h.repository.truck_factor.authors)
    EXPECT_NE(std::find(ids.begin(), ids.end(), a), ids.end()) << a;
  for (const auto& o : h.repository.organisations)
    if (o.kind == "individual") EXPECT_NE(std::find(ids.begin(), ids.end(), o.name), ids.end()) << o.name;
  const FileHistory* a1 = find_file(h, "a1.txt");
  ASSERT_NE(a1, nullptr);
  EXPECT_EQ(a1->creator, "Anna Lund");
  EXPECT_EQ(a1->doa_authors, std::vector<std::string>{"Anna Lund"});
  ASSERT_EQ(h.repository.bots.size(), 1u);
  EXPECT_EQ(h.repository.bots[0].id, "dependabot[bot]");
}

}  // namespace
}  // namespace rh::test
