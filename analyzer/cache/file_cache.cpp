#include "cache/file_cache.h"

#include "cache/cache_folder.h"

#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace rh {
namespace {

constexpr int64_t kApplicationId = 0x52484643;  // "RHFC": repohealth file cache
constexpr int64_t kSchemaVersion = 1;

const char* const kSchema =
    "CREATE TABLE files("
    " key BLOB PRIMARY KEY,"       // XXH128 of settings, path and content id (cli/cached_analysis)
    " path TEXT NOT NULL,"         // checked on every hit
    " used INTEGER NOT NULL,"      // day (since 1970) it was last written or found
    " bytes INTEGER NOT NULL,"     // size of outcome + tokens, for the size bound
    " checksum INTEGER NOT NULL,"  // XXH3 of outcome and tokens: a damaged record is never used
    " outcome BLOB NOT NULL,"
    " tokens BLOB NOT NULL);"
    "CREATE INDEX files_used ON files(used);";

int64_t days_now() {
  using namespace std::chrono;
  return duration_cast<hours>(system_clock::now().time_since_epoch()).count() / 24;
}

int64_t checksum(const FileCacheRecord& r) {
  const uint64_t seed = XXH3_64bits(r.outcome.data(), r.outcome.size());
  return static_cast<int64_t>(XXH3_64bits_withSeed(r.tokens.data(), r.tokens.size(), seed));
}


void move_aside(const std::string& file) {
  ::rename(file.c_str(), (file + ".broken").c_str());
  ::unlink((file + "-wal").c_str());
  ::unlink((file + "-shm").c_str());
}

/// Opens `file` and makes sure it is our schema (creating it in an empty database).
std::variant<std::unique_ptr<SqliteDb>, DbError> open_ours(const std::string& file, int busy_timeout_ms) {
  SqliteOpenOptions options;
  options.busy_timeout_ms = busy_timeout_ms;
  for (int attempt = 0;; ++attempt) {
    auto opened = SqliteDb::open(file, options);
    if (auto* e = std::get_if<DbError>(&opened)) {
      if (e->fault == DbFault::busy && attempt < 3) {  // WAL set-up by a concurrent creator
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        continue;
      }
      return *e;
    }
    auto db = std::move(std::get<std::unique_ptr<SqliteDb>>(opened));
    auto check = [&]() -> std::optional<DbError> {
      auto app = db->query_int("PRAGMA application_id");
      if (auto* e = std::get_if<DbError>(&app)) return *e;
      auto version = db->query_int("PRAGMA user_version");
      if (auto* e = std::get_if<DbError>(&version)) return *e;
      if (std::get<int64_t>(app) == kApplicationId && std::get<int64_t>(version) == kSchemaVersion) return std::nullopt;
      auto tables = db->query_int("SELECT count(*) FROM sqlite_master");
      if (auto* e = std::get_if<DbError>(&tables)) return *e;
      if (std::get<int64_t>(app) != 0 || std::get<int64_t>(version) != 0 || std::get<int64_t>(tables) != 0)
        return DbError{DbFault::corrupt, file + ": not a repohealth file cache (another application or version)"};
      SqliteTransaction txn(*db);
      if (auto e = txn.begin()) return e;
      auto again = db->query_int("PRAGMA application_id");  // a concurrent scan may have created it
      if (auto* e = std::get_if<DbError>(&again)) return *e;
      if (std::get<int64_t>(again) == kApplicationId) return std::nullopt;
      if (auto e = db->exec(std::string(kSchema) + "PRAGMA application_id=" + std::to_string(kApplicationId) +
                            ";PRAGMA user_version=" + std::to_string(kSchemaVersion) + ";"))
        return e;
      return txn.commit();
    };
    if (auto e = check()) {
      if (e->fault == DbFault::busy && attempt < 3) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        continue;
      }
      return *e;
    }
    return db;
  }
}

}  // namespace

std::string default_cache_dir(Message* why) {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && xdg[0] == '/') return std::string(xdg) + "/repohealth";
  const char* home = std::getenv("HOME");
  if (home && home[0] == '/') return std::string(home) + "/.cache/repohealth";
  if (why) *why = msg("cache.no_folder");
  return "";
}

