#include "core/glob.h"

#include <string>

namespace rh {
namespace {

bool match_class(std::string_view p, size_t& i, char c) {
  // p[i] == '['; on return i is past ']'. A malformed class matches '[' literally.
  size_t j = i + 1;
  bool negate = j < p.size() && (p[j] == '!' || p[j] == '^');
  if (negate) ++j;
  bool matched = false;
  bool first = true;
  for (; j < p.size() && (p[j] != ']' || first); ++j) {
    first = false;
    char lo = p[j];
    if (lo == '\\' && j + 1 < p.size()) lo = p[++j];
    char hi = lo;
    if (j + 2 < p.size() && p[j + 1] == '-' && p[j + 2] != ']') {
      hi = p[j + 2];
      j += 2;
    }
    if (c >= lo && c <= hi) matched = true;
  }
  if (j >= p.size()) {  // no closing bracket
    ++i;
    return c == '[';
  }
  i = j + 1;
  return matched != negate;
}

// Iterative wildcard matching with backtracking for '*' and '**'.
bool match(std::string_view p, std::string_view s) {
  size_t pi = 0, si = 0;
  size_t star_p = std::string_view::npos, star_s = 0;
  bool star_deep = false;
  while (si < s.size()) {
    if (pi < p.size()) {
      char pc = p[pi];
      if (pc == '*') {
        bool deep = pi + 1 < p.size() && p[pi + 1] == '*';
        pi += deep ? 2 : 1;
        if (deep && pi < p.size() && p[pi] == '/') {
          // "**/" may match zero folders: try with the slash consumed lazily below.
          star_p = pi + 1;  // resume after "**/"
          star_s = si;
          star_deep = true;
          pi = star_p;
          continue;
        }
        star_p = pi;
        star_s = si;
        star_deep = deep;
        continue;
      }
      if (pc == '?' && s[si] != '/') {
        ++pi;
        ++si;
        continue;
      }
      if (pc == '[') {
        size_t save = pi;
        if (s[si] != '/' && match_class(p, pi, s[si])) {
          ++si;
          continue;
        }
        pi = save;
      } else if (pc == '\\' && pi + 1 < p.size()) {
        if (p[pi + 1] == s[si]) {
          pi += 2;
          ++si;
          continue;
        }
      } else if (pc == s[si]) {
        ++pi;
        ++si;
        continue;
      }
    }
    // Mismatch: backtrack to the last star, letting it swallow one more character.
    if (star_p == std::string_view::npos) return false;
    if (!star_deep && s[star_s] == '/') return false;
    if (star_deep && star_p > 0 && p[star_p - 1] == '/' && star_p >= 3 &&
        p.substr(star_p - 3, 3) == "**/") {
      // "**/" swallows whole folders only: jump past the next '/'.
      size_t slash = s.find('/', star_s);
      if (slash == std::string_view::npos) return false;
      star_s = slash + 1;
    } else {
      ++star_s;
    }
    si = star_s;
    pi = star_p;
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.empty()) return false;
  if (pattern.front() == '/') pattern.remove_prefix(1);
  if (pattern.find('/') == std::string_view::npos) {
    size_t slash = path.rfind('/');
    std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
    return match(pattern, base);
  }
  // "dir/" matches everything under dir.
  if (pattern.back() == '/') {
    return path.substr(0, pattern.size()) == pattern || match(std::string(pattern) + "**", path);
  }
  return match(pattern, path);
}

}  // namespace rh
