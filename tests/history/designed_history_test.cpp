// The acceptance test of the history: a repository with a designed history, and every per-file
// and per-repository figure checked against values worked out by hand below (docs/history.md
// has the definitions).
//
// People (ids are e-mail addresses after .mailmap and alias merging):
//   A  Alice Andersen <alice@acme.com>       also commits as "Alice <alice.andersen@gmail.com>",
//                                            mapped by .mailmap
//   B  Bob Berg <bob@acme.com>               leaves in 2022 (inactive)
//   C  Carol Christensen <carol@kommune.dk>  also commits as "Carol Christensen
//                                            <carolc@gmail.com>", merged by identical name
//   D  dependabot[bot]                       a bot
// Organisations: acme.com (A, B), kommune.dk (C).
//
// History (all at 12:00:00Z; the revision is c16, so the reference date is 2024-06-01T12:00:00Z;
// "last 12 months" starts 12 x 30.436875 days earlier, at 2023-06-02T06:10:48Z, so c7 and
// later are inside the line window, c6 and earlier outside):
//   c1   2022-01-10 B  "Initial import"            add app.py (20 lines), README.md (2), old.py (3)
//   c2   2022-03-15 B  "Add util module"           add util.py (10); app.py +2
//   c3   2022-05-20 A' "Improve util, refs #1"     util.py +1; app.py +1        (A' = gmail alias)
//   c4   2023-02-01 A  "Move app into src"         rename app.py -> src/app.py with +1; util.py +1
//   c5   2023-03-01 C  "feat: add requirements, drop old.py"   add requirements.txt (1); delete old.py
//   c6   2023-04-01 C  "fix(app): handle errors PROJ-42"       src/app.py +1; util.py +1   tag v1.0.0
//   c7   2023-07-01 C  "docs: start changelog"     add CHANGELOG.md (2)
//   c8   2023-08-01 A  "Add mailmap"               add .mailmap (1)
//   branch docs from c8:
//   c9b  2023-09-05 C  "docs: add guide"           add docs/guide.md (5)
//   c10b 2023-09-10 C' "docs: extend guide"        docs/guide.md +3             (C' = gmail alias)
//   on main:
//   c9   2023-09-08 A  "feat: faster app (#12)"    src/app.py +2 -1; util.py +1
//   c11  2023-09-15 A  "Merge pull request #7 from carol/docs"   merge of docs (--no-ff)
//   c12  2023-10-01 C  "style: reformat"           src/app.py +2 -2; util.py +1 -1 (in .git-blame-ignore-revs)
//   c13  2023-10-02 C  "chore: ignore reformat in blame"          add .git-blame-ignore-revs (2)
//   c14  2023-11-01 D  "build(deps): bump requests from 2.0 to 2.1"  requirements.txt +1 -1
//   c15  2024-03-01 A  "feat(app): export API, fixes #3"  src/app.py +3; util.py +2; CHANGELOG.md +2
//        tag v1.1.0 (annotated, tagger date 2024-03-02)
//   c16  2024-06-01 A  "feat: add api module" + issue URL, signed   add src/api.py (4); CHANGELOG.md +1
#include <gtest/gtest.h>

#include "core/dates.h"
#include "core/model_json.h"
#include "history_fixture.h"

