#include "history/history_cache.h"

#include "cache/cache_folder.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

namespace rh::history {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSchema = "repohealth-history";
/// What makes a record: the tool version and the diff rules of tree_diff.cpp (renames by blob
/// id, then by content at 50 % similarity up to a million pairs; lines from blob diffs without
/// attributes). Records of another format are dropped, not read.
constexpr const char* kFormat =
    "v1; commits; renames exact+50%/1000000 pairs; lines git_diff_blobs; tool " REPOHEALTH_VERSION;
constexpr const char* kTables =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS changes(key BLOB PRIMARY KEY, lines INTEGER NOT NULL, data BLOB "
    "NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS commits(id BLOB PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;";
constexpr size_t kFlushBytes = size_t{64} << 20;
constexpr int kBusyTimeoutMs = 5000;

// ---- record format: varints and length-prefixed strings --------------------------------------

void put_varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void put_string(std::string& out, const std::string& s) {
  put_varint(out, s.size());
  out += s;
}

struct Reader {
  const unsigned char* at;
  const unsigned char* end;
  bool ok = true;
  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at >= end) break;
      const unsigned char b = *at++;
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    ok = false;
    return 0;
  }
  std::string string() {
    const uint64_t n = varint();
    if (!ok || n > static_cast<uint64_t>(end - at)) {
      ok = false;
      return {};
    }
    std::string s(reinterpret_cast<const char*>(at), static_cast<size_t>(n));
    at += n;
    return s;
  }
};

uint64_t zigzag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
int64_t unzigzag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

enum : uint8_t { kLines = 1, kBinary = 2 };

std::string record_key(const git_oid* parent_tree, const git_oid& tree) {
  std::string key(reinterpret_cast<const char*>(tree.id), GIT_OID_RAWSZ);
  if (parent_tree)
    key.append(reinterpret_cast<const char*>(parent_tree->id), GIT_OID_RAWSZ);
  else
    key.append(GIT_OID_RAWSZ, '\0');
  return key;
}

// ---- opening ---------------------------------------------------------------------------------

enum class Opened { ok, busy, broken };

bool busy_code(int rc) { return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED; }

/// Runs `sql`; the error message in `error`.
int exec(sqlite3* db, const char* sql, std::string& error) {
  char* msg = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &msg);
  if (rc != SQLITE_OK) error = msg ? msg : sqlite3_errstr(rc);
  sqlite3_free(msg);
  return rc;
}

/// The single text value of `sql`, or nullopt-like empty with `found` false.
int query_text(sqlite3* db, const char* sql, std::string& value, bool& found, std::string& error) {
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
  found = false;
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(st, 0);
      value = text ? reinterpret_cast<const char*>(text) : "";
      found = true;
      rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
      rc = SQLITE_OK;
    }
  }
  if (rc != SQLITE_OK) error = sqlite3_errmsg(db);
  sqlite3_finalize(st);
  return rc;
}

/// Checks a freshly opened file and sets it up: ours (records of another format are dropped),
/// empty (the schema is created), or something else (broken, with the reason in `error`).
Opened prepare(sqlite3* db, std::string& error) {
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  auto result = [&](int rc) { return busy_code(rc) ? Opened::busy : Opened::broken; };
  std::string value;
  bool found = false;
  int rc = query_text(db, "PRAGMA journal_mode=WAL", value, found, error);
  if (rc != SQLITE_OK) return result(rc);
  if (exec(db, "PRAGMA synchronous=NORMAL", error) != SQLITE_OK) return Opened::broken;
  rc = query_text(db, "PRAGMA quick_check", value, found, error);
  if (rc != SQLITE_OK) return result(rc);
  if (value != "ok") {
    error = "damaged: " + value;
    return Opened::broken;
  }
  rc = query_text(db, "SELECT count(*) FROM sqlite_master", value, found, error);
  if (rc != SQLITE_OK) return result(rc);
  if (value == "0") {
    std::string sql = std::string("BEGIN IMMEDIATE;") + kTables +
                      "INSERT OR REPLACE INTO meta VALUES('schema', '" + kSchema +
                      "'), ('format', '" + kFormat + "');COMMIT;";
    rc = exec(db, sql.c_str(), error);
    if (rc != SQLITE_OK) {
      std::string ignored;
      exec(db, "ROLLBACK", ignored);
      return result(rc);
    }
  }
  rc = query_text(db, "SELECT value FROM meta WHERE key = 'schema'", value, found, error);
  if (rc != SQLITE_OK && busy_code(rc)) return Opened::busy;
  if (rc != SQLITE_OK || !found || value != kSchema) {
    error = "not a repohealth history cache";
    return Opened::broken;
  }
  rc = query_text(db, "SELECT value FROM meta WHERE key = 'format'", value, found, error);
  if (rc != SQLITE_OK) return result(rc);
  if (!found || value != kFormat) {  // another version's records: dropped
    std::string sql = std::string("BEGIN IMMEDIATE;") + kTables +
                      "DELETE FROM changes; DELETE FROM commits;"
                      "INSERT OR REPLACE INTO meta VALUES('format', '" + kFormat + "'); COMMIT;";
    rc = exec(db, sql.c_str(), error);
    if (rc != SQLITE_OK) {
      std::string ignored;
      exec(db, "ROLLBACK", ignored);
      return result(rc);
    }
  }
  return Opened::ok;
}

