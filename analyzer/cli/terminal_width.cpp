#include "cli/terminal_width.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <cstring>

namespace rh {

size_t choose_output_width(std::optional<size_t> terminal, const char* columns) {
  constexpr size_t kMin = 20;
  if (terminal && *terminal >= kMin) return *terminal;
  if (columns) {
    size_t n = 0;
    const char* end = columns + std::strlen(columns);
    auto [ptr, ec] = std::from_chars(columns, end, n);
    if (ec == std::errc() && ptr == end && n >= kMin) return n;
  }
  return 80;
}

size_t output_width() {
  std::optional<size_t> terminal;
  winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) terminal = ws.ws_col;
  return choose_output_width(terminal, std::getenv("COLUMNS"));
}

}  // namespace rh
