// THE fixture runner: every rule under rules/ against its fixtures. A fixture line
//   <comment> ruleid: <id>[, <id>…]   the next code line must be reported for each id
//   <comment> ok: <id>[, <id>…]       the next code line must not be reported
//   <comment> ruleid-file: <id> / ok-file: <id>   a file-level finding (line 1) is / is not expected
//   <comment> fixture-path: <path>    analyse the file as if it were at <path> (path globs)
// Misses and unexpected findings (of the ids the fixture names) both fail; so does a rule
// without a fixture, or without at least one ruleid and one ok line. `call` rules whose fixture
// language has no call-site extraction yet are listed as pending, not failed.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "engine/metric_rules.h"
#include "engine/rule_loader.h"
#include "engine/rule_set.h"
#include "engine_test_support.h"
#include "support/test_support.h"

namespace rh::test {
namespace {
namespace fs = std::filesystem;

const fs::path kRules = fs::path(RH_SOURCE_DIR) / "rules";

struct Expectations {
  std::string path;                                 ///< virtual path (fixture-path) or the real one
  std::map<int64_t, std::set<std::string>> report;  ///< line -> ids that must be reported there
  std::map<int64_t, std::set<std::string>> quiet;   ///< line -> ids that must not be
  std::set<std::string> ids;                        ///< every id the fixture names
};

std::vector<std::string> split_ids(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream ss(list);
  std::string id;
  while (std::getline(ss, id, ',')) {
    id.erase(0, id.find_first_not_of(" \t"));
    // an id ends at the first character ids do not have (a comment closer: */, -->, #})
    size_t end = 0;
    while (end < id.size() && (std::isalnum(static_cast<unsigned char>(id[end])) || id[end] == '.' || id[end] == '-' ||
                               id[end] == '_'))
      ++end;
    id.resize(end);
    if (!id.empty()) out.push_back(id);
  }
  return out;
}

Expectations read_expectations(const std::string& content, const std::string& real_path) {
  static const std::regex marker(R"(\b(ruleid-file|ok-file|ruleid|ok|fixture-path):\s*([A-Za-z0-9_*/-]*\.[A-Za-z0-9_.,/* \t-]*))");
  Expectations e;
  e.path = real_path;
  std::vector<std::string> lines;
  std::stringstream ss(content);
  for (std::string l; std::getline(ss, l);) lines.push_back(l);
  std::vector<std::pair<std::string, std::vector<std::string>>> pending;  // waiting for the next code line
  for (size_t i = 0; i < lines.size(); ++i) {
    const int64_t line = static_cast<int64_t>(i) + 1;
    std::smatch m;
    bool is_marker = false;
    std::string rest = lines[i];
    while (std::regex_search(rest, m, marker)) {
      is_marker = true;
      std::string kind = m[1];
      if (kind == "fixture-path") {
        std::string p = m[2];
        e.path = p.substr(0, p.find_first_of(" \t"));
      } else {
        auto ids = split_ids(m[2]);
        e.ids.insert(ids.begin(), ids.end());
        if (kind == "ruleid-file") for (auto& id : ids) e.report[1].insert(id);
        else if (kind == "ok-file") for (auto& id : ids) e.quiet[1].insert(id);
        else pending.emplace_back(kind, ids);
      }
      rest = m.suffix();
    }
    if (is_marker) continue;
    for (auto& [kind, ids] : pending)
      for (auto& id : ids) (kind == "ruleid" ? e.report : e.quiet)[line].insert(id);
    pending.clear();
  }
  return e;
}

std::vector<fs::path> fixtures_of(const fs::path& rule_file) {
  std::vector<fs::path> out;
  const std::string stem = rule_file.stem().string();
  for (const auto& entry : fs::directory_iterator(rule_file.parent_path())) {
    std::string name = entry.path().filename().string();
    if (entry.path() == rule_file || !name.starts_with(stem + ".")) continue;
    if (is_rule_file(name)) continue;
    out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST(FixtureRunner, EveryRuleMeetsItsFixtures) {
  RuleCatalog catalog;
  load_rule_folder(kRules.string(), catalog);
  ASSERT_TRUE(catalog.errors.empty()) << catalog.errors.front();
  SelectOptions all;
  all.all_states = true;
  all.compile_now = true;
  auto rules = RuleSet::build(catalog, Config{}, all);
  ASSERT_TRUE(rules) << rules.error().message;

  std::vector<std::string> failures, pending;
  size_t checked = 0, expectations = 0;
  for (const Rule& rule : catalog.rules) {
    const std::string& id = rule.descriptor.id;
    if (rule.descriptor.kind == "repo") continue;  // checked by the health tests
    auto fixtures = fixtures_of(rule.source);
    if (fixtures.empty()) {
      failures.push_back(rule.source + ": no fixture beside the rule (" + fs::path(rule.source).stem().string() + ".<ext>)");
      continue;
    }
    bool has_ruleid = false, has_ok = false;
    for (const auto& fixture : fixtures) {
      const std::string content = read_file(fixture);
      const std::string rel = fs::relative(fixture, RH_SOURCE_DIR).string();
      Expectations e = read_expectations(content, rel);
      for (const auto& [line, ids] : e.report) has_ruleid = has_ruleid || ids.count(id);
      for (const auto& [line, ids] : e.quiet) has_ok = has_ok || ids.count(id);
      RuleRun run = run_rules(**rules, e.path, content);
      if (!run.language && !rule.descriptor.languages.empty()) {
        failures.push_back(rel + ": no language detected for " + e.path);
        continue;
      }
      if (rule.descriptor.kind == "metric" && is_scan_metric(rule.metric.metric)) {
        pending.push_back(rel + " (" + id + "): a scan-level metric, checked end to end (tests/e2e/rules_e2e_test.cpp)");
        continue;
      }
      if (rule.descriptor.kind == "call" && run.calls == 0) {
        pending.push_back(rel + " (" + id + "): no call sites extracted for " +
                          (run.language ? run.language->id : std::string("?")) + " yet");
        continue;
      }
      ++checked;
      for (const auto& [line, ids] : e.report)
        for (const auto& want : ids) {
          ++expectations;
          bool found = std::any_of(run.findings.begin(), run.findings.end(),
                                   [&, at = line](const Finding& f) { return f.rule_id == want && f.start_line == at; });
          if (!found) failures.push_back(rel + ":" + std::to_string(line) + ": missed " + want);
        }
      for (const auto& [line, ids] : e.quiet)
        for (const auto& quiet : ids) {
          ++expectations;
          for (const Finding& f : run.findings)
            if (f.rule_id == quiet && f.start_line == line)
              failures.push_back(rel + ":" + std::to_string(line) + ": reported " + quiet + " on an ok line: " + f.message);
        }
      for (const Finding& f : run.findings) {
        if (f.rule_id != id && !e.ids.count(f.rule_id)) continue;
        auto it = e.report.find(f.start_line);
        bool wanted = it != e.report.end() && it->second.count(f.rule_id);
        auto q = e.quiet.find(f.start_line);
        bool quiet_line = q != e.quiet.end() && q->second.count(f.rule_id);
        if (!wanted && !quiet_line)
          failures.push_back(rel + ":" + std::to_string(f.start_line) + ": unexpected " + f.rule_id + ": " + f.message);
      }
    }
    if (!has_ruleid) failures.push_back(rule.source + ": no 'ruleid: " + id + "' line in its fixtures");
    if (!has_ok) failures.push_back(rule.source + ": no 'ok: " + id + "' look-alike in its fixtures");
  }
  for (const auto& p : pending) std::cout << "[ PENDING  ] " << p << "\n";
  std::cout << "[ FIXTURES ] " << catalog.rules.size() << " rules, " << checked << " fixtures checked, "
            << expectations << " expectations, " << pending.size() << " pending\n";
  std::string report;
  for (const auto& f : failures) report += "\n  " + f;
  EXPECT_TRUE(failures.empty()) << failures.size() << " fixture failures:" << report;
}

TEST(FixtureRunner, EmbeddedRulesAreTheRulesFolder) {
  const RuleCatalog& embedded = embedded_rules();
  ASSERT_TRUE(embedded.errors.empty()) << embedded.errors.front();
  RuleCatalog disk;
  load_rule_folder(kRules.string(), disk);
  ASSERT_EQ(embedded.rules.size(), disk.rules.size()) << "rebuild: rules/ changed since the binary was built";
  for (size_t i = 0; i < disk.rules.size(); ++i) EXPECT_EQ(embedded.rules[i].descriptor, disk.rules[i].descriptor);
}

TEST(FixtureRunner, MarkersAreRead) {
  Expectations e = read_expectations(
      "# fixture-path: app/settings.py\n# ruleid: a.b.c, a.b.d\n# ok: a.b.e\nx = 1\n\n// ok-file: a.b.f\ny\n", "real.py");
  EXPECT_EQ(e.path, "app/settings.py");
  EXPECT_EQ(e.report[4], (std::set<std::string>{"a.b.c", "a.b.d"}));
  EXPECT_EQ(e.quiet[4], (std::set<std::string>{"a.b.e"}));
  EXPECT_EQ(e.quiet[1], (std::set<std::string>{"a.b.f"}));
}

}  // namespace rh::test

namespace rh::test {

TEST(FixtureRunner, EmbeddedRulesCompileForEveryLanguage) {
  SelectOptions all;
  all.all_states = true;
  all.compile_now = true;
  auto rules = RuleSet::build(embedded_rules(), Config{}, all);
  ASSERT_TRUE(rules) << rules.error().message;
  EXPECT_EQ((*rules)->rules().size(), embedded_rules().rules.size());
  for (const auto& note : (*rules)->notes()) ADD_FAILURE() << english(note);
}

}  // namespace rh::test
