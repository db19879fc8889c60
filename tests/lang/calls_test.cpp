// Call sites for the rule engine's `call` kind, from every language's spec (tree-sitter) and
// from libclang's tokens (C, C++): callee as written, arguments with keyword names and whether
// they are literals, and the enclosing function.
#include <gtest/gtest.h>

#include "core/language.h"
#include "lang/frontend.h"

namespace rh {
namespace {

std::vector<CallSite> calls(const char* language, const char* path, std::string_view content) {
  const LanguageInfo* l = find_language(language);
  EXPECT_NE(l, nullptr) << language;
  if (!l) return {};
  FileFacts facts;
  std::vector<Notification> notes;
  FileSyntax syntax;
  Frontend* frontend = frontend_for(*l);
  EXPECT_NE(frontend, nullptr) << language;
  if (frontend) frontend->analyze(FrontendInput{path, content, l}, facts, notes, &syntax);
  return std::move(syntax.calls);
}

const CallSite* find(const std::vector<CallSite>& all, std::string_view callee) {
  for (const CallSite& c : all)
    if (c.callee == callee) return &c;
  std::string found;
  for (const CallSite& c : all) found += " [" + c.callee + "]";
  ADD_FAILURE() << "no call of " << callee << "; found:" << found;
  return nullptr;
}

TEST(Calls, Python) {
  auto all = calls("python", "a.py", "def run(cmd):\n    subprocess.run(cmd, shell=True)\n    print(f\"{cmd}\", 'x')\n");
  const CallSite* c = find(all, "subprocess.run");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->function, "run");
  EXPECT_EQ(c->line, 2);
  EXPECT_EQ(c->column, 5);
  EXPECT_EQ(c->end_line, 2);
  EXPECT_EQ(c->end_column, 36);
  ASSERT_EQ(c->arguments.size(), 2u);
  EXPECT_EQ(c->arguments[0].text, "cmd");
  EXPECT_FALSE(c->arguments[0].literal);
  EXPECT_EQ(c->arguments[1].keyword, "shell");
  EXPECT_EQ(c->arguments[1].text, "True");
  EXPECT_TRUE(c->arguments[1].literal);
  const CallSite* p = find(all, "print");
  ASSERT_NE(p, nullptr);
  EXPECT_FALSE(p->arguments[0].literal);  // an f-string with an interpolation
  EXPECT_TRUE(p->arguments[1].literal);
}

TEST(Calls, JavaScriptTypeScriptTsx) {
  auto js = calls("javascript", "a.js", "function go(dir) { child_process.exec(`ls ${dir}`); eval(\"1\"); new Foo(2); }\n");
  const CallSite* e = find(js, "child_process.exec");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->function, "go");
  EXPECT_FALSE(e->arguments.at(0).literal);
  EXPECT_TRUE(find(js, "eval")->arguments.at(0).literal);
  EXPECT_EQ(find(js, "Foo")->arguments.at(0).text, "2");
  auto ts = calls("typescript", "a.ts", "export async function load(url: string) { return fetch(url, { method: 'POST' }); }\n");
  EXPECT_EQ(find(ts, "fetch")->arguments.size(), 2u);
  auto tsx = calls("tsx", "a.tsx", "const A = () => <b onClick={() => alert('x')} />;\n");
  const CallSite* a = find(tsx, "alert");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->function, "A.(anonymous)");
}

TEST(Calls, Php) {
  auto all = calls("php", "a.php", "<?php\nfunction q($db, $c) { $db->query(\"SELECT 1\"); exec($c); f(name: 'n'); }\n");
  EXPECT_TRUE(find(all, "$db->query")->arguments.at(0).literal);
  EXPECT_FALSE(find(all, "exec")->arguments.at(0).literal);
  const CallSite* f = find(all, "f");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->arguments.at(0).keyword, "name");
  EXPECT_EQ(f->arguments.at(0).text, "'n'");
  EXPECT_EQ(f->function, "q");
}

TEST(Calls, Bash) {
  auto all = calls("bash", "a.sh", "clean() {\n  rm -rf \"$dir\" /tmp/x\n}\n");
  const CallSite* rm = find(all, "rm");
  ASSERT_NE(rm, nullptr);
  EXPECT_EQ(rm->function, "clean");
  ASSERT_EQ(rm->arguments.size(), 3u);
  EXPECT_TRUE(rm->arguments[0].literal);   // -rf
  EXPECT_FALSE(rm->arguments[1].literal);  // "$dir"
}

TEST(Calls, JavaGoRubyRustCsharp) {
  auto java = calls("java", "A.java", "class A { void m(String c) { Runtime.getRuntime().exec(c); new ProcessBuilder(\"ls\"); } }\n");
  EXPECT_EQ(find(java, "Runtime.getRuntime().exec")->function, "A.m");
  EXPECT_TRUE(find(java, "ProcessBuilder")->arguments.at(0).literal);
  auto go = calls("go", "a.go", "package a\nfunc R(c string) { exec.Command(\"sh\", \"-c\", c) }\n");
  const CallSite* g = find(go, "exec.Command");
  ASSERT_NE(g, nullptr);
  ASSERT_EQ(g->arguments.size(), 3u);
  EXPECT_TRUE(g->arguments[0].literal);
  EXPECT_FALSE(g->arguments[2].literal);
  auto ruby = calls("ruby", "a.rb", "def w(path)\n  File.open(path, mode: \"w\")\n  system(\"ls #{path}\")\nend\n");
  EXPECT_EQ(find(ruby, "File.open")->arguments.at(1).keyword, "mode");
  EXPECT_FALSE(find(ruby, "system")->arguments.at(0).literal);
  auto rust = calls("rust", "a.rs", "fn r(x: &str) { Command::new(\"sh\").arg(x); }\n");
  EXPECT_TRUE(find(rust, "Command::new")->arguments.at(0).literal);
  EXPECT_EQ(find(rust, "Command::new")->function, "r");
  auto cs = calls("csharp", "a.cs", "class C { void M(string a) { Process.Start(\"cmd.exe\", a); } }\n");
  const CallSite* s = find(cs, "Process.Start");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->function, "C.M");
  EXPECT_TRUE(s->arguments.at(0).literal);
}

TEST(Calls, CAndCppFromLibclang) {
  // strcpy and system are not declared (no headers): the calls are found all the same.
  auto cpp = calls("cpp", "a.cpp",
                   "namespace n {\nvoid copy(char* buf, Obj& o) {\n  strcpy(buf, \"x\");\n  o.run(1, buf);\n"
                   "  std::system(buf);\n}\n}\n");
  const CallSite* s = find(cpp, "strcpy");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->function, "n::copy");
  EXPECT_EQ(s->line, 3);
  EXPECT_EQ(s->column, 3);
  ASSERT_EQ(s->arguments.size(), 2u);
  EXPECT_FALSE(s->arguments[0].literal);
  EXPECT_TRUE(s->arguments[1].literal);
  EXPECT_EQ(find(cpp, "o.run")->arguments.size(), 2u);
  EXPECT_EQ(find(cpp, "std::system")->arguments.at(0).text, "buf");
  auto c = calls("c", "a.c", "int main(void) { gets(line); return system(\"ls\"); }\n");
  EXPECT_TRUE(find(c, "system")->arguments.at(0).literal);
  EXPECT_EQ(find(c, "gets")->function, "main");
  for (const CallSite& call : cpp) EXPECT_NE(call.callee, "copy") << "a declaration is no call";
}

}  // namespace
}  // namespace rh
