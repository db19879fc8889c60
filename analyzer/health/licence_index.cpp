#include "health/licence_index.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/text.h"
#include "health/licence_normalise.h"

namespace rh {

/// One licence in the index; strings are (offset, length) in the pool.
struct LicenceIndex::Record {
  uint32_t id_at, id_length, lower_at, lower_length, name_at, name_length, text_at, text_length;
  uint32_t features, length, flags, reserved;
};

namespace {

constexpr char kMagic[8] = {'R', 'H', 'S', 'P', 'D', 'X', '0', '1'};
constexpr uint32_t kOsiApproved = 1, kDeprecated = 2;

/// The fixed start of the index; section positions are from the start of the bytes.
struct Header {
  char magic[8];
  uint64_t licence_count, word_count, key_count, holder_count;
  uint64_t licences_at, words_at, keys_at, offsets_at, holders_at, pool_at, pool_size;
};

bool json_bool(const nlohmann::json& v) {
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_string()) return iequals(v.get<std::string>(), "true");  // some releases wrote "True"/"False"
  return false;
}

/// Appends raw values at an 8-byte boundary; returns where they start.
template <typename T>
uint64_t append(std::string& out, const T* data, size_t count) {
  out.resize((out.size() + 7) / 8 * 8, '\0');
  const uint64_t at = out.size();
  if (count) out.append(reinterpret_cast<const char*>(data), count * sizeof(T));
  return at;
}

}  // namespace

std::vector<uint64_t> licence_features(const std::vector<uint32_t>& ids) {
  std::vector<uint64_t> f;
  for (size_t i = 0; i + 1 < ids.size(); ++i) f.push_back(uint64_t(ids[i]) << 32 | ids[i + 1]);
  if (ids.size() == 1) f.push_back(uint64_t(ids[0]) << 32 | 0xffffffffu);
  std::sort(f.begin(), f.end());
  f.erase(std::unique(f.begin(), f.end()), f.end());
  return f;
}

Result<std::string> build_licence_index(std::string_view spdx_json) {
  struct Licence {
    std::string id, lower_id, name, text;
    bool osi_approved = false, deprecated = false;
    std::vector<std::string> words;
  };
  std::vector<Licence> licences;
  try {
    nlohmann::json doc = nlohmann::json::parse(spdx_json);
    if (!doc.is_object()) return Error{"the SPDX licence list is not a JSON object of licences"};
    for (auto& [id, entry] : doc.items()) {
      Licence l;
      l.id = id;
      l.lower_id = ascii_lower(id);
      l.name = entry.value("name", "");
      l.text = entry.value("licenseText", "");
      l.osi_approved = entry.contains("osiApproved") && json_bool(entry["osiApproved"]);
      licences.push_back(std::move(l));
    }
  } catch (const nlohmann::json::exception& e) {
    return Error{std::string("the SPDX licence list is not valid: ") + e.what()};
  }
  if (licences.size() > 65535) return Error{"the SPDX licence list has more than 65535 licences"};
  std::sort(licences.begin(), licences.end(), [](const auto& a, const auto& b) { return a.lower_id < b.lower_id; });
  std::unordered_map<std::string, size_t> by_lower_id;
  for (size_t i = 0; i < licences.size(); ++i) by_lower_id.emplace(licences[i].lower_id, i);

  // Words in byte order; a word's id is its position.
  std::map<std::string, uint32_t> dictionary;
  for (Licence& l : licences) {
    // Deprecated ids, which the list still carries: "X+" and "X" where "X-only" exists, and
    // "X-with-Y-exception" (now "X WITH Y-exception").
    l.deprecated = l.id.ends_with('+') || by_lower_id.contains(l.lower_id + "-only") ||
                   (l.lower_id.find("-with-") != std::string::npos && l.lower_id.ends_with("-exception"));
    l.words = normalised_licence_words(l.text);
    for (const std::string& w : l.words) dictionary.emplace(w, 0);
  }
  uint32_t next = 0;
  for (auto& [_, id] : dictionary) id = next++;

  std::string pool;
  auto intern = [&pool](std::string_view s, uint32_t& at, uint32_t& length) {
    at = static_cast<uint32_t>(pool.size());
    length = static_cast<uint32_t>(s.size());
    pool.append(s);
  };
  std::vector<uint32_t> words;
  for (const auto& [w, _] : dictionary) {
    words.push_back(0);
    words.push_back(0);
    intern(w, words[words.size() - 2], words.back());
  }
  std::vector<LicenceIndex::Record> records;
  std::vector<std::pair<uint64_t, uint16_t>> postings;
  for (size_t i = 0; i < licences.size(); ++i) {
    const Licence& l = licences[i];
    std::vector<uint32_t> ids;
    for (const std::string& w : l.words) ids.push_back(dictionary.at(w));
    std::vector<uint64_t> f = licence_features(ids);
    LicenceIndex::Record r{};
    intern(l.id, r.id_at, r.id_length);
    intern(l.lower_id, r.lower_at, r.lower_length);
    intern(l.name, r.name_at, r.name_length);
    intern(l.text, r.text_at, r.text_length);
    r.features = static_cast<uint32_t>(f.size());
    r.length = static_cast<uint32_t>(l.words.size());
    r.flags = (l.osi_approved ? kOsiApproved : 0) | (l.deprecated ? kDeprecated : 0);
    records.push_back(r);
    if (!l.deprecated)
      for (uint64_t key : f) postings.emplace_back(key, static_cast<uint16_t>(i));
  }
  if (pool.size() > UINT32_MAX) return Error{"the SPDX licence list is too large for the index"};
  std::sort(postings.begin(), postings.end());
  std::vector<uint64_t> keys;
  std::vector<uint32_t> offsets;
  std::vector<uint16_t> holders;
  for (const auto& [key, licence] : postings) {
    if (keys.empty() || keys.back() != key) {
      keys.push_back(key);
      offsets.push_back(static_cast<uint32_t>(holders.size()));
    }
    holders.push_back(licence);
  }
  offsets.push_back(static_cast<uint32_t>(holders.size()));

  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.licence_count = records.size();
  h.word_count = dictionary.size();
  h.key_count = keys.size();
  h.holder_count = holders.size();
  std::string out(sizeof(Header), '\0');
  h.licences_at = append(out, records.data(), records.size());
  h.words_at = append(out, words.data(), words.size());
  h.keys_at = append(out, keys.data(), keys.size());
  h.offsets_at = append(out, offsets.data(), offsets.size());
  h.holders_at = append(out, holders.data(), holders.size());
  h.pool_at = append(out, pool.data(), pool.size());
  h.pool_size = pool.size();
  std::memcpy(out.data(), &h, sizeof h);
  return out;
}

