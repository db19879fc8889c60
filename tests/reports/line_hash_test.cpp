// primaryLocationLineHash against values the reference implementation gives: the expected
// hashes below are the ones github/codeql-action's own test (src/fingerprints.test.ts) asserts
// for its hash() on the same inputs; the non-ASCII cases are derived by hand from the algorithm.
#include "reports/line_hash.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rh {
namespace {

using Hashes = std::vector<std::string>;

TEST(LineHash, EmptyFile) { EXPECT_EQ(line_hashes(""), Hashes{"c129715d7a2bc9a3:1"}); }

TEST(LineHash, SkipsLeadingSpacesAndTabs) {
  EXPECT_EQ(line_hashes(" a\nb\n  \t\tc\n d"),
            (Hashes{"271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"}));
}

TEST(LineHash, WithoutFinalNewline) {
  EXPECT_EQ(line_hashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End"),
            (Hashes{"8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1",
                    "b86d3392aea1be30:1", "e6ceba753e1a442:1"}));
}

TEST(LineHash, AllLineEndingsGiveTheSameHashes) {
  const Hashes expected{"e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1",
                        "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1",
                        "c129715d7a2bc9a3:1"};
  EXPECT_EQ(line_hashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n"), expected);
  EXPECT_EQ(line_hashes(" hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r"), expected);
  EXPECT_EQ(line_hashes(" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n"), expected);
  EXPECT_EQ(line_hashes(" hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n"), expected);
}

TEST(LineHash, RepeatedLinesAreCounted) {
  std::string text;
  for (int i = 0; i < 10; ++i) text += "Lorem ipsum dolor sit amet.\n";
  EXPECT_EQ(line_hashes(text),
            (Hashes{"a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
                    "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
                    "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"}));
}

/// hash(single character c, no newline) = (c * 37 + 65535) * 37^98 mod 2^64: c and the
/// end-of-file marker enter the window, then 98 zeros shift it until line 1's slot comes round.
std::string one_char_hash(uint64_t c) {
  uint64_t h = c * 37 + 65535;
  for (int i = 0; i < 98; ++i) h *= 37;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%llx:1", static_cast<unsigned long long>(h));
  return buf;
}

TEST(LineHash, NonAsciiIsHashedAsUtf16CodeUnits) {
  EXPECT_EQ(line_hashes("a"), Hashes{one_char_hash('a')});
  EXPECT_EQ(line_hashes("\xc3\xa6"), Hashes{one_char_hash(0xE6)});        // æ, one code unit
  EXPECT_EQ(line_hashes("\xe2\x82\xac"), Hashes{one_char_hash(0x20AC)});  // €
  EXPECT_EQ(line_hashes("\xff"), Hashes{one_char_hash(0xFFFD)});          // invalid byte -> U+FFFD
}

TEST(LineHash, AstralCharactersAreTwoCodeUnits) {
  EXPECT_EQ(utf8_to_utf16("\xf0\x9f\x98\x80"), (std::u16string{0xD83D, 0xDE00}));
  EXPECT_EQ(utf8_to_utf16("a\xe2\x82"), (std::u16string{u'a', 0xFFFD}));               // truncated sequence
  EXPECT_EQ(utf8_to_utf16("\xed\xa0\x80"), (std::u16string{0xFFFD, 0xFFFD, 0xFFFD}));  // surrogate
}

TEST(LineHash, Utf16Columns) {
  EXPECT_EQ(utf16_column("abc", 3), 3);
  EXPECT_EQ(utf16_column("\xc3\xa6\xc3\xb8x", 5), 3);  // æø then x: bytes 5 -> column 3
  EXPECT_EQ(utf16_column("\xf0\x9f\x98\x80y", 5), 3);  // emoji is two UTF-16 units
  EXPECT_EQ(utf16_column("ab", 5), 5);                 // past the end stays as given
}

}  // namespace
}  // namespace rh
