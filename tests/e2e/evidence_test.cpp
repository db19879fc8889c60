// Every health check that judges files names them in its evidence (docs/health.md), and nothing
// is capped in facts.json. The fixture repository has a bit of everything the checks look at.
#include <gtest/gtest.h>

#include "e2e/e2e_support.h"
#include "health/licence_match.h"

namespace rh::test {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

bool names(const json& c, const std::string& path) {
  for (const auto& e : c["evidence"])
    if (e["path"] == path) return true;
  return false;
}

void make_fixture(const fs::path& repo) {
  git(repo, "init -q");
  const std::vector<std::pair<std::string, std::string>> files = {
      {"LICENSE", std::string(spdx_licence_text("MIT"))},
      {"README.md",
       "# Booking\n\nBooking lets citizens book a time at the citizen service centre.\n\n## Installation\n\n"
       "Run `npm ci` and `composer install`, then copy `.env.example` to `.env`.\n\n## Usage\n\n"
       "Start the server with `npm start` and open http://localhost:3000 in a browser.\n"},
      {"CONTRIBUTING.md", "# Contributing\n\nOpen a pull request; run the linter (ESLint) first.\n"},
      {"CHANGELOG.md", "# Changelog\n\n## 1.0.0\n\n- First release.\n"},
      {"docs/operation.md", "# Operation\n\nBack up the database nightly.\n"},
      {"package.json", "{\n  \"name\": \"booking\",\n  \"license\": \"MIT\"\n}\n"},
      {"composer.json", "{\n  \"name\": \"example/booking\",\n  \"license\": \"MIT\"\n}\n"},
      {"composer.lock", "{}\n"},
      {"Dockerfile", "FROM node:20\nCOPY . /app\n"},
      {".editorconfig", "root = true\n"},
      {".github/workflows/ci.yml",
       "on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
       "      - run: npm test\n"},
      {"src/app.js", "function book(slot) {\n  return slot + 1;\n}\nmodule.exports = { book };\n"},
      {"tests/app.test.js", "const { book } = require('../src/app');\ntest('book', () => expect(book(1)).toBe(2));\n"},
      {"modules/calendar/tests/calendar.test.js", "test('x', () => expect(1).toBe(1));\n"},
      {"dist/app.zip", "PK\x03\x04not really a zip"},
  };
  for (const auto& [path, text] : files) write_file(repo, path, text);
  for (int i = 0; i < 40; ++i)  // more evidence than any former cap (30)
    write_file(repo, "build/out" + std::to_string(i) + ".jar", "PK\x03\x04");
  git(repo, "add -A");
  git(repo, "commit -q -m c", "2024-01-15T12:00:00Z");
}

TEST(Evidence, EveryCheckThatJudgesFilesNamesThem) {
  TempDir dir;
  make_fixture(dir.path());
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code == 0 || r.command.exit_code == 1, true) << r.command.err;
  ASSERT_TRUE(r.facts["health"].is_object());
  int walked = 0;
  for (const auto& c : r.facts["health"]["checks"]) {
    const std::string id = c["id"];
    const std::string status = c["status"];
    if (status != "pass" && status != "fail" && status != "warn") continue;
    // process.* judge the history (commits, people), not files: their evidence is about the
    // repository as a whole.
    if (id.rfind("process.", 0) == 0) continue;
    ++walked;
    for (const auto& e : c["evidence"]) {
      EXPECT_FALSE(e["path"].get<std::string>().empty()) << id << " (" << status << "): " << e.dump();
    }
    // A check that passes or warns found something in files, and says where; absence-of-a-problem
    // checks (no binaries, no secrets, no unsafe workflow step) have nothing to name.
    const bool absence = id.rfind("hygiene.", 0) == 0 && status == "pass";
    if ((status == "pass" || status == "warn") && !absence) {
      EXPECT_FALSE(c["evidence"].empty()) << id << " (" << status << ") names no file";
    }
  }
  EXPECT_GE(walked, 15);
  // The examples of the issue.
  EXPECT_TRUE(names(check(r.facts, "docs.readme"), "README.md"));
  EXPECT_TRUE(names(check(r.facts, "build.tests"), "tests/"));
  EXPECT_TRUE(names(check(r.facts, "build.tests"), "modules/calendar/tests/"));
  EXPECT_TRUE(names(check(r.facts, "build.lock-files"), "package.json"));
  EXPECT_EQ(check(r.facts, "build.dependency-updates")["status"], "fail");
  EXPECT_TRUE(names(check(r.facts, "build.dependency-updates"), "package.json"));
  EXPECT_TRUE(names(check(r.facts, "licence.osi-approved"), "LICENSE"));
  EXPECT_TRUE(names(check(r.facts, "licence.community-default"), "LICENSE"));
  EXPECT_TRUE(names(check(r.facts, "workflows.pinned-actions"), ".github/workflows/ci.yml"));
  // Not capped: 41 archives, every one in the evidence.
  EXPECT_EQ(check(r.facts, "hygiene.binaries")["evidence"].size(), 41u);
}

}  // namespace
}  // namespace rh::test