namespace rh::test {
namespace {

const char* kA = "Alice Andersen <alice@acme.com>";
const char* kAlias = "Alice <alice.andersen@gmail.com>";
const char* kB = "Bob Berg <bob@acme.com>";
const char* kC = "Carol Christensen <carol@kommune.dk>";
const char* kCAlias = "Carol Christensen <carolc@gmail.com>";
const char* kBot = "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>";

struct Designed {
  GitRepo repo;
  std::string c12;  // the ignored reformat
  std::string c16;  // the signed revision
};

/// Rewrites HEAD with a gpgsig header (a signature libgit2 sees; nothing verifies it).
std::string sign_head(GitRepo& repo) {
  std::string raw = git(repo.path(), "cat-file commit HEAD");
  size_t committer = raw.find("\ncommitter ");
  size_t eol = raw.find('\n', committer + 1);
  std::string sig =
      "gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEEfakefakefake=\n -----END PGP "
      "SIGNATURE-----\n";
  raw.insert(eol + 1, sig);
  TempDir scratch;
  write_file(scratch.path(), "commit.txt", raw);
  std::string id = GitRepo::trim(
      git(repo.path(), "hash-object -t commit -w " + sh_quote((scratch.path() / "commit.txt").string())));
  git(repo.path(), "update-ref refs/heads/main " + id);
  return id;
}

void build(Designed& d) {
  GitRepo& r = d.repo;
  std::string app = numbered("app", 1, 20);
  r.write("app.py", app);
  r.write("README.md", "# Demo\nA designed history.\n");
  r.write("old.py", numbered("old", 1, 3));
  r.commit("Initial import", "2022-01-10T12:00:00Z", kB);  // c1

  std::string util = numbered("util", 1, 10);
  r.write("util.py", util);
  app += numbered("app", 21, 22);
  r.write("app.py", app);
  r.commit("Add util module", "2022-03-15T12:00:00Z", kB);  // c2

  util += numbered("util", 11, 11);
  app += numbered("app", 23, 23);
  r.write("util.py", util);
  r.write("app.py", app);
  r.commit("Improve util, refs #1", "2022-05-20T12:00:00Z", kAlias);  // c3

  std::filesystem::create_directories(r.path() / "src");
  r.run("mv app.py src/app.py");
  app += numbered("app", 24, 24);
  r.write("src/app.py", app);
  util += numbered("util", 12, 12);
  r.write("util.py", util);
  r.commit("Move app into src", "2023-02-01T12:00:00Z", kA);  // c4

  r.write("requirements.txt", "requests==2.0\n");
  r.remove("old.py");
  r.commit("feat: add requirements, drop old.py", "2023-03-01T12:00:00Z", kC);  // c5

  app += numbered("app", 25, 25);
  util += numbered("util", 13, 13);
  r.write("src/app.py", app);
  r.write("util.py", util);
  r.commit("fix(app): handle errors PROJ-42", "2023-04-01T12:00:00Z", kC);  // c6
  r.run("tag v1.0.0", "2023-04-01T12:00:00Z", kC);

  std::string changelog = "# Changelog\n- first notes\n";
  r.write("CHANGELOG.md", changelog);
  r.commit("docs: start changelog", "2023-07-01T12:00:00Z", kC);  // c7

  r.write(".mailmap", "Alice Andersen <alice@acme.com> <alice.andersen@gmail.com>\n");
  r.commit("Add mailmap", "2023-08-01T12:00:00Z", kA);  // c8

  r.run("checkout -q -b docs");
  std::string guide = numbered("guide", 1, 5);
  r.write("docs/guide.md", guide);
  r.commit("docs: add guide", "2023-09-05T12:00:00Z", kC);  // c9b
  guide += numbered("guide", 6, 8);
  r.write("docs/guide.md", guide);
  r.commit("docs: extend guide", "2023-09-10T12:00:00Z", kCAlias);  // c10b
  r.run("checkout -q main");

  app = numbered("app", 1, 24) + "app 25: replaced\n" + numbered("app", 26, 26);
  util += numbered("util", 14, 14);
  r.write("src/app.py", app);
  r.write("util.py", util);
  r.commit("feat: faster app (#12)", "2023-09-08T12:00:00Z", kA);  // c9

  r.run("merge -q --no-ff -m 'Merge pull request #7 from carol/docs' docs",
        "2023-09-15T12:00:00Z", kA);  // c11

  app = "app 1: reformatted\napp 2: reformatted\n" + app.substr(app.find("app 3:"));
  util = "util 1: reformatted\n" + util.substr(util.find("util 2:"));
  r.write("src/app.py", app);
  r.write("util.py", util);
  d.c12 = r.commit("style: reformat", "2023-10-01T12:00:00Z", kC);  // c12

  r.write(".git-blame-ignore-revs", "# style: reformat\n" + d.c12 + "\n");
  r.commit("chore: ignore reformat in blame", "2023-10-02T12:00:00Z", kC);  // c13

  r.write("requirements.txt", "requests==2.1\n");
  r.commit("build(deps): bump requests from 2.0 to 2.1", "2023-11-01T12:00:00Z", kBot);  // c14

  app += numbered("app", 27, 29);
  util += numbered("util", 15, 16);
  changelog += "## 1.1.0\n- export API\n";
  r.write("src/app.py", app);
  r.write("util.py", util);
  r.write("CHANGELOG.md", changelog);
  r.commit("feat(app): export API, fixes #3", "2024-03-01T12:00:00Z", kA);  // c15
  r.run("tag -a v1.1.0 -m 'Release 1.1.0'", "2024-03-02T12:00:00Z", kA);

  r.write("src/api.py", numbered("api", 1, 4));
  changelog += "- api module\n";
  r.write("CHANGELOG.md", changelog);
  r.commit("feat: add api module\n\nSee https://git.example.org/acme/app/issues/15",
           "2024-06-01T12:00:00Z", kA);  // c16
  d.c16 = sign_head(r);
}

Designed* g_designed = nullptr;  // built once for the suite, removed after it
Designed& designed() { return *g_designed; }

void expect_contribution(const FileHistory& f, size_t i, const std::string& author, int64_t commits,
                         int64_t added, int64_t deleted, bool first, double doa, bool doa_author) {
  ASSERT_LT(i, f.contributions.size()) << f.path;
  const FileContribution& c = f.contributions[i];
  EXPECT_EQ(c.author, author) << f.path << " #" << i;
  EXPECT_EQ(c.commits, commits) << f.path << " " << author;
  EXPECT_EQ(c.lines_added, added) << f.path << " " << author;
  EXPECT_EQ(c.lines_deleted, deleted) << f.path << " " << author;
  EXPECT_EQ(c.first_author, first) << f.path << " " << author;
  EXPECT_DOUBLE_EQ(c.doa, doa) << f.path << " " << author;
  EXPECT_EQ(c.doa_author, doa_author) << f.path << " " << author;
}

const std::string A = "alice@acme.com", B = "bob@acme.com", C = "carol@kommune.dk";

class DesignedHistory : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    g_designed = new Designed;
    build(*g_designed);
    // The reference date is the revision's commit date, given explicitly (scan --as-of).
    HistoryOptions options;
    options.as_of = parse_iso_date("2024-06-01T12:00:00Z");
    auto r = analyse_history(designed().repo.str(), "", options);
    ASSERT_TRUE(r) << r.error().message;
    facts_ = new HistoryFacts(*r);
  }
  static void TearDownTestSuite() {
    delete facts_;
    facts_ = nullptr;
    delete g_designed;
    g_designed = nullptr;
  }
  static const HistoryFacts& h() { return *facts_; }
  static const FileHistory& file(const std::string& path) {
    const FileHistory* f = find_file(h(), path);
    if (!f) throw std::runtime_error("no history for " + path);
    return *f;
  }
  static HistoryFacts* facts_;
};
HistoryFacts* DesignedHistory::facts_ = nullptr;

TEST_F(DesignedHistory, PresentFilesOnly) {
  // old.py was deleted in c5; the 9 files of c16's tree are listed, sorted by path.
  std::vector<std::string> paths;
  for (const auto& f : h().files) paths.push_back(f.path);
  EXPECT_EQ(paths, (std::vector<std::string>{".git-blame-ignore-revs", ".mailmap", "CHANGELOG.md",
                                             "README.md", "docs/guide.md", "requirements.txt",
                                             "src/api.py", "src/app.py", "util.py"}));
  EXPECT_TRUE(h().notes.empty()) << english(h().notes.front());
}

