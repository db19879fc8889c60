#include "lang/error_density.h"

#include <algorithm>
#include <vector>

#include "lang/line_counter.h"
#include "lang/tree_access.h"

namespace rh {
namespace {

constexpr TSSymbol kErrorSymbol = static_cast<TSSymbol>(-1);  // tree-sitter's ts_builtin_sym_error

/// The last row a node covers (a node ending at column 0 of a row ends on the row before).
uint32_t end_row(TSNode node) {
  const TSPoint start = ts_node_start_point(node);
  const TSPoint end = ts_node_end_point(node);
  return (end.column == 0 && end.row > start.row) ? end.row - 1 : end.row;
}

}  // namespace

ErrorDensity measure_error_density(TSNode root, std::string_view content, const CompiledSyntax& syntax) {
  ErrorDensity out;
  if (!ts_node_has_error(root)) return out;  // nothing to count; the lines are not needed
  const std::vector<uint8_t> blank = whitespace_only_lines(content);
  std::vector<uint8_t> in_error(blank.size(), 0);
  auto mark = [&](uint32_t first, uint32_t last) {
    last = std::min<uint32_t>(last, static_cast<uint32_t>(in_error.size()) - 1);
    for (uint32_t row = first; row <= last && row < in_error.size(); ++row) in_error[row] = 1;
  };
  auto known_error = [&](TSNode node, TSSymbol parent) {
    if (syntax.known_errors.empty()) return false;
    const std::string_view text = node_text(node, content);
    for (const auto& k : syntax.known_errors)
      if (k.parent == parent && k.text == text) return true;
    return false;
  };

  // Depth-first over the nodes that are or hold errors; `parents` are the symbols above the
  // cursor, `error_depth` how many of them are counted ERROR nodes (rows marked once, outermost).
  std::vector<TSSymbol> parents;
  std::vector<uint8_t> counted;  ///< per level of `parents`: an ERROR node that marked its rows
  int error_depth = 0;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  for (bool visit = true;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    bool descend = false;
    if (visit) {
      const TSSymbol symbol = ts_node_symbol(node);
      const bool missing = ts_node_is_missing(node);
      const bool error = symbol == kErrorSymbol && !missing && !known_error(node, parents.empty() ? 0 : parents.back());
      if (error || missing) ++out.errors;
      if (missing && error_depth == 0) {
        const uint32_t row = ts_node_start_point(node).row;
        mark(row, row);
      } else if (error && error_depth == 0) {
        mark(ts_node_start_point(node).row, end_row(node));
      }
      descend = ts_node_has_error(node) && ts_node_child_count(node) > 0;
      if (descend && ts_tree_cursor_goto_first_child(&cursor)) {
        parents.push_back(symbol);
        counted.push_back(error ? 1 : 0);
        error_depth += error ? 1 : 0;
        continue;
      }
    }
    if (ts_tree_cursor_goto_next_sibling(&cursor)) {
      visit = true;
      continue;
    }
    if (!ts_tree_cursor_goto_parent(&cursor)) break;
    parents.pop_back();
    error_depth -= counted.back();
    counted.pop_back();
    visit = false;  // the parent was visited on the way down; go on with its next sibling
  }
  ts_tree_cursor_delete(&cursor);

  for (size_t row = 0; row < blank.size(); ++row) {
    if (blank[row]) continue;
    ++out.nonblank_lines;
    if (in_error[row]) ++out.error_lines;
  }
  return out;
}

}  // namespace rh
