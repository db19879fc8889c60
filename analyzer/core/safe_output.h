#pragma once
// Writing reports without trusting the scanned repository. A repository can commit
// `repohealth-report/report.md` (or the folder itself) as a symbolic link to a file outside it;
// a scan run in its checkout must never write where such a link points. So the output folder is
// opened component by component without following links inside the scanned tree, and each file
// is written whole under a temporary name (exclusive, no-follow) and renamed over the final
// name: a link there is replaced, never written through, and a reader never sees half a report.
#include <string>
#include <string_view>

#include "core/error.h"

namespace rh {

/// An output folder held open by descriptor, so that later writes go into the folder that was
/// checked even when a path component is swapped for a link afterwards.
class OutputFolder {
 public:
  OutputFolder() = default;
  OutputFolder(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  OutputFolder(OutputFolder&& other) noexcept;
  OutputFolder& operator=(OutputFolder&& other) noexcept;
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;
  ~OutputFolder();

  int fd() const { return fd_; }
  /// The folder as the user named it (for messages and "wrote …" lines).
  const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
};

/// Opens `out_dir`, creating missing folders. No component at or below `untrusted_root` (the
/// scanned repository; "" when there is none) may be a symbolic link: such an --out is refused
/// with a message naming the link. Links above it (a system's /tmp, the user's own folders)
/// are followed as usual.
Result<OutputFolder> open_output_folder(const std::string& out_dir, const std::string& untrusted_root = "");

/// Writes `bytes` to `name` (a plain file name) in `folder`: a temporary file created with
/// O_EXCL | O_NOFOLLOW, written whole, then renamed over `name`. Returns the path written.
Result<std::string> write_file_atomically(const OutputFolder& folder, const std::string& name,
                                          std::string_view bytes);

}  // namespace rh
