#include "cache/sqlite_db.h"

#include <sqlite3.h>

namespace rh {

DbFault classify_sqlite_code(int code) {
  switch (code & 0xff) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
      return DbFault::none;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return DbFault::busy;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
    case SQLITE_SCHEMA:
      return DbFault::corrupt;
    default:
      return DbFault::other;
  }
}

DbError SqliteDb::last_error(int code) const {
  std::string what = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
  return DbError{classify_sqlite_code(code), path_ + ": " + what};
}

std::variant<std::unique_ptr<SqliteDb>, DbError> SqliteDb::open(const std::string& path,
                                                                const SqliteOpenOptions& options) {
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW;
  flags |= options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (options.create && !options.read_only) flags |= SQLITE_OPEN_CREATE;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  std::unique_ptr<SqliteDb> db(new SqliteDb(raw, path));
  if (rc != SQLITE_OK) return db->last_error(rc);
  sqlite3_busy_timeout(raw, options.busy_timeout_ms);
  sqlite3_extended_result_codes(raw, 1);
  // Reading the journal mode is the first access to the file: a file that is not a database
  // fails here with SQLITE_NOTADB.
  if (options.wal && !options.read_only) {
    if (auto e = db->exec("PRAGMA journal_mode=WAL")) return *e;
    if (auto e = db->exec("PRAGMA synchronous=NORMAL")) return *e;
  } else {
    auto n = db->query_int("PRAGMA schema_version");
    if (auto* e = std::get_if<DbError>(&n)) return *e;
  }
  return db;
}

SqliteDb::~SqliteDb() {
  if (db_) sqlite3_close_v2(db_);
}

std::optional<DbError> SqliteDb::exec(const std::string& sql) {
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return last_error(rc);
  return std::nullopt;
}

std::variant<SqliteStatement, DbError> SqliteDb::prepare(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    if (stmt) sqlite3_finalize(stmt);
    return last_error(rc);
  }
  return SqliteStatement(stmt, this);
}

std::variant<int64_t, DbError> SqliteDb::query_int(const std::string& sql) {
  auto prepared = prepare(sql);
  if (auto* e = std::get_if<DbError>(&prepared)) return *e;
  auto& stmt = std::get<SqliteStatement>(prepared);
  bool row = false;
  if (auto e = stmt.step(row)) return *e;
  return row ? stmt.column_int(0) : int64_t{0};
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept : stmt_(other.stmt_), db_(other.db_) {
  other.stmt_ = nullptr;
}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
  if (this != &other) {
    if (stmt_) sqlite3_finalize(stmt_);
    stmt_ = other.stmt_;
    db_ = other.db_;
    other.stmt_ = nullptr;
  }
  return *this;
}

SqliteStatement::~SqliteStatement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

SqliteStatement& SqliteStatement::bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

SqliteStatement& SqliteStatement::bind_blob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}

std::optional<DbError> SqliteStatement::step(bool& row) {
  const int rc = sqlite3_step(stmt_);
  row = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW) return std::nullopt;
  std::optional<DbError> error;
  if (rc != SQLITE_DONE) error = db_->last_error(rc);
  reset();
  return error;
}

std::optional<DbError> SqliteStatement::run() {
  bool row = true;
  while (row) {
    if (auto e = step(row)) return e;
  }
  return std::nullopt;
}

int64_t SqliteStatement::column_int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string_view SqliteStatement::column_bytes(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  const int size = sqlite3_column_bytes(stmt_, column);
  return data ? std::string_view(static_cast<const char*>(data), static_cast<size_t>(size)) : std::string_view();
}

bool SqliteStatement::column_is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

void SqliteStatement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::optional<DbError> SqliteTransaction::begin() {
  if (auto e = db_.exec("BEGIN IMMEDIATE")) return e;
  open_ = true;
  return std::nullopt;
}

std::optional<DbError> SqliteTransaction::commit() {
  if (auto e = db_.exec("COMMIT")) return e;
  open_ = false;
  return std::nullopt;
}

SqliteTransaction::~SqliteTransaction() {
  if (open_) db_.exec("ROLLBACK");
}

}  // namespace rh
