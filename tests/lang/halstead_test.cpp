// Halstead counts of small functions, counted by hand (operands: identifiers and literals;
// operators: every other token, closing brackets excepted; over the tokens from the name on).
#include <gtest/gtest.h>

#include "core/language.h"
#include "lang/frontend.h"

namespace rh {
namespace {

FileFacts analyse(const char* language, const char* path, std::string_view content) {
  const LanguageInfo* l = find_language(language);
  EXPECT_NE(l, nullptr);
  FileFacts facts;
  std::vector<Notification> notes;
  if (l) frontend_for(*l)->analyze(FrontendInput{path, content, l}, facts, notes);
  return facts;
}

TEST(Halstead, PythonFunction) {
  // area ( w , h ) : return w * h
  // operands: area w h w h -> N2 5, n2 3; operators: ( , : return * -> N1 5, n1 5 (`)` not
  // counted). V = 10 * log2(8) = 30.
  const FileFacts f = analyse("python", "a.py", "def area(w, h):\n    return w * h\n");
  ASSERT_EQ(f.functions.size(), 1u);
  EXPECT_EQ(f.functions[0].halstead, (Halstead{5, 3, 5, 5, 30.0}));
  EXPECT_EQ(f.functions[0].tokens, 11);
  // The file adds `def`: n1 6, N1 6; V = 11 * log2(9) = 34.87.
  EXPECT_EQ(f.halstead, (Halstead{6, 3, 6, 5, 34.87}));
  EXPECT_EQ(f.tokens, 12);
}

TEST(Halstead, JavaScriptArrow) {
  // ( a ) => a ? 1 : "x": operands a a 1 "x" -> N2 4, n2 3; operators ( => ? : -> N1 4, n1 4.
  // V = 8 * log2(7) = 22.46.
  const FileFacts f = analyse("javascript", "a.js", "const f = (a) => a ? 1 : \"x\";\n");
  ASSERT_EQ(f.functions.size(), 1u);
  EXPECT_EQ(f.functions[0].name, "f");
  EXPECT_EQ(f.functions[0].halstead, (Halstead{4, 3, 4, 4, 22.46}));
}

TEST(Halstead, CppFunction) {
  // twice ( int v ) { return v + v ; }: operands twice v v v -> N2 4, n2 2; operators
  // ( int { return + ; -> N1 6, n1 6. V = 10 * log2(8) = 30.
  const FileFacts f = analyse("cpp", "a.cpp", "int twice(int v) { return v + v; }\n");
  ASSERT_EQ(f.functions.size(), 1u);
  EXPECT_EQ(f.functions[0].halstead, (Halstead{6, 2, 6, 4, 30.0}));
}

TEST(Halstead, EmptyFunctionHasNoVolume) {
  const FileFacts f = analyse("python", "a.py", "def f():\n    pass\n");
  ASSERT_EQ(f.functions.size(), 1u);
  EXPECT_GT(f.functions[0].halstead.operators, 0);
  EXPECT_EQ(analyse("python", "b.py", "").halstead, Halstead{});
}

}  // namespace
}  // namespace rh
