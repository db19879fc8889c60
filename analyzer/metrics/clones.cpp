#include "metrics/clones.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <tuple>

#include "core/classify.h"
#include "core/text.h"

namespace rh {
namespace {

constexpr uint64_t kBase = 0x100000001b3ull;  ///< multiplier of the rolling polynomial hash

/// Rabin-Karp over the token hashes: window(i) = sum h[i+k] * B^(W-1-k), mod 2^64.
class RollingHash {
 public:
  explicit RollingHash(size_t width) : width_(width) {
    for (size_t k = 1; k < width; ++k) top_ *= kBase;
  }
  uint64_t start(const std::vector<uint32_t>& h, size_t i) {
    value_ = 0;
    for (size_t k = 0; k < width_; ++k) value_ = value_ * kBase + h[i + k] + 1;
    return value_;
  }
  /// From window(i) to window(i + 1).
  uint64_t roll(const std::vector<uint32_t>& h, size_t i) {
    value_ = (value_ - (static_cast<uint64_t>(h[i]) + 1) * top_) * kBase + h[i + width_] + 1;
    return value_;
  }

 private:
  size_t width_;
  uint64_t top_ = 1;
  uint64_t value_ = 0;
};

struct Position {
  uint32_t file;
  uint32_t index;
};

/// The first window seen for each rolling-hash value: open addressing in one flat array (16 bytes
/// a window; a node-based map costs about 40 and most of clone detection's time in allocating
/// and freeing its nodes).
class FirstSeen {
 public:
  explicit FirstSeen(size_t windows) : slots_(std::max<size_t>(windows + windows / 4, 16)) {}  // load <= 0.8
  /// The position stored for `key`, or nullptr after storing `at` for it.
  const Position* find_or_add(uint64_t key, Position at) {
    size_t i = slot(key);
    while (slots_[i].at.file != kEmpty) {
      if (slots_[i].key == key) return &slots_[i].at;
      if (++i == slots_.size()) i = 0;
    }
    slots_[i] = Slot{key, at};
    return nullptr;
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint64_t key = 0;
    Position at{kEmpty, 0};
  };
  size_t slot(uint64_t key) const {
    key ^= key >> 33;  // murmur3's finaliser, then the range reduction by multiplication
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return static_cast<size_t>((static_cast<unsigned __int128>(key) * slots_.size()) >> 64);
  }
  std::vector<Slot> slots_;
};

/// One copy of a clone: tokens [index, index + length) of a file.
struct Copy {
  uint32_t file, index, length;
  bool operator<(const Copy& o) const { return std::tie(file, index, length) < std::tie(o.file, o.index, o.length); }
};

double round2(double v) { return std::round(v * 100.0) / 100.0; }

}  // namespace

bool counts_for_duplication(std::string_view path, const LanguageInfo& language) {
  return is_source_code(path, language);
}

CloneResult detect_clones(const std::vector<CloneInput>& files, const CloneOptions& options) {
  CloneResult out;
  out.duplication.min_tokens = options.min_tokens;
  out.duplication.min_lines = options.min_lines;
  out.duplicated_lines.assign(files.size(), 0);
  const size_t width = static_cast<size_t>(std::max<int64_t>(options.min_tokens, 2));
  // Files in path order, so the first copy of a clone is the same whatever order they came in.
  std::vector<uint32_t> order(files.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return files[a].path < files[b].path; });

  auto hashes = [&](uint32_t f) -> const std::vector<uint32_t>& { return files[f].tokens->hashes; };
  auto span_ok = [&](uint32_t f, uint32_t index, uint32_t length) {
    const TokenSequence& t = *files[f].tokens;
    return static_cast<int64_t>(t.last_lines[index + length - 1]) - t.first_lines[index] + 1 >= options.min_lines;
  };

