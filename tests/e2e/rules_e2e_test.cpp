// End-to-end: rule findings in facts.json, their suppression by inline comment, by
// .repohealth.yml and by a baseline, and the exit code 2 (with file and line) for a malformed
// rule file and a malformed config.
#include <gtest/gtest.h>

#include <set>

#include "e2e/e2e_support.h"

namespace rh::test {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const char* kEval = "python.security.eval-nonliteral";

void commit_all(const fs::path& repo) {
  git(repo, "add -A");
  git(repo, "commit -q -m c");
}

/// A repository with three eval() findings: one suppressed inline, one in legacy/.
void build_repo(const fs::path& repo) {
  git(repo, "init -q");
  write_file(repo, "app.py",
             "def run(expr, other):\n"
             "    eval(expr)  # repohealth-ignore: python.security.eval-nonliteral input is trusted\n"
             "    # repohealth-ignore: python.security\n"
             "    exec(other)\n"
             "    return eval(other)\n");
  write_file(repo, "legacy/old.py", "def old(code):\n    return eval(code)\n");
  commit_all(repo);
}

std::vector<json> findings_of(const json& facts, const std::string& rule) {
  std::vector<json> out;
  for (const auto& f : facts["findings"])
    if (f["rule_id"] == rule) out.push_back(f);
  return out;
}

const json* at_line(const std::vector<json>& fs, const std::string& path, int line) {
  for (const auto& f : fs)
    if (f["path"] == path && f["start_line"] == line) return &f;
  return nullptr;
}

}  // namespace

TEST(RulesE2E, FindingsAndRulesAreInFacts) {
  TempDir dir;
  build_repo(dir.path());
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  auto evals = findings_of(r.facts, kEval);
  ASSERT_EQ(evals.size(), 4u) << r.facts["findings"].dump(1);
  const json* f = at_line(evals, "app.py", 5);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ((*f)["severity"], "error");
  EXPECT_EQ((*f)["start_column"], 12);
  EXPECT_EQ((*f)["function"], "run");
  EXPECT_EQ((*f)["snippet"], "return eval(other)");
  EXPECT_EQ((*f)["fingerprint"].get<std::string>().size(), 16u);
  EXPECT_TRUE((*f)["suppression"].is_null());
  bool described = false;
  for (const auto& rule : r.facts["rules"]) described = described || rule["id"] == kEval;
  EXPECT_TRUE(described);
  // sorted by path, then line
  std::vector<std::pair<std::string, int>> order;
  for (const auto& x : r.facts["findings"]) order.emplace_back(x["path"], x["start_line"]);
  EXPECT_TRUE(std::is_sorted(order.begin(), order.end()));
}

TEST(RulesE2E, SecretsAreNeverPrintedInAnyReport) {
  TempDir dir;
  git(dir.path(), "init -q");
  const std::string hex = "7d3e0b95c1a8f26e4b7c9d01a5f3e82b";
  const std::string body = "MIIEowIBAAKCAQEAq8Zr2Lw9Xk3Vn7TbQw2Er5Ty8Ui1Op4As7Df0GhJk3Lz";
  write_file(dir.path(), ".env", "APP_ENV=dev\nAPP_SECRET=" + hex + "\nDATABASE_URL=mysql://db:Pw62zKr9@db:3306/db\n");
  write_file(dir.path(), "deploy/id_rsa.txt",
             "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n" + body + "x\n-----END RSA PRIVATE KEY-----\n");
  commit_all(dir.path());
  TempDir out;
  auto run = run_repohealth("scan " + sh_quote(dir.str()) + " --out " + sh_quote(out.str()) +
                            " --format json,sarif,html,md -q");
  ASSERT_LE(run.exit_code, 1) << run.err;
  json facts = json::parse(read_file(out.path() / "facts.json"));
  std::set<std::string> rules;
  for (const auto& f : facts["findings"]) rules.insert(f["rule_id"]);
  EXPECT_TRUE(rules.count("generic.secrets.secret-in-config")) << facts["findings"].dump(1);
  EXPECT_TRUE(rules.count("generic.secrets.connection-string-credentials"));
  EXPECT_TRUE(rules.count("generic.secrets.private-key-block"));
  for (const char* report : {"facts.json", "report.sarif", "report.html", "report.md"}) {
    const std::string text = read_file(out.path() / report);
    EXPECT_EQ(text.find(hex), std::string::npos) << report;
    EXPECT_EQ(text.find("Pw62zKr9"), std::string::npos) << report;
    EXPECT_EQ(text.find(body.substr(0, 24)), std::string::npos) << report;
  }
  const json sarif = json::parse(read_file(out.path() / "report.sarif"));
  for (const auto& r : sarif["runs"][0]["results"])
    if (std::string(r["ruleId"]).starts_with("generic.secrets."))
      EXPECT_FALSE(r["locations"][0]["physicalLocation"].contains("contextRegion")) << r.dump();
}

