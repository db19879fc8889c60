// The rule schema: a valid rule loads; every kind of mistake names file, line and field.
#include "engine/rule_loader.h"

#include <algorithm>
#include <gtest/gtest.h>

#include "engine_test_support.h"
#include "support/test_support.h"

namespace rh::test {
namespace {

std::vector<std::string> errors_of(const std::string& text, const std::string& file = "rules/x/y/eval.yml") {
  Rule r;
  std::vector<std::string> errors;
  parse_rule(text, file, r, errors);
  return errors;
}

std::string all(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& e : v) s += e + "\n";
  return s;
}

std::string all(const std::vector<Message>& v) {
  std::string s;
  for (const auto& e : v) s += english(e) + "\n";
  return s;
}

const std::string kQuery = "query: |\n  (call) @match\n";

}  // namespace

TEST(RuleLoader, ValidRuleLoads) {
  Rule r;
  std::vector<std::string> errors;
  ASSERT_TRUE(parse_rule(rule_yaml("python.security.eval", "query", "python", kQuery), "rules/python/security/eval.yml", r,
                         errors))
      << all(errors);
  EXPECT_EQ(r.descriptor.id, "python.security.eval");
  EXPECT_EQ(r.descriptor.kind, "query");
  EXPECT_EQ(r.descriptor.languages, std::vector<std::string>{"python"});
  EXPECT_EQ(r.query.line, 16);  // the line after `query: |`
  EXPECT_NE(r.descriptor.description.find("### How to fix"), std::string::npos);
}

