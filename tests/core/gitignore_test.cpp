#include "core/gitignore.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace rh {
namespace {

TEST(Wildmatch, LiteralsAndStars) {
  EXPECT_TRUE(wildmatch("foo", "foo"));
  EXPECT_FALSE(wildmatch("bar", "foo"));
  EXPECT_TRUE(wildmatch("f*", "foo"));
  EXPECT_FALSE(wildmatch("*f", "foo"));
  EXPECT_TRUE(wildmatch("*foo*", "foo"));
  EXPECT_TRUE(wildmatch("*ob*a*r*", "foobar"));
  EXPECT_TRUE(wildmatch("*ab", "aaaaaaabababab"));
  EXPECT_TRUE(wildmatch("???", "foo"));
  EXPECT_FALSE(wildmatch("??", "foo"));
  EXPECT_TRUE(wildmatch("-*-*-*-*-*-*-12-*-*-*-m-*-*-*",
                        "-adobe-courier-bold-o-normal--12-120-75-75-m-70-iso8859-1"));
}

TEST(Wildmatch, Escapes) {
  EXPECT_TRUE(wildmatch("foo\\*", "foo*"));
  EXPECT_FALSE(wildmatch("foo\\*bar", "foobar"));
  EXPECT_TRUE(wildmatch("f\\\\oo", "f\\oo"));
  EXPECT_TRUE(wildmatch("\\#x", "#x"));
  EXPECT_FALSE(wildmatch("foo\\", "foo\\"));  // a trailing backslash matches nothing
}

TEST(Wildmatch, BracketExpressions) {
  EXPECT_TRUE(wildmatch("*[al]?", "ball"));
  EXPECT_FALSE(wildmatch("[ten]", "ten"));
  EXPECT_TRUE(wildmatch("**[!te]", "ten"));
  EXPECT_FALSE(wildmatch("**[!ten]", "ten"));
  EXPECT_TRUE(wildmatch("t[a-g]n", "ten"));
  EXPECT_FALSE(wildmatch("t[!a-g]n", "ten"));
  EXPECT_TRUE(wildmatch("t[!a-g]n", "ton"));
  EXPECT_TRUE(wildmatch("t[^a-g]n", "ton"));
  EXPECT_TRUE(wildmatch("a[]]b", "a]b"));
  EXPECT_TRUE(wildmatch("a[]-]b", "a-b"));
  EXPECT_TRUE(wildmatch("a[]-]b", "a]b"));
  EXPECT_FALSE(wildmatch("a[]-]b", "aab"));
  EXPECT_TRUE(wildmatch("a[]a-]b", "aab"));
  EXPECT_TRUE(wildmatch("]", "]"));
  EXPECT_TRUE(wildmatch("[[:alpha:]][[:digit:]]", "a1"));
  EXPECT_FALSE(wildmatch("[[:digit:]]", "a"));
  EXPECT_TRUE(wildmatch("[[:digit:][:upper:]]", "A"));
  EXPECT_TRUE(wildmatch("[\\]]", "]"));
  EXPECT_FALSE(wildmatch("[abc", "a"));  // not terminated
  EXPECT_FALSE(wildmatch("a[/]b", "a/b"));
}

TEST(Wildmatch, SlashesAndDoubleStars) {
  EXPECT_FALSE(wildmatch("foo*bar", "foo/baz/bar"));
  EXPECT_FALSE(wildmatch("foo?bar", "foo/bar"));
  EXPECT_FALSE(wildmatch("foo**bar", "foo/baz/bar"));
  EXPECT_TRUE(wildmatch("foo/**/bar", "foo/bar"));
  EXPECT_TRUE(wildmatch("foo/**/bar", "foo/baz/bar"));
  EXPECT_TRUE(wildmatch("foo/**/bar", "foo/b/a/z/bar"));
  EXPECT_TRUE(wildmatch("**/foo", "foo"));
  EXPECT_TRUE(wildmatch("**/foo", "a/b/foo"));
  EXPECT_FALSE(wildmatch("**/foo", "a/b/foox"));
  EXPECT_TRUE(wildmatch("foo/**", "foo/a/b"));
  EXPECT_FALSE(wildmatch("foo/**", "foo"));
  EXPECT_TRUE(wildmatch("*/foo", "bar/foo"));
  EXPECT_FALSE(wildmatch("*/foo", "a/bar/foo"));
  EXPECT_TRUE(wildmatch("**/*a*b*g*n*t", "abcd/abcdefg/abcdefghijk/abcdefghijklmnop.txt"));
  EXPECT_FALSE(wildmatch("**/*a*b*g*n*t", "abcd/abcdefg/abcdefghijk/abcdefghijklmnop.txtz"));
  EXPECT_TRUE(wildmatch("**", "a/b/c"));
}

TEST(Wildmatch, HostilePatternsFinishQuickly) {
  std::string text(300, 'a');
  std::string pattern;
  for (int i = 0; i < 30; ++i) pattern += "*a";
  pattern += "*b";
  auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(wildmatch(pattern, text));
  EXPECT_FALSE(wildmatch("**/" + pattern, text + "/" + text));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

TEST(ParseGitignore, CommentsBlankLinesAndFlags) {
  auto patterns = parse_gitignore(
      "\xEF\xBB\xBF# comment\n\n   \n*.log\r\n!keep.log\nbuild/\n/root_only\ndoc/*.txt\n"
      "\\#literal\n\\!bang\ntrailing   \nescaped\\ \n/\n!\n");
  ASSERT_EQ(patterns.size(), 9u);
  EXPECT_EQ(patterns[0].glob, "*.log");
  EXPECT_FALSE(patterns[0].negated);
  EXPECT_FALSE(patterns[0].anchored);
  EXPECT_EQ(patterns[1].glob, "keep.log");
  EXPECT_TRUE(patterns[1].negated);
  EXPECT_EQ(patterns[2].glob, "build");
  EXPECT_TRUE(patterns[2].dir_only);
  EXPECT_FALSE(patterns[2].anchored);
  EXPECT_EQ(patterns[3].glob, "root_only");
  EXPECT_TRUE(patterns[3].anchored);
  EXPECT_TRUE(patterns[4].anchored);
  EXPECT_EQ(patterns[5].glob, "\\#literal");
  EXPECT_FALSE(patterns[5].negated);
  EXPECT_EQ(patterns[6].glob, "\\!bang");
  EXPECT_FALSE(patterns[6].negated);
  EXPECT_EQ(patterns[7].glob, "trailing");
  EXPECT_EQ(patterns[8].glob, "escaped\\ ");
  EXPECT_TRUE(wildmatch(patterns[5].glob, "#literal"));
  EXPECT_TRUE(wildmatch(patterns[6].glob, "!bang"));
  EXPECT_TRUE(wildmatch(patterns[8].glob, "escaped "));
}

TEST(MatchIgnore, LastMatchWinsAndDirOnly) {
  auto patterns = parse_gitignore("*.log\n!keep.log\nbuild/\n/top\ndoc/*.txt\n");
  EXPECT_EQ(match_ignore(patterns, "a.log", false), IgnoreVerdict::ignored);
  EXPECT_EQ(match_ignore(patterns, "x/y/a.log", false), IgnoreVerdict::ignored);
  EXPECT_EQ(match_ignore(patterns, "x/keep.log", false), IgnoreVerdict::included);
  EXPECT_EQ(match_ignore(patterns, "build", true), IgnoreVerdict::ignored);
  EXPECT_EQ(match_ignore(patterns, "src/build", true), IgnoreVerdict::ignored);
  EXPECT_EQ(match_ignore(patterns, "build", false), IgnoreVerdict::none);
  EXPECT_EQ(match_ignore(patterns, "top", false), IgnoreVerdict::ignored);
  EXPECT_EQ(match_ignore(patterns, "a/top", false), IgnoreVerdict::none);
  EXPECT_EQ(match_ignore(patterns, "doc/a.txt", false), IgnoreVerdict::ignored);
  EXPECT_EQ(match_ignore(patterns, "doc/x/a.txt", false), IgnoreVerdict::none);
  EXPECT_EQ(match_ignore(patterns, "src/doc/a.txt", false), IgnoreVerdict::none);
  EXPECT_EQ(match_ignore(patterns, "main.c", false), IgnoreVerdict::none);
}

TEST(MatchIgnore, DoubleStarForms) {
  auto patterns = parse_gitignore("**/logs\nout/**\na/**/z\n");
  EXPECT_EQ(match_ignore(patterns, "logs", true), IgnoreVerdict::ignored);
  EXPECT_EQ(match_ignore(patterns, "x/y/logs", true), IgnoreVerdict::ignored);
  EXPECT_EQ(match_ignore(patterns, "out/f.txt", false), IgnoreVerdict::ignored);
  EXPECT_EQ(match_ignore(patterns, "out", true), IgnoreVerdict::none);
  EXPECT_EQ(match_ignore(patterns, "a/z", false), IgnoreVerdict::ignored);
  EXPECT_EQ(match_ignore(patterns, "a/b/c/z", false), IgnoreVerdict::ignored);
  EXPECT_EQ(match_ignore(patterns, "b/a/z", false), IgnoreVerdict::none);
  auto reinclude = parse_gitignore("logs/**\n!logs/keep.txt\n");
  EXPECT_EQ(match_ignore(reinclude, "logs", true), IgnoreVerdict::none);
  EXPECT_EQ(match_ignore(reinclude, "logs/a.txt", false), IgnoreVerdict::ignored);
  EXPECT_EQ(match_ignore(reinclude, "logs/keep.txt", false), IgnoreVerdict::included);
}

TEST(IgnoreStack, NestedFilesTakePrecedenceAndApplyBelowTheirFolder) {
  IgnoreStack stack;
  stack.push("", parse_gitignore("*.tmp\n/generated\n"));
  stack.push("sub", parse_gitignore("!important.tmp\n/only_here\n"));
  EXPECT_TRUE(stack.is_ignored("a.tmp", false));
  EXPECT_TRUE(stack.is_ignored("important.tmp", false));
  EXPECT_FALSE(stack.is_ignored("sub/important.tmp", false));
  EXPECT_TRUE(stack.is_ignored("sub/other.tmp", false));
  EXPECT_TRUE(stack.is_ignored("sub/only_here", false));
  EXPECT_FALSE(stack.is_ignored("sub/x/only_here", false));
  EXPECT_FALSE(stack.is_ignored("subway/only_here", false));
  EXPECT_TRUE(stack.is_ignored("generated", true));
  EXPECT_FALSE(stack.is_ignored("sub/generated", true));
  stack.pop();
  EXPECT_TRUE(stack.is_ignored("sub/important.tmp", false));
  stack.pop();
  EXPECT_TRUE(stack.empty());
  EXPECT_FALSE(stack.is_ignored("a.tmp", false));
}

}  // namespace
}  // namespace rh
