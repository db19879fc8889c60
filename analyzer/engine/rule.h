#pragma once
// A rule as loaded from its YAML file (schema: docs/rules.md, checked by rule_loader.h). Plain
// data; the compiled form used while scanning is RuleSet (rule_set.h).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/findings_model.h"
#include "core/rule_pages.h"  // rule_pack

namespace rh {

/// `query` kind: a tree-sitter query (with #eq?, #not-eq?, #match?, #not-match?, #any-of?,
/// #not-any-of? predicates) run on every file of the rule's languages. Captures: `@match` is
/// the region reported (else the widest capture); any capture can be interpolated: `{name}`.
struct QuerySpec {
  std::string source;
  int line = 0;  ///< 1-based line in the rule file where the query text starts
};

/// One argument condition of a `call` rule. The argument is chosen by position or keyword;
/// every condition given must hold.
struct ArgumentCondition {
  int index = -1;                   ///< positional index (0-based), -1 when chosen by keyword
  std::string keyword;              ///< keyword argument name
  std::optional<bool> present;      ///< false: the argument must be absent
  std::optional<bool> literal;      ///< the argument is (true) / is not (false) a literal
  std::vector<std::string> equals;  ///< the argument's text is one of these
  std::string matches;              ///< the argument's text matches this regex (Vectorscan)
  /// Calls that keep a literal a literal for `literal`: a translation wrapper such as
  /// `_("...")` or `ngettext("...", "...", n)` whose message arguments (0-based positions) are
  /// all literals counts as a literal argument.
  std::vector<std::pair<std::string, std::vector<int>>> literal_wrappers;
};

/// `call` kind: language-neutral called names (globs: `*.execute`), matched on the call sites
/// both frontends produce.
struct CallSpec {
  std::vector<std::string> callees;
  std::vector<ArgumentCondition> arguments;
  std::vector<std::string> not_callees;  ///< exceptions to `callees` (globs)
};

/// `pattern` kind: a regex over the file's bytes; all pattern rules of a scan share one
/// Vectorscan database. The "value" of a match (for entropy, placeholders and redaction) is the
/// text of the last quoted string in the match, else what follows its last `=` or `:`, else
/// the whole match.
struct PatternSpec {
  std::string regex;
  double min_entropy = 0;          ///< Shannon entropy (bits per character) the value must reach
  bool skip_placeholders = false;  ///< changeme, ${VAR}, <password>, xxx… are not findings
  std::vector<std::string> allow;  ///< case-insensitive substrings of the value that make it benign
  bool redact = false;             ///< mask the value in message and snippet (secrets)
  /// Value check of secret rules (secret_filter.h): "" none, "secret" (a value assigned to a key
  /// that names a secret), "url-password", "url-default-password", "jwt".
  std::string check;
  size_t min_length = 0;  ///< `check: secret`: the shortest value that counts
};

/// `metric` kind: a threshold on a function or file metric (names: metric_rules.h); a finding
/// when the value is above the threshold.
struct MetricSpec {
  std::string metric;
  double threshold = 0;
};

struct Rule {
  /// id, title, severity, kind, languages, tags, precision, state, the message (with `{capture}`
  /// placeholders) and its translations (the `da:` block)…
  RuleDescriptor descriptor;
  std::string why;            ///< the YAML `description`
  std::string fix;
  std::string example_bad;
  std::string example_good;
  std::vector<std::string> references;
  std::vector<std::string> include_paths;  ///< globs; empty = every path
  std::vector<std::string> exclude_paths;
  /// File roles (core/classify.h) the rule leaves alone: `[test, fixture]` for a rule about
  /// leftover debugging output.
  std::vector<std::string> exclude_roles;
  /// paths.exclude_scripts: leave out programs run from the command line (a `#!` first line, or
  /// Python's `if __name__ == "__main__":`), whose printing is their interface.
  bool exclude_scripts = false;
  std::string source;  ///< file it was loaded from ("rules/python/…" for embedded rules)
  bool embedded = false;  ///< shipped in the binary; its matcher was validated by the tests

  QuerySpec query;
  CallSpec call;
  PatternSpec pattern;
  MetricSpec metric;
  std::string repo_check;  ///< `repo` kind: the check implemented in analyzer/health
};

/// Whether `selector` (an id, a pack prefix ending at a '.' boundary, or a `*` glob) selects
/// `id`.
bool rule_selected(const std::string& selector, const std::string& id);

/// The full Markdown description a report shows: why, how to fix, example, references.
std::string compose_description(const Rule& rule);

}  // namespace rh
