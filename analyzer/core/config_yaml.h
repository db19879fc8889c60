#pragma once
// Helpers for reading .repohealth.yml strictly, shared by the readers of its sections
// (config.cpp, gate_config.cpp). Every error names "file:line".
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace rh::config_yaml {

std::string where(const std::string& file, const YAML::Node& node);
size_t edit_distance(const std::string& a, const std::string& b);
Result<std::vector<std::string>> string_list(const std::string& file, const std::string& key, const YAML::Node& node);
std::string unknown_key(const std::string& file, const YAML::Node& key_node, const std::string& key,
                        const std::vector<std::string>& known, const std::string& section);
/// true/false, on/off, yes/no.
std::optional<bool> as_switch(const YAML::Node& n);
std::optional<double> as_number(const YAML::Node& n);
bool is_severity(const std::string& s);
/// A path in the config, relative to the config file's folder.
std::string relative_to(const std::string& config_path, const std::string& p);

}  // namespace rh::config_yaml