TEST(RuleLoader, WrongEnumNamesFileLineFieldAndHint) {
  std::string text = rule_yaml("x.y.eval", "query", "python", kQuery);
  text.replace(text.find("severity: warning"), 17, "severity: eror");
  auto e = all(errors_of(text));
  EXPECT_NE(e.find("rules/x/y/eval.yml:3: field 'severity'"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'error'"), std::string::npos) << e;
}

TEST(RuleLoader, MissingFieldsAndUnknownKeys) {
  std::string text = rule_yaml("x.y.eval", "query", "python", kQuery);
  text.replace(text.find("fix: how\n"), 9, "fixx: how\n");
  auto e = all(errors_of(text));
  EXPECT_NE(e.find("field 'fix' is missing"), std::string::npos) << e;
  EXPECT_NE(e.find(":11: unknown field 'fixx' (did you mean 'fix'?)"), std::string::npos) << e;
}

TEST(RuleLoader, IdMustMatchFileStemAndForm) {
  auto e = all(errors_of(rule_yaml("x.y.other", "query", "python", kQuery)));
  EXPECT_NE(e.find("must end in the file's name 'eval'"), std::string::npos) << e;
  e = all(errors_of(rule_yaml("Eval", "query", "python", kQuery), "rules/Eval.yml"));
  EXPECT_NE(e.find("is not of the form"), std::string::npos) << e;
}

TEST(RuleLoader, KindSpecificChecks) {
  auto e = all(errors_of(rule_yaml("x.y.eval", "query", "pythn", kQuery)));
  EXPECT_NE(e.find("unknown language 'pythn' (did you mean 'python'?)"), std::string::npos) << e;
  e = all(errors_of(rule_yaml("x.y.eval", "query", "python", "pattern:\n  regex: a\n")));
  EXPECT_NE(e.find("field 'query' is missing"), std::string::npos) << e;
  EXPECT_NE(e.find("belongs to kind 'pattern'"), std::string::npos) << e;
  e = all(errors_of(rule_yaml("x.y.eval", "metric", "", "metric:\n  name: function.cyclomatc\n  threshold: 3\n")));
  EXPECT_NE(e.find("did you mean 'function.cyclomatic'"), std::string::npos) << e;
  e = all(errors_of(rule_yaml("x.y.eval", "call", "python", "call:\n  callees: [eval]\n  arguments:\n    - literal: false\n")));
  EXPECT_NE(e.find("give exactly one of 'index'"), std::string::npos) << e;
  e = all(errors_of(rule_yaml("x.y.eval", "pattern", "", "pattern:\n  regex: a\n  entropy: high\n")));
  EXPECT_NE(e.find("field 'pattern.entropy': must be a number"), std::string::npos) << e;
}

TEST(RuleLoader, InvalidYamlNamesLine) {
  auto e = all(errors_of("id: a.b.eval\ntitle: [unclosed\n"));
  EXPECT_NE(e.find("rules/x/y/eval.yml:"), std::string::npos) << e;
  EXPECT_NE(e.find("invalid YAML"), std::string::npos) << e;
}

TEST(RuleLoader, RuleFilesAndFixturesAreTold) {
  EXPECT_TRUE(is_rule_file("python/security/eval.yml"));
  EXPECT_TRUE(is_rule_file("eval.yaml"));
  EXPECT_FALSE(is_rule_file("python/security/eval.py"));
  EXPECT_FALSE(is_rule_file("php/symfony/debug.test.yml"));
  EXPECT_FALSE(is_rule_file("languages/python.yml"));
}

TEST(RuleLoader, FolderErrorsDoNotHideOtherRulesAndDuplicatesAreNamed) {
  TempDir dir;
  write_file(dir.path(), "a/good.yml", rule_yaml("t.a.good", "pattern", "", "pattern:\n  regex: good\n"));
  write_file(dir.path(), "a/bad.yml", rule_yaml("t.a.bad", "pattern", "", "pattern:\n  regexp: bad\n"));
  write_file(dir.path(), "b/good.yml", rule_yaml("t.a.good", "pattern", "", "pattern:\n  regex: again\n"));
  RuleCatalog c = load_rules({dir.str()}, false);
  ASSERT_EQ(c.rules.size(), 1u);
  std::string e = all(c.errors);
  EXPECT_NE(e.find("bad.yml:15: unknown field 'pattern.regexp'"), std::string::npos) << e;
  EXPECT_NE(e.find("is already defined in"), std::string::npos) << e;
  EXPECT_FALSE(load_rules({(dir.path() / "nope").string()}, false).errors.empty());
}

TEST(RuleLoader, EmbeddedRulesLoadWithoutErrors) {
  const RuleCatalog& c = embedded_rules();
  EXPECT_TRUE(c.errors.empty()) << all(c.errors);
  EXPECT_GT(c.rules.size(), 0u);
  for (const auto& r : c.rules) {
    EXPECT_TRUE(r.descriptor.confidence == "high" || r.descriptor.confidence == "medium" ||
                r.descriptor.confidence == "low")
        << r.descriptor.id;
    if (r.descriptor.severity == "error") {
      EXPECT_EQ(r.descriptor.confidence, "high") << r.descriptor.id;
    }
  }
  // Shipped rules use `confidence:`, never the legacy `precision:` key.
  EXPECT_TRUE(c.warnings.empty()) << all(c.warnings);
}

TEST(RuleLoader, EveryEmbeddedSecurityRuleHasASecuritySeverity) {
  // GitHub rates a code-scanning alert (critical/high/medium/low) only from the rule's
  // security-severity; a security rule without one shows unrated.
  for (const Rule& r : embedded_rules().rules) {
    const auto& tags = r.descriptor.tags;
    if (std::find(tags.begin(), tags.end(), "security") == tags.end()) continue;
    ASSERT_FALSE(r.descriptor.security_severity.empty()) << r.descriptor.id;
    const double v = std::stod(r.descriptor.security_severity);
    EXPECT_GT(v, 0.0) << r.descriptor.id;
    EXPECT_LE(v, 10.0) << r.descriptor.id;
  }
}

TEST(RuleLoader, ConfidenceIsRequiredAndChecked) {
  std::string text = rule_yaml("x.y.eval", "query", "python", kQuery);
  text.replace(text.find("confidence: high"), 16, "confidence: sure");
  auto e = all(errors_of(text));
  EXPECT_NE(e.find("field 'confidence': 'sure' is not one of high, medium, low"), std::string::npos) << e;
  text = rule_yaml("x.y.eval", "query", "python", kQuery);
  text.replace(text.find("confidence: high\n"), 17, "");
  e = all(errors_of(text));
  EXPECT_NE(e.find("field 'confidence' is missing"), std::string::npos) << e;
}

TEST(RuleLoader, LegacyPrecisionKeyIsAnAliasWithADeprecationWarning) {
  std::string text = rule_yaml("x.y.eval", "query", "python", kQuery);
  text.replace(text.find("confidence: high"), 16, "precision: very-high");
  Rule r;
  std::vector<std::string> errors;
  std::vector<Message> warnings;
  ASSERT_TRUE(parse_rule(text, "rules/x/y/eval.yml", r, errors, &warnings)) << all(errors);
  EXPECT_EQ(r.descriptor.confidence, "high");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(english(warnings[0]).find("rules/x/y/eval.yml:7: field 'precision' is deprecated: write 'confidence: high'"),
            std::string::npos)
      << english(warnings[0]);
  // Both keys at once is a mistake.
  text.replace(text.find("precision: very-high"), 20, "precision: high\nconfidence: high");
  EXPECT_NE(all(errors_of(text)).find("give 'confidence' only"), std::string::npos);
}

TEST(RuleLoader, ErrorSeverityNeedsHighConfidence) {
  std::string text = rule_yaml("x.y.eval", "query", "python", kQuery);
  text.replace(text.find("severity: warning"), 17, "severity: error");
  text.replace(text.find("confidence: high"), 16, "confidence: medium");
  auto e = all(errors_of(text));
  EXPECT_NE(e.find("rules/x/y/eval.yml:7: field 'confidence': severity 'error' needs confidence 'high'"), std::string::npos)
      << e;
}

TEST(RuleLoader, LegacyErrorRuleWithoutHighConfidenceIsDemotedToWarning) {
  TempDir dir;
  std::string text = rule_yaml("t.a.guess", "pattern", "", "pattern:\n  regex: guess\n");
  text.replace(text.find("severity: warning"), 17, "severity: error");
  text.replace(text.find("confidence: high"), 16, "precision: medium");
  write_file(dir.path(), "a/guess.yml", text);
  std::string sure = rule_yaml("t.a.sure", "pattern", "", "pattern:\n  regex: sure\n");
  sure.replace(sure.find("severity: warning"), 17, "severity: error");
  sure.replace(sure.find("confidence: high"), 16, "precision: very-high");
  write_file(dir.path(), "a/sure.yml", sure);
  RuleCatalog c = load_rules({dir.str()}, false);
  EXPECT_TRUE(c.errors.empty()) << all(c.errors);
  ASSERT_EQ(c.rules.size(), 2u);
  EXPECT_EQ(c.rules[0].descriptor.id, "t.a.guess");
  EXPECT_EQ(c.rules[0].descriptor.severity, "warning");
  EXPECT_EQ(c.rules[0].descriptor.confidence, "medium");
  EXPECT_EQ(c.rules[1].descriptor.severity, "error");
  EXPECT_EQ(c.rules[1].descriptor.confidence, "high");
  const std::string w = all(c.warnings);
  EXPECT_NE(w.find("guess.yml:3: severity 'error' needs confidence 'high'; rule 't.a.guess' (confidence 'medium') is "
                   "reported as a warning"),
            std::string::npos)
      << w;
  EXPECT_NE(w.find("guess.yml:6: field 'precision' is deprecated: write 'confidence: medium'"), std::string::npos) << w;
  EXPECT_NE(w.find("sure.yml:6: field 'precision' is deprecated: write 'confidence: high'"), std::string::npos) << w;
}

}  // namespace rh::test
