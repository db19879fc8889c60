#pragma once
// `call` kind: language-neutral called names with argument conditions, matched on the CallSite
// list both frontends (tree-sitter, libclang) hand over in FileSyntax::calls.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/hs_regex.h"
#include "engine/match_input.h"
#include "engine/rule.h"

namespace rh {

class CallMatcher {
 public:
  void build(const std::vector<std::pair<size_t, const Rule*>>& rules, HsScratchPool& scratch,
             std::vector<std::string>& errors);
  void match(const FileInput& file, const std::vector<bool>& enabled, hs_scratch_t* scratch,
             std::vector<RawMatch>& out) const;
  /// Whether one call site satisfies a rule's call spec (a test seam, and what match() uses).
  bool call_matches(const CallSpec& spec, const CallSite& call, hs_scratch_t* scratch) const;
  bool empty() const { return rules_.empty(); }

 private:
  std::vector<std::pair<size_t, const Rule*>> rules_;
  std::map<std::string, std::unique_ptr<HsRegex>> regexes_;
};

/// Whether a callee as written ("self.cursor.execute") matches a name pattern: exact, or a glob
/// where `*` spans any characters including dots ("*.execute", "subprocess.*").
bool callee_matches(std::string_view pattern, std::string_view callee);

}  // namespace rh