TEST_F(DesignedHistory, RenamedFileKeepsItsHistory) {
  // src/app.py: changes c1 c2 c3 c4 c6 c9 c12 c15 = 8 commits (c12 counts as a change).
  // People's commits (c12 ignored): B c1 c2 = 2; A c3 c4 c9 c15 = 4; C c6 = 1; total 7.
  // DOA: creation counts through FA only; renames and edits are deliveries (DL);
  // AC = the other people's deliveries. Deliveries: B 1 (c2), A 4 (c3 c4 c9 c15), C 1 (c6) = 6.
  //   B: 3.293 + 1.098 + 0.164*1 - 0.321 ln(1+5) = 3.9798   (max)
  //   A: 3.293 + 0.164*4 - 0.321 ln(1+2)         = 3.5963   3.5963/3.9798 = 0.904 > 0.75, >= 3.293
  //   C: 3.293 + 0.164*1 - 0.321 ln(1+5)         = 2.8818   0.724 -> not an author
  // Lines inside the window: c9 +2 -1, c12 +2 -2, c15 +3 => added 7, deleted 3.
  //   By people (c12 is not authorship): A 2+3 = 5 added, 1 deleted.
  // Age: 2022-01-10 .. 2024-06-01 = 730 + 143 = 873 days = 28.68 months -> 28.
  // Fragmentation: 1 - ((4/7)^2 + (2/7)^2 + (1/7)^2) = 1 - 21/49 = 0.5714.
  const FileHistory& f = file("src/app.py");
  EXPECT_EQ(f.former_paths, std::vector<std::string>{"app.py"});
  EXPECT_EQ(f.commits, 8);
  EXPECT_EQ(f.authors, 3);
  EXPECT_EQ(f.lines_added, 7);
  EXPECT_EQ(f.lines_deleted, 3);
  EXPECT_EQ(f.first_change, "2022-01-10T12:00:00Z");
  EXPECT_EQ(f.last_change, "2024-03-01T12:00:00Z");
  EXPECT_EQ(f.age_days, 873);
  EXPECT_EQ(f.age_months, 28);
  EXPECT_EQ(f.creator, B);
  EXPECT_EQ(f.main_author, A);
  EXPECT_DOUBLE_EQ(f.main_author_share, 0.5714);  // 4/7
  EXPECT_EQ(f.main_author_by_lines, A);
  EXPECT_DOUBLE_EQ(f.main_author_by_lines_share, 1.0);  // 5/5
  EXPECT_EQ(f.doa_authors, (std::vector<std::string>{B, A}));
  EXPECT_DOUBLE_EQ(f.fragmentation, 0.5714);
  EXPECT_FALSE(f.knowledge_lost);  // A is active
  ASSERT_EQ(f.contributions.size(), 3u);
  expect_contribution(f, 0, A, 4, 5, 1, false, 3.5963, true);
  expect_contribution(f, 1, B, 2, 0, 0, true, 3.9798, true);
  expect_contribution(f, 2, C, 1, 0, 0, false, 2.8818, false);
}

TEST_F(DesignedHistory, UtilFile) {
  // util.py: c2 (add) c3 c4 c6 c9 c12 c15 = 7 commits; people: B 1, A 4, C 1 = 6.
  // Deliveries: A 4, C 1 = 5 (B only created it).
  //   B: 3.293 + 1.098 - 0.321 ln(1+5) = 3.8158 (max)
  //   A: 3.293 + 0.656 - 0.321 ln(1+1) = 3.7265  0.977 -> author
  //   C: 3.293 + 0.164 - 0.321 ln(1+4) = 2.9404  0.771 > 0.75 but DOA < 3.293 and not first
  //      author -> not an author
  // Lines in the window: c9 +1, c12 +1 -1, c15 +2 => 4 / 1; people: A 3 added.
  // Age: 2022-03-15 .. 2024-06-01 = 731 + 78 = 809 days; 809 / 30.436875 = 26.58 -> 26.
  // Fragmentation: 1 - (16 + 1 + 1)/36 = 0.5.
  const FileHistory& f = file("util.py");
  EXPECT_TRUE(f.former_paths.empty());
  EXPECT_EQ(f.commits, 7);
  EXPECT_EQ(f.authors, 3);
  EXPECT_EQ(f.lines_added, 4);
  EXPECT_EQ(f.lines_deleted, 1);
  EXPECT_EQ(f.first_change, "2022-03-15T12:00:00Z");
  EXPECT_EQ(f.last_change, "2024-03-01T12:00:00Z");
  EXPECT_EQ(f.age_days, 809);
  EXPECT_EQ(f.age_months, 26);
  EXPECT_EQ(f.creator, B);
  EXPECT_EQ(f.main_author, A);
  EXPECT_DOUBLE_EQ(f.main_author_share, 0.6667);  // 4/6
  EXPECT_EQ(f.main_author_by_lines, A);
  EXPECT_DOUBLE_EQ(f.main_author_by_lines_share, 1.0);
  EXPECT_EQ(f.doa_authors, (std::vector<std::string>{B, A}));
  EXPECT_DOUBLE_EQ(f.fragmentation, 0.5);
  EXPECT_FALSE(f.knowledge_lost);
  expect_contribution(f, 0, A, 4, 3, 0, false, 3.7265, true);
  expect_contribution(f, 1, B, 1, 0, 0, true, 3.8158, true);
  expect_contribution(f, 2, C, 1, 0, 0, false, 2.9404, false);
}

