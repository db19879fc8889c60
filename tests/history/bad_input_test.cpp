// Bad input for the history walk: shallow clones, empty repositories, detached HEAD, orphan
// branches, huge commits, binary files, hostile author names, odd dates, missing objects.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/model_json.h"
#include "history_fixture.h"

namespace rh::test {
namespace {

namespace fs = std::filesystem;
const char* kAda = "Ada <ada@example.org>";
const char* kBen = "Ben <ben@example.org>";

bool has_note(const HistoryFacts& h, const std::string& part) {
  for (const auto& n : h.notes)
    if (english(n).find(part) != std::string::npos) return true;
  return false;
}

/// Removes a loose object from the repository's object database.
void delete_object(const GitRepo& repo, const std::string& id) {
  fs::path p = repo.path() / ".git" / "objects" / id.substr(0, 2) / id.substr(2);
  ASSERT_TRUE(fs::exists(p)) << p;
  fs::permissions(p, fs::perms::owner_all, fs::perm_options::add);
  fs::remove(p);
}

/// Writes a commit object as given (no checks: hostile input) and points main at it.
std::string raw_commit(GitRepo& repo, const std::string& text) {
  TempDir scratch;
  write_file(scratch.path(), "commit", text);
  std::string id = GitRepo::trim(git(repo.path(), "hash-object -t commit -w --literally " +
                                                      sh_quote((scratch.path() / "commit").string())));
  git(repo.path(), "update-ref refs/heads/main " + id);
  return id;
}

TEST(HistoryBadInput, ShallowCloneIsAnalysedWithANote) {
  GitRepo src;
  for (int i = 1; i <= 5; ++i) {
    src.write("a.txt", numbered("a", 1, i));
    src.commit("change " + std::to_string(i), "2024-01-0" + std::to_string(i) + "T12:00:00Z",
               i % 2 ? kAda : kBen);
  }
  TempDir parent;
  git(parent.path(), "clone -q --depth 2 file://" + src.str() + " clone");
  auto r = analyse_history((parent.path() / "clone").string(), "", {});
  ASSERT_TRUE(r) << r.error().message;
  const HistoryFacts& h = *r;
  EXPECT_TRUE(h.repository.shallow);
  EXPECT_EQ(h.repository.shallow_depth, 2);
  EXPECT_EQ(h.repository.commits, 2);
  EXPECT_TRUE(h.repository.unreadable_commits.empty());  // the cut is not damage
  EXPECT_TRUE(has_note(h, "shallow clone (depth 2)"));
  // The boundary commit (change 4, by Ben) shows the file as created.
  const FileHistory* a = find_file(h, "a.txt");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->commits, 2);
  EXPECT_EQ(a->creator, "ben@example.org");
  EXPECT_EQ(a->lines_added, 5);  // 4 lines "added" by the boundary, 1 by change 5
}

TEST(HistoryBadInput, EmptyRepositoryGivesEmptyFactsWithANote) {
  GitRepo repo;
  auto r = analyse_history(repo.str(), "", {});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->files.empty());
  EXPECT_EQ(r->repository.commits, 0);
  EXPECT_TRUE(has_note(*r, "no commits"));
  // Still serialisable.
  HistoryFacts back;
  history_from_json(history_to_json(*r), back);
  EXPECT_EQ(back, *r);
}

TEST(HistoryBadInput, NotARepositoryIsAnError) {
  TempDir dir;
  auto r = analyse_history(dir.str(), "", {});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("not a git repository"), std::string::npos);
}

TEST(HistoryBadInput, DetachedHead) {
  GitRepo repo;
  repo.write("a.txt", "1\n");
  std::string first = repo.commit("one", "2024-01-01T12:00:00Z", kAda);
  repo.write("a.txt", "1\n2\n");
  std::string second = repo.commit("two", "2024-01-02T12:00:00Z", kAda);
  repo.write("a.txt", "1\n2\n3\n");
  repo.commit("three", "2024-01-03T12:00:00Z", kAda);
  repo.run("checkout -q --detach " + second);
  HistoryFacts h = analyse(repo);
  EXPECT_EQ(h.repository.revision, second);
  EXPECT_EQ(h.repository.commits, 2);
  EXPECT_EQ(h.repository.reference_date, "2024-01-02T12:00:00Z");
  EXPECT_EQ(find_file(h, "a.txt")->commits, 2);
}