std::unique_ptr<FileCache> FileCache::open(const FileCacheOptions& options, std::vector<Message>& warnings) {
  Message why;
  if (!make_dirs(options.dir, why)) {
    warnings.push_back(nest("cache.files.without", "reason", why));
    return nullptr;
  }
  std::string file = options.dir;
  if (file.back() != '/') file += '/';
  file += kFileName;
  std::unique_ptr<FileCache> cache(new FileCache(options, file));
  if (cache->options_.today == 0) cache->options_.today = days_now();

  Message planted;
  const bool removed = remove_non_files(file, planted);
  auto opened = open_ours(file, options.busy_timeout_ms);
  if (auto* e = std::get_if<DbError>(&opened); e && e->fault == DbFault::corrupt) {
    move_aside(file);
    const std::string problem = e->message;
    opened = open_ours(file, options.busy_timeout_ms);
    if (std::holds_alternative<std::unique_ptr<SqliteDb>>(opened))
      warnings.push_back(msg("cache.files.moved_aside", {text_arg("problem", problem), text_arg("file", file)}));
  } else if (removed && std::holds_alternative<std::unique_ptr<SqliteDb>>(opened)) {
    warnings.push_back(nest("cache.files.planted", "reason", planted));
  }
  if (auto* e = std::get_if<DbError>(&opened)) {
    warnings.push_back(msg(e->fault == DbFault::busy ? "cache.files.not_used_busy" : "cache.files.not_used",
                           {text_arg("problem", e->message)}));
    return nullptr;
  }
  cache->db_ = std::move(std::get<std::unique_ptr<SqliteDb>>(opened));
  return cache;
}

FileCache::~FileCache() = default;

void FileCache::warn_locked(Message message) {
  if (warnings_.empty()) warnings_.push_back(std::move(message));
}

void FileCache::fail_locked(const DbError& error, bool rebuild) {
  if (rebuild) {
    broken_ = true;
    warn_locked(msg("cache.files.rebuilt", {text_arg("problem", error.message), text_arg("file", file_)}));
  } else {
    disabled_ = true;
    warn_locked(msg(error.fault == DbFault::busy ? "cache.files.stopped_busy" : "cache.files.stopped",
                    {text_arg("problem", error.message)}));
  }
}

std::optional<FileCacheRecord> FileCache::get(const std::string& key, const std::string& path) {
  std::lock_guard lock(mu_);
  if (disabled_ || broken_ || !db_) return std::nullopt;
  if (!select_) {
    auto prepared = db_->prepare("SELECT path, used, checksum, outcome, tokens FROM files WHERE key=?1");
    if (auto* e = std::get_if<DbError>(&prepared)) {
      fail_locked(*e, e->fault != DbFault::busy);
      return std::nullopt;
    }
    select_ = std::move(std::get<SqliteStatement>(prepared));
  }
  select_->bind_blob(1, key);
  bool row = false;
  if (auto e = select_->step(row)) {
    fail_locked(*e, e->fault == DbFault::corrupt);
    return std::nullopt;
  }
  if (!row) return std::nullopt;
  FileCacheRecord record{std::string(select_->column_bytes(3)), std::string(select_->column_bytes(4))};
  const bool same_path = select_->column_bytes(0) == path;
  const int64_t used = select_->column_int(1);
  const int64_t sum = select_->column_int(2);
  select_->reset();
  if (sum != checksum(record)) {
    fail_locked(DbError{DbFault::corrupt, file_ + ": a record does not match its checksum"}, true);
    return std::nullopt;
  }
  if (!same_path) return std::nullopt;  // a key collision: analyse the file again
  if (used < options_.today) touched_.push_back(key);
  return record;
}

void FileCache::put(const std::string& key, const std::string& path, FileCacheRecord record) {
  std::lock_guard lock(mu_);
  if (disabled_) return;
  pending_bytes_ += static_cast<int64_t>(record.outcome.size() + record.tokens.size());
  pending_.push_back({key, path, std::move(record)});
  if (pending_bytes_ > options_.batch_bytes && !broken_) {
    if (auto e = write_locked(pending_)) fail_locked(*e, e->fault == DbFault::corrupt);
  }
}

