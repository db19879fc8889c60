// End-to-end: the quality gate and new-code mode on git repositories the tests build — a branch
// that adds a security finding fails with exit 1 and names it as new; edits away from old
// findings pass; a moved function keeps its finding "unchanged"; a SARIF baseline suppresses old
// findings and not new ones; `repohealth gate FACTS.json` judges without scanning; a malformed
// condition is exit 2 with the config line.
#include <gtest/gtest.h>

#include "e2e/e2e_support.h"

namespace rh::test {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const char* kDev = "Dev <dev@acme.dk>";

/// Twenty filler functions, so that moving code around changes many lines.
std::string filler(int from, int n) {
  std::string s;
  for (int i = from; i < from + n; ++i) s += "def helper_" + std::to_string(i) + "(x):\n    return x + " + std::to_string(i) + "\n\n\n";
  return s;
}

const std::string kOld = "def legacy(expr):\n    return eval(expr)\n\n\n";  // an old security finding

/// main: app.py with an old eval finding and filler; branch `feature` checked out from it.
void build_main(const fs::path& repo) {
  git(repo, "init -q -b main");
  write_file(repo, "app.py", kOld + filler(0, 20));
  write_file(repo, "util.py", "def add(a, b):\n    return a + b\n");
  git(repo, "add -A");
  git(repo, "commit -q -m base", "2024-01-10T10:00:00Z", kDev);
  git(repo, "checkout -q -b feature");
}

void commit(const fs::path& repo, const std::string& message) {
  git(repo, "add -A");
  git(repo, "commit -q -m " + sh_quote(message), "2024-02-10T10:00:00Z", kDev);
}

std::vector<const json*> findings_of(const json& facts, const std::string& rule) {
  std::vector<const json*> out;
  for (const auto& f : facts["findings"])
    if (f["rule_id"] == rule) out.push_back(&f);
  return out;
}

const json* condition(const json& facts, const std::string& name) {
  for (const auto& c : facts["gate"]["conditions"])
    if (c["name"] == name) return &c;
  return nullptr;
}

}  // namespace

TEST(Gate, BranchAddingASecurityFindingFailsAndNamesItAsNew) {
  TempDir dir;
  build_main(dir.path());
  // os.system of a variable is a medium-confidence warning: new, but not what the default gate
  // fails on; eval of a variable is a high-confidence error and fails it.
  write_file(dir.path(), "util.py",
             "import os\n\ndef add(a, b):\n    return a + b\n\ndef run(cmd):\n    os.system(cmd)\n    return eval(cmd)\n");
  commit(dir.path(), "run commands");
  ScanRun r = scan(dir.str(), "--new-since main --gate");
  EXPECT_EQ(r.command.exit_code, 1) << r.command.err;
  ASSERT_TRUE(r.facts["gate"].is_object()) << r.facts.dump(1).substr(0, 2000);
  EXPECT_EQ(r.facts["gate"]["passed"], false);
  EXPECT_EQ(r.facts["gate"]["source"], "default");
  auto added = findings_of(r.facts, "python.security.os-system");
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ((*added[0])["baseline_state"], "new");
  EXPECT_EQ((*added[0])["severity"], "warning");
  auto evals = findings_of(r.facts, "python.security.eval-nonliteral");
  ASSERT_EQ(evals.size(), 2u);
  for (const json* f : evals)
    EXPECT_EQ((*f)["baseline_state"], (*f)["path"] == "util.py" ? "new" : "unchanged") << f->dump();
  const json* security = condition(r.facts, "no_new.security");
  ASSERT_NE(security, nullptr);
  EXPECT_EQ((*security)["status"], "failed");
  const std::string detail = (*security)["detail"].get<std::string>();
  EXPECT_NE(detail.find("python.security.eval-nonliteral util.py:8"), std::string::npos) << detail;
  EXPECT_EQ(detail.find("os-system"), std::string::npos) << detail;
  EXPECT_EQ(r.facts["new_code"]["new_findings"], 2);
  EXPECT_EQ(r.facts["new_code"]["files"][0]["path"], "util.py");

  // Only a medium-confidence finding new: the default gate passes; a configured gate that asks
  // for medium confidence fails.
  TempDir only_medium;
  build_main(only_medium.path());
  write_file(only_medium.path(), "util.py", "import os\n\ndef run(cmd):\n    os.system(cmd)\n");
  commit(only_medium.path(), "run commands");
  ScanRun m = scan(only_medium.str(), "--new-since main --gate");
  EXPECT_EQ(m.command.exit_code, 0) << m.command.err << m.facts["gate"].dump(1);
  write_file(only_medium.path(), "gate.yml", "gate:\n  no_new: [security]\n  min_confidence: medium\n");
  ScanRun mc = scan(only_medium.str(), "--new-since main --config " + sh_quote((only_medium.path() / "gate.yml").string()));
  EXPECT_EQ(mc.command.exit_code, 1) << mc.command.err << mc.facts["gate"].dump(1);

  // The terminal summary lists each condition with its mark.
  TempDir out;
  CommandResult c = run_repohealth("scan " + sh_quote(dir.str()) + " --new-since main --gate --format md --out " +
                                   sh_quote(out.str()));
  EXPECT_EQ(c.exit_code, 1);
  EXPECT_NE(c.out.find("quality gate (default): FAILED"), std::string::npos) << c.out;
  EXPECT_NE(c.out.find("✘ no_new.security: 1"), std::string::npos) << c.out;
  std::string md = read_file(out.path() / "report.md");
  // New-code mode: report.md opens with the verdict and the failed condition.
  EXPECT_EQ(md.rfind("## ✘ Quality gate failed · ", 0), 0u) << md.substr(0, 1500);
  EXPECT_NE(md.find("\n- ✘ `no_new.security`: `1` (limit `0`)"), std::string::npos) << md.substr(0, 1500);
  EXPECT_LT(md.size(), 10000u);
}

