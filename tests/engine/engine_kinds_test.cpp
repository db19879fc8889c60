// The matchers of each kind, on small inputs written here: query predicates, pattern merging
// and filters, call conditions (on CallSites built directly, so they do not depend on the
// frontends' call extraction), metric thresholds.
#include <gtest/gtest.h>

#include "engine/call_matcher.h"
#include "engine/pattern_matcher.h"
#include "engine_test_support.h"

namespace rh::test {
namespace {

std::unique_ptr<RuleSet> must(Result<std::unique_ptr<RuleSet>> r) {
  EXPECT_TRUE(r) << (r ? "" : r.error().message);
  return r ? std::move(*r) : nullptr;
}

std::vector<int64_t> lines_of(const std::vector<Finding>& fs, const std::string& id = "") {
  std::vector<int64_t> out;
  for (const auto& f : fs)
    if (id.empty() || f.rule_id == id) out.push_back(f.start_line);
  return out;
}

}  // namespace

TEST(QueryKind, PredicatesEqMatchAnyOfAndNegations) {
  auto rules = must(rules_from_text({
      {"t/eq.yml", rule_yaml("t.q.eq", "query", "python",
                             "query: |\n  ((call function: (identifier) @name) @match (#eq? @name \"foo\"))\n")},
      {"t/noteq.yml", rule_yaml("t.q.noteq", "query", "python",
                                "query: |\n  ((call function: (identifier) @name) @match (#not-eq? @name \"foo\"))\n")},
      {"t/match.yml", rule_yaml("t.q.match", "query", "python",
                                "query: |\n  ((call function: (identifier) @name) @match (#match? @name \"^ba[rz]$\"))\n")},
      {"t/notmatch.yml", rule_yaml("t.q.notmatch", "query", "python",
                                   "query: |\n  ((call function: (identifier) @name) @match (#not-match? @name \"^b\"))\n")},
      {"t/anyof.yml", rule_yaml("t.q.anyof", "query", "python",
                                "query: |\n  ((call function: (identifier) @name) @match (#any-of? @name \"bar\" \"qux\"))\n")},
      {"t/same.yml", rule_yaml("t.q.same", "query", "python",
                               "query: |\n  ((assignment left: (identifier) @a right: (identifier) @b) @match (#eq? @a @b))\n",
                               "{a} assigned to itself")},
  }));
  ASSERT_TRUE(rules);
  auto run = run_rules(*rules, "m.py", "foo()\nbar()\nbaz()\nqux()\nx = x\nx = y\n");
  EXPECT_EQ(lines_of(run.findings, "t.q.eq"), (std::vector<int64_t>{1}));
  EXPECT_EQ(lines_of(run.findings, "t.q.noteq"), (std::vector<int64_t>{2, 3, 4}));
  EXPECT_EQ(lines_of(run.findings, "t.q.match"), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(lines_of(run.findings, "t.q.notmatch"), (std::vector<int64_t>{1, 4}));
  EXPECT_EQ(lines_of(run.findings, "t.q.anyof"), (std::vector<int64_t>{2, 4}));
  ASSERT_EQ(lines_of(run.findings, "t.q.same"), (std::vector<int64_t>{5}));
  for (const auto& f : run.findings)
    if (f.rule_id == "t.q.same") EXPECT_EQ(f.message, "x assigned to itself");
  for (const auto& f : run.findings)
    if (f.rule_id == "t.q.eq") {
      EXPECT_EQ(f.message, "found foo");
      EXPECT_EQ(f.start_column, 1);
      EXPECT_EQ(f.end_column, 6);
      EXPECT_EQ(f.snippet, "foo()");
    }
}

TEST(QueryKind, BadQueryNamesTheRuleFileLine) {
  auto r = rules_from_text({{"t/bad.yml", rule_yaml("t.q.bad", "query", "python",
                                                    "query: |\n  (call\n    function: (identifer) @name) @match\n")}});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("t/bad.yml:17: field 'query': unknown node type 'identifer'"), std::string::npos)
      << r.error().message;
  r = rules_from_text({{"t/pred.yml", rule_yaml("t.q.pred", "query", "python",
                                                "query: |\n  ((identifier) @x (#is-not? @x \"a\"))\n")}});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("unknown predicate #is-not?"), std::string::npos) << r.error().message;
  r = rules_from_text({{"t/re.yml", rule_yaml("t.q.re", "query", "python",
                                              "query: |\n  ((identifier) @x (#match? @x \"(\"))\n")}});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("invalid regex"), std::string::npos) << r.error().message;
}