TEST(RulesE2E, InlineCommentSuppresses) {
  TempDir dir;
  build_repo(dir.path());
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  auto evals = findings_of(r.facts, kEval);
  const json* same_line = at_line(evals, "app.py", 2);
  ASSERT_NE(same_line, nullptr);
  ASSERT_TRUE((*same_line)["suppression"].is_object());
  EXPECT_EQ((*same_line)["suppression"]["kind"], "in_source");
  EXPECT_EQ((*same_line)["suppression"]["justification"], "input is trusted");
  const json* line_before = at_line(evals, "app.py", 4);  // pack prefix on the line before
  ASSERT_NE(line_before, nullptr);
  EXPECT_EQ((*line_before)["suppression"]["kind"], "in_source");
  EXPECT_TRUE((*at_line(evals, "app.py", 5))["suppression"].is_null());
}

TEST(RulesE2E, ConfigSuppressesDisablesAndOverrides) {
  TempDir dir;
  build_repo(dir.path());
  write_file(dir.path(), ".repohealth.yml",
             "rules:\n"
             "  python.security.eval-nonliteral:\n"
             "    severity: warning\n"
             "    exclude: [\"legacy/**\"]\n"
             "    reason: legacy code, rewritten in 2025\n"
             "  python.hygiene.print-call: off\n"
             "ignore:\n"
             "  - paths: [\"app.py\"]\n"
             "    rules: [python.security.eval-nonliteral]\n");
  commit_all(dir.path());
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  auto evals = findings_of(r.facts, kEval);
  const json* legacy = at_line(evals, "legacy/old.py", 2);
  ASSERT_NE(legacy, nullptr);
  EXPECT_EQ((*legacy)["severity"], "warning");
  EXPECT_EQ((*legacy)["suppression"]["kind"], "config");
  EXPECT_EQ((*legacy)["suppression"]["justification"], "legacy code, rewritten in 2025");
  const json* app = at_line(evals, "app.py", 5);
  ASSERT_NE(app, nullptr);
  EXPECT_EQ((*app)["suppression"]["kind"], "config");
  EXPECT_NE((*app)["suppression"]["justification"].get<std::string>().find(".repohealth.yml:8"), std::string::npos);
  for (const auto& rule : r.facts["rules"]) EXPECT_NE(rule["id"], "python.hygiene.print-call");
}

TEST(RulesE2E, BaselineMarksKnownFindings) {
  TempDir dir;
  build_repo(dir.path());
  ScanRun first = scan(dir.str());
  ASSERT_EQ(first.command.exit_code, 0) << first.command.err;
  TempDir keep;
  write_file(keep.path(), "baseline.json", first.facts.dump());
  // Unrelated lines above the old findings, and one new finding.
  write_file(dir.path(), "legacy/old.py", "import os\n\n\ndef old(code):\n    return eval(code)\n\n\ndef new(code):\n    exec(code)\n");
  commit_all(dir.path());
  ScanRun second = scan(dir.str(), "--baseline " + sh_quote((keep.path() / "baseline.json").string()));
  ASSERT_EQ(second.command.exit_code, 0) << second.command.err;
  auto evals = findings_of(second.facts, kEval);
  const json* old = at_line(evals, "legacy/old.py", 5);
  ASSERT_NE(old, nullptr);
  EXPECT_EQ((*old)["baseline_state"], "unchanged");
  EXPECT_EQ((*old)["suppression"]["kind"], "baseline");
  const json* fresh = at_line(evals, "legacy/old.py", 9);
  ASSERT_NE(fresh, nullptr);
  EXPECT_EQ((*fresh)["baseline_state"], "new");
  EXPECT_TRUE((*fresh)["suppression"].is_null());
  // The inline suppression stays the reason where there was one.
  EXPECT_EQ((*at_line(evals, "app.py", 2))["suppression"]["kind"], "in_source");
  // The same through the config's `baseline:` key, relative to the config file.
  write_file(dir.path(), ".repohealth.yml", "baseline: " + (keep.path() / "baseline.json").string() + "\n");
  commit_all(dir.path());
  ScanRun third = scan(dir.str());
  ASSERT_EQ(third.command.exit_code, 0) << third.command.err;
  EXPECT_EQ((*at_line(findings_of(third.facts, kEval), "legacy/old.py", 5))["baseline_state"], "unchanged");
  // The same from the SARIF log of the first state (when the SARIF writer is built in).
  TempDir sarif_out;
  auto first_sarif = run_repohealth("scan " + sh_quote(dir.str()) + " --rev HEAD~2 --out " + sh_quote(sarif_out.str()) +
                                    " --format sarif -q");
  if (first_sarif.exit_code == 0) {
    ScanRun from_sarif = scan(dir.str(), "--baseline " + sh_quote((sarif_out.path() / "report.sarif").string()));
    ASSERT_EQ(from_sarif.command.exit_code, 0) << from_sarif.command.err;
    auto evs = findings_of(from_sarif.facts, kEval);
    EXPECT_EQ((*at_line(evs, "legacy/old.py", 5))["baseline_state"], "unchanged");
    EXPECT_EQ((*at_line(evs, "legacy/old.py", 9))["baseline_state"], "new");
  }
  // A missing baseline is a usage error.
  ScanRun missing = scan(dir.str(), "--baseline /nonexistent/base.json");
  EXPECT_EQ(missing.command.exit_code, 2);
  EXPECT_NE(missing.command.err.find("/nonexistent/base.json"), std::string::npos) << missing.command.err;
}

