#include "cli/cached_analysis.h"

#include <xxhash.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/model_json.h"
#include "lang/compile_commands.h"

namespace rh {
namespace {
namespace fs = std::filesystem;

std::string hex128(const XXH128_hash_t& h) {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

/// Every rule file a user folder holds (as load_rule_folder reads them), path and bytes.
void add_rule_folder(const std::string& folder, ojson& out) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) files.push_back(it->path().string());
  std::sort(files.begin(), files.end());
  ojson list = ojson::array();
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string b = bytes.str();
    list.push_back({f, hex128(XXH3_128bits(b.data(), b.size()))});
  }
  out.push_back({folder, std::move(list)});
}

/// Serves one file's bytes already read (for its content hash) so analyse_file reads nothing.
class ReadOnce : public FileSource {
 public:
  ReadOnce(FileSource& inner, const SourceEntry& entry, std::string bytes)
      : inner_(inner), entry_(entry), bytes_(std::move(bytes)) {}
  Result<SourceListing> list() override { return inner_.list(); }
  Result<std::string> read(const SourceEntry& entry, int64_t max_bytes) override {
    if (&entry == &entry_ && !used_) {
      used_ = true;
      if (static_cast<int64_t>(bytes_.size()) > max_bytes) bytes_.resize(static_cast<size_t>(max_bytes));
      return std::move(bytes_);
    }
    return inner_.read(entry, max_bytes);
  }
  std::string kind() const override { return inner_.kind(); }

 private:
  FileSource& inner_;
  const SourceEntry& entry_;
  std::string bytes_;
  bool used_ = false;
};

void put_varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

bool get_varint(std::string_view& in, uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in.empty()) return false;
    const auto byte = static_cast<uint8_t>(in.front());
    in.remove_prefix(1);
    v |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

/// Tokens: count, then per token its 32-bit hash (varint), the first line as a signed delta
/// from the previous token's (zigzag varint) and the span (last - first, varint).
std::string encode_tokens(const TokenSequence& t) {
  std::string out;
  out.reserve(t.size() * 6 + 8);
  put_varint(out, t.size());
  int64_t previous = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    put_varint(out, t.hashes[i]);
    const int64_t delta = static_cast<int64_t>(t.first_lines[i]) - previous;
    put_varint(out, static_cast<uint64_t>((delta << 1) ^ (delta >> 63)));
    put_varint(out, t.last_lines[i] - t.first_lines[i]);
    previous = t.first_lines[i];
  }
  return out;
}

bool decode_tokens(std::string_view in, TokenSequence& t) {
  uint64_t n = 0;
  if (!get_varint(in, n) || n > in.size()) return false;
  t.hashes.resize(n);
  t.first_lines.resize(n);
  t.last_lines.resize(n);
  int64_t previous = 0;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t hash = 0, zig = 0, span = 0;
    if (!get_varint(in, hash) || !get_varint(in, zig) || !get_varint(in, span)) return false;
    const int64_t delta = static_cast<int64_t>(zig >> 1) ^ -static_cast<int64_t>(zig & 1);
    previous += delta;
    t.hashes[i] = static_cast<uint32_t>(hash);
    t.first_lines[i] = static_cast<uint32_t>(previous);
    t.last_lines[i] = static_cast<uint32_t>(previous + static_cast<int64_t>(span));
  }
  return in.empty();
}

}  // namespace

std::string analysis_settings(const Config& c, const std::vector<std::string>& rule_folders, const std::string& tool) {
  ojson j;
  j["tool"] = tool;
  j["max_file_size"] = c.max_file_size;
  j["preview"] = c.preview;
  j["exclude"] = c.exclude;
  j["vendored"] = c.vendored;
  ojson packs = ojson::array();
  for (const auto& p : c.packs) packs.push_back({p.pack, p.enabled});
  j["packs"] = packs;
  ojson rules = ojson::array();
  for (const auto& r : c.rules)
    rules.push_back({r.id, r.enabled ? ojson(*r.enabled) : ojson(nullptr), r.severity,
                     r.threshold ? ojson(*r.threshold) : ojson(nullptr), r.exclude, r.reason, r.where});
  j["rules"] = rules;
  ojson thresholds = ojson::array();
  for (const auto& t : c.thresholds) thresholds.push_back({t.metric, t.value});
  j["thresholds"] = thresholds;
  ojson ignore = ojson::array();
  for (const auto& i : c.ignore) ignore.push_back({i.paths, i.rules, i.reason, i.where});
  j["ignore"] = ignore;
  ojson folders = ojson::array();
  for (const auto& f : c.rule_folders) add_rule_folder(f, folders);
  for (const auto& f : rule_folders) add_rule_folder(f, folders);
  j["rule_folders"] = folders;
  const std::string text = j.dump();
  return hex128(XXH3_128bits(text.data(), text.size()));
}

