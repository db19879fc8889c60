// Rules in Danish (docs/rules.md, "Danish title and message"): the `da:` block is checked when a
// rule loads, every shipped rule has one, and a finding keeps the values its message was filled
// with, so a report can fill the Danish message from the same values.
#include <gtest/gtest.h>

#include "core/message_template.h"
#include "engine/rule_loader.h"
#include "engine_test_support.h"

namespace rh::test {
namespace {

std::unique_ptr<RuleSet> must(Result<std::unique_ptr<RuleSet>> r) {
  EXPECT_TRUE(r) << (r ? "" : r.error().message);
  return r ? std::move(*r) : nullptr;
}

const std::string kMetric = "metric:\n  name: function.params\n  threshold: 2\n";

std::string with_danish(std::string yaml, const std::string& block) {
  const size_t at = yaml.find("description:");
  return yaml.insert(at, block);
}

std::string all(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& e : v) s += e + "\n";
  return s;
}

/// Whether a message is nothing but placeholders ("{text}"): the same in every language.
bool only_placeholders(const std::string& message) {
  return interpolate(message, [](std::string_view) -> std::optional<std::string> { return ""; }).empty();
}

}  // namespace

TEST(RuleTranslation, DanishBlockLoadsIntoTheDescriptor) {
  const std::string yaml =
      with_danish(rule_yaml("t.m.params", "metric", "", kMetric, "{name}: {value} > {threshold}"),
                  "da:\n  title: testregel\n  message: \"{name} tager {value} parametre (grænse {threshold})\"\n");
  Rule r;
  std::vector<std::string> errors;
  ASSERT_TRUE(parse_rule(yaml, "t/m/params.yml", r, errors)) << all(errors);
  EXPECT_EQ(r.descriptor.message, "{name}: {value} > {threshold}");
  ASSERT_EQ(r.descriptor.translations.count("da"), 1u);
  EXPECT_EQ(r.descriptor.translations.at("da").title, "testregel");
  EXPECT_EQ(r.descriptor.translations.at("da").message, "{name} tager {value} parametre (grænse {threshold})");
}

TEST(RuleTranslation, DanishMessageWithOtherPlaceholdersIsAnErrorNamingTheFile) {
  const std::string yaml = with_danish(rule_yaml("t.m.params", "metric", "", kMetric, "{name}: {value} > {threshold}"),
                                       "da:\n  title: testregel\n  message: \"{name} tager {antal} parametre\"\n");
  Rule r;
  std::vector<std::string> errors;
  EXPECT_FALSE(parse_rule(yaml, "rules/t/m/params.yml", r, errors));
  const std::string e = all(errors);
  EXPECT_NE(e.find("rules/t/m/params.yml:11: field 'da.message': has the placeholders {antal}, {name}, but "
                   "'message' has {name}, {threshold}, {value}"),
            std::string::npos)
      << e;
}

TEST(RuleTranslation, DanishBlockNeedsTitleAndMessageAndNothingElse) {
  const std::string base = rule_yaml("t.m.params", "metric", "", kMetric, "{name}: {value}");
  Rule r;
  std::vector<std::string> errors;
  EXPECT_FALSE(parse_rule(with_danish(base, "da:\n  message: \"{name}: {value}\"\n"), "t/m/params.yml", r, errors));
  EXPECT_NE(all(errors).find("field 'da.title' is missing"), std::string::npos) << all(errors);
  errors.clear();
  EXPECT_FALSE(parse_rule(with_danish(base, "da:\n  title: t\n  message: \"{name}\"\n  titel: x\n"), "t/m/params.yml",
                          r, errors));
  EXPECT_NE(all(errors).find("unknown field 'da.titel' (did you mean 'title'?)"), std::string::npos) << all(errors);
  EXPECT_NE(all(errors).find("field 'da.message': has the placeholders {name}, but 'message' has {name}, {value}"),
            std::string::npos)
      << all(errors);
  errors.clear();
  EXPECT_FALSE(parse_rule(with_danish(base, "da: testregel\n"), "t/m/params.yml", r, errors));
  EXPECT_NE(all(errors).find("field 'da': must be a mapping"), std::string::npos) << all(errors);
  errors.clear();
  // A user rule may leave Danish out: reports then show it in English.
  EXPECT_TRUE(parse_rule(base, "t/m/params.yml", r, errors)) << all(errors);
  EXPECT_TRUE(r.descriptor.translations.empty());
}

TEST(RuleTranslation, EveryEmbeddedRuleWithAMessageHasDanish) {
  size_t checked = 0;
  for (const Rule& r : embedded_rules().rules) {
    const RuleDescriptor& d = r.descriptor;
    if (d.message.empty()) continue;
    ++checked;
    auto da = d.translations.find("da");
    ASSERT_NE(da, d.translations.end()) << d.id << ": no da: block";
    EXPECT_FALSE(da->second.title.empty()) << d.id;
    EXPECT_NE(da->second.title, d.title) << d.id << ": the Danish title is the English one";
    auto sorted = [](std::vector<std::string> v) {
      std::sort(v.begin(), v.end());
      return v;
    };
    EXPECT_EQ(sorted(placeholders(da->second.message)), sorted(placeholders(d.message))) << d.id;
    if (!only_placeholders(d.message)) EXPECT_NE(da->second.message, d.message) << d.id << ": not translated";
  }
  EXPECT_GE(checked, 133u);
}

TEST(RuleTranslation, FindingKeepsItsMessageArguments) {
  const std::string yaml = rule_yaml("t.m.params", "metric", "", kMetric, "{name}: {value} > {threshold}{missing}");
  auto rules = must(rules_from_text({{"t/params.yml", yaml}}));
  ASSERT_TRUE(rules);
  auto run = run_rules(*rules, "m.py", "def f(a, b, c):\n    return a\n");
  ASSERT_EQ(run.findings.size(), 1u);
  const Finding& f = run.findings[0];
  EXPECT_EQ(f.message, "f: 3 > 2");
  // Every placeholder of the message, one that did not match as "".
  EXPECT_EQ(f.arguments,
            (std::map<std::string, std::string>{{"missing", ""}, {"name", "f"}, {"threshold", "2"}, {"value", "3"}}));
  EXPECT_EQ(interpolate("{name} har {value}", f.arguments), "f har 3");
}

TEST(RuleTranslation, SecretsAreMaskedInTheArgumentsToo) {
  const std::string yaml =
      rule_yaml("t.s.token", "pattern", "", "pattern:\n  regex: 'tok_[A-Za-z0-9]{20}'\n  redact: true\n",
                "token {match} committed");
  auto rules = must(rules_from_text({{"t/token.yml", yaml}}));
  ASSERT_TRUE(rules);
  const std::string secret = "tok_Ab3dE5gH7jK9mN1pQ3sT";
  auto run = run_rules(*rules, "config.txt", "key = " + secret + "\n");
  ASSERT_EQ(run.findings.size(), 1u);
  const Finding& f = run.findings[0];
  EXPECT_EQ(f.message.find(secret), std::string::npos) << f.message;
  ASSERT_EQ(f.arguments.count("match"), 1u);
  EXPECT_EQ(f.arguments.at("match").find(secret), std::string::npos) << f.arguments.at("match");
  EXPECT_EQ(f.message, "token " + f.arguments.at("match") + " committed");
}

}  // namespace rh::test