TEST(RulesE2E, UserRulesRunAndAMalformedRuleFileIsExit2WithFileAndLine) {
  TempDir dir;
  build_repo(dir.path());
  TempDir rules;
  write_file(rules.path(), "team/hygiene/no-old.yml",
             "id: team.hygiene.no-old\ntitle: old() is deprecated\nseverity: note\nkind: query\n"
             "languages: [python]\nstate: stable\nconfidence: high\ntags: [hygiene]\nmessage: \"{name} is deprecated\"\n"
             "description: d\nfix: f\nexample: {bad: old(), good: new()}\n"
             "query: |\n  (function_definition name: (identifier) @name (#eq? @name \"old\")) @match\n");
  ScanRun good = scan(dir.str(), "--rules " + sh_quote(rules.str()));
  ASSERT_EQ(good.command.exit_code, 0) << good.command.err;
  ASSERT_EQ(findings_of(good.facts, "team.hygiene.no-old").size(), 1u);
  EXPECT_EQ(findings_of(good.facts, "team.hygiene.no-old")[0]["message"], "old is deprecated");

  write_file(rules.path(), "team/hygiene/broken.yml",
             "id: team.hygiene.broken\ntitle: t\nseverity: fatal\nkind: query\nlanguages: [python]\n"
             "state: stable\nconfidence: high\ntags: [x]\nmessage: m\ndescription: d\nfix: f\n"
             "example: {bad: a, good: b}\nquery: |\n  (call) @match\n");
  write_file(rules.path(), "team/hygiene/badquery.yml",
             "id: team.hygiene.badquery\ntitle: t\nseverity: note\nkind: query\nlanguages: [python]\n"
             "state: stable\nconfidence: high\ntags: [x]\nmessage: m\ndescription: d\nfix: f\n"
             "example: {bad: a, good: b}\nquery: |\n  (call\n    function: (no_such_node)) @match\n");
  ScanRun bad = scan(dir.str(), "--rules " + sh_quote(rules.str()));
  EXPECT_EQ(bad.command.exit_code, 2);
  EXPECT_TRUE(bad.facts.is_null());
  const std::string file = (rules.path() / "team/hygiene/broken.yml").string();
  EXPECT_NE(bad.command.err.find(file + ":3: field 'severity'"), std::string::npos) << bad.command.err;
  EXPECT_NE(bad.command.err.find("badquery.yml:15: field 'query': unknown node type 'no_such_node'"), std::string::npos)
      << bad.command.err;
}

TEST(RulesE2E, MalformedConfigIsExit2WithFileAndLine) {
  TempDir dir;
  build_repo(dir.path());
  write_file(dir.path(), ".repohealth.yml", "exclude: []\nrules:\n  python.security.eval-nonliteal: off\n");
  commit_all(dir.path());
  ScanRun r = scan(dir.str());
  EXPECT_EQ(r.command.exit_code, 2);
  EXPECT_NE(r.command.err.find(".repohealth.yml:3: unknown rule id 'python.security.eval-nonliteal' (did you mean "
                               "'python.security.eval-nonliteral'?)"),
            std::string::npos)
      << r.command.err;
  write_file(dir.path(), ".repohealth.yml", "exclude: []\nthresholds:\n  function.cyclomatic: high\n");
  r = scan(dir.str());
  EXPECT_EQ(r.command.exit_code, 2);
  EXPECT_NE(r.command.err.find(".repohealth.yml:3: threshold 'function.cyclomatic' must be a number"), std::string::npos)
      << r.command.err;
  write_file(dir.path(), ".repohealth.yml", "packs:\n  pyhton: off\n");
  r = scan(dir.str());
  EXPECT_EQ(r.command.exit_code, 2);
  EXPECT_NE(r.command.err.find(".repohealth.yml:2: unknown rule pack 'pyhton' (did you mean 'python'?)"), std::string::npos)
      << r.command.err;
}

}  // namespace rh::test

