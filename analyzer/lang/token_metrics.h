#pragma once
// What both frontends do with each token: Halstead counts, and the file's token-hash sequence
// for clone detection (analyzer/metrics/clones.h). Definitions: docs/metrics.md.
#include <cstdint>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/model.h"

namespace rh {

/// How a token counts: an operand (identifier or literal), an operator, or neither.
enum class TokenKind : uint8_t { identifier, literal, operator_, ignored };

/// 64-bit hash of a token's text (xxHash XXH3).
uint64_t token_hash(std::string_view text);

/// The hash a token contributes to clone detection: identifiers and literals are normalised to
/// one value each, so renamed copies still match; other tokens hash their text.
uint64_t clone_hash(TokenKind kind, uint64_t text_hash);

/// Counts Halstead's operators and operands over a token sequence.
class HalsteadCounter {
 public:
  void add(TokenKind kind, uint64_t text_hash);
  /// n1, n2, N1, N2 and the volume (rounded to 2 decimals).
  Halstead result() const;

 private:
  std::unordered_set<uint64_t> operators_, operands_;
  int64_t operator_count_ = 0, operand_count_ = 0;
};

/// Halstead volume: N * log2(n), N = N1 + N2, n = n1 + n2; 0 when n < 2. Rounded to 2 decimals.
double halstead_volume(int64_t distinct, int64_t total);

/// A file's tokens as clone detection sees them: a 32-bit hash (12 bytes a token in all, so a
/// whole scan's sequences stay small) and the lines each token spans.
struct TokenSequence {
  std::vector<uint32_t> hashes;
  std::vector<uint32_t> first_lines;  ///< 1-based
  std::vector<uint32_t> last_lines;   ///< 1-based; differs from first for multi-line tokens
  void add(uint64_t hash, uint32_t first_line, uint32_t last_line) {
    hashes.push_back(static_cast<uint32_t>(hash ^ (hash >> 32)));
    first_lines.push_back(first_line);
    last_lines.push_back(last_line);
  }
  size_t size() const { return hashes.size(); }
};

}  // namespace rh
