#pragma once
// The `syntax:` section of a language spec (rules/languages/<id>.yml): which node types of the
// tree-sitter grammar play which role for the one generic walker (walker.h). Node-type lists
// name *named* nodes; `cyclomatic.tokens`, `boolean_operator.operators`, `else_keyword` and
// `halstead.ignore` name anonymous tokens (keywords, operators). Format and meaning:
// docs/languages.md; metric definitions: docs/metrics.md.
#include <map>
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

/// Alternatives tried in order; the first that is present wins. YAML: one mapping or a list.
using ChildRefs = std::vector<ChildRef>;

/// Where an anonymous function (a lambda, a closure) is a function of its own (`inline:` in the
/// spec; docs/languages.md). Inlined, it is part of the code around it: its decisions, tokens
/// and lines count for the enclosing function, its content one cognitive nesting level deeper.
enum class InlineMode {
  never,   ///< a function of its own everywhere (no `inline:`)
  nested,  ///< part of the enclosing function; outside functions a function of its own
  always,  ///< part of the enclosing function; outside functions code like the code there
};

struct FunctionSyntax {
  std::string node;       ///< "function_definition"
  ChildRefs name;         ///< empty for anonymous functions
  std::string anonymous;  ///< the name used when there is none: "<lambda>"
  ChildRefs parameters;   ///< the node holding the parameters (or the one parameter itself)
  ChildRefs body;         ///< when given, a node without it is a declaration, not a function
  InlineMode inline_mode = InlineMode::never;
};

/// A named definition that qualifies the functions inside it: `Class.method`.
struct ContainerSyntax {
  std::string node;
  ChildRefs name;
};

/// An anonymous function takes its name from its parent when the parent is one of these
/// (`const f = () => {}` is `f`, as lizard names it).
struct NameFromParent {
  std::string node;  ///< "variable_declarator"
  ChildRefs name;
};

/// How parameters are counted among the named children of a function's parameters node.
struct ParameterSyntax {
  std::string node;         ///< a node type that counts as parameters, or empty
  std::string field;        ///< with `node`: count its children in this field (at least 1);
                            ///< without: children of the parameters node in this field count 1
};

struct BooleanOperatorSyntax {
  std::string node;                    ///< "boolean_operator", "binary_expression"
  std::vector<std::string> operators;  ///< tokens that make it boolean: "and", "||"
};

/// A jump that breaks the flow to somewhere else: cognitive complexity +1. With a `label`, only
/// when that part is present (`continue OUTER`, `break 2`); without, always (`goto`).
struct JumpSyntax {
  std::string node;
  ChildRefs label;
};

/// A statement holding nothing but a string literal (a Python docstring) counts as comment
/// lines, not code, as lizard and cloc count it.
struct DocstringSyntax {
  std::string statement;             ///< "expression_statement"
  std::vector<std::string> strings;  ///< "string", "concatenated_string"
};

/// A call site for the rule engine (CallSite) and for recursion.
struct CallSyntax {
  std::string node;     ///< "call", "method_invocation"
  ChildRefs callee;     ///< the called name: "function", or the method name
  ChildRefs receiver;   ///< when given and present: the callee text starts here ("object")
  ChildRefs arguments;  ///< the node whose named children are the arguments
  std::string argument_field;  ///< or: each child of the call in this field is one argument
};

/// A keyword (named) argument inside an argument list: `shell=True`.
/// A gap of the grammar: an ERROR node whose whole text is `text`, directly under a `parent`
/// node, is valid code the grammar does not know (PHP's `readonly public` promoted parameter);
/// it is not counted as a syntax error.
struct KnownErrorSyntax {
  std::string text;
  std::string parent;
};

struct KeywordArgumentSyntax {
  std::string node;  ///< "keyword_argument"
  ChildRefs name;
  ChildRefs value;
};