TEST_F(DesignedHistory, FileOfADepartedAuthorIsKnowledgeLost) {
  // README.md: only c1 by B. DOA B = 3.293 + 1.098 = 4.391. No lines in the window.
  // B's last commit (2022-03-15) is more than 12 months before the reference: knowledge lost.
  const FileHistory& f = file("README.md");
  EXPECT_EQ(f.commits, 1);
  EXPECT_EQ(f.authors, 1);
  EXPECT_EQ(f.lines_added, 0);
  EXPECT_EQ(f.lines_deleted, 0);
  EXPECT_EQ(f.first_change, "2022-01-10T12:00:00Z");
  EXPECT_EQ(f.last_change, "2022-01-10T12:00:00Z");
  EXPECT_EQ(f.age_days, 873);
  EXPECT_EQ(f.age_months, 28);
  EXPECT_EQ(f.creator, B);
  EXPECT_EQ(f.main_author, B);
  EXPECT_DOUBLE_EQ(f.main_author_share, 1.0);
  EXPECT_EQ(f.main_author_by_lines, "");  // nobody added lines inside the window
  EXPECT_DOUBLE_EQ(f.main_author_by_lines_share, 0.0);
  EXPECT_EQ(f.doa_authors, std::vector<std::string>{B});
  EXPECT_DOUBLE_EQ(f.fragmentation, 0.0);
  EXPECT_TRUE(f.knowledge_lost);
  ASSERT_EQ(f.contributions.size(), 1u);
  expect_contribution(f, 0, B, 1, 0, 0, true, 4.391, true);
}

TEST_F(DesignedHistory, Changelog) {
  // CHANGELOG.md: c7 C add (2 lines), c15 A +2, c16 A +1 => 3 commits, all in the window.
  // Deliveries: A 2. DOA C = 3.293 + 1.098 - 0.321 ln(1+2) = 4.0383;
  // DOA A = 3.293 + 0.328 - 0 = 3.621, 3.621/4.0383 = 0.897 -> both authors, C first.
  // Main author A 2/3; by lines A 3 of 5 = 0.6. Age 2023-07-01 .. 2024-06-01 = 336 days, 11 months.
  // Fragmentation 1 - (4/9 + 1/9) = 0.4444.
  const FileHistory& f = file("CHANGELOG.md");
  EXPECT_EQ(f.commits, 3);
  EXPECT_EQ(f.authors, 2);
  EXPECT_EQ(f.lines_added, 5);
  EXPECT_EQ(f.lines_deleted, 0);
  EXPECT_EQ(f.first_change, "2023-07-01T12:00:00Z");
  EXPECT_EQ(f.last_change, "2024-06-01T12:00:00Z");
  EXPECT_EQ(f.age_days, 336);
  EXPECT_EQ(f.age_months, 11);
  EXPECT_EQ(f.creator, C);
  EXPECT_EQ(f.main_author, A);
  EXPECT_DOUBLE_EQ(f.main_author_share, 0.6667);
  EXPECT_EQ(f.main_author_by_lines, A);
  EXPECT_DOUBLE_EQ(f.main_author_by_lines_share, 0.6);
  EXPECT_EQ(f.doa_authors, (std::vector<std::string>{C, A}));
  EXPECT_DOUBLE_EQ(f.fragmentation, 0.4444);
  EXPECT_FALSE(f.knowledge_lost);
  expect_contribution(f, 0, A, 2, 3, 0, false, 3.621, true);
  expect_contribution(f, 1, C, 1, 2, 0, true, 4.0383, true);
}

TEST_F(DesignedHistory, FileChangedByABot) {
  // requirements.txt: c5 C add (outside the window), c14 bot +1 -1 (inside). The bot's change
  // counts as a change and in the lines, not as authorship: C is the only person, DOA 4.391.
  // Age 2023-03-01 .. 2024-06-01 = 366 + 92 = 458 days; 458 / 30.436875 = 15.05 -> 15.
  const FileHistory& f = file("requirements.txt");
  EXPECT_EQ(f.commits, 2);
  EXPECT_EQ(f.authors, 1);
  EXPECT_EQ(f.lines_added, 1);
  EXPECT_EQ(f.lines_deleted, 1);
  EXPECT_EQ(f.first_change, "2023-03-01T12:00:00Z");
  EXPECT_EQ(f.last_change, "2023-11-01T12:00:00Z");
  EXPECT_EQ(f.age_days, 458);
  EXPECT_EQ(f.age_months, 15);
  EXPECT_EQ(f.creator, C);
  EXPECT_EQ(f.main_author, C);
  EXPECT_DOUBLE_EQ(f.main_author_share, 1.0);
  EXPECT_EQ(f.main_author_by_lines, "");
  EXPECT_DOUBLE_EQ(f.main_author_by_lines_share, 0.0);
  EXPECT_EQ(f.doa_authors, std::vector<std::string>{C});
  EXPECT_DOUBLE_EQ(f.fragmentation, 0.0);
  EXPECT_FALSE(f.knowledge_lost);
  expect_contribution(f, 0, C, 1, 0, 0, true, 4.391, true);
}

