#include "cli/health_step.h"

#include "engine/rule_set.h"
#include "health/health.h"
#include "health/scoring.h"

namespace rh {

void run_health_checks(const std::vector<SourceEntry>& entries, FileSource& source, const Config& config,
                       const RuleSet& rules, ScanResult& result) {
  result.rules = rules.descriptors();  // the secrets check asks which rules ran
  HealthFacts health = analyse_health(HealthInput{entries, source, result, config});
  rules.match_repo(health.checks, result.findings);
  result.health = std::move(health);
}

void score_health_step(const Config& config, ScanResult& result) {
  if (result.health) result.health->scores = score_health(result, *result.health, config.scoring);
}

}  // namespace rh
