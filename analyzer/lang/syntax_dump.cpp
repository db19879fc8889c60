#include "lang/syntax_dump.h"

#include <utility>

#include "lang/tree_access.h"

namespace rh {

std::string role_names(uint64_t roles) {
  using R = CompiledSyntax;
  static const std::pair<uint64_t, const char*> kNames[] = {
      {R::function, "function"},        {R::container, "container"},     {R::parameter, "parameter"},
      {R::nesting, "nesting"},          {R::comment, "comment"},         {R::string, "string"},
      {R::docstring_statement, "docstring"}, {R::cyclomatic_token, "cyclomatic"}, {R::cyclomatic_node, "cyclomatic"},
      {R::branch, "branch"},            {R::loop, "loop"},               {R::case_clause, "case"},
      {R::catch_clause, "catch"},       {R::ternary, "ternary"},         {R::boolean_operator, "boolean_operator"},
      {R::boolean_token, "boolean"},    {R::switch_, "switch"},          {R::else_clause, "else"},
      {R::else_keyword, "else"},        {R::else_if, "else_if"},         {R::jump, "jump"},
      {R::identifier, "identifier"},    {R::literal, "literal"},         {R::interpolation, "interpolation"},
      {R::call, "call"},                {R::keyword_argument, "keyword_argument"}, {R::name_parent, "names_anonymous"},
  };
  std::string out;
  for (const auto& [bit, name] : kNames) {
    if (!(roles & bit)) continue;
    if (out.find(name) != std::string::npos) continue;
    out += (out.empty() ? "" : " ") + std::string(name);
  }
  return out;
}

std::string dump_tree(TSNode root, std::string_view content, const CompiledSyntax& syntax, bool named_only) {
  std::string out;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  int depth = 0;
  auto line = [&] {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    const bool named = ts_node_is_named(node);
    if (named_only && !named) return;
    out.append(static_cast<size_t>(depth) * 2, ' ');
    if (const char* field = ts_tree_cursor_current_field_name(&cursor)) out += std::string(field) + ": ";
    const char* type = ts_node_is_missing(node) ? "MISSING" : ts_node_type(node);
    out += named ? std::string(type) : "\"" + std::string(type) + "\"";
    const TSPoint s = ts_node_start_point(node), e = ts_node_end_point(node);
    out += " [" + std::to_string(s.row + 1) + ":" + std::to_string(s.column + 1) + "-" + std::to_string(e.row + 1) +
           ":" + std::to_string(e.column + 1) + "]";
    const std::string roles = role_names(syntax.roles_of(ts_node_symbol(node)));
    if (!roles.empty()) out += " {" + roles + "}";
    if (named && ts_node_child_count(node) == 0) {
      std::string_view text = node_text(node, content).substr(0, 60);
      out += " '";
      for (char c : text) out += (c == '\n' ? ' ' : c);
      out += "'";
    }
    out += '\n';
  };
  line();
  for (;;) {
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      ++depth;
      line();
      continue;
    }
    for (;;) {
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        line();
        break;
      }
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return out;
      }
      --depth;
    }
  }
}

}  // namespace rh
