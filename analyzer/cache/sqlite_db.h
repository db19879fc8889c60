#pragma once
// A small RAII wrapper over sqlite3 for repohealth's caches (the per-file cache, the history
// cache): a connection with WAL and a busy timeout, prepared statements that reset themselves,
// and IMMEDIATE transactions that roll back unless committed. Errors are values carrying
// SQLite's primary result code, so a caller can tell a corrupt or foreign file (rebuild it)
// from a busy one (another scan holds it: leave it alone).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace rh {

/// What went wrong, as far as a cache needs to know.
enum class DbFault {
  none,
  busy,     ///< SQLITE_BUSY / SQLITE_LOCKED after the busy timeout: another process holds it
  corrupt,  ///< SQLITE_CORRUPT / SQLITE_NOTADB / a schema that is not ours: rebuild it
  other,    ///< I/O, permissions, disk full, misuse
};

struct DbError {
  DbFault fault = DbFault::other;
  std::string message;  ///< names the database file and what SQLite said
};

/// Maps an SQLite result code to a fault.
DbFault classify_sqlite_code(int code);

class SqliteDb;

/// A prepared statement. Bind 1-based, step, read 0-based columns; the statement resets (and
/// clears its bindings) when stepped to the end and before each new bind round with reset().
class SqliteStatement {
 public:
  SqliteStatement() = default;
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement();

  SqliteStatement& bind(int index, int64_t value);
  SqliteStatement& bind(int index, std::string_view text);       ///< TEXT
  SqliteStatement& bind_blob(int index, std::string_view bytes);  ///< BLOB
  /// true: a row is ready; false: done (the statement was reset). Errors as DbError.
  std::optional<DbError> step(bool& row);
  /// Steps to the end (an INSERT, UPDATE, DELETE).
  std::optional<DbError> run();
  int64_t column_int(int column) const;
  /// TEXT or BLOB bytes of the current row (valid until the next step or reset).
  std::string_view column_bytes(int column) const;
  bool column_is_null(int column) const;
  void reset();

 private:
  friend class SqliteDb;
  SqliteStatement(sqlite3_stmt* stmt, const SqliteDb* db) : stmt_(stmt), db_(db) {}
  sqlite3_stmt* stmt_ = nullptr;
  const SqliteDb* db_ = nullptr;
};

struct SqliteOpenOptions {
  bool create = true;       ///< create the file when missing
  bool read_only = false;
  int busy_timeout_ms = 5000;
  bool wal = true;          ///< journal_mode=WAL (readers never block the writer)
};

/// One connection. Not shared between threads (each thread opens its own, or the owner
/// serialises use). Symbolic links are refused for the database file (SQLITE_OPEN_NOFOLLOW).
class SqliteDb {
 public:
  static std::variant<std::unique_ptr<SqliteDb>, DbError> open(const std::string& path,
                                                               const SqliteOpenOptions& options = {});
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  /// Runs SQL with no result rows (several statements allowed).
  std::optional<DbError> exec(const std::string& sql);
  std::variant<SqliteStatement, DbError> prepare(const std::string& sql);
  /// One integer from a query such as "PRAGMA user_version" (0 when it gives no row).
  std::variant<int64_t, DbError> query_int(const std::string& sql);

  /// The error of the last call on this connection, with the file named.
  DbError last_error(int code) const;
  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }

 private:
  SqliteDb(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_ = nullptr;
  std::string path_;
};

/// BEGIN IMMEDIATE (takes the write lock now, waiting up to the busy timeout); rolls back on
/// destruction unless commit() succeeded.
class SqliteTransaction {
 public:
  explicit SqliteTransaction(SqliteDb& db) : db_(db) {}
  ~SqliteTransaction();
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;
  std::optional<DbError> begin();
  std::optional<DbError> commit();

 private:
  SqliteDb& db_;
  bool open_ = false;
};

}  // namespace rh
