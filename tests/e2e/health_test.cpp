// Health checks end to end (docs/health.md): repositories built here, scanned by the binary,
// judged from facts.json. Licence inputs are built from the SPDX texts embedded in the binary's
// library (no third-party licence text is committed).
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "e2e/e2e_support.h"
#include "health/health.h"
#include "health/licence_match.h"

namespace rh::test {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

void commit_all(const fs::path& repo, const std::string& msg = "c", const std::string& date = "2024-01-15T12:00:00Z") {
  git(repo, "add -A");
  git(repo, "commit -q -m " + sh_quote(msg), date);
}

/// A git repository holding `files`, committed once.
void make_repo(const fs::path& repo, const std::vector<std::pair<std::string, std::string>>& files) {
  git(repo, "init -q");
  for (const auto& [path, text] : files) write_file(repo, path, text);
  commit_all(repo);
}

std::string status(const json& facts, const std::string& id) { return check(facts, id).value("status", "?"); }

/// The licence text re-wrapped to `width` columns with an indent, as editors and web pages
/// reflow it, and its copyright lines replaced by ours.
std::string reflowed(std::string_view text, size_t width, const std::string& copyright) {
  std::istringstream in{std::string(text)};
  std::string word, line, out = copyright + "\n\n";
  while (in >> word) {
    if (line.size() + word.size() + 1 > width) {
      out += "    " + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  return out + "    " + line + "\n";
}

const char* kReadme =
    "# Borgerportal\n\nBorgerportal lets citizens of a municipality book appointments, see their cases and receive "
    "letters. It is maintained by the municipalities that use it and is meant for their case workers and IT staff.\n\n"
    "## Installation\n\nRun `docker compose up` with the settings in `.env.example`; the service listens on port 8080.\n\n"
    "## Usage\n\nOpen the portal in a browser, sign in with MitID and choose a service. Case workers use the admin "
    "pages under /admin. Configuration options are described in docs/configuration.md, operation in docs/operation.md.\n\n"
    "## About the project\n\nThe product was first written for one municipality and has since been taken over by a "
    "community of municipalities, which agree on its road map together and share the cost of its maintenance and "
    "hosting. New members are welcome; see CONTRIBUTING.md for how changes are proposed and reviewed.\n";

}  // namespace

TEST(Health, ReflowedMplWithAnotherCopyrightLineIsMpl) {
  TempDir dir;
  std::string text = reflowed(spdx_licence_text("MPL-2.0"), 60, "Copyright (c) 2025 Aarhus Kommune");
  make_repo(dir.path(), {{"LICENSE", text}, {"README.md", kReadme}, {"app.py", "def f():\n    return 1\n"}});
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  const json& lic = r.facts["health"]["licence"];
  EXPECT_EQ(lic["licence"], "MPL-2.0");
  EXPECT_TRUE(lic["community_default"].get<bool>());
  EXPECT_TRUE(lic["osi_approved"].get<bool>());
  ASSERT_EQ(lic["files"].size(), 1u);
  EXPECT_EQ(lic["files"][0]["path"], "LICENSE");
  EXPECT_GE(lic["files"][0]["confidence"].get<double>(), 0.9);
  EXPECT_EQ(status(r.facts, "licence.present"), "pass");
  EXPECT_EQ(status(r.facts, "licence.osi-approved"), "pass");
  EXPECT_EQ(status(r.facts, "licence.community-default"), "pass");
}

TEST(Health, GplMitAndApacheAreIdentifiedAndAreNotTheCommunityDefault) {
  struct Case {
    const char* spdx;
    const char* file;
    const char* copyright;
  };
  for (const Case& c : {Case{"GPL-3.0-or-later", "COPYING", "Copyright (C) 2023 Odense Kommune"},
                        Case{"MIT", "LICENSE.md", "Copyright (c) 2021-2024 KL and contributors"},
                        Case{"Apache-2.0", "LICENSE.txt", "Copyright 2022 Region Hovedstaden"}}) {
    TempDir dir;
    make_repo(dir.path(), {{c.file, reflowed(spdx_licence_text(c.spdx), 72, c.copyright)}, {"a.py", "x = 1\n"}});
    ScanRun r = scan(dir.str());
    ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
    const json& lic = r.facts["health"]["licence"];
    ASSERT_EQ(lic["files"].size(), 1u) << c.spdx;
    const json& f = lic["files"][0];
    std::string id = f["spdx_id"];
    if (std::string(c.spdx) == "GPL-3.0-or-later") {
      // The -only and -or-later texts are the same; the other is named as an alternative.
      EXPECT_TRUE(id == "GPL-3.0-only" || id == "GPL-3.0-or-later") << id;
      EXPECT_EQ(f["alternatives"].size(), 1u);
    } else {
      EXPECT_EQ(id, c.spdx);
    }
    EXPECT_GE(f["confidence"].get<double>(), 0.9) << c.spdx;
    EXPECT_EQ(status(r.facts, "licence.present"), "pass") << c.spdx;
    EXPECT_EQ(status(r.facts, "licence.osi-approved"), "pass") << c.spdx;
    EXPECT_EQ(status(r.facts, "licence.community-default"), "warn") << c.spdx;
  }
}

TEST(Health, NoLicenceFailsAndAnUnknownTextWarns) {
  TempDir none, odd;
  make_repo(none.path(), {{"a.py", "x = 1\n"}});
  ScanRun r = scan(none.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  EXPECT_EQ(status(r.facts, "licence.present"), "fail");
  EXPECT_EQ(status(r.facts, "licence.osi-approved"), "inconclusive");  // nothing to judge, no double penalty
  make_repo(odd.path(), {{"LICENSE", "You may use this software only on Tuesdays, in Denmark.\n"}, {"a.py", "x = 1\n"}});
  r = scan(odd.str());
  EXPECT_EQ(status(r.facts, "licence.present"), "warn");
  EXPECT_EQ(r.facts["health"]["licence"]["files"][0]["spdx_id"], "");
}

TEST(Health, ReuseLicencesFolderCountsItsTextsOnly) {
  // REUSE keeps one text per licence in LICENSES/<id>.txt; other files there are not licences.
  TempDir dir;
  make_repo(dir.path(), {{"LICENSES/MPL-2.0.txt", std::string(spdx_licence_text("MPL-2.0"))},
                         {"LICENSES/index.json", "{\"licences\": [\"MPL-2.0\"]}\n"},
                         {"src/licenses/notes.txt", "not a licence folder at the top\n"},
                         {"a.py", "# SPDX-License-Identifier: MPL-2.0\nx = 1\n"}});
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  const json& lic = r.facts["health"]["licence"];
  ASSERT_EQ(lic["files"].size(), 1u) << lic.dump();
  EXPECT_EQ(lic["files"][0]["path"], "LICENSES/MPL-2.0.txt");
  EXPECT_EQ(lic["licence"], "MPL-2.0");
  EXPECT_EQ(status(r.facts, "licence.headers"), "pass");
}

TEST(Health, SpdxHeaderContradictingTheLicenceFailsNamingTheFile) {
  TempDir dir;
  make_repo(dir.path(), {{"LICENSE", std::string(spdx_licence_text("MPL-2.0"))},
                         {"src/ok.py", "# SPDX-License-Identifier: MPL-2.0\nx = 1\n"},
                         {"src/copied.py", "# SPDX-License-Identifier: GPL-2.0-only\ny = 2\n"}});
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  const json& c = check(r.facts, "licence.headers");
  EXPECT_EQ(c["status"], "fail");
  ASSERT_EQ(c["evidence"].size(), 1u);
  EXPECT_EQ(c["evidence"][0]["path"], "src/copied.py");
  EXPECT_EQ(r.facts["health"]["licence"]["files_with_spdx_header"], 2);
  const json* ok = find_by_path(r.facts["files"], "src/ok.py");
  ASSERT_NE(ok, nullptr);
  EXPECT_EQ((*ok)["spdx_license"], "MPL-2.0");
}

TEST(Health, OneLineReadmeIsNotSubstantive) {
  TempDir thin, good;
  make_repo(thin.path(), {{"README.md", "# myproject\n"}, {"a.py", "x = 1\n"}});
  ScanRun r = scan(thin.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  EXPECT_EQ(status(r.facts, "docs.readme"), "fail");
  EXPECT_NE(check(r.facts, "docs.readme")["summary"].get<std::string>().find("not substantive"), std::string::npos);
  make_repo(good.path(), {{"README.md", kReadme + std::string(100, ' ') + "\n" +
                                            "More words about the product follow here to make it long enough. " +
                                            std::string("It explains the architecture, the data it keeps, who to ask, ") +
                                            "and how municipalities join the community that maintains it together."},
                          {"a.py", "x = 1\n"}});
  r = scan(good.str());
  EXPECT_EQ(status(r.facts, "docs.readme"), "pass") << check(r.facts, "docs.readme").dump();
}

TEST(Health, PullRequestTargetCheckingOutTheHeadFailsWorkflowSafety) {
  TempDir dir;
  const std::string workflow =
      "name: ci\n"
      "on: pull_request_target\n"
      "permissions:\n"
      "  contents: read\n"
      "jobs:\n"
      "  test:\n"
      "    runs-on: ubuntu-latest\n"
      "    steps:\n"
      "      - uses: actions/checkout@0ad4b8fadaa221de15dcec353f45205ec38ea70b\n"
      "        with:\n"
      "          ref: ${{ github.event.pull_request.head.sha }}\n"
      "      - run: make test\n";
  make_repo(dir.path(), {{".github/workflows/ci.yml", workflow}, {"a.py", "x = 1\n"}});
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  const json& c = check(r.facts, "workflows.untrusted-checkout");
  EXPECT_EQ(c["status"], "fail");
  ASSERT_FALSE(c["evidence"].empty());
  EXPECT_EQ(c["evidence"][0]["path"], ".github/workflows/ci.yml");
  EXPECT_EQ(c["evidence"][0]["line"], 11);
  EXPECT_EQ(status(r.facts, "workflows.pinned-actions"), "pass");
  EXPECT_EQ(status(r.facts, "workflows.permissions"), "pass");
  EXPECT_EQ(status(r.facts, "build.ci"), "pass");
  // The check's rule reports it where it is, as a security finding that fails the default gate.
  bool found = false;
  for (const auto& f : r.facts["findings"])
    if (f["rule_id"] == "repo.workflows.untrusted-checkout") {
      found = true;
      EXPECT_EQ(f["path"], ".github/workflows/ci.yml");
      EXPECT_EQ(f["start_line"], 11);
      EXPECT_EQ(f["severity"], "error");
    }
  EXPECT_TRUE(found);
  for (const auto& d : r.facts["health"]["scores"]["dimensions"])
    if (d["id"] == "security") {
      EXPECT_LE(d["score"].get<double>(), 80.0);
    }
  ScanRun gated = scan(dir.str(), "--gate");
  EXPECT_EQ(gated.command.exit_code, 1);

  // The same checkout under pull_request runs without secrets: not a finding.
  TempDir safe;
  std::string plain = workflow;
  plain.replace(plain.find("pull_request_target"), 19, "pull_request");
  make_repo(safe.path(), {{".github/workflows/ci.yml", plain}, {"a.py", "x = 1\n"}});
  r = scan(safe.str());
  EXPECT_EQ(status(r.facts, "workflows.untrusted-checkout"), "pass");
}

TEST(Health, PubliccodeValidAndInvalid) {
  const std::string fixtures = source_dir() + "/tests/health/fixtures/publiccode/";
  TempDir valid, invalid, missing;
  make_repo(valid.path(), {{"publiccode.yml", read_file(fixtures + "valid.yml")}, {"a.py", "x = 1\n"}});
  ScanRun r = scan(valid.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  EXPECT_EQ(status(r.facts, "docs.publiccode"), "pass") << check(r.facts, "docs.publiccode").dump();
  // publiccode.yml's legal.license is a declaration of the licence.
  bool declared = false;
  for (const auto& d : r.facts["health"]["licence"]["declarations"])
    if (d["source"] == "publiccode") declared = true;
  EXPECT_TRUE(declared);

  make_repo(invalid.path(), {{"publiccode.yml", read_file(fixtures + "invalid-missing.yml")}, {"a.py", "x = 1\n"}});
  r = scan(invalid.str());
  const json& c = check(r.facts, "docs.publiccode");
  EXPECT_EQ(c["status"], "fail");
  ASSERT_FALSE(c["evidence"].empty());
  for (const auto& e : c["evidence"]) {
    EXPECT_EQ(e["path"], "publiccode.yml");
    EXPECT_GT(e["line"].get<int>(), 0) << e.dump();
  }
  std::string all = c["evidence"].dump();
  EXPECT_NE(all.find("name"), std::string::npos);
  EXPECT_NE(all.find("legal.license"), std::string::npos);

  make_repo(missing.path(), {{"a.py", "x = 1\n"}});
  r = scan(missing.str());
  EXPECT_EQ(status(r.facts, "docs.publiccode"), "fail");
}

TEST(Health, TestsAbsentFailAndTheirShareIsMeasured) {
  TempDir none, some;
  make_repo(none.path(), {{"app/main.py", "def f(x):\n    return x + 1\n"}});
  ScanRun r = scan(none.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  EXPECT_EQ(status(r.facts, "build.tests"), "fail");
  EXPECT_EQ(r.facts["health"]["tests"]["test_files"], 0);
  EXPECT_EQ(r.facts["health"]["tests"]["product_code_lines"], 2);

  make_repo(some.path(), {{"app/main.py", "def f(x):\n    return x + 1\n"},
                          {"tests/test_main.py", "from app.main import f\n\ndef test_f():\n    assert f(1) == 2\n"}});
  r = scan(some.str());
  EXPECT_EQ(status(r.facts, "build.tests"), "pass");
  EXPECT_EQ(r.facts["health"]["tests"]["test_files"], 1);
  EXPECT_EQ(r.facts["health"]["tests"]["test_code_lines"], 3);
  EXPECT_DOUBLE_EQ(r.facts["health"]["tests"]["ratio"].get<double>(), 1.5);
}

TEST(Health, EmptyRepositoryIsInconclusiveNotFailed) {
  TempDir dir;
  git(dir.path(), "init -q");
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  ASSERT_FALSE(r.facts["health"].is_null());
  for (const auto& c : r.facts["health"]["checks"]) {
    EXPECT_NE(c["status"], "fail") << c.dump();
    EXPECT_NE(c["status"], "pass") << c.dump();
  }
  // Every check record has its function, and the report shows them in the records' order.
  std::vector<std::string> ran, records;
  for (const auto& c : r.facts["health"]["checks"]) ran.push_back(c["id"].get<std::string>());
  for (const CheckSpec& c : check_catalog()) records.push_back(c.id);
  EXPECT_EQ(ran, records);
  EXPECT_EQ(status(r.facts, "licence.present"), "inconclusive");
  EXPECT_EQ(status(r.facts, "docs.readme"), "inconclusive");
  EXPECT_EQ(status(r.facts, "process.maintained"), "inconclusive");
  for (const auto& d : r.facts["health"]["scores"]["dimensions"]) {
    EXPECT_TRUE(d["score"].is_null()) << d.dump();
    EXPECT_EQ(d["grade"], "") << d.dump();
    EXPECT_NE(d["reason"], "") << d.dump();
  }
  EXPECT_TRUE(r.facts["health"]["scores"]["overall"].is_null());
  for (const auto& q : r.facts["health"]["requirements"]) EXPECT_NE(q["status"], "not_met") << q.dump();
}

TEST(Health, MaintainedAndReleasesCountFromTheAsOfDate) {
  // Tagged 2023-01-10, last commit 2023-03-01: both checks look back from the one as-of date.
  TempDir dir;
  git(dir.path(), "init -q");
  write_file(dir.path(), "a.py", "x = 1\n");
  commit_all(dir.path(), "first", "2023-01-10T12:00:00Z");
  git(dir.path(), "tag v1.0.0", "2023-01-10T12:00:00Z", "Anna Lund <anna@acme.dk>");
  write_file(dir.path(), "a.py", "x = 2\n");
  commit_all(dir.path(), "second", "2023-03-01T12:00:00Z");

  ScanRun soon = scan(dir.str(), "--as-of 2023-04-01");
  ASSERT_EQ(soon.command.exit_code, 0) << soon.command.err;
  EXPECT_EQ(status(soon.facts, "process.maintained"), "pass");
  EXPECT_NE(check(soon.facts, "process.maintained")["evidence"].dump().find("31 days before 2023-04-01"),
            std::string::npos);
  EXPECT_EQ(status(soon.facts, "process.releases"), "pass");
  EXPECT_NE(check(soon.facts, "process.releases")["summary"].get<std::string>().find("12 months before 2023-04-01"),
            std::string::npos);

  // The same revision seen from 2024-06-01: no commit for 458 days and no release in 12 months.
  ScanRun late = scan(dir.str(), "--as-of 2024-06-01");
  ASSERT_EQ(late.command.exit_code, 0) << late.command.err;
  EXPECT_EQ(status(late.facts, "process.maintained"), "fail");
  EXPECT_NE(check(late.facts, "process.maintained")["evidence"].dump().find("458 days before 2024-06-01"),
            std::string::npos);
  EXPECT_EQ(status(late.facts, "process.releases"), "warn");
  EXPECT_EQ(late.facts["history"]["repository"]["releases"]["releases_last_12_months"], 0);
}

TEST(Health, OrganisationsCheckAgreesWithTheHeadlineAndShowsNoAddress) {
  // Two organisations and two free-mail individuals: the check and the summary both say 2.
  TempDir dir;
  git(dir.path(), "init -q");
  const char* people[] = {"Anna Lund <anna@acme.dk>", "Bo Holm <bo@kommune.dk>", "Kim Berg <kim@gmail.com>",
                          "Ole Friis <ole@jubii.dk>"};
  int n = 0;
  for (const char* who : people) {
    write_file(dir.path(), "f" + std::to_string(n) + ".py", "x = 1\n");
    git(dir.path(), "add -A");
    git(dir.path(), "commit -q -m c" + std::to_string(n), "2024-01-1" + std::to_string(n) + "T12:00:00Z", who);
    ++n;
  }
  TempDir out;
  CommandResult c = run_repohealth("scan " + sh_quote(dir.str()) + " --out " + sh_quote(out.str()) +
                                   " --format json,md,html --as-of 2024-02-01");
  ASSERT_EQ(c.exit_code, 0) << c.err;
  json facts = json::parse(read_file(out.path() / "facts.json"));
  EXPECT_EQ(check(facts, "process.organisations")["summary"], "2 organisations contribute.");
  EXPECT_NE(c.out.find("2 organisations"), std::string::npos) << c.out;
  EXPECT_EQ(facts["health"].dump().find('@'), std::string::npos);
  EXPECT_EQ(facts["history"].dump().find('@'), std::string::npos);
  const std::string md = read_file(out.path() / "report.md");
  const std::string html = read_file(out.path() / "report.html");
  for (const char* address : {"anna@acme.dk", "bo@kommune.dk", "kim@gmail.com", "ole@jubii.dk"}) {
    EXPECT_EQ(md.find(address), std::string::npos) << address;
    EXPECT_EQ(html.find(address), std::string::npos) << address;
  }
  EXPECT_NE(html.find("Kim Berg"), std::string::npos);
}

TEST(Health, WithoutHistoryProcessChecksAreInconclusive) {
  TempDir dir;
  make_repo(dir.path(), {{"a.py", "x = 1\n"}});
  ScanRun r = scan(dir.str(), "--no-history");
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  for (const char* id : {"process.maintained", "process.releases", "process.traceability", "process.review",
                         "process.organisations", "process.truck-factor", "process.knowledge-loss"})
    EXPECT_EQ(status(r.facts, id), "inconclusive") << id;
  EXPECT_EQ(status(r.facts, "process.version-control"), "pass");
  for (const auto& d : r.facts["health"]["scores"]["dimensions"])
    if (d["id"] == "knowledge") {
      EXPECT_TRUE(d["score"].is_null());
    }
}

TEST(Health, HygieneFindsCredentialFilesArchivesAndLargeFiles) {
  TempDir dir;
  make_repo(dir.path(), {{".env", "DB_PASSWORD=hunter2hunter2\n"},
                         {".env.example", "DB_PASSWORD=\n"},
                         {"deploy/key.pem", "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n"},
                         {"certs/ca.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"},
                         {"dist/app.zip", std::string("PK\x03\x04", 4) + std::string(64, '\0')},
                         {"data/big.csv", std::string(5 * 1024 * 1024 + 10, 'x')},
                         {"logo.png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(32, '\0')}});
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  const json& cred = check(r.facts, "hygiene.credential-files");
  EXPECT_EQ(cred["status"], "fail");
  std::string ev = cred["evidence"].dump();
  EXPECT_NE(ev.find("\".env\""), std::string::npos);
  EXPECT_NE(ev.find("deploy/key.pem"), std::string::npos);
  EXPECT_EQ(ev.find(".env.example"), std::string::npos);
  EXPECT_EQ(ev.find("certs/ca.pem"), std::string::npos);
  const json& bin = check(r.facts, "hygiene.binaries");
  EXPECT_EQ(bin["status"], "fail");
  EXPECT_NE(bin["evidence"].dump().find("dist/app.zip"), std::string::npos);
  EXPECT_EQ(bin["evidence"].dump().find("logo.png"), std::string::npos);
  const json& big = check(r.facts, "hygiene.large-files");
  EXPECT_EQ(big["status"], "fail");
  EXPECT_NE(big["evidence"].dump().find("data/big.csv"), std::string::npos);
}

/// hygiene.database-dumps: databases and dumps with rows, known by their content; schema files,
/// migrations and look-alike names are not.
TEST(Health, DatabaseFilesAndDumpsWithDataAreReportedSchemasAreNot) {
  const std::string sqlite = std::string("SQLite format 3\0", 16) + std::string(84, '\0') + "CREATE TABLE borger(cpr)";
  const std::string mysql_dump =
      "-- MySQL dump 10.13  Distrib 8.0.36\n--\n-- Host: localhost    Database: borgerportal\n\n"
      "CREATE TABLE `borger` (`cpr` varchar(10));\nINSERT INTO `borger` VALUES ('0101701234');\n";
  const std::string pg_schema =
      "--\n-- PostgreSQL database dump\n--\n\nCREATE TABLE public.sag (id integer);\n";  // schema only
  const std::string pg_data =
      "--\n-- PostgreSQL database dump\n--\n\nCOPY public.sag (id, titel) FROM stdin;\n1\tByggesag\n\\.\n";
  TempDir dir;
  make_repo(dir.path(), {{"app.py", "x = 1\n"},
                         {"db/borgere.sqlite", sqlite},
                         {"backup/2024-05-01.sql", mysql_dump},
                         {"db/schema.sql", pg_schema},
                         {"migrations/0001_init.sql", "CREATE TABLE sag (id int);\nINSERT INTO sag VALUES (1);\n"},
                         {"notes.db", "not a database, just a name\n"},
                         {"tests/fixtures/sager.sql", pg_data}});
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  const json& c = check(r.facts, "hygiene.database-dumps");
  EXPECT_EQ(c["status"], "fail") << c.dump();
  std::map<std::string, std::string> found;  // path -> evidence text
  for (const auto& e : c["evidence"]) found[e["path"]] = e["text"].get<std::string>() + " @" + std::to_string(e["line"].get<int>());
  EXPECT_EQ(found, (std::map<std::string, std::string>{
                       {"backup/2024-05-01.sql", "MySQL dump with rows (line 6) @6"},
                       {"db/borgere.sqlite", "SQLite database @0"},
                       {"tests/fixtures/sager.sql", "PostgreSQL dump with rows (line 5) (fixture) @5"}}))
      << c.dump();

  TempDir samples;
  make_repo(samples.path(), {{"app.py", "x = 1\n"}, {"tests/fixtures/app.sqlite", sqlite}});
  ScanRun s = scan(samples.str());
  ASSERT_EQ(s.command.exit_code, 0) << s.command.err;
  EXPECT_EQ(status(s.facts, "hygiene.database-dumps"), "warn") << check(s.facts, "hygiene.database-dumps").dump();

  TempDir clean;
  make_repo(clean.path(), {{"app.py", "x = 1\n"}, {"db/schema.sql", pg_schema}});
  ScanRun n = scan(clean.str());
  ASSERT_EQ(n.command.exit_code, 0) << n.command.err;
  EXPECT_EQ(status(n.facts, "hygiene.database-dumps"), "pass");
}

TEST(Health, AnEnvFileIsACredentialFileOnlyWithASecretInIt) {
  TempDir settings_only;
  make_repo(settings_only.path(), {{"app.py", "x = 1\n"},
                                   {".env", "COMPOSE_PROJECT_NAME=displayapi\nPHP_VERSION=8.3\nAPP_ENV=dev\n"}});
  ScanRun a = scan(settings_only.str());
  ASSERT_EQ(a.command.exit_code, 0) << a.command.err;
  EXPECT_EQ(status(a.facts, "hygiene.credential-files"), "pass") << check(a.facts, "hygiene.credential-files").dump();
  EXPECT_EQ(status(a.facts, "hygiene.secrets"), "pass");

  TempDir with_secret;
  make_repo(with_secret.path(),
            {{"app.py", "x = 1\n"}, {".env", "COMPOSE_PROJECT_NAME=displayapi\nAPP_SECRET=7d3e0b95c1a8f26e4b7c9d01a5f3e82b\n"}});
  ScanRun b = scan(with_secret.str());
  ASSERT_EQ(b.command.exit_code, 0) << b.command.err;
  const json& cred = check(b.facts, "hygiene.credential-files");
  EXPECT_EQ(cred["status"], "fail");
  EXPECT_NE(cred["evidence"].dump().find("line 2"), std::string::npos) << cred.dump();
  EXPECT_EQ(status(b.facts, "hygiene.secrets"), "fail");
  EXPECT_EQ(b.facts.dump().find("7d3e0b95c1a8f26e4b7c9d01a5f3e82b"), std::string::npos);  // never printed
}

TEST(Health, CredentialFilesInTestsAreWarningsWhileTheCheckFails) {
  // A failing check (a secret in the product's .env) does not make a test key an error: each
  // finding is capped where its file lives, like the code rules' findings (roles.yml).
  TempDir dir;
  const std::string key = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n"
                          "MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n-----END PRIVATE KEY-----\n";
  make_repo(dir.path(), {{"app.py", "x = 1\n"},
                         {".env", "APP_SECRET=7d3e0b95c1a8f26e4b7c9d01a5f3e82b\n"},
                         {"tests/config/jwt/private-test.pem", key}});
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  EXPECT_EQ(status(r.facts, "hygiene.credential-files"), "fail");
  std::map<std::string, std::string> severity;
  for (const auto& f : r.facts["findings"])
    if (f["rule_id"] == "repo.hygiene.credential-files") severity[f["path"]] = f["severity"];
  EXPECT_EQ(severity[".env"], "error");
  EXPECT_EQ(severity["tests/config/jwt/private-test.pem"], "warning");
}

TEST(Health, MinGradesInTheGateAreJudged) {
  TempDir dir;
  make_repo(dir.path(), {{"a.py", "x = 1\n"},
                         {".repohealth.yml", "gate:\n  min_grades: {documentation: B, security: E}\n"}});
  ScanRun r = scan(dir.str(), "--gate");
  EXPECT_EQ(r.command.exit_code, 1) << r.command.err;
  bool doc = false, sec = false;
  for (const auto& c : r.facts["gate"]["conditions"]) {
    if (c["name"] == "min_grades.documentation") {
      doc = true;
      EXPECT_EQ(c["status"], "failed") << c.dump();
    }
    if (c["name"] == "min_grades.security") {
      sec = true;
      EXPECT_EQ(c["status"], "passed") << c.dump();
    }
  }
  EXPECT_TRUE(doc && sec);
}

TEST(Health, BadScoringConfigIsAUsageErrorWithLine) {
  TempDir dir;
  make_repo(dir.path(), {{"a.py", "x = 1\n"}, {".repohealth.yml", "scoring:\n  weights:\n    securty: 2\n"}});
  ScanRun r = scan(dir.str());
  EXPECT_EQ(r.command.exit_code, 2);
  EXPECT_NE(r.command.err.find(".repohealth.yml:3"), std::string::npos) << r.command.err;
  EXPECT_NE(r.command.err.find("security"), std::string::npos) << r.command.err;
  write_file(dir.path(), ".repohealth.yml", "scoring:\n  grades: {A: 50, B: 70}\n");
  r = scan(dir.str());
  EXPECT_EQ(r.command.exit_code, 2);
  EXPECT_NE(r.command.err.find("descend"), std::string::npos) << r.command.err;
  write_file(dir.path(), ".repohealth.yml", "gate:\n  min_grades: {secruity: C}\n");
  r = scan(dir.str());
  EXPECT_EQ(r.command.exit_code, 2);
  EXPECT_NE(r.command.err.find("did you mean 'security'"), std::string::npos) << r.command.err;
}

TEST(Health, NoHealthLeavesItOutOfTheFacts) {
  TempDir dir;
  make_repo(dir.path(), {{"a.py", "x = 1\n"}});
  ScanRun r = scan(dir.str(), "--no-health");
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  EXPECT_TRUE(r.facts["health"].is_null());
  for (const auto& f : r.facts["findings"]) EXPECT_NE(f["rule_id"].get<std::string>().rfind("repo.", 0), 0u) << f.dump();
}

}  // namespace rh::test
