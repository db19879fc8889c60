#pragma once
// Measuring a libclang translation unit with the same definitions as the tree-sitter walker
// (docs/metrics.md): functions from cursors (definitions, methods, constructors, lambdas,
// templates), cognitive complexity and nesting from the statement cursors, everything counted
// per token (cyclomatic, tokens, Halstead, lines) from libclang's tokens of the main file.
#include <string_view>
#include <vector>

#include <clang-c/Index.h>

#include "core/model.h"
#include "lang/call_site.h"
#include "lang/token_metrics.h"

namespace rh {

struct ClangMeasureOptions {
  bool calls = false;
  TokenSequence* tokens = nullptr;
  bool cpp = true;  ///< C++ (lambdas) or C
};

struct ClangMeasure {
  std::vector<FunctionMetrics> functions;  ///< in source order of their start
  LineCounts lines;
  int64_t tokens = 0;
  Halstead halstead;
  std::vector<CallSite> calls;
};

/// `content` is the main file's text as libclang parsed it (same offsets as the original).
ClangMeasure measure_translation_unit(CXTranslationUnit tu, CXFile main_file, std::string_view content,
                                      const ClangMeasureOptions& options);

}  // namespace rh
