// Call sites from a tree-sitter tree, driven by the spec's `calls:` and `keyword_argument:`
// entries (docs/languages.md).
#include <algorithm>

#include "lang/tree_access.h"

namespace rh {
namespace {

constexpr size_t kMaxArgumentText = 1000;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// A literal: a literal or string node with no interpolation directly inside it.
bool is_literal(TSNode node, const CompiledSyntax& syntax) {
  const uint64_t roles = syntax.roles_of(ts_node_symbol(node));
  if (!(roles & (CompiledSyntax::literal | CompiledSyntax::string))) return false;
  const uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; ++i)
    if (syntax.roles_of(ts_node_symbol(ts_node_named_child(node, i))) & CompiledSyntax::interpolation) return false;
  return true;
}

CallArgument argument_of(TSNode node, std::string_view content, const CompiledSyntax& syntax) {
  CallArgument arg;
  TSNode value = node;
  const TSSymbol symbol = ts_node_symbol(node);
  const int16_t rule = syntax.rule_of(CompiledSyntax::keyword_rule, symbol);
  if (rule >= 0) {
    const CompiledSyntax::KeywordArgument& k = syntax.keyword_arguments[static_cast<size_t>(rule)];
    TSNode name = find_child(node, k.name, syntax);
    if (!ts_node_is_null(name)) arg.keyword = compact(node_text(name, content));
    TSNode v = find_child(node, k.value, syntax);
    const uint32_t n = ts_node_named_child_count(node);
    if (!ts_node_is_null(v)) {
      value = v;
    } else if (n >= 1) {  // a wrapper such as `argument`: its value is its last part
      TSNode last = ts_node_named_child(node, n - 1);
      if (!ts_node_is_null(name) && ts_node_start_byte(last) == ts_node_start_byte(name) && n == 1)
        last = node;
      value = last;
    }
  }
  std::string_view text = node_text(value, content);
  arg.text = std::string(text.substr(0, kMaxArgumentText));
  arg.literal = is_literal(value, syntax);
  return arg;
}

/// Byte range of the callee: from the receiver (when the rule has one) to the end of the callee.
bool callee_range(TSNode call, const CompiledSyntax::Call& rule, const CompiledSyntax& syntax, uint32_t* begin,
                  uint32_t* end) {
  TSNode callee = find_child(call, rule.callee, syntax);
  if (ts_node_is_null(callee)) return false;
  *begin = ts_node_start_byte(callee);
  *end = ts_node_end_byte(callee);
  TSNode receiver = find_child(call, rule.receiver, syntax);
  if (!ts_node_is_null(receiver)) *begin = std::min(*begin, ts_node_start_byte(receiver));
  return true;
}

}  // namespace

std::string compact(std::string_view text, size_t limit) {
  std::string out;
  for (char c : text) {
    if (is_space(c)) continue;
    if (out.size() >= limit) break;
    out += c;
  }
  return out;
}

std::string_view split_callee(std::string_view callee, std::string_view* receiver) {
  size_t cut = std::string_view::npos;
  size_t sep = 0;
  for (std::string_view s : {"::", "->", ".", ":"}) {
    const size_t at = callee.rfind(s);
    if (at != std::string_view::npos && (cut == std::string_view::npos || at > cut)) {
      cut = at;
      sep = s.size();
    }
  }
  if (cut == std::string_view::npos) {
    if (receiver) *receiver = {};
    return callee;
  }
  if (receiver) *receiver = callee.substr(0, cut);
  return callee.substr(cut + sep);
}

std::string callee_text(TSNode call, const CompiledSyntax::Call& rule, std::string_view content,
                        const CompiledSyntax& syntax) {
  uint32_t begin = 0, end = 0;
  if (!callee_range(call, rule, syntax, &begin, &end) || end > content.size() || begin >= end) return {};
  return compact(content.substr(begin, end - begin));
}

CallSite extract_call(TSNode call, const CompiledSyntax::Call& rule, std::string_view content,
                      const CompiledSyntax& syntax) {
  CallSite site;
  site.callee = callee_text(call, rule, content, syntax);
  const TSPoint start = ts_node_start_point(call), end = ts_node_end_point(call);
  site.line = start.row + 1;
  site.column = start.column + 1;
  site.end_line = end.row + 1;
  site.end_column = end.column + 1;
  auto add = [&](TSNode arg) {
    if (syntax.roles_of(ts_node_symbol(arg)) & CompiledSyntax::comment) return;
    site.arguments.push_back(argument_of(arg, content, syntax));
  };
  TSNode list = find_child(call, rule.arguments, syntax);
  if (!ts_node_is_null(list)) {
    const uint32_t n = ts_node_named_child_count(list);
    for (uint32_t i = 0; i < n; ++i) add(ts_node_named_child(list, i));
  } else if (rule.argument_field != 0) {
    TSTreeCursor cursor = ts_tree_cursor_new(call);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      do {
        if (ts_tree_cursor_current_field_id(&cursor) == rule.argument_field)
          add(ts_tree_cursor_current_node(&cursor));
      } while (ts_tree_cursor_goto_next_sibling(&cursor));
    }
    ts_tree_cursor_delete(&cursor);
  }
  return site;
}

}  // namespace rh
