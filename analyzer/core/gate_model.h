#pragma once
// New-code classification (`scan --new-since REF`) and the quality gate's verdict, in the model
// and in facts.json (docs/facts.md, docs/ci.md).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace rh {

/// A file added or changed since the merge base (deleted files are not listed).
struct ChangedFile {
  std::string path;      ///< at the analysed revision
  std::string old_path;  ///< at the merge base; empty when added
  std::string status;    ///< added | modified | renamed
  std::vector<std::pair<int64_t, int64_t>> lines;  ///< added or changed lines, inclusive ranges
  bool operator==(const ChangedFile&) const = default;
};

struct NewCode {
  std::string since;       ///< the REF given to --new-since
  std::string merge_base;  ///< commit id the analysed revision is compared with
  std::vector<ChangedFile> files;  ///< sorted by path
  int64_t new_findings = 0;        ///< findings classified `new`
  int64_t unchanged_findings = 0;
  int64_t absent_findings = 0;     ///< findings of the merge base that are gone
  bool operator==(const NewCode&) const = default;
};

struct GateCondition {
  std::string name;       ///< e.g. max_new_findings.error, no_new.security
  std::string actual;     ///< the measured value, as text
  std::string threshold;  ///< the limit, as text
  std::string status;     ///< passed | failed | not_evaluated
  std::string detail;     ///< what failed (rule ids, functions) or why it was not evaluated
  bool operator==(const GateCondition&) const = default;
};

struct GateResult {
  bool passed = true;
  std::string source;  ///< config (the `gate:` section) | default (--gate without one)
  std::vector<GateCondition> conditions;
  bool operator==(const GateResult&) const = default;
};

}  // namespace rh
