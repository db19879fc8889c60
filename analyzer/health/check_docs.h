#pragma once
// The parts of docs/health.md and docs/scoring.md that the check records
// (rules/repo/<family>/<name>.yml) and rules/health/requirements.yml say: the check tables, the
// requirement tables and the points table. Each is a section between two markers in its document;
// `repohealth rules --check-docs docs` rewrites them, and a test fails when the committed
// documents are stale (tests/health/check_docs_test.cpp).
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace rh {

/// One generated section: the document it belongs to ("health.md"), its name, its text (without
/// the markers).
struct CheckDocSection {
  std::string document;
  std::string name;
  std::string text;
};

/// Every generated section, from the shipped records.
std::vector<CheckDocSection> render_check_docs();

/// The marker lines of a section.
std::string check_doc_begin(std::string_view name);
std::string check_doc_end(std::string_view name);

/// `doc` (the text of `document`) with the text between the markers of each of its sections
/// replaced. A section whose markers are missing, or out of order, is an error naming it.
Result<std::string> splice_check_docs(std::string_view document, std::string doc,
                                      const std::vector<CheckDocSection>& sections);

}  // namespace rh
