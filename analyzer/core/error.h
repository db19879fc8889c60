#pragma once
// Errors are values: a message a user can act on (what, where, hint). Exceptions do not cross
// module boundaries.
#include <string>
#include <utility>
#include <variant>

namespace rh {

struct Error {
  std::string message;
};

/// A value or an Error. Small on purpose: `if (!r) return r.error();` and `*r`.
template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}
  explicit operator bool() const { return v_.index() == 0; }
  bool ok() const { return v_.index() == 0; }
  T& operator*() { return std::get<0>(v_); }
  const T& operator*() const { return std::get<0>(v_); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace rh
