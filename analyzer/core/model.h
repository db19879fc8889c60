#pragma once
// The one data model analysis produces and every report renders: ScanResult.
// Plain structs; facts.json is this model serialised (model_json.h). Field names follow
// docs/facts.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/findings_model.h"
#include "core/message.h"
#include "core/gate_model.h"
#include "core/health_model.h"
#include "core/history_model.h"

namespace rh {

inline constexpr int kSchemaVersion = 1;

struct LineCounts {
  int64_t total = 0;    ///< physical lines (a last line without '\n' counts)
  int64_t code = 0;     ///< lines holding at least one character that is not comment or space
  int64_t comment = 0;  ///< lines holding comment text and no code
  int64_t blank = 0;    ///< lines holding only white space
  bool operator==(const LineCounts&) const = default;
};

/// Halstead's counts over a token sequence (docs/metrics.md): operands are identifiers and
/// literals, operators every other token (closing brackets and block ends excepted).
struct Halstead {
  int64_t distinct_operators = 0;  ///< n1
  int64_t distinct_operands = 0;   ///< n2
  int64_t operators = 0;           ///< N1
  int64_t operands = 0;            ///< N2
  double volume = 0;               ///< (N1 + N2) * log2(n1 + n2); 0 when n1 + n2 < 2
  bool operator==(const Halstead&) const = default;
};

struct FunctionMetrics {
  std::string name;  ///< qualified: Class.method (Python), ns::Class::method (C++)
  int64_t start_line = 0;
  int64_t end_line = 0;
  int64_t params = 0;
  int64_t nloc = 0;        ///< code lines attributed to this function (not to functions nested in it)
  int64_t cyclomatic = 1;  ///< lizard's counting convention
  int64_t cognitive = 0;   ///< SonarSource's specification
  int64_t max_nesting = 0;
  int64_t tokens = 0;
  Halstead halstead;  ///< over the same tokens as `tokens`
  /// Written in another function's body (not in a class there): its cognitive increments are
  /// also part of that function's `cognitive`, so sums over a file count it once (docs/metrics.md).
  bool nested = false;
  bool operator==(const FunctionMetrics&) const = default;
};

/// Sums and maxima over a file's functions (all 0 when it has none).
struct FunctionTotals {
  int64_t count = 0;
  int64_t nloc = 0, cyclomatic = 0, cognitive = 0, tokens = 0;  ///< sums
  int64_t max_nloc = 0, max_cyclomatic = 0, max_cognitive = 0, max_params = 0, max_nesting = 0;
  bool operator==(const FunctionTotals&) const = default;
};

struct FileFacts {
  std::string path;      ///< repository-relative, '/' separated
  std::string language;  ///< language id, e.g. "python"
  /// Where the code lives (core/classify.h, rules/workspace/roles.yml): product | test |
  /// fixture | example | docs | migration | generated.
  std::string role = "product";
  int64_t size_bytes = 0;
  std::string blob_id;  ///< git blob id (hex) when read from git, else empty
  LineCounts lines;
  bool parsed = false;  ///< a syntax tree was built (functions are meaningful)
  int64_t parse_errors = 0;  ///< syntax error nodes the parser recovered from
  std::vector<FunctionMetrics> functions;
  FunctionTotals totals;  ///< over `functions`
  int64_t tokens = 0;     ///< leaf tokens of the whole file (comments not counted)
  Halstead halstead;      ///< over every token of the file
  /// 0-100, radon's formula with the comment term (docs/metrics.md); absent when not parsed.
  std::optional<double> maintainability_index;
  int64_t duplicated_lines = 0;  ///< lines holding a token of a clone (duplication section)
  std::string spdx_license;  ///< expression of its SPDX-License-Identifier header, "" when none
  bool operator==(const FileFacts&) const = default;
};

/// A file that was listed but not analysed, and why. Never silently dropped.
struct SkippedFile {
  std::string path;
  std::string reason;  ///< binary | too_large | vendored | generated | symlink | submodule | unreadable | excluded | unknown_language
  std::string detail;  ///< free text: the marker found, the link target, the size
  bool operator==(const SkippedFile&) const = default;
};

/// Something a reviewer should know about the run (SARIF toolExecutionNotifications).
struct Notification {
  std::string level;    ///< error | warning | note
  std::string path;     ///< empty for repository-wide notes
  std::string message;  ///< the English rendering of `text` (what JSON and SARIF show)
  Message text;         ///< the catalogue message (core/message.h); empty in old facts.json
  bool operator==(const Notification&) const = default;
};

/// A notification with its message and the message's English rendering.
inline Notification notification(std::string level, std::string path, Message text) {
  std::string english_text = english(text);
  return {std::move(level), std::move(path), std::move(english_text), std::move(text)};
}

/// One place a clone occurs.
struct CloneLocation {
  std::string path;
  int64_t start_line = 0;
  int64_t end_line = 0;
  bool operator==(const CloneLocation&) const = default;
};

/// Token sequences that are equal once identifiers and literals are normalised.
struct CloneGroup {
  int64_t tokens = 0;  ///< length of the shared token sequence
  int64_t lines = 0;   ///< line span of the first location
  std::vector<CloneLocation> locations;  ///< two or more, sorted by path and line
  bool operator==(const CloneGroup&) const = default;
};

/// Token-based clone detection across the files of the scan (docs/metrics.md).
struct Duplication {
  int64_t min_tokens = 0;  ///< settings the detection ran with
  int64_t min_lines = 0;
  int64_t files = 0;             ///< files considered (code, not data, lock or translation)
  int64_t code_lines = 0;        ///< code lines of those files
  int64_t duplicated_lines = 0;  ///< sum of the files' duplicated_lines
  double duplicated_percent = 0; ///< 100 * duplicated_lines / code_lines; 0 when no code
  /// The same for the product files among them (files[].role product, not tests or examples):
  /// what the maintainability score reads.
  int64_t product_code_lines = 0;
  int64_t product_duplicated_lines = 0;
  std::vector<CloneGroup> groups;  ///< sorted by first location
  bool operator==(const Duplication&) const = default;
};

/// The per-file cache's part in a scan (docs/cache.md): where it is and how many analysed files
/// came from it (hits) or were analysed and stored (misses).
struct CacheUse {
  std::string path;  ///< the cache file
  int64_t hits = 0;
  int64_t misses = 0;
  bool operator==(const CacheUse&) const = default;
};

struct ScanInfo {
  std::string tool_version;
  std::string root;         ///< the path given on the command line
  std::string source;       ///< git-tree | worktree | folder
  std::string revision;     ///< commit id analysed (git-tree), empty otherwise
  std::string revision_spec;///< what the user asked for (--rev), "HEAD" by default
  std::string branch;       ///< branch name when HEAD is on one
  std::string repository_uri;  ///< the remote's URL (origin) when there is one, else empty
  std::string started_at;   ///< ISO 8601 UTC
  /// The reference date every window ends at (last 12 months, active people, maintained,
  /// releases, knowledge loss): "YYYY-MM-DD" (the end of that day, UTC) or an ISO 8601 UTC
  /// timestamp; the day of the scan unless --as-of gives one.
  std::string as_of;
  bool show_emails = false; ///< --show-emails: people's e-mail addresses are kept in the facts
  int64_t duration_ms = 0;
  int64_t jobs = 0;
  std::optional<CacheUse> cache;  ///< absent when no cache was used (--no-cache, unusable)
  bool operator==(const ScanInfo&) const = default;
};

struct ScanResult {
  int schema_version = kSchemaVersion;
  ScanInfo scan;
  std::vector<FileFacts> files;        ///< sorted by path
  std::vector<SkippedFile> skipped;    ///< sorted by path
  std::vector<Notification> notifications;
  std::vector<RuleDescriptor> rules;   ///< rules that ran (sorted by id)
  std::vector<Finding> findings;       ///< sorted by path, line, rule
  std::optional<HistoryFacts> history; ///< absent when history was not analysed
  std::optional<NewCode> new_code;     ///< with --new-since: what changed and how findings compare
  std::optional<GateResult> gate;      ///< when a quality gate was evaluated
  std::optional<HealthFacts> health;   ///< repository checks, requirements, scores; absent with --no-health
  Duplication duplication;
  bool operator==(const ScanResult&) const = default;
};

}  // namespace rh
