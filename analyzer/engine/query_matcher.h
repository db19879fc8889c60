#pragma once
// `query` kind: the tree-sitter queries of all query rules of one language are compiled into one
// TSQuery, once per scan, and run in one cursor pass over each file's tree. Predicates
// (#eq?, #not-eq?, #match?, #not-match?, #any-of?, #not-any-of?) are evaluated here; regexes
// are Vectorscan, like the rest of the engine.
#include <tree_sitter/api.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/hs_regex.h"
#include "engine/match_input.h"
#include "engine/rule.h"

namespace rh {

class QueryMatcher {
 public:
  QueryMatcher() = default;
  ~QueryMatcher();
  QueryMatcher(const QueryMatcher&) = delete;
  QueryMatcher& operator=(const QueryMatcher&) = delete;

  /// Compiles the query rules (index into the RuleSet, rule). Bad queries go to `errors` as
  /// "file:line: field 'query': …"; languages whose grammar is not in this build go to `notes`.
  void build(const std::vector<std::pair<size_t, const Rule*>>& rules, HsScratchPool& scratch,
             std::vector<std::string>& errors, std::vector<std::string>& notes);

  /// Runs the query of the file's language over its tree. `enabled[i]` says whether rule i
  /// applies to this file.
  void match(const FileInput& file, const std::vector<bool>& enabled, hs_scratch_t* scratch,
             std::vector<RawMatch>& out) const;

  bool empty() const { return by_language_.empty(); }

 private:
  struct Predicate {
    enum class Op { eq, not_eq_, match, not_match, any_of, not_any_of } op;
    uint32_t capture = 0;
    bool other_is_capture = false;
    uint32_t other_capture = 0;
    std::vector<std::string> values;
    const HsRegex* regex = nullptr;
  };
  struct Pattern {
    size_t rule = 0;
    std::vector<Predicate> predicates;
  };
  struct LanguageQuery {
    const TSLanguage* grammar = nullptr;
    TSQuery* query = nullptr;
    std::vector<Pattern> patterns;  ///< by pattern index of the combined query
    uint32_t match_capture = UINT32_MAX;
  };

  /// Reads the predicates of one pattern; "" or what is wrong with them.
  std::string read_predicates(const TSQuery* query, uint32_t pattern, std::vector<Predicate>& out);
  bool predicates_hold(const Pattern& p, const TSQueryMatch& m, std::string_view content, hs_scratch_t* scratch) const;

  std::map<std::string, LanguageQuery, std::less<>> by_language_;
  std::map<std::string, std::unique_ptr<HsRegex>> regexes_;
  HsScratchPool* scratch_pool_ = nullptr;
};

/// Compiles a query for one grammar; the error names the line within the query source (1-based)
/// and what is wrong.
struct QueryCompileError {
  int line = 0;
  std::string message;
};
TSQuery* compile_query(const TSLanguage* grammar, const std::string& source, QueryCompileError* error);

}  // namespace rh
