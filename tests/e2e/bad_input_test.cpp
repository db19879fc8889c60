// End-to-end: every bad input of the foundation issue is scanned or refused with a clear
// message, never a crash, and the rest of the scan stays intact.
#include <gtest/gtest.h>
#include <unistd.h>

#include <set>

#include "e2e/e2e_support.h"

namespace rh::test {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

void commit_all(const fs::path& repo, const std::string& msg = "c") {
  git(repo, "add -A");
  git(repo, "commit -q -m " + sh_quote(msg));
}

bool has_note(const json& facts, const std::string& needle) {
  for (const auto& n : facts["notifications"])
    if (n["message"].get<std::string>().find(needle) != std::string::npos) return true;
  return false;
}

void expect_nothing_from_git_dir(const json& facts) {
  for (const char* list : {"files", "skipped"})
    for (const auto& f : facts[list]) {
      std::string p = f["path"];
      EXPECT_FALSE(p.starts_with(".git/") || p.find("/.git/") != std::string::npos) << p;
    }
}

}  // namespace

TEST(BadInput, MissingPathIsAUsageErrorNamingIt) {
  auto r = run_repohealth("scan /nonexistent/repohealth-nowhere -q");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/repohealth-nowhere"), std::string::npos) << r.err;
}

TEST(BadInput, PathThatIsAFileIsAUsageError) {
  TempDir dir;
  write_file(dir.path(), "f.py", "x = 1\n");
  auto r = run_repohealth("scan " + sh_quote((dir.path() / "f.py").string()) + " -q");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("f.py"), std::string::npos) << r.err;
}

TEST(BadInput, UnreadablePathIsAUsageError) {
  if (geteuid() == 0) GTEST_SKIP() << "running as root: permissions do not stop reads";
  TempDir dir;
  fs::create_directory(dir.path() / "locked");
  fs::permissions(dir.path() / "locked", fs::perms::none);
  auto r = run_repohealth("scan " + sh_quote((dir.path() / "locked").string()) + " -q");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("locked"), std::string::npos) << r.err;
}

TEST(BadInput, UnknownRevisionIsAUsageErrorNamingIt) {
  TempDir dir;
  git(dir.path(), "init -q");
  write_file(dir.path(), "a.py", "x = 1\n");
  commit_all(dir.path());
  auto r = run_repohealth("scan " + sh_quote(dir.str()) + " -q --rev no-such-branch");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no-such-branch"), std::string::npos) << r.err;
}

TEST(BadInput, AwkwardFilesAreScannedOrSkippedWithAReason) {
  TempDir dir;
  const fs::path& repo = dir.path();
  git(repo, "init -q");
  write_file(repo, "good.py", "def ok(a):\n    return a\n");
  write_file(repo, "latin1.py", "# caf\xe9 \xff\xfe\ndef f():\n    return '\xe9'\n");
  write_file(repo, "nul.py", std::string("x = 1\n\0\0y = 2\n", 14));
  write_file(repo, "crlf.py", "def g(x):\r\n    if x:\r\n        return 1\r\n    return 2\r\n");
  write_file(repo, "empty.py", "");
  std::string deep = "x = " + std::string(20000, '(') + "1" + std::string(20000, ')') + "\n";
  write_file(repo, "deep.py", deep);
  write_file(repo, "deep.js", "var x = " + std::string(20000, '[') + std::string(20000, ']') + ";\n");
  commit_all(repo);

  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  const json& f = r.facts;
  // The good file is intact whatever happened to the others.
  const json* good = find_by_path(f["files"], "good.py");
  ASSERT_NE(good, nullptr);
  ASSERT_EQ((*good)["functions"].size(), 1u);
  EXPECT_EQ((*good)["functions"][0]["name"], "ok");

  const json* latin = find_by_path(f["files"], "latin1.py");
  ASSERT_NE(latin, nullptr) << "invalid UTF-8 is still scanned";
  EXPECT_NE(find_function(*latin, "f"), nullptr);
  EXPECT_EQ(skip_reason(f, "nul.py"), "binary");
  const json* crlf = find_by_path(f["files"], "crlf.py");
  ASSERT_NE(crlf, nullptr);
  EXPECT_EQ((*crlf)["lines"]["total"], 4);
  EXPECT_EQ((*crlf)["lines"]["code"], 4);
  ASSERT_NE(find_function(*crlf, "g"), nullptr);
  EXPECT_EQ((*find_function(*crlf, "g"))["cyclomatic"], 2);
  EXPECT_EQ((*find_function(*crlf, "g"))["end_line"], 4);
  const json* empty = find_by_path(f["files"], "empty.py");
  ASSERT_NE(empty, nullptr);
  EXPECT_EQ((*empty)["lines"]["total"], 0);
  EXPECT_TRUE((*empty)["functions"].empty());
  // Deep nesting: scanned (or skipped with a reason), never a crash.
  for (const char* p : {"deep.py", "deep.js"}) {
    bool scanned = find_by_path(f["files"], p) != nullptr;
    EXPECT_TRUE(scanned || !skip_reason(f, p).empty()) << p;
  }
}

