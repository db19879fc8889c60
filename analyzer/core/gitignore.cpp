#include "core/gitignore.h"

#include <cctype>
#include <optional>
#include <utility>

namespace rh {
namespace {

/// Removes trailing spaces that are not escaped with a backslash (gitignore(5)), and a '\r'
/// left by CRLF line ends.
std::string_view trim_line_end(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  size_t end = line.size();
  while (end > 0 && line[end - 1] == ' ') {
    // Count the backslashes before this space: an odd number escapes it.
    size_t slashes = 0;
    for (size_t i = end - 1; i > 0 && line[i - 1] == '\\'; --i) ++slashes;
    if (slashes % 2 == 1) break;
    --end;
  }
  return line.substr(0, end);
}

std::optional<IgnorePattern> parse_line(std::string_view line) {
  line = trim_line_end(line);
  if (line.empty() || line.front() == '#') return std::nullopt;
  IgnorePattern pattern;
  if (line.front() == '!') {
    pattern.negated = true;
    line.remove_prefix(1);
  }
  if (!line.empty() && line.back() == '/') {
    pattern.dir_only = true;
    line.remove_suffix(1);
  }
  pattern.anchored = line.find('/') != std::string_view::npos;
  if (!line.empty() && line.front() == '/') line.remove_prefix(1);
  if (line.empty()) return std::nullopt;
  pattern.glob = std::string(line);
  return pattern;
}

enum class Wild { match, no_match, abort_all, abort_to_double_star };

bool is_glob_special(char c) { return c == '*' || c == '?' || c == '[' || c == '\\'; }

bool in_named_class(std::string_view name, unsigned char c) {
  if (name == "alnum") return std::isalnum(c);
  if (name == "alpha") return std::isalpha(c);
  if (name == "blank") return c == ' ' || c == '\t';
  if (name == "cntrl") return std::iscntrl(c);
  if (name == "digit") return std::isdigit(c);
  if (name == "graph") return std::isgraph(c);
  if (name == "lower") return std::islower(c);
  if (name == "print") return std::isprint(c);
  if (name == "punct") return std::ispunct(c);
  if (name == "space") return std::isspace(c);
  if (name == "upper") return std::isupper(c);
  if (name == "xdigit") return std::isxdigit(c);
  return false;  // an unknown class name matches nothing, as in git
}

/// Matches the bracket expression starting at p[*pi] == '[' against c. On return *pi is the
/// index of the closing ']'. abort_all when the expression is not terminated.
Wild match_bracket(std::string_view p, size_t* pi, unsigned char c) {
  size_t i = *pi + 1;
  auto at = [&](size_t k) -> unsigned char { return k < p.size() ? p[k] : '\0'; };
  bool negated = false;
  if (at(i) == '!' || at(i) == '^') {
    negated = true;
    ++i;
  }
  bool matched = false;
  unsigned char prev = 0;
  // The first character is taken literally even when it is ']'.
  for (bool first = true; first || at(i) != ']'; first = false) {
    unsigned char pc = at(i);
    if (i >= p.size()) return Wild::abort_all;
    if (pc == '\\') {
      if (++i >= p.size()) return Wild::abort_all;
      pc = at(i);
      if (c == pc) matched = true;
    } else if (pc == '-' && prev != 0 && i + 1 < p.size() && p[i + 1] != ']') {
      pc = at(++i);
      if (pc == '\\') {
        if (++i >= p.size()) return Wild::abort_all;
        pc = at(i);
      }
      if (c >= prev && c <= pc) matched = true;
      pc = 0;  // a range cannot start another range
    } else if (pc == '[' && at(i + 1) == ':') {
      size_t close = p.find(']', i + 2);
      if (close == std::string_view::npos) return Wild::abort_all;
      if (close < i + 3 || p[close - 1] != ':') {
        // Not "[:name:]": a literal '['.
        if (c == '[') matched = true;
      } else {
        if (in_named_class(p.substr(i + 2, close - i - 3), c)) matched = true;
        i = close;
        pc = 0;
      }
    } else if (c == pc) {
      matched = true;
    }
    prev = pc;
    ++i;
  }
  *pi = i;
  if (matched == negated || c == '/') return Wild::no_match;
  return Wild::match;
}

/// git's dowild() with WM_PATHNAME. The abort results prune the search: once a '*' has run
/// off the end of the text, no earlier '*' can do better.
Wild wild(std::string_view p, size_t pi, std::string_view t, size_t ti) {
  for (; pi < p.size(); ++pi, ++ti) {
    char pc = p[pi];
    if (ti >= t.size() && pc != '*') return Wild::abort_all;
    char tc = ti < t.size() ? t[ti] : '\0';
    switch (pc) {
      case '\\':
        if (pi + 1 >= p.size()) return Wild::no_match;  // a trailing '\' matches nothing
        pc = p[++pi];
        [[fallthrough]];
      default:
        if (tc != pc) return Wild::no_match;
        continue;
      case '?':
        if (tc == '/') return Wild::no_match;
        continue;
      case '[': {
        Wild r = match_bracket(p, &pi, static_cast<unsigned char>(tc));
        if (r != Wild::match) return r;
        continue;
      }
      case '*': {
        size_t q = pi + 1;
        bool match_slash = false;
        if (q < p.size() && p[q] == '*') {
          while (q < p.size() && p[q] == '*') ++q;
          bool starts_segment = pi == 0 || p[pi - 1] == '/';
          bool ends_segment = q == p.size() || p[q] == '/' ||
                              (p[q] == '\\' && q + 1 < p.size() && p[q + 1] == '/');
          if (starts_segment && ends_segment) {
            // "**/" may match no folder at all: try the rest right here.
            if (q < p.size() && p[q] == '/') {
              Wild r = wild(p, q + 1, t, ti);
              if (r == Wild::match || r == Wild::abort_all) return r;
            }
            match_slash = true;
          }
        }
        if (q == p.size()) {
          // A trailing "**" matches everything, a trailing '*' the rest of one name.
          if (!match_slash && t.find('/', ti) != std::string_view::npos) return Wild::no_match;
          return Wild::match;
        }
        if (!match_slash && p[q] == '/') {
          // "*/": the rest of this name; the loop step consumes both slashes.
          size_t slash = t.find('/', ti);
          if (slash == std::string_view::npos) return Wild::no_match;
          pi = q;
          ti = slash;
          continue;
        }
        while (ti < t.size()) {
          if (!is_glob_special(p[q])) {
            // Skip ahead to the next occurrence of the literal that follows the star.
            // Not found before the end: no later start helps, nor does an earlier star.
            // Not found before a '/': only an earlier "**" can help.
            while (ti < t.size() && (match_slash || t[ti] != '/') && t[ti] != p[q]) ++ti;
            if (ti >= t.size()) return Wild::abort_all;
            if (t[ti] != p[q]) return Wild::abort_to_double_star;
          }
          Wild r = wild(p, q, t, ti);
          if (r != Wild::no_match) {
            if (!match_slash || r != Wild::abort_to_double_star) return r;
          } else if (!match_slash && t[ti] == '/') {
            return Wild::abort_to_double_star;
          }
          ++ti;
        }
        return Wild::abort_all;
      }
    }
  }
  return ti >= t.size() ? Wild::match : Wild::no_match;
}

}  // namespace

std::vector<IgnorePattern> parse_gitignore(std::string_view text) {
  std::vector<IgnorePattern> patterns;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 byte order mark
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (auto pattern = parse_line(line)) patterns.push_back(std::move(*pattern));
  }
  return patterns;
}

