// Rule titles and finding messages in the report's language (reports/rule_text.h): the HTML and
// Markdown reports in Danish fill the rule's Danish message with the finding's arguments, escape
// what the arguments bring, and fall back to the English message where the model cannot give
// Danish (a rule without `da:`, facts written before arguments were kept).
#include "reports/rule_text.h"

#include <gtest/gtest.h>

#include "core/message_template.h"
#include "core/model_json.h"
#include "html_safety.h"
#include "report_fixture.h"
#include "reports/writers.h"

namespace rh {
namespace {

const char* kShell = "python.security.subprocess-shell";

/// The sample model with the shell rule's message template and Danish text, and its open
/// finding's arguments (the command carries markup, as repository text may).
ScanResult danish_model() {
  ScanResult r = test::sample_model();
  for (auto& rule : r.rules)
    if (rule.id == kShell) {
      rule.message = "subprocess.{name} is run with shell=True ({command})";
      rule.translations["da"] = {"Subprocess med shell=True", "subprocess.{name} køres med shell=True ({command})"};
    }
  for (auto& f : r.findings)
    if (f.rule_id == kShell) {
      f.arguments = {{"name", "call"}, {"command", "<img src=x onerror=alert(1)> | `x`"}};
      f.message = interpolate(find_rule(r.rules, kShell)->message, f.arguments);
    }
  return r;
}

/// The same in full mode (no baseline): report.md lists the most severe findings, the unchanged
/// shell finding among them.
ScanResult without_baseline(ScanResult r) {
  for (auto& f : r.findings) f.baseline_state.clear();
  return r;
}

ReportOptions danish() {
  ReportOptions o;
  o.lang = "da";
  return o;
}

TEST(RuleText, DanishTitleAndMessageFilledFromTheArguments) {
  ScanResult r = danish_model();
  for (auto& rd : r.rules)
    if (rd.id == "python.maintainability.too-complex") rd.translations.clear();  // as a user rule without da:
  const RuleDescriptor* rule = find_rule(r.rules, kShell);
  ASSERT_NE(rule, nullptr);
  const Finding& f = r.findings[1];
  ASSERT_EQ(f.rule_id, kShell);
  EXPECT_EQ(rule_title(rule, kShell, "da"), "Subprocess med shell=True");
  EXPECT_EQ(rule_title(rule, kShell, "en"), "Subprocess with shell=True");
  EXPECT_EQ(finding_message(f, rule, "da"),
            "subprocess.call køres med shell=True (<img src=x onerror=alert(1)> | `x`)");
  EXPECT_EQ(finding_message(f, r.rules, "en"), f.message);
  EXPECT_EQ(finding_message(f, r.rules, "en"),
            "subprocess.call is run with shell=True (<img src=x onerror=alert(1)> | `x`)");
}

TEST(RuleText, EnglishWhereTheModelHasNoDanish) {
  ScanResult r = danish_model();
  for (auto& rd : r.rules)
    if (rd.id == "python.maintainability.too-complex") rd.translations.clear();  // as a user rule without da:
  const RuleDescriptor* shell = find_rule(r.rules, kShell);
  Finding f = r.findings[1];
  // A rule without `da:` (a user rule): its English title and message.
  const RuleDescriptor* plain = find_rule(r.rules, "python.maintainability.too-complex");
  EXPECT_EQ(rule_title(plain, plain->id, "da"), "Function too complex");
  EXPECT_EQ(finding_message(r.findings[2], plain, "da"), r.findings[2].message);
  // No descriptor in the model: the id and the message as the finding has it.
  EXPECT_EQ(rule_title(nullptr, "python.legacy.print-statement", "da"), "python.legacy.print-statement");
  EXPECT_EQ(finding_message(r.findings[3], r.rules, "da"), "an old rule");
  // Facts written before arguments were kept, or missing one the Danish text needs.
  f.arguments.clear();
  EXPECT_EQ(finding_message(f, shell, "da"), f.message);
  f.arguments = {{"name", "call"}};
  EXPECT_EQ(finding_message(f, shell, "da"), f.message);
  // A language the rule has no text for.
  EXPECT_EQ(finding_message(r.findings[1], shell, "sv"), r.findings[1].message);
}

TEST(RuleText, DanishHtmlShowsDanishTitleAndEscapedMessage) {
  const std::string html = render_html(danish_model(), danish());
  test::expect_no_executable_markup(html);
  EXPECT_NE(html.find("Subprocess med shell=True"), std::string::npos);
  EXPECT_NE(html.find("subprocess.call køres med shell=True (&lt;img src=x onerror=alert(1)&gt; | `x`)"),
            std::string::npos);
  EXPECT_EQ(html.find("<img src=x"), std::string::npos);
  EXPECT_EQ(html.find("is run with shell=True (&lt;img"), std::string::npos) << "the English message is not shown";
  // The English report keeps the English title and message.
  const std::string en = render_html(danish_model(), {});
  EXPECT_NE(en.find("subprocess.call is run with shell=True (&lt;img"), std::string::npos);
  EXPECT_EQ(en.find("Subprocess med shell=True"), std::string::npos);
}

TEST(RuleText, DanishMarkdownShowsTheDanishMessageInACodeSpan) {
  const std::string md = render_markdown(without_baseline(danish_model()), danish());
  test::expect_no_markdown_html(md);
  EXPECT_NE(md.find("``subprocess.call køres med shell=True (<img src=x onerror=alert(1)> \\| `x`)``"),
            std::string::npos)
      << md;
  EXPECT_EQ(md.find("is run with shell=True"), std::string::npos);
}

TEST(RuleText, ReportFromFactsAloneIsDanishAndOlderFactsStillRender) {
  // `repohealth report facts.json --lang da`: the model read back from facts.json.
  ojson facts = to_json(danish_model());
  auto back = scan_result_from_json(facts);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_NE(render_html(*back, danish()).find("subprocess.call køres med shell=True"), std::string::npos);
  // Facts written before arguments and translations: Danish report, English rule text.
  for (auto& f : facts["findings"]) f.erase("arguments");
  for (auto& rule : facts["rules"]) {
    rule.erase("message");
    rule.erase("translations");
  }
  auto old = scan_result_from_json(facts);
  ASSERT_TRUE(old) << old.error().message;
  const std::string html = render_html(*old, danish());
  EXPECT_NE(html.find("subprocess.call is run with shell=True (&lt;img"), std::string::npos);
  EXPECT_NE(html.find("Subprocess with shell=True"), std::string::npos);
  const std::string md = render_markdown(without_baseline(*old), danish());
  EXPECT_NE(md.find("subprocess.call is run with shell=True"), std::string::npos);
  // Arguments kept but no translation: English as well.
  facts = to_json(danish_model());
  for (auto& rule : facts["rules"]) rule.erase("translations");
  auto untranslated = scan_result_from_json(facts);
  ASSERT_TRUE(untranslated);
  EXPECT_NE(render_markdown(without_baseline(*untranslated), danish()).find("subprocess.call is run with shell=True"), std::string::npos);
}

}  // namespace
}  // namespace rh