TEST_F(DesignedHistory, SmallFiles) {
  // .mailmap: c8 A add, 1 line. Age 2023-08-01 .. 2024-06-01 = 305 days, 10.02 -> 10 months.
  const FileHistory& m = file(".mailmap");
  EXPECT_EQ(m.commits, 1);
  EXPECT_EQ(m.authors, 1);
  EXPECT_EQ(m.lines_added, 1);
  EXPECT_EQ(m.lines_deleted, 0);
  EXPECT_EQ(m.first_change, "2023-08-01T12:00:00Z");
  EXPECT_EQ(m.last_change, "2023-08-01T12:00:00Z");
  EXPECT_EQ(m.age_days, 305);
  EXPECT_EQ(m.age_months, 10);
  EXPECT_EQ(m.creator, A);
  EXPECT_EQ(m.main_author, A);
  EXPECT_DOUBLE_EQ(m.main_author_share, 1.0);
  EXPECT_EQ(m.main_author_by_lines, A);
  EXPECT_DOUBLE_EQ(m.main_author_by_lines_share, 1.0);
  EXPECT_EQ(m.doa_authors, std::vector<std::string>{A});
  EXPECT_DOUBLE_EQ(m.fragmentation, 0.0);
  EXPECT_FALSE(m.knowledge_lost);
  expect_contribution(m, 0, A, 1, 1, 0, true, 4.391, true);

  // .git-blame-ignore-revs: c13 C add, 2 lines. 2023-10-02 .. 2024-06-01 = 243 days, 7.98 -> 7.
  const FileHistory& g = file(".git-blame-ignore-revs");
  EXPECT_EQ(g.commits, 1);
  EXPECT_EQ(g.authors, 1);
  EXPECT_EQ(g.lines_added, 2);
  EXPECT_EQ(g.lines_deleted, 0);
  EXPECT_EQ(g.first_change, "2023-10-02T12:00:00Z");
  EXPECT_EQ(g.last_change, "2023-10-02T12:00:00Z");
  EXPECT_EQ(g.age_days, 243);
  EXPECT_EQ(g.age_months, 7);
  EXPECT_EQ(g.creator, C);
  EXPECT_EQ(g.main_author, C);
  EXPECT_EQ(g.main_author_by_lines, C);
  EXPECT_DOUBLE_EQ(g.main_author_by_lines_share, 1.0);
  EXPECT_EQ(g.doa_authors, std::vector<std::string>{C});
  expect_contribution(g, 0, C, 1, 2, 0, true, 4.391, true);

  // src/api.py: c16 A add, 4 lines, on the reference date itself: age 0.
  const FileHistory& api = file("src/api.py");
  EXPECT_EQ(api.commits, 1);
  EXPECT_EQ(api.authors, 1);
  EXPECT_EQ(api.lines_added, 4);
  EXPECT_EQ(api.lines_deleted, 0);
  EXPECT_EQ(api.first_change, "2024-06-01T12:00:00Z");
  EXPECT_EQ(api.last_change, "2024-06-01T12:00:00Z");
  EXPECT_EQ(api.age_days, 0);
  EXPECT_EQ(api.age_months, 0);
  EXPECT_EQ(api.creator, A);
  EXPECT_EQ(api.main_author, A);
  EXPECT_EQ(api.main_author_by_lines, A);
  EXPECT_EQ(api.doa_authors, std::vector<std::string>{A});
  expect_contribution(api, 0, A, 1, 4, 0, true, 4.391, true);
}

TEST_F(DesignedHistory, BranchFileWithAliasMergedByName) {
  // docs/guide.md: c9b C add (5 lines), c10b C' +3 (merged into C by the identical name).
  // The merge commit c11 is not a change. DOA C = 3.293 + 1.098 + 0.164 = 4.555.
  // Age 2023-09-05 .. 2024-06-01 = 270 days, 8.87 -> 8 months.
  const FileHistory& f = file("docs/guide.md");
  EXPECT_EQ(f.commits, 2);
  EXPECT_EQ(f.authors, 1);
  EXPECT_EQ(f.lines_added, 8);
  EXPECT_EQ(f.lines_deleted, 0);
  EXPECT_EQ(f.first_change, "2023-09-05T12:00:00Z");
  EXPECT_EQ(f.last_change, "2023-09-10T12:00:00Z");
  EXPECT_EQ(f.age_days, 270);
  EXPECT_EQ(f.age_months, 8);
  EXPECT_EQ(f.creator, C);
  EXPECT_EQ(f.main_author, C);
  EXPECT_DOUBLE_EQ(f.main_author_share, 1.0);
  EXPECT_EQ(f.main_author_by_lines, C);
  EXPECT_DOUBLE_EQ(f.main_author_by_lines_share, 1.0);
  EXPECT_EQ(f.doa_authors, std::vector<std::string>{C});
  EXPECT_DOUBLE_EQ(f.fragmentation, 0.0);
  expect_contribution(f, 0, C, 2, 8, 0, true, 4.555, true);
}

TEST_F(DesignedHistory, RepositoryCounts) {
  // 17 commits: c1..c8, c9b, c10b, c9, c11 (merge), c12..c16. One bot commit (c14), one ignored
  // revision (c12). Lines in the window (all files, bots and ignored revisions included):
  // c7 2, c8 1, c9b 5, c10b 3, c9 3/1, c12 3/3, c13 2, c14 1/1, c15 7, c16 5 => 32 added, 5 deleted.
  const RepoHistory& r = h().repository;
  EXPECT_EQ(r.revision, designed().c16);
  EXPECT_EQ(r.reference_date, "2024-06-01T12:00:00Z");
  EXPECT_FALSE(r.first_parent);
  EXPECT_EQ(r.since, "");
  EXPECT_EQ(r.max_commits, 0);
  EXPECT_EQ(r.line_window_months, 12);
  EXPECT_FALSE(r.shallow);
  EXPECT_EQ(r.shallow_depth, 0);
  EXPECT_EQ(r.commits, 17);
  EXPECT_EQ(r.merges, 1);
  EXPECT_EQ(r.bot_commits, 1);
  EXPECT_EQ(r.ignored_commits, 1);
  EXPECT_TRUE(r.unreadable_commits.empty());
  EXPECT_EQ(r.first_commit_date, "2022-01-10T12:00:00Z");
  EXPECT_EQ(r.last_commit_date, "2024-06-01T12:00:00Z");
  EXPECT_EQ(r.lines_added, 32);
  EXPECT_EQ(r.lines_deleted, 5);
  EXPECT_EQ(r.binary_changes, 0);
}