void remove_files(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
}

}  // namespace

std::string encode_changes(const CommitChanges& changes) {
  std::string out;
  put_varint(out, changes.renames_skipped ? 1 : 0);
  put_varint(out, changes.files.size());
  for (const FileChange& fc : changes.files) {
    out.push_back(static_cast<char>(fc.kind));
    out.push_back(static_cast<char>((fc.lines ? kLines : 0) | (fc.binary ? kBinary : 0)));
    put_string(out, fc.path);
    // A modification names one path: the old one is written only when it differs.
    put_string(out, fc.old_path == fc.path ? std::string() : fc.old_path);
    put_varint(out, static_cast<uint64_t>(fc.lines_added));
    put_varint(out, static_cast<uint64_t>(fc.lines_deleted));
  }
  return out;
}

bool decode_changes(const void* data, size_t size, CommitChanges& out) {
  out = CommitChanges{};
  Reader r{static_cast<const unsigned char*>(data), static_cast<const unsigned char*>(data) + size};
  const uint64_t flags = r.varint();
  const uint64_t n = r.varint();
  if (!r.ok || flags > 1 || n > size) return false;  // every change takes bytes
  out.renames_skipped = flags == 1;
  out.files.reserve(static_cast<size_t>(n));
  for (uint64_t i = 0; i < n; ++i) {
    if (r.end - r.at < 2) return false;
    const unsigned char kind = *r.at++;
    const unsigned char bits = *r.at++;
    if (kind > static_cast<unsigned char>(ChangeKind::renamed) || bits > 3) return false;
    FileChange fc;
    fc.kind = static_cast<ChangeKind>(kind);
    fc.lines = bits & kLines;
    fc.binary = bits & kBinary;
    fc.path = r.string();
    fc.old_path = r.string();
    if (fc.kind == ChangeKind::modified) fc.old_path = fc.path;
    fc.lines_added = static_cast<int64_t>(r.varint());
    fc.lines_deleted = static_cast<int64_t>(r.varint());
    if (!r.ok || fc.lines_added < 0 || fc.lines_deleted < 0) return false;
    out.files.push_back(std::move(fc));
  }
  return r.at == r.end;
}

std::string encode_commit(const CommitRecord& r) {
  std::string out(reinterpret_cast<const char*>(r.tree.id), GIT_OID_RAWSZ);
  put_varint(out, zigzag(r.time));
  put_varint(out, zigzag(r.commit_time));
  put_string(out, r.name);
  put_string(out, r.email);
  out.push_back(static_cast<char>(r.message));
  put_varint(out, r.parents.size());
  for (const git_oid& p : r.parents) out.append(reinterpret_cast<const char*>(p.id), GIT_OID_RAWSZ);
  return out;
}

