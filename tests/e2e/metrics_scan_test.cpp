// End-to-end: code metrics through `repohealth scan` — per-file totals, Halstead, maintainability
// index, duplication across files (data and lock files left out), C/C++ through libclang with
// and without --compile-commands, and `debug metrics` agreeing with facts.json.
#include <gtest/gtest.h>

#include "e2e/e2e_support.h"

namespace rh::test {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

/// A Python function of well over 50 tokens and 6 lines; `name` varies so that only the
/// normalisation of identifiers makes two copies equal.
std::string long_function(const std::string& name) {
  return "def " + name + "(orders, limit):\n"
         "    total = 0\n"
         "    for order in orders:\n"
         "        if order.amount > limit and order.status == 'open':\n"
         "            total += order.amount * 2\n"
         "        elif order.amount < 0:\n"
         "            total -= 1\n"
         "        else:\n"
         "            total += order.amount\n"
         "    result = [x for x in orders if x.amount > 0]\n"
         "    return total, len(result)\n";
}

void commit_all(const fs::path& repo) {
  git(repo, "add -A");
  git(repo, "commit -q -m files");
}

}  // namespace

TEST(MetricsScan, DuplicationAcrossFilesLeavesDataAndLockFilesOut) {
  TempDir dir;
  git(dir.path(), "init -q");
  write_file(dir.path(), "a.py", long_function("first") + "\n\ndef small():\n    return 1\n");
  write_file(dir.path(), "pkg/b.py", "import os\n\n" + long_function("second"));
  std::string data = "{\n";
  for (int i = 0; i < 40; ++i) data += "  \"key" + std::to_string(i) + "\": [1, 2, 3, 4, 5, 6],\n";
  data += "  \"end\": 0\n}\n";
  write_file(dir.path(), "data1.json", data);
  write_file(dir.path(), "data2.json", data);
  commit_all(dir.path());

  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  const json& d = r.facts["duplication"];
  EXPECT_EQ(d["min_tokens"], 50);
  EXPECT_EQ(d["min_lines"], 6);
  EXPECT_EQ(d["files"], 2);  // the JSON files take no part
  ASSERT_EQ(d["groups"].size(), 1u) << d.dump(1);
  const json& g = d["groups"][0];
  ASSERT_EQ(g["locations"].size(), 2u);
  EXPECT_EQ(g["locations"][0]["path"], "a.py");
  EXPECT_EQ(g["locations"][0]["start_line"], 1);
  EXPECT_EQ(g["locations"][0]["end_line"], 11);
  EXPECT_EQ(g["locations"][1]["path"], "pkg/b.py");
  EXPECT_EQ(g["locations"][1]["start_line"], 3);
  EXPECT_EQ(g["locations"][1]["end_line"], 13);
  const json* a = find_by_path(r.facts["files"], "a.py");
  const json* b = find_by_path(r.facts["files"], "pkg/b.py");
  ASSERT_TRUE(a && b);
  EXPECT_EQ((*a)["duplicated_lines"], 11);
  EXPECT_EQ((*b)["duplicated_lines"], 11);
  EXPECT_EQ(d["duplicated_lines"], 22);
  EXPECT_EQ(d["code_lines"], 25);  // a.py 13, pkg/b.py 12
  EXPECT_NEAR(d["duplicated_percent"].get<double>(), 100.0 * 22 / 25, 0.01);

  // Thresholds are options: a clone must now be longer than the function.
  ScanRun strict = scan(dir.str(), "--clone-min-tokens 500");
  ASSERT_EQ(strict.command.exit_code, 0) << strict.command.err;
  EXPECT_TRUE(strict.facts["duplication"]["groups"].empty());
  EXPECT_EQ(strict.facts["duplication"]["duplicated_lines"], 0);
  ScanRun bad = scan(dir.str(), "--clone-min-tokens 3");
  EXPECT_EQ(bad.command.exit_code, 2);
}

TEST(MetricsScan, FileTotalsHalsteadAndMaintainabilityIndex) {
  TempDir dir;
  git(dir.path(), "init -q");
  write_file(dir.path(), "a.py", long_function("first") + "\n\ndef small():\n    return 1\n");
  write_file(dir.path(), "README.md", "# title\n\ntext\n");
  commit_all(dir.path());
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  const json* a = find_by_path(r.facts["files"], "a.py");
  ASSERT_NE(a, nullptr);
  const json& t = (*a)["function_totals"];
  EXPECT_EQ(t["count"], 2);
  // first: 1 + for + if + and + elif + comprehension for + comprehension if = 7; small: 1
  EXPECT_EQ(t["cyclomatic"], 8);
  EXPECT_EQ(t["max_cyclomatic"], 7);
  EXPECT_EQ(t["max_params"], 2);
  EXPECT_EQ(t["nloc"], 13);
  EXPECT_GT((*a)["halstead"]["volume"].get<double>(), 0);
  EXPECT_GT((*a)["tokens"].get<int>(), t["tokens"].get<int>() - 1);
  ASSERT_TRUE((*a)["maintainability_index"].is_number());
  double mi = (*a)["maintainability_index"];
  EXPECT_GT(mi, 0);
  EXPECT_LE(mi, 100);
  // A file of a language without a grammar has line counts only.
  const json* md = find_by_path(r.facts["files"], "README.md");
  ASSERT_NE(md, nullptr);
  EXPECT_EQ((*md)["lines"]["code"], 2);
  EXPECT_TRUE((*md)["maintainability_index"].is_null());
}

