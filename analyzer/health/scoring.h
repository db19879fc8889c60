#pragma once
// The health scores (docs/scoring.md gives every formula and its rationale). Each dimension
// starts at 100 and each input takes points off; the score is clamped to 0-100 and graded A-E
// by the configured boundaries. The overall score is the weighted mean of the rated dimensions.
#include <string>
#include <vector>

#include "core/health_model.h"
#include "core/model.h"
#include "core/scoring_config.h"

namespace rh {

/// A (score >= boundaries[0]) … D (>= boundaries[3]), else E.
std::string grade_for(double score, const std::vector<double>& boundaries);

/// Complexity, file size, duplication and maintainability index of the analysed code.
DimensionScore score_maintainability(const ScanResult& result);
/// Open security findings per rule (severity points times the rule's confidence factor, at most
/// 25 per rule), plus the security checks (secrets, credential files, workflow safety) weighed
/// by their repo rule's confidence, at most 25 each.
DimensionScore score_security(const ScanResult& result, const std::vector<HealthCheck>& checks);

/// Points one open security finding of this severity takes before the confidence factor.
double severity_points(const std::string& severity);
/// How much a rule's findings count in the security score: high 1, medium 0.5, low 0.
double confidence_factor(const std::string& confidence);
/// Truck factor, knowledge loss, organisation concentration, active authors (needs history).
DimensionScore score_knowledge(const ScanResult& result);
/// A dimension scored by its checks only (process, documentation): fail takes the check's
/// points, warn half.
DimensionScore score_from_checks(const std::string& dimension, const std::vector<HealthCheck>& checks);

/// All five, graded, and the overall score.
Scores score_health(const ScanResult& result, const HealthFacts& health, const ScoringConfig& config);

}  // namespace rh