struct SyntaxSpec {
  std::string separator = ".";  ///< joins qualified names: "Outer.method"
  std::vector<FunctionSyntax> functions;
  std::vector<ContainerSyntax> containers;
  std::vector<NameFromParent> anonymous_name_from;
  std::vector<ParameterSyntax> parameters;  ///< YAML: a node type, or {node, field} / {field}
  /// Annotations, attributes, decorators: when they open a function, the function starts after
  /// them and their lines belong to the code around it (as Python's decorators do).
  std::vector<std::string> decorations;
  /// SonarJS's rule for a file-level function (`top_level_aggregation:` in the spec): the
  /// cognitive increments of the functions nested in it count for it only when it has a
  /// structural increment of its own and is no component (a capitalised name with one of
  /// `component_markup`, e.g. JSX, in it); otherwise they stay on the nested functions alone.
  bool top_level_aggregation = false;
  std::vector<std::string> component_markup;
  // Control flow (cognitive complexity; see docs/metrics.md).
  std::vector<std::string> branch, loop, case_clause, catch_clause, ternary, switch_;
  std::vector<std::string> else_clause;   ///< `else` parts that are nodes of their own
  std::vector<std::string> else_keyword;  ///< `else` tokens, where the grammar has no else node
  std::vector<std::string> else_if;       ///< one-node else-ifs: `elif`, `elsif`, `elseif`
  std::vector<std::string> condition_fields;  ///< fields of a control structure that are not nested
  std::vector<BooleanOperatorSyntax> boolean_operators;
  std::vector<JumpSyntax> jumps;
  std::vector<std::string> nesting;  ///< control structures that deepen max_nesting
  // Tokens.
  std::vector<std::string> comment;
  std::vector<std::string> string;   ///< literals: one token each, comment markers inside ignored
  std::vector<std::string> identifiers;  ///< Halstead operands; normalised for clone detection
  std::vector<std::string> literals;     ///< Halstead operands; normalised; literal arguments
  std::vector<std::string> interpolation;  ///< a string holding one of these is not a literal
  std::vector<std::string> halstead_ignore;  ///< tokens that are no Halstead operator: ")" "end"
  std::optional<DocstringSyntax> docstring;
  // Calls.
  std::vector<CallSyntax> calls;
  std::vector<KeywordArgumentSyntax> keyword_arguments;
  std::vector<KnownErrorSyntax> known_errors;
  std::vector<std::string> self_receivers;  ///< `self.f()` inside f is recursion: "self", "this"
  /// What adds 1 to cyclomatic complexity (lizard's convention: every such token counts).
  struct Cyclomatic {
    std::vector<std::string> tokens;  ///< anonymous tokens: "if", "and", "case"
    std::vector<std::string> nodes;   ///< named nodes, for grammars where a token is not enough
    /// Field a node of `nodes` must have to count, by node type (`{node: x, with_field: f}` in
    /// the YAML): PHP's `a ? b : c` counts, its short form `a ?: c` (no body) does not.
    std::map<std::string, std::string, std::less<>> node_field;
  } cyclomatic;
};

/// Parses the `syntax:` section of one language spec (the whole YAML file). No section gives
/// nullopt; unknown keys and wrong types are errors naming the origin and the key.
Result<std::optional<SyntaxSpec>> parse_syntax_spec(std::string_view yaml, std::string_view origin);

/// The spec of a language from the embedded files, parsed on the first request for that language
/// and cached (thread-safe); nullptr when the language has no `syntax:` section or it has errors.
const SyntaxSpec* syntax_spec_for(std::string_view language_id);

/// Errors met while loading the embedded syntax specs (empty in a correct build); parses them all.
const std::vector<std::string>& syntax_spec_errors();

/// Every node-type, field and token name a spec mentions, with whether it must be a named node.
struct SpecName {
  std::string name;
  bool named = true;
};
std::vector<SpecName> spec_names(const SyntaxSpec& spec);

}  // namespace rh
