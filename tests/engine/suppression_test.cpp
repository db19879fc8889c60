// Inline, config and baseline suppressions; fingerprints; message interpolation.
#include <gtest/gtest.h>

#include "engine/baseline.h"
#include "engine/finding_builder.h"
#include "engine/rule_config.h"
#include "engine/suppression.h"
#include "engine_test_support.h"
#include "support/test_support.h"

namespace rh::test {

TEST(InlineIgnore, Forms) {
  auto a = parse_inline_ignore("x = 1  # repohealth-ignore");
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->rules.empty());
  EXPECT_EQ(a->reason, "");
  auto b = parse_inline_ignore("// repohealth-ignore: js.a.b, js.c.d reviewed by security team");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->rules, (std::vector<std::string>{"js.a.b", "js.c.d"}));
  EXPECT_EQ(b->reason, "reviewed by security team");
  auto c = parse_inline_ignore("/* repohealth-ignore: c.security.strcpy -- bounded above */");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->rules, std::vector<std::string>{"c.security.strcpy"});
  EXPECT_EQ(c->reason, "bounded above");
  auto d = parse_inline_ignore("<!-- repohealth-ignore: generic.secrets --> ");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->rules, std::vector<std::string>{"generic.secrets"});
  EXPECT_FALSE(parse_inline_ignore("x = 1  # nothing here"));
  EXPECT_FALSE(parse_inline_ignore("# repohealth-ignored-files"));
}

TEST(InlineIgnore, OnTheLineOrTheLineBeforeForTheNamedRules) {
  FileText text("a()  # repohealth-ignore: t.x.a\n# repohealth-ignore: t.x\nb()\nc()\n");
  EXPECT_TRUE(inline_suppression(text, 1, "t.x.a"));
  EXPECT_FALSE(inline_suppression(text, 1, "t.x.b"));
  auto s = inline_suppression(text, 3, "t.x.b");  // pack prefix, line before
  ASSERT_TRUE(s);
  EXPECT_EQ(s->kind, "in_source");
  EXPECT_FALSE(inline_suppression(text, 4, "t.x.b"));  // two lines below: no
  EXPECT_FALSE(inline_suppression(text, 3, "t.xy.b"));
}

TEST(ConfigSuppression, RuleExcludesAndIgnoreEntries) {
  auto rules = rules_from_text({{"t/k.yml", rule_yaml("t.p.k", "pattern", "", "pattern:\n  regex: 'KEY[0-9]+'\n")}},
                               [] {
                                 Config c;
                                 c.rules.push_back({"t.p.k", std::nullopt, "", std::nullopt, {"fixtures/**"}, "test data", "c.yml:3"});
                                 c.ignore.push_back({{"docs/**"}, {"t.*"}, "", "c.yml:9"});
                                 return c;
                               }());
  ASSERT_TRUE(rules) << rules.error().message;
  auto f = run_rules(**rules, "fixtures/a.txt", "KEY1\n").findings;
  ASSERT_EQ(f.size(), 1u);
  ASSERT_TRUE(f[0].suppression);
  EXPECT_EQ(f[0].suppression->kind, "config");
  EXPECT_EQ(f[0].suppression->justification, "test data");
  f = run_rules(**rules, "docs/a.txt", "KEY1\n").findings;
  ASSERT_TRUE(f[0].suppression);
  EXPECT_EQ(f[0].suppression->justification, "suppressed by c.yml:9");
  f = run_rules(**rules, "src/a.txt", "KEY1 # repohealth-ignore: t.p.k known\n").findings;
  ASSERT_TRUE(f[0].suppression);
  EXPECT_EQ(f[0].suppression->kind, "in_source");
  EXPECT_EQ(f[0].suppression->justification, "known");
  EXPECT_FALSE(run_rules(**rules, "src/a.txt", "KEY1\n").findings[0].suppression);
}

TEST(Fingerprint, SurvivesEditsAboveAndWhitespace) {
  auto rules = rules_from_text({{"t/k.yml", rule_yaml("t.p.k", "pattern", "", "pattern:\n  regex: 'KEY[0-9]+'\n")}});
  ASSERT_TRUE(rules);
  auto before = run_rules(**rules, "a.py", "def f():\n    x = KEY1\n").findings;
  auto after = run_rules(**rules, "a.py", "import os\n\n\ndef f():\n        x = KEY1\n").findings;
  ASSERT_EQ(before.size(), 1u);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_NE(before[0].start_line, after[0].start_line);
  EXPECT_EQ(before[0].function, "f");
  EXPECT_EQ(before[0].fingerprint, after[0].fingerprint);
  auto elsewhere = run_rules(**rules, "a.py", "def g():\n    x = KEY1\n").findings;
  EXPECT_NE(before[0].fingerprint, elsewhere[0].fingerprint);
  EXPECT_EQ(finding_fingerprint("r", "a  b\n c", "f"), finding_fingerprint("r", "a b c", "f"));
  EXPECT_EQ(finding_fingerprint("r", "x", "f").size(), 16u);
}

TEST(Interpolate, KeysCapturesAndBraces) {
  auto lookup = [](std::string_view k) -> std::optional<std::string> {
    if (k == "name") return std::string("eval");
    return std::nullopt;
  };
  EXPECT_EQ(interpolate("{name}() is bad", lookup), "eval() is bad");
  EXPECT_EQ(interpolate("missing {other}.", lookup), "missing .");
  EXPECT_EQ(interpolate("dict {a: 1} stays", lookup), "dict {a: 1} stays");
}

