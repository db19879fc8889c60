// Translations: both languages have every text the templates and writers use; numbers and
// dates are written per language.
#include "reports/i18n.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>

#include "reports/report_assets.h"
#include "reports/writers.h"
#include "support/test_support.h"

namespace rh {
namespace {

std::set<std::string> keys(const Translation& t) {
  std::set<std::string> out;
  for (const auto& [k, v] : t.texts()) out.insert(k);
  return out;
}

TEST(I18n, LanguagesAreEnglishAndDanish) {
  EXPECT_EQ(report_languages(), (std::vector<std::string>{"da", "en"}));
  ReportOptions o;
  o.lang = "de";
  auto r = check_report_options(o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "unknown report language 'de' (available: da, en)");
}

TEST(I18n, BothLanguagesHaveTheSameKeys) {
  const auto en = keys(Translation::get("en")), da = keys(Translation::get("da"));
  for (const auto& k : en) EXPECT_TRUE(da.count(k)) << "da.yml lacks " << k;
  for (const auto& k : da) EXPECT_TRUE(en.count(k)) << "en.yml lacks " << k;
  EXPECT_GT(en.size(), 150u);
}

TEST(I18n, EveryKeyTheTemplatesAndWritersUseExists) {
  const auto en = keys(Translation::get("en"));
  std::regex in_template(R"(\{\{t\.([a-z_]+\.[a-z_0-9]+)\}\})");
  for (const auto& a : report_assets()) {
    if (!a.path.starts_with("templates/")) continue;
    std::string text(a.bytes);
    for (std::sregex_iterator it(text.begin(), text.end(), in_template), end; it != end; ++it)
      EXPECT_TRUE(en.count((*it)[1])) << a.path << " uses t." << (*it)[1];
  }
  std::regex in_code(R"__((?:text|format|not_analysed)\((?:t, )?"([a-z_]+\.[a-z_0-9]+)")__");
  for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() + "/reports")) {
    if (entry.path().extension() != ".cpp") continue;
    std::string text = test::read_file(entry.path());
    for (std::sregex_iterator it(text.begin(), text.end(), in_code), end; it != end; ++it) {
      std::string key = (*it)[1];
      if (key.ends_with("_")) continue;  // a prefix completed at run time (checked below)
      EXPECT_TRUE(en.count(key)) << entry.path().filename() << " uses " << key;
    }
  }
  for (const char* reason : {"binary", "too_large", "vendored", "generated", "symlink", "submodule",
                             "unreadable", "excluded", "unknown_language"})
    EXPECT_TRUE(en.count(std::string("skipped.") + reason)) << reason;
  for (const char* level : {"error", "warning", "note"}) {
    EXPECT_TRUE(en.count(std::string("severity.") + level));
    EXPECT_TRUE(en.count(std::string("level.") + level));
  }
  for (const char* kind : {"organisation", "individual"})
    EXPECT_TRUE(en.count(std::string("ownership.kind_") + kind));
}

TEST(I18n, NumbersPerLanguage) {
  const Translation& en = Translation::get("en");
  const Translation& da = Translation::get("da");
  EXPECT_EQ(en.integer(1234567), "1,234,567");
  EXPECT_EQ(da.integer(1234567), "1.234.567");
  EXPECT_EQ(en.integer(-1000), "-1,000");
  EXPECT_EQ(en.integer(999), "999");
  EXPECT_EQ(en.decimal(1234.56), "1,234.6");
  EXPECT_EQ(da.decimal(1234.56), "1.234,6");
  EXPECT_EQ(da.decimal(0.05, 2), "0,05");
  EXPECT_EQ(en.decimal(-0.44), "-0.4");
  EXPECT_EQ(en.decimal(-0.04), "0.0");
  EXPECT_EQ(en.percent(0.456), "46%");
  EXPECT_EQ(da.percent(0.456), "46 %");
  EXPECT_EQ(da.percent(0.4567, 1), "45,7 %");
}

TEST(I18n, DatesPerLanguage) {
  const Translation& en = Translation::get("en");
  const Translation& da = Translation::get("da");
  EXPECT_EQ(en.date("2024-03-05T08:09:10Z"), "5 March 2024");
  EXPECT_EQ(da.date("2024-03-05T08:09:10Z"), "5. marts 2024");
  EXPECT_EQ(en.date_time("2024-03-05T08:09:10Z"), "5 March 2024, 08:09 UTC");
  EXPECT_EQ(da.date_time("2024-03-05T08:09:10Z"), "5. marts 2024 kl. 08.09 UTC");
  EXPECT_EQ(da.date("not a date"), "not a date");
  EXPECT_EQ(en.date(""), "");
}

TEST(I18n, UnknownLanguageFallsBackToEnglish) { EXPECT_EQ(Translation::get("xx").lang(), "en"); }

}  // namespace
}  // namespace rh

namespace rh {
namespace {

TEST(I18n, PluralPlaceholders) {
  const Translation& en = Translation::get("en");
  const Translation& da = Translation::get("da");
  EXPECT_EQ(en.format("md.skipped", {{"n", "1"}, {"reason", "Binary files"}}),
            "1 file not analysed: Binary files");
  EXPECT_EQ(en.format("md.skipped", {{"n", "2"}, {"reason", "x"}}), "2 files not analysed: x");
  EXPECT_EQ(da.format("md.skipped", {{"n", "1"}, {"reason", "x"}}), "1 fil ikke analyseret: x");
  EXPECT_EQ(da.format("md.skipped", {{"n", "1.000"}, {"reason", "x"}}), "1.000 filer ikke analyseret: x");
}

}  // namespace
}  // namespace rh
