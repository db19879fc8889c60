// Compiling a language spec against its grammar: names -> symbols and field ids.
#include <string_view>
#include <unordered_map>

#include "lang/compiled_syntax.h"

namespace rh {
namespace {

struct SymbolIndex {
  std::unordered_multimap<std::string, TSSymbol> named, anonymous;
  std::vector<TSSymbol> canonical;  ///< by symbol: the first symbol of the same name and kind
};

SymbolIndex index_symbols(const TSLanguage* language) {
  SymbolIndex index;
  const uint32_t count = ts_language_symbol_count(language);
  index.canonical.resize(count);
  std::unordered_map<std::string, TSSymbol> first_named;
  for (uint32_t s = 0; s < count; ++s) {
    const auto symbol = static_cast<TSSymbol>(s);
    index.canonical[s] = symbol;
    const char* name = ts_language_symbol_name(language, symbol);
    if (!name) continue;
    switch (ts_language_symbol_type(language, symbol)) {
      case TSSymbolTypeRegular:
        index.named.emplace(name, symbol);
        index.canonical[s] = first_named.emplace(name, symbol).first->second;
        break;
      case TSSymbolTypeAnonymous: index.anonymous.emplace(name, symbol); break;
      default: break;
    }
  }
  return index;
}

class Compiler {
 public:
  Compiler(const TSLanguage* language, std::vector<std::string>* unknown)
      : language_(language), index_(index_symbols(language)), unknown_(unknown) {}

  /// Calls fn(symbol) for every symbol of that name; records the name when there is none.
  template <class Fn>
  void each(const std::string& name, bool named, Fn fn) {
    auto& map = named ? index_.named : index_.anonymous;
    auto [lo, hi] = map.equal_range(name);
    if (lo == hi) miss((named ? "node type '" : "token '") + name + "'");
    for (auto it = lo; it != hi; ++it) fn(it->second);
  }

  const std::vector<TSSymbol>& canonical() const { return index_.canonical; }

  TSFieldId field(const std::string& name) {
    if (name.empty()) return 0;
    const TSFieldId id = ts_language_field_id_for_name(language_, name.data(), static_cast<uint32_t>(name.size()));
    if (id == 0) miss("field '" + name + "'");
    return id;
  }

  CompiledSyntax::Refs refs(const ChildRefs& rs) {
    CompiledSyntax::Refs out;
    for (const ChildRef& r : rs) {
      CompiledSyntax::Ref ref;
      ref.field = field(r.field);
      if (!r.type.empty()) {
        each(r.type, true, [&](TSSymbol s) {
          ref.type = index_.canonical[s];
          ref.has_type = true;
        });
        // A type the grammar lacks must match nothing (not the symbol 0, "end").
        if (!ref.has_type && ref.field == 0) continue;
      }
      out.push_back(ref);
    }
    return out;
  }

 private:
  void miss(std::string what) {
    if (unknown_) unknown_->push_back(std::move(what));
  }

