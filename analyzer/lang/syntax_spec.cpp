#include "lang/syntax_spec.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "core/embedded.h"

namespace rh {
namespace {

/// Parse failures travel as this exception inside this file only; parse_syntax_spec turns it
/// into an Error value.
struct SpecError {
  std::string message;
};

void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed, const std::string& where) {
  if (!map.IsMap()) throw SpecError{where + ": expected a mapping"};
  for (const auto& kv : map) {
    const std::string key = kv.first.as<std::string>();
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string list;
    for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    throw SpecError{where + ": unknown key '" + key + "' (expected one of: " + list + ")"};
  }
}

std::string scalar(const YAML::Node& node, const std::string& where) {
  if (!node || !node.IsScalar()) throw SpecError{where + ": expected a string"};
  return node.as<std::string>();
}

std::vector<std::string> strings(const YAML::Node& node, const std::string& where) {
  std::vector<std::string> out;
  if (!node || node.IsNull()) return out;
  if (node.IsScalar()) return {node.as<std::string>()};
  if (!node.IsSequence()) throw SpecError{where + ": expected a list of node types"};
  for (const auto& item : node) out.push_back(scalar(item, where));
  return out;
}

ChildRef child_ref(const YAML::Node& node, const std::string& where) {
  ChildRef ref;
  check_keys(node, {"field", "type"}, where);
  if (node["field"]) ref.field = scalar(node["field"], where + ".field");
  if (node["type"]) ref.type = scalar(node["type"], where + ".type");
  if (ref.empty()) throw SpecError{where + ": give a field or a type"};
  return ref;
}

/// One {field|type} mapping, or a list of them tried in order.
ChildRefs child_refs(const YAML::Node& node, const std::string& where) {
  ChildRefs out;
  if (!node) return out;
  if (node.IsSequence()) {
    for (const auto& item : node) out.push_back(child_ref(item, where));
    return out;
  }
  out.push_back(child_ref(node, where));
  return out;
}

/// A list of mappings, each checked against `keys` and turned into T by `make`.
template <class T, class Make>
std::vector<T> mappings(const YAML::Node& node, std::initializer_list<std::string_view> keys, const std::string& where,
                        Make make) {
  std::vector<T> out;
  if (!node) return out;
  if (!node.IsSequence()) throw SpecError{where + ": expected a list"};
  for (const auto& item : node) {
    check_keys(item, keys, where);
    out.push_back(make(item));
  }
  return out;
}

std::vector<FunctionSyntax> functions(const YAML::Node& node, const std::string& where) {
  const std::initializer_list<std::string_view> keys = {"node", "name", "anonymous", "parameters", "body", "inline"};
  return mappings<FunctionSyntax>(node, keys, where, [&](const YAML::Node& item) {
    FunctionSyntax f;
    f.node = scalar(item["node"], where + ".node");
    f.name = child_refs(item["name"], where + ".name");
    if (item["anonymous"]) f.anonymous = scalar(item["anonymous"], where + ".anonymous");
    f.parameters = child_refs(item["parameters"], where + ".parameters");
    f.body = child_refs(item["body"], where + ".body");
    if (item["inline"]) {
      const std::string mode = scalar(item["inline"], where + ".inline");
      if (mode == "nested") {
        f.inline_mode = InlineMode::nested;
      } else if (mode == "always") {
        f.inline_mode = InlineMode::always;
      } else {
        throw SpecError{where + ".inline: '" + mode + "' is not one of nested, always"};
      }
    }
    if (f.name.empty() && f.anonymous.empty())
      throw SpecError{where + ": function '" + f.node + "' needs a name or an anonymous name"};
    return f;
  });
}

std::vector<ParameterSyntax> parameters(const YAML::Node& node, const std::string& where) {
  std::vector<ParameterSyntax> out;
  if (!node || node.IsNull()) return out;
  if (!node.IsSequence()) throw SpecError{where + ": expected a list"};
  for (const auto& item : node) {
    if (item.IsScalar()) {
      out.push_back({item.as<std::string>(), ""});
      continue;
    }
    check_keys(item, {"node", "field"}, where);
    ParameterSyntax p;
    if (item["node"]) p.node = scalar(item["node"], where + ".node");
    if (item["field"]) p.field = scalar(item["field"], where + ".field");
    if (p.field.empty()) throw SpecError{where + ": a mapping needs a field"};
    out.push_back(std::move(p));
  }
  return out;
}

SyntaxSpec parse_section(const YAML::Node& s) {
  check_keys(s,
             {"separator", "functions", "containers", "anonymous_name_from", "parameters", "decorations", "branch", "loop",
              "case", "catch", "ternary", "switch", "else", "else_keyword", "else_if", "condition_fields",
              "boolean_operator", "jump", "nesting", "comment", "string", "identifiers", "literals",
              "interpolation", "halstead", "docstring", "calls", "keyword_argument", "self", "cyclomatic",
              "known_errors", "top_level_aggregation"},
             "syntax");
  SyntaxSpec spec;
  if (s["separator"]) spec.separator = scalar(s["separator"], "syntax.separator");
  spec.functions = functions(s["functions"], "syntax.functions");
  spec.containers = mappings<ContainerSyntax>(s["containers"], {"node", "name"}, "syntax.containers",
                                              [](const YAML::Node& item) {
                                                return ContainerSyntax{scalar(item["node"], "syntax.containers.node"),
                                                                       child_refs(item["name"], "syntax.containers.name")};
                                              });
  spec.anonymous_name_from = mappings<NameFromParent>(
      s["anonymous_name_from"], {"node", "name"}, "syntax.anonymous_name_from", [](const YAML::Node& item) {
        return NameFromParent{scalar(item["node"], "syntax.anonymous_name_from.node"),
                              child_refs(item["name"], "syntax.anonymous_name_from.name")};
      });
  spec.parameters = parameters(s["parameters"], "syntax.parameters");
  spec.decorations = strings(s["decorations"], "syntax.decorations");
  if (const YAML::Node t = s["top_level_aggregation"]) {
    if (!t.IsMap()) throw SpecError{"syntax.top_level_aggregation: a mapping ({component_markup: [...]})"};
    check_keys(t, {"component_markup"}, "syntax.top_level_aggregation");
    spec.top_level_aggregation = true;
    spec.component_markup = strings(t["component_markup"], "syntax.top_level_aggregation.component_markup");
  }
  spec.branch = strings(s["branch"], "syntax.branch");
  spec.loop = strings(s["loop"], "syntax.loop");
  spec.case_clause = strings(s["case"], "syntax.case");
  spec.catch_clause = strings(s["catch"], "syntax.catch");
  spec.ternary = strings(s["ternary"], "syntax.ternary");
  spec.switch_ = strings(s["switch"], "syntax.switch");
  spec.else_clause = strings(s["else"], "syntax.else");
  spec.else_keyword = strings(s["else_keyword"], "syntax.else_keyword");
  spec.else_if = strings(s["else_if"], "syntax.else_if");
  spec.condition_fields = strings(s["condition_fields"], "syntax.condition_fields");
  spec.boolean_operators = mappings<BooleanOperatorSyntax>(
      s["boolean_operator"], {"node", "operators"}, "syntax.boolean_operator", [](const YAML::Node& item) {
        return BooleanOperatorSyntax{scalar(item["node"], "syntax.boolean_operator.node"),
                                     strings(item["operators"], "syntax.boolean_operator.operators")};
      });
  spec.jumps = mappings<JumpSyntax>(s["jump"], {"node", "label"}, "syntax.jump", [](const YAML::Node& item) {
    return JumpSyntax{scalar(item["node"], "syntax.jump.node"), child_refs(item["label"], "syntax.jump.label")};
  });
  spec.nesting = strings(s["nesting"], "syntax.nesting");
  spec.comment = strings(s["comment"], "syntax.comment");
  spec.string = strings(s["string"], "syntax.string");
  spec.identifiers = strings(s["identifiers"], "syntax.identifiers");
  spec.literals = strings(s["literals"], "syntax.literals");
  spec.interpolation = strings(s["interpolation"], "syntax.interpolation");
  if (const YAML::Node h = s["halstead"]) {
    check_keys(h, {"ignore"}, "syntax.halstead");
    spec.halstead_ignore = strings(h["ignore"], "syntax.halstead.ignore");
  }
  if (const YAML::Node d = s["docstring"]) {
    check_keys(d, {"statement", "strings"}, "syntax.docstring");
    spec.docstring = DocstringSyntax{scalar(d["statement"], "syntax.docstring.statement"),
                                     strings(d["strings"], "syntax.docstring.strings")};
  }
  spec.calls = mappings<CallSyntax>(
      s["calls"], {"node", "callee", "receiver", "arguments", "argument_field"}, "syntax.calls",
      [](const YAML::Node& item) {
        CallSyntax c;
        c.node = scalar(item["node"], "syntax.calls.node");
        c.callee = child_refs(item["callee"], "syntax.calls.callee");
        c.receiver = child_refs(item["receiver"], "syntax.calls.receiver");
        c.arguments = child_refs(item["arguments"], "syntax.calls.arguments");
        if (item["argument_field"]) c.argument_field = scalar(item["argument_field"], "syntax.calls.argument_field");
        if (c.callee.empty()) throw SpecError{"syntax.calls: call '" + c.node + "' needs a callee"};
        return c;
      });
  spec.keyword_arguments = mappings<KeywordArgumentSyntax>(
      s["keyword_argument"], {"node", "name", "value"}, "syntax.keyword_argument", [](const YAML::Node& item) {
        return KeywordArgumentSyntax{scalar(item["node"], "syntax.keyword_argument.node"),
                                     child_refs(item["name"], "syntax.keyword_argument.name"),
                                     child_refs(item["value"], "syntax.keyword_argument.value")};
      });
  spec.self_receivers = strings(s["self"], "syntax.self");
  spec.known_errors = mappings<KnownErrorSyntax>(
      s["known_errors"], {"text", "parent"}, "syntax.known_errors", [](const YAML::Node& item) {
        return KnownErrorSyntax{scalar(item["text"], "syntax.known_errors.text"),
                                scalar(item["parent"], "syntax.known_errors.parent")};
      });
  if (const YAML::Node c = s["cyclomatic"]) {
    check_keys(c, {"tokens", "nodes"}, "syntax.cyclomatic");
    spec.cyclomatic.tokens = strings(c["tokens"], "syntax.cyclomatic.tokens");
    // A node type, or {node: type, with_field: field} for a node that counts only with that field.
    if (const YAML::Node nodes = c["nodes"]; nodes && nodes.IsSequence()) {
      for (const auto& item : nodes) {
        if (item.IsMap()) {
          check_keys(item, {"node", "with_field"}, "syntax.cyclomatic.nodes");
          const std::string node = scalar(item["node"], "syntax.cyclomatic.nodes.node");
          spec.cyclomatic.nodes.push_back(node);
          spec.cyclomatic.node_field[node] = scalar(item["with_field"], "syntax.cyclomatic.nodes.with_field");
        } else {
          spec.cyclomatic.nodes.push_back(scalar(item, "syntax.cyclomatic.nodes"));
        }
      }
    } else {
      spec.cyclomatic.nodes = strings(nodes, "syntax.cyclomatic.nodes");
    }
  }
  if (spec.functions.empty()) throw SpecError{"syntax.functions: at least one function node type is needed"};
  return spec;
}

/// One language's spec, parsed on first request: a scan reads only the specs of the languages it
/// meets (yaml-cpp makes a spec cost milliseconds).
struct SpecSlot {
  std::string_view yaml;
  std::string origin;
  std::once_flag once;
  std::optional<SyntaxSpec> spec;
  std::string error;
};

/// The slots, by language id (found in the embedded files, nothing parsed yet).
const std::map<std::string, std::unique_ptr<SpecSlot>, std::less<>>& slots() {
  static const auto s = [] {
    std::map<std::string, std::unique_ptr<SpecSlot>, std::less<>> out;
    constexpr std::string_view folder = "languages/";
    for (const EmbeddedFile& file : embedded_files()) {
      if (!file.path.starts_with(folder) || !file.path.ends_with(".yml")) continue;
      std::string id(file.path.substr(folder.size()));
      id.resize(id.size() - 4);
      auto slot = std::make_unique<SpecSlot>();
      slot->yaml = file.bytes;
      slot->origin = "rules/" + std::string(file.path);
      out.emplace(id, std::move(slot));
    }
    return out;
  }();
  return s;
}

SpecSlot& parsed(SpecSlot& slot) {
  std::call_once(slot.once, [&slot] {
    auto parsed = parse_syntax_spec(slot.yaml, slot.origin);
    if (!parsed)
      slot.error = parsed.error().message;
    else if (*parsed)
      slot.spec = std::move(**parsed);
  });
  return slot;
}

}  // namespace

