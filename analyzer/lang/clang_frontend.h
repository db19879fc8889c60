#pragma once
// The libclang frontend for C and C++. By default a single-file parse: the file's own bytes
// from memory (an unsaved file under a virtual path), include directives neutralised so that
// nothing is read from disk, and names a header would have declared (`Widget::` in
// `void Widget::draw()`) declared in a prelude on a second parse, so such definitions are kept.
// With a compile_commands.json, a file it lists is parsed with its flags and includes.
#include <memory>
#include <string>
#include <string_view>

#include "lang/compile_commands.h"
#include "lang/frontend.h"

namespace rh {

class ClangFrontend : public Frontend {
 public:
  /// Whether libclang could be loaded (on first use; see lang/libclang_loader.h). When it
  /// cannot, analyze() gives line counts and one warning per process, naming the problem.
  static bool available();

  void analyze(const FrontendInput& input, FileFacts& facts, std::vector<Notification>& notes,
               FileSyntax* syntax = nullptr, TokenSequence* tokens = nullptr) override;
};

/// Whether the language is measured by libclang (c, cpp).
bool is_clang_language(const LanguageInfo& language);

/// The one libclang frontend (thread-safe: one libclang index per thread).
ClangFrontend* clang_frontend();

/// Sets the compile commands the frontend uses (nullptr: single-file parses) for the scan that
/// follows; returns the previous ones. Not to be called while files are being analysed.
std::shared_ptr<const CompileCommands> set_compile_commands(std::shared_ptr<const CompileCommands> commands);

/// Restores the previous compile commands when it goes out of scope.
class ScopedCompileCommands {
 public:
  explicit ScopedCompileCommands(std::shared_ptr<const CompileCommands> commands)
      : previous_(set_compile_commands(std::move(commands))) {}
  ~ScopedCompileCommands() { set_compile_commands(std::move(previous_)); }
  ScopedCompileCommands(const ScopedCompileCommands&) = delete;
  ScopedCompileCommands& operator=(const ScopedCompileCommands&) = delete;

 private:
  std::shared_ptr<const CompileCommands> previous_;
};

/// `repohealth debug ast` for C/C++: libclang's cursor tree of the file, as the frontend parses
/// it (main-file cursors only).
std::string clang_cursor_dump(std::string_view path, std::string_view content, const LanguageInfo& language);

}  // namespace rh
