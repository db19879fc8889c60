#pragma once
// The `syntax:` section of a language spec (rules/languages/<id>.yml): which node types of the
// tree-sitter grammar play which role for the one generic walker (walker.h). Node-type lists
// name *named* nodes; `cyclomatic.tokens` and `boolean_operator.operators` name anonymous
// tokens (keywords, operators). Format and meaning: docs/languages.md.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace rh {

/// Where a definition keeps a part (its name, its parameter list): a field of the node, or
/// else its first named child of a node type.
struct ChildRef {
  std::string field;
  std::string type;
  bool empty() const { return field.empty() && type.empty(); }
};

struct FunctionSyntax {
  std::string node;        ///< "function_definition"
  ChildRef name;           ///< empty for anonymous functions
  std::string anonymous;   ///< the name used when there is none: "<lambda>"
  ChildRef parameters;     ///< the node holding the parameters
};

/// A named definition that qualifies the functions inside it: `Class.method`.
struct ContainerSyntax {
  std::string node;
  ChildRef name;
};

struct BooleanOperatorSyntax {
  std::string node;                    ///< "boolean_operator", "binary_expression"
  std::vector<std::string> operators;  ///< tokens that make it boolean: "and", "||"
};

/// A statement holding nothing but a string literal (a Python docstring) counts as comment
/// lines, not code, as lizard and cloc count it.
struct DocstringSyntax {
  std::string statement;             ///< "expression_statement"
  std::vector<std::string> strings;  ///< "string", "concatenated_string"
};

struct SyntaxSpec {
  std::string separator = ".";  ///< joins qualified names: "Outer.method"
  std::vector<FunctionSyntax> functions;
  std::vector<ContainerSyntax> containers;
  std::vector<std::string> parameters;  ///< node types that count as one parameter each
  std::vector<std::string> branch, loop, case_clause, catch_clause, ternary;
  std::vector<BooleanOperatorSyntax> boolean_operators;
  std::vector<std::string> nesting;  ///< control structures that deepen nesting
  std::vector<std::string> comment;
  std::vector<std::string> string;   ///< literals: one token each, comment markers inside ignored
  std::optional<DocstringSyntax> docstring;
  /// What adds 1 to cyclomatic complexity (lizard's convention: every such token counts).
  struct Cyclomatic {
    std::vector<std::string> tokens;  ///< anonymous tokens: "if", "and", "case"
    std::vector<std::string> nodes;   ///< named nodes, for grammars where a token is not enough
  } cyclomatic;
};

/// Parses the `syntax:` section of one language spec (the whole YAML file). No section gives
/// nullopt; unknown keys and wrong types are errors naming the origin and the key.
Result<std::optional<SyntaxSpec>> parse_syntax_spec(std::string_view yaml, std::string_view origin);

/// The spec of a language from the embedded files, parsed once and cached (thread-safe);
/// nullptr when the language has no `syntax:` section or it has errors.
const SyntaxSpec* syntax_spec_for(std::string_view language_id);

/// Errors met while loading the embedded syntax specs (empty in a correct build).
const std::vector<std::string>& syntax_spec_errors();

/// Every node-type and token name a spec mentions, with whether it must be a named node.
struct SpecName {
  std::string name;
  bool named = true;
};
std::vector<SpecName> spec_names(const SyntaxSpec& spec);

}  // namespace rh
