#pragma once
// `pattern` kind: the pattern rules of a scan compiled into one Vectorscan database for the
// built-in rules (the build's, hs_prebuilt.h) and one for the user's, scanned once per file.
// The databases report where matches end (start-of-match tracking would make compiling them
// many times slower); the start of each of the rare matches is then found with
// the rule's regex anchored at candidate starts (`\A(?:regex)`, compiled on the rule's first
// match). Reports of one match are merged, then the value of the match is checked against the
// rule's entropy threshold and placeholder filters.
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "engine/finding_builder.h"
#include "engine/hs_regex.h"
#include "engine/match_input.h"
#include "engine/rule.h"
#include "engine/secret_filter.h"

namespace rh {

class PatternMatcher {
 public:
  /// Compiles the pattern rules (index into the RuleSet, rule); bad regexes go to `errors` as
  /// "file:line: field 'pattern.regex': …". The built-in rules go into one database and the
  /// user's into another, so that the built-in one is always the set the build compiled
  /// (hs_prebuilt.h): `disabled` are the built-in pattern rules this scan does not run (turned off
  /// by config, preview), compiled in but never reported.
  void build(const std::vector<std::pair<size_t, const Rule*>>& rules, HsScratchPool& scratch,
             std::vector<std::string>& errors, const std::vector<const Rule*>& disabled = {});

  /// Scans the file's bytes once; `enabled[i]` says whether rule i applies to this file.
  void match(const FileInput& file, FileText& text, const std::vector<bool>& enabled, HsScratchPool::Lease* scratch,
             std::vector<RawMatch>& out) const;

  bool empty() const { return !db_[0] && !db_[1]; }

  /// The database that finds where a match of `regex` starts (see find_start): also compiled at
  /// build time for the built-in rules.
  static std::vector<HsDatabase::Expression> start_expressions(const std::string& regex);

 private:
  /// The rule's regex anchored at the buffer start, compiled on first use.
  struct StartFinder {
    std::once_flag once;
    std::unique_ptr<HsDatabase> db;
  };
  /// Where the match of rule `id` that ends at `end` starts (leftmost); the line start when the
  /// anchored regex cannot be compiled.
  size_t find_start(unsigned id, std::string_view content, size_t end, HsScratchPool::Lease* scratch) const;

  /// Compiles one database of rules_[first, last); false (errors named) when it does not compile.
  bool compile(size_t first, size_t last, std::unique_ptr<HsDatabase>& db, std::vector<std::string>& errors);

  std::unique_ptr<HsDatabase> db_[2];  ///< the built-in rules, the user's
  /// By Vectorscan expression id (unique across both databases): index into the RuleSet
  /// (kDisabled: never reported) and the rule's regex and spec (owned by the RuleSet, or a copy).
  static constexpr size_t kDisabled = SIZE_MAX;
  std::vector<std::pair<size_t, const Rule*>> rules_;
  std::vector<std::unique_ptr<Rule>> disabled_;  ///< copies of the disabled rules rules_ points at
  std::vector<std::unique_ptr<StartFinder>> finders_;  ///< by Vectorscan expression id
};

/// The value of a pattern match: the last quoted string's content, else what follows the last
/// `=` or `:`, else the whole match (trimmed of spaces and `;,)@`).
std::string_view match_value(std::string_view match);
/// Shannon entropy in bits per character.
double shannon_entropy(std::string_view s);

}  // namespace rh
