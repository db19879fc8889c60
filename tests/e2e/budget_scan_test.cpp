// End-to-end: the per-file budget on generated pathological files. A file whose parse is mostly
// syntax errors is named in one notification, keeps its line counts and its secrets findings,
// and has no functions; deep nesting is measured; the other files of the scan keep their results.
// Timings are never asserted.
#include <gtest/gtest.h>

#include <string>

#include "e2e/e2e_support.h"

namespace rh::test {
namespace {

using nlohmann::json;

/// Tcl procedures under a Bash shebang (generated): a parse that is mostly errors.
std::string tcl_as_bash(int procedures) {
  std::string out = "#!/bin/bash\n";
  for (int i = 0; i < procedures; ++i) {
    const std::string n = std::to_string(i);
    out += "proc show_commit_" + n + " {id args} {\n"
           "    global commitinfo canv\n"
           "    if {![info exists commitinfo($id)]} {\n"
           "        set x [expr {[llength $args] * " + n + "}]\n"
           "    } else {\n"
           "        foreach {a b} [lrange $args 0 end] { lappend out [list $a $b] }\n"
           "    }\n"
           "    $canv itemconf $x -fill {}\n"
           "    eval $cmd\n"
           "}\n";
  }
  return out;
}

std::vector<json> notes_for(const json& facts, const std::string& path) {
  std::vector<json> out;
  for (const auto& n : facts["notifications"])
    if (n.value("path", "") == path) out.push_back(n);
  return out;
}

TEST(FileBudget, AMostlyErrorFileIsNamedAndKeepsWhatIsSound) {
  TempDir dir;
  std::string garbage = tcl_as_bash(300);
  garbage += "set aws_key \"AKIA2E4RTY7UIOPLKJHG\"\n";  // pattern rules still read the text
  write_file(dir.path(), "gitk-git/gitk.sh", garbage);
  write_file(dir.path(), "good.sh", "greet() {\n  if [ -n \"$1\" ]; then\n    echo \"hi $1\"\n  fi\n}\n");
  ScanRun r = scan(dir.str(), "--no-history --no-health");
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  ASSERT_FALSE(r.facts.is_null());

  const json* file = find_by_path(r.facts["files"], "gitk-git/gitk.sh");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ((*file)["language"], "bash");
  EXPECT_FALSE((*file)["parsed"].get<bool>());
  EXPECT_GT((*file)["parse_errors"].get<int64_t>(), 0);
  EXPECT_TRUE((*file)["functions"].empty()) << "no functions measured from garbage";
  EXPECT_EQ((*file)["lines"]["total"], 1 + 300 * 10 + 1);
  EXPECT_EQ((*file)["lines"]["code"], 300 * 10 + 1);
  EXPECT_EQ((*file)["lines"]["comment"], 1);  // the shebang, counted lexically

  const auto notes = notes_for(r.facts, "gitk-git/gitk.sh");
  ASSERT_EQ(notes.size(), 1u) << r.facts["notifications"].dump(2);
  EXPECT_EQ(notes[0]["level"], "warning");
  const std::string message = notes[0]["message"];
  EXPECT_NE(message.find("mostly syntax errors as Shell ("), std::string::npos) << message;
  EXPECT_NE(message.find("line counts only, no metrics or syntax rules"), std::string::npos) << message;

  // Rules that read the text or the line counts still run; syntax rules do not, and the
  // garbage's tokens take no part in clone detection (its 300 look-alike procedures did).
  bool secret = false;
  for (const auto& f : r.facts["findings"])
    if (f["path"] == "gitk-git/gitk.sh") {
      EXPECT_NE(f["rule_id"].get<std::string>().rfind("bash.", 0), 0u) << f.dump();
      EXPECT_NE(f["rule_id"], "generic.maintainability.duplicated-code") << f.dump();
      secret = secret || f["rule_id"] == "generic.secrets.aws-access-key-id";
    }
  EXPECT_TRUE(secret) << "the secret in the garbage file is still found";

  const json* good = find_by_path(r.facts["files"], "good.sh");
  ASSERT_NE(good, nullptr);
  EXPECT_TRUE((*good)["parsed"].get<bool>());
  ASSERT_NE(find_function(*good, "greet"), nullptr);
  EXPECT_EQ((*find_function(*good, "greet"))["cyclomatic"], 2);
  EXPECT_TRUE(notes_for(r.facts, "good.sh").empty());
}

TEST(FileBudget, DeepNestingFinishesAndKeepsTheOtherFiles) {
  TempDir dir;
  const int depth = 5000;
  std::string ifs = "deep() {\n";
  for (int i = 0; i < depth; ++i) ifs += "if [ -n \"$x\" ]; then\n";
  ifs += "rm -rf $dir/tmp\n";
  for (int i = 0; i < depth; ++i) ifs += "fi\n";
  ifs += "}\n";
  write_file(dir.path(), "deep.sh", ifs);
  write_file(dir.path(), "brackets.js",
             "function g() {\n  return " + std::string(depth, '[') + "1" + std::string(depth, ']') + ";\n}\n");
  write_file(dir.path(), "app.py", "def add(a, b):\n    return a + b\n");
  ScanRun r = scan(dir.str(), "--no-history --no-health");
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  ASSERT_FALSE(r.facts.is_null());

  const json* deep = find_by_path(r.facts["files"], "deep.sh");
  ASSERT_NE(deep, nullptr);
  EXPECT_EQ((*deep)["lines"]["total"], 2 * depth + 3);
  const json* brackets = find_by_path(r.facts["files"], "brackets.js");
  ASSERT_NE(brackets, nullptr);
  EXPECT_TRUE((*brackets)["parsed"].get<bool>());
  ASSERT_NE(find_function(*brackets, "g"), nullptr);

  const json* app = find_by_path(r.facts["files"], "app.py");
  ASSERT_NE(app, nullptr);
  ASSERT_NE(find_function(*app, "add"), nullptr);
  EXPECT_EQ((*find_function(*app, "add"))["params"], 2);
}

}  // namespace
}  // namespace rh::test