namespace rh::test {

TEST(RulesE2E, DuplicatedCodeAcrossFilesIsReportedPerCopy) {
  TempDir dir;
  git(dir.path(), "init -q");
  std::string body;
  for (int i = 0; i < 18; ++i) body += "        total += row[" + std::to_string(i) + "] * weights[" + std::to_string(i) + "]\n";
  const std::string fn = "    result = []\n    for row in rows:\n        total = 0\n" + body +
                         "        result.append(total)\n    return result\n";
  write_file(dir.path(), "orders.py", "def score_orders(rows, weights):\n" + fn);
  write_file(dir.path(), "invoices.py", "import os\n\n\ndef score_invoices(rows, weights):\n" + fn);
  git(dir.path(), "add -A");
  git(dir.path(), "commit -q -m c");
  ScanRun r = scan(dir.str());
  ASSERT_EQ(r.command.exit_code, 0) << r.command.err;
  if (!r.facts.contains("duplication") || r.facts["duplication"].value("groups", json::array()).empty())
    GTEST_SKIP() << "clone detection (metrics) has not filled facts.duplication yet";
  std::set<std::string> paths;
  for (const auto& f : r.facts["findings"])
    if (f["rule_id"] == "generic.maintainability.duplicated-code") paths.insert(f["path"].get<std::string>());
  EXPECT_EQ(paths, (std::set<std::string>{"invoices.py", "orders.py"})) << r.facts["duplication"].dump(1);
}

}  // namespace rh::test

namespace rh::test {

TEST(RulesCli, ListsDocumentsAndDebugsRules) {
  auto list = run_repohealth("rules");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("python.security.eval-nonliteral"), std::string::npos);
  EXPECT_NE(list.out.find("c.security.strcpy"), std::string::npos);
  size_t count = 0;
  std::sscanf(list.out.substr(list.out.rfind('\n', list.out.size() - 2) + 1).c_str(), "%zu rules", &count);
  EXPECT_GE(count, 80u) << list.out;

  TempDir dir;
  // The effective state under a config: a pack off, one rule's severity changed.
  write_file(dir.path(), "cfg.yml",
             "packs:\n  bash: off\nrules:\n  c.security.strcpy:\n    severity: note\n");
  auto configured = run_repohealth("rules --config " + sh_quote((dir.path() / "cfg.yml").string()));
  ASSERT_EQ(configured.exit_code, 0) << configured.err;
  auto line_of = [&](const std::string& id) {
    size_t at = configured.out.find(id + " ");
    return at == std::string::npos ? std::string() : configured.out.substr(at, configured.out.find('\n', at) - at);
  };
  EXPECT_NE(line_of("bash.security.eval-variable").find(" no "), std::string::npos) << configured.out;
  EXPECT_NE(line_of("c.security.strcpy").find(" note "), std::string::npos) << configured.out;
  EXPECT_NE(line_of("c.security.strcpy").find(" yes "), std::string::npos) << configured.out;
  write_file(dir.path(), "typo.yml", "rules:\n  c.security.strcopy: off\n");
  auto typo = run_repohealth("rules --config " + sh_quote((dir.path() / "typo.yml").string()));
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("typo.yml:2"), std::string::npos) << typo.err;

  auto doc = run_repohealth("rules --doc " + sh_quote((dir.path() / "ref").string()));
  ASSERT_EQ(doc.exit_code, 0) << doc.err;
  EXPECT_TRUE(fs::exists(dir.path() / "ref/README.md"));
  EXPECT_TRUE(fs::exists(dir.path() / "ref/php.md"));

  write_file(dir.path(), "app.py", "def run(x):\n    return eval(x)\n");
  auto dq = run_repohealth("debug query python.security.eval-nonliteral " + sh_quote((dir.path() / "app.py").string()));
  ASSERT_EQ(dq.exit_code, 0) << dq.err;
  EXPECT_NE(dq.out.find("app.py:2:12-2:19"), std::string::npos) << dq.out;
  EXPECT_NE(dq.out.find("@code = x"), std::string::npos) << dq.out;
  EXPECT_NE(dq.out.find("1 match"), std::string::npos) << dq.out;
  auto unknown = run_repohealth("debug query python.security.eval-nonliterl " + sh_quote((dir.path() / "app.py").string()));
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("did you mean 'python.security.eval-nonliteral'"), std::string::npos) << unknown.err;

  write_file(dir.path(), "bad/x/broken.yml", "id: a.b.broken\ntitle: [\n");
  auto bad = run_repohealth("rules --rules " + sh_quote((dir.path() / "bad").string()));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("broken.yml:"), std::string::npos) << bad.err;
}

}  // namespace rh::test
