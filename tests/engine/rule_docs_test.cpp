// The committed rule reference (docs/rules/*.md) is what `repohealth rules --doc` generates from
// rules/; this test fails when someone changes a rule and forgets to regenerate it.
#include "engine/rule_docs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "engine/rule_loader.h"
#include "support/test_support.h"

namespace rh::test {
namespace fs = std::filesystem;

TEST(RuleDocs, CommittedReferenceIsCurrent) {
  RuleCatalog catalog;
  load_rule_folder((fs::path(RH_SOURCE_DIR) / "rules").string(), catalog);
  ASSERT_TRUE(catalog.errors.empty()) << catalog.errors.front();
  const fs::path dir = fs::path(RH_SOURCE_DIR) / "docs/rules";
  const std::string fix = "\nregenerate it: repohealth rules --doc docs/rules (from a fresh build)";
  auto pages = render_rule_docs(catalog.rules);
  std::set<std::string> committed;
  if (fs::is_directory(dir))
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".md") committed.insert(e.path().filename().string());
  for (const auto& [name, text] : pages) {
    ASSERT_TRUE(committed.count(name)) << "docs/rules/" << name << " is missing" << fix;
    EXPECT_TRUE(read_file(dir / name) == text) << "docs/rules/" << name << " is stale" << fix;
    committed.erase(name);
  }
  EXPECT_TRUE(committed.empty()) << "docs/rules/" << *committed.begin() << " belongs to no rule pack" << fix;
}

TEST(RuleDocs, PagesPerPackWithEveryRule) {
  RuleCatalog catalog;
  load_rule_folder((fs::path(RH_SOURCE_DIR) / "rules").string(), catalog);
  auto pages = render_rule_docs(catalog.rules);
  ASSERT_TRUE(pages.count("README.md"));
  for (const auto& r : catalog.rules) {
    const std::string& page = pages[rule_pack(r.descriptor.id) + ".md"];
    EXPECT_NE(page.find("## " + r.descriptor.id + "\n"), std::string::npos) << r.descriptor.id;
    EXPECT_NE(pages["README.md"].find(r.descriptor.id), std::string::npos) << r.descriptor.id;
  }
}

TEST(RuleDocs, WriteRemovesPagesOfGonePacksOnly) {
  TempDir dir;
  write_file(dir.path(), "old.md", std::string(kRuleDocsMarker) + "\n\n# Rules: old\n");
  write_file(dir.path(), "notes.md", "hand-written, kept\n");
  RuleCatalog catalog;
  load_rule_folder((fs::path(RH_SOURCE_DIR) / "rules").string(), catalog);
  auto written = write_rule_docs(catalog.rules, dir.str());
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_FALSE(fs::exists(dir.path() / "old.md"));
  EXPECT_TRUE(fs::exists(dir.path() / "notes.md"));
  EXPECT_TRUE(fs::exists(dir.path() / "python.md"));
}

}  // namespace rh::test
