#pragma once
// The SPDX licence index: every text of the SPDX licence list (npm package spdx-license-list,
// spdx-full.json) normalised (licence_normalise.h) and indexed by word bigram, as one block of
// bytes. It is built once at build time by tools/generators/spdx_index_gen.cpp and embedded into
// the binary (cmake/EmbedSpdx.cmake); a scan reads it in place, without parsing or normalising.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace rh {

/// Builds the index bytes from the text of spdx-full.json. Licences are sorted by lower-case id;
/// word ids are the positions of the words in byte order; a feature is a pair of consecutive word
/// ids (see licence_features).
Result<std::string> build_licence_index(std::string_view spdx_json);

/// What identify_licence compares: the sorted, unique bigrams of word ids (a one-word text is its
/// own single feature).
std::vector<uint64_t> licence_features(const std::vector<uint32_t>& ids);

struct LicenceIndexEntry {
  std::string_view id, lower_id, name, text;
  bool osi_approved = false;
  bool deprecated = false;  ///< duplicates a current id: "GPL-3.0" (GPL-3.0-only), "GPL-2.0+"
  uint32_t features = 0;    ///< distinct features
  uint32_t length = 0;      ///< normalised words, repeats included
};

/// A read-only view of index bytes, which must stay alive and be 8-byte aligned.
class LicenceIndex {
 public:
  /// nullopt when the bytes are not an index of this format (magic, version, a section out of
  /// range or misaligned).
  static std::optional<LicenceIndex> open(std::string_view bytes);

  size_t size() const { return licence_count_; }
  LicenceIndexEntry licence(size_t i) const;
  /// The position of a lower-case id.
  std::optional<size_t> find(std::string_view lower_id) const;
  size_t word_count() const { return word_count_; }
  std::optional<uint32_t> word_id(std::string_view word) const;
  /// Which current (not deprecated) licences have a feature: the licences of keys()[k] are
  /// holders()[offsets()[k]] .. holders()[offsets()[k + 1] - 1].
  std::span<const uint64_t> keys() const { return {keys_, key_count_}; }
  std::span<const uint32_t> offsets() const { return {offsets_, key_count_ + 1}; }
  std::span<const uint16_t> holders() const { return {holders_, holder_count_}; }

  struct Record;  ///< a licence as stored (licence_index.cpp)

 private:
  std::string_view pool_string(uint32_t at, uint32_t length) const { return pool_.substr(at, length); }
  std::string_view word(size_t i) const;

  const Record* licences_ = nullptr;
  const uint32_t* words_ = nullptr;  ///< (offset, length) pairs into the pool, in byte order
  const uint64_t* keys_ = nullptr;
  const uint32_t* offsets_ = nullptr;
  const uint16_t* holders_ = nullptr;
  std::string_view pool_;
  size_t licence_count_ = 0, word_count_ = 0, key_count_ = 0, holder_count_ = 0;
};

}  // namespace rh
