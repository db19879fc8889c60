#pragma once
// The per-file result cache (docs/cache.md): one SQLite file in the cache folder holding, for
// each key, what analysing one file produced (opaque bytes to this layer: the caller encodes
// facts, findings, notes and clone tokens). Lookups are thread-safe; new records are queued and
// written in one IMMEDIATE transaction (or a few large batches), so analysis threads never
// contend on the database.
//
// Never trusted, never fatal: a file that is not SQLite, not ours (another application or
// schema), damaged (SQLite reports corruption, or a record's checksum does not match) or a
// symbolic link is reported once as a warning and rebuilt (moved aside to *.broken); when it
// cannot be rebuilt, or another scan holds it longer than the busy timeout, the scan goes on
// without it with that one warning.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cache/sqlite_db.h"
#include "core/message.h"

namespace rh {

/// The cache folder: `--cache DIR`, else $XDG_CACHE_HOME/repohealth, else $HOME/.cache/repohealth.
/// "" with `why` set when neither variable names a usable (absolute) folder.
std::string default_cache_dir(Message* why = nullptr);

struct FileCacheOptions {
  std::string dir;                           ///< created (0700) when missing
  int max_age_days = 30;                     ///< records unused this long are dropped
  int64_t max_bytes = int64_t{1} << 30;      ///< beyond this, the least recently used go first
  int64_t today = 0;                         ///< days since 1970-01-01; 0 = the clock's
  int64_t batch_bytes = int64_t{16} << 20;   ///< queued bytes that trigger a write before flush()
  int busy_timeout_ms = 5000;                ///< how long a write waits for another scan's
};

struct FileCacheRecord {
  std::string outcome;  ///< the encoded per-file result
  std::string tokens;   ///< the encoded clone-detection tokens
};

class FileCache {
 public:
  /// The database file's name in the cache folder (versioned: another schema uses another name).
  /// v2: findings carry their message arguments (Finding::arguments).
  static constexpr const char* kFileName = "files-v2.sqlite";

  /// Opens or creates the cache. nullptr when it cannot be used at all; `warnings` then holds
  /// the one reason. A rebuilt file also adds one warning (the cache is still returned).
  static std::unique_ptr<FileCache> open(const FileCacheOptions& options, std::vector<Message>& warnings);
  ~FileCache();

  /// The record stored for `key` (whose path must match), or nothing. Thread-safe. A damaged
  /// record or database disables further lookups; the file is rebuilt at flush().
  std::optional<FileCacheRecord> get(const std::string& key, const std::string& path);
  /// Queues a record. Thread-safe; may write a batch when the queue is large.
  void put(const std::string& key, const std::string& path, FileCacheRecord record);
  /// Writes what is queued, marks the records found today as used, and drops old ones.
  void flush();
  /// Warnings (at most one per scan) for the scan's notifications.
  std::vector<Message> take_warnings();

  const std::string& file_path() const { return file_; }
  size_t records();  ///< for tests: records in the file

 private:
  FileCache(FileCacheOptions options, std::string file) : options_(std::move(options)), file_(std::move(file)) {}
  struct Pending {
    std::string key, path;
    FileCacheRecord record;
  };
  std::optional<DbError> write_locked(std::vector<Pending>& pending);
  void prune_locked();
  void fail_locked(const DbError& error, bool rebuild);
  void warn_locked(Message message);

  FileCacheOptions options_;
  std::string file_;
  std::mutex mu_;
  std::unique_ptr<SqliteDb> db_;
  std::optional<SqliteStatement> select_;
  std::vector<Pending> pending_;
  int64_t pending_bytes_ = 0;
  std::vector<std::string> touched_;  ///< keys found whose `used` day is older than today
  bool broken_ = false;               ///< damaged: lookups off, rebuild at flush
  bool disabled_ = false;             ///< unusable: nothing more is read or written
  bool wrote_ = false;
  std::vector<Message> warnings_;
};

}  // namespace rh