std::optional<LicenceIndex> LicenceIndex::open(std::string_view bytes) {
  Header h;
  if (bytes.size() < sizeof h || reinterpret_cast<uintptr_t>(bytes.data()) % 8 != 0) return std::nullopt;
  std::memcpy(&h, bytes.data(), sizeof h);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) return std::nullopt;
  auto fits = [&](uint64_t at, uint64_t count, uint64_t size) {
    return at % 8 == 0 && at <= bytes.size() && count <= (bytes.size() - at) / size;
  };
  if (!fits(h.licences_at, h.licence_count, sizeof(LicenceIndex::Record)) || !fits(h.words_at, h.word_count, 8) ||
      !fits(h.keys_at, h.key_count, 8) || !fits(h.offsets_at, h.key_count + 1, 4) ||
      !fits(h.holders_at, h.holder_count, 2) || !fits(h.pool_at, h.pool_size, 1))
    return std::nullopt;
  LicenceIndex index;
  index.licences_ = reinterpret_cast<const LicenceIndex::Record*>(bytes.data() + h.licences_at);
  index.words_ = reinterpret_cast<const uint32_t*>(bytes.data() + h.words_at);
  index.keys_ = reinterpret_cast<const uint64_t*>(bytes.data() + h.keys_at);
  index.offsets_ = reinterpret_cast<const uint32_t*>(bytes.data() + h.offsets_at);
  index.holders_ = reinterpret_cast<const uint16_t*>(bytes.data() + h.holders_at);
  index.pool_ = bytes.substr(h.pool_at, h.pool_size);
  index.licence_count_ = h.licence_count;
  index.word_count_ = h.word_count;
  index.key_count_ = h.key_count;
  index.holder_count_ = h.holder_count;
  // Every reference must stay inside the index: a damaged index is refused, not read past.
  auto in_pool = [&](uint32_t at, uint32_t length) { return uint64_t(at) + length <= h.pool_size; };
  for (size_t i = 0; i < index.licence_count_; ++i) {
    const LicenceIndex::Record& r = index.licences_[i];
    if (!in_pool(r.id_at, r.id_length) || !in_pool(r.lower_at, r.lower_length) || !in_pool(r.name_at, r.name_length) ||
        !in_pool(r.text_at, r.text_length))
      return std::nullopt;
  }
  for (size_t i = 0; i < index.word_count_; ++i)
    if (!in_pool(index.words_[2 * i], index.words_[2 * i + 1])) return std::nullopt;
  for (size_t k = 0; k <= index.key_count_; ++k)
    if (index.offsets_[k] > index.holder_count_ || (k > 0 && index.offsets_[k] < index.offsets_[k - 1])) return std::nullopt;
  for (size_t i = 0; i < index.holder_count_; ++i)
    if (index.holders_[i] >= index.licence_count_) return std::nullopt;
  return index;
}

LicenceIndexEntry LicenceIndex::licence(size_t i) const {
  const Record& r = licences_[i];
  LicenceIndexEntry e;
  e.id = pool_string(r.id_at, r.id_length);
  e.lower_id = pool_string(r.lower_at, r.lower_length);
  e.name = pool_string(r.name_at, r.name_length);
  e.text = pool_string(r.text_at, r.text_length);
  e.osi_approved = (r.flags & kOsiApproved) != 0;
  e.deprecated = (r.flags & kDeprecated) != 0;
  e.features = r.features;
  e.length = r.length;
  return e;
}

std::optional<size_t> LicenceIndex::find(std::string_view lower_id) const {
  size_t lo = 0, hi = licence_count_;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const Record& r = licences_[mid];
    const std::string_view here = pool_string(r.lower_at, r.lower_length);
    if (here == lower_id) return mid;
    if (here < lower_id) lo = mid + 1;
    else hi = mid;
  }
  return std::nullopt;
}

std::string_view LicenceIndex::word(size_t i) const { return pool_string(words_[2 * i], words_[2 * i + 1]); }

std::optional<uint32_t> LicenceIndex::word_id(std::string_view w) const {
  size_t lo = 0, hi = word_count_;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const std::string_view here = word(mid);
    if (here == w) return static_cast<uint32_t>(mid);
    if (here < w) lo = mid + 1;
    else hi = mid;
  }
  return std::nullopt;
}

}  // namespace rh
