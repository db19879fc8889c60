#pragma once
// Small helpers over tree-sitter nodes shared by the walker and call extraction.
#include <string>
#include <string_view>

#include <tree_sitter/api.h>

#include "lang/call_site.h"
#include "lang/compiled_syntax.h"

namespace rh {

/// The node's source bytes (empty for empty or out-of-range nodes).
inline std::string_view node_text(TSNode node, std::string_view content) {
  const uint32_t b = ts_node_start_byte(node), e = ts_node_end_byte(node);
  if (b >= e || e > content.size()) return {};
  return content.substr(b, e - b);
}

/// The first part of `node` the refs point at (a field, else the first named child of a
/// type), or a null node.
inline TSNode find_child(TSNode node, const CompiledSyntax::Refs& refs, const CompiledSyntax& syntax) {
  for (const CompiledSyntax::Ref& ref : refs) {
    if (ref.field != 0) {
      TSNode child = ts_node_child_by_field_id(node, ref.field);
      if (!ts_node_is_null(child)) return child;
    }
    if (ref.has_type) {
      const uint32_t n = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < n; ++i) {
        TSNode child = ts_node_named_child(node, i);
        const TSSymbol s = ts_node_symbol(child);
        if (s < syntax.canonical.size() && syntax.canonical[s] == ref.type) return child;
      }
    }
  }
  return TSNode{};
}

/// `text` without white space, at most `limit` bytes: "a .\n b" -> "a.b".
std::string compact(std::string_view text, size_t limit = 400);

/// The last part of a qualified callee: "self.parse" -> "parse", "ns::f" -> "f", "$this->m" -> "m".
/// `receiver` gets what comes before the last separator ("self"), or "".
std::string_view split_callee(std::string_view callee, std::string_view* receiver);

/// The call site of a `call` node: callee, position, arguments (function left empty).
CallSite extract_call(TSNode call, const CompiledSyntax::Call& rule, std::string_view content,
                      const CompiledSyntax& syntax);

/// Only the callee text of a call (cheaper; for recursion).
std::string callee_text(TSNode call, const CompiledSyntax::Call& rule, std::string_view content,
                        const CompiledSyntax& syntax);

}  // namespace rh
