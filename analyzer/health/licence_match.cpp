#include "health/licence_match.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <mutex>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/text.h"

// spdx-full.json of the npm package spdx-license-list, NUL-terminated (cmake/EmbedSpdx.cmake).
extern "C" const char rh_spdx_licences_json[];
extern "C" const char rh_spdx_licences_json_end[];

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

// ---------------------------------------------------------------------------------------------
// The SPDX list, prepared once

/// Words are interned while the SPDX texts are prepared; a file's word that no SPDX text has gets
/// an id of its own per call (it can only count against the file).
using Dictionary = std::unordered_map<std::string, uint32_t>;

/// What is compared: the set of word bigrams (pairs of consecutive words), as sorted unique keys.
/// Bigrams rather than single words, measured on the SPDX texts: the runner-up falls further
/// behind (MIT vs JSON 0.977 instead of 0.984, BSD-3-Clause vs BSD-3-Clause-Attribution 0.950
/// instead of 0.974, ISC vs 0BSD 0.863 instead of 0.924, GPL-3.0 vs AGPL-3.0 0.931 instead of
/// 0.955), a README scores 0.04 instead of 0.23 and a README quoting MIT is closest to MIT, not
/// to JSON. A one-word text has no bigram: it is its own single feature.
std::vector<uint64_t> features(const std::vector<uint32_t>& ids) {
  std::vector<uint64_t> f;
  for (size_t i = 0; i + 1 < ids.size(); ++i) f.push_back(uint64_t(ids[i]) << 32 | ids[i + 1]);
  if (ids.size() == 1) f.push_back(uint64_t(ids[0]) << 32 | 0xffffffffu);
  std::sort(f.begin(), f.end());
  f.erase(std::unique(f.begin(), f.end()), f.end());
  return f;
}

struct Prepared {
  struct Licence {
    std::string id, lower_id, name, text;
    bool osi_approved = false;
    bool deprecated = false;  ///< duplicates a current id: "GPL-3.0" (GPL-3.0-only), "GPL-2.0+"
    size_t features = 0;      ///< distinct words
    size_t length = 0;        ///< normalised words, repeats included
  };
  std::vector<Licence> licences;     ///< by lower-case id
  std::vector<SpdxLicence> entries;  ///< parallel to licences
  std::unordered_map<std::string, size_t> by_lower_id;
  Dictionary words;
  /// Which current (not deprecated) licences have a feature: keys sorted, the licences of
  /// keys[k] are holders[offsets[k]] .. holders[offsets[k + 1] - 1].
  std::vector<uint64_t> keys;
  std::vector<uint32_t> offsets;
  std::vector<uint16_t> holders;
};

bool json_bool(const nlohmann::json& v) {
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_string()) return iequals(v.get<std::string>(), "true");  // some releases wrote "True"/"False"
  return false;
}

const Prepared& prepared() {
  static Prepared p;
  static std::once_flag once;
  std::call_once(once, [] {
    std::string_view json(rh_spdx_licences_json, static_cast<size_t>(rh_spdx_licences_json_end - rh_spdx_licences_json));
    nlohmann::json doc = nlohmann::json::parse(json);
    for (auto& [id, entry] : doc.items()) {
      Prepared::Licence l;
      l.id = id;
      l.lower_id = ascii_lower(id);
      l.name = entry.value("name", "");
      l.text = entry.value("licenseText", "");
      l.osi_approved = entry.contains("osiApproved") && json_bool(entry["osiApproved"]);
      p.licences.push_back(std::move(l));
    }
    std::sort(p.licences.begin(), p.licences.end(), [](const auto& a, const auto& b) { return a.lower_id < b.lower_id; });
    for (size_t i = 0; i < p.licences.size(); ++i) p.by_lower_id.emplace(p.licences[i].lower_id, i);
    std::vector<std::pair<uint64_t, uint16_t>> postings;
    for (Prepared::Licence& l : p.licences) {
      // Deprecated ids, which the list still carries: "X+" and "X" where "X-only" exists, and
      // "X-with-Y-exception" (now "X WITH Y-exception").
      l.deprecated = l.id.ends_with('+') || p.by_lower_id.contains(l.lower_id + "-only") ||
                     (l.lower_id.find("-with-") != std::string::npos && l.lower_id.ends_with("-exception"));
      std::vector<std::string> words = normalised_licence_words(l.text);
      std::vector<uint32_t> ids;
      for (const std::string& w : words) ids.push_back(p.words.emplace(w, uint32_t(p.words.size())).first->second);
      std::vector<uint64_t> f = features(ids);
      l.length = words.size();
      l.features = f.size();
      if (!l.deprecated)
        for (uint64_t key : f) postings.emplace_back(key, uint16_t(&l - p.licences.data()));
      p.entries.push_back(SpdxLicence{l.id, l.name, l.osi_approved});
    }
    std::sort(postings.begin(), postings.end());
    p.holders.reserve(postings.size());
    for (const auto& [key, licence] : postings) {
      if (p.keys.empty() || p.keys.back() != key) {
        p.keys.push_back(key);
        p.offsets.push_back(uint32_t(p.holders.size()));
      }
      p.holders.push_back(licence);
    }
    p.offsets.push_back(uint32_t(p.holders.size()));
  });
  return p;
}

