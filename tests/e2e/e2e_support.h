#pragma once
// Helpers for end-to-end tests: run `repohealth scan` and read the facts it wrote.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

#include "support/test_support.h"

namespace rh::test {

struct ScanRun {
  CommandResult command;
  nlohmann::json facts;  ///< null when no facts.json was written
};

/// Runs `repohealth scan <target> --out <tmp> --format json -q <extra>` and parses facts.json.
inline ScanRun scan(const std::string& target, const std::string& extra = "") {
  static int counter = 0;
  std::string out = (std::filesystem::temp_directory_path() /
                     ("rh-e2e-out-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)))
                        .string();
  std::filesystem::remove_all(out);
  ScanRun r;
  r.command = run_repohealth("scan " + sh_quote(target) + " --out " + sh_quote(out) +
                             " --format json -q " + extra);
  std::filesystem::path facts = std::filesystem::path(out) / "facts.json";
  if (std::filesystem::exists(facts)) r.facts = nlohmann::json::parse(read_file(facts));
  std::filesystem::remove_all(out);
  return r;
}

/// The health check `id` in facts.json; a test failure (and an empty object) when it is missing.
inline const nlohmann::json& check(const nlohmann::json& facts, const std::string& id) {
  static const nlohmann::json none;
  for (const auto& c : facts["health"]["checks"])
    if (c["id"] == id) return c;
  ADD_FAILURE() << "no check " << id;
  return none;
}

inline const nlohmann::json* find_by_path(const nlohmann::json& list, const std::string& path) {
  for (const auto& item : list)
    if (item.value("path", "") == path) return &item;
  return nullptr;
}

inline const nlohmann::json* find_function(const nlohmann::json& file, const std::string& name) {
  for (const auto& fn : file["functions"])
    if (fn.value("name", "") == name) return &fn;
  return nullptr;
}

inline std::string skip_reason(const nlohmann::json& facts, const std::string& path) {
  const nlohmann::json* s = find_by_path(facts["skipped"], path);
  return s ? (*s)["reason"].get<std::string>() : "";
}

}  // namespace rh::test
