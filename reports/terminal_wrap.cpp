#include "reports/terminal_wrap.h"

#include <algorithm>
#include <vector>

namespace rh {
namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// Byte offset after the first `n` code points of `s` (s.size() when it has fewer).
size_t offset_after(std::string_view s, size_t n) {
  size_t at = 0;
  for (size_t seen = 0; at < s.size(); ++at) {
    if (!continuation(s[at])) {
      if (seen == n) break;
      ++seen;
    }
  }
  return at;
}

size_t columns_of(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += !continuation(c);
  return n;
}

/// Where to break a word wider than `room` columns: after its last '/' that falls in the second
/// half of the room (paths read better), else after `room` code points. Never 0.
size_t break_at(std::string_view word, size_t room) {
  const size_t cut = offset_after(word, room);
  const size_t slash = word.substr(0, cut).rfind('/');
  if (slash != std::string_view::npos && columns_of(word.substr(0, slash + 1)) > room / 2) return slash + 1;
  return cut;
}

}  // namespace

size_t display_columns(std::string_view s) { return columns_of(s); }

std::string wrap_line(std::string_view line, size_t width, size_t hanging) {
  width = std::max<size_t>(width, 20);
  if (display_columns(line) <= width) return std::string(line) + "\n";
  const size_t lead = std::min(line.find_first_not_of(' ') == std::string_view::npos ? 0 : line.find_first_not_of(' '),
                               width / 2);
  const size_t indent = std::min(lead + hanging, width / 2);

  std::vector<std::string_view> words;
  for (size_t at = 0; at < line.size();) {
    size_t start = line.find_first_not_of(' ', at);
    if (start == std::string_view::npos) break;
    size_t end = line.find(' ', start);
    if (end == std::string_view::npos) end = line.size();
    words.push_back(line.substr(start, end - start));
    at = end;
  }

  std::string out, current(lead, ' ');
  size_t used = lead;
  bool has_word = false;
  auto flush = [&] {
    out += current + "\n";
    current.assign(indent, ' ');
    used = indent;
    has_word = false;
  };
  for (std::string_view word : words) {
    size_t cols = display_columns(word);
    if (has_word && used + 1 + cols <= width) {
      current += ' ';
      current += word;
      used += 1 + cols;
      continue;
    }
    if (has_word) flush();
    // The word starts a line; while it is wider than the room left, break it.
    while (cols > width - used) {
      const size_t cut = break_at(word, width - used);
      current += word.substr(0, cut);
      word.remove_prefix(cut);
      cols = display_columns(word);
      flush();
    }
    current += word;
    used += cols;
    has_word = true;
  }
  if (has_word || out.empty()) out += current + "\n";
  return out;
}

std::string wrap_text(std::string_view text, size_t width, size_t hanging) {
  std::string out;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    out += wrap_line(line, width, hanging);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return out;
}

}  // namespace rh
