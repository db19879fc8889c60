#pragma once
// Findings part of the model (filled by analyzer/engine): what the rules found and the
// descriptors of the rules that ran, so reports render SARIF rule metadata from the model only.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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
  std::string message;   ///< with the matched name interpolated
  std::string path;      ///< repository-relative
  int64_t start_line = 0;    ///< 1-based
  int64_t start_column = 0;  ///< 1-based, in bytes
  int64_t end_line = 0;
  int64_t end_column = 0;    ///< 1-based, exclusive
  std::string snippet;       ///< the matched lines (short)
  std::string function;      ///< enclosing function, empty at file level
  std::string fingerprint;   ///< stable: rule id + normalised matched text + enclosing function
  std::optional<Suppression> suppression;
  std::string baseline_state;  ///< new | unchanged | absent; empty when no baseline was used
  bool operator==(const Finding&) const = default;
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
  bool operator==(const RuleDescriptor&) const = default;
};

}  // namespace rh
