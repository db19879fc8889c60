#pragma once
// A frontend turns one file's bytes into FileFacts (functions and their metrics). Two real
// implementations: tree-sitter (spec-driven walker, most languages) and libclang (C, C++).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "core/language.h"
#include "core/model.h"
#include "lang/call_site.h"
#include "lang/token_metrics.h"

namespace rh {

struct FrontendInput {
  std::string_view path;     ///< repository-relative, for messages
  std::string_view content;  ///< the file's bytes
  const LanguageInfo* language = nullptr;
  /// Set when a budget measured in time cut the analysis (the parser's timeout), or libclang
  /// could not be loaded: the outcome then depends on the machine and is not cached. May be null.
  bool* time_cut = nullptr;
};

/// What a frontend hands to the rule engine for one file; dropped after the rules ran, so no
/// tree outlives its file's analysis.
struct FileSyntax {
  const TSLanguage* grammar = nullptr;  ///< null when not parsed by tree-sitter
  TSTree* tree = nullptr;               ///< owned
  std::vector<CallSite> calls;

  FileSyntax() = default;
  FileSyntax(const FileSyntax&) = delete;
  FileSyntax& operator=(const FileSyntax&) = delete;
  FileSyntax(FileSyntax&& o) noexcept;
  FileSyntax& operator=(FileSyntax&& o) noexcept;
  ~FileSyntax();
};

class Frontend {
 public:
  virtual ~Frontend() = default;
  /// Fills facts.functions, facts.parsed, facts.parse_errors, facts.lines (from the tree),
  /// facts.tokens and facts.halstead. Problems a reviewer should know of (a tree with syntax
  /// errors, a parse that could not finish) go to notes. When `syntax` is given, the tree and
  /// the call sites are handed over for the rule engine; when `tokens` is given, it receives
  /// the file's token-hash sequence for clone detection. Must not throw; must stay correct on
  /// any input bytes.
  virtual void analyze(const FrontendInput& input, FileFacts& facts, std::vector<Notification>& notes,
                       FileSyntax* syntax = nullptr, TokenSequence* tokens = nullptr) = 0;
};

/// The frontend that handles this language, or nullptr (line counts only).
Frontend* frontend_for(const LanguageInfo& language);

}  // namespace rh