TEST(MetricsScan, CppThroughLibclangWithAndWithoutCompileCommands) {
  TempDir dir;
  git(dir.path(), "init -q");
  write_file(dir.path(), "include/limits.h", "#pragma once\n#define LIMIT 3\n");
  write_file(dir.path(), "src/calc.cpp",
             "#include \"limits.h\"\n"
             "#include <missing_header_xyz.h>\n"
             "namespace calc {\n"
             "class Meter {\n"
             " public:\n"
             "  int clamp(int v) const {\n"
             "    if (v > LIMIT || v < 0) return LIMIT;\n"
             "    auto twice = [](int x) { return x > 1 ? x * 2 : x; };\n"
             "    return twice(v);\n"
             "  }\n"
             "};\n"
             "}  // namespace calc\n");
  commit_all(dir.path());
  ScanRun plain = scan(dir.str());
  ASSERT_EQ(plain.command.exit_code, 0) << plain.command.err;
  const json* f = find_by_path(plain.facts["files"], "src/calc.cpp");
  ASSERT_NE(f, nullptr);
  const json* clamp = find_function(*f, "calc::Meter::clamp");
  ASSERT_NE(clamp, nullptr) << f->dump(1);
  EXPECT_EQ((*clamp)["start_line"], 6);
  EXPECT_EQ((*clamp)["end_line"], 10);
  EXPECT_EQ((*clamp)["params"], 1);
  // 1 + if + || + the lambda's ?: (a lambda is part of its function, as in lizard).
  EXPECT_EQ((*clamp)["cyclomatic"], 4);
  EXPECT_EQ((*clamp)["cognitive"], 4);  // if +1, || +1, the lambda's ?: +2 (one level deeper)
  for (const auto& fn : (*f)["functions"]) EXPECT_NE(fn["start_line"], 8) << f->dump(1);

  // With a compile database the include folder is known; the missing system header is still noted.
  write_file(dir.path(), "compile_commands.json",
             "[{\"directory\": \"" + dir.str() + "\", \"file\": \"src/calc.cpp\", "
             "\"command\": \"c++ -std=c++17 -Iinclude -c src/calc.cpp\"}]\n");
  ScanRun full = scan(dir.str(), "--compile-commands " + sh_quote((dir.path() / "compile_commands.json").string()));
  ASSERT_EQ(full.command.exit_code, 0) << full.command.err;
  const json* g = find_by_path(full.facts["files"], "src/calc.cpp");
  ASSERT_NE(g, nullptr);
  const json* clamp2 = find_function(*g, "calc::Meter::clamp");
  ASSERT_NE(clamp2, nullptr) << g->dump(1);
  EXPECT_EQ((*clamp2)["cyclomatic"], 4);
  EXPECT_NE(full.facts["notifications"].dump().find("missing_header_xyz.h"), std::string::npos)
      << full.facts["notifications"].dump(1);

  ScanRun missing = scan(dir.str(), "--compile-commands /nonexistent/compile_commands.json");
  EXPECT_EQ(missing.command.exit_code, 2);
  EXPECT_NE(missing.command.err.find("/nonexistent/compile_commands.json"), std::string::npos) << missing.command.err;
}

TEST(MetricsScan, DebugMetricsAgreesWithFacts) {
  TempDir dir;
  write_file(dir.path(), "a.py", long_function("first"));
  CommandResult c = run_repohealth("debug metrics " + sh_quote((dir.path() / "a.py").string()));
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_NE(c.out.find("first"), std::string::npos) << c.out;
  ScanRun r = scan(dir.str());
  const json* a = find_by_path(r.facts["files"], "a.py");
  ASSERT_NE(a, nullptr);
  const json* fn = find_function(*a, "first");
  ASSERT_NE(fn, nullptr);
  EXPECT_NE(c.out.find(std::to_string((*fn)["cognitive"].get<int>())), std::string::npos) << c.out;
}

}  // namespace rh::test
