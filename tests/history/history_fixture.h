#pragma once
// Building small git repositories for the history tests: fixed dates and identities, files
// written from the test, commit ids returned.
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "history/history.h"
#include "support/test_support.h"

namespace rh::test {

/// Numbered lines "<prefix> <i>: some text\n" for i in [from, to].
inline std::string numbered(const std::string& prefix, int from, int to) {
  std::string out;
  for (int i = from; i <= to; ++i)
    out += prefix + " " + std::to_string(i) + ": the quick brown fox jumps over the lazy dog\n";
  return out;
}

class GitRepo {
 public:
  GitRepo() { git(path(), "init -q"); }
  const std::filesystem::path& path() const { return dir_.path(); }
  std::string str() const { return dir_.str(); }
  void write(const std::string& rel, const std::string& bytes) { write_file(path(), rel, bytes); }
  void remove(const std::string& rel) { std::filesystem::remove(path() / rel); }
  /// Stages everything and commits; returns the new commit id.
  std::string commit(const std::string& message, const std::string& date, const std::string& who) {
    git(path(), "add -A", date, who);
    git(path(), "commit -q --allow-empty -m " + sh_quote(message), date, who);
    return head();
  }
  std::string head() { return trim(git(path(), "rev-parse HEAD")); }
  std::string run(const std::string& args, const std::string& date = "2024-01-15T12:00:00Z",
                  const std::string& who = "Test Author <test@example.org>") {
    return trim(git(path(), args, date, who));
  }
  static std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
  }

 private:
  TempDir dir_;
};

/// analyse_history that fails the test on an error.
inline HistoryFacts analyse(const GitRepo& repo, const HistoryOptions& options = {},
                            const std::string& rev = "") {
  auto r = analyse_history(repo.str(), rev, options);
  if (!r) {
    ADD_FAILURE() << r.error().message;
    return {};
  }
  return *r;
}

inline const FileHistory* find_file(const HistoryFacts& h, const std::string& path) {
  for (const auto& f : h.files)
    if (f.path == path) return &f;
  return nullptr;
}

inline const Contributor* find_author(const HistoryFacts& h, const std::string& id) {
  for (const auto& a : h.repository.authors)
    if (a.id == id) return &a;
  return nullptr;
}

}  // namespace rh::test
