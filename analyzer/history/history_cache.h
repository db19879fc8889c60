#pragma once
// The history cache, in SQLite (`history-v1.sqlite` in the cache folder): each commit's record
// (tree, parents, dates, author as written, message facts: walk.h's CommitRecord), keyed by
// commit id, so known commit objects are not read again; and the changes of each commit diffed
// (tree_diff.h), so that a scan after new commits diffs only those.
// A changes record is keyed by the pair of trees it compares (the commit's tree and its first parent's,
// or none): the changes depend on nothing else, so a record is right in any repository, shallow
// or not, and for any revision. Line counts are kept with the record when they were counted; a
// run needing lines for a record without them diffs that commit again and replaces it.
// The aggregation (windows, ownership, truck factor…) is always recomputed from the records.
//
// Robustness (never trusted, never fatal): a file that is not a SQLite database, is damaged,
// or holds something else is reported once (a note) and rebuilt; a record that does not decode
// is diffed again; a cache locked by another scan for longer than the busy timeout is left
// alone for this run (a note). Concurrent scans share it safely (WAL journal, busy timeout).
#include <git2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/message.h"
#include "history/tree_diff.h"
#include "history/walk.h"

struct sqlite3;
struct sqlite3_stmt;

namespace rh::history {

class HistoryCache : public CommitStore {
 public:
  /// Opens (creating it when needed) the cache in `dir`. Null when there is no usable cache;
  /// what a reviewer should know goes to `notes`.
  static std::unique_ptr<HistoryCache> open(const std::string& dir, std::vector<Message>& notes);
  ~HistoryCache();
  HistoryCache(const HistoryCache&) = delete;
  HistoryCache& operator=(const HistoryCache&) = delete;

  /// The changes from `parent_tree` (null: none) to `tree`, when recorded, with line counts
  /// when `need_lines` (a record without them is then not used). Without `need_lines` any
  /// recorded line counts are dropped, so the result equals a diff without lines.
  bool load(const git_oid* parent_tree, const git_oid& tree, bool need_lines, CommitChanges& out);
  /// Records the changes of a diff (`with_lines`: lines were counted). Changes whose lines or
  /// renames could not be read completely (missing blobs) are not recorded.
  void store(const git_oid* parent_tree, const git_oid& tree, bool with_lines,
             const CommitChanges& changes);
  bool load_commit(const git_oid& id, CommitRecord& out) override;
  void store_commit(const git_oid& id, const CommitRecord& record) override;
  /// Writes what store() and store_commit() buffered; also done on destruction.
  void flush();

  static constexpr const char* kFileName = "history-v1.sqlite";

 private:
  HistoryCache(sqlite3* db, std::string path, std::vector<Message>& notes);
  void fail(const std::string& what);  ///< reports once and stops using the cache

  sqlite3* db_ = nullptr;
  std::string path_;
  std::vector<Message>& notes_;
  sqlite3_stmt* select_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  sqlite3_stmt* select_commit_ = nullptr;
  sqlite3_stmt* insert_commit_ = nullptr;
  /// Records waiting to be written, their bytes in one buffer: written at the end of the walk
  /// (or when the buffer is full) in one transaction, sorted by key, so each page of the file
  /// is written about once (batches of random keys rewrote most pages every time).
  struct Pending {
    size_t offset;
    uint32_t key_size, data_size;
    int lines;  ///< -1: a commit record
  };
  void add(std::string_view key, int lines, std::string_view data);
  std::vector<Pending> pending_;
  std::string pending_bytes_;
  bool failed_ = false;
};

/// The record format (exposed for tests): encode, and decode with every length checked.
std::string encode_changes(const CommitChanges& changes);
bool decode_changes(const void* data, size_t size, CommitChanges& out);
std::string encode_commit(const CommitRecord& record);
bool decode_commit(const void* data, size_t size, CommitRecord& out);

}  // namespace rh::history
