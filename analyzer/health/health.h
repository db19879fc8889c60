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

/// One entry of rules/health/checks.yml.
struct CheckSpec {
  std::string id;
  std::string dimension;
  double points = 0;  ///< taken off the dimension's score on fail, half on warn
  std::string title;
};
/// The checks in report order.
const std::vector<CheckSpec>& check_catalog();
const CheckSpec* find_check_spec(std::string_view id);

}  // namespace rh