bool decode_commit(const void* data, size_t size, CommitRecord& out) {
  Reader r{static_cast<const unsigned char*>(data), static_cast<const unsigned char*>(data) + size};
  if (size < GIT_OID_RAWSZ) return false;
  git_oid_fromraw(&out.tree, r.at);
  r.at += GIT_OID_RAWSZ;
  out.time = unzigzag(r.varint());
  out.commit_time = unzigzag(r.varint());
  out.name = r.string();
  out.email = r.string();
  if (!r.ok || r.at >= r.end) return false;
  out.message = *r.at++;
  const uint64_t n = r.varint();
  if (!r.ok || out.message > 31 || n * GIT_OID_RAWSZ != static_cast<uint64_t>(r.end - r.at))
    return false;
  out.parents.resize(static_cast<size_t>(n));
  for (git_oid& p : out.parents) {
    git_oid_fromraw(&p, r.at);
    r.at += GIT_OID_RAWSZ;
  }
  return true;
}

std::unique_ptr<HistoryCache> HistoryCache::open(const std::string& dir,
                                                 std::vector<Message>& notes) {
  Message why;
  if (!make_dirs(dir, why)) {  // the cache folder's rules: private folders, plain files only
    notes.push_back(nest("cache.history.not_cached", "reason", why));
    return nullptr;
  }
  const std::string path = (fs::path(dir) / kFileName).string();
  Message planted;
  if (remove_non_files(path, planted)) notes.push_back(nest("cache.history.planted", "reason", planted));
  std::string problem;
  for (int attempt = 0; attempt < 2; ++attempt) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW,
                                   nullptr);
    Opened state = Opened::broken;
    if (rc == SQLITE_OK) {
      state = prepare(db, problem);
      if (state == Opened::ok) return std::unique_ptr<HistoryCache>(new HistoryCache(db, path, notes));
    } else {
      problem = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    }
    sqlite3_close(db);
    if (state == Opened::busy) {
      notes.push_back(msg("cache.history.locked", {text_arg("file", path), text_arg("problem", problem)}));
      return nullptr;
    }
    if (attempt == 0) {
      notes.push_back(msg("cache.history.rebuilt", {text_arg("file", path), text_arg("problem", problem)}));
      remove_files(path);
    }
  }
  notes.push_back(msg("cache.history.cannot_create", {text_arg("file", path), text_arg("problem", problem)}));
  return nullptr;
}

HistoryCache::HistoryCache(sqlite3* db, std::string path, std::vector<Message>& notes)
    : db_(db), path_(std::move(path)), notes_(notes) {
  if (sqlite3_prepare_v2(db_, "SELECT lines, data FROM changes WHERE key = ?", -1, &select_,
                         nullptr) != SQLITE_OK ||
      sqlite3_prepare_v2(db_, "INSERT OR REPLACE INTO changes(key, lines, data) VALUES(?, ?, ?)",
                         -1, &insert_, nullptr) != SQLITE_OK ||
      sqlite3_prepare_v2(db_, "SELECT data FROM commits WHERE id = ?", -1, &select_commit_,
                         nullptr) != SQLITE_OK ||
      sqlite3_prepare_v2(db_, "INSERT OR REPLACE INTO commits(id, data) VALUES(?, ?)", -1,
                         &insert_commit_, nullptr) != SQLITE_OK)
    fail(sqlite3_errmsg(db_));
}

HistoryCache::~HistoryCache() {
  flush();
  sqlite3_finalize(select_);
  sqlite3_finalize(insert_);
  sqlite3_finalize(select_commit_);
  sqlite3_finalize(insert_commit_);
  sqlite3_close(db_);
}

void HistoryCache::fail(const std::string& what) {
  if (failed_) return;
  failed_ = true;
  pending_.clear();
  pending_bytes_.clear();
  notes_.push_back(msg("cache.history.failed", {text_arg("file", path_), text_arg("problem", what)}));
}

