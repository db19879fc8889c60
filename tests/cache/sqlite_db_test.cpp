#include "cache/sqlite_db.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace rh {
namespace {

std::unique_ptr<SqliteDb> open_ok(const std::string& path) {
  auto opened = SqliteDb::open(path);
  if (auto* e = std::get_if<DbError>(&opened)) ADD_FAILURE() << e->message;
  return std::holds_alternative<std::unique_ptr<SqliteDb>>(opened) ? std::move(std::get<0>(opened)) : nullptr;
}

TEST(SqliteDb, StatementsBindStepAndReset) {
  test::TempDir dir;
  auto db = open_ok(dir.str() + "/a.sqlite");
  ASSERT_TRUE(db);
  ASSERT_FALSE(db->exec("CREATE TABLE t(k TEXT PRIMARY KEY, n INTEGER, b BLOB)"));
  auto ins = db->prepare("INSERT INTO t VALUES(?1, ?2, ?3)");
  ASSERT_TRUE(std::holds_alternative<SqliteStatement>(ins));
  auto& s = std::get<SqliteStatement>(ins);
  const std::string blob("a\0b", 3);
  ASSERT_FALSE(s.bind(1, std::string_view("x")).bind(2, int64_t{42}).bind_blob(3, blob).run());
  ASSERT_FALSE(s.bind(1, std::string_view("y")).bind(2, int64_t{7}).bind_blob(3, "").run());  // reusable after run
  auto sel = db->prepare("SELECT n, b FROM t WHERE k=?1");
  auto& q = std::get<SqliteStatement>(sel);
  bool row = false;
  ASSERT_FALSE(q.bind(1, std::string_view("x")).step(row));
  ASSERT_TRUE(row);
  EXPECT_EQ(q.column_int(0), 42);
  EXPECT_EQ(q.column_bytes(1), blob);
  q.reset();
  EXPECT_EQ(std::get<int64_t>(db->query_int("SELECT count(*) FROM t")), 2);
  EXPECT_EQ(std::get<int64_t>(db->query_int("SELECT n FROM t WHERE k='none'")), 0);  // no row: 0
}

TEST(SqliteDb, TransactionRollsBackUnlessCommitted) {
  test::TempDir dir;
  auto db = open_ok(dir.str() + "/a.sqlite");
  ASSERT_TRUE(db);
  ASSERT_FALSE(db->exec("CREATE TABLE t(n INTEGER)"));
  {
    SqliteTransaction txn(*db);
    ASSERT_FALSE(txn.begin());
    ASSERT_FALSE(db->exec("INSERT INTO t VALUES(1)"));
  }
  EXPECT_EQ(std::get<int64_t>(db->query_int("SELECT count(*) FROM t")), 0);
  {
    SqliteTransaction txn(*db);
    ASSERT_FALSE(txn.begin());
    ASSERT_FALSE(db->exec("INSERT INTO t VALUES(1)"));
    ASSERT_FALSE(txn.commit());
  }
  EXPECT_EQ(std::get<int64_t>(db->query_int("SELECT count(*) FROM t")), 1);
  auto mode = db->prepare("PRAGMA journal_mode");
  bool row = false;
  ASSERT_FALSE(std::get<SqliteStatement>(mode).step(row));
  EXPECT_EQ(std::get<SqliteStatement>(mode).column_bytes(0), "wal");
}

TEST(SqliteDb, NotADatabaseIsACorruptFaultNamingTheFile) {
  test::TempDir dir;
  test::write_file(dir.path(), "x.sqlite", std::string(4096, 'x'));
  auto opened = SqliteDb::open(dir.str() + "/x.sqlite");
  ASSERT_TRUE(std::holds_alternative<DbError>(opened));
  const DbError& e = std::get<DbError>(opened);
  EXPECT_EQ(e.fault, DbFault::corrupt);
  EXPECT_NE(e.message.find("x.sqlite"), std::string::npos) << e.message;
}

TEST(SqliteDb, RefusesASymbolicLinkAsTheDatabase) {
  test::TempDir dir;
  test::write_file(dir.path(), "elsewhere/target", "");
  std::filesystem::create_symlink(dir.path() / "elsewhere/target", dir.path() / "link.sqlite");
  auto opened = SqliteDb::open(dir.str() + "/link.sqlite");
  EXPECT_TRUE(std::holds_alternative<DbError>(opened));
  EXPECT_EQ(test::read_file(dir.path() / "elsewhere/target"), "");
}

TEST(SqliteDb, BusyWriterIsABusyFault) {
  test::TempDir dir;
  const std::string path = dir.str() + "/a.sqlite";
  auto first = open_ok(path);
  ASSERT_TRUE(first);
  ASSERT_FALSE(first->exec("CREATE TABLE t(n INTEGER)"));
  SqliteOpenOptions quick;
  quick.busy_timeout_ms = 50;
  auto opened = SqliteDb::open(path, quick);
  ASSERT_TRUE(std::holds_alternative<std::unique_ptr<SqliteDb>>(opened));
  auto& second = std::get<std::unique_ptr<SqliteDb>>(opened);
  SqliteTransaction holds(*first);
  ASSERT_FALSE(holds.begin());
  SqliteTransaction waits(*second);
  auto e = waits.begin();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->fault, DbFault::busy);
  // Readers are not blocked by the writer (WAL).
  EXPECT_EQ(std::get<int64_t>(second->query_int("SELECT count(*) FROM t")), 0);
}

}  // namespace
}  // namespace rh
