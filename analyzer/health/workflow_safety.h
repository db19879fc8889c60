#pragma once
// Safety review of one GitHub Actions workflow file, modelled on OpenSSF Scorecard's
// Dangerous-Workflow, Pinned-Dependencies and Token-Permissions checks and on zizmor: fork code
// checked out in a privileged trigger, actions not pinned to a commit, over-broad or defaulted
// GITHUB_TOKEN permissions, secrets printed to the log, and event data expanded into scripts.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/message.h"

namespace rh {

struct WorkflowIssue {
  /// untrusted_checkout | unpinned_action | write_all_permissions | no_permissions |
  /// secret_echoed | script_injection | unreadable
  std::string kind;
  int64_t line = 0;  ///< 1-based line in the workflow file of the offending node (1 = the file)
  std::string text;  ///< one line naming the job/step and the offending value (English)
  Message message;   ///< `text` as a catalogue message (rules/health/messages/workflows.yml)
  bool operator==(const WorkflowIssue&) const = default;
};

/// Reviews one workflow file (.github/workflows/*.yml|yaml); issues are ordered by line. Never
/// throws: a file that is not valid YAML or not a mapping gives one `unreadable` issue with the
/// parser's line and message.
std::vector<WorkflowIssue> check_workflow(std::string_view yaml_text);

/// True for paths GitHub runs as workflows: .github/workflows/<name>.yml or .yaml, directly in
/// that folder, relative to the repository root ("./" and "\" separators are accepted).
bool is_github_workflow(std::string_view path);

}  // namespace rh
