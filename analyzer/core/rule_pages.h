#pragma once
// Where a rule is documented: the rule reference (docs/rules/<pack>.md, written by
// `repohealth rules --doc`) has one page per pack and one heading per rule. SARIF's helpUri
// joins a documentation base URL (`docs_url:` in .repohealth.yml, --docs-url) to that page.
#include <string>

namespace rh {

/// Where the rule reference of this repository is published; SARIF helpUri's default base.
inline constexpr const char* kDefaultDocsUrl = "https://github.com/repohealth/repohealth/blob/main/docs/rules/";

/// The id's pack: its first segment ("python" for python.security.eval).
std::string rule_pack(const std::string& id);
/// The id's heading anchor on its page as GitHub renders it: the id without dots
/// ("python.security.eval" -> "pythonsecurityeval").
std::string rule_page_anchor(const std::string& id);
/// The rule's page and heading relative to the reference folder: "python.md#pythonsecurityeval".
std::string rule_page(const std::string& id);

/// "" when `url` can be a documentation base URL (http:// or https://, a host, no spaces,
/// query or fragment), else why not (without naming where the URL came from).
std::string check_docs_url(const std::string& url);
/// The base URL with a '/' at its end, so that a page name can be appended.
std::string docs_base(const std::string& url);

}  // namespace rh
