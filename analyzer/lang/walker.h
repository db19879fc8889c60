#pragma once
// The one generic walker: reads a tree-sitter syntax tree with a language's compiled syntax
// spec and measures functions, lines and tokens (definitions: docs/metrics.md). Iterative (a
// tree cursor and an explicit stack), so arbitrarily deep trees cannot overflow the call stack.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "core/model.h"
#include "lang/call_site.h"
#include "lang/compiled_syntax.h"
#include "lang/token_metrics.h"

namespace rh {

/// One increment of cognitive complexity, for `repohealth debug metrics --explain`.
struct CognitiveStep {
  size_t function = 0;  ///< index into WalkResult::functions
  int64_t line = 0;
  int64_t amount = 0;
  std::string why;  ///< "if (nesting 2)", "else", "&& sequence", "recursion"
};

struct WalkOptions {
  bool calls = false;                        ///< collect call sites
  TokenSequence* tokens = nullptr;           ///< receives the file's clone-token sequence
  std::vector<CognitiveStep>* trace = nullptr;  ///< receives every cognitive increment
};

struct WalkResult {
  std::vector<FunctionMetrics> functions;  ///< in source order of their start
  LineCounts lines;
  int64_t parse_errors = 0;  ///< ERROR and MISSING nodes
  int64_t tokens = 0;        ///< tokens of the whole file
  Halstead halstead;         ///< over the whole file
  std::vector<CallSite> calls;
};

WalkResult walk_tree(TSNode root, std::string_view content, const CompiledSyntax& syntax,
                     const WalkOptions& options = {});

}  // namespace rh