/// Sørensen–Dice of two sets, lowered for a large difference in length (licensee does the same,
/// so that a README quoting a licence does not match fully): the denominator grows by a quarter of
/// the length difference beyond 10 %.
double similarity(size_t common, size_t a_size, size_t a_length, size_t b_size, size_t b_length) {
  if (a_size == 0 || b_size == 0) return 0;
  double delta = std::abs(double(a_length) - double(b_length));
  double tolerated = 0.1 * double(std::max(a_length, b_length));
  double penalty = std::max(0.0, delta - tolerated) / 4;
  return 2.0 * double(common) / (double(a_size + b_size) + penalty);
}

double round4(double x) { return std::round(x * 10000) / 10000; }

/// A preferred id in its current spelling: "GPL-3.0+" -> "gpl-3.0-or-later", "GPL-3.0" ->
/// "gpl-3.0-only".
std::string current_id(std::string_view id, const Prepared& p) {
  std::string l = ascii_lower(trim(id));
  if (l.ends_with('+')) return l.substr(0, l.size() - 1) + "-or-later";
  if (p.by_lower_id.contains(l + "-only")) return l + "-only";
  return l;
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

const SpdxLicence* find_spdx_licence(std::string_view id) {
  const Prepared& p = prepared();
  auto it = p.by_lower_id.find(ascii_lower(trim(id)));
  return it == p.by_lower_id.end() ? nullptr : &p.entries[it->second];
}

std::string_view spdx_licence_text(std::string_view id) {
  const Prepared& p = prepared();
  auto it = p.by_lower_id.find(ascii_lower(trim(id)));
  return it == p.by_lower_id.end() ? std::string_view() : std::string_view(p.licences[it->second].text);
}

LicenceMatch identify_licence(std::string_view text, const std::vector<std::string>& preferred) {
  const Prepared& p = prepared();
  std::vector<std::string> prefer;
  std::string header = spdx_header_expression(text);
  std::vector<std::string> header_ids = spdx_expression_ids(header);
  for (const std::string& id : preferred) prefer.push_back(current_id(id, p));
  for (const std::string& id : header_ids) prefer.push_back(current_id(id, p));

  std::vector<std::string> words = normalised_licence_words(text);
  std::vector<uint32_t> ids;
  std::unordered_map<std::string_view, uint32_t> unknown;
  for (const std::string& w : words) {
    auto it = p.words.find(w);
    ids.push_back(it != p.words.end() ? it->second
                                      : unknown.emplace(w, uint32_t(p.words.size() + unknown.size())).first->second);
  }
  std::vector<uint64_t> f = features(ids);
  std::vector<uint32_t> common(p.licences.size(), 0);
  auto from = p.keys.begin();
  for (uint64_t key : f) {  // both sorted
    from = std::lower_bound(from, p.keys.end(), key);
    if (from == p.keys.end()) break;
    if (*from != key) continue;
    size_t k = size_t(from - p.keys.begin());
    for (uint32_t h = p.offsets[k]; h < p.offsets[k + 1]; ++h) ++common[p.holders[h]];
  }

  struct Score {
    double score;
    size_t index;
  };
  std::vector<Score> scores;
  for (size_t i = 0; i < p.licences.size(); ++i) {
    const auto& l = p.licences[i];
    if (l.deprecated) continue;
    scores.push_back({similarity(common[i], f.size(), words.size(), l.features, l.length), i});
  }
  double best = 0;
  for (const Score& s : scores) best = std::max(best, s.score);

  LicenceMatch m;
  if (best > 0) {
    // The ties, in order of preference: `preferred`, then alphabetical (licences are sorted).
    std::vector<size_t> ties;
    for (const Score& s : scores)
      if (s.score >= best - 0.005) ties.push_back(s.index);
    auto rank = [&](size_t i) {
      auto it = std::find(prefer.begin(), prefer.end(), p.licences[i].lower_id);
      return it == prefer.end() ? prefer.size() : size_t(it - prefer.begin());
    };
    std::stable_sort(ties.begin(), ties.end(), [&](size_t a, size_t b) { return rank(a) < rank(b); });
    const auto& top = p.licences[ties.front()];
    m.closest = top.id;
    m.confidence = round4(best);
    if (best >= kLicenceMatchThreshold) {
      m.spdx_id = top.id;
      m.name = top.name;
      m.osi_approved = top.osi_approved;
      for (size_t k = 1; k < ties.size(); ++k) m.alternatives.push_back(p.licences[ties[k]].id);
      return m;
    }
  }
  // Only an SPDX header (or a text that matches nothing): the header says what the licence is.
  for (const std::string& id : header_ids) {
    const SpdxLicence* l = find_spdx_licence(id);
    if (!l) continue;
    if (m.spdx_id.empty()) {
      m.spdx_id = std::string(l->id);
      m.name = std::string(l->name);
      m.osi_approved = l->osi_approved;
      m.confidence = 1;
      m.closest = m.spdx_id;
      m.alternatives.clear();
    } else {
      m.alternatives.push_back(std::string(l->id));
    }
  }
  return m;
}

std::string spdx_header_expression(std::string_view text) {
  constexpr std::string_view kTag = "spdx-license-identifier:";
  // Runs on every analysed file: the first 40 lines only ("\r\n" counts once), no copies.
  size_t start = 0;
  for (int n = 0; n < 40 && start <= text.size(); ++n) {
    size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + (text.substr(end, 2) == "\r\n" ? 2 : 1);
    auto hit = std::search(line.begin(), line.end(), kTag.begin(), kTag.end(),
                           [](char a, char b) { return ascii_lower(a) == b; });
    if (hit == line.end()) continue;
    const size_t at = size_t(hit - line.begin());
    std::string_view before = trim(line.substr(0, at));
    bool comment = std::all_of(before.begin(), before.end(), [](char c) { return !is_alnum(c) && c != '"' && c != '\''; }) ||
                   iequals(before, "rem") || iequals(before, "@rem") || iequals(before, "dnl");
    if (!comment) continue;
    std::string_view expr = trim(line.substr(at + kTag.size()));
    for (bool again = true; again;) {
      again = false;
      for (std::string_view closer : {"*/", "-->", "--%>", "#}", "%}", "*)", "-}", "'''", "\"\"\""}) {
        if (expr.ends_with(closer)) {
          expr = trim(expr.substr(0, expr.size() - closer.size()));
          again = true;
        }
      }
    }
    if (!expr.empty()) return std::string(expr);
  }
  return "";
}

std::vector<std::string> spdx_expression_ids(std::string_view expression) {
  std::vector<std::string> ids;
  bool after_with = false;
  size_t i = 0;
  while (i < expression.size()) {
    char c = expression[i];
    if (is_blank(c) || c == '(' || c == ')' || c == '\n') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < expression.size() && !is_blank(expression[j]) && expression[j] != '(' && expression[j] != ')' &&
           expression[j] != '\n')
      ++j;
    std::string_view token = expression.substr(i, j - i);
    i = j;
    if (iequals(token, "and") || iequals(token, "or")) continue;
    if (iequals(token, "with")) {
      after_with = true;
      continue;
    }
    if (after_with) {  // the exception
      after_with = false;
      continue;
    }
    if (std::find(ids.begin(), ids.end(), token) == ids.end()) ids.emplace_back(token);
  }
  return ids;
}

void prepare_licence_texts() { (void)prepared(); }

}  // namespace rh