TEST(BadInput, SymlinksAreNeverFollowed) {
  for (bool in_git : {true, false}) {
    TempDir dir;
    const fs::path& root = dir.path();
    if (in_git) git(root, "init -q");
    write_file(root, "a.py", "def a():\n    pass\n");
    fs::create_symlink("/etc/passwd", root / "passwd.py");
    fs::create_symlink("loop_b", root / "loop_a");
    fs::create_symlink("loop_a", root / "loop_b");
    fs::create_directory(root / "d");
    fs::create_directory_symlink("..", root / "d" / "up");
    fs::create_directory_symlink("/etc", root / "etc_dir");
    if (in_git) commit_all(root);
    ScanRun r = scan(dir.str());
    ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
    EXPECT_EQ(r.facts["files"].size(), 1u) << r.facts["files"].dump(1);
    for (const char* p : {"passwd.py", "loop_a", "loop_b", "d/up", "etc_dir"})
      EXPECT_EQ(skip_reason(r.facts, p), "symlink") << p << (in_git ? " (git)" : " (folder)");
    std::string text = r.facts.dump();
    EXPECT_EQ(text.find("root:x:0:0"), std::string::npos) << "content of /etc/passwd leaked";
  }
}

TEST(BadInput, BareRepositoryIsScanned) {
  TempDir dir;
  fs::path work = dir.path() / "work";
  fs::create_directory(work);
  git(work, "init -q");
  write_file(work, "a.py", "def a(x):\n    return x\n");
  commit_all(work);
  git(dir.path(), "clone -q --bare work bare.git");
  ScanRun r = scan((dir.path() / "bare.git").string());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  EXPECT_EQ(r.facts["files"].size(), 1u);
  EXPECT_EQ(r.facts["files"][0]["path"], "a.py");
  expect_nothing_from_git_dir(r.facts);
}

TEST(BadInput, EmptyRepositoryIsScannedWithANote) {
  TempDir dir;
  git(dir.path(), "init -q");
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  EXPECT_TRUE(r.facts["files"].empty());
  EXPECT_TRUE(has_note(r.facts, "no commits")) << r.facts["notifications"].dump(1);
}

TEST(BadInput, ShallowCloneIsScannedWithANote) {
  TempDir dir;
  fs::path origin = dir.path() / "origin";
  fs::create_directory(origin);
  git(origin, "init -q");
  for (int i = 0; i < 3; ++i) {
    write_file(origin, "a.py", "x = " + std::to_string(i) + "\n");
    commit_all(origin, "c" + std::to_string(i));
  }
  git(dir.path(), "clone -q --depth 1 file://" + origin.string() + " shallow");
  ScanRun r = scan((dir.path() / "shallow").string());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  EXPECT_EQ(r.facts["files"].size(), 1u);
  EXPECT_TRUE(has_note(r.facts, "shallow")) << r.facts["notifications"].dump(1);
}

TEST(BadInput, SubmodulesAreListedAsSkippedNeverOpened) {
  TempDir dir;
  fs::path lib = dir.path() / "lib";
  fs::path app = dir.path() / "app";
  fs::create_directory(lib);
  fs::create_directory(app);
  git(lib, "init -q");
  write_file(lib, "secret.py", "def inside_submodule():\n    pass\n");
  commit_all(lib);
  git(app, "init -q");
  write_file(app, "main.py", "def main():\n    pass\n");
  git(app, "submodule add -q " + sh_quote(lib.string()) + " ext/lib");
  commit_all(app);
  ScanRun r = scan(app.string());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  EXPECT_EQ(skip_reason(r.facts, "ext/lib"), "submodule");
  EXPECT_EQ(r.facts.dump().find("inside_submodule"), std::string::npos);
  EXPECT_NE(find_by_path(r.facts["files"], "main.py"), nullptr);
}

TEST(BadInput, MissingObjectsAreNotedAndTheRestIsScanned) {
  TempDir dir;
  const fs::path& repo = dir.path();
  git(repo, "init -q");
  write_file(repo, "keep.py", "def keep():\n    pass\n");
  write_file(repo, "lost.py", "def lost():\n    pass\n");
  commit_all(repo);
  std::string blob = git(repo, "rev-parse HEAD:lost.py");
  blob.erase(blob.find_last_not_of("\n") + 1);
  fs::path object = repo / ".git/objects" / blob.substr(0, 2) / blob.substr(2);
  ASSERT_TRUE(fs::exists(object));
  fs::permissions(object, fs::perms::owner_all);
  fs::remove(object);
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  EXPECT_NE(find_by_path(r.facts["files"], "keep.py"), nullptr);
  EXPECT_EQ(find_by_path(r.facts["files"], "lost.py"), nullptr);
  EXPECT_EQ(skip_reason(r.facts, "lost.py"), "unreadable");
  bool noted = false;
  for (const auto& n : r.facts["notifications"])
    if (n["path"] == "lost.py") noted = true;
  EXPECT_TRUE(noted) << r.facts["notifications"].dump(1);
}

TEST(BadInput, NothingUnderDotGitIsScanned) {
  TempDir dir;
  const fs::path& repo = dir.path();
  git(repo, "init -q");
  write_file(repo, "a.py", "x = 1\n");
  write_file(repo, ".git/hooks/evil.py", "def evil():\n    pass\n");
  commit_all(repo);
  for (const char* mode : {"", "--worktree"}) {
    ScanRun r = scan(dir.str(), mode);
    ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
    expect_nothing_from_git_dir(r.facts);
    EXPECT_EQ(r.facts.dump().find("evil"), std::string::npos) << mode;
  }
}

TEST(BadInput, MalformedConfigIsAUsageErrorWithFileAndLine) {
  TempDir dir;
  write_file(dir.path(), "a.py", "x = 1\n");
  write_file(dir.path(), ".repohealth.yml", "exclude: [docs]\nmax_file_sise: 1MiB\n");
  auto r = run_repohealth("scan " + sh_quote(dir.str()) + " -q --out " + sh_quote((dir.path() / "o").string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(".repohealth.yml:2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("max_file_size"), std::string::npos) << r.err;
}

}  // namespace rh::test
