#pragma once
// The source text libclang is given in single-file mode, and what is added to it so that a
// file parses without its headers. The repository is untrusted: libclang must read nothing
// from disk, so include directives are turned into pragmas it ignores (same length, same
// lines, so every offset still points at the original text).
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace rh {

/// `#include`/`#include_next`/`#import` become `#pragma` (padded), and `__has_include(…)`
/// becomes `0` (padded): libclang then opens no file. Byte offsets and lines are unchanged.
std::string neutralize_includes(std::string_view content);

/// A diagnostic of the main file: its text and byte offset.
struct SourceDiagnostic {
  std::string message;
  size_t offset = 0;
};

/// Names a header would have declared, learned from a parse's diagnostics, declared in a
/// prelude so the next parse keeps `void Widget::draw() {…}` (Widget unknown) as a function.
struct RecoveryPrelude {
  std::set<std::string> namespaces;  ///< used as qualifiers: "Widget", "std::chrono"
  std::set<std::string> templates;   ///< class templates: "Vector", "std::vector"
  std::set<std::string> types;       ///< other types: "std::string", "Handle"

  /// Adds what the diagnostics show missing; true when something new was learned.
  bool learn(const std::vector<SourceDiagnostic>& diagnostics, std::string_view content);
  bool empty() const { return namespaces.empty() && templates.empty() && types.empty(); }
  /// C++ declarations: `namespace Widget {}`, `namespace std { template <class...> struct
  /// vector {}; }`, `struct Handle {};`.
  std::string text() const;
};

}  // namespace rh
