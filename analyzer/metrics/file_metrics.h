#pragma once
// Per-file metrics computed from what the frontend measured: sums and maxima over the
// functions, and the maintainability index. Definitions: docs/metrics.md.
#include <optional>

#include "core/model.h"

namespace rh {

/// Sums and maxima over the file's functions.
FunctionTotals function_totals(const std::vector<FunctionMetrics>& functions);

/// The maintainability index on a 0-100 scale, radon's formula (the SEI variant with the
/// comment term, rescaled to 0-100 as Visual Studio does):
///   MI = clamp(0, 100, (171 - 5.2 ln V - 0.23 G - 16.2 ln L + 50 sin(sqrt(2.46 rad(C)))) * 100 / 171)
/// V: the file's Halstead volume; G: the sum of its functions' cyclomatic complexity; L: its
/// code lines; C: comment lines as a percentage of code lines, in degrees -> radians as radon
/// converts it. 100 when V or L is 0. Rounded to 2 decimals.
double maintainability_index(double halstead_volume, int64_t cyclomatic_sum, int64_t code_lines,
                             int64_t comment_lines);

/// Fills facts.totals and, for a parsed file, facts.maintainability_index.
void finish_file_metrics(FileFacts& facts);

}  // namespace rh
