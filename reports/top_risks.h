#pragma once
// The few risks a steering committee should act on, ranked, for the first screen of the HTML
// report, the top of report.md and page 1 of the printed report. A risk is a scoring input that
// took points off a grade (docs/scoring.md), weighted by its dimension's weight, so the ranking
// is the one the grades already explain; each comes with its evidence (numbers, files, people by
// name), the remedy, and who should act. Derived from the model only.
#include <string>
#include <vector>

#include "core/model.h"
#include "reports/i18n.h"

namespace rh {

struct Risk {
  std::string input;      ///< the scoring input: a check id, a rule id, or "truck_factor", …
  std::string dimension;  ///< the dimension whose grade it moved
  double points = 0;      ///< points it took off that grade (positive)
  double weight = 0;      ///< points × the dimension's weight: the ranking
  std::string title;      ///< in the report's language
  std::string evidence;   ///< one sentence with the numbers, in the report's language
  /// Where: "path" or "path:line" (function locations carry the function's name after a space).
  /// Repository content: shown as code, never translated.
  std::vector<std::string> locations;
  int64_t more_locations = 0;       ///< locations left out of the list
  std::vector<std::string> people;  ///< names (or organisations), repository content
  std::string remedy;               ///< what to do, in the report's language
  std::string actor;                ///< maintainer | product_owner | steering_group
  /// The health check behind the risk, when it is one: its summary and remedy are messages that
  /// quote repository content, which a writer marks up in its own way (message_html, message_md).
  const HealthCheck* check = nullptr;
};

/// At most `max` risks, highest weight first; inputs that took less than one point are left out.
/// Empty when the model has no scores (no health analysis).
std::vector<Risk> top_risks(const ScanResult& result, const Translation& t, size_t max = 5);

/// The inputs that moved one dimension's grade, most points first, as "name −points" in the
/// report's language; at most `max`.
std::vector<std::string> grade_movers(const ScanResult& result, const DimensionScore& dimension,
                                      const Translation& t, size_t max = 3);

}  // namespace rh
