#pragma once
// The one data model analysis produces and every report renders: ScanResult.
// Plain structs; facts.json is this model serialised (model_json.h). Field names follow
// docs/facts.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/findings_model.h"
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
  bool operator==(const FunctionMetrics&) const = default;
};

struct FileFacts {
  std::string path;      ///< repository-relative, '/' separated
  std::string language;  ///< language id, e.g. "python"
  int64_t size_bytes = 0;
  std::string blob_id;  ///< git blob id (hex) when read from git, else empty
  LineCounts lines;
  bool parsed = false;  ///< a syntax tree was built (functions are meaningful)
  int64_t parse_errors = 0;  ///< syntax error nodes the parser recovered from
  std::vector<FunctionMetrics> functions;
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
  std::string level;  ///< error | warning | note
  std::string path;   ///< empty for repository-wide notes
  std::string message;
  bool operator==(const Notification&) const = default;
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
  int64_t duration_ms = 0;
  int64_t jobs = 0;
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
  bool operator==(const ScanResult&) const = default;
};

}  // namespace rh
