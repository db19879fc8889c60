#include "core/glob.h"

#include <gtest/gtest.h>

namespace rh {

TEST(Glob, BaseNamePatternMatchesInAnyFolder) {
  EXPECT_TRUE(glob_match("*.min.js", "a/b/jquery.min.js"));
  EXPECT_TRUE(glob_match("*.min.js", "x.min.js"));
  EXPECT_FALSE(glob_match("*.min.js", "a/b/jquery.js"));
}

TEST(Glob, StarStaysInOneSegment) {
  EXPECT_TRUE(glob_match("src/*.py", "src/a.py"));
  EXPECT_FALSE(glob_match("src/*.py", "src/sub/a.py"));
}

TEST(Glob, DoubleStarSpansFolders) {
  EXPECT_TRUE(glob_match("docs/**", "docs/a/b/c.md"));
  EXPECT_TRUE(glob_match("**/test_*.py", "test_a.py"));
  EXPECT_TRUE(glob_match("**/test_*.py", "pkg/tests/test_a.py"));
  EXPECT_TRUE(glob_match("a/**/b", "a/b"));
  EXPECT_TRUE(glob_match("a/**/b", "a/x/y/b"));
  EXPECT_FALSE(glob_match("a/**/b", "a/x/y/c"));
  EXPECT_TRUE(glob_match("**/vendor/", "web/vendor/x/y.php"));
}

TEST(Glob, FolderPatternMatchesEverythingBelow) {
  EXPECT_TRUE(glob_match("vendor/", "vendor/lib/a.php"));
  EXPECT_FALSE(glob_match("vendor/", "src/vendor.php"));
  EXPECT_TRUE(glob_match("/vendor/", "vendor/a"));
}

TEST(Glob, ClassesAndEscapes) {
  EXPECT_TRUE(glob_match("file[0-9].txt", "file7.txt"));
  EXPECT_FALSE(glob_match("file[!0-9].txt", "file7.txt"));
  EXPECT_TRUE(glob_match("a\\*b", "a*b"));
  EXPECT_FALSE(glob_match("a\\*b", "axb"));
  EXPECT_TRUE(glob_match("?.c", "x.c"));
  EXPECT_FALSE(glob_match("", "x"));
}

}  // namespace rh