TEST(QueryKind, CompiledOncePerLanguageForManyRules) {
  // Two rules for python and one for javascript share two compiled queries; each reports its own.
  auto rules = must(rules_from_text({
      {"t/a.yml", rule_yaml("t.q.a", "query", "python", "query: |\n  (call) @match\n")},
      {"t/b.yml", rule_yaml("t.q.b", "query", "python", "query: |\n  (identifier) @match\n")},
      {"t/c.yml", rule_yaml("t.q.c", "query", "javascript", "query: |\n  (call_expression) @match\n")},
  }));
  ASSERT_TRUE(rules);
  auto py = run_rules(*rules, "a.py", "f(x)\n");
  EXPECT_EQ(lines_of(py.findings, "t.q.a").size(), 1u);
  EXPECT_EQ(lines_of(py.findings, "t.q.b").size(), 2u);
  EXPECT_TRUE(lines_of(py.findings, "t.q.c").empty());
  auto js = run_rules(*rules, "a.js", "f(x);\n");
  EXPECT_EQ(lines_of(js.findings, "t.q.c").size(), 1u);
  EXPECT_TRUE(lines_of(js.findings, "t.q.a").empty());
}

TEST(PatternKind, OneMatchPerOccurrenceWithRegionAndRedaction) {
  auto rules = must(rules_from_text({{"t/key.yml", rule_yaml("t.p.key", "pattern", "",
                                                             "pattern:\n  regex: 'KEY[0-9]{4,}'\n  redact: true\n",
                                                             "key {value}")}}));
  ASSERT_TRUE(rules);
  auto run = run_rules(*rules, "conf.txt", "a = 1\n  x = KEY123456789 and KEY9999\n");
  ASSERT_EQ(run.findings.size(), 2u);
  const Finding& f = run.findings[0];
  EXPECT_EQ(f.start_line, 2);
  EXPECT_EQ(f.start_column, 7);
  EXPECT_EQ(f.end_column, 19);
  EXPECT_EQ(f.message, "key KEY1********");
  EXPECT_EQ(f.snippet.find("KEY123456789"), std::string::npos) << f.snippet;
  EXPECT_EQ(run.findings[1].start_column, 24);
}

TEST(PatternKind, EntropyPlaceholdersAllowAndPaths) {
  auto rules = must(rules_from_text({{"t/tok.yml", rule_yaml("t.p.tok", "pattern", "",
                                                             "paths:\n  exclude: [\"tests/**\"]\npattern:\n"
                                                             "  regex: 'token\\s*=\\s*\"[^\"]+\"'\n  entropy: 3.0\n"
                                                             "  skip_placeholders: true\n  allow: [sandbox]\n")}}));
  ASSERT_TRUE(rules);
  std::string text =
      "token = \"aaaaaaaaaaaaaaaa\"\ntoken = \"q8Zr2Lw9Xk3Vn7Tb\"\ntoken = \"${TOKEN_FROM_ENV}\"\n"
      "token = \"sandbox-Zr2Lw9Xk3Vn7Tb\"\n";
  EXPECT_EQ(lines_of(run_rules(*rules, "app/x.env", text).findings), (std::vector<int64_t>{2}));
  EXPECT_TRUE(run_rules(*rules, "tests/x.env", text).findings.empty());
  EXPECT_NEAR(shannon_entropy("aaaa"), 0.0, 1e-9);
  EXPECT_NEAR(shannon_entropy("abcd"), 2.0, 1e-9);
  EXPECT_EQ(match_value("password = \"hunter22\""), "hunter22");
  EXPECT_EQ(match_value("postgres://u:s3cret@"), "s3cret");
  EXPECT_EQ(match_value("\"KEY\": \"abc123"), "abc123");  // an unclosed value quote
  EXPECT_TRUE(looks_like_placeholder("changeme"));
  EXPECT_TRUE(looks_like_placeholder("<your-password>"));
  EXPECT_TRUE(looks_like_placeholder("%(db_password)s"));
  EXPECT_FALSE(looks_like_placeholder("Tr0ub4dor&3"));
}

