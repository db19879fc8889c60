// primaryLocationLineHash, following github/codeql-action src/fingerprints.ts: a rolling hash
// (base 37, 64-bit wrap-around) over the next 100 characters from the start of each line,
// spaces and tabs skipped, CR and CRLF read as LF, an end-of-file marker (65535) and then zeros
// appended; the value is printed as unsigned hex, suffixed with ":<occurrence>".
#include "reports/line_hash.h"

#include <array>
#include <map>

namespace rh {
namespace {

constexpr int kBlockSize = 100;
constexpr uint64_t kMod = 37;
constexpr uint32_t kEof = 65535;

std::string hex(uint64_t v) {
  static const char* digits = "0123456789abcdef";
  if (v == 0) return "0";
  std::string out;
  while (v) {
    out.insert(out.begin(), digits[v & 15]);
    v >>= 4;
  }
  return out;
}

class LineHasher {
 public:
  LineHasher() {
    line_numbers_.fill(-1);
    window_.fill(0);
    first_mod_ = 1;
    for (int i = 0; i < kBlockSize; ++i) first_mod_ *= kMod;
  }

  void process(uint32_t c) {
    if (c == ' ' || c == '\t' || (prev_cr_ && c == '\n')) {
      prev_cr_ = false;
      return;
    }
    if (c == '\r') {
      c = '\n';
      prev_cr_ = true;
    } else {
      prev_cr_ = false;
    }
    if (line_numbers_[index_] != -1) output();
    if (line_start_) {
      line_start_ = false;
      ++line_number_;
      line_numbers_[index_] = line_number_;
    }
    if (c == '\n') line_start_ = true;
    update(c);
  }

  std::vector<std::string> finish() {
    process(kEof);
    for (int i = 0; i < kBlockSize; ++i) {
      if (line_numbers_[index_] != -1) output();
      update(0);
    }
    return std::move(hashes_);
  }

 private:
  void output() {
    std::string value = hex(hash_);
    int64_t n = ++counts_[value];
    // Lines come out in order, so the line number is the next index.
    hashes_.push_back(value + ":" + std::to_string(n));
    line_numbers_[index_] = -1;
  }
  void update(uint32_t c) {
    uint64_t begin = window_[index_];
    window_[index_] = c;
    hash_ = kMod * hash_ + c - first_mod_ * begin;  // wraps modulo 2^64, as Long does
    index_ = (index_ + 1) % kBlockSize;
  }

  std::array<uint32_t, kBlockSize> window_{};
  std::array<int64_t, kBlockSize> line_numbers_{};
  uint64_t hash_ = 0;
  uint64_t first_mod_ = 1;
  int index_ = 0;
  int64_t line_number_ = 0;
  bool line_start_ = true;
  bool prev_cr_ = false;
  std::map<std::string, int64_t> counts_;
  std::vector<std::string> hashes_;
};

}  // namespace

std::u16string utf8_to_utf16(std::string_view s) {
  std::u16string out;
  out.reserve(s.size());
  size_t i = 0;
  const size_t n = s.size();
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  while (i < n) {
    unsigned char b = byte(i);
    if (b < 0x80) {
      out.push_back(b);
      ++i;
      continue;
    }
    // Expected length and the valid range of the second byte (WHATWG UTF-8 decoder).
    int need = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    uint32_t cp = 0;
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
      cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2;
      cp = b & 0x0F;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3;
      cp = b & 0x07;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    size_t k = i + 1;
    bool ok = true;
    for (int j = 0; j < need; ++j, ++k) {
      unsigned char lower = j == 0 ? lo : 0x80, upper = j == 0 ? hi : 0xBF;
      if (k >= n || byte(k) < lower || byte(k) > upper) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (byte(k) & 0x3F);
    }
    if (!ok) {
      out.push_back(0xFFFD);  // the maximal valid prefix is consumed as one replacement
      i = k;
      continue;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
    i = k;
  }
  return out;
}

std::vector<std::string> line_hashes(std::string_view bytes) {
  LineHasher hasher;
  for (char16_t c : utf8_to_utf16(bytes)) hasher.process(c);
  return hasher.finish();
}

int64_t utf16_column(std::string_view line, int64_t byte_column) {
  if (byte_column <= 1) return byte_column;
  size_t prefix = std::min<size_t>(static_cast<size_t>(byte_column - 1), line.size());
  int64_t beyond = byte_column - 1 - static_cast<int64_t>(prefix);  // past the end: kept as bytes
  return static_cast<int64_t>(utf8_to_utf16(line.substr(0, prefix)).size()) + beyond + 1;
}

}  // namespace rh
