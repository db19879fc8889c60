// Clone detection on token sequences built by hand: where copies are, how long, which lines
// they cover, and what is left out.
#include "metrics/clones.h"

#include <gtest/gtest.h>

#include "core/language.h"

namespace rh {
namespace {

/// A sequence of `n` distinct tokens (hash = base + i), `per_line` tokens a line from `line`.
TokenSequence sequence(uint32_t base, uint32_t n, uint32_t per_line = 5, uint32_t line = 1) {
  TokenSequence t;
  for (uint32_t i = 0; i < n; ++i) t.add(base + i, line + i / per_line, line + i / per_line);
  return t;
}

/// Appends tokens [from, from + n) of `source` as new lines after the last one of `t`.
void append(TokenSequence& t, const TokenSequence& source, uint32_t from, uint32_t n, uint32_t per_line = 5) {
  const uint32_t line = t.size() ? t.last_lines.back() + 1 : 1;
  for (uint32_t i = 0; i < n; ++i) {
    t.hashes.push_back(source.hashes[from + i]);
    t.first_lines.push_back(line + i / per_line);
    t.last_lines.push_back(line + i / per_line);
  }
}

TEST(Clones, FindsACopyAcrossFiles) {
  // a: 100 tokens on lines 1-20. b: 10 own tokens (lines 1-2), then a's tokens 20-79 (60 tokens,
  // lines 3-14), then 10 own tokens.
  const TokenSequence a = sequence(1000, 100);
  TokenSequence b = sequence(5000, 10);
  append(b, a, 20, 60);
  TokenSequence tail = sequence(6000, 10);
  append(b, tail, 0, 10);
  CloneResult r = detect_clones({{"a.py", &a, 20}, {"b.py", &b, 16}}, CloneOptions{});
  ASSERT_EQ(r.duplication.groups.size(), 1u);
  const CloneGroup& g = r.duplication.groups[0];
  EXPECT_EQ(g.tokens, 60);
  ASSERT_EQ(g.locations.size(), 2u);
  // a's tokens 20-79 are lines 5-16; b's copy is lines 3-14.
  EXPECT_EQ(g.locations[0], (CloneLocation{"a.py", 5, 16}));
  EXPECT_EQ(g.locations[1], (CloneLocation{"b.py", 3, 14}));
  EXPECT_EQ(g.lines, 12);
  EXPECT_EQ(r.duplicated_lines[0], 12);
  EXPECT_EQ(r.duplicated_lines[1], 12);
  EXPECT_EQ(r.duplication.files, 2);
  EXPECT_EQ(r.duplication.code_lines, 36);
  EXPECT_EQ(r.duplication.duplicated_lines, 24);
  EXPECT_DOUBLE_EQ(r.duplication.duplicated_percent, 66.67);  // 24 / 36
}

TEST(Clones, ThreeCopiesAreOneGroupAndOrderDoesNotMatter) {
  const TokenSequence a = sequence(1000, 60);
  TokenSequence b = sequence(2000, 5), c = sequence(3000, 3);
  append(b, a, 0, 60);
  append(c, a, 0, 60);
  CloneResult r1 = detect_clones({{"a", &a, 12}, {"b", &b, 13}, {"c", &c, 13}}, CloneOptions{});
  CloneResult r2 = detect_clones({{"c", &c, 13}, {"a", &a, 12}, {"b", &b, 13}}, CloneOptions{});
  ASSERT_EQ(r1.duplication.groups.size(), 1u);
  EXPECT_EQ(r1.duplication.groups[0].locations.size(), 3u);
  EXPECT_EQ(r1.duplication, r2.duplication);
}

TEST(Clones, ThresholdsInTokensAndLines) {
  const TokenSequence a = sequence(1000, 100);
  TokenSequence b = sequence(2000, 10);
  append(b, a, 0, 49);  // one token short of the default 50
  EXPECT_TRUE(detect_clones({{"a", &a, 20}, {"b", &b, 12}}, CloneOptions{}).duplication.groups.empty());
  EXPECT_EQ(detect_clones({{"a", &a, 20}, {"b", &b, 12}}, CloneOptions{40, 6}).duplication.groups.size(), 1u);

  // 60 equal tokens, but on 3 lines in the copy: fewer than 6 lines.
  const TokenSequence wide = sequence(7000, 60, 20);
  TokenSequence copy = sequence(8000, 5);
  append(copy, wide, 0, 60, 20);
  EXPECT_TRUE(detect_clones({{"w", &wide, 3}, {"c", &copy, 4}}, CloneOptions{}).duplication.groups.empty());
  EXPECT_EQ(detect_clones({{"w", &wide, 3}, {"c", &copy, 4}}, CloneOptions{50, 3}).duplication.groups.size(), 1u);
}

TEST(Clones, CopiesInsideOneFileDoNotOverlap) {
  const TokenSequence block = sequence(1000, 60);
  TokenSequence f = sequence(9000, 5);
  append(f, block, 0, 60);
  append(f, sequence(9100, 5), 0, 5);
  append(f, block, 0, 60);
  CloneResult r = detect_clones({{"f", &f, 28}}, CloneOptions{});
  ASSERT_EQ(r.duplication.groups.size(), 1u);
  EXPECT_EQ(r.duplication.groups[0].tokens, 60);
  EXPECT_EQ(r.duplication.groups[0].locations[0].path, "f");
  EXPECT_EQ(r.duplicated_lines[0], 24);

  // One token repeated: the file is not a copy of itself shifted by one.
  TokenSequence same;
  for (uint32_t i = 0; i < 500; ++i) same.add(42, i / 10 + 1, i / 10 + 1);
  CloneResult s = detect_clones({{"s", &same, 50}}, CloneOptions{});
  for (const CloneGroup& g : s.duplication.groups)
    for (size_t k = 1; k < g.locations.size(); ++k)
      EXPECT_GT(g.locations[k].start_line, g.locations[k - 1].end_line) << "overlapping copies";
}

TEST(Clones, NoCopiesNoGroups) {
  const TokenSequence a = sequence(1000, 200), b = sequence(2000, 200);
  CloneResult r = detect_clones({{"a", &a, 40}, {"b", &b, 40}, {"empty", nullptr, 0}}, CloneOptions{});
  EXPECT_TRUE(r.duplication.groups.empty());
  EXPECT_EQ(r.duplication.duplicated_lines, 0);
  EXPECT_EQ(r.duplication.duplicated_percent, 0);
  EXPECT_EQ(r.duplication.code_lines, 80);
}

TEST(Clones, LargeInputStaysFast) {
  // Two 200 000-token files sharing a 1000-token block: one lookup per token, not pairwise.
  TokenSequence a = sequence(1, 200000), b = sequence(1'000'000, 199000);
  append(b, a, 5000, 1000);
  CloneResult r = detect_clones({{"a", &a, 40000}, {"b", &b, 40000}}, CloneOptions{});
  ASSERT_EQ(r.duplication.groups.size(), 1u);
  EXPECT_EQ(r.duplication.groups[0].tokens, 1000);
}

TEST(Clones, DataLockAndTranslationFilesAreLeftOut) {
  const LanguageInfo* python = find_language("python");
  const LanguageInfo* json = find_language("json");
  const LanguageInfo* php = find_language("php");
  ASSERT_TRUE(python && json && php);
  EXPECT_TRUE(counts_for_duplication("src/app.py", *python));
  EXPECT_FALSE(counts_for_duplication("package.json", *json));
  EXPECT_FALSE(counts_for_duplication("composer.lock", *php));
  EXPECT_FALSE(counts_for_duplication("poetry.lock", *python));
  EXPECT_FALSE(counts_for_duplication("resources/lang/da/messages.php", *php));
  EXPECT_FALSE(counts_for_duplication("app/locales/en.py", *python));
  EXPECT_FALSE(counts_for_duplication("i18n/strings.py", *python));
  EXPECT_FALSE(counts_for_duplication("lang/en_GB.php", *php));
  // `lang/` is also a name for language support code: only locale-named entries are catalogues.
  EXPECT_TRUE(counts_for_duplication("analyzer/lang/walker.py", *python));
  EXPECT_TRUE(counts_for_duplication("src/lang/parser/core.php", *php));
  EXPECT_TRUE(counts_for_duplication("src/language.py", *python));
}

}  // namespace
}  // namespace rh