TEST(Gate, EditsAwayFromOldFindingsPass) {
  TempDir dir;
  build_main(dir.path());
  write_file(dir.path(), "app.py", kOld + filler(0, 19) + "def helper_19(x):\n    return x * 19\n");
  commit(dir.path(), "tweak the last helper");
  // The helpers are clones of each other: an edit inside them changes a clone group, which is
  // rightly new; this test is about findings away from the edit, so clones are left out.
  ScanRun r = scan(dir.str(), "--new-since main --gate --clone-min-tokens 100000");
  EXPECT_EQ(r.command.exit_code, 0) << r.command.err << r.facts["gate"].dump(1);
  EXPECT_EQ(r.facts["gate"]["passed"], true);
  auto old = findings_of(r.facts, "python.security.eval-nonliteral");
  ASSERT_EQ(old.size(), 1u);
  EXPECT_EQ((*old[0])["baseline_state"], "unchanged");
  EXPECT_EQ(r.facts["new_code"]["new_findings"], 0);
}

TEST(Gate, MovingAFunctionWithAnOldFindingKeepsItUnchanged) {
  TempDir dir;
  build_main(dir.path());
  // legacy() moves below the 20 helpers: 80 lines further down.
  write_file(dir.path(), "app.py", filler(0, 20) + kOld);
  commit(dir.path(), "move legacy down");
  ScanRun r = scan(dir.str(), "--new-since main --gate");
  EXPECT_EQ(r.command.exit_code, 0) << r.command.err << r.facts["gate"].dump(1);
  auto old = findings_of(r.facts, "python.security.eval-nonliteral");
  ASSERT_EQ(old.size(), 1u);
  EXPECT_GE((*old[0])["start_line"].get<int>(), 80);
  EXPECT_EQ((*old[0])["baseline_state"], "unchanged");
  EXPECT_EQ(r.facts["new_code"]["absent_findings"], 0);
}

TEST(Gate, SarifBaselineSuppressesOldFindingsNotNewOnes) {
  TempDir dir;
  build_main(dir.path());
  TempDir before;
  CommandResult base = run_repohealth("scan " + sh_quote(dir.str()) + " --format sarif -q --out " + sh_quote(before.str()));
  ASSERT_EQ(base.exit_code, 0) << base.err;
  const std::string sarif = (before.path() / "report.sarif").string();

  ScanRun same = scan(dir.str(), "--baseline " + sh_quote(sarif) + " --gate");
  EXPECT_EQ(same.command.exit_code, 0) << same.command.err << same.facts["gate"].dump(1);

  write_file(dir.path(), "util.py", "def add(a, b):\n    return eval(a) + b\n");
  commit(dir.path(), "evaluate");
  ScanRun r = scan(dir.str(), "--baseline " + sh_quote(sarif) + " --gate");
  EXPECT_EQ(r.command.exit_code, 1) << r.command.err;
  auto evals = findings_of(r.facts, "python.security.eval-nonliteral");
  ASSERT_EQ(evals.size(), 2u);
  for (const json* f : evals) {
    if ((*f)["path"] == "app.py") {
      EXPECT_EQ((*f)["baseline_state"], "unchanged");
      EXPECT_TRUE((*f)["suppression"].is_object());
    } else {
      EXPECT_EQ((*f)["baseline_state"], "new");
      EXPECT_TRUE((*f)["suppression"].is_null());
    }
  }
}

