#pragma once
// Validation of every SARIF file the report tests produce: the SARIF 2.1.0 JSON schema (Ajv, run
// by node) and Microsoft's SARIF Multitool with GitHub's rules (../shared/sarif/validate-sarif).
// Both live in the shared folder beside the source folder (in CI a read-only copy at ../shared);
// a missing folder fails the test with a message saying where it was looked for.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/test_support.h"

namespace rh::test {

inline std::filesystem::path shared_sarif_dir() {
  return std::filesystem::path(RH_SOURCE_DIR) / ".." / "shared" / "sarif";
}

/// Fails the test unless the shared SARIF tools are present.
inline bool have_shared_sarif_tools() {
  auto dir = shared_sarif_dir();
  bool ok = std::filesystem::exists(dir / "sarif-schema-2.1.0.json") &&
            std::filesystem::exists(dir / "validate-sarif");
  if (!ok)
    ADD_FAILURE() << "the shared SARIF tools are missing: expected " << (dir / "sarif-schema-2.1.0.json")
                  << " and " << (dir / "validate-sarif") << " (the shared folder beside the source folder)";
  return ok;
}

inline void expect_schema_valid(const std::filesystem::path& sarif) {
  if (!have_shared_sarif_tools()) return;
  CommandResult r = run("node tests/reports/validate_sarif_schema.mjs " +
                            sh_quote((shared_sarif_dir() / "sarif-schema-2.1.0.json").string()) + " " +
                            sh_quote(sarif.string()),
                        source_dir());
  EXPECT_EQ(r.exit_code, 0) << "JSON schema validation of " << sarif << " failed:\n" << r.out << r.err;
}

inline void expect_multitool_valid(const std::filesystem::path& sarif) {
  if (!have_shared_sarif_tools()) return;
  // npm ci --ignore-scripts leaves the multitool binary without its execute bit.
  auto bin =
      std::filesystem::path(source_dir()) / "node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool";
  if (std::filesystem::exists(bin)) run("chmod u+x " + sh_quote(bin.string()));
  CommandResult r =
      run(sh_quote((shared_sarif_dir() / "validate-sarif").string()) + " " + sh_quote(sarif.string()),
          source_dir());
  EXPECT_EQ(r.exit_code, 0) << "validate-sarif " << sarif << " failed:\n" << r.out << r.err;
}

inline void expect_valid_sarif(const std::filesystem::path& sarif) {
  expect_schema_valid(sarif);
  expect_multitool_valid(sarif);
}

}  // namespace rh::test
