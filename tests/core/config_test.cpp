#include "core/config.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace rh {

TEST(Config, ReadsKnownKeys) {
  test::TempDir dir;
  test::write_file(dir.path(), ".repohealth.yml",
                   "exclude:\n  - docs/**\nvendored: [\"ext/\"]\nmax_file_size: 512KiB\n");
  auto c = load_config((dir.path() / ".repohealth.yml").string());
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->exclude, std::vector<std::string>{"docs/**"});
  EXPECT_EQ(c->vendored, std::vector<std::string>{"ext/"});
  EXPECT_EQ(c->max_file_size, 512 * 1024);
}

TEST(Config, UnknownKeyNamesFileLineAndHint) {
  test::TempDir dir;
  test::write_file(dir.path(), "c.yml", "exclude: []\nexclud: [a]\n");
  std::string path = (dir.path() / "c.yml").string();
  auto c = load_config(path);
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find(path + ":2"), std::string::npos) << c.error().message;
  EXPECT_NE(c.error().message.find("did you mean 'exclude'"), std::string::npos) << c.error().message;
}

TEST(Config, WrongTypeIsAnError) {
  test::TempDir dir;
  test::write_file(dir.path(), "c.yml", "\n\nexclude: docs\n");
  auto c = load_config((dir.path() / "c.yml").string());
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("c.yml:3"), std::string::npos) << c.error().message;
  EXPECT_NE(c.error().message.find("must be a list"), std::string::npos);
}

TEST(Config, InvalidYamlAndMissingFile) {
  test::TempDir dir;
  test::write_file(dir.path(), "c.yml", "exclude: [a\n");
  auto c = load_config((dir.path() / "c.yml").string());
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("invalid YAML"), std::string::npos);
  auto missing = load_config((dir.path() / "nope.yml").string());
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("nope.yml"), std::string::npos);
}

TEST(Config, DocsUrl) {
  test::TempDir dir;
  test::write_file(dir.path(), "c.yml", "docs_url: https://docs.example.org/repohealth/rules/\n");
  auto c = load_config((dir.path() / "c.yml").string());
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->docs_url, "https://docs.example.org/repohealth/rules/");
  test::write_file(dir.path(), "none.yml", "language: da\n");
  EXPECT_EQ(load_config((dir.path() / "none.yml").string())->docs_url, "") << "unset: the default applies";

  for (const char* bad : {"docs_url: file:///etc/passwd\n", "docs_url: javascript:alert(1)\n", "docs_url: [a]\n",
                          "docs_url: docs/rules\n"}) {
    test::write_file(dir.path(), "bad.yml", std::string("language: en\n") + bad);
    std::string path = (dir.path() / "bad.yml").string();
    auto b = load_config(path);
    ASSERT_FALSE(b) << bad;
    EXPECT_NE(b.error().message.find(path + ":2"), std::string::npos) << b.error().message;
    EXPECT_NE(b.error().message.find("'docs_url' must be the http(s) URL"), std::string::npos) << b.error().message;
  }
}

TEST(Config, Sizes) {
  EXPECT_EQ(*parse_size("2MiB"), 2 * 1024 * 1024);
  EXPECT_EQ(*parse_size("100"), 100);
  EXPECT_EQ(*parse_size("3 kb"), 3 * 1024);
  EXPECT_FALSE(parse_size("big"));
  EXPECT_FALSE(parse_size("3 parsecs"));
}

}  // namespace rh