TEST_F(DesignedHistory, Contributors) {
  // Commits that count as authorship (no merges, no bots, no ignored revisions):
  //   A: c3 c4 c8 c9 c15 c16 = 6, in the last 12 months c8 c9 c15 c16 = 4;
  //      lines in the window: c8 1, c9 3/1, c15 7, c16 5 => 16 added, 1 deleted
  //   C: c5 c6 c7 c9b c10b c13 = 6, last 12 months c7 c9b c10b c13 = 4; lines 2+5+3+2 = 12
  //   B: c1 c2 = 2, none recent, inactive.
  // DOA files: A src/app.py util.py CHANGELOG.md .mailmap src/api.py = 5;
  //            C CHANGELOG.md requirements.txt .git-blame-ignore-revs docs/guide.md = 4;
  //            B src/app.py util.py README.md = 3.
  // Order: most commits, then id: alice (6), carol (6), bob (2).
  const RepoHistory& r = h().repository;
  EXPECT_EQ(r.contributors, 3);
  EXPECT_EQ(r.active_contributors, 2);
  ASSERT_EQ(r.authors.size(), 3u);
  const Contributor& a = r.authors[0];
  EXPECT_EQ(a.id, A);
  EXPECT_EQ(a.name, "Alice Andersen");
  EXPECT_EQ(a.email, "alice@acme.com");
  EXPECT_EQ(a.organisation, "acme.com");
  EXPECT_EQ(a.aliases, std::vector<std::string>{"alice.andersen@gmail.com"});
  EXPECT_EQ(a.commits, 6);
  EXPECT_EQ(a.commits_last_12_months, 4);
  EXPECT_EQ(a.lines_added, 16);
  EXPECT_EQ(a.lines_deleted, 1);
  EXPECT_EQ(a.first_commit, "2022-05-20T12:00:00Z");
  EXPECT_EQ(a.last_commit, "2024-06-01T12:00:00Z");
  EXPECT_TRUE(a.active);
  EXPECT_EQ(a.files_authored, 5);
  const Contributor& c = r.authors[1];
  EXPECT_EQ(c.id, C);
  EXPECT_EQ(c.name, "Carol Christensen");
  EXPECT_EQ(c.organisation, "kommune.dk");
  EXPECT_EQ(c.aliases, std::vector<std::string>{"carolc@gmail.com"});
  EXPECT_EQ(c.commits, 6);
  EXPECT_EQ(c.commits_last_12_months, 4);
  EXPECT_EQ(c.lines_added, 12);
  EXPECT_EQ(c.lines_deleted, 0);
  EXPECT_EQ(c.first_commit, "2023-03-01T12:00:00Z");
  EXPECT_EQ(c.last_commit, "2023-10-02T12:00:00Z");
  EXPECT_TRUE(c.active);
  EXPECT_EQ(c.files_authored, 4);
  const Contributor& b = r.authors[2];
  EXPECT_EQ(b.id, B);
  EXPECT_EQ(b.name, "Bob Berg");
  EXPECT_EQ(b.organisation, "acme.com");
  EXPECT_TRUE(b.aliases.empty());
  EXPECT_EQ(b.commits, 2);
  EXPECT_EQ(b.commits_last_12_months, 0);
  EXPECT_EQ(b.lines_added, 0);
  EXPECT_EQ(b.first_commit, "2022-01-10T12:00:00Z");
  EXPECT_EQ(b.last_commit, "2022-03-15T12:00:00Z");
  EXPECT_FALSE(b.active);
  EXPECT_EQ(b.files_authored, 3);

  ASSERT_EQ(r.bots.size(), 1u);
  EXPECT_EQ(r.bots[0].id, "49699333+dependabot[bot]@users.noreply.github.com");
  EXPECT_EQ(r.bots[0].name, "dependabot[bot]");
  EXPECT_EQ(r.bots[0].commits, 1);
}

TEST_F(DesignedHistory, TruckFactorAndKnowledgeLoss) {
  // 9 files, each with DOA authors. Greedy: coverage 9/9 -> remove A (5 files); C and B still
  // cover CHANGELOG requirements ignore-revs guide app util README = 7/9 -> remove C (4);
  // B covers app util README = 3/9 < 1/2 -> stop. Truck factor 2 (alice, carol), coverage 0.3333.
  // Active people only (A, C): they cover 8/9 (README is B's alone) -> remove A; C covers 4/9
  // < 1/2 -> stop. Active truck factor 1, coverage 0.4444.
  // Knowledge loss: README.md, whose only DOA author B is inactive: 1 of 9 files.
  const RepoHistory& r = h().repository;
  EXPECT_EQ(r.truck_factor.value, 2);
  EXPECT_EQ(r.truck_factor.authors, (std::vector<std::string>{A, C}));
  EXPECT_EQ(r.truck_factor.files, 9);
  EXPECT_DOUBLE_EQ(r.truck_factor.coverage, 0.3333);
  EXPECT_EQ(r.active_truck_factor.value, 1);
  EXPECT_EQ(r.active_truck_factor.authors, std::vector<std::string>{A});
  EXPECT_EQ(r.active_truck_factor.files, 9);
  EXPECT_DOUBLE_EQ(r.active_truck_factor.coverage, 0.4444);
  EXPECT_EQ(r.knowledge_loss.files, 9);
  EXPECT_EQ(r.knowledge_loss.files_lost, 1);
  EXPECT_DOUBLE_EQ(r.knowledge_loss.file_share, 0.1111);
  EXPECT_EQ(r.knowledge_loss.files_without_authors, 0);
  EXPECT_EQ(r.knowledge_loss.lines, 0);  // filled by compute_hotspots
  EXPECT_EQ(r.knowledge_loss.lines_lost, 0);
}

TEST_F(DesignedHistory, Organisations) {
  // acme.com: A + B, 1 active, commits 6 + 2 = 8, recent 4; files with an acme DOA author:
  //   src/app.py util.py README.md CHANGELOG.md .mailmap src/api.py = 6.
  // kommune.dk: C, commits 6, recent 4; files CHANGELOG.md requirements.txt ignore-revs guide = 4.
  // Elephant factor: 8 recent commits; acme's 4 already make half -> 1.
  const RepoHistory& r = h().repository;
  ASSERT_EQ(r.organisations.size(), 2u);
  const Organisation& acme = r.organisations[0];
  EXPECT_EQ(acme.name, "acme.com");
  EXPECT_EQ(acme.kind, "organisation");
  EXPECT_EQ(acme.authors, 2);
  EXPECT_EQ(acme.active_authors, 1);
  EXPECT_EQ(acme.commits, 8);
  EXPECT_EQ(acme.commits_last_12_months, 4);
  EXPECT_EQ(acme.files_owned, 6);
  const Organisation& kommune = r.organisations[1];
  EXPECT_EQ(kommune.name, "kommune.dk");
  EXPECT_EQ(kommune.kind, "organisation");
  EXPECT_EQ(kommune.authors, 1);
  EXPECT_EQ(kommune.active_authors, 1);
  EXPECT_EQ(kommune.commits, 6);
  EXPECT_EQ(kommune.commits_last_12_months, 4);
  EXPECT_EQ(kommune.files_owned, 4);
  EXPECT_EQ(r.elephant_factor, 1);
}

