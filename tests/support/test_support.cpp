#include "support/test_support.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <unistd.h>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace rh::test {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path p = fs::temp_directory_path() / ("repohealth-test-" + std::to_string(rd()));
    std::error_code ec;
    if (fs::create_directory(p, ec)) {
      path_ = fs::canonical(p);
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary folder");
}

TempDir::~TempDir() {
  std::error_code ec;
  // Make everything writable first (tests chmod files to provoke errors).
  run("chmod -R u+rwX " + sh_quote(path_.string()) + " 2>/dev/null");
  fs::remove_all(path_, ec);
}

void write_file(const fs::path& root, const std::string& rel, const std::string& bytes) {
  fs::path p = root / rel;
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string sh_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

CommandResult run(const std::string& command, const fs::path& cwd) {
  char out_tmpl[] = "/tmp/rh-out-XXXXXX";
  char err_tmpl[] = "/tmp/rh-err-XXXXXX";
  int out_fd = mkstemp(out_tmpl);
  int err_fd = mkstemp(err_tmpl);
  close(out_fd);
  close(err_fd);
  std::string full;
  if (!cwd.empty()) full = "cd " + sh_quote(cwd.string()) + " && ";
  full += "( " + command + " ) >" + out_tmpl + " 2>" + err_tmpl + " </dev/null";
  // repohealth-ignore: c.security.system-nonliteral tests drive git and repohealth through sh, with quoted arguments
  int status = std::system(full.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out_tmpl);
  r.err = read_file(err_tmpl);
  std::remove(out_tmpl);
  std::remove(err_tmpl);
  return r;
}

const fs::path& test_cache_home() {
  static const TempDir home;  // removed when the test program ends
  return home.path();
}

CommandResult run_repohealth(const std::string& args, const fs::path& cwd) {
  // The per-file cache goes to a folder of this test program, never to the user's own cache.
  return run("XDG_CACHE_HOME=" + sh_quote(test_cache_home().string()) + " " + sh_quote(repohealth_binary()) + " " +
                 args,
             cwd);
}

std::string git(const fs::path& repo, const std::string& args, const std::string& date,
                const std::string& author) {
  auto lt = author.find('<');
  std::string name = author.substr(0, lt == std::string::npos ? author.size() : lt);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  std::string email =
      lt == std::string::npos ? "" : author.substr(lt + 1, author.find('>') - lt - 1);
  std::string env = "GIT_CONFIG_NOSYSTEM=1 HOME=" + sh_quote(repo.string()) +
                    " GIT_AUTHOR_NAME=" + sh_quote(name) + " GIT_AUTHOR_EMAIL=" + sh_quote(email) +
                    " GIT_COMMITTER_NAME=" + sh_quote(name) +
                    " GIT_COMMITTER_EMAIL=" + sh_quote(email) + " GIT_AUTHOR_DATE=" + sh_quote(date) +
                    " GIT_COMMITTER_DATE=" + sh_quote(date) + " ";
  CommandResult r = run(env + "git -c init.defaultBranch=main -c commit.gpgsign=false " +
                            "-c protocol.file.allow=always " + args,
                        repo);
  if (r.exit_code != 0) {
    ADD_FAILURE() << "git " << args << " failed in " << repo << ": " << r.err;
  }
  return r.out;
}

std::string source_dir() { return RH_SOURCE_DIR; }
std::string repohealth_binary() { return RH_BINARY; }

}  // namespace rh::test
