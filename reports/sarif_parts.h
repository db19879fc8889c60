#pragma once
// Pieces of the SARIF writer that do not depend on file contents: names, levels, URIs, rule
// descriptors, and where repository-level findings and skipped files are reported.
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/model.h"

namespace rh {

inline constexpr const char* kSrcRootBase = "%SRCROOT%";
/// repohealth's own stable fingerprint in partialFingerprints (versioned, as SARIF advises).
inline constexpr const char* kOwnFingerprintKey = "repohealthFingerprint/v1";
/// tool.driver.informationUri: where a reader of the SARIF learns about the tool.
inline constexpr const char* kInformationUri = "https://github.com/repohealth/repohealth";

/// error 3, warning 2, note 1, anything else 0.
int severity_rank(const std::string& severity);
/// SARIF level for a severity (unknown severities are warnings).
std::string sarif_level(const std::string& severity);
/// A repository-relative path as a relative URI reference: every byte outside the unreserved
/// set and '/' percent-encoded.
std::string sarif_uri(const std::string& path);
/// The symbolic rule name GitHub and SARIF viewers show: the id's last segment in PascalCase
/// ("python.security.subprocess-shell" -> "SubprocessShell").
std::string rule_name(const std::string& id);

/// The rule's reportingDescriptor; helpUri is `docs_url` (a base URL, '/' added when missing)
/// joined to the rule's page in the rule reference ("python.md#pythonsecurityeval").
nlohmann::ordered_json rule_descriptor_json(const RuleDescriptor& rule, const std::string& docs_url);

/// Paths that exist in the analysed tree (files, skipped files that are files, history files).
std::set<std::string> existing_paths(const ScanResult& result);
/// Where a finding without an existing path (a repository-level check) is shown: README.md or
/// the first file; "" when the repository has no file at all.
std::string repository_anchor(const ScanResult& result, const std::set<std::string>& paths);

struct SkippedNotice {
  std::string level;
  std::string message;
  std::string path;  ///< empty for a summary of many files
};
/// Skipped files a reviewer should know about one by one (unreadable, too large), and one
/// summary line per other reason.
std::vector<SkippedNotice> skipped_notices(const ScanResult& result);

}  // namespace rh