TEST(PatternKind, BadRegexNamesTheRule) {
  auto r = rules_from_text({{"t/bad.yml", rule_yaml("t.p.bad", "pattern", "", "pattern:\n  regex: 'a(b'\n")}});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("t/bad.yml: field 'pattern.regex'"), std::string::npos) << r.error().message;
}

TEST(CallKind, CalleesAndArgumentConditionsOnBuiltCallSites) {
  Rule rule;
  std::vector<std::string> errors;
  ASSERT_TRUE(parse_rule(rule_yaml("t.c.shell", "call", "python",
                                   "call:\n  callees: [\"subprocess.*\", os.system]\n  not_callees: [subprocess.DEVNULL]\n"
                                   "  arguments:\n    - {index: 0, literal: false}\n"
                                   "    - {keyword: shell, equals: [\"True\"]}\n"),
                         "t/shell.yml", rule, errors));
  CallMatcher m;
  HsScratchPool pool;
  m.build({{0, &rule}}, pool, errors);
  ASSERT_TRUE(errors.empty());
  auto call = [](std::string callee, std::vector<CallArgument> args) {
    CallSite c;
    c.callee = std::move(callee);
    c.arguments = std::move(args);
    return c;
  };
  auto lease = pool.acquire();
  EXPECT_TRUE(m.call_matches(rule.call, call("subprocess.run", {{"cmd", "", false}, {"True", "shell", true}}), lease.get()));
  EXPECT_FALSE(m.call_matches(rule.call, call("subprocess.run", {{"\"ls\"", "", true}, {"True", "shell", true}}), lease.get()));
  EXPECT_FALSE(m.call_matches(rule.call, call("subprocess.run", {{"cmd", "", false}, {"False", "shell", true}}), lease.get()));
  EXPECT_FALSE(m.call_matches(rule.call, call("subprocess.run", {{"cmd", "", false}}), lease.get()));
  EXPECT_FALSE(m.call_matches(rule.call, call("os.popen", {{"cmd", "", false}, {"True", "shell", true}}), lease.get()));
  // keyword arguments do not count as positions
  EXPECT_TRUE(m.call_matches(rule.call, call("os.system", {{"True", "shell", true}, {"cmd", "", false}}), lease.get()));
  EXPECT_TRUE(callee_matches("*.execute", "self.cursor.execute"));
  EXPECT_FALSE(callee_matches("*.execute", "execute"));
  EXPECT_TRUE(callee_matches("strcpy", "strcpy"));
  EXPECT_FALSE(callee_matches("strcpy", "strcpy_s"));
}

