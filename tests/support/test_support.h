#pragma once
// Helpers shared by tests: scratch folders, building git repositories with fixed dates, running
// the repohealth binary.
#include <filesystem>
#include <map>
#include <string>

namespace rh::test {

/// A fresh folder under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

/// Writes bytes to root/rel, creating folders.
void write_file(const std::filesystem::path& root, const std::string& rel, const std::string& bytes);
std::string read_file(const std::filesystem::path& path);

struct CommandResult {
  int exit_code = -1;
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};
/// Runs a shell command (sh -c) in `cwd`, capturing stdout and stderr.
CommandResult run(const std::string& command, const std::filesystem::path& cwd = {});
/// The XDG_CACHE_HOME run_repohealth gives the binary: a temp folder of this test program, so
/// scans share a cache with each other (as a user's do) and never touch the user's.
const std::filesystem::path& test_cache_home();
/// Runs the repohealth binary with arguments (already shell-quoted as needed).
CommandResult run_repohealth(const std::string& args, const std::filesystem::path& cwd = {});
/// Single-quotes a string for sh.
std::string sh_quote(const std::string& s);

/// Runs git in `repo` with a fixed identity and dates (GIT_AUTHOR_DATE/COMMITTER_DATE = date,
/// e.g. "2024-01-15T12:00:00Z"); aborts the test on failure.
std::string git(const std::filesystem::path& repo, const std::string& args,
                const std::string& date = "2024-01-15T12:00:00Z",
                const std::string& author = "Test Author <test@example.org>");

std::string source_dir();
std::string repohealth_binary();

}  // namespace rh::test
