#include "core/model_json.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace rh {

namespace {
ScanResult sample() {
  ScanResult r;
  r.scan.tool_version = "0.1.0";
  r.scan.root = "/tmp/x";
  r.scan.source = "git-tree";
  r.scan.revision = "0123456789abcdef0123456789abcdef01234567";
  r.scan.revision_spec = "HEAD";
  r.scan.branch = "main";
  r.scan.started_at = "2026-01-01T00:00:00Z";
  r.scan.duration_ms = 12;
  r.scan.jobs = 2;
  FileFacts f;
  f.path = "a/b.py";
  f.language = "python";
  f.size_bytes = 42;
  f.lines = {10, 6, 2, 2};
  f.parsed = true;
  f.functions.push_back({"C.m", 1, 5, 2, 4, 3, 2, 1, 20});
  f.functions.back().halstead = {7, 5, 12, 9, 63.39};
  f.totals = {1, 4, 3, 2, 20, 4, 3, 2, 2, 1};
  f.tokens = 31;
  f.halstead = {9, 8, 17, 14, 126.71};
  f.maintainability_index = 71.25;
  f.duplicated_lines = 6;
  r.files.push_back(f);
  FileFacts data;  // not parsed: no maintainability index (null)
  data.path = "c.json";
  data.language = "json";
  data.role = "fixture";
  data.lines = {3, 3, 0, 0};
  r.files.push_back(data);
  r.duplication.min_tokens = 50;
  r.duplication.product_code_lines = 6;
  r.duplication.product_duplicated_lines = 6;
  r.duplication.min_lines = 6;
  r.duplication.files = 1;
  r.duplication.code_lines = 6;
  r.duplication.duplicated_lines = 6;
  r.duplication.duplicated_percent = 100;
  r.duplication.groups.push_back({55, 3, {{"a/b.py", 1, 3}, {"a/b.py", 7, 9}}});
  r.skipped.push_back({"vendor/x.js", "vendored", "matches 'vendor/'"});
  r.notifications.push_back({"warning", "bad.py", "2 syntax errors"});
  RuleDescriptor rule;
  rule.id = "python.security.subprocess-shell";
  rule.title = "subprocess with shell=True";
  rule.severity = "error";
  rule.kind = "call";
  rule.languages = {"python"};
  rule.tags = {"security", "CWE-78"};
  rule.confidence = "high";
  rule.state = "stable";
  rule.description = "Why: ...";
  rule.security_severity = "8.8";
  rule.message = "subprocess.{name} with shell=True";
  rule.translations["da"] = RuleText{"subprocess med shell=True", "subprocess.{name} med shell=True"};
  r.rules.push_back(rule);
  Finding finding;
  finding.rule_id = rule.id;
  finding.severity = "error";
  finding.message = "subprocess.run with shell=True";
  finding.arguments = {{"name", "run"}};
  finding.path = "a/b.py";
  finding.start_line = 3;
  finding.start_column = 5;
  finding.end_line = 3;
  finding.end_column = 40;
  finding.snippet = "subprocess.run(cmd, shell=True)";
  finding.function = "C.m";
  finding.fingerprint = "abc123";
  finding.suppression = Suppression{"in_source", "reviewed"};
  r.findings.push_back(finding);
  finding.suppression.reset();
  finding.baseline_state = "new";
  r.findings.push_back(finding);
  return r;
}
}  // namespace

TEST(ModelJson, RoundTripsExactly) {
  ScanResult r = sample();
  std::string text = facts_json_text(r);
  auto back = scan_result_from_json(ojson::parse(text));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back, r);
  EXPECT_EQ(facts_json_text(*back), text);
}

TEST(ModelJson, UsesDocumentedFieldNames) {
  ojson j = to_json(sample());
  EXPECT_EQ(j["schema_version"], kSchemaVersion);
  const ojson& fn = j["files"][0]["functions"][0];
  for (const char* k : {"name", "start_line", "end_line", "params", "nloc", "cyclomatic", "cognitive"})
    EXPECT_TRUE(fn.contains(k)) << k;
  EXPECT_TRUE(j["history"].is_null());
  const ojson& file = j["files"][0];
  for (const char* k : {"function_totals", "tokens", "halstead", "maintainability_index", "duplicated_lines"})
    EXPECT_TRUE(file.contains(k)) << k;
  EXPECT_TRUE(fn["halstead"].contains("volume"));
  EXPECT_TRUE(j["files"][1]["maintainability_index"].is_null());
  EXPECT_EQ(j["duplication"]["groups"][0]["locations"].size(), 2u);
}

