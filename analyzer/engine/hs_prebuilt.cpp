#include "engine/hs_prebuilt.h"

#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>

namespace rh {
namespace {

constexpr char kMagic[8] = {'R', 'H', 'H', 'S', 'D', 'B', '0', '1'};

/// The blob: this header, `count` entries sorted by key hash, then the keys and databases they
/// point at (positions from the start of the blob).
struct BlobHeader {
  char magic[8];
  uint64_t count;
};
struct BlobEntry {
  uint64_t key_hash, key_at, key_size, db_at, db_size, db_hash;
};

std::atomic<const char*> g_blob{nullptr};
std::atomic<size_t> g_blob_size{0};
std::atomic<uint64_t> g_found{0}, g_compiled{0};
std::mutex g_record_mu;
std::vector<std::vector<HsDatabase::Expression>>* g_record = nullptr;

void append_field(std::string& key, std::string_view field) {
  const uint64_t size = field.size();
  key.append(reinterpret_cast<const char*>(&size), sizeof size);
  key.append(field);
}

}  // namespace

std::string hs_database_key(const std::vector<HsDatabase::Expression>& expressions) {
  std::string key;
  append_field(key, "repohealth hs key 1");
  append_field(key, hs_version());
  append_field(key, "block");
  for (const auto& e : expressions) {
    append_field(key, std::to_string(e.id) + " " + std::to_string(e.flags));
    append_field(key, e.regex);
  }
  return key;
}

Result<std::string> build_hs_database_blob(const std::vector<std::vector<HsDatabase::Expression>>& sets,
                                           std::vector<std::string>* left_out) {
  std::map<std::string, std::string> by_key;  // key -> serialized database
  for (const auto& set : sets) {
    std::string key = hs_database_key(set);
    if (set.empty() || by_key.contains(key)) continue;
    std::vector<const char*> patterns;
    std::vector<unsigned> flags, ids;
    for (const auto& e : set) {
      patterns.push_back(e.regex.c_str());
      flags.push_back(e.flags);
      ids.push_back(e.id);
    }
    hs_platform_info_t generic{};
    generic.tune = HS_TUNE_FAMILY_GENERIC;
    generic.cpu_features = 0;
    hs_database_t* db = nullptr;
    hs_compile_error_t* err = nullptr;
    if (hs_compile_multi(patterns.data(), flags.data(), ids.data(), static_cast<unsigned>(patterns.size()),
                         HS_MODE_BLOCK, &generic, &db, &err) != HS_SUCCESS) {
      if (left_out)
        left_out->push_back("'" + set.front().regex + "'" +
                            (err && err->message ? std::string(": ") + err->message : std::string()));
      hs_free_compile_error(err);
      continue;
    }
    char* bytes = nullptr;
    size_t size = 0;
    const bool serialized = hs_serialize_database(db, &bytes, &size) == HS_SUCCESS;
    hs_free_database(db);
    if (!serialized) return Error{"cannot serialize the database of '" + set.front().regex + "'"};
    by_key.emplace(std::move(key), std::string(bytes, size));
    std::free(bytes);
  }
  std::vector<BlobEntry> entries;
  std::string data;
  const size_t data_at = sizeof(BlobHeader) + by_key.size() * sizeof(BlobEntry);
  for (const auto& [key, db] : by_key) {
    BlobEntry e{};
    e.key_hash = XXH64(key.data(), key.size(), 0);
    e.key_at = data_at + data.size();
    e.key_size = key.size();
    data += key;
    data.resize((data.size() + 7) / 8 * 8, '\0');
    e.db_at = data_at + data.size();
    e.db_size = db.size();
    e.db_hash = XXH64(db.data(), db.size(), 0);
    data += db;
    data.resize((data.size() + 7) / 8 * 8, '\0');
    entries.push_back(e);
  }
  std::sort(entries.begin(), entries.end(), [](const BlobEntry& a, const BlobEntry& b) { return a.key_hash < b.key_hash; });
  BlobHeader header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.count = entries.size();
  std::string blob(reinterpret_cast<const char*>(&header), sizeof header);
  blob.append(reinterpret_cast<const char*>(entries.data()), entries.size() * sizeof(BlobEntry));
  blob += data;
  return blob;
}

std::unique_ptr<HsDatabase> find_prebuilt_hs_database(std::string_view blob,
                                                      const std::vector<HsDatabase::Expression>& expressions) {
  BlobHeader header;
  if (blob.size() < sizeof header) return nullptr;
  std::memcpy(&header, blob.data(), sizeof header);
  if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0) return nullptr;
  if (header.count > (blob.size() - sizeof header) / sizeof(BlobEntry)) return nullptr;
  const std::string key = hs_database_key(expressions);
  const uint64_t hash = XXH64(key.data(), key.size(), 0);
  auto entry = [&](uint64_t i) {
    BlobEntry e;
    std::memcpy(&e, blob.data() + sizeof header + i * sizeof e, sizeof e);
    return e;
  };
  uint64_t lo = 0, hi = header.count;  // first entry whose hash is not below `hash`
  while (lo < hi) {
    const uint64_t mid = lo + (hi - lo) / 2;
    if (entry(mid).key_hash < hash) lo = mid + 1;
    else hi = mid;
  }
  auto inside = [&](uint64_t at, uint64_t size) { return at <= blob.size() && size <= blob.size() - at; };
  for (uint64_t i = lo; i < header.count; ++i) {
    const BlobEntry e = entry(i);
    if (e.key_hash != hash) break;
    if (!inside(e.key_at, e.key_size) || !inside(e.db_at, e.db_size)) return nullptr;
    if (blob.substr(e.key_at, e.key_size) != key) continue;  // another set with the same hash
    const char* bytes = blob.data() + e.db_at;
    if (XXH64(bytes, e.db_size, 0) != e.db_hash) return nullptr;  // damaged
    hs_database_t* db = nullptr;
    if (hs_deserialize_database(bytes, e.db_size, &db) != HS_SUCCESS) return nullptr;
    return HsDatabase::adopt(db);
  }
  return nullptr;
}

void use_prebuilt_hs_databases(std::string_view blob) {
  g_blob_size.store(blob.size());
  g_blob.store(blob.empty() ? nullptr : blob.data());
}

HsPrebuiltStats hs_prebuilt_stats() { return {g_found.load(), g_compiled.load()}; }

void record_hs_compiles(std::vector<std::vector<HsDatabase::Expression>>* sink) {
  std::lock_guard lock(g_record_mu);
  g_record = sink;
}

namespace detail {

std::unique_ptr<HsDatabase> prebuilt_or_null(const std::vector<HsDatabase::Expression>& expressions) {
  {
    std::lock_guard lock(g_record_mu);
    if (g_record) g_record->push_back(expressions);
  }
  const char* blob = g_blob.load();
  if (!blob) return nullptr;
  auto db = find_prebuilt_hs_database(std::string_view(blob, g_blob_size.load()), expressions);
  if (db) ++g_found;
  return db;
}

void count_compiled() { ++g_compiled; }

}  // namespace detail
}  // namespace rh
