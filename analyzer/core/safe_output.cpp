#include "core/safe_output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>
#include <vector>

namespace rh {
namespace fs = std::filesystem;

OutputFolder::OutputFolder(OutputFolder&& other) noexcept : fd_(other.fd_), path_(std::move(other.path_)) {
  other.fd_ = -1;
}

OutputFolder& OutputFolder::operator=(OutputFolder&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    path_ = std::move(other.path_);
    other.fd_ = -1;
  }
  return *this;
}

OutputFolder::~OutputFolder() {
  if (fd_ >= 0) ::close(fd_);
}

namespace {

/// The absolute path with "." and ".." folded, without touching the file system.
fs::path absolute_lexical(const std::string& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p.empty() ? fs::path(".") : fs::path(p), ec);
  if (ec) abs = fs::path(p);
  abs = abs.lexically_normal();
  if (abs.has_filename() || abs == abs.root_path()) return abs;
  return abs.parent_path();  // "a/b/" -> "a/b"
}

/// True when `path` lies strictly below `root` (the root itself may be the user's own link).
bool is_below(const fs::path& path, const fs::path& root) {
  if (root.empty()) return false;
  auto r = root.begin();
  auto p = path.begin();
  for (; r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *r) return false;
  }
  return p != path.end();
}

std::string errno_text(int e) { return std::strerror(e); }

}  // namespace

Result<OutputFolder> open_output_folder(const std::string& out_dir, const std::string& untrusted_root) {
  const fs::path target = absolute_lexical(out_dir);
  // The scanned tree, as named and as resolved: a link met below either is the repository's.
  std::vector<fs::path> roots;
  if (!untrusted_root.empty()) {
    roots.push_back(absolute_lexical(untrusted_root));
    std::error_code ec;
    fs::path real = fs::weakly_canonical(roots.front(), ec);
    if (!ec && real != roots.front()) roots.push_back(real.lexically_normal());
  }
  auto untrusted = [&](const fs::path& p) {
    for (const auto& r : roots)
      if (is_below(p, r)) return true;
    return false;
  };

  int fd = ::open(target.root_path().empty() ? "/" : target.root_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Error{out_dir + ": cannot open the output folder (" + errno_text(errno) + ")"};
  fs::path so_far = target.root_path();
  fs::path resolved = so_far;  // where the walk really is, once links above the tree are followed
  for (const auto& part : target.relative_path()) {
    if (part.empty() || part == ".") continue;
    so_far /= part;
    resolved /= part;
    const bool guarded = untrusted(so_far) || untrusted(resolved);
    int next = ::openat(fd, part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (next < 0 && errno == ENOENT) {
      if (::mkdirat(fd, part.c_str(), 0777) != 0 && errno != EEXIST) {
        int e = errno;
        ::close(fd);
        return Error{out_dir + ": cannot create the output folder " + so_far.string() + " (" + errno_text(e) + ")"};
      }
      next = ::openat(fd, part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    }
    if (next < 0 && (errno == ELOOP || errno == ENOTDIR)) {
      struct stat st {};
      const bool is_link = ::fstatat(fd, part.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode);
      if (is_link && guarded) {
        ::close(fd);
        return Error{out_dir + ": the output folder passes through the symbolic link " + so_far.string() +
                     " inside the scanned repository; reports are never written through a link the "
                     "repository controls. Choose an --out outside the repository, or remove the link"};
      }
      if (is_link) {
        next = ::openat(fd, part.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        std::error_code ec;
        fs::path real = fs::weakly_canonical(so_far, ec);
        if (!ec) resolved = real.lexically_normal();
      } else {
        ::close(fd);
        return Error{out_dir + ": " + so_far.string() + " is not a folder"};
      }
    }
    if (next < 0) {
      int e = errno;
      ::close(fd);
      return Error{out_dir + ": cannot open the output folder " + so_far.string() + " (" + errno_text(e) + ")"};
    }
    ::close(fd);
    fd = next;
  }
  return OutputFolder(fd, out_dir);
}

Result<std::string> write_file_atomically(const OutputFolder& folder, const std::string& name, std::string_view bytes) {
  const std::string shown = (fs::path(folder.path()) / name).string();
  if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..")
    return Error{shown + ": not a plain file name"};
  static std::atomic<unsigned> counter{0};
  static const unsigned salt = std::random_device{}();
  std::string temp;
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    temp = "." + name + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(salt) + "-" +
           std::to_string(counter.fetch_add(1));
    fd = ::openat(folder.fd(), temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) return Error{shown + ": cannot create a temporary file (" + errno_text(errno) + ")"};
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int e = errno;
      ::close(fd);
      ::unlinkat(folder.fd(), temp.c_str(), 0);
      return Error{shown + ": cannot write the report (" + errno_text(e) + ")"};
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    int e = errno;
    ::unlinkat(folder.fd(), temp.c_str(), 0);
    return Error{shown + ": cannot write the report (" + errno_text(e) + ")"};
  }
  // rename replaces whatever entry has the name, a symbolic link included, without following it.
  if (::renameat(folder.fd(), temp.c_str(), folder.fd(), name.c_str()) != 0) {
    int e = errno;
    ::unlinkat(folder.fd(), temp.c_str(), 0);
    return Error{shown + ": cannot replace the report (" + errno_text(e) + ")"};
  }
  return shown;
}

}  // namespace rh
