// open_source(): picks the git tree, working tree or folder source for the path the user gave.
#include <dirent.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "core/file_source.h"
#include "core/folder_source.h"
#include "core/git_source.h"

namespace rh {
namespace fs = std::filesystem;

Result<std::unique_ptr<FileSource>> open_source(const SourceOptions& options, SourceInfo* info) {
  SourceInfo scratch;
  SourceInfo& out = info ? *info : scratch;
  out = SourceInfo{};
  const std::string& given = options.root;
  if (given.empty()) return Error{"no path given"};

  std::error_code ec;
  fs::file_status status = fs::status(given, ec);
  if (status.type() == fs::file_type::not_found) return Error{"path does not exist: " + given};
  if (ec) return Error{"cannot access " + given + ": " + ec.message()};
  if (!fs::is_directory(status)) return Error{"not a directory: " + given};
  fs::path root = fs::canonical(given, ec);
  if (ec) return Error{"cannot access " + given + ": " + ec.message()};
  if (DIR* dir = ::opendir(root.c_str())) {
    ::closedir(dir);
  } else {
    return Error{"cannot read folder " + given + ": " + std::strerror(errno)};
  }

  auto git = open_git_source(root, options, &out);
  if (!git) return git.error();
  if (*git) return std::move(*git);

  if (!options.rev.empty())
    return Error{"--rev " + options.rev + " needs a git repository, but " + given +
                 " is not inside one"};
  out.kind = "folder";
  return open_folder_source(root, make_gitignore_filter(), "folder");
}

}  // namespace rh