TEST_F(DesignedHistory, TemporalCoupling) {
  // src/app.py and util.py change together in c2 c3 c4 c6 c9 c12 c15 = 7 commits;
  // src/app.py has 8 commits, util.py 7: degree = 7 / ((8 + 7) / 2) = 0.9333.
  // No other pair shares 5 commits.
  const RepoHistory& r = h().repository;
  ASSERT_EQ(r.coupling.size(), 1u);
  EXPECT_EQ(r.coupling[0].path_a, "src/app.py");
  EXPECT_EQ(r.coupling[0].path_b, "util.py");
  EXPECT_EQ(r.coupling[0].shared_commits, 7);
  EXPECT_EQ(r.coupling[0].commits_a, 8);
  EXPECT_EQ(r.coupling[0].commits_b, 7);
  EXPECT_DOUBLE_EQ(r.coupling[0].degree, 0.9333);
  EXPECT_TRUE(r.hotspots.empty());  // filled by compute_hotspots
}

TEST_F(DesignedHistory, ReleasePractice) {
  // Tags v1.0.0 (lightweight, on c6: dated by c6, 2023-04-01, outside the last 12 months) and
  // v1.1.0 (annotated, tagger date 2024-03-02, inside). Both semantic versions.
  // Commits since v1.1.0: c16 only. 2024-03-02 .. 2024-06-01 = 91 days.
  // Between v1.0.0 and v1.1.0, c7 created CHANGELOG.md: 1 interval of 1 with a changelog.
  const ReleasePractice& p = h().repository.releases;
  EXPECT_EQ(p.tags, 2);
  EXPECT_EQ(p.semver_tags, 2);
  EXPECT_EQ(p.releases, 2);
  EXPECT_EQ(p.releases_last_12_months, 1);
  EXPECT_EQ(p.last_tag, "v1.1.0");
  EXPECT_EQ(p.commits_since_last_tag, 1);
  EXPECT_EQ(p.last_release, "v1.1.0");
  EXPECT_EQ(p.last_release_date, "2024-03-02T12:00:00Z");
  EXPECT_EQ(p.days_since_last_release, 91);
  EXPECT_TRUE(p.has_changelog);
  EXPECT_EQ(p.release_intervals, 1);
  EXPECT_EQ(p.release_intervals_with_changelog, 1);
}

TEST_F(DesignedHistory, TraceabilityPractice) {
  // 16 non-merge commits.
  // Issue references: c3 "#1", c6 "PROJ-42", c9 "(#12)", c15 "#3", c16 issue URL = 5 -> 0.3125.
  // Conventional: c5 c6 c7 c9b c10b c9 c12 c13 c14 c15 c16 = 11 -> 0.6875.
  // Signed: c16 -> 1/16 = 0.0625.
  // Mainline (first parents from c16): c16 c15 c14 c13 c12 c11 c9 c8 c7 c6 c5 c4 c3 c2 c1 = 15;
  // by pull request: c11 (merge of PR #7) and c9 (squashed "(#12)") = 2 -> 0.1333.
  // Files per commit: c1 3, c15 3; c2 c3 c4 c5 c6 c9 c12 c16 2; c7 c8 c9b c10b c13 c14 1
  //   -> sorted 1 x6, 2 x8, 3 x2: the 8th and 9th values are 2 -> median 2.
  // Lines per commit in the window: c7 2, c8 1, c9b 5, c10b 3, c9 4, c12 6, c13 2, c14 2, c15 7,
  //   c16 5 -> 1 2 2 2 3 4 5 5 6 7 -> median (3 + 4) / 2 = 3.5.
  const TraceabilityPractice& t = h().repository.traceability;
  EXPECT_EQ(t.commits, 16);
  EXPECT_EQ(t.issue_references, 5);
  EXPECT_DOUBLE_EQ(t.issue_reference_share, 0.3125);
  EXPECT_EQ(t.conventional_commits, 11);
  EXPECT_DOUBLE_EQ(t.conventional_share, 0.6875);
  EXPECT_EQ(t.signed_commits, 1);
  EXPECT_DOUBLE_EQ(t.signed_share, 0.0625);
  EXPECT_EQ(t.mainline_commits, 15);
  EXPECT_EQ(t.pull_request_commits, 2);
  EXPECT_DOUBLE_EQ(t.pull_request_share, 0.1333);
  EXPECT_DOUBLE_EQ(t.median_commit_files, 2.0);
  EXPECT_DOUBLE_EQ(t.median_commit_lines, 3.5);
}

