#pragma once
// `pattern` kind: every pattern rule of a scan compiled into ONE Vectorscan database, scanned
// once per file. Matches are merged per rule (overlapping reports of one match become one),
// then the value of the match is checked against the rule's entropy threshold and placeholder
// filters.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/finding_builder.h"
#include "engine/hs_regex.h"
#include "engine/match_input.h"
#include "engine/rule.h"

namespace rh {

class PatternMatcher {
 public:
  /// Compiles the pattern rules (index into the RuleSet, rule); bad regexes go to `errors` as
  /// "file:line: field 'pattern.regex': …".
  void build(const std::vector<std::pair<size_t, const Rule*>>& rules, HsScratchPool& scratch,
             std::vector<std::string>& errors);

  /// Scans the file's bytes once; `enabled[i]` says whether rule i applies to this file.
  void match(const FileInput& file, FileText& text, const std::vector<bool>& enabled, hs_scratch_t* scratch,
             std::vector<RawMatch>& out) const;

  bool empty() const { return !db_; }

 private:
  std::unique_ptr<HsDatabase> db_;
  std::vector<std::pair<size_t, const Rule*>> rules_;  ///< by Vectorscan expression id
};

/// The value of a pattern match: the last quoted string's content, else what follows the last
/// `=` or `:`, else the whole match (trimmed of spaces and `;,)@`).
std::string_view match_value(std::string_view match);
/// Shannon entropy in bits per character.
double shannon_entropy(std::string_view s);
/// Placeholders that are not secrets: changeme, ${VAR}, <password>, %(x)s, xxxx, os.environ…
bool looks_like_placeholder(std::string_view value);

}  // namespace rh
