#pragma once
// What every kind does the same way when it turns a match into a Finding: region, snippet,
// message interpolation (core/message_template.h), enclosing function, fingerprint.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/message_template.h"  // interpolate()
#include "core/model.h"

namespace rh {

/// Offsets <-> lines of one file's bytes; the line index is built on first use.
class FileText {
 public:
  explicit FileText(std::string_view content) : content_(content) {}
  std::string_view content() const { return content_; }
  struct Position {
    int64_t line = 1, column = 1;  ///< 1-based, column in bytes
  };
  Position position(size_t offset);
  /// The text of a 1-based line without its line break ("" past the end).
  std::string_view line(int64_t line);
  int64_t line_count();

 private:
  void index();
  std::string_view content_;
  std::vector<size_t> starts_;
};

/// Lines start..end (at most 3, indentation trimmed, each at most 160 bytes) joined by '\n'.
std::string make_snippet(FileText& text, int64_t start_line, int64_t end_line);

/// Hash of rule id + matched text with white space collapsed + enclosing function, as 16 hex
/// digits. The line is left out on purpose: edits above a finding do not change it.
std::string finding_fingerprint(std::string_view rule_id, std::string_view matched, std::string_view function);

/// The innermost function whose lines hold `line`, "" at file level.
std::string enclosing_function(const std::vector<FunctionMetrics>& functions, int64_t line);

/// A secret's value masked for reports: the first 4 characters kept, the rest as '*'.
std::string redact_value(std::string_view value);

}  // namespace rh
