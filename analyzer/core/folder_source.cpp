#include "core/folder_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <system_error>
#include <utility>

#include "core/gitignore.h"

namespace rh {
namespace fs = std::filesystem;
namespace {

/// Deeper folders are not walked (and noted): protects the stack against hostile trees.
constexpr int kMaxDepth = 1024;
/// A .gitignore larger than this is read only up to here.
constexpr int64_t kMaxIgnoreFileBytes = 4 * 1024 * 1024;

std::string errno_text(int err) {
  if (err == ELOOP) return "a symbolic link is in the way (links are not followed)";
  return std::strerror(err);
}

std::string join_rel(const std::string& folder, const std::string& name) {
  return folder.empty() ? name : folder + "/" + name;
}

/// Closes a file descriptor when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

/// Opens root/rel for reading without following a symbolic link in any component below root.
/// Returns -1 with errno set on failure. O_NONBLOCK keeps a FIFO from blocking the open.
int open_below(int root_fd, const std::string& rel) {
  int dir = root_fd;
  size_t start = 0;
  while (true) {
    size_t slash = rel.find('/', start);
    std::string part = rel.substr(start, slash == std::string::npos ? std::string::npos
                                                                    : slash - start);
    if (part.empty() || part == "." || part == "..") {
      if (dir != root_fd) ::close(dir);
      errno = EINVAL;
      return -1;
    }
    bool last = slash == std::string::npos;
    int flags = last ? O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC
                     : O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
    int fd = ::openat(dir, part.c_str(), flags);
    int saved = errno;
    if (dir != root_fd) ::close(dir);
    errno = saved;
    if (fd < 0 || last) return fd;
    dir = fd;
    start = slash + 1;
  }
}

/// Reads at most max_bytes (no limit when negative) of an open regular file.
Result<std::string> read_open_file(int fd, int64_t max_bytes, const std::string& what) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return Error{"cannot read " + what + ": " + errno_text(errno)};
  if (!S_ISREG(st.st_mode)) return Error{"cannot read " + what + ": not a regular file"};
  uint64_t cap = max_bytes < 0 ? UINT64_MAX : static_cast<uint64_t>(max_bytes);
  std::string out;
  out.reserve(static_cast<size_t>(std::min<uint64_t>(cap, static_cast<uint64_t>(st.st_size))));
  while (out.size() < cap) {
    size_t chunk = static_cast<size_t>(std::min<uint64_t>(cap - out.size(), 1 << 16));
    size_t old = out.size();
    out.resize(old + chunk);
    ssize_t n = ::read(fd, out.data() + old, chunk);
    if (n < 0 && errno == EINTR) {
      out.resize(old);
      continue;
    }
    if (n < 0) return Error{"cannot read " + what + ": " + errno_text(errno)};
    out.resize(old + static_cast<size_t>(n));
    if (n == 0) break;
  }
  return out;
}

/// The path, relative to `root`, of the regular file the symbolic link at `link` resolves to,
/// when that file is inside `root` and not under a .git folder.
std::optional<std::string> resolve_inside(const fs::path& root, const fs::path& link) {
  std::error_code ec;
  fs::path target = fs::read_symlink(link, ec);
  if (ec || target.empty()) return std::nullopt;
  fs::path resolved = fs::weakly_canonical(link.parent_path() / target, ec);
  if (ec) return std::nullopt;
  fs::file_status st = fs::status(resolved, ec);
  if (ec || !fs::is_regular_file(st)) return std::nullopt;
  fs::path rel = resolved.lexically_relative(root);
  if (rel.empty() || rel == ".") return std::nullopt;
  for (const fs::path& part : rel)
    if (part == ".." || part == ".git") return std::nullopt;
  return rel.generic_string();
}

class FolderSource : public FileSource {
 public:
  FolderSource(fs::path root, int root_fd, std::unique_ptr<WalkFilter> filter, std::string kind)
      : root_(std::move(root)), root_fd_(root_fd), filter_(std::move(filter)),
        kind_(std::move(kind)) {}
  ~FolderSource() override { ::close(root_fd_); }

  Result<SourceListing> list() override {
    SourceListing listing;
    walk(root_, "", 0, listing);
    std::sort(listing.entries.begin(), listing.entries.end(),
              [](const SourceEntry& a, const SourceEntry& b) { return a.path < b.path; });
    return listing;
  }

