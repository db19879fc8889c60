// End-to-end: libclang is loaded on demand, not linked. When it cannot be loaded (the test-only
// REPOHEALTH_LIBCLANG names a bogus library), C/C++ files get lexical line counts and one
// warning naming the problem; the scan goes on, and such outcomes are not cached.
#include <gtest/gtest.h>

#include "e2e/e2e_support.h"

namespace rh::test {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const char* kC = "int add(int a, int b) {\n  // sum\n  return a + b;\n}\n";
const char* kCpp = "struct W { int f(int x) { if (x) return 1; return 0; } };\n";

void write_sources(const fs::path& root) {
  write_file(root, "a.c", kC);
  write_file(root, "b.cpp", kCpp);
  write_file(root, "p.py", "def f(x):\n    return x\n");
}

/// `repohealth scan` with REPOHEALTH_LIBCLANG set to `library` (and its own cache folder).
ScanRun scan_with_library(const fs::path& target, const fs::path& cache, const std::string& library,
                          const std::string& extra = "") {
  TempDir out;
  ScanRun r;
  r.command = run("XDG_CACHE_HOME=" + sh_quote(cache.string()) + " REPOHEALTH_LIBCLANG=" + sh_quote(library) + " " +
                  sh_quote(repohealth_binary()) + " scan " + sh_quote(target.string()) + " --no-history --out " +
                  sh_quote(out.str()) + " --format json -q " + extra);
  const fs::path facts = out.path() / "facts.json";
  if (fs::exists(facts)) r.facts = json::parse(read_file(facts));
  return r;
}

std::vector<json> notes_containing(const json& facts, const std::string& needle) {
  std::vector<json> out;
  for (const auto& n : facts["notifications"])
    if (n["message"].get<std::string>().find(needle) != std::string::npos) out.push_back(n);
  return out;
}

}  // namespace

TEST(LibclangLoad, MissingLibraryGivesLineCountsAndOneWarning) {
  TempDir dir, cache;
  write_sources(dir.path());
  const std::string bogus = (dir.path() / "no-such-libclang.so").string();
  ScanRun r = scan_with_library(dir.path(), cache.path(), bogus);
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  ASSERT_FALSE(r.facts.is_null());
  for (const char* path : {"a.c", "b.cpp"}) {
    const json* f = find_by_path(r.facts["files"], path);
    ASSERT_NE(f, nullptr) << path;
    EXPECT_FALSE((*f)["parsed"].get<bool>()) << path;
    EXPECT_TRUE((*f)["functions"].empty()) << path;
  }
  const json* c = find_by_path(r.facts["files"], "a.c");
  EXPECT_EQ((*c)["lines"]["code"], 3);
  EXPECT_EQ((*c)["lines"]["comment"], 1);
  const json* py = find_by_path(r.facts["files"], "p.py");
  ASSERT_NE(py, nullptr);
  EXPECT_TRUE((*py)["parsed"].get<bool>());
  EXPECT_NE(find_function(*py, "f"), nullptr);
  const std::vector<json> notes = notes_containing(r.facts, "libclang could not be loaded");
  ASSERT_EQ(notes.size(), 1u) << r.facts["notifications"].dump();
  EXPECT_EQ(notes[0]["level"], "warning");
  const std::string where = notes[0]["path"];
  EXPECT_TRUE(where == "a.c" || where == "b.cpp") << where;
  EXPECT_NE(notes[0]["message"].get<std::string>().find("no-such-libclang.so"), std::string::npos);
  EXPECT_NE(notes[0]["message"].get<std::string>().find("line counts only"), std::string::npos);
}

TEST(LibclangLoad, LibraryWithoutTheFunctionsIsNamedAsSuch) {
  TempDir dir, cache;
  write_file(dir.path(), "a.c", kC);
  ScanRun r = scan_with_library(dir.path(), cache.path(), "libm.so.6");
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  const std::vector<json> notes = notes_containing(r.facts, "lacks clang_");
  ASSERT_EQ(notes.size(), 1u) << r.facts["notifications"].dump();
  EXPECT_EQ(notes[0]["path"], "a.c");
  EXPECT_NE(notes[0]["message"].get<std::string>().find("libm.so.6"), std::string::npos);
  EXPECT_FALSE((*find_by_path(r.facts["files"], "a.c"))["parsed"].get<bool>());
}

TEST(LibclangLoad, LineCountsOnlyOutcomesAreNotCached) {
  TempDir dir, cache;
  write_sources(dir.path());
  ScanRun without = scan_with_library(dir.path(), cache.path(), (dir.path() / "missing.so").string());
  ASSERT_EQ(without.command.exit_code, 0) << without.command.err;
  EXPECT_FALSE((*find_by_path(without.facts["files"], "a.c"))["parsed"].get<bool>());
  // Same cache, libclang found (an empty REPOHEALTH_LIBCLANG means the built-in names): parsed.
  ScanRun with = scan_with_library(dir.path(), cache.path(), "");
  ASSERT_EQ(with.command.exit_code, 0) << with.command.err;
  const json* c = find_by_path(with.facts["files"], "a.c");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE((*c)["parsed"].get<bool>());
  EXPECT_NE(find_function(*c, "add"), nullptr);
  EXPECT_NE(find_function(*find_by_path(with.facts["files"], "b.cpp"), "W::f"), nullptr);
  EXPECT_TRUE(notes_containing(with.facts, "libclang").empty()) << with.facts["notifications"].dump();
}

TEST(LibclangLoad, BinaryDoesNotLinkLibclangOrLlvm) {
  CommandResult r = run("ldd " + sh_quote(repohealth_binary()));
  if (r.exit_code != 0) GTEST_SKIP() << "ldd unavailable: " << r.err;
  EXPECT_EQ(r.out.find("libclang"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("libLLVM"), std::string::npos) << r.out;
}

}  // namespace rh::test
