// The analyzer's message catalogue (core/message.h: the check records' titles and texts,
// rules/health/messages/*.yml, the texts of requirements.yml): complete in English and Danish, the
// same placeholders in both, every key the checks name present, and rendering per language.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/message.h"
#include "health/health.h"

namespace rh {
namespace {

std::set<std::string> placeholders(const std::string& text) {
  std::set<std::string> out;
  static const std::regex re(R"(\{([a-z_]+)[}|])");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

TEST(Messages, EveryKeyHasEnglishAndDanishWithTheSamePlaceholders) {
  ASSERT_GT(message_catalogue().size(), 200u);
  for (const auto& [key, texts] : message_catalogue()) {
    std::map<std::string, std::string> by_lang(texts.begin(), texts.end());
    ASSERT_TRUE(by_lang.count("en")) << key;
    ASSERT_TRUE(by_lang.count("da")) << key << " has no Danish text";
    EXPECT_EQ(placeholders(by_lang["en"]), placeholders(by_lang["da"])) << key;
  }
}

TEST(Messages, EveryCheckAndRequirementHasDanishTexts) {
  for (const auto& c : check_catalog()) {
    const std::string* da = message_text("check." + c.id + ".title", "da");
    ASSERT_NE(da, nullptr) << c.id;
    EXPECT_NE(*da, c.title) << c.id << " has no Danish title";
  }
  for (const auto& [key, texts] : message_catalogue())
    if (key.starts_with("requirement.")) {
      std::map<std::string, std::string> by_lang(texts.begin(), texts.end());
      EXPECT_NE(by_lang["da"], by_lang["en"]) << key << " has no Danish text";
    }
}

/// Every literal key the analyzer names (msg("…"), nest("…", key_arg(…, "…")) is in the
/// catalogue: the health checks, and the notes of the listing, frontends, rules, caches and history.
TEST(Messages, EveryKeyTheAnalyzerNamesExists) {
  static const std::regex re(R"re((?:msg\(|nest\(|_arg\("[a-z_]+", |\? |: )"([a-z][a-z0-9_-]*\.[a-z0-9_.-]+)")re");
  int keys = 0;
  std::vector<std::filesystem::directory_entry> files;
  for (const char* folder : {"health", "lang", "core", "cache", "history", "engine", "cli"})
    for (const auto& entry : std::filesystem::directory_iterator(std::string(RH_SOURCE_DIR) + "/analyzer/" + folder))
      files.push_back(entry);
  for (const auto& entry : files) {
    const std::string name = entry.path().filename().string();
    const std::string folder = entry.path().parent_path().filename().string();
    if (folder == "health" ? !name.starts_with("checks_") && name != "workflow_safety.cpp" && name != "scoring.cpp" &&
                                 name != "publiccode.cpp"
                           : !name.ends_with(".cpp"))
      continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    // Outside the health checks, the notes' families: any literal that starts with one is a key.
    static const std::regex notes(R"re("((?:source|scan|lang|rules|cache|history)\.[a-z0-9_.]+)")re");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), folder == "health" ? re : notes); it != std::sregex_iterator(); ++it) {
      const std::string key = (*it)[1];
      static const std::regex file(R"(\.(ya?ml|json|toml|txt|md|lock|py|js|sqlite|cpp|h)$)");
      if (key.ends_with(".") || key.ends_with("_") || std::regex_search(key, file)) continue;  // a prefix or a file name
      if (name == "publiccode.cpp" && !key.starts_with("publiccode.")) continue;  // a key path of the file
      ++keys;
      EXPECT_NE(message_text(key, "en"), nullptr) << key << " (" << entry.path().filename().string() << ")";
    }
  }
  EXPECT_GT(keys, 150);
}

TEST(Messages, RenderInTheReadersLanguage) {
  const Message m{"docs.readme.no_section",
                  {text_arg("path", "README.md"), int_arg("words", 12345), int_arg("headings", 1),
                   keys_arg("gaps", {"docs.readme.section.installation", "docs.readme.section.usage"})}};
  EXPECT_EQ(english(m), "README.md (12,345 words, 1 heading) has no section on installation and usage.");
  NumberFormat da{".", ",", "{n} %"};
  EXPECT_EQ(render(m, "da", da), "README.md (12.345 ord, 1 overskrift) har intet afsnit om installation og brug.");
  const MessageStyle marked{nullptr, [](std::string_view s) { return "[" + std::string(s) + "]"; }};
  EXPECT_EQ(render(m, "da", da, marked), "[README.md] (12.345 ord, 1 overskrift) har intet afsnit om installation og brug.");
  EXPECT_EQ(render({"scoring.value.lines", {percent_arg("share", 0.256, 1)}}, "da", da), "25,6 % af linjerne");
  // A key argument's text uses the message's other arguments.
  const Message step{"workflows.pin.uses", {text_arg("uses", "actions/checkout@v4"), key_arg("why", "workflows.pin.tag"),
                                            text_arg("job", "build"), int_arg("step", 2), key_arg("where", "workflows.where.step")}};
  EXPECT_EQ(english(step), "job 'build' step 2 uses actions/checkout@v4 (a tag, not a full commit SHA)");
  EXPECT_EQ(render(step, "da", da), "jobbet 'build' trin 2 bruger actions/checkout@v4 (et tag, ikke en fuld commit-SHA)");
  // An unknown key shows itself; an unknown language falls back to English.
  EXPECT_EQ(english({"no.such.key", {}}), "no.such.key");
  EXPECT_EQ(render({"common.no_files", {}}, "xx"), "The repository has no files.");
  // A nested message fills the outer's placeholder; verbatim text reads the same in every language.
  const Message nested = nest("cache.files.without", "reason",
                              msg("cache.folder.cannot_create", {text_arg("path", "/c"), text_arg("error", "Permission denied")}));
  EXPECT_EQ(english(nested), "/c: cannot create the cache folder: Permission denied; the scan runs without the cache");
  EXPECT_EQ(render(nested, "da", da), "/c: cache-mappen kan ikke oprettes: Permission denied; scanningen kører uden cache");
  EXPECT_EQ(render(verbatim("as it was"), "da", da), "as it was");
}

}  // namespace
}  // namespace rh