TEST(CallKind, MatchesRegexConditionAndAbsence) {
  Rule rule;
  std::vector<std::string> errors;
  ASSERT_TRUE(parse_rule(rule_yaml("t.c.scanf", "call", "c",
                                   "call:\n  callees: [scanf]\n  arguments:\n    - {index: 0, matches: '%s'}\n"
                                   "    - {index: 2, present: false}\n"),
                         "t/scanf.yml", rule, errors))
      << errors[0];
  CallMatcher m;
  HsScratchPool pool;
  m.build({{0, &rule}}, pool, errors);
  auto lease = pool.acquire();
  CallSite c;
  c.callee = "scanf";
  c.arguments = {{"\"%s\"", "", true}, {"buf", "", false}};
  EXPECT_TRUE(m.call_matches(rule.call, c, lease.get()));
  c.arguments[0].text = "\"%10s\"";
  EXPECT_FALSE(m.call_matches(rule.call, c, lease.get()));
  c.arguments = {{"\"%s %s\"", "", true}, {"a", "", false}, {"b", "", false}};
  EXPECT_FALSE(m.call_matches(rule.call, c, lease.get()));
}

TEST(MetricKind, ThresholdsFromRuleAndConfig) {
  std::string yaml = rule_yaml("t.m.params", "metric", "", "metric:\n  name: function.params\n  threshold: 2\n",
                               "{name}: {value} > {threshold}");
  auto rules = must(rules_from_text({{"t/params.yml", yaml}}));
  ASSERT_TRUE(rules);
  const std::string code = "def f(a, b, c):\n    return a\n\ndef g(a):\n    return a\n";
  auto run = run_rules(*rules, "m.py", code);
  ASSERT_EQ(run.findings.size(), 1u);
  EXPECT_EQ(run.findings[0].message, "f: 3 > 2");
  EXPECT_EQ(run.findings[0].function, "f");
  EXPECT_EQ(run.findings[0].snippet, "def f(a, b, c):");
  Config config;
  config.thresholds.push_back({"function.params", 5, "c.yml:1"});
  auto relaxed = must(rules_from_text({{"t/params.yml", yaml}}, config));
  EXPECT_TRUE(run_rules(*relaxed, "m.py", code).findings.empty());
}

}  // namespace rh::test

namespace rh::test {

TEST(MetricKind, ClonesAreMatchedOnTheScanResult) {
  std::string yaml = rule_yaml("t.m.clones", "metric", "", "metric:\n  name: clone.lines\n  threshold: 10\n",
                               "{value} lines, also at {others}");
  Config config;
  config.rules.push_back({"t.m.clones", std::nullopt, "", std::nullopt, {"gen/**"}, "generated", "c.yml:2"});
  auto rules = rules_from_text({{"t/clones.yml", yaml}}, config);
  ASSERT_TRUE(rules) << rules.error().message;
  ScanResult result;
  FileFacts a;
  a.path = "a.py";
  a.language = "python";
  a.functions.push_back({});
  a.functions[0].name = "score";
  a.functions[0].start_line = 1;
  a.functions[0].end_line = 40;
  result.files.push_back(a);
  result.duplication.groups.push_back({120, 20, {{"a.py", 5, 24}, {"gen/b.py", 10, 29}}});
  result.duplication.groups.push_back({30, 5, {{"a.py", 30, 34}, {"a.py", 35, 39}}});  // short: not reported
  std::vector<Finding> out;
  (*rules)->match_scan(result, out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].path, "a.py");
  EXPECT_EQ(out[0].start_line, 5);
  EXPECT_EQ(out[0].end_line, 24);
  EXPECT_EQ(out[0].message, "20 lines, also at gen/b.py:10");
  EXPECT_EQ(out[0].function, "score");
  EXPECT_FALSE(out[0].suppression);
  EXPECT_EQ(out[1].path, "gen/b.py");
  ASSERT_TRUE(out[1].suppression);
  EXPECT_EQ(out[1].suppression->justification, "generated");
  // Moving the block down keeps the fingerprint.
  result.duplication.groups[0].locations[0] = {"a.py", 15, 34};
  std::vector<Finding> moved;
  (*rules)->match_scan(result, moved);
  EXPECT_EQ(moved[0].fingerprint, out[0].fingerprint);
}

}  // namespace rh::test
