#include "cache/cache_folder.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace rh {

bool make_dirs(const std::string& dir, std::string& why) {
  std::string partial;
  size_t pos = 0;
  while (pos != std::string::npos) {
    pos = dir.find('/', pos + 1);
    partial = dir.substr(0, pos);
    if (partial.empty()) continue;
    if (::mkdir(partial.c_str(), 0700) != 0 && errno != EEXIST) {
      why = partial + ": cannot create the cache folder: " + std::strerror(errno);
      return false;
    }
  }
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    why = dir + ": the cache folder is not a folder";
    return false;
  }
  return true;
}

bool remove_non_files(const std::string& file, std::string& what) {
  bool removed = false;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    const std::string p = file + suffix;
    struct stat st {};
    if (::lstat(p.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
      ::unlink(p.c_str());
      what = p + " was not a plain file (a symbolic link?)";
      removed = true;
    }
  }
  return removed;
}

}  // namespace rh
