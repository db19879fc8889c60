// Syntax specs: the shipped ones parse and name only node types their grammar has; malformed
// specs are errors that say where.
#include "lang/syntax_spec.h"

#include <gtest/gtest.h>

#include "core/language.h"
#include "lang/grammars.h"
#include "lang/walker.h"

namespace rh {
namespace {

TEST(SyntaxSpec, EmbeddedSpecsParse) {
  for (const auto& e : syntax_spec_errors()) ADD_FAILURE() << e;
  const SyntaxSpec* python = syntax_spec_for("python");
  ASSERT_NE(python, nullptr);
  EXPECT_EQ(python->separator, ".");
  ASSERT_EQ(python->functions.size(), 2u);
  EXPECT_EQ(python->functions[0].node, "function_definition");
  EXPECT_EQ(python->functions[0].name.at(0).field, "name");
  EXPECT_EQ(python->functions[1].anonymous, "<lambda>");
  EXPECT_EQ(python->functions[0].inline_mode, InlineMode::never);
  EXPECT_EQ(python->functions[1].inline_mode, InlineMode::always);
  ASSERT_TRUE(python->docstring.has_value());
  EXPECT_EQ(syntax_spec_for("markdown"), nullptr);
  EXPECT_EQ(syntax_spec_for("python"), python);  // cached
}

TEST(SyntaxSpec, ShippedSpecsNameOnlyWhatTheirGrammarHas) {
  int checked = 0;
  for (const LanguageInfo& l : languages()) {
    const SyntaxSpec* spec = syntax_spec_for(l.id);
    if (!spec) continue;
    const TSLanguage* grammar = grammar_by_name(l.grammar);
    if (!grammar) continue;  // not built into this build (REPOHEALTH_GRAMMAR_LIST)
    std::vector<std::string> unknown;
    compile_syntax(*spec, grammar, &unknown);
    for (const auto& u : unknown) ADD_FAILURE() << l.id << ": " << u << " is not in the grammar";
    ++checked;
  }
  EXPECT_GE(checked, 1);
}

TEST(SyntaxSpec, NoSectionIsNotAnError) {
  auto r = parse_syntax_spec("id: x\ndisplay: X\n", "x.yml");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
}

TEST(SyntaxSpec, ParsesAllRoles) {
  auto r = parse_syntax_spec(R"(
syntax:
  separator: "::"
  functions:
    - {node: fn, name: {type: identifier}, parameters: {field: params}}
  containers: [{node: impl, name: {field: type}}]
  parameters: [param]
  branch: [if]
  loop: [for, while]
  case: [arm]
  catch: [catch]
  ternary: [cond]
  boolean_operator: [{node: binary, operators: ["&&", "||"]}]
  nesting: [if, for]
  comment: [line_comment, block_comment]
  string: [string_literal]
  cyclomatic: {tokens: [if, "&&"], nodes: [arm, {node: cond, with_field: body}]}
  known_errors: [{text: readonly, parent: params}]
)", "t.yml");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_TRUE(r->has_value());
  const SyntaxSpec& s = **r;
  EXPECT_EQ(s.separator, "::");
  EXPECT_EQ(s.functions[0].name.at(0).type, "identifier");
  EXPECT_EQ(s.functions[0].parameters.at(0).field, "params");
  EXPECT_EQ(s.containers[0].name.at(0).field, "type");
  EXPECT_EQ(s.loop.size(), 2u);
  EXPECT_EQ(s.boolean_operators[0].operators[1], "||");
  EXPECT_EQ(s.comment.size(), 2u);
  EXPECT_EQ(s.cyclomatic.tokens[1], "&&");
  EXPECT_EQ(s.cyclomatic.nodes[0], "arm");
  EXPECT_EQ(s.cyclomatic.nodes[1], "cond");
  EXPECT_EQ(s.cyclomatic.node_field.at("cond"), "body");
  EXPECT_EQ(s.cyclomatic.node_field.count("arm"), 0u);
  ASSERT_EQ(s.known_errors.size(), 1u);
  EXPECT_EQ(s.known_errors[0].text, "readonly");
  EXPECT_EQ(s.known_errors[0].parent, "params");
  EXPECT_FALSE(s.docstring.has_value());
}

TEST(SyntaxSpec, ErrorsNameTheFileAndKey) {
  auto unknown = parse_syntax_spec("syntax:\n  functions: [{node: f, name: {field: n}}]\n  loops: [x]\n", "rules/languages/x.yml");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("rules/languages/x.yml"), std::string::npos);
  EXPECT_NE(unknown.error().message.find("loops"), std::string::npos) << unknown.error().message;

  auto nameless = parse_syntax_spec("syntax:\n  functions: [{node: f}]\n", "x.yml");
  ASSERT_FALSE(nameless.ok());
  EXPECT_NE(nameless.error().message.find("name"), std::string::npos);

  auto wrong_type = parse_syntax_spec("syntax:\n  functions: [{node: f, anonymous: a}]\n  nesting: {a: b}\n", "x.yml");
  ASSERT_FALSE(wrong_type.ok());
  EXPECT_NE(wrong_type.error().message.find("syntax.nesting"), std::string::npos);

  auto inline_modes = parse_syntax_spec(
      "syntax:\n  functions: [{node: f, anonymous: a, inline: nested}, {node: g, anonymous: b, inline: always}]\n",
      "x.yml");
  ASSERT_TRUE(inline_modes.ok()) << inline_modes.error().message;
  EXPECT_EQ((*inline_modes)->functions[0].inline_mode, InlineMode::nested);
  EXPECT_EQ((*inline_modes)->functions[1].inline_mode, InlineMode::always);

  auto bad_inline = parse_syntax_spec("syntax:\n  functions: [{node: f, anonymous: a, inline: yes}]\n", "x.yml");
  ASSERT_FALSE(bad_inline.ok());
  EXPECT_NE(bad_inline.error().message.find("inline"), std::string::npos) << bad_inline.error().message;

  auto no_functions = parse_syntax_spec("syntax:\n  nesting: [a]\n", "x.yml");
  EXPECT_FALSE(no_functions.ok());

  auto bad_yaml = parse_syntax_spec("syntax: [\n", "x.yml");
  EXPECT_FALSE(bad_yaml.ok());
}

TEST(SyntaxSpec, UnknownNamesAreReportedAtCompileTime) {
  const TSLanguage* grammar = grammar_by_name("python");
  ASSERT_NE(grammar, nullptr);
  SyntaxSpec spec;
  spec.functions.push_back({"function_definition", {{"nmae", ""}}, "", {}});
  spec.nesting = {"if_statment"};
  spec.cyclomatic.tokens = {"elif", "elsif"};
  std::vector<std::string> unknown;
  compile_syntax(spec, grammar, &unknown);
  ASSERT_EQ(unknown.size(), 3u);
  EXPECT_EQ(unknown[0], "field 'nmae'");
  EXPECT_EQ(unknown[1], "node type 'if_statment'");
  EXPECT_EQ(unknown[2], "token 'elsif'");
}

}  // namespace
}  // namespace rh
