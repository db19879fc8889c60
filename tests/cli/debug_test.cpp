// `repohealth debug metrics FILE` and `repohealth debug ast FILE`, end to end on the binary.
#include <gtest/gtest.h>

#include "support/test_support.h"

namespace rh {
namespace {

std::string fixture(const std::string& rel) { return test::source_dir() + "/tests/lang/fixtures/" + rel; }

TEST(DebugCommand, MetricsPrintsThePerFunctionTable) {
  auto r = test::run_repohealth("debug metrics " + test::sh_quote(fixture("python/nested.py")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("(python): lines 22 = code 14 + comment 2 + blank 6"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("maintainability index"), std::string::npos) << r.out;
  // start end params nloc ccn cog nest tokens volume name
  // outer's cognitive 4: its conditional expression +1 and inner's 3 (a nested function's
  // increments count for the function it is written in too).
  EXPECT_NE(r.out.find("     4     14      2     3    2    4     0     24"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("outer.inner"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3 functions"), std::string::npos) << r.out;
}

TEST(DebugCommand, MetricsExplainsCognitiveIncrements) {
  auto r = test::run_repohealth("debug metrics --explain " + test::sh_quote(fixture("java/SonarExamples.java")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("increment by increment"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("+3  structure (if_statement), nesting 2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("+1  jump (continue_statement)"), std::string::npos) << r.out;
}

TEST(DebugCommand, MetricsExplainsANestedFunctionsShare) {
  auto r = test::run_repohealth("debug metrics --explain " + test::sh_quote(fixture("python/nested.py")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("line     8  +3  nested function outer.inner"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("sums: nloc 12, cyclomatic 8, cognitive 7"), std::string::npos) << r.out;  // inner's 3 once
}

TEST(DebugCommand, MetricsForCppUsesLibclang) {
  auto r = test::run_repohealth("debug metrics " + test::sh_quote(fixture("cpp/widget.cpp")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ui::Widget::layout"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("note: parsed without its includes"), std::string::npos) << r.out;
}

TEST(DebugCommand, AstShowsTheTreeWithRoles) {
  auto r = test::run_repohealth("debug ast " + test::sh_quote(fixture("python/nested.py")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("function_definition [4:1-14:40] {function}"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("name: identifier [4:5-4:10] {parameter identifier} 'outer'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"if\""), std::string::npos) << r.out;
  auto named = test::run_repohealth("debug ast --named " + test::sh_quote(fixture("python/nested.py")));
  ASSERT_EQ(named.exit_code, 0);
  EXPECT_EQ(named.out.find("\"if\""), std::string::npos);
}

TEST(DebugCommand, AstForCppIsLibclangsCursorTree) {
  auto r = test::run_repohealth("debug ast " + test::sh_quote(fixture("cpp/shapes.hpp")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Namespace 'geo' [7-53]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  CXXMethod 'isPolygon' [23-23]"), std::string::npos) << r.out;
}

TEST(DebugCommand, UsageErrors) {
  EXPECT_EQ(test::run_repohealth("debug").exit_code, 2);
  EXPECT_EQ(test::run_repohealth("debug metrics /nonexistent/file.py").exit_code, 2);
  test::TempDir dir;
  test::write_file(dir.path(), "notes.unknownext", "hello\n");
  auto unknown = test::run_repohealth("debug metrics " + test::sh_quote((dir.path() / "notes.unknownext").string()));
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("--language"), std::string::npos) << unknown.err;
  auto forced = test::run_repohealth("debug metrics --language python " +
                                     test::sh_quote((dir.path() / "notes.unknownext").string()));
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  auto markdown = test::run_repohealth("debug ast --language markdown " +
                                       test::sh_quote((dir.path() / "notes.unknownext").string()));
  EXPECT_EQ(markdown.exit_code, 2);
}

TEST(DebugCommand, QueryShowsWhatThePerFileBudgetCut) {
  // A command of 300 arguments holds more partial matches of rm-rf-variable at once than the
  // match limit: the match is still found, and the cut is said.
  test::TempDir dir;
  std::string content = "#!/bin/bash\nrm -rf";
  for (int i = 0; i < 300; ++i) content += " \"$dir/f" + std::to_string(i) + "\"";
  test::write_file(dir.path(), "long.sh", content + "\n");
  auto r = test::run_repohealth("debug query bash.security.rm-rf-variable " +
                                test::sh_quote((dir.path() / "long.sh").string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\n1 match\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("note: syntax rules kept at most 64 partial matches at once"), std::string::npos) << r.out;
}

TEST(DebugCommand, AstShowsTheTreeOfAMostlyErrorParse) {
  // The scan measures nothing of such a file; its tree is what a reader wants to see.
  test::TempDir dir;
  std::string tcl = "#!/bin/bash\n";
  for (int i = 0; i < 20; ++i) tcl += "proc p" + std::to_string(i) + " {a b} {\n    if {$a} { return [list $b {}] }\n}\n";
  test::write_file(dir.path(), "tcl.sh", tcl);
  auto r = test::run_repohealth("debug ast " + test::sh_quote((dir.path() / "tcl.sh").string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ERROR ["), std::string::npos) << r.out.substr(0, 400);
  EXPECT_NE(r.err.find("mostly syntax errors as Shell"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace rh