  const TSLanguage* language_;
  SymbolIndex index_;
  std::vector<std::string>* unknown_;
};

}  // namespace

std::unique_ptr<CompiledSyntax> compile_syntax(const SyntaxSpec& spec, const TSLanguage* language,
                                               std::vector<std::string>* unknown) {
  using R = CompiledSyntax;
  auto out = std::make_unique<CompiledSyntax>();
  out->language = language;
  out->separator = spec.separator;
  out->self_receivers = spec.self_receivers;
  const uint32_t count = ts_language_symbol_count(language);
  out->roles.assign(count, 0);
  for (auto& r : out->rule) r.assign(count, -1);
  out->counted_parameter_field.assign(count, 0);
  out->cyclomatic_field.assign(count, 0);
  out->condition_field.assign(ts_language_field_count(language) + 1, 0);
  Compiler c(language, unknown);
  out->canonical = c.canonical();
  auto mark = [&](const std::vector<std::string>& names, bool named, uint64_t role) {
    for (const auto& n : names) c.each(n, named, [&](TSSymbol s) { out->roles[s] |= role; });
  };
  /// Marks the node type with `role` and points its rule of `kind` at entry `index`.
  auto rule = [&](const std::string& node, uint64_t role, R::RuleKind kind, size_t index) {
    c.each(node, true, [&](TSSymbol s) {
      out->roles[s] |= role;
      out->rule[kind][s] = static_cast<int16_t>(index);
    });
  };

  for (size_t i = 0; i < spec.functions.size(); ++i) {
    const FunctionSyntax& f = spec.functions[i];
    rule(f.node, R::function, R::function_rule, i);
    out->functions.push_back({c.refs(f.name), c.refs(f.parameters), c.refs(f.body), f.anonymous,
                                 f.inline_mode});
  }
  for (size_t i = 0; i < spec.containers.size(); ++i) {
    rule(spec.containers[i].node, R::container, R::container_rule, i);
    out->containers.push_back(c.refs(spec.containers[i].name));
  }
  for (size_t i = 0; i < spec.anonymous_name_from.size(); ++i) {
    rule(spec.anonymous_name_from[i].node, R::name_parent, R::name_parent_rule, i);
    out->name_parents.push_back(c.refs(spec.anonymous_name_from[i].name));
  }
  for (size_t i = 0; i < spec.jumps.size(); ++i) {
    rule(spec.jumps[i].node, R::jump, R::jump_rule, i);
    out->jumps.push_back(c.refs(spec.jumps[i].label));
  }
  for (size_t i = 0; i < spec.calls.size(); ++i) {
    const CallSyntax& call = spec.calls[i];
    rule(call.node, R::call, R::call_rule, i);
    out->calls.push_back({c.refs(call.callee), c.refs(call.receiver), c.refs(call.arguments), c.field(call.argument_field)});
  }
  for (const auto& k : spec.known_errors)
    c.each(k.parent, true, [&](TSSymbol s) { out->known_errors.push_back({k.text, s}); });
  for (size_t i = 0; i < spec.keyword_arguments.size(); ++i) {
    rule(spec.keyword_arguments[i].node, R::keyword_argument, R::keyword_rule, i);
    out->keyword_arguments.push_back({c.refs(spec.keyword_arguments[i].name), c.refs(spec.keyword_arguments[i].value)});
  }
  for (const ParameterSyntax& p : spec.parameters) {
    if (p.node.empty()) {
      if (TSFieldId f = c.field(p.field)) out->parameter_fields.push_back(f);
      continue;
    }
    const TSFieldId f = c.field(p.field);
    c.each(p.node, true, [&](TSSymbol s) {
      out->roles[s] |= R::parameter;
      if (f != 0) {
        out->roles[s] |= R::counted_parameter;
        out->counted_parameter_field[s] = f;
      }
    });
  }
  for (const auto& name : spec.condition_fields)
    if (TSFieldId f = c.field(name)) out->condition_field[f] = 1;

  mark(spec.decorations, true, R::decoration);
  mark(spec.component_markup, true, R::component_markup);
  out->top_level_aggregation = spec.top_level_aggregation;
  mark(spec.nesting, true, R::nesting);
  mark(spec.comment, true, R::comment);
  mark(spec.string, true, R::string);
  mark(spec.identifiers, true, R::identifier);
  mark(spec.literals, true, R::literal);
  mark(spec.interpolation, true, R::interpolation);
  mark(spec.halstead_ignore, false, R::halstead_ignore);
  if (spec.docstring) {
    mark({spec.docstring->statement}, true, R::docstring_statement);
    mark(spec.docstring->strings, true, R::docstring_string);
  }
  mark(spec.cyclomatic.tokens, false, R::cyclomatic_token);
  mark(spec.cyclomatic.nodes, true, R::cyclomatic_node);
  for (const auto& [node, field] : spec.cyclomatic.node_field)
    if (const TSFieldId f = c.field(field)) c.each(node, true, [&](TSSymbol s) { out->cyclomatic_field[s] = f; });
  mark(spec.branch, true, R::branch);
  mark(spec.loop, true, R::loop);
  mark(spec.case_clause, true, R::case_clause);
  mark(spec.catch_clause, true, R::catch_clause);
  mark(spec.ternary, true, R::ternary);
  mark(spec.switch_, true, R::switch_);
  mark(spec.else_clause, true, R::else_clause);
  mark(spec.else_keyword, false, R::else_keyword);
  mark(spec.else_if, true, R::else_if);
  for (const auto& b : spec.boolean_operators) {
    mark({b.node}, true, R::boolean_operator);
    mark(b.operators, false, R::boolean_token);
  }
  return out;
}

}  // namespace rh
