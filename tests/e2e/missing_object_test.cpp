// A tree that references a blob deleted from the object store (a damaged or partial clone): the
// scan reports the file once, records it as skipped, and goes on.
#include <gtest/gtest.h>

#include "e2e/e2e_support.h"

namespace rh::test {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

TEST(MissingObject, AMissingBlobIsOneNotification) {
  TempDir dir;
  git(dir.path(), "init -q");
  git(dir.path(), "config gc.auto 0");
  write_file(dir.path(), "README.md", "# Tool\n");
  write_file(dir.path(), "app.py", "def f():\n    return 1\n");
  git(dir.path(), "add -A");
  git(dir.path(), "commit -q -m c1", "2024-01-01T12:00:00Z");
  write_file(dir.path(), "app.py", "def f():\n    return 2\n");
  git(dir.path(), "add -A");
  git(dir.path(), "commit -q -m c2", "2024-01-02T12:00:00Z");
  const std::string id = trimmed(git(dir.path(), "rev-parse HEAD:app.py"));
  fs::path object = dir.path() / ".git" / "objects" / id.substr(0, 2) / id.substr(2);
  ASSERT_TRUE(fs::exists(object)) << object;
  fs::permissions(object, fs::perms::owner_all, fs::perm_options::add);
  fs::remove(object);

  ScanRun r = scan(dir.str());
  ASSERT_TRUE(r.facts.is_object()) << r.command.err;
  int about_the_file = 0;
  for (const auto& n : r.facts["notifications"])
    if (n["path"] == "app.py" || n["message"].get<std::string>().find(id) != std::string::npos) ++about_the_file;
  EXPECT_EQ(about_the_file, 1) << r.facts["notifications"].dump(1);
  const json* skipped = find_by_path(r.facts["skipped"], "app.py");
  ASSERT_NE(skipped, nullptr);
  EXPECT_EQ((*skipped)["reason"], "unreadable");
  EXPECT_NE((*skipped)["detail"].get<std::string>().find("missing"), std::string::npos);
  EXPECT_EQ(find_by_path(r.facts["files"], "app.py"), nullptr);

  // SARIF: one toolExecutionNotification on app.py (not the listing's, the reader's and the
  // skipped file's).
  TempDir out;
  CommandResult c =
      run_repohealth("scan " + sh_quote(dir.str()) + " --out " + sh_quote(out.str()) + " --format sarif -q");
  ASSERT_TRUE(fs::exists(out.path() / "report.sarif")) << c.err;
  json sarif = json::parse(read_file(out.path() / "report.sarif"));
  int sarif_notes = 0;
  for (const auto& n : sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"])
    if (n.dump().find("app.py") != std::string::npos) ++sarif_notes;
  EXPECT_EQ(sarif_notes, 1) << sarif["runs"][0]["invocations"][0].dump(1);
}

}  // namespace
}  // namespace rh::test
