#pragma once
// Thin RAII wrappers over Vectorscan (the Hyperscan API): compiled databases, and a pool of
// scratch spaces (one per concurrently scanning thread, cloned from a prototype sized for every
// database of a RuleSet). One regex dialect for the whole engine: pattern rules, query
// predicates (#match?) and call argument conditions.
#include <hs/hs.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace rh {

class HsDatabase {
 public:
  struct Expression {
    std::string regex;
    unsigned flags = 0;
    unsigned id = 0;
  };
  /// Compiles the expressions into one block-mode database, or takes the one the build compiled
  /// for the same expressions (hs_prebuilt.h). The error names the expression (by index into
  /// `expressions`) that failed.
  struct CompileError {
    std::string message;
    int index = -1;
  };
  static std::unique_ptr<HsDatabase> compile(const std::vector<Expression>& expressions, CompileError* error);
  /// Takes ownership of a database (e.g. one deserialized); nullptr for nullptr.
  static std::unique_ptr<HsDatabase> adopt(hs_database_t* db);
  ~HsDatabase();
  HsDatabase(const HsDatabase&) = delete;
  HsDatabase& operator=(const HsDatabase&) = delete;
  const hs_database_t* get() const { return db_; }

 private:
  explicit HsDatabase(hs_database_t* db) : db_(db) {}
  hs_database_t* db_;
};

/// Scratch spaces for any of the databases registered with `reserve`.
class HsScratchPool {
 public:
  HsScratchPool() = default;
  ~HsScratchPool();
  HsScratchPool(const HsScratchPool&) = delete;
  HsScratchPool& operator=(const HsScratchPool&) = delete;

  /// Grows the prototype so scratch from this pool can scan `db`. Not thread-safe: call while
  /// building, before any acquire.
  void reserve(const HsDatabase& db);

  class Lease {
   public:
    Lease(HsScratchPool* pool, hs_scratch_t* s) : pool_(pool), scratch_(s) {}
    Lease(Lease&& o) noexcept : pool_(o.pool_), scratch_(o.scratch_) { o.scratch_ = nullptr; }
    Lease(const Lease&) = delete;
    ~Lease() {
      if (scratch_) pool_->release(scratch_);
    }
    hs_scratch_t* get() const { return scratch_; }
    /// Grows this (leased, so unshared) scratch to also scan `db`, e.g. one compiled lazily.
    bool reserve(const HsDatabase& db) { return hs_alloc_scratch(db.get(), &scratch_) == HS_SUCCESS; }

   private:
    HsScratchPool* pool_;
    hs_scratch_t* scratch_;
  };
  /// A scratch space for this thread's use until the lease ends (nullptr when none was reserved).
  Lease acquire();

 private:
  void release(hs_scratch_t* s);
  hs_scratch_t* prototype_ = nullptr;
  std::mutex mu_;
  std::vector<hs_scratch_t*> free_;
};

/// One regex compiled for searching short texts (captures, arguments): true when it matches
/// anywhere in the text.
class HsRegex {
 public:
  static Result<std::unique_ptr<HsRegex>> compile(const std::string& regex);
  bool search(std::string_view text, hs_scratch_t* scratch) const;
  const HsDatabase& database() const { return *db_; }

 private:
  std::unique_ptr<HsDatabase> db_;
};

}  // namespace rh