TEST(HistoryBadInput, OrphanBranchesAndUnrelatedHistories) {
  GitRepo repo;
  repo.write("main.txt", "m\n");
  repo.commit("main one", "2024-01-01T12:00:00Z", kAda);
  repo.write("main.txt", "m\nm\n");
  repo.commit("main two", "2024-01-02T12:00:00Z", kAda);
  repo.run("checkout -q --orphan other");
  repo.run("rm -q -rf .");
  repo.write("other.txt", "o\n");
  repo.commit("other one", "2024-01-03T12:00:00Z", kBen);
  repo.write("other.txt", "o\no\n");
  repo.commit("other two", "2024-01-04T12:00:00Z", kBen);

  HistoryFacts other = analyse(repo, {}, "other");
  EXPECT_EQ(other.repository.commits, 2);
  ASSERT_EQ(other.files.size(), 1u);
  EXPECT_EQ(other.files[0].path, "other.txt");
  EXPECT_EQ(other.files[0].creator, "ben@example.org");
  HistoryFacts main = analyse(repo, {}, "main");
  EXPECT_EQ(main.repository.commits, 2);
  EXPECT_EQ(main.files[0].path, "main.txt");

  // Two roots in one history.
  repo.run("checkout -q main");
  repo.run("merge -q --allow-unrelated-histories -m 'join' other", "2024-01-05T12:00:00Z", kAda);
  HistoryFacts both = analyse(repo);
  EXPECT_EQ(both.repository.commits, 5);
  EXPECT_EQ(both.repository.merges, 1);
  EXPECT_EQ(find_file(both, "main.txt")->creator, "ada@example.org");
  EXPECT_EQ(find_file(both, "other.txt")->creator, "ben@example.org");
  EXPECT_EQ(find_file(both, "other.txt")->commits, 2);
  EXPECT_EQ(both.repository.contributors, 2);
}

TEST(HistoryBadInput, TenThousandFileCommits) {
  // Written with git fast-import: 10 000 files on disk would cost more than the analysis.
  GitRepo repo;
  const int n = 10000;
  auto name = [](int i) {
    std::string s = std::to_string(i);
    return "t/f" + std::string(5 - s.size(), '0') + s + ".txt";
  };
  auto blob = [](const std::string& text) {
    return "data " + std::to_string(text.size()) + "\n" + text + "\n";
  };
  std::string stream;
  // Each commit continues the branch (fast-import's default).
  auto commit = [&](const std::string& who, int64_t time, const std::string& msg) {
    stream += "commit refs/heads/main\nauthor " + who + " " + std::to_string(time) +
              " +0000\ncommitter " + who + " " + std::to_string(time) + " +0000\n" + blob(msg);
  };
  commit(kAda, 1704110400, "add many");  // 2024-01-01T12:00:00Z
  for (int i = 0; i < n; ++i)
    stream += "M 100644 inline " + name(i) + "\n" + blob("line " + std::to_string(i) + "\n");
  commit(kBen, 1704196800, "change many");
  for (int i = 0; i < n; ++i)
    stream += "M 100644 inline " + name(i) + "\n" +
              blob("line " + std::to_string(i) + "\nmore " + std::to_string(i) + "\n");
  commit(kAda, 1704283200, "move many");
  stream += "R t u\n";
  TempDir scratch;
  write_file(scratch.path(), "stream", stream);
  git(repo.path(), "fast-import --quiet < " + sh_quote((scratch.path() / "stream").string()));

  HistoryFacts h = analyse(repo);
  ASSERT_EQ(h.files.size(), static_cast<size_t>(n));
  EXPECT_EQ(h.repository.commits, 3);
  EXPECT_EQ(h.repository.lines_added, 2 * n);  // the move adds no lines
  EXPECT_EQ(h.repository.lines_deleted, 0);
  const FileHistory* f = find_file(h, "u/f01234.txt");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->commits, 3);  // renames followed across the 10 000-file move
  EXPECT_EQ(f->former_paths, std::vector<std::string>{"t/f01234.txt"});
  EXPECT_EQ(f->creator, "ada@example.org");
  EXPECT_EQ(f->lines_added, 2);
  EXPECT_TRUE(h.repository.coupling.empty());  // commits over 30 files say nothing of coupling
  EXPECT_DOUBLE_EQ(h.repository.traceability.median_commit_files, n);
}

TEST(HistoryBadInput, BinaryFilesCountAsChangesWithoutLines) {
  GitRepo repo;
  repo.write("logo.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  repo.write("a.txt", "1\n");
  repo.commit("add", "2024-01-01T12:00:00Z", kAda);
  repo.write("logo.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\1", 18));
  repo.write("a.txt", "1\n2\n");
  repo.commit("change", "2024-01-02T12:00:00Z", kBen);
  HistoryFacts h = analyse(repo);
  const FileHistory* png = find_file(h, "logo.png");
  ASSERT_NE(png, nullptr);
  EXPECT_EQ(png->commits, 2);
  EXPECT_EQ(png->authors, 2);
  EXPECT_EQ(png->lines_added, 0);
  EXPECT_EQ(png->lines_deleted, 0);
  EXPECT_EQ(h.repository.binary_changes, 2);
  EXPECT_EQ(find_file(h, "a.txt")->lines_added, 2);
  EXPECT_EQ(h.repository.lines_added, 2);
}

