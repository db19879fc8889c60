#pragma once
// What the matchers of every kind read of one file, and what they hand back before a match
// becomes a Finding (rule_set.cpp does that the same way for every kind).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/language.h"
#include "core/model.h"
#include "lang/frontend.h"

namespace rh {

/// One file as the frontend left it: bytes, tree and call sites, facts. Any part but path and
/// content may be missing (a file of unknown language has bytes only).
struct FileInput {
  std::string_view path;
  std::string_view content;
  const LanguageInfo* language = nullptr;
  const FileSyntax* syntax = nullptr;
  const FileFacts* facts = nullptr;
  /// Where the file lives (core/classify.h): caps secret findings in tests, keeps metric rules
  /// off migrations and generated code. Empty = product.
  std::string_view role;
  /// Receives what a matcher had to cut on this file (a query pass past its budget); may be null.
  std::vector<Notification>* notes = nullptr;
  /// Set when a budget measured in time cut a matcher (the query pass's CPU budget); may be null.
  bool* time_cut = nullptr;
};

struct RawMatch {
  size_t rule = 0;  ///< index into the RuleSet's rules
  int64_t start_line = 0, start_column = 0, end_line = 0, end_column = 0;  ///< 1-based, end exclusive
  std::string matched;                 ///< text for the fingerprint
  std::string function;                ///< enclosing function when the matcher knows it
  bool function_known = false;         ///< else looked up in the file's functions
  std::string secret;                  ///< a value to mask in message and snippet
  std::vector<std::pair<std::string, std::string>> vars;  ///< {name} -> value for the message
};

/// Whether a rule with these languages applies to a file of this language (none = any file).
inline bool applies_to_language(const std::vector<std::string>& languages, const LanguageInfo* language) {
  if (languages.empty()) return true;
  if (!language) return false;
  for (const auto& l : languages)
    if (l == language->id) return true;
  return false;
}

}  // namespace rh
