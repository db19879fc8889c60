#pragma once
// The one generic walker: reads a tree-sitter syntax tree with a language's SyntaxSpec and
// measures functions and lines (definitions: docs/metrics.md). Iterative (a tree cursor and an
// explicit stack), so arbitrarily deep trees cannot overflow the call stack.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "core/model.h"
#include "lang/syntax_spec.h"

namespace rh {

/// A SyntaxSpec resolved against one grammar: a role bit set per grammar symbol, so the walk
/// compares integers, not strings. Built once per language.
struct CompiledSyntax {
  enum Role : uint32_t {
    function = 1u << 0,
    container = 1u << 1,
    parameter = 1u << 2,
    nesting = 1u << 3,
    comment = 1u << 4,
    string = 1u << 5,
    docstring_statement = 1u << 6,
    docstring_string = 1u << 7,
    cyclomatic_token = 1u << 8,
    cyclomatic_node = 1u << 9,
    branch = 1u << 10,
    loop = 1u << 11,
    case_clause = 1u << 12,
    catch_clause = 1u << 13,
    ternary = 1u << 14,
    boolean_operator = 1u << 15,
    boolean_token = 1u << 16,
  };
  struct Ref {
    TSFieldId field = 0;  ///< 0: none
    std::string type;     ///< first named child of this type, when no field
  };
  struct Function {
    Ref name, parameters;
    std::string anonymous;
  };

  const TSLanguage* language = nullptr;
  std::string separator = ".";
  std::vector<uint32_t> roles;          ///< by symbol
  std::vector<int16_t> function_rule;   ///< by symbol: index into functions, or -1
  std::vector<int16_t> container_rule;  ///< by symbol: index into containers, or -1
  std::vector<Function> functions;
  std::vector<Ref> containers;          ///< how to find each container's name
};

/// Resolves the spec's names; names or fields the grammar does not have go to `unknown`
/// (a spec typo; a test keeps the shipped specs free of them) and are ignored.
std::unique_ptr<CompiledSyntax> compile_syntax(const SyntaxSpec& spec, const TSLanguage* language,
                                               std::vector<std::string>* unknown = nullptr);

struct WalkResult {
  std::vector<FunctionMetrics> functions;  ///< in source order of their start
  LineCounts lines;
  int64_t parse_errors = 0;  ///< ERROR and MISSING nodes
};

WalkResult walk_tree(TSNode root, std::string_view content, const CompiledSyntax& syntax);

}  // namespace rh
