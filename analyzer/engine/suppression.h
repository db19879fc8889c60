#pragma once
// Suppressions. Inline: `repohealth-ignore[: id[, id…]] [reason]` in a comment on the finding's
// line or the line before, in any comment syntax. Config: `rules.<id>.exclude` and `ignore:`
// entries of .repohealth.yml. Baseline: baseline.h. A suppressed finding stays in the model
// with its Suppression (kind and reason).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/findings_model.h"
#include "engine/finding_builder.h"

namespace rh {

struct InlineIgnore {
  std::vector<std::string> rules;  ///< ids or pack prefixes; empty = every rule
  std::string reason;
};

/// The ignore comment on one line of text, if any.
std::optional<InlineIgnore> parse_inline_ignore(std::string_view line);

/// The in_source suppression of a finding of `rule_id` starting on `line`, if any.
std::optional<Suppression> inline_suppression(FileText& text, int64_t line, const std::string& rule_id);

/// A config suppression: these path globs (empty = all) for one rule, with the reason.
struct PathSuppression {
  std::vector<std::string> paths;
  std::string reason;
  std::string where;  ///< "file:line" of the config entry
};

std::optional<Suppression> config_suppression(const std::vector<PathSuppression>& entries, std::string_view path);

}  // namespace rh
