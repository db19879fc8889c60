#pragma once
// The quality gate: conditions from `.repohealth.yml` (`gate:`), or the built-in default, judged
// on a scan's model. Each condition reports its actual value, threshold and verdict.
// Reference: docs/ci.md.
#include "core/gate_config.h"
#include "core/model.h"

namespace rh {

/// The default used by --gate when no `gate:` is configured: no new finding (with new-code
/// information; else no open finding) of severity error or tagged security, counting only
/// findings of high-confidence rules.
GateConfig default_gate();

/// Judges `gate` on `result`. Conditions on new code need result.new_code or a baseline
/// (findings with baseline_state); without them they are `not_evaluated` (which does not fail).
GateResult evaluate_gate(const ScanResult& result, const GateConfig& gate, const std::string& source);

/// New-code classification of findings after a scan with --new-since: fills each finding's
/// baseline_state (new | unchanged) from the merge base's findings of the changed files, and the
/// counts in `new_code`.
void classify_new_findings(NewCode& new_code, std::vector<Finding>& findings, const std::vector<Finding>& base_findings);

}  // namespace rh
