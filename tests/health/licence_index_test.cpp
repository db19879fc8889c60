// The SPDX licence index format (health/licence_index.h), built from a small licence list written
// here (not the real one: that is what the build embeds, and licence_match_test identifies with it).
#include "health/licence_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

#include "health/licence_normalise.h"

namespace rh {
namespace {

const char* kList = R"({
  "Zlib-like": {"name": "A Zlib-like licence", "licenseText": "Permission is granted to anyone to use this software.", "osiApproved": true},
  "GPL-2.0-only": {"name": "GNU GPL v2.0 only", "licenseText": "The licenses for most software are designed to take away your freedom.", "osiApproved": "True"},
  "GPL-2.0": {"name": "GNU GPL v2.0", "licenseText": "The licenses for most software are designed to take away your freedom.", "osiApproved": true},
  "GPL-2.0+": {"name": "GNU GPL v2.0 or later", "licenseText": "The licenses for most software are designed to take away your freedom."},
  "Word": {"name": "One word", "licenseText": "Hereby"}
})";

/// Index bytes at an 8-byte aligned address, as the embedded index is.
struct Aligned {
  explicit Aligned(const std::string& s) : words((s.size() + 7) / 8) { std::memcpy(words.data(), s.data(), s.size()); size = s.size(); }
  std::string_view view() const { return {reinterpret_cast<const char*>(words.data()), size}; }
  std::vector<uint64_t> words;
  size_t size;
};

TEST(LicenceIndex, ReadsBackWhatWasBuilt) {
  auto bytes = build_licence_index(kList);
  ASSERT_TRUE(bytes) << bytes.error().message;
  Aligned aligned(*bytes);
  auto index = LicenceIndex::open(aligned.view());
  ASSERT_TRUE(index);
  ASSERT_EQ(index->size(), 5u);
  std::vector<std::string> ids;
  for (size_t i = 0; i < index->size(); ++i) ids.emplace_back(index->licence(i).lower_id);
  EXPECT_EQ(ids, (std::vector<std::string>{"gpl-2.0", "gpl-2.0+", "gpl-2.0-only", "word", "zlib-like"}));

  auto gpl = index->find("gpl-2.0-only");
  ASSERT_TRUE(gpl);
  LicenceIndexEntry e = index->licence(*gpl);
  EXPECT_EQ(e.id, "GPL-2.0-only");
  EXPECT_EQ(e.name, "GNU GPL v2.0 only");
  EXPECT_TRUE(e.osi_approved);  // "True" as a string
  EXPECT_FALSE(e.deprecated);
  EXPECT_TRUE(index->licence(*index->find("gpl-2.0")).deprecated);   // "-only" exists
  EXPECT_TRUE(index->licence(*index->find("gpl-2.0+")).deprecated);  // "+"
  EXPECT_FALSE(index->licence(*index->find("gpl-2.0+")).osi_approved);
  EXPECT_FALSE(index->find("mit"));

  const auto words = normalised_licence_words(e.text);
  EXPECT_EQ(e.length, words.size());
  std::vector<uint32_t> word_ids;
  for (const auto& w : words) {
    auto id = index->word_id(w);
    ASSERT_TRUE(id) << w;
    word_ids.push_back(*id);
  }
  EXPECT_FALSE(index->word_id("nonexistent"));
  const auto features = licence_features(word_ids);
  EXPECT_EQ(e.features, features.size());
  // Every feature of a current licence lists it; deprecated duplicates are left out.
  for (uint64_t f : features) {
    auto k = std::lower_bound(index->keys().begin(), index->keys().end(), f);
    ASSERT_TRUE(k != index->keys().end() && *k == f);
    const size_t at = size_t(k - index->keys().begin());
    std::vector<uint16_t> holders(index->holders().begin() + index->offsets()[at],
                                  index->holders().begin() + index->offsets()[at + 1]);
    EXPECT_EQ(holders, std::vector<uint16_t>{uint16_t(*gpl)});
  }
  // A one-word text is its own single feature.
  EXPECT_EQ(index->licence(*index->find("word")).features, 1u);
}

TEST(LicenceIndex, DamagedBytesAreRefused) {
  auto bytes = build_licence_index(kList);
  ASSERT_TRUE(bytes);
  EXPECT_FALSE(LicenceIndex::open(Aligned(bytes->substr(0, bytes->size() / 2)).view()));
  std::string foreign = *bytes;
  foreign[0] = 'X';
  EXPECT_FALSE(LicenceIndex::open(Aligned(foreign).view()));
  EXPECT_FALSE(LicenceIndex::open(Aligned(std::string(200, '\xff')).view()));
  EXPECT_FALSE(LicenceIndex::open(""));
}

TEST(LicenceIndex, NotAListIsAnError) {
  EXPECT_FALSE(build_licence_index("[1, 2]"));
  EXPECT_FALSE(build_licence_index("{ not json"));
}

}  // namespace
}  // namespace rh
