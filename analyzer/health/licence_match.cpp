#include "health/licence_match.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

#include "core/text.h"
#include "health/licence_index.h"
#include "health/licence_normalise.h"

// The SPDX licence index (licence_index.h), built from spdx-full.json of the npm package
// spdx-license-list at build time and embedded by cmake/EmbedSpdx.cmake, 16-byte aligned.
extern "C" const char rh_spdx_index[];
extern "C" const char rh_spdx_index_end[];

namespace rh {
namespace {

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); }

/// The SPDX list: the index built at build time, and its entries as SpdxLicence (made once, on
/// first use; a few hundred string views).
struct Prepared {
  LicenceIndex index;
  std::vector<SpdxLicence> entries;  ///< parallel to the index's licences
};

const Prepared& prepared() {
  static const Prepared p = [] {
    Prepared out;
    const std::string_view bytes(rh_spdx_index, static_cast<size_t>(rh_spdx_index_end - rh_spdx_index));
    // The build checked the index it wrote; an index that does not open identifies nothing.
    if (auto index = LicenceIndex::open(bytes)) out.index = *index;
    for (size_t i = 0; i < out.index.size(); ++i) {
      LicenceIndexEntry e = out.index.licence(i);
      out.entries.push_back(SpdxLicence{e.id, e.name, e.osi_approved});
    }
    return out;
  }();
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
  if (p.index.find(l + "-only")) return l + "-only";
  return l;
}

}  // namespace

const SpdxLicence* find_spdx_licence(std::string_view id) {
  const Prepared& p = prepared();
  auto i = p.index.find(ascii_lower(trim(id)));
  return i ? &p.entries[*i] : nullptr;
}

std::string_view spdx_licence_text(std::string_view id) {
  const Prepared& p = prepared();
  auto i = p.index.find(ascii_lower(trim(id)));
  return i ? p.index.licence(*i).text : std::string_view();
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
    auto known = p.index.word_id(w);
    ids.push_back(known ? *known
                        : unknown.emplace(w, uint32_t(p.index.word_count() + unknown.size())).first->second);
  }
  std::vector<uint64_t> f = licence_features(ids);
  const auto keys = p.index.keys();
  const auto offsets = p.index.offsets();
  const auto holders = p.index.holders();
  std::vector<uint32_t> common(p.index.size(), 0);
  auto from = keys.begin();
  for (uint64_t key : f) {  // both sorted
    from = std::lower_bound(from, keys.end(), key);
    if (from == keys.end()) break;
    if (*from != key) continue;
    size_t k = size_t(from - keys.begin());
    for (uint32_t h = offsets[k]; h < offsets[k + 1]; ++h) ++common[holders[h]];
  }

  struct Score {
    double score;
    size_t index;
  };
  std::vector<Score> scores;
  for (size_t i = 0; i < p.index.size(); ++i) {
    const LicenceIndexEntry l = p.index.licence(i);
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
      auto it = std::find(prefer.begin(), prefer.end(), p.index.licence(i).lower_id);
      return it == prefer.end() ? prefer.size() : size_t(it - prefer.begin());
    };
    std::stable_sort(ties.begin(), ties.end(), [&](size_t a, size_t b) { return rank(a) < rank(b); });
    const LicenceIndexEntry top = p.index.licence(ties.front());
    m.closest = std::string(top.id);
    m.confidence = round4(best);
    if (best >= kLicenceMatchThreshold) {
      m.spdx_id = std::string(top.id);
      m.name = std::string(top.name);
      m.osi_approved = top.osi_approved;
      for (size_t k = 1; k < ties.size(); ++k) m.alternatives.emplace_back(p.index.licence(ties[k]).id);
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