bool HistoryCache::load(const git_oid* parent_tree, const git_oid& tree, bool need_lines,
                        CommitChanges& out) {
  if (failed_) return false;
  const std::string key = record_key(parent_tree, tree);
  sqlite3_reset(select_);
  sqlite3_bind_blob(select_, 1, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
  const int rc = sqlite3_step(select_);
  if (rc == SQLITE_DONE) return false;
  if (rc != SQLITE_ROW) {
    fail(sqlite3_errmsg(db_));
    return false;
  }
  const bool lines = sqlite3_column_int(select_, 0) != 0;
  if (need_lines && !lines) return false;
  const void* data = sqlite3_column_blob(select_, 1);
  const int size = sqlite3_column_bytes(select_, 1);
  const bool ok = size >= 0 && decode_changes(data, static_cast<size_t>(size), out);
  sqlite3_reset(select_);
  if (!ok) return false;  // diffed again and replaced
  if (!need_lines)
    for (FileChange& fc : out.files) {
      fc.lines = fc.binary = false;
      fc.lines_added = fc.lines_deleted = 0;
    }
  return true;
}

bool HistoryCache::load_commit(const git_oid& id, CommitRecord& out) {
  if (failed_) return false;
  sqlite3_reset(select_commit_);
  sqlite3_bind_blob(select_commit_, 1, id.id, GIT_OID_RAWSZ, SQLITE_STATIC);
  const int rc = sqlite3_step(select_commit_);
  if (rc == SQLITE_DONE) return false;
  if (rc != SQLITE_ROW) {
    fail(sqlite3_errmsg(db_));
    return false;
  }
  const void* data = sqlite3_column_blob(select_commit_, 0);
  const int size = sqlite3_column_bytes(select_commit_, 0);
  const bool ok = size >= 0 && decode_commit(data, static_cast<size_t>(size), out);
  sqlite3_reset(select_commit_);
  return ok;  // a record that does not decode: read from git and replaced
}

void HistoryCache::store_commit(const git_oid& id, const CommitRecord& record) {
  if (failed_) return;
  add(std::string_view(reinterpret_cast<const char*>(id.id), GIT_OID_RAWSZ), -1,
      encode_commit(record));
}

void HistoryCache::store(const git_oid* parent_tree, const git_oid& tree, bool with_lines,
                         const CommitChanges& changes) {
  if (failed_ || changes.unreadable_blobs > 0 || changes.renames_unknown) return;
  add(record_key(parent_tree, tree), with_lines ? 1 : 0, encode_changes(changes));
}

void HistoryCache::add(std::string_view key, int lines, std::string_view data) {
  pending_.push_back({pending_bytes_.size(), static_cast<uint32_t>(key.size()),
                      static_cast<uint32_t>(data.size()), lines});
  pending_bytes_ += key;
  pending_bytes_ += data;
  if (pending_bytes_.size() >= kFlushBytes) flush();
}

void HistoryCache::flush() {
  if (failed_ || pending_.empty()) return;
  std::string error;
  if (exec(db_, "BEGIN IMMEDIATE", error) != SQLITE_OK) {
    fail(error);
    return;
  }
  auto key = [&](const Pending& p) {
    return std::string_view(pending_bytes_).substr(p.offset, p.key_size);
  };
  std::sort(pending_.begin(), pending_.end(), [&](const Pending& a, const Pending& b) {
    return (a.lines < 0) != (b.lines < 0) ? a.lines < 0 : key(a) < key(b);
  });
  for (const Pending& p : pending_) {
    sqlite3_stmt* st = p.lines < 0 ? insert_commit_ : insert_;
    const char* bytes = pending_bytes_.data() + p.offset;
    sqlite3_reset(st);
    sqlite3_bind_blob(st, 1, bytes, static_cast<int>(p.key_size), SQLITE_STATIC);
    if (p.lines < 0) {
      sqlite3_bind_blob(st, 2, bytes + p.key_size, static_cast<int>(p.data_size), SQLITE_STATIC);
    } else {
      sqlite3_bind_int(st, 2, p.lines);
      sqlite3_bind_blob(st, 3, bytes + p.key_size, static_cast<int>(p.data_size), SQLITE_STATIC);
    }
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
      const std::string what = sqlite3_errmsg(db_);
      exec(db_, "ROLLBACK", error);
      fail(what);
      return;
    }
  }
  pending_.clear();
  pending_bytes_.clear();
  if (exec(db_, "COMMIT", error) != SQLITE_OK) {
    exec(db_, "ROLLBACK", error);
    fail(error);
  }
}

}  // namespace rh::history
