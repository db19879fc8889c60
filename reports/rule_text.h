#pragma once
// A rule's title and a finding's message in the report's language: the one place the HTML and
// Markdown reports take them from. A rule's translations come with the model (facts.json
// `rules[].translations`, from the rule's `da:` block, docs/rules.md), so a report re-rendered
// from facts.json alone is as Danish as one written by the scan. SARIF, GitLab and facts.json
// keep the English (machine formats).
#include <string>
#include <string_view>
#include <vector>

#include "core/findings_model.h"

namespace rh {

/// The descriptor with that id in the model's rules, or null.
const RuleDescriptor* find_rule(const std::vector<RuleDescriptor>& rules, std::string_view id);

/// The rule's title in `lang`: its translation, else its English title, else `rule_id` (no
/// descriptor in the model, or one without a title).
std::string rule_title(const RuleDescriptor* rule, const std::string& rule_id, std::string_view lang);

/// The finding's message in `lang`: the rule's translated message filled with the finding's
/// arguments (repository text, so the caller escapes it as usual). The English message as the
/// finding has it when `lang` is English, when the rule has no translation (a user rule without
/// `da:`), or when the finding lacks an argument the translation needs (facts written before
/// arguments were kept).
std::string finding_message(const Finding& finding, const RuleDescriptor* rule, std::string_view lang);

/// As above, the rule looked up in the model's rules.
std::string finding_message(const Finding& finding, const std::vector<RuleDescriptor>& rules, std::string_view lang);

}  // namespace rh