TEST(HistoryBadInput, HostileAuthorNamesAreStoredAsWritten) {
  GitRepo repo;
  repo.write("a.txt", "1\n");
  std::string base = repo.commit("base", "2024-01-01T12:00:00Z", kAda);
  std::string tree = repo.run("rev-parse HEAD^{tree}");
  // Markup and control characters (libgit2 takes the last '<' as the start of the address).
  std::string hostile = "Eve <b>bold</b> \"q\" & 'x' \x01\x1b[31m";
  std::string c1 = raw_commit(repo, "tree " + tree + "\nparent " + base + "\nauthor " + hostile +
                                        " <eve@example.org> 1704196800 +0000\ncommitter " +
                                        hostile + " <eve@example.org> 1704196800 +0000\n\nhi\n");
  // Latin-1 bytes, as old commits carry them, become UTF-8.
  std::string latin1 = "J\xf8rgen";
  raw_commit(repo, "tree " + tree + "\nparent " + c1 + "\nauthor " + latin1 +
                       " <jorgen@example.org> 1704283200 +0000\ncommitter " + latin1 +
                       " <jorgen@example.org> 1704283200 +0000\n\nhej\n");
  HistoryFacts h = analyse(repo);
  EXPECT_EQ(h.repository.commits, 3);
  const Contributor* eve = find_author(h, "eve@example.org");
  ASSERT_NE(eve, nullptr);
  EXPECT_EQ(eve->name, "Eve <b>bold</b> \"q\" & 'x' \x01\x1b[31m");
  const Contributor* jorgen = find_author(h, "jorgen@example.org");
  ASSERT_NE(jorgen, nullptr);
  EXPECT_EQ(jorgen->name, "J\xc3\xb8rgen");
  std::string text = history_to_json(h).dump(2);
  HistoryFacts back;
  history_from_json(ojson::parse(text), back);
  EXPECT_EQ(back, h);
  EXPECT_EQ(history_to_json(back).dump(2), text);
}

TEST(HistoryBadInput, DatesInTheFutureAndBefore1980) {
  GitRepo repo;
  repo.write("a.txt", "1\n");
  std::string old = repo.commit("old", "1975-06-01T12:00:00Z", kAda);
  std::string tree = repo.run("rev-parse HEAD^{tree}");
  // Before 1970 (a negative time) and far in the future, written raw.
  std::string neg = raw_commit(repo, "tree " + tree + "\nparent " + old +
                                         "\nauthor Ben <ben@example.org> -86400 +0000\n"
                                         "committer Ben <ben@example.org> -86400 +0000\n\nneg\n");
  repo.run("checkout -q -f main");
  repo.write("a.txt", "1\n2\n");
  repo.commit("future", "2099-01-01T12:00:00Z", kBen);
  repo.write("a.txt", "1\n2\n3\n");
  repo.commit("now", "2024-01-01T12:00:00Z", kAda);
  HistoryFacts h = analyse(repo);
  EXPECT_TRUE(h.repository.unreadable_commits.empty());
  EXPECT_EQ(h.repository.reference_date, "2024-01-01T12:00:00Z");
  EXPECT_EQ(h.repository.commits, 4);
  EXPECT_EQ(h.repository.first_commit_date, "1969-12-31T00:00:00Z");
  EXPECT_EQ(h.repository.last_commit_date, "2099-01-01T12:00:00Z");
  const FileHistory* a = find_file(h, "a.txt");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->first_change, "1975-06-01T12:00:00Z");  // the "neg" commit changed no file
  EXPECT_EQ(a->last_change, "2099-01-01T12:00:00Z");
  EXPECT_GT(a->age_days, 365 * 48);
  // A change dated after the reference is inside every window: Ben is active.
  const Contributor* ben = find_author(h, "ben@example.org");
  ASSERT_NE(ben, nullptr);
  EXPECT_TRUE(ben->active);
  EXPECT_EQ(a->lines_added, 2);  // "future" and "now" are in the window, 1975 is not
}

