// Identities: bots, encodings, names, alias merging, .git-blame-ignore-revs.
#include "core/git_source.h"
#include "history/identity.h"

#include <gtest/gtest.h>

#include "history_fixture.h"

namespace rh::history {
namespace {

TEST(Identity, Bots) {
  EXPECT_TRUE(is_bot("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"));
  EXPECT_TRUE(is_bot("Renovate Bot", "bot@renovateapp.com") || is_bot("renovate", "x@y"));
  EXPECT_TRUE(is_bot("renovate", "bot@renovateapp.com"));
  EXPECT_TRUE(is_bot("github-actions", "41898282+github-actions[bot]@users.noreply.github.com"));
  EXPECT_TRUE(is_bot("GitHub Action", "action@github.com"));
  EXPECT_TRUE(is_bot("my-ci[bot]", "ci@example.org"));
  EXPECT_TRUE(is_bot("Someone", "dependabot@example.org"));
  EXPECT_FALSE(is_bot("Abbot Costello", "abbot@example.org"));
  EXPECT_FALSE(is_bot("Robot Framework fan", "rf@example.org"));
}

TEST(Identity, Utf8) {
  EXPECT_EQ(to_utf8("Jørgen"), "Jørgen");
  EXPECT_EQ(to_utf8("J\xf8rgen"), "J\xc3\xb8rgen");
  EXPECT_EQ(to_utf8("a\x01<b>"), "a\x01<b>");
  EXPECT_EQ(to_utf8("\xe2\x82"), "\xc3\xa2\xc2\x82");  // truncated sequence read as Latin-1
  EXPECT_EQ(to_utf8("\xf0\x9f\x98\x80"), "\xf0\x9f\x98\x80");
  EXPECT_EQ(normalise_name("  Carol   CHRISTENSEN\t"), "carol christensen");
}

TEST(Identity, InterningAndAliases) {
  IdentityTable t(nullptr);
  int32_t a1 = t.intern("Carol", "Carol@Kommune.dk", 10);
  int32_t a2 = t.intern("Carol Christensen", "carol@kommune.dk", 20);  // same address
  EXPECT_EQ(a1, a2);
  EXPECT_EQ(t.at(a1).name, "Carol Christensen");  // the newest name
  EXPECT_EQ(t.at(a1).key, "carol@kommune.dk");
  int32_t b = t.intern("carol  christensen", "carolc@gmail.com", 5);
  int32_t root1 = t.intern("root", "root@host-a", 1);
  int32_t root2 = t.intern("root", "root@host-b", 1);
  int32_t bot1 = t.intern("dependabot[bot]", "1@x", 1);
  int32_t bot2 = t.intern("dependabot[bot]", "2@x", 1);
  int32_t noemail = t.intern("Nobody", "", 1);
  EXPECT_EQ(t.at(noemail).key, "Nobody");
  EXPECT_TRUE(t.at(bot1).bot);
  t.merge_aliases();
  EXPECT_EQ(t.canonical(b), a1);  // more commits with the kommune address
  EXPECT_EQ(t.canonical(root1), root1);  // generic names are not merged
  EXPECT_EQ(t.canonical(root2), root2);
  EXPECT_EQ(t.canonical(bot2), bot2);  // bots are not merged
  EXPECT_EQ(t.aliases(a1), std::vector<std::string>{"carolc@gmail.com"});
}

TEST(Identity, IgnoreRevs) {
  test::GitRepo repo;
  repo.write("a.txt", "1\n");
  std::string id = repo.commit("one", "2024-01-01T12:00:00Z", "A <a@x.org>");
  ensure_libgit2();  // when run alone, nothing else has initialised libgit2
  git_repository* raw = nullptr;
  ASSERT_EQ(git_repository_open(&raw, repo.str().c_str()), 0);
  RepoPtr r(raw);
  IgnoreRevs revs = parse_ignore_revs(
      r.get(), "# comment\n\n" + id + "  # trailing\n" + id.substr(0, 8) + "\nnot-an-id\n" +
                   std::string(40, 'f') + "x\ndeadbeef\n");
  ASSERT_EQ(revs.ids.size(), 2u);
  EXPECT_EQ(oid_hex(revs.ids[0]), id);
  EXPECT_EQ(oid_hex(revs.ids[1]), id);  // abbreviation resolved
  EXPECT_EQ(revs.unresolved, 3);
}

TEST(Identity, MailmapFromTheRevisionTree) {
  test::GitRepo repo;
  repo.write(".mailmap", "Real Name <real@x.org> <old@x.org>\n");
  repo.commit("one", "2024-01-01T12:00:00Z", "A <a@x.org>");
  ensure_libgit2();  // when run alone, nothing else has initialised libgit2
  git_repository* raw = nullptr;
  ASSERT_EQ(git_repository_open(&raw, repo.str().c_str()), 0);
  RepoPtr r(raw);
  git_object* tree = nullptr;
  ASSERT_EQ(git_revparse_single(&tree, r.get(), "HEAD^{tree}"), 0);
  MailmapPtr mm = load_mailmap(r.get(), reinterpret_cast<git_tree*>(tree));
  git_object_free(tree);
  ASSERT_NE(mm, nullptr);
  IdentityTable t(mm.get());
  int32_t id = t.intern("Old", "old@x.org", 1);
  EXPECT_EQ(t.at(id).key, "real@x.org");
  EXPECT_EQ(t.at(id).name, "Real Name");
  EXPECT_EQ(t.aliases(id), std::vector<std::string>{"old@x.org"});
}

}  // namespace
}  // namespace rh::history
