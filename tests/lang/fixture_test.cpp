// Every language's fixture folder (tests/lang/fixtures/<language>/): real-looking source files
// and an expected.yml beside them whose values were worked out by hand from the definitions in
// docs/metrics.md. This test compares every value written there.
//
// expected.yml: for each file, `lines: {total, code, comment, blank}`, `parse_errors` or
// `parse_errors_at_least`, `notes_at_least` (parse notifications), and `functions`: a list in
// source order of their start (or, with `functions_subset: true`, looked up by name) whose
// entries give `name` and any of start_line end_line params nloc cyclomatic cognitive
// max_nesting tokens. Fields left out are not checked.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <string>

#include "core/language.h"
#include "lang/frontend.h"
#include "lang/line_counter.h"
#include "support/test_support.h"

namespace rh {
namespace {

namespace fs = std::filesystem;
const fs::path kFixtures = fs::path(RH_SOURCE_DIR) / "tests/lang/fixtures";

constexpr const char* kFields[] = {"start_line", "end_line", "params", "nloc", "cyclomatic",
                                   "cognitive",  "max_nesting", "tokens"};

int64_t field(const FunctionMetrics& f, std::string_view name) {
  if (name == "start_line") return f.start_line;
  if (name == "end_line") return f.end_line;
  if (name == "params") return f.params;
  if (name == "nloc") return f.nloc;
  if (name == "cyclomatic") return f.cyclomatic;
  if (name == "cognitive") return f.cognitive;
  if (name == "max_nesting") return f.max_nesting;
  return f.tokens;
}

std::string describe(const FunctionMetrics& f) {
  std::string out = f.name;
  for (const char* k : kFields) out += std::string(" ") + k + "=" + std::to_string(field(f, k));
  return out;
}

struct Analysed {
  FileFacts facts;
  std::vector<Notification> notes;
};

Analysed analyse(const fs::path& file, const YAML::Node& want) {
  Analysed a;
  const std::string content = test::read_file(file.string());
  const std::string name = file.filename().string();
  const LanguageInfo* language = want["language"] ? find_language(want["language"].as<std::string>())
                                                  : detect_language(name, std::string_view(content).substr(0, 1024));
  EXPECT_NE(language, nullptr) << name;
  if (!language) return a;
  a.facts.path = name;
  a.facts.language = language->id;
  a.facts.lines = count_lines(content, language->comments);
  Frontend* frontend = frontend_for(*language);
  EXPECT_NE(frontend, nullptr) << "no frontend for " << language->id;
  if (frontend) frontend->analyze(FrontendInput{name, content, language}, a.facts, a.notes);
  return a;
}

void check_file(const fs::path& file, const YAML::Node& want) {
  SCOPED_TRACE(file.string());
  Analysed a = analyse(file, want);
  if (want["detected_as"]) {
    EXPECT_EQ(a.facts.language, want["detected_as"].as<std::string>()) << "language detected";
  }
  if (want["lines"]) {
    EXPECT_EQ(a.facts.lines.total, want["lines"]["total"].as<int64_t>()) << "lines.total";
    EXPECT_EQ(a.facts.lines.code, want["lines"]["code"].as<int64_t>()) << "lines.code";
    EXPECT_EQ(a.facts.lines.comment, want["lines"]["comment"].as<int64_t>()) << "lines.comment";
    EXPECT_EQ(a.facts.lines.blank, want["lines"]["blank"].as<int64_t>()) << "lines.blank";
  }
  if (want["parse_errors"]) {
    EXPECT_EQ(a.facts.parse_errors, want["parse_errors"].as<int64_t>());
  }
  if (want["parse_errors_at_least"]) {
    EXPECT_GE(a.facts.parse_errors, want["parse_errors_at_least"].as<int64_t>());
  }
  if (want["notes_at_least"]) {
    EXPECT_GE(a.notes.size(), want["notes_at_least"].as<size_t>());
  }
  if (!want["functions"]) return;

  std::string found;
  for (const auto& f : a.facts.functions) found += "  " + describe(f) + "\n";
  SCOPED_TRACE("functions found:\n" + found);
  const bool subset = want["functions_subset"] && want["functions_subset"].as<bool>();
  const YAML::Node& functions = want["functions"];
  if (!subset) ASSERT_EQ(a.facts.functions.size(), functions.size());
  for (size_t i = 0; i < functions.size(); ++i) {
    const YAML::Node& w = functions[i];
    const std::string name = w["name"].as<std::string>();
    const FunctionMetrics* got = nullptr;
    if (subset) {
      for (const auto& f : a.facts.functions)
        if (f.name == name && (!w["start_line"] || f.start_line == w["start_line"].as<int64_t>())) got = &f;
    } else {
      got = &a.facts.functions[i];
      EXPECT_EQ(got->name, name) << "function " << i;
    }
    if (!got) {
      ADD_FAILURE() << "missing function " << name;
      continue;
    }
    for (const char* k : kFields) {
      if (w[k]) {
        EXPECT_EQ(field(*got, k), w[k].as<int64_t>()) << name << "." << k;
      }
    }
  }
}

class Fixtures : public ::testing::TestWithParam<std::string> {};

TEST_P(Fixtures, MatchHandWorkedExpectations) {
  const fs::path folder = kFixtures / GetParam();
  const YAML::Node expected = YAML::LoadFile((folder / "expected.yml").string());
  ASSERT_TRUE(expected.IsMap());
  int files = 0;
  for (const auto& entry : expected) {
    check_file(folder / entry.first.as<std::string>(), entry.second);
    ++files;
  }
  EXPECT_GE(files, 1);
  // Every source file of the folder has its expectations.
  for (const auto& f : fs::directory_iterator(folder)) {
    const std::string name = f.path().filename().string();
    if (name == "expected.yml" || name.starts_with(".")) continue;
    EXPECT_TRUE(expected[name]) << name << " has no entry in expected.yml";
  }
}

std::vector<std::string> fixture_folders() {
  std::vector<std::string> out;
  for (const auto& d : fs::directory_iterator(kFixtures))
    if (d.is_directory() && fs::exists(d.path() / "expected.yml")) out.push_back(d.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Languages, Fixtures, ::testing::ValuesIn(fixture_folders()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace rh
