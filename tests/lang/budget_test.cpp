// The per-file budget of the tree-sitter frontend on generated pathological files: a parse that
// is mostly syntax errors keeps its line counts and gets one notification naming it; deep
// nesting is measured without running out of anything. Timings are never asserted.
#include <gtest/gtest.h>

#include <string>

#include "core/language.h"
#include "lang/error_density.h"
#include "lang/frontend.h"
#include "lang/grammars.h"
#include "lang/line_counter.h"
#include "lang/syntax_spec.h"
#include "lang/treesitter_frontend.h"

namespace rh {
namespace {

struct Analysis {
  FileFacts facts;
  std::vector<Notification> notes;
  FileSyntax syntax;
  TokenSequence tokens;
};

Analysis analyze(const std::string& language_id, const std::string& path, const std::string& content) {
  const LanguageInfo* language = find_language(language_id);
  EXPECT_NE(language, nullptr);
  Analysis a;
  a.facts.path = path;
  Frontend* frontend = language ? frontend_for(*language) : nullptr;
  EXPECT_NE(frontend, nullptr);
  if (frontend) frontend->analyze(FrontendInput{path, content, language}, a.facts, a.notes, &a.syntax, &a.tokens);
  return a;
}

/// Tcl procedures (generated): what a Tcl program looks like to a Bash grammar.
std::string tcl_like(int procedures) {
  std::string out = "#!/bin/sh\n";
  for (int i = 0; i < procedures; ++i) {
    const std::string n = std::to_string(i);
    out += "proc draw_row_" + n + " {row col} {\n"
           "    global canv linespc rowlist\n"
           "    set x [expr {$col * $linespc + " + n + "}]\n"
           "    if {$row >= [llength $rowlist]} {\n"
           "        return [list $x {}]\n"
           "    } elseif {[info exists idrowranges($row)]} {\n"
           "        set ranges [lsort -integer $idrowranges($row)]\n"
           "    }\n"
           "    foreach {a b} $ranges {\n"
           "        lappend coords [expr {$a + $x}] $b\n"
           "    }\n"
           "    return $coords\n"
           "}\n\n";
  }
  return out;
}

TEST(ErrorDensity, ACleanTreeHasNone) {
  const std::string content = "f() {\n  echo hi\n}\n\nf\n";
  Analysis a = analyze("bash", "ok.sh", content);
  ASSERT_TRUE(a.facts.parsed);
  EXPECT_EQ(a.facts.parse_errors, 0);
  ASSERT_NE(a.syntax.tree, nullptr);
  const ErrorDensity d = measure_error_density(ts_tree_root_node(a.syntax.tree), content,
                                               treesitter_frontend_for(*find_language("bash"))->syntax());
  EXPECT_EQ(d.errors, 0);
  EXPECT_EQ(d.error_lines, 0);
  EXPECT_FALSE(mostly_errors(d));
}

TEST(ErrorDensity, CountsTheNonBlankLinesInsideErrors) {
  // One broken statement among ten good ones: an error, not mostly errors; the walker's count
  // of syntax errors and the density's agree.
  std::string content = "def f(x):\n    return x\n\n";
  for (int i = 0; i < 10; ++i) content += "y" + std::to_string(i) + " = " + std::to_string(i) + "\n";
  content += "z = (1 +\n";
  Analysis a = analyze("python", "some.py", content);
  ASSERT_TRUE(a.facts.parsed);
  ASSERT_GT(a.facts.parse_errors, 0);
  const auto* frontend = treesitter_frontend_for(*find_language("python"));
  const ErrorDensity d = measure_error_density(ts_tree_root_node(a.syntax.tree), content, frontend->syntax());
  EXPECT_EQ(d.errors, a.facts.parse_errors);
  EXPECT_EQ(d.nonblank_lines, 13);
  EXPECT_GE(d.error_lines, 1);
  EXPECT_LT(d.error_lines, 13);
  EXPECT_FALSE(mostly_errors(d));
  ASSERT_EQ(a.notes.size(), 1u);
  EXPECT_NE(a.notes[0].message.find("metrics for the recoverable parts"), std::string::npos) << a.notes[0].message;
}

TEST(ErrorDensity, MostlyErrorsIsMoreThanHalfTheLines) {
  ErrorDensity d;
  d.nonblank_lines = 10;
  d.error_lines = 5;
  EXPECT_FALSE(mostly_errors(d));
  d.error_lines = 6;
  EXPECT_TRUE(mostly_errors(d));
  EXPECT_EQ(d.percent(), 60);
  EXPECT_FALSE(mostly_errors(ErrorDensity{}));  // an empty file
}

TEST(FileBudget, AMostlyErrorParseKeepsLineCountsAndOneNotification) {
  const std::string content = tcl_like(200);
  Analysis a = analyze("bash", "tools/gitk.sh", content);
  EXPECT_FALSE(a.facts.parsed);
  EXPECT_GT(a.facts.parse_errors, 0);
  EXPECT_TRUE(a.facts.functions.empty()) << "no functions measured from garbage";
  EXPECT_EQ(a.facts.lines, count_lines(content, find_language("bash")->comments));
  EXPECT_EQ(a.facts.lines.total, 1 + 200 * 14);
  EXPECT_EQ(a.facts.tokens, 0);
  EXPECT_TRUE(a.tokens.hashes.empty()) << "takes no part in clone detection";
  EXPECT_EQ(a.syntax.tree, nullptr) << "no tree for syntax rules";
  EXPECT_TRUE(a.syntax.calls.empty());
  ASSERT_EQ(a.notes.size(), 1u);
  EXPECT_EQ(a.notes[0].level, "warning");
  EXPECT_EQ(a.notes[0].path, "tools/gitk.sh");
  EXPECT_NE(a.notes[0].message.find("mostly syntax errors as Shell ("), std::string::npos) << a.notes[0].message;
  EXPECT_NE(a.notes[0].message.find("% of lines); line counts only, no metrics or syntax rules"), std::string::npos)
      << a.notes[0].message;
}

TEST(FileBudget, DeepNestingIsMeasured) {
  // 5 000 nested ifs in one Bash function, and 5 000 nested brackets in a JavaScript one.
  const int depth = 5000;
  std::string ifs = "f() {\n";
  for (int i = 0; i < depth; ++i) ifs += "if [ -n \"$x\" ]; then\n";
  ifs += "echo deep\n";
  for (int i = 0; i < depth; ++i) ifs += "fi\n";
  ifs += "}\n";
  Analysis bash = analyze("bash", "deep.sh", ifs);
  ASSERT_TRUE(bash.facts.parsed);
  EXPECT_EQ(bash.facts.lines.total, 2 * depth + 3);
  if (bash.facts.parse_errors == 0) {
    ASSERT_EQ(bash.facts.functions.size(), 1u);
    EXPECT_EQ(bash.facts.functions[0].cyclomatic, 1 + depth);
    EXPECT_EQ(bash.facts.functions[0].max_nesting, depth);
  }

  const std::string brackets =
      "function g() {\n  return " + std::string(depth, '[') + "1" + std::string(depth, ']') + ";\n}\n";
  Analysis js = analyze("javascript", "deep.js", brackets);
  ASSERT_TRUE(js.facts.parsed);
  EXPECT_EQ(js.facts.parse_errors, 0);
  ASSERT_EQ(js.facts.functions.size(), 1u);
  EXPECT_EQ(js.facts.functions[0].name, "g");
  EXPECT_EQ(js.facts.lines.code, 3);
}

}  // namespace
}  // namespace rh
