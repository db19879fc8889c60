#pragma once
// Repository health: the checks of docs/health.md over the listing, a few files read again
// (README, licence, manifests, workflows, publiccode.yml) and what the scan already knows
// (file facts, findings, history); the requirement mapping; the scores of docs/scoring.md.
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/file_source.h"
#include "core/health_model.h"
#include "core/model.h"

namespace rh {

struct HealthInput {
  const std::vector<SourceEntry>& entries;  ///< the whole listing (skipped files included)
  FileSource& source;                       ///< to read the few files the checks look into
  const ScanResult& result;                 ///< files, skipped, findings, duplication, history, scan
  const Config& config;                     ///< scoring weights and grade boundaries
};

/// Runs every check and maps them to the requirements; the scores are health/scoring.h's, once
/// the findings are final. Never fails: a file that cannot be read is evidence ("unreadable"), not an error.
HealthFacts analyse_health(const HealthInput& input);

/// A health check's record: the `repo` rule rules/repo/<family>/<name>.yml (rule id
/// "repo.<id>") with its `repo:` section: the one source of the check's identity, and of its texts
/// (summaries, remedies, evidence: `repo.messages`, read by core/message.cpp).
struct CheckSpec {
  std::string id;         ///< repo.check, e.g. "licence.present"
  std::string dimension;  ///< repo.dimension, one of score_dimensions()
  double points = 0;      ///< repo.points: taken off the dimension's score on fail, half on warn
  std::string title;      ///< the rule's title (English); its `da.title` is in the message catalogue
  int order = 0;          ///< repo.order: the report shows the checks by it
  std::vector<std::string> requirements;  ///< repo.requirements: ids of rules/health/requirements.yml
  std::string looks_for;  ///< repo.looks_for: what the check looks at and when it passes (docs/health.md)
  std::string rule_file;  ///< the record, relative to rules/ ("repo/licence/present.yml")
};
/// The checks in report order (by `order`).
const std::vector<CheckSpec>& check_catalog();
const CheckSpec* find_check_spec(std::string_view id);

}  // namespace rh
