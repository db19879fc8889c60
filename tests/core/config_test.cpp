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

TEST(Config, Sizes) {
  EXPECT_EQ(*parse_size("2MiB"), 2 * 1024 * 1024);
  EXPECT_EQ(*parse_size("100"), 100);
  EXPECT_EQ(*parse_size("3 kb"), 3 * 1024);
  EXPECT_FALSE(parse_size("big"));
  EXPECT_FALSE(parse_size("3 parsecs"));
}

}  // namespace rh