std::optional<DbError> FileCache::write_locked(std::vector<Pending>& pending) {
  if (disabled_ || !db_) return std::nullopt;
  SqliteTransaction txn(*db_);
  if (auto e = txn.begin()) return e;
  auto insert = db_->prepare(
      "INSERT OR REPLACE INTO files(key, path, used, bytes, checksum, outcome, tokens) VALUES(?1,?2,?3,?4,?5,?6,?7)");
  if (auto* e = std::get_if<DbError>(&insert)) return *e;
  auto& ins = std::get<SqliteStatement>(insert);
  for (const Pending& p : pending) {
    ins.bind_blob(1, p.key).bind(2, p.path).bind(3, options_.today);
    ins.bind(4, static_cast<int64_t>(p.record.outcome.size() + p.record.tokens.size()));
    ins.bind(5, checksum(p.record)).bind_blob(6, p.record.outcome).bind_blob(7, p.record.tokens);
    if (auto e = ins.run()) return e;
  }
  if (!touched_.empty()) {
    auto update = db_->prepare("UPDATE files SET used=?1 WHERE key=?2");
    if (auto* e = std::get_if<DbError>(&update)) return *e;
    auto& up = std::get<SqliteStatement>(update);
    for (const std::string& key : touched_) {
      up.bind(1, options_.today).bind_blob(2, key);
      if (auto e = up.run()) return e;
    }
  }
  if (auto e = txn.commit()) return e;
  wrote_ = wrote_ || !pending.empty();
  pending.clear();
  touched_.clear();
  pending_bytes_ = 0;
  return std::nullopt;
}

void FileCache::prune_locked() {
  if (disabled_ || !db_) return;
  SqliteTransaction txn(*db_);
  if (txn.begin()) return;  // busy: another scan prunes
  auto old = db_->prepare("DELETE FROM files WHERE used < ?1");
  if (auto* s = std::get_if<SqliteStatement>(&old)) {
    s->bind(1, options_.today - options_.max_age_days);
    if (s->run()) return;
  }
  auto total = db_->query_int("SELECT coalesce(sum(bytes), 0) FROM files");
  if (auto* t = std::get_if<int64_t>(&total); t && *t > options_.max_bytes) {
    // Least recently used first, down to three quarters of the bound (so pruning is rare).
    auto oldest = db_->prepare("SELECT key, bytes FROM files ORDER BY used ASC");
    auto remove = db_->prepare("DELETE FROM files WHERE key=?1");
    if (!std::holds_alternative<SqliteStatement>(oldest) || !std::holds_alternative<SqliteStatement>(remove)) return;
    auto& sel = std::get<SqliteStatement>(oldest);
    std::vector<std::string> victims;
    int64_t left = *t;
    bool row = true;
    while (left > options_.max_bytes / 4 * 3) {
      if (sel.step(row) || !row) break;
      victims.emplace_back(sel.column_bytes(0));
      left -= sel.column_int(1);
    }
    sel.reset();
    auto& del = std::get<SqliteStatement>(remove);
    for (const std::string& key : victims) {
      del.bind_blob(1, key);
      if (del.run()) return;
    }
  }
  txn.commit();
}

void FileCache::flush() {
  std::lock_guard lock(mu_);
  if (disabled_) return;
  if (broken_) {
    select_.reset();
    db_.reset();
    move_aside(file_);
    auto opened = open_ours(file_, options_.busy_timeout_ms);
    if (auto* e = std::get_if<DbError>(&opened)) {
      disabled_ = true;
      warnings_ = {msg("cache.files.not_rebuilt", {text_arg("file", file_), text_arg("problem", e->message)})};
      return;
    }
    db_ = std::move(std::get<std::unique_ptr<SqliteDb>>(opened));
    broken_ = false;
    touched_.clear();
  }
  if (auto e = write_locked(pending_)) {
    fail_locked(*e, false);
    return;
  }
  if (wrote_) prune_locked();
}

std::vector<Message> FileCache::take_warnings() {
  std::lock_guard lock(mu_);
  return std::move(warnings_);
}

size_t FileCache::records() {
  std::lock_guard lock(mu_);
  if (!db_) return 0;
  auto n = db_->query_int("SELECT count(*) FROM files");
  return std::holds_alternative<int64_t>(n) ? static_cast<size_t>(std::get<int64_t>(n)) : 0;
}

}  // namespace rh
