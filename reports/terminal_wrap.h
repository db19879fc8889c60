#pragma once
// Wrapping the terminal summary (reports/summary.cpp) to the terminal's width: words move to
// the next line with a hanging indent; a word wider than the line (a long path) is broken.
// Widths are counted in code points (UTF-8), one column each.
#include <cstddef>
#include <string>
#include <string_view>

namespace rh {

/// Code points in UTF-8 text (continuation bytes take no column).
size_t display_columns(std::string_view s);

/// One line of text (no '\n') as lines of at most `width` columns, each ending in '\n'. A line
/// that fits is returned as it is. Otherwise it breaks at spaces; the first line keeps the
/// text's own leading spaces and the following ones are indented `hanging` columns further.
/// A word longer than the room on a line is broken after its last '/' that fits, or else at the
/// room's end, never inside a UTF-8 sequence. Widths below 20 count as 20.
std::string wrap_line(std::string_view line, size_t width, size_t hanging = 2);

/// wrap_line on every line of `text`.
std::string wrap_text(std::string_view text, size_t width, size_t hanging = 2);

}  // namespace rh
