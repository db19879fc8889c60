#pragma once
// The scan's clone step, after every file was analysed (metrics/clones.h).
#include <vector>

#include "cli/file_analysis.h"
#include "metrics/clones.h"

namespace rh {

/// Finds the clones among the outcomes' token sequences: fills `duplication` and each file's
/// duplicated_lines, and releases the sequences.
void detect_duplication(std::vector<FileOutcome>& outcomes, const CloneOptions& options, Duplication& duplication);

}  // namespace rh