TEST(ModelJson, MetricFieldsAreOptionalWhenReadingButTyped) {
  ojson j = to_json(sample());
  j["files"][0].erase("halstead");
  j["files"][0]["functions"][0].erase("halstead");
  j.erase("duplication");
  auto r = scan_result_from_json(j);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->files[0].halstead, Halstead{});
  EXPECT_TRUE(r->duplication.groups.empty());
  ojson k = to_json(sample());
  k["files"][0]["maintainability_index"] = "high";
  auto bad = scan_result_from_json(k);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("$.files[0].maintainability_index"), std::string::npos) << bad.error().message;
  ojson m = to_json(sample());
  m["duplication"]["groups"][0]["locations"][1]["start_line"] = "seven";
  auto worse = scan_result_from_json(m);
  ASSERT_FALSE(worse);
  EXPECT_NE(worse.error().message.find("$.duplication.groups[0].locations[1].start_line"), std::string::npos);
}

TEST(ModelJson, FileRoleRoundTripsAndDefaultsToProduct) {
  ojson j = to_json(sample());
  EXPECT_EQ(j["files"][0]["role"], "product");
  EXPECT_EQ(j["files"][1]["role"], "fixture");
  EXPECT_EQ(j["duplication"]["product_code_lines"], 6);
  auto back = scan_result_from_json(j);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->files[1].role, "fixture");
  // A facts file written before roles: every file is product code.
  j["files"][1].erase("role");
  j["duplication"].erase("product_code_lines");
  auto old = scan_result_from_json(j);
  ASSERT_TRUE(old) << old.error().message;
  EXPECT_EQ(old->files[1].role, "product");
  EXPECT_EQ(old->duplication.product_code_lines, 0);
  j["files"][0]["role"] = 3;
  EXPECT_FALSE(scan_result_from_json(j));
}

TEST(ModelJson, ScanCacheIsWrittenOnlyWhenUsedAndRoundTrips) {
  ScanResult r = sample();
  EXPECT_FALSE(to_json(r)["scan"].contains("cache"));  // --no-cache: no key at all
  r.scan.cache = CacheUse{"/home/u/.cache/repohealth/files-v2.sqlite", 40, 2};
  const ojson j = to_json(r);
  EXPECT_EQ(j["scan"]["cache"]["hits"], 40);
  EXPECT_EQ(j["scan"]["cache"]["misses"], 2);
  auto back = scan_result_from_json(j);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->scan.cache, r.scan.cache);
  ojson wrong = j;
  wrong["scan"]["cache"]["hits"] = "many";
  EXPECT_FALSE(scan_result_from_json(wrong));
}

TEST(ModelJson, MissingFieldIsNamed) {
  ojson j = to_json(sample());
  j["files"][0]["functions"][0].erase("nloc");
  auto r = scan_result_from_json(j);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "$.files[0].functions[0].nloc is missing");
}

// A rule's confidence was named precision (very-high | high | medium | low) in older facts.
TEST(ModelJson, RuleConfidenceReadsTheOldPrecisionKey) {
  ojson j = to_json(sample());
  EXPECT_EQ(j["rules"][0]["confidence"], "high");
  j["rules"][0].erase("confidence");
  j["rules"][0]["precision"] = "very-high";
  auto r = scan_result_from_json(j);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->rules[0].confidence, "high");
  j["rules"][0].erase("precision");
  auto missing = scan_result_from_json(j);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "$.rules[0].confidence is missing");
}

// Facts written before findings kept their message arguments and rules their message template
// and translations still load (reports then show the English message).
TEST(ModelJson, MessageArgumentsAndRuleTranslationsAreOptionalWhenReading) {
  ojson j = to_json(sample());
  EXPECT_EQ(j["findings"][0]["arguments"], ojson({{"name", "run"}}));
  EXPECT_EQ(j["rules"][0]["message"], "subprocess.{name} with shell=True");
  EXPECT_EQ(j["rules"][0]["translations"]["da"]["title"], "subprocess med shell=True");
  for (auto& f : j["findings"]) f.erase("arguments");
  j["rules"][0].erase("message");
  j["rules"][0].erase("translations");
  auto r = scan_result_from_json(j);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->findings[0].arguments.empty());
  EXPECT_EQ(r->findings[0].message, "subprocess.run with shell=True");
  EXPECT_TRUE(r->rules[0].message.empty());
  EXPECT_TRUE(r->rules[0].translations.empty());
  j["findings"][0]["arguments"] = ojson::array({"run"});
  auto wrong = scan_result_from_json(j);
  ASSERT_FALSE(wrong);
  EXPECT_NE(wrong.error().message.find("$.findings[0].arguments has the wrong type"), std::string::npos)
      << wrong.error().message;
}

TEST(ModelJson, WrongTypeAndNewerSchema) {
  ojson j = to_json(sample());
  j["files"][0]["lines"]["code"] = "many";
  auto r = scan_result_from_json(j);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("$.files[0].lines.code has the wrong type"), std::string::npos);
  ojson k = to_json(sample());
  k["schema_version"] = kSchemaVersion + 1;
  EXPECT_FALSE(scan_result_from_json(k));
}

TEST(ModelJson, ReadFactsFileNamesTheFile) {
  test::TempDir dir;
  test::write_file(dir.path(), "facts.json", "{ not json");
  auto r = read_facts_file((dir.path() / "facts.json").string());
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("facts.json: not valid JSON"), std::string::npos);
}

}  // namespace rh
