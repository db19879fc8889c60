// The check records (rules/repo/<family>/<name>.yml: one per check, the one source of its
// identity, points and requirement mapping), the requirement mapping, and the documentation.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/scoring_config.h"
#include "health/checks.h"
#include "health/health.h"

namespace rh {
namespace {

std::string source(const std::string& rel) {
  std::ifstream in(std::string(RH_SOURCE_DIR) + "/" + rel);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(HealthCatalog, EveryCheckHasOneCompleteRecord) {
  ASSERT_GE(check_catalog().size(), 30u);
  std::set<std::string> dims(score_dimensions().begin(), score_dimensions().end());
  std::set<std::string> requirement_ids;
  for (const auto& r : health::map_requirements({})) requirement_ids.insert(r.id);
  std::set<std::string> ids;
  std::set<int> orders;
  for (const auto& c : check_catalog()) {
    EXPECT_TRUE(ids.insert(c.id).second) << "two records for " << c.id;
    EXPECT_TRUE(orders.insert(c.order).second) << c.id << " shares its order " << c.order;
    EXPECT_TRUE(dims.count(c.dimension)) << c.id << ": unknown dimension " << c.dimension;
    EXPECT_GE(c.points, 0) << c.id;
    EXPECT_FALSE(c.looks_for.empty()) << c.id << " has no looks_for";
    for (const auto& q : c.requirements) EXPECT_TRUE(requirement_ids.count(q)) << c.id << " names requirement " << q;
    // The record's path names the check: rules/repo/<family>/<name>.yml for "<family>.<name>".
    const std::string family = c.id.substr(0, c.id.find('.'));
    const std::string name = c.id.substr(c.id.find('.') + 1);
    EXPECT_EQ(c.rule_file, "repo/" + family + "/" + name + ".yml");
    YAML::Node rule = YAML::LoadFile(std::string(RH_SOURCE_DIR) + "/rules/" + c.rule_file);
    EXPECT_EQ(rule["id"].as<std::string>(), "repo." + c.id);
    EXPECT_EQ(rule["kind"].as<std::string>(), "repo");
    EXPECT_TRUE(rule["da"] && rule["da"]["title"]) << c.rule_file << " has no Danish title";
  }
  // ... and every file under rules/repo is a check's record.
  for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(RH_SOURCE_DIR) + "/rules/repo")) {
    if (e.path().extension() != ".yml") continue;
    YAML::Node rule = YAML::LoadFile(e.path().string());
    EXPECT_NE(find_check_spec(rule["repo"]["check"].as<std::string>()), nullptr) << e.path();
  }
}

TEST(HealthCatalog, HealthDocumentDescribesEveryCheckAndRequirement) {
  const std::string doc = source("docs/health.md");
  for (const auto& c : check_catalog()) EXPECT_NE(doc.find("`" + c.id + "`"), std::string::npos) << c.id;
  for (const auto& r : health::map_requirements({})) EXPECT_NE(doc.find("| " + r.id + " |"), std::string::npos) << r.id;
}

TEST(HealthCatalog, RequirementsNameExistingChecks) {
  auto reqs = health::map_requirements({});
  int community = 0, spc = 0;
  std::set<std::string> ids;
  for (const auto& r : reqs) {
    EXPECT_TRUE(ids.insert(r.id).second) << "duplicate " << r.id;
    (r.framework == "community" ? community : spc)++;
    for (const auto& c : r.checks) EXPECT_NE(find_check_spec(c), nullptr) << r.id << " names " << c;
    if (r.checks.empty()) {
      EXPECT_FALSE(r.person.empty()) << r.id << " must say what a person judges";
    }
  }
  EXPECT_EQ(spc, 16);  // the Standard for Public Code's 16 criteria
  for (const char* id : {"F1", "F2", "F5", "F6", "F11", "F12", "F16", "F17", "F19", "G9"})
    EXPECT_TRUE(ids.count(id)) << id;
  EXPECT_EQ(community, 10);
}

TEST(HealthCatalog, RequirementStatusFollowsItsChecks) {
  auto with = [](std::vector<std::pair<std::string, std::string>> statuses) {
    std::vector<HealthCheck> checks;
    for (auto& [id, status] : statuses) {
      HealthCheck c = health::make_check(id);
      c.status = status;
      checks.push_back(c);
    }
    std::map<std::string, std::string> out;
    for (const auto& r : health::map_requirements(checks)) out[r.id] = r.status;
    return out;
  };
  // F2: licence.present, licence.osi-approved, licence.community-default, licence.declarations,
  // licence.headers.
  auto s = with({{"licence.present", "pass"}, {"licence.osi-approved", "pass"}, {"licence.community-default", "pass"},
                 {"licence.declarations", "pass"}, {"licence.headers", "not_applicable"}});
  EXPECT_EQ(s["F2"], "met");
  s = with({{"licence.present", "pass"}, {"licence.osi-approved", "pass"}, {"licence.community-default", "warn"},
            {"licence.headers", "pass"}});
  EXPECT_EQ(s["F2"], "partly");
  s = with({{"licence.present", "fail"}, {"licence.osi-approved", "inconclusive"},
            {"licence.community-default", "inconclusive"}, {"licence.headers", "not_applicable"}});
  EXPECT_EQ(s["F2"], "not_met");
  s = with({{"licence.present", "inconclusive"}, {"licence.osi-approved", "inconclusive"},
            {"licence.community-default", "inconclusive"}, {"licence.headers", "inconclusive"}});
  EXPECT_EQ(s["F2"], "inconclusive");
  EXPECT_EQ(s["F6"], "needs_person");  // no check can tell who controls the repository
  EXPECT_EQ(s["G9"], "needs_person");
  // A missing check (not run) counts as inconclusive, never as passed.
  s = with({{"build.container", "pass"}});
  EXPECT_EQ(s["F19"], "met");
  EXPECT_EQ(s["SPC-3"], "partly");  // build.container passed, build.lock-files unknown
}

}  // namespace
}  // namespace rh
