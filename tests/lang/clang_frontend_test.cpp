// The libclang frontend: files whose headers are missing or that have syntax errors still give
// their functions and a notification; nothing is read from disk in single-file mode; a
// compile_commands.json gives a full parse; hostile input is harmless.
#include "lang/clang_frontend.h"

#include <gtest/gtest.h>

#include "core/language.h"
#include "lang/clang_source.h"
#include "support/test_support.h"

namespace rh {
namespace {

struct Analysed {
  FileFacts facts;
  std::vector<Notification> notes;
};

Analysed analyse(const std::string& path, std::string_view content, const char* language = "cpp") {
  Analysed a;
  const LanguageInfo* l = find_language(language);
  EXPECT_NE(l, nullptr);
  if (l) clang_frontend()->analyze(FrontendInput{path, content, l}, a.facts, a.notes);
  return a;
}

std::vector<std::string> names(const FileFacts& f) {
  std::vector<std::string> out;
  for (const auto& fn : f.functions) out.push_back(fn.name);
  return out;
}

TEST(ClangFrontend, MissingHeaderStillYieldsTheFunctionsAndANote) {
  Analysed a = analyse("src/view.cpp",
                       "#include \"does/not/exist.h\"\n"
                       "void View::draw(Canvas& c) const {\n"
                       "  for (auto& item : items_) { if (item.visible()) c.paint(item); }\n"
                       "}\n"
                       "int View::count() const { return static_cast<int>(items_.size()); }\n");
  EXPECT_TRUE(a.facts.parsed);
  EXPECT_EQ(names(a.facts), (std::vector<std::string>{"View::draw", "View::count"}));
  EXPECT_EQ(a.facts.functions[0].params, 1);
  EXPECT_EQ(a.facts.functions[0].cyclomatic, 3);
  EXPECT_EQ(a.facts.functions[0].cognitive, 3);  // for +1, if +2
  EXPECT_EQ(a.facts.parse_errors, 0);
  ASSERT_EQ(a.notes.size(), 1u);
  EXPECT_EQ(a.notes[0].level, "note");
  EXPECT_EQ(a.notes[0].path, "src/view.cpp");
  EXPECT_NE(a.notes[0].message.find("without its includes"), std::string::npos) << a.notes[0].message;
}

TEST(ClangFrontend, SyntaxErrorsGiveAWarningAndTheRecoverableFunctions) {
  Analysed a = analyse("broken.c",
                       "int ok(int a) { return a ? 1 : 0; }\n"
                       "int bad(int b) { int c = b * 2 return c; }\n"
                       "int also_ok(int d) { while (d--) {} return d; }\n",
                       "c");
  EXPECT_TRUE(a.facts.parsed);
  EXPECT_GE(a.facts.parse_errors, 1);
  EXPECT_EQ(names(a.facts), (std::vector<std::string>{"ok", "bad", "also_ok"}));
  ASSERT_EQ(a.notes.size(), 1u);
  EXPECT_EQ(a.notes[0].level, "warning");
  EXPECT_NE(a.notes[0].message.find("syntax error"), std::string::npos) << a.notes[0].message;
  EXPECT_NE(a.notes[0].message.find("line 2"), std::string::npos) << a.notes[0].message;
}

TEST(ClangFrontend, CleanFileHasNoNotes) {
  Analysed a = analyse("ok.c", "static int add(int a, int b) { return a + b; }\n", "c");
  EXPECT_TRUE(a.notes.empty());
  EXPECT_EQ(a.facts.parse_errors, 0);
  ASSERT_EQ(a.facts.functions.size(), 1u);
  EXPECT_EQ(a.facts.functions[0].params, 2);
}

TEST(ClangFrontend, NothingIsReadFromDisk) {
  // A header that exists, named by absolute path, by a path relative to the virtual file and
  // through __has_include: its function must not appear, its macro must not be defined.
  test::TempDir dir;
  test::write_file(dir.path(), "leak.h", "#define LEAKED 1\nint leaked_from_disk(void) { return 1; }\n");
  const std::string abs = (dir.path() / "leak.h").string();
  const std::string content = "#include \"" + abs + "\"\n#  include_next <" + abs + ">\n#import \"" + abs +
                              "\"\nint mine(int a) {\n#if __has_include(\"" + abs + "\") || defined(LEAKED)\n"
                              "  if (a) return 1;\n#endif\n  return 0;\n}\n";
  Analysed a = analyse("main.c", content, "c");
  EXPECT_EQ(names(a.facts), std::vector<std::string>{"mine"});
  ASSERT_EQ(a.facts.functions.size(), 1u);
  // Cognitive complexity reads the branch the preprocessor keeps: the `if` only if LEAKED
  // were defined.
  EXPECT_EQ(a.facts.functions[0].cognitive, 0);
  EXPECT_EQ(a.facts.lines.total, 9);
  EXPECT_EQ(a.facts.lines.code, 9);
}

TEST(ClangFrontend, NeutralisedSourceKeepsEveryOffset) {
  const std::string in = "#include <a.h>\n  # include_next \"b\"\n#/**/import x\n#\\\ninclude y\n%:include <z>\n"
                         "#if __has_include(<q>)\nint x = __has_include_next(\"r\");\n#endif\n#define include 3\n";
  const std::string out = neutralize_includes(in);
  ASSERT_EQ(out.size(), in.size());
  for (size_t i = 0; i < in.size(); ++i)
    if (in[i] == '\n') EXPECT_EQ(out[i], '\n') << "line end moved at " << i;
  EXPECT_EQ(out.find("include <"), std::string::npos) << out;
  EXPECT_EQ(out.find("include_next"), std::string::npos) << out;
  EXPECT_EQ(out.find("import"), std::string::npos) << out;
  EXPECT_EQ(out.find("__has_include"), std::string::npos) << out;
  EXPECT_NE(out.find("#pragma  <a.h>"), std::string::npos) << out;
  EXPECT_NE(out.find("#define include 3"), std::string::npos) << out;  // not a directive of its own
}

TEST(ClangFrontend, PreludeLearnsWhatHeadersWouldDeclare) {
  const std::string text = "void Widget::draw(std::vector<int> v) {}";
  RecoveryPrelude p;
  EXPECT_TRUE(p.learn({{"use of undeclared identifier 'Widget'", 5}, {"use of undeclared identifier 'std'", 18}}, text));
  EXPECT_EQ(p.namespaces, (std::set<std::string>{"Widget", "std"}));
  EXPECT_TRUE(p.learn({{"no member named 'vector' in namespace 'std'", 23}}, text));
  EXPECT_EQ(p.templates, std::set<std::string>{"std::vector"});
  EXPECT_FALSE(p.learn({{"use of undeclared identifier 'Widget'", 5}}, text));  // nothing new
  EXPECT_EQ(p.text(), "namespace Widget {}\nnamespace std {}\nnamespace std { template <class...> struct vector {}; }\n");
}

TEST(ClangFrontend, CompileCommandsGiveAFullParse) {
  test::TempDir dir;
  test::write_file(dir.path(), "include/defs.h",
                   "namespace lib { struct Widget { int w = 0; int width() const; }; }\n");
  test::write_file(dir.path(), "src/w.cpp", "#include \"defs.h\"\nint lib::Widget::width() const { return w > 0 ? w : 0; }\n");
  test::write_file(dir.path(), "src/gone.cpp", "#include \"gone.h\"\nint f() { return 1; }\n");
  test::write_file(dir.path(), "compile_commands.json",
                   "[{\"directory\": \"" + dir.str() + "\", \"file\": \"src/w.cpp\", "
                   "\"command\": \"c++ -std=c++17 -Iinclude -c src/w.cpp -o w.o\"},\n"
                   " {\"directory\": \"" + dir.str() + "\", \"file\": \"src/gone.cpp\", "
                   "\"arguments\": [\"c++\", \"-c\", \"src/gone.cpp\"]}]\n");
  auto commands = CompileCommands::load((dir.path() / "compile_commands.json").string(), dir.str());
  ASSERT_TRUE(commands) << commands.error().message;
  EXPECT_EQ(commands->size(), 2u);
  const CompileCommand* w = commands->find("src/w.cpp");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->flags, (std::vector<std::string>{"-std=c++17", "-I" + (dir.path() / "include").string()}));
  {
    ScopedCompileCommands scope(std::make_shared<const CompileCommands>(std::move(*commands)));
    Analysed a = analyse("src/w.cpp", test::read_file(dir.path() / "src/w.cpp"));
    EXPECT_TRUE(a.notes.empty()) << a.notes[0].message;
    ASSERT_EQ(a.facts.functions.size(), 1u);
    EXPECT_EQ(a.facts.functions[0].name, "lib::Widget::width");
    EXPECT_EQ(a.facts.functions[0].cyclomatic, 2);
    // A header the compile command cannot find: a warning that says so.
    Analysed gone = analyse("src/gone.cpp", test::read_file(dir.path() / "src/gone.cpp"));
    ASSERT_EQ(gone.notes.size(), 1u);
    EXPECT_EQ(gone.notes[0].level, "warning");
    EXPECT_NE(gone.notes[0].message.find("'gone.h' file not found"), std::string::npos) << gone.notes[0].message;
    EXPECT_EQ(names(gone.facts), std::vector<std::string>{"f"});
  }
  // Outside the scope: single-file mode again.
  Analysed single = analyse("src/w.cpp", test::read_file(dir.path() / "src/w.cpp"));
  ASSERT_EQ(single.notes.size(), 1u);
  EXPECT_EQ(single.notes[0].level, "note");
}

TEST(ClangFrontend, CompileCommandErrorsNameTheFile) {
  auto bad = CompileCommands::parse("{", "cc.json", "/tmp");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("cc.json"), std::string::npos);
  auto missing = CompileCommands::parse("[{\"file\": \"a.c\"}]", "cc.json", "/tmp");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("entry 0"), std::string::npos);
  EXPECT_EQ(split_command_line("cc -DX=\"a b\" 'c d' e\\ f"), (std::vector<std::string>{"cc", "-DX=a b", "c d", "e f"}));
}