Result<std::optional<SyntaxSpec>> parse_syntax_spec(std::string_view yaml, std::string_view origin) {
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (!root.IsMap() || !root["syntax"]) return std::optional<SyntaxSpec>();
    return std::optional<SyntaxSpec>(parse_section(root["syntax"]));
  } catch (const SpecError& e) {
    return Error{std::string(origin) + ": " + e.message};
  } catch (const YAML::Exception& e) {
    return Error{std::string(origin) + ": " + e.what()};
  }
}

const SyntaxSpec* syntax_spec_for(std::string_view language_id) {
  auto it = slots().find(language_id);
  if (it == slots().end()) return nullptr;
  const SpecSlot& slot = parsed(*it->second);
  return slot.spec ? &*slot.spec : nullptr;
}

const std::vector<std::string>& syntax_spec_errors() {
  static const std::vector<std::string> errors = [] {
    std::vector<std::string> out;
    for (const auto& [_, slot] : slots())
      if (!parsed(*slot).error.empty()) out.push_back(slot->error);
    return out;
  }();
  return errors;
}

std::vector<SpecName> spec_names(const SyntaxSpec& spec) {
  std::vector<SpecName> out;
  auto add = [&](const std::vector<std::string>& names, bool named) {
    for (const auto& n : names) out.push_back({n, named});
  };
  auto refs = [&](const ChildRefs& rs) {
    for (const auto& r : rs)
      if (!r.type.empty()) out.push_back({r.type, true});
  };
  for (const auto& f : spec.functions) {
    out.push_back({f.node, true});
    refs(f.name);
    refs(f.parameters);
    refs(f.body);
  }
  add(spec.decorations, true);
  add(spec.component_markup, true);
  for (const auto& c : spec.containers) {
    out.push_back({c.node, true});
    refs(c.name);
  }
  for (const auto& n : spec.anonymous_name_from) {
    out.push_back({n.node, true});
    refs(n.name);
  }
  for (const auto& p : spec.parameters)
    if (!p.node.empty()) out.push_back({p.node, true});
  add(spec.branch, true);
  add(spec.loop, true);
  add(spec.case_clause, true);
  add(spec.catch_clause, true);
  add(spec.ternary, true);
  add(spec.switch_, true);
  add(spec.else_clause, true);
  add(spec.else_keyword, false);
  add(spec.else_if, true);
  for (const auto& b : spec.boolean_operators) {
    out.push_back({b.node, true});
    add(b.operators, false);
  }
  for (const auto& j : spec.jumps) {
    out.push_back({j.node, true});
    refs(j.label);
  }
  add(spec.nesting, true);
  add(spec.comment, true);
  add(spec.string, true);
  add(spec.identifiers, true);
  add(spec.literals, true);
  add(spec.interpolation, true);
  add(spec.halstead_ignore, false);
  if (spec.docstring) {
    out.push_back({spec.docstring->statement, true});
    add(spec.docstring->strings, true);
  }
  for (const auto& c : spec.calls) {
    out.push_back({c.node, true});
    refs(c.callee);
    refs(c.receiver);
    refs(c.arguments);
  }
  for (const auto& k : spec.keyword_arguments) {
    out.push_back({k.node, true});
    refs(k.name);
    refs(k.value);
  }
  add(spec.cyclomatic.tokens, false);
  add(spec.cyclomatic.nodes, true);
  for (const auto& k : spec.known_errors) out.push_back({k.parent, true});
  return out;
}

}  // namespace rh
