#pragma once
// GitHub's primaryLocationLineHash: the value github/codeql-action (src/fingerprints.ts) computes
// for every line of a file when it uploads SARIF, so alerts keep their identity when lines move.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rh {

/// The line hash of every line of `bytes` (UTF-8; decoded to UTF-16 code units as Node does),
/// index 0 = line 1. Like the original, a file ending in a newline has one more (empty) line.
/// Each value is "<hex>:<n>", n counting earlier lines with the same hex.
std::vector<std::string> line_hashes(std::string_view bytes);

/// UTF-8 text -> UTF-16 code units, invalid sequences replaced by U+FFFD (WHATWG decoding, as
/// Node's "utf8" decoder does).
std::u16string utf8_to_utf16(std::string_view bytes);

/// The 1-based UTF-16 column of a 1-based byte column in one line of UTF-8 text.
int64_t utf16_column(std::string_view line, int64_t byte_column);

}  // namespace rh