TEST_F(DesignedHistory, HotspotsJoinFileMetrics) {
  // Complexity = sum of cyclomatic complexity: src/app.py 4 + 6 = 10, util.py 3, src/api.py 2,
  // README.md none. Scores: app 8 x 10 = 80, util 7 x 3 = 21, api 1 x 2 = 2; top 2.
  // Knowledge loss by lines: README.md has 2 lines and is lost; files with DOA authors
  // among the FileFacts: README 2 + app 29 + util 16 + api 4 = 51 lines -> 2/51 = 0.0392.
  HistoryFacts copy = h();
  auto facts = [](const std::string& path, int64_t lines, std::vector<int64_t> ccs) {
    FileFacts f;
    f.path = path;
    f.lines.total = lines;
    for (int64_t cc : ccs) {
      FunctionMetrics fn;
      fn.cyclomatic = cc;
      f.functions.push_back(fn);
    }
    return f;
  };
  std::vector<FileFacts> files = {facts("README.md", 2, {}), facts("src/api.py", 4, {2}),
                                  facts("src/app.py", 29, {4, 6}), facts("util.py", 16, {3})};
  compute_hotspots(copy, files, 2);
  const auto& hs = copy.repository.hotspots;
  ASSERT_EQ(hs.size(), 2u);
  EXPECT_EQ(hs[0], (Hotspot{"src/app.py", 8, 10, 80}));
  EXPECT_EQ(hs[1], (Hotspot{"util.py", 7, 3, 21}));
  EXPECT_EQ(copy.repository.knowledge_loss.lines, 51);
  EXPECT_EQ(copy.repository.knowledge_loss.lines_lost, 2);
  EXPECT_DOUBLE_EQ(copy.repository.knowledge_loss.line_share, 0.0392);
}

TEST_F(DesignedHistory, JsonRoundTripsExactly) {
  ojson first = history_to_json(h());
  std::string text = first.dump(2);
  HistoryFacts back;
  history_from_json(ojson::parse(text), back);
  EXPECT_EQ(back, h());
  EXPECT_EQ(history_to_json(back).dump(2), text);
  // Field names a reader can guess.
  EXPECT_EQ(first["repository"]["truck_factor"]["value"], 2);
  EXPECT_EQ(first["files"][7]["path"], "src/app.py");
  EXPECT_EQ(first["files"][7]["doa_authors"][0], B);
}

TEST_F(DesignedHistory, OptionsChangeTheCounting) {
  const Designed& d = designed();
  // All lines: c1..c6 add their lines too: src/app.py gains c1 20, c2 2, c3 1, c4 1, c6 1.
  HistoryOptions all;
  all.lines_all = true;
  HistoryFacts h2 = analyse(d.repo, all);
  EXPECT_EQ(h2.repository.line_window_months, 0);
  EXPECT_EQ(find_file(h2, "src/app.py")->lines_added, 7 + 25);
  // Without alias merging, carolc@gmail.com is a person of its own (an individual).
  HistoryOptions no_alias;
  no_alias.merge_aliases = false;
  HistoryFacts h3 = analyse(d.repo, no_alias);
  EXPECT_EQ(h3.repository.contributors, 4);
  const Contributor* alias = find_author(h3, "carolc@gmail.com");
  ASSERT_NE(alias, nullptr);
  EXPECT_EQ(alias->organisation, "carolc@gmail.com");
  // Bots as people: dependabot becomes a contributor and an author of requirements.txt.
  HistoryOptions bots;
  bots.include_bots = true;
  HistoryFacts h4 = analyse(d.repo, bots);
  EXPECT_EQ(h4.repository.contributors, 4);
  EXPECT_TRUE(h4.repository.bots.empty());
  EXPECT_EQ(find_file(h4, "requirements.txt")->authors, 2);
  // Organisation mapping: acme.com is "ACME A/S".
  HistoryOptions mapped;
  mapped.org_mapping = {{"acme.com", "ACME A/S"}};
  HistoryFacts h5 = analyse(d.repo, mapped);
  EXPECT_EQ(h5.repository.organisations[0].name, "ACME A/S");
  // An older revision: v1.0.0 (c6) is the reference; its tree has app under src/.
  HistoryFacts h6 = analyse(d.repo, {}, "v1.0.0");
  EXPECT_EQ(h6.repository.reference_date, "2023-04-01T12:00:00Z");
  EXPECT_EQ(h6.repository.commits, 6);
  EXPECT_EQ(find_file(h6, "src/app.py")->commits, 5);  // c1 c2 c3 c4 c6
}

TEST_F(DesignedHistory, FirstParentCountsMergesAsTheirBranch) {
  // First parents from c16: 15 commits. The merge c11 (by A) stands for the docs branch:
  // docs/guide.md has 1 commit, by A, and no lines (merges are not line-counted).
  HistoryOptions fp;
  fp.first_parent = true;
  HistoryFacts f = analyse(designed().repo, fp);
  EXPECT_TRUE(f.repository.first_parent);
  EXPECT_EQ(f.repository.commits, 15);
  EXPECT_EQ(f.repository.merges, 1);
  const FileHistory* guide = find_file(f, "docs/guide.md");
  ASSERT_NE(guide, nullptr);
  EXPECT_EQ(guide->commits, 1);
  EXPECT_EQ(guide->creator, A);
  EXPECT_EQ(guide->lines_added, 0);
  EXPECT_EQ(f.repository.traceability.mainline_commits, 15);
}

TEST_F(DesignedHistory, LimitsAreNoted) {
  HistoryOptions newest;
  newest.max_commits = 3;  // c16 c15 c14
  HistoryFacts f = analyse(designed().repo, newest);
  EXPECT_EQ(f.repository.commits, 3);
  EXPECT_EQ(find_file(f, "src/app.py")->commits, 1);
  ASSERT_FALSE(f.notes.empty());
  EXPECT_NE(english(f.notes.back()).find("newest 3 commits"), std::string::npos);

  HistoryOptions since;
  since.since = "2024-01-01";  // c15 c16
  HistoryFacts g = analyse(designed().repo, since);
  EXPECT_EQ(g.repository.commits, 2);
  EXPECT_EQ(g.repository.since, "2024-01-01");
  EXPECT_EQ(find_file(g, "CHANGELOG.md")->commits, 2);
  EXPECT_EQ(find_file(g, "README.md")->commits, 0);
  EXPECT_EQ(find_file(g, "README.md")->first_change, "");

  HistoryOptions bad;
  bad.since = "last tuesday";
  auto r = analyse_history(designed().repo.str(), "", bad);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("YYYY-MM-DD"), std::string::npos);
  auto unknown = analyse_history(designed().repo.str(), "no-such-branch", {});
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("no-such-branch"), std::string::npos);
}

}  // namespace
}  // namespace rh::test