  Result<std::string> read(const SourceEntry& entry, int64_t max_bytes) override {
    std::string what = (root_ / entry.path).string();
    std::string rel = entry.path;
    if (entry.kind == SourceEntry::Kind::submodule)
      return Error{"cannot read " + what + ": it is a submodule"};
    if (entry.kind == SourceEntry::Kind::symlink) {
      // Resolve again: the link may have changed since it was listed.
      auto inside = resolve_inside(root_, root_ / entry.path);
      if (!inside)
        return Error{"cannot read " + what +
                     ": a symbolic link whose target is not a file inside " + root_.string()};
      rel = *inside;
    }
    int fd = open_below(root_fd_, rel);
    if (fd < 0) return Error{"cannot read " + what + ": " + errno_text(errno)};
    Fd closer(fd);
    return read_open_file(fd, max_bytes, what);
  }

  std::string kind() const override { return kind_; }

 private:
  void walk(const fs::path& abs, const std::string& rel, int depth, SourceListing& out) {
    std::vector<std::string> names;
    std::error_code ec;
    fs::directory_iterator it(abs, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec))
      names.push_back(it->path().filename().string());
    if (ec) {
      out.notes.push_back({rel, msg("source.folder_unreadable", {text_arg("folder", abs.string()), text_arg("problem", ec.message())})});
      return;
    }
    filter_->enter_folder(rel, abs, out.notes);
    for (const std::string& name : names) {
      if (name == ".git") continue;
      visit(abs / name, join_rel(rel, name), depth, out);
    }
    filter_->leave_folder(rel);
  }

  void visit(const fs::path& abs, const std::string& rel, int depth, SourceListing& out) {
    struct stat st {};
    if (::lstat(abs.c_str(), &st) != 0) {
      out.notes.push_back({rel, msg("source.cannot_inspect", {text_arg("file", abs.string()), text_arg("problem", errno_text(errno))})});
      return;
    }
    bool is_dir = S_ISDIR(st.st_mode);
    if (filter_->excluded(rel, is_dir)) return;
    SourceEntry entry;
    entry.path = rel;
    if (is_dir) {
      if (filter_->is_submodule(rel, abs)) {
        entry.kind = SourceEntry::Kind::submodule;
        out.entries.push_back(std::move(entry));
      } else if (depth + 1 >= kMaxDepth) {
        out.notes.push_back({rel, msg("source.too_deep")});
      } else {
        walk(abs, rel, depth + 1, out);
      }
      return;
    }
    if (S_ISREG(st.st_mode)) {
      entry.size = st.st_size;
    } else if (S_ISLNK(st.st_mode)) {
      entry.kind = SourceEntry::Kind::symlink;
      entry.size = st.st_size;  // the target's length, as git records it
      std::error_code ec;
      entry.link_target = fs::read_symlink(abs, ec).string();
      entry.link_inside = !ec && resolve_inside(root_, abs).has_value();
    } else {
      out.notes.push_back({rel, msg("source.special_file")});
      return;
    }
    out.entries.push_back(std::move(entry));
  }

  fs::path root_;
  int root_fd_;
  std::unique_ptr<WalkFilter> filter_;
  std::string kind_;
};

/// Leaves out what the .gitignore files of the walked tree ignore.
class GitignoreFilter : public WalkFilter {
 public:
  void enter_folder(const std::string& rel, const fs::path& abs,
                    std::vector<SourceNote>& notes) override {
    std::string where = join_rel(rel, ".gitignore");
    int fd = ::open((abs / ".gitignore").c_str(),
                    O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
      if (errno != ENOENT) notes.push_back({where, msg("source.not_read", {text_arg("problem", errno_text(errno))})});
      pushed_.push_back(false);
      return;
    }
    Fd closer(fd);
    auto text = read_open_file(fd, kMaxIgnoreFileBytes, (abs / ".gitignore").string());
    if (!text) {
      notes.push_back({where, msg("source.not_read", {text_arg("problem", text.error().message)})});
      pushed_.push_back(false);
      return;
    }
    stack_.push(rel, parse_gitignore(*text));
    pushed_.push_back(true);
  }

  void leave_folder(const std::string&) override {
    if (!pushed_.empty() && pushed_.back()) stack_.pop();
    if (!pushed_.empty()) pushed_.pop_back();
  }

  bool excluded(const std::string& rel, bool is_dir) override {
    return stack_.is_ignored(rel, is_dir);
  }

 private:
  IgnoreStack stack_;
  std::vector<bool> pushed_;  ///< per entered folder: whether it pushed a .gitignore
};

}  // namespace

std::unique_ptr<WalkFilter> make_gitignore_filter() { return std::make_unique<GitignoreFilter>(); }

Result<std::unique_ptr<FileSource>> open_folder_source(const fs::path& root,
                                                       std::unique_ptr<WalkFilter> filter,
                                                       std::string kind) {
  int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Error{"cannot read folder " + root.string() + ": " + errno_text(errno)};
  return std::unique_ptr<FileSource>(
      new FolderSource(root, fd, std::move(filter), std::move(kind)));
}

}  // namespace rh
