#pragma once
// Shared by the libFuzzer targets in fuzz/: readers that take a path get the fuzzer's bytes
// through a scratch file of this process (the readers are fuzzed as a scan calls them).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace rh::fuzz {

/// A scratch file under the temporary folder, one per process and name, removed at exit.
class ScratchFile {
 public:
  explicit ScratchFile(const std::string& name)
      : path_((std::filesystem::temp_directory_path() /
               ("rh-fuzz-" + std::to_string(::getpid()) + "-" + name))
                  .string()) {}
  ~ScratchFile() { std::remove(path_.c_str()); }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  /// Replaces the file's content with `bytes`; returns its path.
  const std::string& write(std::string_view bytes) const {
    if (std::FILE* f = std::fopen(path_.c_str(), "wb")) {
      if (!bytes.empty()) std::fwrite(bytes.data(), 1, bytes.size(), f);
      std::fclose(f);
    }
    return path_;
  }

 private:
  std::string path_;
};

inline std::string_view as_view(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace rh::fuzz
