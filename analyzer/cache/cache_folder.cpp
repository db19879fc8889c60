#include "cache/cache_folder.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace rh {

bool make_dirs(const std::string& dir, Message& why) {
  std::string partial;
  size_t pos = 0;
  while (pos != std::string::npos) {
    pos = dir.find('/', pos + 1);
    partial = dir.substr(0, pos);
    if (partial.empty()) continue;
    if (::mkdir(partial.c_str(), 0700) != 0 && errno != EEXIST) {
      why = msg("cache.folder.cannot_create", {text_arg("path", partial), text_arg("error", std::strerror(errno))});
      return false;
    }
  }
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    why = msg("cache.folder.not_folder", {text_arg("path", dir)});
    return false;
  }
  return true;
}

bool remove_non_files(const std::string& file, Message& what) {
  bool removed = false;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    const std::string p = file + suffix;
    struct stat st {};
    if (::lstat(p.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
      ::unlink(p.c_str());
      what = msg("cache.folder.planted", {text_arg("path", p)});
      removed = true;
    }
  }
  return removed;
}

}  // namespace rh
