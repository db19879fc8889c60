#pragma once
// How much of a parse is syntax errors, measured before the walker and the rules run over the
// tree: a file read with the wrong grammar (Tcl in a `.sh` file) recovers into a tree that is
// mostly ERROR nodes, and measuring functions or running syntax rules over it costs much and
// yields nothing sound. Only the paths to errors are visited (ts_node_has_error), so a clean
// tree costs one check.
#include <tree_sitter/api.h>

#include <cstdint>
#include <string_view>

#include "lang/compiled_syntax.h"

namespace rh {

struct ErrorDensity {
  int64_t errors = 0;       ///< ERROR and MISSING nodes (as the walker counts parse_errors)
  int64_t error_lines = 0;  ///< non-blank lines inside an ERROR node or holding a MISSING one
  int64_t nonblank_lines = 0;
  /// error_lines as a whole percentage of nonblank_lines (0 for a file without such lines).
  int percent() const { return nonblank_lines == 0 ? 0 : static_cast<int>(error_lines * 100 / nonblank_lines); }
};

/// A parse whose errors cover more than this share of the non-blank lines is "mostly syntax
/// errors": the file keeps its lexical line counts and nothing else (docs/metrics.md).
constexpr int kMostlyErrorsPercent = 50;

ErrorDensity measure_error_density(TSNode root, std::string_view content, const CompiledSyntax& syntax);

inline bool mostly_errors(const ErrorDensity& d) {
  return d.nonblank_lines > 0 && d.error_lines * 100 > d.nonblank_lines * kMostlyErrorsPercent;
}

}  // namespace rh
