#pragma once
// Golden files: expected report bytes stored beside the tests (tests/reports/golden/). Run the
// tests with RH_UPDATE_GOLDEN=1 to rewrite them from the current output, then review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/test_support.h"

namespace rh::test {

inline std::filesystem::path golden_path(const std::string& name) {
  return std::filesystem::path(RH_SOURCE_DIR) / "tests" / "reports" / "golden" / name;
}

inline void expect_golden(const std::string& name, const std::string& actual) {
  auto path = golden_path(name);
  const char* update = std::getenv("RH_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    write_file(path.parent_path(), path.filename().string(), actual);
    std::printf("updated golden %s\n", path.c_str());
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path))
      << path << " is missing; run with RH_UPDATE_GOLDEN=1 to create it";
  std::string expected = read_file(path);
  if (expected == actual) return;
  auto actual_path = std::filesystem::temp_directory_path() / (name + ".actual");
  write_file(actual_path.parent_path(), actual_path.filename().string(), actual);
  std::istringstream e(expected), a(actual);
  std::string le, la;
  int line = 0;
  while (true) {
    ++line;
    bool me = static_cast<bool>(std::getline(e, le)), ma = static_cast<bool>(std::getline(a, la));
    if (!me && !ma) break;
    if (le != la || me != ma) {
      ADD_FAILURE() << name << " differs from " << path << " at line " << line << ":\n  expected: " << le
                    << "\n  actual:   " << la << "\nThe whole output is in " << actual_path
                    << "; if the change is intended, rerun with RH_UPDATE_GOLDEN=1 and review the diff.";
      return;
    }
  }
}

}  // namespace rh::test
