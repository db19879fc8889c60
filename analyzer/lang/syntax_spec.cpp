#include "lang/syntax_spec.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>

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
  if (!node) return ref;
  check_keys(node, {"field", "type"}, where);
  if (node["field"]) ref.field = scalar(node["field"], where + ".field");
  if (node["type"]) ref.type = scalar(node["type"], where + ".type");
  if (ref.empty()) throw SpecError{where + ": give a field or a type"};
  return ref;
}

std::vector<FunctionSyntax> functions(const YAML::Node& node, const std::string& where) {
  std::vector<FunctionSyntax> out;
  if (!node) return out;
  if (!node.IsSequence()) throw SpecError{where + ": expected a list"};
  for (const auto& item : node) {
    check_keys(item, {"node", "name", "anonymous", "parameters"}, where);
    FunctionSyntax f;
    f.node = scalar(item["node"], where + ".node");
    f.name = child_ref(item["name"], where + ".name");
    if (item["anonymous"]) f.anonymous = scalar(item["anonymous"], where + ".anonymous");
    f.parameters = child_ref(item["parameters"], where + ".parameters");
    if (f.name.empty() && f.anonymous.empty())
      throw SpecError{where + ": function '" + f.node + "' needs a name or an anonymous name"};
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<ContainerSyntax> containers(const YAML::Node& node, const std::string& where) {
  std::vector<ContainerSyntax> out;
  if (!node) return out;
  if (!node.IsSequence()) throw SpecError{where + ": expected a list"};
  for (const auto& item : node) {
    check_keys(item, {"node", "name"}, where);
    ContainerSyntax c;
    c.node = scalar(item["node"], where + ".node");
    c.name = child_ref(item["name"], where + ".name");
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<BooleanOperatorSyntax> boolean_operators(const YAML::Node& node, const std::string& where) {
  std::vector<BooleanOperatorSyntax> out;
  if (!node) return out;
  if (!node.IsSequence()) throw SpecError{where + ": expected a list"};
  for (const auto& item : node) {
    check_keys(item, {"node", "operators"}, where);
    out.push_back({scalar(item["node"], where + ".node"), strings(item["operators"], where + ".operators")});
  }
  return out;
}

SyntaxSpec parse_section(const YAML::Node& s) {
  check_keys(s,
             {"separator", "functions", "containers", "parameters", "branch", "loop", "case", "catch",
              "ternary", "boolean_operator", "nesting", "comment", "string", "docstring", "cyclomatic"},
             "syntax");
  SyntaxSpec spec;
  if (s["separator"]) spec.separator = scalar(s["separator"], "syntax.separator");
  spec.functions = functions(s["functions"], "syntax.functions");
  spec.containers = containers(s["containers"], "syntax.containers");
  spec.parameters = strings(s["parameters"], "syntax.parameters");
  spec.branch = strings(s["branch"], "syntax.branch");
  spec.loop = strings(s["loop"], "syntax.loop");
  spec.case_clause = strings(s["case"], "syntax.case");
  spec.catch_clause = strings(s["catch"], "syntax.catch");
  spec.ternary = strings(s["ternary"], "syntax.ternary");
  spec.boolean_operators = boolean_operators(s["boolean_operator"], "syntax.boolean_operator");
  spec.nesting = strings(s["nesting"], "syntax.nesting");
  spec.comment = strings(s["comment"], "syntax.comment");
  spec.string = strings(s["string"], "syntax.string");
  if (const YAML::Node d = s["docstring"]) {
    check_keys(d, {"statement", "strings"}, "syntax.docstring");
    spec.docstring = DocstringSyntax{scalar(d["statement"], "syntax.docstring.statement"),
                                     strings(d["strings"], "syntax.docstring.strings")};
  }
  if (const YAML::Node c = s["cyclomatic"]) {
    check_keys(c, {"tokens", "nodes"}, "syntax.cyclomatic");
    spec.cyclomatic.tokens = strings(c["tokens"], "syntax.cyclomatic.tokens");
    spec.cyclomatic.nodes = strings(c["nodes"], "syntax.cyclomatic.nodes");
  }
  if (spec.functions.empty()) throw SpecError{"syntax.functions: at least one function node type is needed"};
  return spec;
}

struct SpecCache {
  std::map<std::string, SyntaxSpec, std::less<>> specs;
  std::vector<std::string> errors;
};

const SpecCache& cache() {
  static const SpecCache c = [] {
    SpecCache out;
    constexpr std::string_view folder = "languages/";
    for (const EmbeddedFile& file : embedded_files()) {
      if (!file.path.starts_with(folder) || !file.path.ends_with(".yml")) continue;
      std::string id(file.path.substr(folder.size()));
      id.resize(id.size() - 4);
      auto parsed = parse_syntax_spec(file.bytes, "rules/" + std::string(file.path));
      if (!parsed)
        out.errors.push_back(parsed.error().message);
      else if (*parsed)
        out.specs.emplace(id, std::move(**parsed));
    }
    return out;
  }();
  return c;
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
  const SpecCache& c = cache();
  auto it = c.specs.find(language_id);
  return it == c.specs.end() ? nullptr : &it->second;
}

const std::vector<std::string>& syntax_spec_errors() { return cache().errors; }

std::vector<SpecName> spec_names(const SyntaxSpec& spec) {
  std::vector<SpecName> out;
  auto add = [&](const std::vector<std::string>& names, bool named) {
    for (const auto& n : names) out.push_back({n, named});
  };
  for (const auto& f : spec.functions) {
    out.push_back({f.node, true});
    if (!f.name.type.empty()) out.push_back({f.name.type, true});
    if (!f.parameters.type.empty()) out.push_back({f.parameters.type, true});
  }
  for (const auto& c : spec.containers) {
    out.push_back({c.node, true});
    if (!c.name.type.empty()) out.push_back({c.name.type, true});
  }
  add(spec.parameters, true);
  add(spec.branch, true);
  add(spec.loop, true);
  add(spec.case_clause, true);
  add(spec.catch_clause, true);
  add(spec.ternary, true);
  for (const auto& b : spec.boolean_operators) {
    out.push_back({b.node, true});
    add(b.operators, false);
  }
  add(spec.nesting, true);
  add(spec.comment, true);
  add(spec.string, true);
  if (spec.docstring) {
    out.push_back({spec.docstring->statement, true});
    add(spec.docstring->strings, true);
  }
  add(spec.cyclomatic.tokens, false);
  add(spec.cyclomatic.nodes, true);
  return out;
}

}  // namespace rh