FileCacheRecord encode_outcome(const FileOutcome& o) {
  ScanResult part;  // the model's own serialisers, so the record holds what facts.json would
  if (o.facts) part.files.push_back(*o.facts);
  if (o.skipped) part.skipped.push_back(*o.skipped);
  part.notifications = o.notes;
  part.findings = o.findings;
  const std::vector<uint8_t> cbor = ojson::to_cbor(to_json(part));
  return FileCacheRecord{std::string(cbor.begin(), cbor.end()), encode_tokens(o.clone_tokens)};
}

std::optional<FileOutcome> decode_outcome(const FileCacheRecord& record) {
  ojson doc;
  try {
    doc = ojson::from_cbor(record.outcome);
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
  auto part = scan_result_from_json(doc);
  if (!part || part->files.size() > 1 || part->skipped.size() > 1) return std::nullopt;
  FileOutcome o;
  if (!part->files.empty()) o.facts = std::move(part->files.front());
  if (!part->skipped.empty()) o.skipped = std::move(part->skipped.front());
  o.notes = std::move(part->notifications);
  o.findings = std::move(part->findings);
  if (!decode_tokens(record.tokens, o.clone_tokens)) return std::nullopt;
  return o;
}

FileOutcome CachedAnalysis::analyse(FileSource& source, const SourceEntry& entry) {
  if (!cache_) return analyse_file(source, entry, config_, rules_);
  // Files whose parse reads other files (a compile command's includes) are not cached.
  if (commands_ && commands_->find(entry.path)) {
    ++misses_;
    return analyse_file(source, entry, config_, rules_);
  }
  std::optional<std::string> bytes;
  std::string content_id;
  if (!entry.blob_id.empty() && entry.kind == SourceEntry::Kind::regular) {
    content_id = "git:" + entry.blob_id;
  } else {
    auto read = source.read(entry, config_.max_file_size + 1);
    if (!read) {
      ++misses_;
      return analyse_file(source, entry, config_, rules_);  // reports the error itself
    }
    content_id = "xxh3:" + hex128(XXH3_128bits(read->data(), read->size()));
    bytes = std::move(*read);
  }
  const std::string keyed = settings_ + '\0' + entry.path + '\0' + content_id;
  const XXH128_canonical_t key = [&] {
    XXH128_canonical_t c;
    XXH128_canonicalFromHash(&c, XXH3_128bits(keyed.data(), keyed.size()));
    return c;
  }();
  const std::string key_bytes(reinterpret_cast<const char*>(key.digest), sizeof key.digest);
  if (auto record = cache_->get(key_bytes, entry.path)) {
    if (auto outcome = decode_outcome(*record)) {
      ++hits_;
      return std::move(*outcome);
    }
  }
  ++misses_;
  FileOutcome out;
  if (bytes) {
    ReadOnce once(source, entry, std::move(*bytes));
    out = analyse_file(once, entry, config_, rules_);
  } else {
    out = analyse_file(source, entry, config_, rules_);
  }
  // A read error may pass, and a time budget may not be reached elsewhere: neither is remembered.
  if (!(out.skipped && out.skipped->reason == "unreadable") && !out.time_cut) cache_->put(key_bytes, entry.path, encode_outcome(out));
  return out;
}

std::optional<CacheUse> CachedAnalysis::finish(std::vector<Notification>& notes) {
  if (!cache_) return std::nullopt;
  cache_->flush();
  for (auto& w : cache_->take_warnings()) notes.push_back(notification("warning", "", std::move(w)));
  return CacheUse{cache_->file_path(), hits_.load(), misses_.load()};
}

}  // namespace rh