TEST(HistoryBadInput, MissingTreeOfAMiddleCommit) {
  GitRepo repo;
  repo.run("config gc.auto 0");
  std::vector<std::string> ids;
  for (int i = 1; i <= 4; ++i) {
    repo.write("a.txt", numbered("a", 1, i));
    ids.push_back(repo.commit("c" + std::to_string(i), "2024-01-0" + std::to_string(i) + "T12:00:00Z",
                              kAda));
  }
  delete_object(repo, repo.run("rev-parse " + ids[1] + "^{tree}"));
  HistoryFacts h = analyse(repo);
  // c2 (its tree) and c3 (its parent's tree) cannot be compared; c1 and c4 still count.
  EXPECT_EQ(h.repository.unreadable_commits, (std::vector<std::string>{ids[2], ids[1]}));
  EXPECT_EQ(find_file(h, "a.txt")->commits, 2);
  EXPECT_TRUE(has_note(h, "2 commits could not be read"));
}

TEST(HistoryBadInput, MissingBlobInsideTheWindow) {
  GitRepo repo;
  repo.run("config gc.auto 0");
  repo.write("a.txt", "a1\n");
  repo.write("b.txt", "b1\n");
  repo.commit("c1", "2024-01-01T12:00:00Z", kAda);
  repo.write("a.txt", "a1\na2\n");
  repo.write("b.txt", "b1\nb2\n");
  repo.commit("c2", "2024-01-02T12:00:00Z", kAda);
  delete_object(repo, repo.run("rev-parse HEAD:a.txt"));
  HistoryFacts h = analyse(repo);
  EXPECT_TRUE(h.repository.unreadable_commits.empty());
  EXPECT_EQ(find_file(h, "a.txt")->commits, 2);      // file facts need no blob
  EXPECT_EQ(find_file(h, "a.txt")->lines_added, 1);  // c2's lines are unknown
  EXPECT_EQ(find_file(h, "b.txt")->lines_added, 2);
  EXPECT_TRUE(has_note(h, "could not be counted (missing blobs)"));
}

TEST(HistoryBadInput, MissingCommitOnABranch) {
  GitRepo repo;
  repo.run("config gc.auto 0");
  repo.write("a.txt", "1\n");
  repo.commit("r1", "2024-01-01T12:00:00Z", kAda);
  repo.run("checkout -q -b side");
  repo.write("s.txt", "1\n");
  std::string s1 = repo.commit("s1", "2024-01-02T12:00:00Z", kBen);
  repo.write("s.txt", "1\n2\n");
  std::string s2 = repo.commit("s2", "2024-01-03T12:00:00Z", kBen);
  repo.run("checkout -q main");
  repo.write("a.txt", "1\n2\n");
  repo.commit("r2", "2024-01-04T12:00:00Z", kAda);
  repo.run("merge -q --no-ff -m 'merge side' side", "2024-01-05T12:00:00Z", kAda);
  delete_object(repo, s1);
  HistoryFacts h = analyse(repo);
  // s1 cannot be read; s2 cannot be compared with it; the walk goes on along main.
  EXPECT_EQ(h.repository.unreadable_commits, (std::vector<std::string>{s2, s1}));
  EXPECT_EQ(find_file(h, "a.txt")->commits, 2);
  EXPECT_EQ(find_file(h, "s.txt")->commits, 0);
  EXPECT_TRUE(has_note(h, "could not be read"));
}

TEST(HistoryBadInput, ScanOfAFolderCountsItsCommitsOnly) {
  GitRepo repo;
  repo.write("a/x.py", numbered("x", 1, 3));
  repo.write("b/y.py", numbered("y", 1, 3));
  repo.commit("c1", "2024-01-01T12:00:00Z", kAda);
  repo.write("b/y.py", numbered("y", 1, 4));
  repo.commit("c2 outside", "2024-01-02T12:00:00Z", kBen);
  repo.write("a/x.py", numbered("x", 1, 4));
  repo.commit("c3", "2024-01-03T12:00:00Z", kAda);
  repo.run("mv b/y.py a/y.py");
  repo.commit("c4 move in", "2024-01-04T12:00:00Z", kBen);
  auto r = analyse_history((repo.path() / "a").string(), "", {});
  ASSERT_TRUE(r) << r.error().message;
  std::vector<std::string> paths;
  for (const auto& f : r->files) paths.push_back(f.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"x.py", "y.py"}));  // named as the file listing does
  EXPECT_EQ(r->repository.commits, 3);                            // c1 c3 c4
  EXPECT_EQ(find_file(*r, "x.py")->commits, 2);
  EXPECT_EQ(find_file(*r, "y.py")->commits, 1);  // moved in from outside: it starts here
  EXPECT_EQ(find_file(*r, "y.py")->creator, "ben@example.org");
  EXPECT_EQ(r->repository.contributors, 2);
  EXPECT_EQ(find_author(*r, "ada@example.org")->commits, 2);
}

}  // namespace
}  // namespace rh::test