TEST(ClangFrontend, AMacroAtFileScopeDoesNotSwallowTheNextFunction) {
  // Unexpanded, `DEFINE_PATH(cfg, CONFIG_FILE)` reads as an old-style definition whose
  // parameter declarations are the next function's head; real old-style definitions stay.
  Analysed a = analyse("paths.c",
                       "DEFINE_PATH(cfg, CONFIG_FILE)\n\n"
                       "int *lookup(struct table *t, int key)\n{\n\treturn key ? t->slots : 0;\n}\n"
                       "int old_style(a, b)\nint a;\nchar *b;\n{\n\treturn a && b;\n}\n",
                       "c");
  EXPECT_EQ(names(a.facts), (std::vector<std::string>{"lookup", "old_style"}));
  ASSERT_EQ(a.facts.functions.size(), 2u);
  EXPECT_EQ(a.facts.functions[0].start_line, 3);
  EXPECT_EQ(a.facts.functions[0].params, 2);
  EXPECT_EQ(a.facts.functions[0].cyclomatic, 2);
  EXPECT_EQ(a.facts.functions[1].cyclomatic, 2);
}

TEST(ClangFrontend, RecoveredDefinitionsAreNamedByNestedNamespaces) {
  // Registry is unknown: libclang loses the definition, the tokens give it back.
  Analysed a = analyse("reg.cpp",
                       "namespace app::store {\nvoid Registry::add(Item&& item) noexcept : n_(0) {\n"
                       "  if (item.ok()) items_.push_back(item);\n}\n}\n");
  ASSERT_EQ(a.facts.functions.size(), 1u);
  EXPECT_EQ(a.facts.functions[0].name, "app::store::Registry::add");
  EXPECT_EQ(a.facts.functions[0].cyclomatic, 2);
}

