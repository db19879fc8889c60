#include "health/licence_notice.h"

#include <regex>

#include "core/text.h"

namespace rh {
namespace {

struct Line {
  std::string_view text;
  int64_t number;
};

std::vector<Line> lines_of(std::string_view text) {
  std::vector<Line> out;
  size_t start = 0;
  int64_t n = 1;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(start, end - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    out.push_back({l, n++});
    if (end == text.size()) break;
    start = end + 1;
  }
  return out;
}

/// A line without comment markers around it: "#", "//", " * ", "/*", "--", ";", "!", "%", "rem".
std::string_view comment_content(std::string_view s) {
  for (;;) {
    s = trim(s);
    if (!s.empty() && std::string_view("#*/;!%-<>{}|").find(s[0]) != std::string_view::npos)
      s.remove_prefix(1);
    else
      break;
  }
  while (!s.empty() && std::string_view("*/#-<>").find(s.back()) != std::string_view::npos)
    s = trim(s.substr(0, s.size() - 1));
  return s;
}

std::string two_digit_version(const std::string& major, const std::string& minor) {
  return major + "." + (minor.empty() ? "0" : minor);
}

/// One paragraph (joined, lower case) as a notice, or a notice with an empty family.
GnuNotice judge(const std::string& p, int64_t line) {
  static const std::regex long_name(R"(general\s+public\s+licen[cs]e)");
  static const std::regex short_name(
      R"((^|[^a-z0-9])(a|l)?gpl(?![a-uw-z])\s*-?\s*v?\s*(?:(\d)(?:\.(\d))?)?(\+|-or-later|-only)?)");
  static const std::regex version(R"(version\s+(\d)(?:\.(\d))?)");
  static const std::regex short_version(R"(licen[cs]e,?\s+v\s*(\d)(?:\.(\d))?)");
  static const std::regex later(
      R"(any\s+later\s+version|\bor\s+later\b|\bor\s+newer\b|-or-later|later\s+versions?\s+of\s+the\s+(gnu|licen[cs]e))");
  GnuNotice n;
  n.line = line;
  std::smatch m, s;
  const bool named = std::regex_search(p, m, long_name);
  const bool short_form = std::regex_search(p, s, short_name);
  if (named) {
    std::string before =
        p.substr(m.position(0) >= 16 ? size_t(m.position(0)) - 16 : 0, std::min<size_t>(16, size_t(m.position(0))));
    n.family = before.find("affero") != std::string::npos                                                  ? "AGPL"
               : before.find("lesser") != std::string::npos || before.find("library") != std::string::npos ? "LGPL"
                                                                                                           : "GPL";
  } else if (short_form) {
    n.family = s[2].str() == "a" ? "AGPL" : s[2].str() == "l" ? "LGPL" : "GPL";
  } else {
    return n;
  }
  std::smatch v;
  if (short_form && s[3].matched &&
      (!named || n.family == (s[2].str() == "a"   ? "AGPL"
                              : s[2].str() == "l" ? "LGPL"
                                                  : "GPL")))
    n.version = two_digit_version(s[3].str(), s[4].str());
  else if (std::regex_search(p, v, version) || std::regex_search(p, v, short_version))
    n.version = two_digit_version(v[1].str(), v[2].str());
  if (short_form && s[5].str() == "+") n.or_later = true;
  if (std::regex_search(p, later)) n.or_later = true;
  return n;
}

bool names_licence(std::string_view heading) {
  std::string l = ascii_lower(heading);
  return l.find("licen") != std::string::npos;
}

bool underline(std::string_view s) {
  s = trim(s);
  if (s.size() < 3) return false;
  for (char c : s)
    if (c != s[0]) return false;
  return std::string_view("=-~^*+#").find(s[0]) != std::string_view::npos;
}

}  // namespace

std::vector<GnuNotice> gnu_notices(std::string_view text) {
  std::vector<GnuNotice> out;
  std::string paragraph;
  int64_t start = 0;
  auto flush = [&] {
    if (!paragraph.empty()) {
      GnuNotice n = judge(ascii_lower(paragraph), start);
      if (!n.family.empty()) out.push_back(std::move(n));
    }
    paragraph.clear();
  };
  for (const Line& l : lines_of(text)) {
    std::string_view c = comment_content(l.text);
    if (c.empty()) {
      flush();
      continue;
    }
    if (paragraph.empty()) start = l.number;
    paragraph += std::string(c) + " ";
  }
  flush();
  return out;
}

std::string_view text_before_gnu_licence(std::string_view text) {
  static const std::regex title(R"(GNU\s+(LESSER\s+|AFFERO\s+|LIBRARY\s+)?GENERAL\s+PUBLIC\s+LICENSE\s+Version\s+\d)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_search(text.begin(), text.end(), m, title)) return {};
  return text.substr(0, size_t(m.position(0)));
}

std::string readme_licence_text(std::string_view text) {
  std::vector<Line> lines = lines_of(text);
  std::vector<bool> keep(lines.size(), false);
  // Headings: "# License", "License\n=======", RST ".. _license:" aside.
  auto heading = [&](size_t i) -> int {  // 0: no heading; 1: heading naming a licence; 2: another heading
    std::string_view t = trim(lines[i].text);
    if (t.starts_with("#")) {
      size_t k = t.find_first_not_of('#');
      if (k != std::string_view::npos && k <= 6 && t[k] == ' ') return names_licence(t) ? 1 : 2;
    }
    if (!t.empty() && i + 1 < lines.size() && underline(lines[i + 1].text) && !underline(t))
      return names_licence(t) ? 1 : 2;
    return 0;
  };
  bool in_section = false, any_section = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    int h = heading(i);
    if (h) {
      in_section = h == 1;
      any_section = any_section || in_section;
      continue;
    }
    if (in_section && !underline(lines[i].text)) keep[i] = true;
  }
  if (!any_section) {
    static const std::regex says(
        R"(licen[cs]ed\s+under|released\s+under|distributed\s+under|free\s+software|available\s+under)");
    size_t begin = 0;
    for (size_t i = 0; i <= lines.size(); ++i) {
      if (i < lines.size() && !trim(lines[i].text).empty()) continue;
      std::string p;
      for (size_t k = begin; k < i; ++k) p += ascii_lower(lines[k].text) + " ";
      if (std::regex_search(p, says))
        for (size_t k = begin; k < i; ++k) keep[k] = true;
      begin = i + 1;
    }
  }
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (keep[i]) out += lines[i].text;
    out += '\n';
  }
  return out;
}

std::pair<std::string, std::string> gnu_family(std::string_view spdx_id) {
  static const std::regex id(R"((A|L)?GPL-(\d\.\d)(-only|-or-later|\+)?)", std::regex::icase);
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(spdx_id.begin(), spdx_id.end(), m, id)) return {};
  std::string prefix = ascii_lower(m[1].str());
  return {prefix == "a" ? "AGPL" : prefix == "l" ? "LGPL" : "GPL", m[2].str()};
}

std::string gnu_variant(std::string_view spdx_id, const GnuNotice& notice) {
  auto [family, version] = gnu_family(spdx_id);
  if (family.empty() || family != notice.family) return "";
  if (!notice.version.empty() && notice.version != version) return "";
  return family + "-" + version + (notice.or_later ? "-or-later" : "-only");
}

}  // namespace rh
