#include "engine/hs_regex.h"

#include "engine/hs_prebuilt.h"

namespace rh {

std::unique_ptr<HsDatabase> HsDatabase::compile(const std::vector<Expression>& expressions, CompileError* error) {
  if (auto prebuilt = detail::prebuilt_or_null(expressions)) return prebuilt;
  detail::count_compiled();
  std::vector<const char*> patterns;
  std::vector<unsigned> flags, ids;
  for (const auto& e : expressions) {
    patterns.push_back(e.regex.c_str());
    flags.push_back(e.flags);
    ids.push_back(e.id);
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_compile_multi(patterns.data(), flags.data(), ids.data(), static_cast<unsigned>(patterns.size()),
                       HS_MODE_BLOCK, nullptr, &db, &err) != HS_SUCCESS) {
    if (error) {
      error->message = err && err->message ? err->message : "cannot compile";
      error->index = err ? err->expression : -1;
    }
    hs_free_compile_error(err);
    return nullptr;
  }
  return std::unique_ptr<HsDatabase>(new HsDatabase(db));
}

std::unique_ptr<HsDatabase> HsDatabase::adopt(hs_database_t* db) {
  return db ? std::unique_ptr<HsDatabase>(new HsDatabase(db)) : nullptr;
}

HsDatabase::~HsDatabase() { hs_free_database(db_); }

HsScratchPool::~HsScratchPool() {
  for (hs_scratch_t* s : free_) hs_free_scratch(s);
  if (prototype_) hs_free_scratch(prototype_);
}

void HsScratchPool::reserve(const HsDatabase& db) { hs_alloc_scratch(db.get(), &prototype_); }

HsScratchPool::Lease HsScratchPool::acquire() {
  {
    std::lock_guard lock(mu_);
    if (!free_.empty()) {
      hs_scratch_t* s = free_.back();
      free_.pop_back();
      return Lease(this, s);
    }
  }
  hs_scratch_t* s = nullptr;
  if (prototype_ && hs_clone_scratch(prototype_, &s) != HS_SUCCESS) s = nullptr;
  return Lease(this, s);
}

void HsScratchPool::release(hs_scratch_t* s) {
  std::lock_guard lock(mu_);
  free_.push_back(s);
}

Result<std::unique_ptr<HsRegex>> HsRegex::compile(const std::string& regex) {
  HsDatabase::CompileError error;
  auto db = HsDatabase::compile({{regex, HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY, 0}}, &error);
  if (!db) return Error{"invalid regex '" + regex + "': " + error.message};
  auto r = std::make_unique<HsRegex>();
  r->db_ = std::move(db);
  return r;
}

bool HsRegex::search(std::string_view text, hs_scratch_t* scratch) const {
  bool found = false;
  auto on_match = [](unsigned, unsigned long long, unsigned long long, unsigned, void* ctx) -> int {
    *static_cast<bool*>(ctx) = true;
    return 1;  // stop
  };
  static const char empty = 0;
  hs_scan(db_->get(), text.empty() ? &empty : text.data(), static_cast<unsigned>(text.size()), 0, scratch, on_match,
          &found);
  return found;
}

}  // namespace rh
