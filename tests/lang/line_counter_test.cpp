// Lexical line counting from comment syntax data, for several languages and awkward bytes.
#include "lang/line_counter.h"

#include <gtest/gtest.h>

#include <string>

namespace rh {
namespace {

LineCounts count(std::string_view language, std::string_view content) {
  const LanguageInfo* l = find_language(language);
  EXPECT_NE(l, nullptr) << language;
  return l ? count_lines(content, l->comments) : LineCounts{};
}

LineCounts lc(int64_t total, int64_t code, int64_t comment, int64_t blank) {
  return LineCounts{total, code, comment, blank};
}

TEST(LineCounter, Python) {
  const char* src =
      "# comment\n"                // comment
      "x = \"# not a comment\"\n"  // code
      "s = \"\"\"\n"               // code
      "# inside a string\n"        // code: in a triple-quoted string
      "\"\"\"\n"                   // code
      "\n"                         // blank
      "def f():  # trailing\n"     // code
      "    pass\n";                // code
  EXPECT_EQ(count("python", src), lc(8, 6, 1, 1));
  EXPECT_EQ(count("python", "y = '#' + \"'\"  # c\n# c2\n"), lc(2, 1, 1, 0));
}

TEST(LineCounter, JavaScriptCommentMarkersInStrings) {
  const char* src =
      "const url = \"http://example.org\"; // real comment\n"  // code
      "/* block\n"                                             // comment
      "   still */\n"                                          // comment
      "let a = 1; /* c */\n"                                   // code
      "\n"                                                     // blank
      "// only\n";                                             // comment
  EXPECT_EQ(count("javascript", src), lc(6, 2, 3, 1));
  EXPECT_EQ(count("javascript", "const s = '/* not a comment';\nlet b = 2;\n"), lc(2, 2, 0, 0));
  EXPECT_EQ(count("javascript", "const t = `\n// in a template\n`;\n"), lc(3, 3, 0, 0));
  // A string escaped across the line end continues.
  EXPECT_EQ(count("javascript", "var s = \"abc\\\n// x\";\n"), lc(2, 2, 0, 0));
  // An unterminated plain string ends at the line end.
  EXPECT_EQ(count("javascript", "var s = \"abc\n// x\n"), lc(2, 1, 1, 0));
}

TEST(LineCounter, Css) {
  EXPECT_EQ(count("css", "/* header */\nbody {\n  color: red; /* inline */\n}\n\n"), lc(5, 3, 1, 1));
  EXPECT_EQ(count("css", "a { background: url(\"//cdn/x.png\"); }\n"), lc(1, 1, 0, 0));
}

TEST(LineCounter, Yaml) {
  EXPECT_EQ(count("yaml", "# config\nkey: 'value # not comment'\n\nlist:\n  - a # c\n"), lc(5, 3, 1, 1));
}

TEST(LineCounter, OtherLanguages) {
  EXPECT_EQ(count("markdown", "# Title\n\n<!-- note -->\ntext\n"), lc(4, 2, 1, 1));
  EXPECT_EQ(count("sql", "-- c\nSELECT '--x' FROM t;\n/* a\n b */\n"), lc(4, 1, 3, 0));
  EXPECT_EQ(count("twig", "{# note #}\n<p>{{ x }}</p>\n"), lc(2, 1, 1, 0));
  EXPECT_EQ(count("dockerfile", "# base\nFROM debian:12\n"), lc(2, 1, 1, 0));
  EXPECT_EQ(count("ini", "; c\n# c\n[s]\nk=v\n"), lc(4, 2, 2, 0));
  EXPECT_EQ(count("php", "<?php\n# hash\n// slashes\n$u = 'http://x';\n"), lc(4, 2, 2, 0));
  EXPECT_EQ(count("bash", "#!/bin/sh\necho \"# no\"\n"), lc(2, 1, 1, 0));
  EXPECT_EQ(count("json", "{\"a\": \"//\"}\n"), lc(1, 1, 0, 0));
}

TEST(LineCounter, LineEndsAndEmptyFiles) {
  EXPECT_EQ(count("python", ""), lc(0, 0, 0, 0));
  EXPECT_EQ(count("python", "\n"), lc(1, 0, 0, 1));
  EXPECT_EQ(count("python", "a = 1\nb = 2"), lc(2, 2, 0, 0));  // no trailing newline
  EXPECT_EQ(count("python", "a = 1\r\n\r\n# c\r\n"), lc(3, 1, 1, 1));  // CRLF
  EXPECT_EQ(count("python", "   \t\n\f\n"), lc(2, 0, 0, 2));
  EXPECT_EQ(count("python", "\xEF\xBB\xBFx = 1\n"), lc(1, 1, 0, 0));  // BOM
  EXPECT_EQ(count("javascript", "/*\n\n*/\n"), lc(3, 0, 2, 1));  // blank inside a comment is blank
  EXPECT_EQ(count("javascript", "/* open\nstill"), lc(2, 0, 2, 0));  // unterminated
}

TEST(LineCounter, InvalidUtf8AndNulBytes) {
  EXPECT_EQ(count("python", "\xff\xfe = 1\n# \xc3\n"), lc(2, 1, 1, 0));
  EXPECT_EQ(count("python", std::string("a\0b\n\0\n", 6)), lc(2, 2, 0, 0));
  EXPECT_EQ(count("javascript", std::string("\"\0\n", 3)), lc(1, 1, 0, 0));
  std::string noise;
  for (int i = 0; i < 4096; ++i) noise += static_cast<char>((i * 131) & 0xff);
  LineCounts l = count("python", noise);
  EXPECT_EQ(l.total, l.code + l.comment + l.blank);
}

TEST(LineCounter, WhitespaceOnlyLines) {
  EXPECT_EQ(whitespace_only_lines(""), std::vector<uint8_t>{});
  EXPECT_EQ(whitespace_only_lines("a\n \n\tb"), (std::vector<uint8_t>{0, 1, 0}));
  EXPECT_EQ(whitespace_only_lines("x\n"), std::vector<uint8_t>{0});
}

}  // namespace
}  // namespace rh
