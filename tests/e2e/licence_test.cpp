// Licences end to end (docs/health.md): GNU notices choosing -only / -or-later, manifests that
// contradict the licence file, licence files in sub-folders. Licence texts come from the SPDX
// texts embedded in the binary's library; the notices are written the way projects write them.
#include <gtest/gtest.h>

#include "e2e/e2e_support.h"
#include "health/licence_match.h"

namespace rh::test {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

void make_repo(const fs::path& repo, const std::vector<std::pair<std::string, std::string>>& files) {
  git(repo, "init -q");
  for (const auto& [path, text] : files) write_file(repo, path, text);
  git(repo, "add -A");
  git(repo, "commit -q -m c", "2024-01-15T12:00:00Z");
}

/// The evidence item of `check` about `path`, or null.
const json* evidence_at(const json& c, const std::string& path) {
  for (const auto& e : c["evidence"])
    if (e["path"] == path) return &e;
  return nullptr;
}

std::string gpl2() { return std::string(spdx_licence_text("GPL-2.0-only")); }

const char* kNoticeOrLater =
    "This program is free software; you can redistribute it and/or modify\n"
    "it under the terms of the GNU General Public License as published by\n"
    "the Free Software Foundation; either version 2 of the License, or\n"
    "(at your option) any later version.\n";

const char* kNoticeOnly =
    "This program is free software; you can redistribute it and/or modify\n"
    "it under the terms of the GNU General Public License version 2 as\n"
    "published by the Free Software Foundation.\n";

std::string readme(const std::string& notice) {
  return "# Kiosk client\n\nScripts that set up and maintain public kiosk computers.\n\n## License\n\n" + notice +
         "\nSee COPYING for the full text.\n";
}

std::string c_file(const std::string& notice) {
  std::string out = "/*\n * Copyright (C) 2020 Example Kommune\n *\n";
  size_t start = 0;
  while (start < notice.size()) {
    size_t end = notice.find('\n', start);
    out += " * " + notice.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return out + " */\n#include <stdio.h>\nint main(void) { return puts(\"hi\"); }\n";
}

const json& only_file(const ScanRun& r) {
  const json& files = r.facts["health"]["licence"]["files"];
  EXPECT_EQ(files.size(), 1u);
  return files[0];
}

TEST(Licence, ReadmeNoticeWithTheClauseGivesOrLater) {
  TempDir dir;
  make_repo(dir.path(), {{"COPYING", gpl2()}, {"README.md", readme(kNoticeOrLater)}, {"kiosk.sh", "echo hi\n"}});
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  const json& f = only_file(r);
  EXPECT_EQ(f["spdx_id"], "GPL-2.0-or-later");
  EXPECT_TRUE(f["alternatives"].empty()) << f.dump();
  EXPECT_EQ(f["variant_basis"]["path"], "README.md");
  EXPECT_EQ(f["variant_basis"]["line"], 7);
  EXPECT_EQ(r.facts["health"]["licence"]["licence"], "GPL-2.0-or-later");
  const json* ev = evidence_at(check(r.facts, "licence.present"), "README.md");
  ASSERT_NE(ev, nullptr);
  EXPECT_EQ((*ev)["line"], 7);
}

TEST(Licence, ReadmeNoticeWithoutTheClauseGivesOnly) {
  TempDir dir;
  make_repo(dir.path(), {{"COPYING", gpl2()}, {"README.md", readme(kNoticeOnly)}, {"kiosk.sh", "echo hi\n"}});
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  const json& f = only_file(r);
  EXPECT_EQ(f["spdx_id"], "GPL-2.0-only");
  EXPECT_TRUE(f["alternatives"].empty()) << f.dump();
  EXPECT_EQ(f["variant_basis"]["path"], "README.md");
}

TEST(Licence, HeaderNoticesAndThePreambleOfTheLicenceFile) {
  {  // Source headers: the majority of the files with a notice.
    TempDir dir;
    make_repo(dir.path(), {{"COPYING", gpl2()},
                           {"src/a.c", c_file(kNoticeOrLater)},
                           {"src/b.c", c_file(kNoticeOrLater)},
                           {"src/c.c", c_file(kNoticeOnly)}});
    ScanRun r = scan(dir.str());
    ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
    const json& f = only_file(r);
    EXPECT_EQ(f["spdx_id"], "GPL-2.0-or-later");
    EXPECT_EQ(f["variant_basis"]["path"], "src/a.c");
    EXPECT_EQ(f["variant_basis"]["line"], 4);
  }
  {  // A notice above the licence text in the licence file itself outranks a plain README.
    TempDir dir;
    make_repo(dir.path(),
              {{"COPYING", std::string(kNoticeOrLater) + "\n\n" + gpl2()}, {"README.md", readme(kNoticeOnly)}});
    ScanRun r = scan(dir.str());
    ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
    const json& f = only_file(r);
    EXPECT_EQ(f["spdx_id"], "GPL-2.0-or-later");
    EXPECT_EQ(f["variant_basis"]["path"], "COPYING");
    EXPECT_EQ(f["variant_basis"]["line"], 1);
  }
  {  // A short LICENSE that is only the notice, beside the COPYING text.
    TempDir dir;
    make_repo(dir.path(), {{"COPYING", gpl2()},
                           {"LICENSE", std::string("Copyright (C) 2021 Example Kommune\n\n") + kNoticeOrLater}});
    ScanRun r = scan(dir.str());
    ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
    const json* copying = find_by_path(r.facts["health"]["licence"]["files"], "COPYING");
    ASSERT_NE(copying, nullptr);
    EXPECT_EQ((*copying)["spdx_id"], "GPL-2.0-or-later");
    EXPECT_EQ((*copying)["variant_basis"]["path"], "LICENSE");
  }
  {  // Nothing says: -only, with -or-later as the alternative; the text's own appendix is no notice.
    TempDir dir;
    make_repo(dir.path(), {{"COPYING", gpl2()}, {"main.py", "print(1)\n"}});
    ScanRun r = scan(dir.str());
    ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
    const json& f = only_file(r);
    EXPECT_EQ(f["spdx_id"], "GPL-2.0-only");
    EXPECT_EQ(f["alternatives"], json::array({"GPL-2.0-or-later"}));
    EXPECT_TRUE(f["variant_basis"].is_null());
  }
}

TEST(Licence, ManifestsContradictingTheLicenceFileWarnWithTheirLines) {
  TempDir dir;
  make_repo(dir.path(), {{"LICENSE", std::string(spdx_licence_text("MPL-2.0"))},
                         {"composer.json",
                          "{\n    \"name\": \"example/display-api\",\n    \"type\": \"project\",\n"
                          "    \"license\": \"proprietary\",\n    \"require\": {}\n}\n"},
                         {"package.json", "{\n  \"license\": \"UNLICENSED\",\n  \"private\": true\n}\n"},
                         {"pyproject.toml", "[project]\nname = \"x\"\nlicense = {text = \"MPL-2.0\"}\n"}});
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  const json& lic = r.facts["health"]["licence"];
  EXPECT_EQ(lic["licence"], "MPL-2.0");
  ASSERT_EQ(lic["declaration_conflicts"].size(), 2u) << lic.dump(1);
  const json& c = check(r.facts, "licence.declarations");
  EXPECT_EQ(c["status"], "warn");
  const json* composer = evidence_at(c, "composer.json");
  ASSERT_NE(composer, nullptr);
  EXPECT_EQ((*composer)["line"], 4);
  EXPECT_NE((*composer)["text"].get<std::string>().find("proprietary"), std::string::npos);
  EXPECT_NE((*composer)["text"].get<std::string>().find("MPL-2.0"), std::string::npos);
  const json* npm = evidence_at(c, "package.json");
  ASSERT_NE(npm, nullptr);
  EXPECT_EQ((*npm)["line"], 2);
  // The agreeing pyproject.toml is a declaration, not a contradiction.
  EXPECT_EQ(evidence_at(c, "pyproject.toml"), nullptr);
  const json* py = find_by_path(lic["declarations"], "pyproject.toml");
  ASSERT_NE(py, nullptr);
  EXPECT_EQ((*py)["line"], 3);
  // The warning is a finding of repo.licence.declarations on each contradicting manifest line.
  int findings = 0;
  for (const auto& f : r.facts["findings"])
    if (f["rule_id"] == "repo.licence.declarations") ++findings;
  EXPECT_EQ(findings, 2);
}

TEST(Licence, CompatibleSpellingsAndExpressionsAgree) {
  struct Case {
    std::string licence_id, manifest, value;
  };
  for (const Case& c : {Case{"MIT", "package.json", "{\"license\": \"MIT OR Apache-2.0\"}\n"},
                        Case{"GPL-2.0-only", "composer.json", "{\"license\": \"GPL-2.0+\"}\n"},
                        Case{"GPL-2.0-only", "composer.json", "{\"license\": [\"GPL-2.0\", \"MIT\"]}\n"},
                        Case{"MIT", "setup.cfg", "[metadata]\nname = x\nlicense = MIT\n"},
                        Case{"MIT", "Cargo.toml", "[package]\nname = \"x\"\nlicense = \"MIT\"\n"}}) {
    TempDir dir;
    make_repo(dir.path(), {{"LICENSE", std::string(spdx_licence_text(c.licence_id))}, {c.manifest, c.value}});
    ScanRun r = scan(dir.str());
    ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
    EXPECT_EQ(check(r.facts, "licence.declarations")["status"], "pass") << c.manifest << " " << c.value;
    EXPECT_TRUE(r.facts["health"]["licence"]["declaration_conflicts"].empty()) << c.value;
  }
  TempDir dir;  // another id
  make_repo(dir.path(), {{"LICENSE", std::string(spdx_licence_text("MIT"))},
                         {"Cargo.toml", "[package]\nname = \"x\"\nlicense = \"Apache-2.0\"\n"}});
  ScanRun r = scan(dir.str());
  EXPECT_EQ(check(r.facts, "licence.declarations")["status"], "warn");
  TempDir none;  // nothing declared
  make_repo(none.path(), {{"LICENSE", std::string(spdx_licence_text("MIT"))}});
  EXPECT_EQ(check(scan(none.str()).facts, "licence.declarations")["status"], "not_applicable");
}

TEST(Licence, SubfolderLicencesAreListedVendoredOnesAreNot) {
  TempDir dir;
  make_repo(dir.path(), {{"LICENSE", std::string(spdx_licence_text("MPL-2.0"))},
                         {"modules/forloeb/LICENSE", gpl2()},
                         {"modules/forloeb/forloeb.module", "<?php\nfunction forloeb_help() { return ''; }\n"},
                         {"lib/parser/COPYING.txt", std::string(spdx_licence_text("MIT"))},
                         {"vendor/acme/lib/LICENSE", std::string(spdx_licence_text("BSD-3-Clause"))},
                         {"src/Entity/License.php", "<?php\nclass License {}\n"}});
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  const json& lic = r.facts["health"]["licence"];
  EXPECT_EQ(lic["licence"], "MPL-2.0");  // sub-folder licences do not change the repository's
  const json& sub = lic["subfolder_files"];
  ASSERT_EQ(sub.size(), 2u) << sub.dump(1);
  EXPECT_EQ(sub[0]["path"], "lib/parser/COPYING.txt");
  EXPECT_EQ(sub[0]["spdx_id"], "MIT");
  EXPECT_EQ(sub[1]["path"], "modules/forloeb/LICENSE");
  EXPECT_EQ(sub[1]["spdx_id"], "GPL-2.0-only");
  const json& present = check(r.facts, "licence.present");
  ASSERT_NE(evidence_at(present, "modules/forloeb/LICENSE"), nullptr);
  EXPECT_NE((*evidence_at(present, "modules/forloeb/LICENSE"))["text"].get<std::string>().find("GPL-2.0"),
            std::string::npos);
  EXPECT_EQ(evidence_at(present, "vendor/acme/lib/LICENSE"), nullptr);
}

}  // namespace
}  // namespace rh::test