  size_t windows = 0;
  for (const CloneInput& f : files)
    if (f.tokens && f.tokens->size() >= width) windows += f.tokens->size() - width + 1;
  FirstSeen first_seen(windows);
  std::map<Copy, std::vector<Copy>> pairs;  // first copy -> later copies
  RollingHash rolling(width);
  for (uint32_t f : order) {
    ++out.duplication.files;
    out.duplication.code_lines += files[f].code_lines;
    if (!files[f].tokens) continue;
    const std::vector<uint32_t>& h = hashes(f);
    const size_t n = h.size();
    if (n < width) continue;
    size_t i = 0;
    uint64_t value = rolling.start(h, 0);
    while (i + width <= n) {
      const Position* seen = first_seen.find_or_add(value, Position{f, static_cast<uint32_t>(i)});
      bool cloned = false;
      if (seen) {
        const Position at = *seen;
        const std::vector<uint32_t>& g = hashes(at.file);
        const bool same_file = at.file == f;
        // The hashes may collide: the tokens must agree, and a copy may not overlap itself.
        if (!(same_file && at.index + width > i) && std::equal(h.begin() + static_cast<long>(i),
                                                               h.begin() + static_cast<long>(i + width),
                                                               g.begin() + at.index)) {
          size_t length = width;
          while (i + length < n && at.index + length < g.size() && h[i + length] == g[at.index + length] &&
                 !(same_file && at.index + length >= i))
            ++length;
          const auto len = static_cast<uint32_t>(length);
          if (span_ok(f, static_cast<uint32_t>(i), len) && span_ok(at.file, at.index, len))
            pairs[{at.file, at.index, len}].push_back({f, static_cast<uint32_t>(i), len});
          // Too few lines or not: the windows inside this stretch match the same copy, so the
          // scan goes on after it (and stays linear on repetitive one-line files).
          cloned = true;
          i += length;
          if (i + width <= n) value = rolling.start(h, i);
        }
      }
      if (!cloned) {
        if (i + width >= n) break;
        value = rolling.roll(h, i);
        ++i;
      }
    }
  }

  // Groups, and the lines their tokens cover in each file.
  std::vector<std::vector<uint8_t>> covered(files.size());
  auto cover = [&](const Copy& c) {
    const TokenSequence& t = *files[c.file].tokens;
    std::vector<uint8_t>& lines = covered[c.file];
    for (uint32_t k = c.index; k < c.index + c.length; ++k) {
      if (lines.size() <= t.last_lines[k]) lines.resize(t.last_lines[k] + 1, 0);
      for (uint32_t row = t.first_lines[k]; row <= t.last_lines[k]; ++row) lines[row] = 1;
    }
  };
  auto location = [&](const Copy& c) {
    const TokenSequence& t = *files[c.file].tokens;
    return CloneLocation{files[c.file].path, t.first_lines[c.index], t.last_lines[c.index + c.length - 1]};
  };
  for (auto& [first, later] : pairs) {
    CloneGroup group;
    group.tokens = first.length;
    cover(first);
    group.locations.push_back(location(first));
    for (const Copy& c : later) {
      cover(c);
      group.locations.push_back(location(c));
    }
    std::sort(group.locations.begin(), group.locations.end(), [](const CloneLocation& a, const CloneLocation& b) {
      return std::tie(a.path, a.start_line, a.end_line) < std::tie(b.path, b.start_line, b.end_line);
    });
    group.locations.erase(std::unique(group.locations.begin(), group.locations.end()), group.locations.end());
    group.lines = group.locations.front().end_line - group.locations.front().start_line + 1;
    if (group.locations.size() >= 2) out.duplication.groups.push_back(std::move(group));
  }
  std::sort(out.duplication.groups.begin(), out.duplication.groups.end(), [](const CloneGroup& a, const CloneGroup& b) {
    const CloneLocation& x = a.locations.front();
    const CloneLocation& y = b.locations.front();
    return std::tie(x.path, x.start_line, b.tokens) < std::tie(y.path, y.start_line, a.tokens);
  });
  for (size_t f = 0; f < files.size(); ++f) {
    out.duplicated_lines[f] = std::count(covered[f].begin(), covered[f].end(), 1);
    out.duplication.duplicated_lines += out.duplicated_lines[f];
  }
  if (out.duplication.code_lines > 0)
    out.duplication.duplicated_percent =
        round2(100.0 * static_cast<double>(out.duplication.duplicated_lines) / static_cast<double>(out.duplication.code_lines));
  return out;
}

}  // namespace rh
