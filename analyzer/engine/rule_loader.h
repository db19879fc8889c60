#pragma once
// Loads rule files and checks them against the rule schema (docs/rules.md). Every problem is
// reported as "file:line: field 'x': what (hint)"; loading continues past a bad file so all
// problems are listed at once, and the caller refuses to scan when there is any (exit 2) — one
// broken rule never silently disables the others.
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "core/message.h"

namespace rh {

struct RuleCatalog {
  std::vector<Rule> rules;          ///< sorted by id
  std::vector<std::string> errors;  ///< empty when every file is valid
  /// Accepted, but worth a notification: the deprecated `precision:` key, and a rule on that key
  /// of severity error without confidence high (demoted to warning).
  std::vector<Message> warnings;
};

/// Parses one rule file. `file` names it in messages; the id's last segment must equal the
/// file's stem. Appends to `errors` and returns false when the file is not a valid rule;
/// deprecations go to `warnings` when given.
bool parse_rule(std::string_view text, const std::string& file, Rule& out, std::vector<std::string>& errors,
                std::vector<Message>* warnings = nullptr);

/// Whether a path names a rule file: `<stem>.yml` or `<stem>.yaml` with no other dot in the
/// stem (`x.test.yml` is a fixture) and not under the language specs.
bool is_rule_file(std::string_view relative_path);

/// The rules embedded in the binary (rules/ at build time), parsed once.
const RuleCatalog& embedded_rules();

/// Adds the rules of a user folder (searched recursively). A rule whose id is already in the
/// catalog is an error naming both files.
void load_rule_folder(const std::string& folder, RuleCatalog& catalog);

/// The embedded rules plus those of `folders`, sorted by id. Only the folders' warnings are
/// kept (those of the embedded rules are in embedded_rules().warnings).
RuleCatalog load_rules(const std::vector<std::string>& folders, bool include_embedded = true);

}  // namespace rh
