#include "lang/token_metrics.h"

#include <xxhash.h>

#include <cmath>

namespace rh {

uint64_t token_hash(std::string_view text) { return XXH3_64bits(text.data(), text.size()); }

uint64_t clone_hash(TokenKind kind, uint64_t text_hash) {
  // Two fixed values outside the range real texts hash to with any likelihood.
  constexpr uint64_t kIdentifier = 0x9e3779b97f4a7c15ull;
  constexpr uint64_t kLiteral = 0xc2b2ae3d27d4eb4full;
  switch (kind) {
    case TokenKind::identifier: return kIdentifier;
    case TokenKind::literal: return kLiteral;
    default: return text_hash;
  }
}

void HalsteadCounter::add(TokenKind kind, uint64_t text_hash) {
  switch (kind) {
    case TokenKind::identifier:
    case TokenKind::literal:
      ++operand_count_;
      operands_.insert(text_hash);
      break;
    case TokenKind::operator_:
      ++operator_count_;
      operators_.insert(text_hash);
      break;
    case TokenKind::ignored: break;
  }
}

double halstead_volume(int64_t distinct, int64_t total) {
  if (distinct < 2 || total <= 0) return 0;
  const double v = static_cast<double>(total) * std::log2(static_cast<double>(distinct));
  return std::round(v * 100.0) / 100.0;
}

Halstead HalsteadCounter::result() const {
  Halstead h;
  h.distinct_operators = static_cast<int64_t>(operators_.size());
  h.distinct_operands = static_cast<int64_t>(operands_.size());
  h.operators = operator_count_;
  h.operands = operand_count_;
  h.volume = halstead_volume(h.distinct_operators + h.distinct_operands, h.operators + h.operands);
  return h;
}

}  // namespace rh
