#include "health/licence_normalise.h"

#include <algorithm>
#include <utility>

#include "core/text.h"

namespace rh {
namespace {

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
      lines.push_back(text.substr(start, i - start));
      if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Normalisation

/// British spellings (and a few variants) -> the spelling the SPDX texts mostly use.
constexpr std::pair<std::string_view, std::string_view> kVarietalWords[] = {
    {"licence", "license"},         {"licences", "licenses"},         {"licenced", "licensed"},
    {"licencee", "licensee"},       {"licencees", "licensees"},       {"licencing", "licensing"},
    {"licencor", "licensor"},       {"licencors", "licensors"},       {"sublicence", "sublicense"},
    {"sublicences", "sublicenses"}, {"organisation", "organization"}, {"organisations", "organizations"},
    {"organise", "organize"},       {"authorise", "authorize"},       {"authorised", "authorized"},
    {"authorisation", "authorization"}, {"recognise", "recognize"},   {"recognised", "recognized"},
    {"realise", "realize"},         {"favour", "favor"},              {"behaviour", "behavior"},
    {"colour", "color"},            {"centre", "center"},             {"offence", "offense"},
    {"defence", "defense"},         {"practise", "practice"},         {"judgement", "judgment"},
    {"acknowledgement", "acknowledgment"}, {"acknowledgements", "acknowledgments"},
    {"analyse", "analyze"},         {"artefact", "artifact"},         {"artefacts", "artifacts"},
    {"catalogue", "catalog"},       {"cancelled", "canceled"},        {"fulfil", "fulfill"},
    {"fulfilment", "fulfillment"},  {"labour", "labor"},              {"modelled", "modeled"},
    {"programme", "program"},       {"programmes", "programs"},       {"whilst", "while"},
    {"wilful", "willful"},          {"utilise", "utilize"},           {"utilisation", "utilization"},
};

std::string american(std::string word) {
  for (const auto& [from, to] : kVarietalWords)
    if (word == from) return std::string(to);
  return word;
}

bool is_roman(std::string_view s) {
  return !s.empty() && s.size() <= 6 && std::all_of(s.begin(), s.end(), [](char c) {
    return c == 'i' || c == 'v' || c == 'x' || c == 'l' || c == 'c';
  });
}

/// "1", "1.2", "a", "iv": what list numbering puts before "." or ")".
bool is_list_label(std::string_view s) {
  if (s.empty() || s.size() > 8) return false;
  if (s.size() == 1 && s[0] >= 'a' && s[0] <= 'z') return true;
  if (is_roman(s)) return true;
  bool digit_before = false;
  for (char c : s) {
    if (is_digit(c)) digit_before = true;
    else if (c == '.' && digit_before) digit_before = false;
    else return false;
  }
  return digit_before;
}

/// Leading list numbering: "1. ", "1.1. ", "(a) ", "ii) ", "a. " (repeatedly: "2. (a) ").
std::string_view strip_list_numbering(std::string_view s) {
  for (;;) {
    s = trim(s);
    bool paren = !s.empty() && s[0] == '(';
    size_t i = paren ? 1 : 0, j = i;
    while (j < s.size() && (is_alnum(s[j]) || s[j] == '.')) ++j;
    std::string_view label = s.substr(i, j - i);
    char close = j < s.size() ? s[j] : '\0';
    size_t end = j;
    if (paren) {
      if (close != ')') return s;
      end = j + 1;
    } else if (!label.empty() && label.back() == '.') {
      label.remove_suffix(1);
    } else if (close == ')') {
      end = j + 1;
    } else {
      return s;
    }
    if (!is_list_label(label) || (end < s.size() && !is_blank(s[end]))) return s;
    s.remove_prefix(end);
  }
}

/// Markup and comment characters before a line's text: "# ", "* ", "// ", "> ", "- ", "• ".
std::string_view strip_decoration(std::string_view s) {
  for (;;) {
    s = trim(s);
    if (!s.empty() && std::string_view("#*/-=>|;!%+~_`\"'").find(s[0]) != std::string_view::npos) {
      s.remove_prefix(1);
    } else if (s.starts_with("\xe2\x80\xa2") || s.starts_with("\xe2\x80\x93") || s.starts_with("\xe2\x80\x94")) {
      s.remove_prefix(3);  // bullet, en and em dash
    } else {
      return s;
    }
  }
}

bool has_year(std::string_view s) {
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    bool start = i == 0 || !is_alnum(s[i - 1]);
    bool end = i + 4 == s.size() || !is_alnum(s[i + 4]);
    if (start && end && (s.substr(i, 2) == "19" || s.substr(i, 2) == "20") && is_digit(s[i + 2]) && is_digit(s[i + 3]))
      return true;
  }
  return false;
}

/// "Copyright (c) 2025 Aarhus Kommune", "Copyright 2007 ...", "Copyright <year> <holders>",
/// "(c) 2025 ...", "© ...", "All rights reserved." — but not prose that a re-wrap happened to
/// start with "copyright" ("copyright notice and this permission notice ...").
bool is_copyright_line(std::string_view content) {
  if (content.starts_with("\xc2\xa9")) return true;  // ©
  if (starts_with_ci(content, "(c)")) {
    std::string_view rest = trim(content.substr(3));
    return rest.empty() || is_digit(rest[0]) || has_year(rest);
  }
  if (starts_with_ci(content, "copyright")) {
    std::string_view rest = content.substr(9);
    if (!rest.empty() && is_alnum(rest[0])) return false;  // "copyrighted", "copyrights"
    rest = trim(rest);
    if (!rest.empty() && rest[0] == ':') rest = trim(rest.substr(1));
    return rest.empty() || starts_with_ci(rest, "(c)") || rest.starts_with("\xc2\xa9") || is_digit(rest[0]) ||
           rest[0] == '<' || rest[0] == '[' || rest[0] == '{' || has_year(rest);
  }
  std::string l = ascii_lower(content);
  return l == "all rights reserved" || l == "all rights reserved.";
}

/// Bytes of a UTF-8 sequence that separate words (quotes, dashes, bullets, ©, no-break space):
/// the Latin-1 punctuation block U+0080-U+00BF and General Punctuation U+2000-U+206F.
size_t utf8_punctuation(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  if (b(i) == 0xc2 && b(i + 1) >= 0x80 && b(i + 1) <= 0xbf) return 2;
  if (b(i) == 0xe2 && (b(i + 1) == 0x80 || b(i + 1) == 0x81)) return 3;
  return 0;
}

/// The length of the UTF-8 sequence at s[i] (1 for a stray byte).
size_t utf8_length(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
  return std::min(n, s.size() - i);
}

/// The length of the letter or digit at s[i] (any non-ASCII character but punctuation), 0 when it
/// is none.
size_t word_char(std::string_view s, size_t i) {
  if (static_cast<unsigned char>(s[i]) < 0x80) return is_alnum(s[i]) ? 1 : 0;
  return utf8_punctuation(s, i) ? 0 : utf8_length(s, i);
}

/// Inside a word these join its parts: apostrophes, hyphens (ASCII, U+2010, U+2011, U+2019, soft
/// hyphen). Returns the joiner's length, 0 when s[i] is none.
size_t joiner(std::string_view s, size_t i) {
  if (s[i] == '\'' || s[i] == '-') return 1;
  if (s.substr(i, 3) == "\xe2\x80\x99" || s.substr(i, 3) == "\xe2\x80\x90" || s.substr(i, 3) == "\xe2\x80\x91") return 3;
  if (s.substr(i, 2) == "\xc2\xad") return 2;
  return 0;
}

/// The words of one line (already lower case, placeholders removed).
void line_words(std::string_view s, std::vector<std::string>& out) {
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(american(std::move(word)));
    word.clear();
  };
  size_t i = 0;
  while (i < s.size()) {
    if (size_t n = word_char(s, i)) {
      word.append(s.substr(i, n));
      i += n;
      continue;
    }
    // "(a)", "(iv)", "(1)" anywhere: list labels in running text.
    if (s[i] == '(' && word.empty()) {
      size_t close = s.find(')', i);
      if (close != std::string_view::npos && close - i <= 7 && is_list_label(s.substr(i + 1, close - i - 1))) {
        i = close + 1;
        continue;
      }
    }
    size_t j = joiner(s, i);
    if (j && !word.empty() && i + j < s.size() && word_char(s, i + j)) {
      i += j;  // non-infringement -> noninfringement, licensor's -> licensors
      continue;
    }
    if (s[i] == '.' && !word.empty() && is_alnum(word.back()) && i + 1 < s.size() && is_alnum(s[i + 1])) {
      word += s[i++];  // 2.0, www.apache.org
      continue;
    }
    flush();
    i += utf8_length(s, i);
  }
  flush();
}

