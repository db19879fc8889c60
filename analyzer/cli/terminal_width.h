#pragma once
// How wide the terminal summary may be: the terminal's width when standard output is one
// (ioctl TIOCGWINSZ), else $COLUMNS when it holds a number, else 80.
#include <cstddef>
#include <optional>

namespace rh {

/// The rule on its inputs: `terminal` is the terminal's width (nullopt when standard output is
/// not a terminal or the width is unknown), `columns` the value of $COLUMNS (null when unset).
/// Values below 20 are ignored.
size_t choose_output_width(std::optional<size_t> terminal, const char* columns);

/// choose_output_width on standard output and the environment.
size_t output_width();

}  // namespace rh