TEST(Baseline, FactsAndSarifMatchByFingerprint) {
  TempDir dir;
  write_file(dir.path(), "facts.json",
             R"({"findings": [{"rule_id": "a.b.c", "fingerprint": "f1"}, {"rule_id": "a.b.c", "fingerprint": "f2"}]})");
  write_file(dir.path(), "r.sarif",
             R"({"version": "2.1.0", "runs": [{"results": [{"ruleId": "a.b.c", "partialFingerprints": {"primaryLocationLineHash": "x:1", "repohealthFingerprint/v1": "f1"}}]}]})");
  auto facts = read_baseline((dir.path() / "facts.json").string());
  ASSERT_TRUE(facts) << facts.error().message;
  auto sarif = read_baseline((dir.path() / "r.sarif").string());
  ASSERT_TRUE(sarif) << sarif.error().message;
  auto findings = [] {
    std::vector<Finding> v(3);
    v[0].rule_id = v[1].rule_id = v[2].rule_id = "a.b.c";
    v[0].fingerprint = "f1";
    v[1].fingerprint = "f1";  // the same again: one baseline entry matches one finding
    v[2].fingerprint = "f3";
    return v;
  };
  auto a = findings();
  apply_baseline(*facts, a);
  EXPECT_EQ(a[0].baseline_state, "unchanged");
  ASSERT_TRUE(a[0].suppression);
  EXPECT_EQ(a[0].suppression->kind, "baseline");
  EXPECT_EQ(a[1].baseline_state, "new");
  EXPECT_FALSE(a[1].suppression);
  EXPECT_EQ(a[2].baseline_state, "new");
  auto b = findings();
  apply_baseline(*sarif, b);
  EXPECT_EQ(b[0].baseline_state, "unchanged");
  write_file(dir.path(), "bad.json", "{\"x\": 1}");
  auto bad = read_baseline((dir.path() / "bad.json").string());
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("bad.json"), std::string::npos);
  EXPECT_FALSE(read_baseline((dir.path() / "missing.json").string()));
}

TEST(RuleConfig, UnknownIdsPacksAndMetricsAreErrorsWithLineAndHint) {
  TempDir dir;
  write_file(dir.path(), "r/a/eval.yml", rule_yaml("py.security.eval", "pattern", "", "pattern:\n  regex: eval\n"));
  write_file(dir.path(), "r/a/long.yml",
             rule_yaml("py.size.long", "metric", "", "metric:\n  name: function.nloc\n  threshold: 60\n"));
  RuleCatalog catalog = load_rules({(dir.path() / "r").string()}, false);
  ASSERT_TRUE(catalog.errors.empty()) << catalog.errors[0];
  write_file(dir.path(), "c.yml",
             "rules:\n  py.security.evl: off\n  py.security.eval:\n    threshold: 3\npacks:\n  pyy: off\n"
             "thresholds:\n  function.nlock: 10\nignore:\n  - rules: [nope.x]\n");
  auto config = load_config((dir.path() / "c.yml").string());
  ASSERT_TRUE(config) << config.error().message;
  auto sel = select_rules(catalog, *config);
  ASSERT_FALSE(sel);
  const std::string& e = sel.error().message;
  EXPECT_NE(e.find("c.yml:2: unknown rule id 'py.security.evl' (did you mean 'py.security.eval'?)"), std::string::npos) << e;
  EXPECT_NE(e.find("c.yml:3: 'threshold' applies to metric rules only"), std::string::npos) << e;
  EXPECT_NE(e.find("c.yml:6: unknown rule pack 'pyy' (did you mean 'py'?)"), std::string::npos) << e;
  EXPECT_NE(e.find("c.yml:8: unknown metric 'function.nlock' (did you mean 'function.nloc'?)"), std::string::npos) << e;
  EXPECT_NE(e.find("c.yml:10: 'ignore' names unknown rule 'nope.x'"), std::string::npos) << e;
}

TEST(RuleConfig, PacksRulesSeverityAndStates) {
  TempDir dir;
  write_file(dir.path(), "r/a/one.yml", rule_yaml("py.security.one", "pattern", "", "pattern:\n  regex: one\n"));
  write_file(dir.path(), "r/a/two.yml", rule_yaml("py.security.two", "pattern", "", "pattern:\n  regex: two\n"));
  std::string preview = rule_yaml("py.style.three", "pattern", "", "pattern:\n  regex: three\n");
  preview.replace(preview.find("state: stable"), 13, "state: preview");
  write_file(dir.path(), "r/b/three.yml", preview);
  RuleCatalog catalog = load_rules({(dir.path() / "r").string()}, false);
  ASSERT_TRUE(catalog.errors.empty()) << catalog.errors[0];
  Config c;
  auto s = select_rules(catalog, c);
  ASSERT_TRUE(s);
  EXPECT_TRUE((*s)[0].enabled);
  EXPECT_FALSE((*s)[2].enabled);  // preview is off by default
  c.preview = true;
  c.packs.push_back({"py", false, "c:1"});
  c.packs.push_back({"py.security", true, "c:2"});
  c.rules.push_back({"py.security.two", std::nullopt, "note", std::nullopt, {}, "", "c:3"});
  c.rules.push_back({"py.security.one", false, "", std::nullopt, {}, "", "c:4"});
  s = select_rules(catalog, c);
  ASSERT_TRUE(s);
  EXPECT_FALSE((*s)[0].enabled);  // rule off beats pack on
  EXPECT_TRUE((*s)[1].enabled);   // the more specific pack wins
  EXPECT_EQ((*s)[1].severity, "note");
  EXPECT_FALSE((*s)[2].enabled);  // pack py off
}

}  // namespace rh::test