TEST(Gate, ConfiguredConditionsAndTheGateCommand) {
  TempDir dir;
  build_main(dir.path());
  std::string branchy = "def decide(a, b, c):\n";
  for (int i = 0; i < 6; ++i) branchy += "    if a > " + std::to_string(i) + " and b:\n        c += 1\n";
  branchy += "    return c\n";
  write_file(dir.path(), "util.py", "def add(a, b):\n    return a + b\n\n\n" + branchy);
  commit(dir.path(), "decide");
  write_file(dir.path(), "gate.yml",
             "gate:\n  max_new_findings: {error: 0}\n  max_new_cyclomatic: 10\n  min_truck_factor: 1\n"
             "  max_findings: {error: 5}\n");
  ScanRun r = scan(dir.str(), "--new-since main --config " + sh_quote((dir.path() / "gate.yml").string()));
  EXPECT_EQ(r.command.exit_code, 1) << r.command.err;
  EXPECT_EQ(r.facts["gate"]["source"], "config");
  const json* cc = condition(r.facts, "max_new_cyclomatic");
  ASSERT_NE(cc, nullptr) << r.facts["gate"].dump(1);
  EXPECT_EQ((*cc)["status"], "failed");
  EXPECT_EQ((*cc)["actual"], "13");  // 1 + 6 if + 6 and
  EXPECT_NE((*cc)["detail"].get<std::string>().find("decide (util.py:5, 13)"), std::string::npos);
  EXPECT_EQ((*condition(r.facts, "max_new_findings.error"))["status"], "passed");
  EXPECT_EQ((*condition(r.facts, "min_truck_factor"))["status"], "passed");
  EXPECT_EQ((*condition(r.facts, "max_findings.error"))["actual"], "1");

  // `gate` judges the facts again without scanning: with the same conditions, then the default.
  TempDir out;
  CommandResult scanned = run_repohealth("scan " + sh_quote(dir.str()) + " --new-since main -q --format json --out " +
                                         sh_quote(out.str()));
  EXPECT_EQ(scanned.exit_code, 0) << scanned.err;  // no gate configured at the root, no --gate
  const std::string facts = sh_quote((out.path() / "facts.json").string());
  CommandResult judged = run_repohealth("gate " + facts + " --config " + sh_quote((dir.path() / "gate.yml").string()));
  EXPECT_EQ(judged.exit_code, 1) << judged.out << judged.err;
  EXPECT_NE(judged.out.find("✘ max_new_cyclomatic: 13 (limit 10)"), std::string::npos) << judged.out;
  CommandResult by_default = run_repohealth("gate " + facts + " --default");
  EXPECT_EQ(by_default.exit_code, 0) << by_default.out << by_default.err;
  EXPECT_NE(by_default.out.find("✔ no_new.security: 0"), std::string::npos) << by_default.out;
  CommandResult missing = run_repohealth("gate /nonexistent/facts.json");
  EXPECT_EQ(missing.exit_code, 2);
}

TEST(Gate, MalformedConditionIsExit2WithTheLine) {
  TempDir dir;
  build_main(dir.path());
  write_file(dir.path(), "bad.yml", "gate:\n  max_new_findings: {error: 0}\n  max_new_cyclomatik: 10\n");
  ScanRun r = scan(dir.str(), "--config " + sh_quote((dir.path() / "bad.yml").string()));
  EXPECT_EQ(r.command.exit_code, 2);
  EXPECT_NE(r.command.err.find("bad.yml:3"), std::string::npos) << r.command.err;
  EXPECT_NE(r.command.err.find("did you mean 'max_new_cyclomatic'"), std::string::npos) << r.command.err;
  write_file(dir.path(), "bad2.yml", "gate:\n  max_findings: {eror: 0}\n");
  ScanRun r2 = scan(dir.str(), "--config " + sh_quote((dir.path() / "bad2.yml").string()));
  EXPECT_EQ(r2.command.exit_code, 2);
  EXPECT_NE(r2.command.err.find("bad2.yml:2"), std::string::npos) << r2.command.err;
  ScanRun unknown_ref = scan(dir.str(), "--new-since no-such-branch");
  EXPECT_EQ(unknown_ref.command.exit_code, 2);
  EXPECT_NE(unknown_ref.command.err.find("no-such-branch"), std::string::npos) << unknown_ref.command.err;
}

}  // namespace rh::test