namespace rh {

TEST(Config, ReadsRuleSectionsLanguageAndOrganisations) {
  test::TempDir dir;
  test::write_file(dir.path(), "sub/.repohealth.yml",
                   "preview: on\n"
                   "packs:\n  python: off\n  python.security: on\n"
                   "rules:\n  python.hygiene.print-call: off\n"
                   "  generic.maintainability.long-function:\n    threshold: 80\n    severity: note\n"
                   "    exclude: [\"legacy/**\"]\n    reason: old code\n"
                   "thresholds:\n  function.cyclomatic: 20\n"
                   "ignore:\n  - paths: [\"tests/fixtures/**\"]\n    rules: [generic.secrets]\n    reason: test data\n"
                   "rule_folders: [team-rules]\nbaseline: base/facts.json\n"
                   "language: da\norganisations:\n  acme.dk: Acme A/S\n  kommune.dk: Kommunen\n"
                   "  Magenta ApS: [magenta.dk, magenta-aps.dk]\n");
  auto c = load_config((dir.path() / "sub/.repohealth.yml").string());
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_TRUE(c->preview);
  ASSERT_EQ(c->packs.size(), 2u);
  EXPECT_EQ(c->packs[0].pack, "python");
  EXPECT_FALSE(c->packs[0].enabled);
  EXPECT_TRUE(c->packs[1].enabled);
  EXPECT_NE(c->packs[0].where.find(".repohealth.yml:3"), std::string::npos) << c->packs[0].where;
  ASSERT_EQ(c->rules.size(), 2u);
  EXPECT_EQ(c->rules[0].enabled, std::optional<bool>(false));
  EXPECT_EQ(c->rules[1].threshold, std::optional<double>(80));
  EXPECT_EQ(c->rules[1].severity, "note");
  EXPECT_EQ(c->rules[1].exclude, std::vector<std::string>{"legacy/**"});
  EXPECT_EQ(c->rules[1].reason, "old code");
  ASSERT_EQ(c->thresholds.size(), 1u);
  EXPECT_EQ(c->thresholds[0].value, 20);
  ASSERT_EQ(c->ignore.size(), 1u);
  EXPECT_EQ(c->ignore[0].rules, std::vector<std::string>{"generic.secrets"});
  EXPECT_EQ(c->ignore[0].reason, "test data");
  EXPECT_EQ(c->rule_folders, std::vector<std::string>{(dir.path() / "sub/team-rules").string()});
  EXPECT_EQ(c->baseline, (dir.path() / "sub/base/facts.json").string());
  EXPECT_EQ(c->language, "da");
  ASSERT_EQ(c->organisations.size(), 4u);
  EXPECT_EQ(c->organisations[0], (std::pair<std::string, std::string>{"acme.dk", "Acme A/S"}));
  // One organisation, two domains.
  EXPECT_EQ(c->organisations[2], (std::pair<std::string, std::string>{"magenta.dk", "Magenta ApS"}));
  EXPECT_EQ(c->organisations[3], (std::pair<std::string, std::string>{"magenta-aps.dk", "Magenta ApS"}));
}

TEST(Config, NestedMistakesNameLineAndHint) {
  struct Case {
    std::string text, expect;
  };
  const std::vector<Case> cases = {
      {"rules:\n  a.b.c:\n    severty: note\n", "c.yml:3: unknown key 'severty' in 'rules.a.b.c' (did you mean 'severity'?)"},
      {"rules:\n  a.b.c:\n    severity: fatal\n", "c.yml:3: 'rules.a.b.c.severity' must be error, warning or note"},
      {"rules:\n  a.b.c: maybe\n", "c.yml:2: 'rules.a.b.c' must be on/off or a mapping"},
      {"packs: [python]\n", "c.yml:1: 'packs' must be a mapping"},
      {"thresholds:\n  function.nloc: many\n", "c.yml:2: threshold 'function.nloc' must be a number"},
      {"ignore:\n  - pathz: [a]\n", "c.yml:2: unknown key 'pathz' in an 'ignore' entry (did you mean 'paths'?)"},
      {"ignore:\n  - reason: x\n", "c.yml:2: an 'ignore' entry needs 'paths', 'rules' or both"},
      {"language: dk\n", "c.yml:1: 'language' must be en or da"},
      {"organisations: [a]\n", "c.yml:1: 'organisations' must be a mapping"},
      {"organisations:\n  acme.dk: Acme\n  anna@acme.dk: Acme\n",
       "c.yml:3: 'anna@acme.dk' is not an e-mail domain"},
      {"organisations:\n  Magenta ApS:\n    - magenta.dk\n    - magenta aps\n",
       "c.yml:4: 'magenta aps' is not an e-mail domain"},
      {"organisations:\n  Magenta ApS: []\n", "c.yml:2: organisation for 'Magenta ApS' must be a name"},
      {"preview: sometimes\n", "c.yml:1: 'preview' must be true or false"},
      {"languag: da\n", "c.yml:1: unknown key 'languag' (did you mean 'language'?)"},
  };
  for (const auto& k : cases) {
    test::TempDir dir;
    test::write_file(dir.path(), "c.yml", k.text);
    auto c = load_config((dir.path() / "c.yml").string());
    ASSERT_FALSE(c) << k.text;
    EXPECT_NE(c.error().message.find(k.expect), std::string::npos) << c.error().message;
  }
}

}  // namespace rh
