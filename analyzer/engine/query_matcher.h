#pragma once
// `query` kind: the tree-sitter queries of all query rules of one language are compiled into one
// TSQuery, once per scan and only when the first file of that language comes (compiling them
// for a grammar costs tens of milliseconds), then run in one cursor pass over each file's tree.
// Rules from user folders are compiled alone up front, so their mistakes are reported with file
// and line before the scan starts; the shipped rules are checked by the fixture runner.
// Predicates (#eq?, #not-eq?, #match?, #not-match?, #any-of?, #not-any-of?) are evaluated here;
// regexes are Vectorscan, like the rest of the engine.
#include <tree_sitter/api.h>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/hs_regex.h"
#include "engine/match_input.h"
#include "engine/rule.h"
#include "core/message.h"

namespace rh {

/// What one file's query pass may cost (docs/metrics.md#per-file-budget). Past either bound the
/// file keeps the matches found so far and gets a notification saying what was cut.
struct QueryBudget {
  /// Partial matches the cursor keeps at once (tree-sitter's match limit). Its pairwise check of
  /// partial matches costs the square of this at every node, so a command with thousands of
  /// arguments costs at most 64² per node instead of thousands².
  uint32_t match_limit = 64;
  /// CPU time of the whole pass, read every 32 matches. A CPU-time budget does not shrink when
  /// other work shares the machine, so a file's results do not depend on the load.
  std::chrono::milliseconds time{1000};
};

class QueryMatcher {
 public:
  QueryMatcher() = default;
  ~QueryMatcher();
  QueryMatcher(const QueryMatcher&) = delete;
  QueryMatcher& operator=(const QueryMatcher&) = delete;

  /// Prepares the query rules (index into the RuleSet, rule). Bad queries go to `errors` as
  /// "file:line: field 'query': …"; languages whose grammar is not in this build go to `notes`.
  /// `eager`: compile every language now (tests, debugging) instead of on first use.
  void build(const std::vector<std::pair<size_t, const Rule*>>& rules, std::vector<std::string>& errors,
             std::vector<Message>& notes, bool eager = false);

  /// Runs the query of the file's language over its tree. `enabled[i]` says whether rule i
  /// applies to this file. Past the budget it stops, keeps what it found and says so in
  /// file.notes. Thread-safe.
  void match(const FileInput& file, const std::vector<bool>& enabled, HsScratchPool::Lease* scratch,
             std::vector<RawMatch>& out) const;

  /// Bounds every later match() (tests use small ones); the default otherwise.
  void set_budget(const QueryBudget& budget) { budget_ = budget; }

  /// Problems met while compiling a language on first use (a shipped rule that does not compile
  /// against this build's grammar).
  std::vector<Message> late_errors() const;

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
    size_t rule = SIZE_MAX;  ///< SIZE_MAX: disabled (its predicates are wrong)
    std::vector<Predicate> predicates;
  };
  struct LanguageQuery {
    std::string language;
    const TSLanguage* grammar = nullptr;
    std::string source;                                ///< the rules' queries, one after another
    std::vector<std::pair<uint32_t, size_t>> owners;   ///< byte offset in source -> rule index
    std::vector<const Rule*> rules;                    ///< by owner
    std::once_flag once;
    TSQuery* query = nullptr;
    std::vector<Pattern> patterns;  ///< by pattern index of the combined query
    uint32_t match_capture = UINT32_MAX;
    std::map<std::string, std::unique_ptr<HsRegex>> regexes;
    std::string error;         ///< "query rules for <language> do not compile together: <why>"
    std::string error_detail;  ///< <why>: what tree-sitter said
  };

  /// Compiles a language's combined query (inside its once_flag).
  static void compile(LanguageQuery& lq);
  /// Reads the predicates of one pattern; "" or what is wrong with them.
  static std::string read_predicates(const TSQuery* query, uint32_t pattern,
                                     std::map<std::string, std::unique_ptr<HsRegex>>& regexes,
                                     std::vector<Predicate>& out);
  static bool predicates_hold(const Pattern& p, const TSQueryMatch& m, std::string_view content, hs_scratch_t* scratch);

  std::map<std::string, std::unique_ptr<LanguageQuery>, std::less<>> by_language_;
  QueryBudget budget_;
};

/// Compiles a query for one grammar; the error names the line within the query source (1-based)
/// and what is wrong.
struct QueryCompileError {
  int line = 0;
  std::string message;
};
TSQuery* compile_query(const TSLanguage* grammar, const std::string& source, QueryCompileError* error);

}  // namespace rh