bool wildmatch(std::string_view pattern, std::string_view text) {
  return wild(pattern, 0, text, 0) == Wild::match;
}

IgnoreVerdict match_ignore(const std::vector<IgnorePattern>& patterns, std::string_view rel,
                           bool is_dir) {
  size_t slash = rel.rfind('/');
  std::string_view name = slash == std::string_view::npos ? rel : rel.substr(slash + 1);
  for (auto it = patterns.rbegin(); it != patterns.rend(); ++it) {
    if (it->dir_only && !is_dir) continue;
    if (wildmatch(it->glob, it->anchored ? rel : name))
      return it->negated ? IgnoreVerdict::included : IgnoreVerdict::ignored;
  }
  return IgnoreVerdict::none;
}

void IgnoreStack::push(std::string base, std::vector<IgnorePattern> patterns) {
  levels_.push_back(Level{std::move(base), std::move(patterns)});
}

void IgnoreStack::pop() {
  if (!levels_.empty()) levels_.pop_back();
}

bool IgnoreStack::is_ignored(std::string_view path, bool is_dir) const {
  for (auto level = levels_.rbegin(); level != levels_.rend(); ++level) {
    std::string_view rel = path;
    if (!level->base.empty()) {
      // Only files below the .gitignore's folder are subject to it.
      if (rel.size() <= level->base.size() || rel.substr(0, level->base.size()) != level->base ||
          rel[level->base.size()] != '/')
        continue;
      rel.remove_prefix(level->base.size() + 1);
    }
    IgnoreVerdict verdict = match_ignore(level->patterns, rel, is_dir);
    if (verdict != IgnoreVerdict::none) return verdict == IgnoreVerdict::ignored;
  }
  return false;
}

}  // namespace rh
