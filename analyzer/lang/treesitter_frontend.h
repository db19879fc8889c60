#pragma once
// The tree-sitter frontend: parses a file with its language's grammar and measures it with the
// generic walker (walker.h) driven by the language's syntax spec. One parser per thread; a
// parse that runs past the time limit is abandoned (facts.parsed = false, a warning, lexical
// line counts), so no input can hang a scan; a parse that is mostly syntax errors
// (error_density.h) is not walked either: lexical line counts and one warning.
#include <cstdint>
#include <memory>
#include <string_view>

#include "lang/frontend.h"
#include "lang/walker.h"

namespace rh {

class TreeSitterFrontend : public Frontend {
 public:
  static constexpr uint64_t kDefaultTimeoutMicros = 10'000'000;  ///< 10 s per file

  TreeSitterFrontend(const TSLanguage* grammar, std::unique_ptr<CompiledSyntax> syntax,
                     uint64_t timeout_micros = kDefaultTimeoutMicros);
  void analyze(const FrontendInput& input, FileFacts& facts, std::vector<Notification>& notes,
               FileSyntax* syntax = nullptr, TokenSequence* tokens = nullptr) override;

  /// The file's tree as the parser recovered it, without measuring or the error-density cut
  /// (`debug ast`); the caller owns it. Null, with `problem`'s level and message set, when the
  /// grammar cannot be loaded or the parse did not finish in time (then `*timed_out` is set when
  /// given). Content must be under 4 GiB.
  TSTree* parse(std::string_view content, Notification* problem = nullptr, bool* timed_out = nullptr) const;

  const TSLanguage* grammar() const { return grammar_; }
  const CompiledSyntax& syntax() const { return *syntax_; }

 private:
  const TSLanguage* grammar_;
  std::unique_ptr<CompiledSyntax> syntax_;
  uint64_t timeout_micros_;
};

/// The tree-sitter frontend of a language (cached, one per language), or nullptr when the
/// language has no grammar built into this binary or no `syntax:` spec.
TreeSitterFrontend* treesitter_frontend_for(const LanguageInfo& language);

}  // namespace rh