TEST(ClangFrontend, ALocalStructDeclaredWithAVariableGivesItsMethodOnce) {
  Analysed a = analyse("guard.cpp",
                       "void walk(Tree* t) {\n  struct Guard {\n    Tree* c;\n    ~Guard() { release(c); }\n"
                       "  } guard{t};\n  visit(t);\n}\n");
  EXPECT_EQ(names(a.facts), (std::vector<std::string>{"walk", "walk::Guard::~Guard"}));
}

TEST(ClangFrontend, HostileInputIsHarmless) {
  auto nested = [](int depth) {
    std::string s = "int f(int x) {\n";
    for (int i = 0; i < depth; ++i) s += "if (x) {\n";
    for (int i = 0; i < depth; ++i) s += "}\n";
    return s + "return x; }\n";
  };
  Analysed d = analyse("deep.cpp", nested(200));
  ASSERT_EQ(d.facts.functions.size(), 1u);
  EXPECT_EQ(d.facts.functions[0].cyclomatic, 201);
  EXPECT_EQ(d.facts.functions[0].cognitive, 200 + 199 * 200 / 2);  // the if at nesting k adds 1 + k
  EXPECT_EQ(d.facts.functions[0].max_nesting, 200);
  // Deeper than libclang's bracket limit (256): no crash, the function is still there.
  Analysed deeper = analyse("deeper.cpp", nested(20000));
  EXPECT_TRUE(deeper.facts.parsed);
  EXPECT_FALSE(deeper.facts.functions.empty());

  const char bytes[] = "int g() { return '\xff\xfe'; }\n\0\0\x01 garbage \x80 {{{ ))) \"\n";
  Analysed b = analyse("bytes.cpp", std::string(bytes, sizeof bytes - 1));
  EXPECT_EQ(b.facts.lines.total, 2);
  Analysed e = analyse("empty.cpp", "");
  EXPECT_TRUE(e.facts.functions.empty());
  EXPECT_EQ(e.facts.lines, LineCounts{});
  Analysed unclosed = analyse("open.cpp", "void h() {\n  if (1) {\n");
  EXPECT_EQ(unclosed.facts.lines.total, 2);
}

}  // namespace
}  // namespace rh
