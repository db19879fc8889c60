#pragma once
// Owning handles for libgit2 objects (freed on scope exit) and small helpers, shared by the
// workspace (core/git_source.cpp) and the history (history/git_handles.h).
#include <git2.h>

#include <memory>
#include <string>

namespace rh {

template <class T, void (*Free)(T*)>
struct GitDeleter {
  void operator()(T* p) const {
    if (p) Free(p);
  }
};
template <class T, void (*Free)(T*)>
using GitPtr = std::unique_ptr<T, GitDeleter<T, Free>>;

/// The last libgit2 error message, or "unknown libgit2 error".
inline std::string git_error_text() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown libgit2 error";
}

inline std::string oid_hex(const git_oid& id) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &id);
  return buf;
}

}  // namespace rh
