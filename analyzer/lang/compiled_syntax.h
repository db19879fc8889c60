#pragma once
// A SyntaxSpec resolved against one tree-sitter grammar: a role bit set per grammar symbol and
// per field, so the walk compares integers, not strings. Built once per language.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <tree_sitter/api.h>

#include "lang/syntax_spec.h"

namespace rh {

struct CompiledSyntax {
  enum Role : uint64_t {
    function = 1ull << 0,
    container = 1ull << 1,
    parameter = 1ull << 2,
    nesting = 1ull << 3,
    comment = 1ull << 4,
    string = 1ull << 5,
    docstring_statement = 1ull << 6,
    docstring_string = 1ull << 7,
    cyclomatic_token = 1ull << 8,
    cyclomatic_node = 1ull << 9,
    branch = 1ull << 10,
    loop = 1ull << 11,
    case_clause = 1ull << 12,
    catch_clause = 1ull << 13,
    ternary = 1ull << 14,
    boolean_operator = 1ull << 15,
    boolean_token = 1ull << 16,
    switch_ = 1ull << 17,
    else_clause = 1ull << 18,
    else_keyword = 1ull << 19,
    else_if = 1ull << 20,
    jump = 1ull << 21,
    identifier = 1ull << 22,
    literal = 1ull << 23,
    interpolation = 1ull << 24,
    halstead_ignore = 1ull << 25,
    call = 1ull << 26,
    keyword_argument = 1ull << 27,
    name_parent = 1ull << 28,
    counted_parameter = 1ull << 29,  ///< counts its children in a field (`a, b int` is 2)
    decoration = 1ull << 30,
    component_markup = 1ull << 31,  ///< JSX: a capitalised file-level function holding it is a component
  };
  /// Roles whose nodes are structural increments of cognitive complexity and nest their content.
  static constexpr uint64_t kStructural = branch | loop | switch_ | catch_clause | ternary;

  struct Ref {
    TSFieldId field = 0;  ///< 0: none
    TSSymbol type = 0;    ///< first named child of this (canonical) symbol, when no field
    bool has_type = false;
  };
  using Refs = std::vector<Ref>;
  struct Function {
    Refs name, parameters, body;
    std::string anonymous;
    InlineMode inline_mode = InlineMode::never;
  };
  struct Call {
    Refs callee, receiver, arguments;
    TSFieldId argument_field = 0;
  };
  struct KeywordArgument {
    Refs name, value;
  };

  const TSLanguage* language = nullptr;
  std::string separator = ".";
  std::vector<uint64_t> roles;          ///< by symbol
  /// The kinds of role that carry a rule (an entry of the spec with parts).
  enum RuleKind { function_rule, container_rule, name_parent_rule, jump_rule, call_rule, keyword_rule, kRuleKinds };
  std::array<std::vector<int16_t>, kRuleKinds> rule;  ///< by kind, by symbol: index into its list, or -1
  std::vector<Function> functions;      ///< rules of `function` symbols
  std::vector<Refs> containers;         ///< rule of a `container` symbol: how to find its name
  std::vector<Refs> name_parents;       ///< rule of a `name_parent` symbol
  std::vector<Refs> jumps;              ///< rule of a `jump` symbol: its label (empty: always)
  std::vector<Call> calls;              ///< rule of a `call` symbol
  std::vector<KeywordArgument> keyword_arguments;  ///< rule of a `keyword_argument` symbol
  std::vector<TSFieldId> counted_parameter_field;  ///< by symbol (counted_parameter)
  std::vector<TSFieldId> cyclomatic_field;  ///< by symbol (cyclomatic_node): counts only with it (0: always)
  std::vector<TSFieldId> parameter_fields;  ///< children of a parameters node in these fields count 1
  std::vector<uint8_t> condition_field;  ///< by field id: 1 for a condition field
  std::vector<std::string> self_receivers;
  struct KnownError {
    std::string text;
    TSSymbol parent = 0;
  };
  std::vector<KnownError> known_errors;  ///< grammar gaps, not counted as syntax errors
  bool top_level_aggregation = false;    ///< SonarJS's rule for nested functions (syntax_spec.h)

  /// One symbol per distinct named node type (a grammar may give a name several symbols).
  std::vector<TSSymbol> canonical;

  uint64_t roles_of(TSSymbol s) const { return s < roles.size() ? roles[s] : 0; }
  int16_t rule_of(RuleKind kind, TSSymbol s) const { return s < rule[kind].size() ? rule[kind][s] : -1; }
};

/// Resolves the spec's names; names or fields the grammar does not have go to `unknown`
/// (a spec typo; a test keeps the shipped specs free of them) and are ignored.
std::unique_ptr<CompiledSyntax> compile_syntax(const SyntaxSpec& spec, const TSLanguage* language,
                                               std::vector<std::string>* unknown = nullptr);

}  // namespace rh
