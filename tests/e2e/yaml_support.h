#pragma once
// Reading the repository's own YAML files (CI recipes, action, workflows) in tests.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <functional>
#include <regex>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace rh::test {

/// A file of the source tree as YAML; a test failure (and a null node) when it is not valid.
inline YAML::Node load_yaml(const std::string& rel) {
  std::filesystem::path p = std::filesystem::path(source_dir()) / rel;
  EXPECT_TRUE(std::filesystem::exists(p)) << p;
  try {
    return YAML::LoadFile(p.string());
  } catch (const YAML::Exception& e) {
    ADD_FAILURE() << rel << ": not valid YAML: " << e.what();
    return YAML::Node();
  }
}

/// Calls `visit(key, text)` for every scalar in the document; `key` is the map key the scalar
/// is the value of ("" in sequences).
inline void each_scalar(const YAML::Node& node, const std::string& key,
                        const std::function<void(const std::string&, const std::string&)>& visit) {
  if (node.IsScalar()) {
    visit(key, node.Scalar());
  } else if (node.IsSequence()) {
    for (const auto& item : node) each_scalar(item, "", visit);
  } else if (node.IsMap()) {
    for (const auto& kv : node) each_scalar(kv.second, kv.first.Scalar(), visit);
  }
}

/// The expression text of a scalar: the `${{ }}` spans, or all of it for `if:` (GitHub reads an
/// `if:` value as an expression without the braces).
inline std::vector<std::string> expressions(const std::string& key, const std::string& text) {
  if (key == "if") return {text};
  std::vector<std::string> out;
  static const std::regex span(R"(\$\{\{([^}]*)\}\})");
  for (std::sregex_iterator it(text.begin(), text.end(), span), end; it != end; ++it) out.push_back((*it)[1]);
  return out;
}

}  // namespace rh::test