/// Removes SPDX template placeholders and other short <...> spans (<year>, <copyright holders>,
/// <https://fsf.org/>, <br>).
std::string remove_placeholders(std::string_view line) {
  std::string out;
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == '<') {
      size_t close = line.find('>', i);
      size_t next_open = line.find('<', i + 1);
      if (close != std::string_view::npos && close - i <= 100 && (next_open == std::string_view::npos || next_open > close)) {
        out += ' ';
        i = close + 1;
        continue;
      }
    }
    out += line[i++];
  }
  return out;
}

/// "END OF TERMS AND CONDITIONS" (with or without "the", any case and decoration).
bool is_end_of_terms(std::string_view content) {
  std::string l = ascii_lower(trim(content));
  while (!l.empty() && !is_alnum(l.back())) l.pop_back();
  return l == "end of terms and conditions" || l == "end of the terms and conditions";
}

/// A title: the first line with text, short, naming a licence and not a sentence.
bool is_title(std::string_view content, const std::vector<std::string>& words) {
  if (words.empty() || words.size() > 10) return false;
  if (content.find_first_of(",;:") != std::string_view::npos || content.ends_with('.')) return false;  // a sentence
  return std::find_if(words.begin(), words.end(), [](const std::string& w) { return w == "license" || w == "licenses"; }) !=
         words.end();
}

}  // namespace

std::vector<std::string> normalised_licence_words(std::string_view text) {
  std::vector<std::string> words;
  bool title_checked = false;
  for (std::string_view raw : split_lines(text)) {
    std::string_view content = strip_decoration(raw);
    // What follows the terms is advice on applying them, which copies leave out as often as not
    // (Apache-2.0's appendix, the GPL's "How to Apply These Terms"); licensee cuts it too.
    if (is_end_of_terms(content)) break;
    if (starts_with_ci(content, "spdx-license-identifier")) continue;
    if (is_copyright_line(content)) continue;
    std::string line = ascii_lower(remove_placeholders(strip_list_numbering(content)));
    size_t before = words.size();
    line_words(line, words);
    if (!title_checked && words.size() > before) {
      title_checked = true;
      std::vector<std::string> these(words.begin() + long(before), words.end());
      if (is_title(trim(line), these)) words.resize(before);
    }
  }
  return words;
}

}  // namespace rh
