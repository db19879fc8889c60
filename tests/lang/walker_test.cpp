// The generic walker on hostile input, and the frontend's failure paths. The fixtures of every
// language are checked by fixture_test.cpp.
#include <gtest/gtest.h>

#include <string>

#include "core/language.h"
#include "lang/frontend.h"
#include "lang/grammars.h"
#include "lang/line_counter.h"
#include "lang/syntax_spec.h"
#include "lang/treesitter_frontend.h"
#include "support/test_support.h"

namespace rh {
namespace {

const std::string kFixtures = std::string(RH_SOURCE_DIR) + "/tests/lang/fixtures/python/";

struct Analysis {
  FileFacts facts;
  std::vector<Notification> notes;
};

Analysis analyze(const std::string& language_id, const std::string& path, const std::string& content) {
  const LanguageInfo* language = find_language(language_id);
  EXPECT_NE(language, nullptr);
  Analysis a;
  a.facts.path = path;
  Frontend* frontend = language ? frontend_for(*language) : nullptr;
  EXPECT_NE(frontend, nullptr);
  if (frontend) frontend->analyze(FrontendInput{path, content, language}, a.facts, a.notes);
  return a;
}

Analysis analyze_python(const std::string& path, const std::string& content) {
  return analyze("python", path, content);
}

TEST(Walker, SyntaxErrorsAreCountedAndNotified) {
  const std::string content = test::read_file(kFixtures + "errors.py");
  Analysis a = analyze_python("errors.py", content);
  EXPECT_TRUE(a.facts.parsed);
  EXPECT_GT(a.facts.parse_errors, 0);
  EXPECT_GE(a.facts.functions.size(), 2u);
  ASSERT_EQ(a.notes.size(), 1u);
  EXPECT_EQ(a.notes[0].level, "warning");
  EXPECT_EQ(a.notes[0].path, "errors.py");
  EXPECT_NE(a.notes[0].message.find("syntax error"), std::string::npos) << a.notes[0].message;
  EXPECT_NE(a.notes[0].message.find("metrics for the recoverable parts"), std::string::npos);
}

TEST(Walker, CleanFileHasNoNotes) {
  Analysis a = analyze_python("control.py", test::read_file(kFixtures + "control.py"));
  EXPECT_TRUE(a.notes.empty());
  EXPECT_EQ(a.facts.parse_errors, 0);
}

TEST(Walker, DeeplyNestedExpressionDoesNotOverflowTheStack) {
  const int depth = 20000;
  std::string content = "def f(x):\n    return " + std::string(depth, '(') + "x" + std::string(depth, ')') + "\n";
  Analysis a = analyze_python("deep.py", content);
  ASSERT_TRUE(a.facts.parsed);
  ASSERT_EQ(a.facts.functions.size(), 1u);
  EXPECT_EQ(a.facts.functions[0].name, "f");
  EXPECT_EQ(a.facts.functions[0].tokens, 5 + 1 + 2 * depth + 1);  // f ( x ) : return (…x…)
  EXPECT_EQ(a.facts.lines.code, 2);
}

TEST(Walker, DeeplyNestedLambdasStayBounded) {
  // JavaScript arrows are functions of their own: 20 000 nested functions.
  const int depth = 20000;
  std::string content = "f = ";
  for (int i = 0; i < depth; ++i) content += "() => ";
  content += "0;\n";
  Analysis a = analyze("javascript", "arrows.js", content);
  ASSERT_TRUE(a.facts.parsed);
  if (a.facts.parse_errors == 0) {
    ASSERT_EQ(a.facts.functions.size(), static_cast<size_t>(depth));
    // Qualified names keep only their innermost parts.
    EXPECT_LE(a.facts.functions.back().name.size(), 420u);
    EXPECT_TRUE(a.facts.functions.back().name.starts_with("...")) << a.facts.functions.back().name;
  }
}

TEST(Walker, DeeplyNestedInlineLambdasArePartOfTheFunction) {
  // Python lambdas are part of the function they are written in, and no function at module level.
  const int depth = 20000;
  std::string lambdas;
  for (int i = 0; i < depth; ++i) lambdas += "lambda: ";
  Analysis a =
      analyze_python("lambdas.py", "f = " + lambdas + "0\ndef g():\n    return " + lambdas + "1 if x else 0\n");
  ASSERT_TRUE(a.facts.parsed);
  if (a.facts.parse_errors == 0) {
    ASSERT_EQ(a.facts.functions.size(), 1u);
    EXPECT_EQ(a.facts.functions[0].name, "g");
    EXPECT_EQ(a.facts.functions[0].cyclomatic, 2);
    EXPECT_EQ(a.facts.functions[0].cognitive, 1 + depth);  // the `if` at nesting level `depth`
  }
}

TEST(Walker, HostileBytesDoNotCrash) {
  const char bytes[] = "def f():\n    return '\xff\xfe\xc3'\n\0\0\x01 garbage \x80\n";
  const std::string content(bytes, sizeof bytes - 1);
  Analysis a = analyze_python("bytes.py", content);
  EXPECT_TRUE(a.facts.parsed);
  EXPECT_EQ(a.facts.lines.total, 3);
  Analysis empty = analyze_python("empty.py", "");
  EXPECT_TRUE(empty.facts.parsed);
  EXPECT_EQ(empty.facts.lines, LineCounts{});
  EXPECT_TRUE(empty.facts.functions.empty());
}

TEST(Walker, TreeLineCountsAgreeWithTheLexicalCounterWithoutDocstrings) {
  // control.py has no docstring, so both ways of counting must agree.
  const std::string content = test::read_file(kFixtures + "control.py");
  Analysis a = analyze_python("control.py", content);
  EXPECT_EQ(a.facts.lines, count_lines(content, find_language("python")->comments));
}

TEST(Walker, ParseTimeoutGivesLineCountsAndAWarning) {
  const LanguageInfo* python = find_language("python");
  ASSERT_NE(python, nullptr);
  const SyntaxSpec* spec = syntax_spec_for("python");
  ASSERT_NE(spec, nullptr);
  const TSLanguage* grammar = grammar_by_name("python");
  ASSERT_NE(grammar, nullptr);
  TreeSitterFrontend hasty(grammar, compile_syntax(*spec, grammar), /*timeout_micros=*/1);
  std::string content;
  for (int i = 0; i < 50000; ++i) content += "def f" + std::to_string(i) + "(a):\n    return a and a or a\n";
  FileFacts facts;
  std::vector<Notification> notes;
  hasty.analyze(FrontendInput{"big.py", content, python}, facts, notes);
  EXPECT_FALSE(facts.parsed);
  EXPECT_TRUE(facts.functions.empty());
  EXPECT_EQ(facts.lines.total, 100000);
  EXPECT_EQ(facts.lines.code, 100000);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].level, "warning");
  EXPECT_EQ(notes[0].path, "big.py");
  EXPECT_NE(notes[0].message.find("did not finish"), std::string::npos) << notes[0].message;

  // The same thread's parser still works for the next file.
  Analysis next = analyze_python("small.py", "def g():\n    pass\n");
  EXPECT_TRUE(next.facts.parsed);
  ASSERT_EQ(next.facts.functions.size(), 1u);
  EXPECT_EQ(next.facts.functions[0].name, "g");
}

TEST(Walker, FrontendOnlyForLanguagesWithGrammarAndSpec) {
  EXPECT_NE(frontend_for(*find_language("python")), nullptr);
  EXPECT_EQ(frontend_for(*find_language("markdown")), nullptr);
  EXPECT_NE(frontend_for(*find_language("cpp")), nullptr);  // libclang
}

}  // namespace
}  // namespace rh
