#pragma once
// Findings part of the model (filled by analyzer/engine): what the rules found and the
// descriptors of the rules that ran, so reports render SARIF rule metadata from the model only.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/message.h"

namespace rh {

/// Why a finding is suppressed. Suppressed findings stay in the model and in SARIF.
struct Suppression {
  std::string kind;           ///< in_source | config | baseline
  std::string justification;  ///< the reason given, may be empty
  bool operator==(const Suppression&) const = default;
};

struct Finding {
  std::string rule_id;
  std::string severity;  ///< error | warning | note
  std::string message;   ///< the rule's (English) message with the arguments interpolated
  /// The values of the message's placeholders (`{name}` -> "eval"), every placeholder of the
  /// rule's message (optional ones that did not match as ""), so a report can fill a translated
  /// message (RuleDescriptor::translations). Secrets are masked as in `message`. Empty in facts
  /// written before arguments were kept: reports then show `message`.
  std::map<std::string, std::string> arguments;
  std::string path;      ///< repository-relative
  int64_t start_line = 0;    ///< 1-based
  int64_t start_column = 0;  ///< 1-based, in bytes
  int64_t end_line = 0;
  int64_t end_column = 0;    ///< 1-based, exclusive
  std::string snippet;       ///< the matched lines (short)
  std::string function;      ///< enclosing function, empty at file level
  std::string fingerprint;   ///< stable: rule id + normalised matched text + enclosing function
  std::optional<Suppression> suppression;
  /// A repository check's finding (rule kind `repo`): its `{text}` (the check's evidence or
  /// summary) as a catalogue message, so a report renders it in its language; empty otherwise.
  Message text_message;
  std::string baseline_state;  ///< new | unchanged | absent; empty when no baseline was used
  bool operator==(const Finding&) const = default;
};

/// A rule's title and message template in one language other than English.
struct RuleText {
  std::string title;
  std::string message;  ///< the same `{placeholders}` as the English message
  bool operator==(const RuleText&) const = default;
};

/// What a report needs to describe a rule (SARIF reportingDescriptor, rule reference).
struct RuleDescriptor {
  std::string id;
  std::string title;
  std::string severity;
  std::string kind;  ///< query | call | pattern | metric | repo
  std::vector<std::string> languages;
  std::vector<std::string> tags;  ///< e.g. security, CWE-78, OWASP-A03
  std::string confidence;         ///< high | medium | low: how often a finding is a true positive (docs/precision.md)
  std::string state;              ///< preview | stable | deprecated
  std::string description;        ///< Markdown: why, how to fix, references
  std::string security_severity;  ///< numeric string for security rules ("8.8"), else empty
  std::string message;            ///< the English message template, `{name}` filled from Finding::arguments
  std::map<std::string, RuleText> translations;  ///< by language ("da"), from the rule's `da:` block
  bool operator==(const RuleDescriptor&) const = default;
};

}  // namespace rh
